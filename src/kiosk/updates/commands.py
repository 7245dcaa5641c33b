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
    p.add_argument("--valid-days", type=int, default=None, metavar="DAYS",
                   help="how long the bundle stays current; a kiosk whose newest bundle is "
                        "older than this warns its staff (default: 90)")
    p.add_argument("--announce-key", type=Path, action="append", default=[],
                   metavar="NEW.pub.pem",
                   help="kiosks that apply this bundle also trust this key from now on "
                        "(signed by KEY.pem, which they already trust)")
    p.add_argument("--retire-key", action="append", default=[], metavar="FINGERPRINT",
                   help="kiosks that apply this bundle stop trusting this key")
    p.set_defaults(func=cmd_build)

    p = steps.add_parser("trust", parents=[common],
                         help="make this kiosk accept bundles signed by this public key "
                              "(as well as those it trusts already)")
    p.add_argument("public_key", type=Path, metavar="KEY.pub.pem")
    p.add_argument("--only", action="store_true",
                   help="trust this key alone, forgetting the others")
    p.set_defaults(func=cmd_trust)

    p = steps.add_parser("untrust", parents=[common],
                         help="stop accepting bundles signed by a key")
    p.add_argument("fingerprint", metavar="FINGERPRINT",
                   help="the key's fingerprint, as 'kiosk bundle keys' shows it")
    p.set_defaults(func=cmd_untrust)

    p = steps.add_parser("keys", parents=[common], help="list the keys this kiosk trusts")
    p.set_defaults(func=cmd_keys)

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

    fleet = sub.add_parser("fleet", help="status files of every kiosk, through the update "
                                         "folder")
    fleet_steps = fleet.add_subparsers(dest="fleet_command", metavar="STEP", required=True)
    p = fleet_steps.add_parser("status", help="one row per kiosk whose status file is in "
                                              "FOLDER, failing and oldest first (exit 1 "
                                              "when any fails)")
    p.add_argument("folder", type=Path, metavar="FOLDER",
                   help="the update folder (its status/ subfolder holds the files)")
    p.add_argument("--json", action="store_true", help="the rows as JSON, one per line")
    p.set_defaults(func=cmd_fleet_status)
    p = fleet_steps.add_parser("report", parents=[common],
                               help="write this kiosk's status file into its update folder "
                                    "now (a running kiosk does it by itself every hour)")
    p.set_defaults(func=cmd_fleet_report)

    p = steps.add_parser("apply", parents=[common],
                         help="check a bundle and make it this kiosk's directory")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--allow-jump", action="store_true",
                   help="accept a version far above this kiosk's (after a change of "
                        "numbering)")
    p.set_defaults(func=cmd_apply)


def cmd_keygen(args: argparse.Namespace) -> int:
    from kiosk.updates import keys

    private, public = keys.generate(args.out)
    print(f"Private key: {private} (keep it secret and backed up; never copy it to a kiosk)")
    print(f"Public key:  {public} (give this one to every kiosk)")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from kiosk.updates.bundle import DEFAULT_VALID_DAYS, build

    made = build(args.source, args.key, args.out, args.version, args.publisher,
                 valid_days=args.valid_days or DEFAULT_VALID_DAYS,
                 announce=args.announce_key, retire=args.retire_key)
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
    settings = Settings(store)
    others = [] if args.only else keys.load_trusted(settings.get("trusted_key"))
    if len({keys.raw_public(k) for k in [*others, key]}) > keys.MAX_TRUSTED:
        raise KnownError(f"This kiosk already trusts {keys.MAX_TRUSTED} keys; retire one "
                         "first with 'kiosk bundle untrust FINGERPRINT'.")
    with store.db.atomic():
        settings.set("trusted_key", keys.trusted_text([*others, key]))
        add_notice(store, f"This kiosk now trusts update bundles signed by key {fingerprint}.")
    print(f"This kiosk now trusts bundles signed by key {fingerprint}.")
    return 0


def cmd_untrust(args: argparse.Namespace) -> int:
    from kiosk.backups import add_notice
    from kiosk.commandline import open_store
    from kiosk.directory.settings import Settings
    from kiosk.errors import KnownError
    from kiosk.updates import keys

    store = open_store(args)
    settings = Settings(store)
    trusted = keys.load_trusted(settings.get("trusted_key"))
    wanted = " ".join(args.fingerprint.lower().split())
    kept = [k for k in trusted if keys.fingerprint(keys.raw_public(k)) != wanted]
    if len(kept) == len(trusted):
        known = ", ".join(keys.fingerprints(settings.get("trusted_key"))) or "none"
        raise KnownError(f"This kiosk does not trust a key {args.fingerprint} (it trusts: "
                         f"{known}).")
    with store.db.atomic():
        settings.set("trusted_key", keys.trusted_text(kept))
        add_notice(store, f"This kiosk no longer trusts key {wanted}.")
    print(f"This kiosk no longer trusts key {wanted}.")
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    from kiosk.commandline import open_store
    from kiosk.directory.settings import Settings
    from kiosk.updates import keys

    store = open_store(args)
    found = keys.fingerprints(Settings(store).get("trusted_key"))
    for fingerprint in found:
        print(fingerprint)
    if not found:
        print("This kiosk trusts no key yet.")
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
    print(apply(store, data_dir_of(args), args.file, allow_jump=args.allow_jump))
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


def cmd_fleet_status(args: argparse.Namespace) -> int:
    import dataclasses
    import json
    import sys

    from kiosk.updates.fleet import read_statuses, table

    rows, unreadable = read_statuses(args.folder)
    for message in unreadable:
        print(message, file=sys.stderr)
    if args.json:
        for row in rows:
            print(json.dumps(dataclasses.asdict(row), ensure_ascii=False))
    elif rows:
        for line in table(rows):
            print(line)
    if not rows:
        print(f"No kiosk has reported in {args.folder} yet.", file=sys.stderr)
        return 1
    return 1 if any(r.failing for r in rows) else 0


def cmd_fleet_report(args: argparse.Namespace) -> int:
    from kiosk.commandline import data_dir_of, open_store
    from kiosk.directory.settings import Settings
    from kiosk.errors import KnownError
    from kiosk.updates.fleet import write_status

    store = open_store(args)
    folder = str(Settings(store).get("update_folder") or "")
    if not folder:
        raise KnownError("This kiosk has no update folder; name one with "
                         "'kiosk bundle folder PATH'.")
    if not Path(folder).is_dir():
        raise KnownError(f"{folder}: the update folder is not there.")
    path = write_status(Path(folder), store, data_dir_of(args), force=True)
    print(f"Wrote {path}.")
    return 0
