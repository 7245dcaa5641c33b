"""Update bundles: one file holding a whole directory, signed by its publisher.

The threat is someone with a USB stick replacing a hotline number with their own, so the
signature covers every byte of the file, not just a list of hashes:

    KIOSK-BUNDLE/1\\n | signer's public key (32) | signature (64) | body length (8) | body

The signature (Ed25519) is over the magic line, the public key, the length and the body.
The body is a zip with `manifest.json` (version, date, publisher, counts and the SHA-256 of
each file) and the directory files under `directory/`. A kiosk applies a bundle only when it
is signed by the key it trusts and its version is newer than the last one applied.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import struct
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.directory.files import write_atomically
from kiosk.errors import KnownError
from kiosk.updates import keys

MAGIC = b"KIOSK-BUNDLE/1\n"
HEADER = len(MAGIC) + 32 + 64 + 8
FORMAT = "kiosk-bundle/1"
SUFFIX = ".kiosk-bundle"
VERSION_KEY = "bundle.version"  # settings: the version of the last bundle applied
PUBLISHER_KEY = "bundle.publisher"


@dataclass(frozen=True)
class Bundle:
    """A bundle whose signature and contents have been checked."""

    path: Path
    manifest: dict[str, Any]
    files: dict[str, bytes]  # name under directory/ -> content
    signer: str  # fingerprint

    @property
    def version(self) -> int:
        return int(self.manifest["version"])

    @property
    def publisher(self) -> str:
        return str(self.manifest.get("publisher") or "")

    def describe(self) -> str:
        return f"version {self.version} from {self.publisher or 'an unnamed publisher'}, " \
               f"made {self.manifest.get('date', '?')}"


def _signed_part(raw_key: bytes, length: bytes, body: bytes) -> bytes:
    return MAGIC + raw_key + length + body


def build(source: Path, key_file: Path, out: Path, version: int | None = None,
          publisher: str = "", now: dt.datetime | None = None) -> Bundle:
    """Check the directory files at `source`, and write them as a signed bundle to `out`."""
    from kiosk.directory.files import directory_files, read_directory

    directory = read_directory(source)  # refuses files with any problem, naming each
    key = keys.load_private(key_file)
    now = now or dt.datetime.now(dt.UTC)
    if version is None:
        version = int(now.strftime("%Y%m%d%H%M"))
    if version < 1:
        raise KnownError("The bundle version must be a whole number above 0.")
    files = {f"directory/{p.name}": p.read_bytes() for p in directory_files(source)}
    manifest = {
        "format": FORMAT, "version": version,
        "date": now.isoformat(timespec="seconds"), "publisher": publisher,
        "counts": {"categories": len(directory.categories),
                   "resources": len(directory.resources), "topics": len(directory.topics)},
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for name, data in files.items():
            archive.writestr(name, data)
    body = buffer.getvalue()
    raw_key = keys.raw_public(key.public_key())
    length = struct.pack(">Q", len(body))
    signature = key.sign(_signed_part(raw_key, length, body))
    data = MAGIC + raw_key + signature + length + body
    write_atomically(out, data)
    return Bundle(out, manifest, {n.removeprefix("directory/"): d for n, d in files.items()},
                  keys.fingerprint(raw_key))


def verify(path: Path, trusted_pem: str) -> Bundle:
    """The bundle at `path`, if and only if it is whole and signed by the trusted key."""
    from cryptography.exceptions import InvalidSignature

    if not trusted_pem.strip():
        raise KnownError("This kiosk trusts no publisher key yet, so it applies no update. "
                         "Staff can trust one with 'kiosk bundle trust KEY.pub.pem'.")
    trusted = keys.load_public(trusted_pem)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KnownError(f"{path}: there is no such file.") from None
    name = path.name
    if not data:
        raise KnownError(f"{name}: this file is empty (an interrupted copy?); it was not "
                         "applied.")
    if MAGIC.startswith(data):
        raise KnownError(f"{name}: this bundle is incomplete (cut short); it was not "
                         "applied. Copy it again.")
    if not data.startswith(MAGIC):
        if data.startswith(b"PK"):
            raise KnownError(f"{name}: this is not signed (a plain zip file); it was not "
                             "applied.")
        raise KnownError(f"{name}: this is not a kiosk update bundle; it was not applied.")
    if len(data) < HEADER:
        raise KnownError(f"{name}: this bundle is incomplete (cut short); it was not "
                         "applied. Copy it again.")
    at = len(MAGIC)
    raw_key, signature = data[at:at + 32], data[at + 32:at + 96]
    length_bytes = data[at + 96:HEADER]
    body = data[HEADER:]
    expected = struct.unpack(">Q", length_bytes)[0]
    trusted_raw = keys.raw_public(trusted)
    if raw_key != trusted_raw:
        raise KnownError(
            f"{name}: this bundle is signed by a key this kiosk does not trust "
            f"({keys.fingerprint(raw_key)}; trusted: {keys.fingerprint(trusted_raw)}); it "
            "was not applied.")
    if len(body) < expected:
        raise KnownError(f"{name}: this bundle is incomplete ({len(body)} of {expected} "
                         "bytes; it was cut short); it was not applied. Copy it again.")
    try:
        trusted.verify(signature, _signed_part(raw_key, length_bytes, body))
    except InvalidSignature:
        raise KnownError(f"{name}: this bundle was changed after it was signed (or is "
                         "damaged); it was not applied.") from None
    return _open_body(path, body, keys.fingerprint(raw_key))


def _open_body(path: Path, body: bytes, signer: str) -> Bundle:
    name = path.name
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            listed = manifest.get("files") or {}
            files = {n: archive.read(n) for n in archive.namelist() if n != "manifest.json"}
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError):
        raise KnownError(f"{name}: the signed contents cannot be read; it was not applied."
                         ) from None
    if manifest.get("format") != FORMAT:
        raise KnownError(f"{name}: this bundle is in a newer format "
                         f"({manifest.get('format')}); update the kiosk's software first.")
    if set(listed) != set(files) or any(
            hashlib.sha256(files[n]).hexdigest() != digest for n, digest in listed.items()):
        raise KnownError(f"{name}: the files in this bundle do not match its manifest; it "
                         "was not applied.")
    if not isinstance(manifest.get("version"), int):
        raise KnownError(f"{name}: this bundle has no version number; it was not applied.")
    return Bundle(path, manifest,
                  {n.removeprefix("directory/"): d for n, d in files.items()}, signer)


def applied_version(store: Any) -> int:
    from kiosk.directory.settings import Settings

    return int(Settings(store).get_raw(VERSION_KEY, 0) or 0)


def apply(store: Any, data_dir: Path, path: Path) -> str:
    """Check a bundle and make it the kiosk's directory; returns the sentence for staff.

    Refusals are `KnownError`s and change nothing. The import, its backup's name, the
    recorded version and the notice are written in one transaction, after a backup.
    """
    from kiosk.backups import add_notice, import_after_backup
    from kiosk.directory.files import read_directory
    from kiosk.directory.importer import plan_import
    from kiosk.directory.problems import DirectoryError
    from kiosk.directory.settings import Settings

    settings = Settings(store)
    bundle = verify(path, settings.get("trusted_key"))
    current = applied_version(store)
    if bundle.version <= current:
        raise KnownError(f"{path.name}: version {bundle.version} is not newer than the "
                         f"version this kiosk already has ({current}); it was not applied.")
    with tempfile.TemporaryDirectory(prefix="kiosk-bundle-") as tmp:
        for name, data in bundle.files.items():
            target = Path(tmp) / Path(name).name
            target.write_bytes(data)
        try:
            directory = read_directory(Path(tmp))
        except DirectoryError as error:
            raise KnownError(f"{path.name}: the directory in this bundle has problems; it "
                             "was not applied.", error.details) from None
    who = f"update bundle {bundle.publisher or 'unnamed'} v{bundle.version}"
    plan = plan_import(store, directory)
    retired = len(plan.resources.missing)
    message = (f"Update {bundle.describe()} was applied: "
               f"{bundle.manifest['counts']['resources']} resources."
               + (f" {retired} entries it no longer lists were retired (hidden from "
                  "visitors)." if retired else ""))

    def record(_: object) -> None:
        settings.set_raw(VERSION_KEY, bundle.version)
        settings.set_raw(PUBLISHER_KEY, bundle.publisher)
        add_notice(store, message)

    # A bundle is the publisher's whole directory, signed: what it leaves out is meant to
    # go, so its removals need no second yes (they are retired, not deleted, and undoable).
    import_after_backup(store, data_dir, directory, who=who, location=path.name,
                        kind="bundle", plan=plan, allow_removals=True,
                        reason="before update", then=record)
    return message


def newest_in_folder(folder: Path, trusted_pem: str, current: int
                     ) -> tuple[Bundle | None, list[str]]:
    """The newest good bundle in `folder` newer than `current`, and why others were refused.

    Bundles no newer than `current` are passed over quietly: a synced folder keeps them.
    """
    newest: Bundle | None = None
    refused: list[str] = []
    if not folder.is_dir():
        return None, [f"{folder}: the update folder is not there (is the stick plugged in?)."]
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            found = verify(path, trusted_pem)
        except KnownError as error:
            refused.append(error.message)
            continue
        if found.version > current and (newest is None or found.version > newest.version):
            newest = found
    return newest, refused
