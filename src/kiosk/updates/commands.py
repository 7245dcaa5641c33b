"""`kiosk bundle ...`: make a key, build, check, trust and apply signed update bundles."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    bundle = sub.add_parser("bundle", help="signed update bundles (keygen, build, verify, "
                                           "trust, apply)")
    steps = bundle.add_subparsers(dest="bundle_command", metavar="STEP", required=True)

    p = steps.add_parser("keygen", help="make the publisher's key pair (once)")
    p.add_argument("--out", type=Path, required=True, metavar="KEY.pem",
                   help="where the private key goes; the public key is written beside it "
                        "as KEY.pub.pem")
    p.set_defaults(func=cmd_keygen)

    p = steps.add_parser("build", help="sign directory files into one bundle file")
    p.add_argument("source", type=Path, metavar="SRC", help="a directory file or folder")
    p.add_argument("--key", type=Path, required=True, metavar="KEY.pem")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--version", type=int, default=None, metavar="N",
                   help="a number higher than every earlier bundle's (default: the date "
                        "and time, as YYYYMMDDhhmm)")
    p.add_argument("--publisher", default="", metavar="NAME",
                   help="who publishes it, shown to staff")
    p.set_defaults(func=cmd_build)

    p = steps.add_parser("trust", parents=[common],
                         help="make this kiosk accept bundles signed by this public key")
    p.add_argument("public_key", type=Path, metavar="KEY.pub.pem")
    p.set_defaults(func=cmd_trust)

    p = steps.add_parser("verify", parents=[common],
                         help="check a bundle against the trusted key without applying it")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--key", type=Path, default=None, metavar="KEY.pub.pem",
                   help="check against this public key instead of the kiosk's")
    p.set_defaults(func=cmd_verify)

    p = steps.add_parser("folder", parents=[common],
                         help="name the update folder this kiosk watches (a USB stick's "
                              "mount point or a synced folder); '' to stop watching")
    p.add_argument("folder", metavar="PATH")
    p.set_defaults(func=cmd_folder)

    p = steps.add_parser("sync", parents=[common],
                         help="apply the newest good bundle in the update folder now (the "
                              "running kiosk does this by itself between visitors)")
    p.set_defaults(func=cmd_sync)

    p = steps.add_parser("apply", parents=[common],
                         help="check a bundle and make it this kiosk's directory")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_apply)


def cmd_keygen(args: argparse.Namespace) -> int:
    from kiosk.updates import keys

    private, public = keys.generate(args.out)
    print(f"Private key: {private} (keep it secret and backed up; never copy it to a kiosk)")
    print(f"Public key:  {public} (give this one to every kiosk)")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from kiosk.updates.bundle import build

    made = build(args.source, args.key, args.out, args.version, args.publisher)
    counts = made.manifest["counts"]
    print(f"Wrote {args.out}: {made.describe()}; {counts['categories']} categories, "
          f"{counts['resources']} resources, {counts['topics']} topics; key {made.signer}.")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from kiosk.backups import add_notice
    from kiosk.commandline import open_store
    from kiosk.directory.settings import Settings
    from kiosk.errors import KnownError
    from kiosk.updates import keys

    try:
        pem = args.public_key.read_text(encoding="ascii")
    except (FileNotFoundError, UnicodeDecodeError):
        raise KnownError(f"{args.public_key}: this is not a public key file.") from None
    key = keys.load_public(pem, str(args.public_key))
    store = open_store(args)
    fingerprint = keys.fingerprint(keys.raw_public(key))
    with store.db.atomic():
        Settings(store).set("trusted_key", keys.public_pem(key))
        add_notice(store, f"This kiosk now trusts update bundles signed by key {fingerprint}.")
    print(f"This kiosk now trusts bundles signed by key {fingerprint}.")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from kiosk.updates.bundle import applied_version, verify

    if args.key is not None:
        bundle = verify(args.file, args.key.read_text(encoding="ascii"))
        print(f"{args.file.name}: signed by {bundle.signer}; {bundle.describe()}.")
        return 0
    from kiosk.commandline import open_store
    from kiosk.directory.settings import Settings

    store = open_store(args)
    bundle = verify(args.file, Settings(store).get("trusted_key"))
    current = applied_version(store)
    newer = "newer than" if bundle.version > current else "NOT newer than"
    print(f"{args.file.name}: signed by the trusted key; {bundle.describe()}; {newer} this "
          f"kiosk's version ({current}).")
    return 0 if bundle.version > current else 1


def cmd_apply(args: argparse.Namespace) -> int:
    from kiosk.commandline import data_dir_of, open_store
    from kiosk.updates.bundle import apply

    store = open_store(args)
    print(apply(store, data_dir_of(args), args.file))
    return 0


def cmd_folder(args: argparse.Namespace) -> int:
    from kiosk.commandline import open_store
    from kiosk.directory.settings import Settings

    folder = str(Path(args.folder).expanduser().resolve()) if args.folder.strip() else ""
    store = open_store(args)
    Settings(store).set("update_folder", folder)
    print(f"Update folder: {folder}" if folder else "This kiosk watches no update folder.")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    import sys

    from kiosk.commandline import data_dir_of, open_store
    from kiosk.directory.settings import Settings
    from kiosk.errors import KnownError
    from kiosk.updates.bundle import applied_version, apply, newest_in_folder

    store = open_store(args)
    settings = Settings(store)
    folder = str(settings.get("update_folder") or "")
    if not folder:
        raise KnownError("This kiosk has no update folder; name one with "
                         "'kiosk bundle folder PATH'.")
    current = applied_version(store)
    newest, refused = newest_in_folder(Path(folder), settings.get("trusted_key"), current)
    for message in refused:
        print(f"Refused: {message}", file=sys.stderr)
    if newest is None:
        print(f"No newer update in {folder}; this kiosk has version {current}.")
        return 1 if refused else 0
    print(apply(store, data_dir_of(args), newest.path))
    return 0
