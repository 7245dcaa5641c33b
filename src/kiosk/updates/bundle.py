"""Update bundles: one file holding a whole directory, signed by its publisher.

The threat is someone with a USB stick replacing a hotline number with their own, so the
signature covers every byte of the file, not just a list of hashes:

    KIOSK-BUNDLE/1\\n | signer's public key (32) | signature (64) | body length (8) | body

The signature (Ed25519) is over the magic line, the public key, the length and the body.
The body is a zip with `manifest.json` (version, date, valid-until date, publisher, counts,
the SHA-256 and size of each file, and keys announced or retired) and the directory files
under `directory/`. A kiosk applies a bundle only when it is signed by a key it trusts and its
version is newer than the last one applied (by a bounded step).

Hostile files are read within bounds: the file must be a regular file of at most
`MAX_BUNDLE_BYTES` (a FIFO or a folder is never opened for reading), the manifest is checked
field by field (`kiosk.updates.manifest`) before any file is unpacked, and each file is
unpacked in chunks, counted against the size the manifest declares, so a signed zip bomb
stops at its first byte past the declared size instead of filling memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import stat
import struct
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kiosk.directory.files import write_atomically
from kiosk.errors import KnownError
from kiosk.updates import keys
from kiosk.updates.manifest import FORMAT, MAX_MANIFEST_BYTES, check, version_problem

MAGIC = b"KIOSK-BUNDLE/1\n"
HEADER = len(MAGIC) + 32 + 64 + 8
SUFFIX = ".kiosk-bundle"
MAX_BUNDLE_BYTES = 128 * 1024 * 1024  # a whole state's directory packs into a few MB
VERSION_KEY = "bundle.version"  # settings: the version of the last bundle applied
PUBLISHER_KEY = "bundle.publisher"
VALID_UNTIL_KEY = "bundle.valid_until"  # settings: until when the last bundle is good
APPLIED_AT_KEY = "bundle.applied_at"
DEFAULT_VALID_DAYS = 90
_CHUNK = 64 * 1024

__all__ = ["FORMAT", "MAX_BUNDLE_BYTES", "Bundle", "apply", "build", "verify"]


@dataclass(frozen=True)
class Bundle:
    """A bundle whose signature, manifest and contents have been checked."""

    path: Path
    manifest: dict[str, Any]
    signer: str  # fingerprint

    @property
    def version(self) -> int:
        return int(self.manifest["version"])

    @property
    def publisher(self) -> str:
        return str(self.manifest.get("publisher") or "")

    @property
    def valid_until(self) -> dt.datetime | None:
        text = self.manifest.get("valid_until")
        if not text:
            return None
        when = dt.datetime.fromisoformat(str(text))
        return when if when.tzinfo else when.replace(tzinfo=dt.UTC)

    def describe(self) -> str:
        return f"version {self.version} from {self.publisher or 'an unnamed publisher'}, " \
               f"made {self.manifest.get('date', '?')}"


def _signed_part(raw_key: bytes, length: bytes, body: bytes) -> bytes:
    return MAGIC + raw_key + length + body


def build(source: Path, key_file: Path, out: Path, version: int | None = None,
          publisher: str = "", now: dt.datetime | None = None,
          valid_days: int = DEFAULT_VALID_DAYS, announce: list[Path] | None = None,
          retire: list[str] | None = None) -> Bundle:
    """Check the directory files at `source`, and write them as a signed bundle to `out`.

    `announce` names public key files the kiosks should trust from this bundle on, `retire`
    fingerprints of keys they should stop trusting: both are signed by `key_file`, the key
    the kiosks already trust, so a key is rotated without visiting every kiosk.
    """
    from kiosk.directory.files import directory_files, read_directory

    directory = read_directory(source)  # refuses files with any problem, naming each
    key = keys.load_private(key_file)
    now = now or dt.datetime.now(dt.UTC)
    if version is None:
        version = int(now.strftime("%Y%m%d%H%M"))
    if not 1 <= valid_days <= 3660:
        raise KnownError("A bundle is valid for 1 to 3660 days (--valid-days).")
    files = {f"directory/{p.name}": p.read_bytes() for p in directory_files(source)}
    manifest: dict[str, Any] = {
        "format": FORMAT, "version": version,
        "date": now.isoformat(timespec="seconds"), "publisher": publisher,
        "valid_until": (now + dt.timedelta(days=valid_days)).isoformat(timespec="seconds"),
        "counts": {"categories": len(directory.categories),
                   "resources": len(directory.resources), "topics": len(directory.topics)},
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
        "sizes": {name: len(data) for name, data in files.items()},
    }
    if announce or retire:
        added = []
        for path in announce or []:
            try:
                pem = path.read_text(encoding="ascii")
            except (OSError, UnicodeDecodeError):
                raise KnownError(f"{path}: this is not a public key file.") from None
            added.append(keys.public_pem(keys.load_public(pem, str(path))))
        manifest["keys"] = {"add": added, "retire": list(retire or [])}
    check(out.name, json.loads(json.dumps(manifest)))  # what a kiosk will check, before signing
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for name, data in files.items():
            archive.writestr(name, data)
    body = buffer.getvalue()
    if len(body) + HEADER > MAX_BUNDLE_BYTES:
        raise KnownError(f"The bundle would be {len(body) + HEADER} bytes, more than a kiosk "
                         f"accepts ({MAX_BUNDLE_BYTES}).")
    raw_key = keys.raw_public(key.public_key())
    length = struct.pack(">Q", len(body))
    signature = key.sign(_signed_part(raw_key, length, body))
    write_atomically(out, MAGIC + raw_key + signature + length + body)
    return Bundle(out, manifest, keys.fingerprint(raw_key))


def file_problem(info: os.stat_result) -> str | None:
    """Why a folder entry with this `stat` cannot be a bundle, or None."""
    if stat.S_ISDIR(info.st_mode):
        return "this is a folder, not a bundle file"
    if not stat.S_ISREG(info.st_mode):
        return "this is not a regular file (a pipe, a device or a socket)"
    if info.st_size > MAX_BUNDLE_BYTES:
        return (f"this file is {info.st_size / 1e6:,.0f} MB, more than a bundle can be "
                f"({MAX_BUNDLE_BYTES / 1e6:,.0f} MB)")
    return None


def read_bundle_file(path: Path) -> bytes:
    """The bytes of `path`, opened without blocking and read only if it is a regular file
    of a bundle's size."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise KnownError(f"{path}: there is no such file.") from None
    except IsADirectoryError:
        raise KnownError(f"{path.name}: this is a folder, not a bundle file; it was not "
                         "applied.") from None
    except OSError as error:
        raise KnownError(f"{path.name}: this file cannot be read ({error.strerror}); it was "
                         "not applied.") from None
    with os.fdopen(fd, "rb") as handle:
        problem = file_problem(os.fstat(handle.fileno()))
        if problem:
            raise KnownError(f"{path.name}: {problem}; it was not applied.")
        data = handle.read(MAX_BUNDLE_BYTES + 1)
    if len(data) > MAX_BUNDLE_BYTES:  # it grew while being read
        raise KnownError(f"{path.name}: this file is larger than a bundle can be; it was not "
                         "applied.")
    return data


def verify(path: Path, trusted_pem: str, unpack_to: Path | None = None) -> Bundle:
    """The bundle at `path`, if and only if it is whole and signed by a trusted key.

    Every file is unpacked and checked (in chunks, against its declared size and checksum);
    into `unpack_to` when given, else only counted.
    """
    from cryptography.exceptions import InvalidSignature

    if not trusted_pem.strip():
        raise KnownError("This kiosk trusts no publisher key yet, so it applies no update. "
                         "Staff can trust one with 'kiosk bundle trust KEY.pub.pem'.")
    trusted = {keys.raw_public(key): key for key in keys.load_trusted(trusted_pem)}
    data = read_bundle_file(path)
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
    body = memoryview(data)[HEADER:]
    expected = struct.unpack(">Q", length_bytes)[0]
    key = trusted.get(raw_key)
    if key is None:
        known = ", ".join(keys.fingerprint(raw) for raw in trusted)
        raise KnownError(
            f"{name}: this bundle is signed by a key this kiosk does not trust "
            f"({keys.fingerprint(raw_key)}; trusted: {known}); it was not applied.")
    if len(body) < expected:
        raise KnownError(f"{name}: this bundle is incomplete ({len(body)} of {expected} "
                         "bytes; it was cut short); it was not applied. Copy it again.")
    if len(body) > expected:
        raise KnownError(f"{name}: this bundle has {len(body) - expected} bytes more than "
                         "it was signed with (damaged?); it was not applied.")
    try:
        key.verify(signature, _signed_part(raw_key, length_bytes, bytes(body)))
    except InvalidSignature:
        raise KnownError(f"{name}: this bundle was changed after it was signed (or is "
                         "damaged); it was not applied.") from None
    return _open_body(path, body, keys.fingerprint(raw_key), unpack_to)


def _copy_counted(source: IO[bytes], sink: IO[bytes] | None, limit: int,
                  name: str, member: str) -> str:
    """Copy in chunks, never past `limit` bytes; the SHA-256 of what was copied."""
    digest = hashlib.sha256()
    total = 0
    while chunk := source.read(_CHUNK):
        total += len(chunk)
        if total > limit:
            raise KnownError(f"{name}: {member} is larger than its manifest says ({limit} "
                             "bytes); it was not applied.")
        digest.update(chunk)
        if sink is not None:
            sink.write(chunk)
    if total != limit:
        raise KnownError(f"{name}: {member} is smaller than its manifest says ({total} of "
                         f"{limit} bytes); it was not applied.")
    return digest.hexdigest()


def _open_body(path: Path, body: memoryview, signer: str, unpack_to: Path | None) -> Bundle:
    name = path.name
    unreadable = KnownError(f"{name}: the signed contents cannot be read; it was not applied.")
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            try:
                info = archive.getinfo("manifest.json")
            except KeyError:
                raise KnownError(f"{name}: this bundle has no manifest; it was not applied."
                                 ) from None
            with archive.open(info) as handle:
                raw = handle.read(MAX_MANIFEST_BYTES + 1)
            if len(raw) > MAX_MANIFEST_BYTES:
                raise KnownError(f"{name}: its manifest is larger than {MAX_MANIFEST_BYTES} "
                                 "bytes; it was not applied.")
            try:
                loaded = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                raise KnownError(f"{name}: its manifest is not valid JSON; it was not "
                                 "applied.") from None
            manifest = check(name, loaded)
            listed: dict[str, str] = manifest["files"]
            sizes: dict[str, int] = manifest["sizes"]
            members = [n for n in archive.namelist() if n != "manifest.json"]
            if sorted(members) != sorted(listed):
                raise KnownError(f"{name}: the files in this bundle do not match its "
                                 "manifest; it was not applied.")
            for member in members:
                target = None if unpack_to is None else unpack_to / member.split("/", 1)[1]
                with archive.open(member) as source:
                    if target is None:
                        digest = _copy_counted(source, None, sizes[member], name, member)
                    else:
                        with target.open("wb") as sink:
                            digest = _copy_counted(source, sink, sizes[member], name, member)
                if digest != listed[member]:
                    raise KnownError(f"{name}: the files in this bundle do not match its "
                                     "manifest; it was not applied.")
    except KnownError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, KeyError,
            ValueError, EOFError, OSError, RuntimeError):
        raise unreadable from None
    return Bundle(path, manifest, signer)


def applied_version(store: Any) -> int:
    """The highest version applied here, kept where a restore cannot lower it."""
    from kiosk.directory.state import applied_version as highest

    return highest(store)


def valid_until(store: Any) -> dt.datetime | None:
    """Until when the newest bundle applied said it was good (None: no bundle, or one made
    before bundles carried the date)."""
    from kiosk.directory.settings import Settings

    text = Settings(store).get_raw(VALID_UNTIL_KEY, "")
    try:
        when = dt.datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None
    return when.replace(tzinfo=dt.UTC) if when and not when.tzinfo else when


def expiry_warning(store: Any, now: dt.datetime | None = None) -> str | None:
    """A sentence for staff when the newest bundle applied is past its date: a kiosk whose
    updates stopped coming (a frozen kiosk) shows it."""
    until = valid_until(store)
    now = now or dt.datetime.now(dt.UTC)
    if until is None or until > now:
        return None
    days = (now - until).days
    return (f"The newest update this kiosk has (version {applied_version(store)}) was good "
            f"until {until.date().isoformat()}, {days} day{'s' if days != 1 else ''} ago: "
            "newer updates are not reaching this kiosk. Check the update folder, or ask the "
            "coordinator for a new bundle.")


EXPIRY_NOTED_KEY = "bundle.expiry_noted"


def note_expiry(store: Any, now: dt.datetime | None = None) -> str | None:
    """Leave the expiry warning on the admin screen once per bundle version and day."""
    from kiosk.backups import add_notice
    from kiosk.directory.settings import Settings

    warning = expiry_warning(store, now)
    if warning is None:
        return None
    settings = Settings(store)
    stamp = f"{applied_version(store)}:{(now or dt.datetime.now(dt.UTC)).date().isoformat()}"
    if settings.get_raw(EXPIRY_NOTED_KEY) == stamp:
        return None
    with store.db.atomic():
        add_notice(store, warning, "warning")
        settings.set_raw(EXPIRY_NOTED_KEY, stamp)
    return warning


def _new_trusted(bundle: Bundle, trusted_pem: str) -> tuple[str, list[str]]:
    """The trusted keys after this bundle's key record, and sentences saying what changed."""
    record = bundle.manifest.get("keys") or {}
    current = keys.load_trusted(trusted_pem)
    added = [keys.load_public(pem) for pem in record.get("add", [])]
    retire = set(record.get("retire", []))
    kept = [k for k in [*current, *added]
            if keys.fingerprint(keys.raw_public(k)) not in retire]
    if not kept:
        raise KnownError(f"{bundle.path.name}: this bundle retires every key this kiosk "
                         "trusts and announces none; it was not applied.")
    if len(keys.load_trusted(keys.trusted_text(kept))) < len(
            {keys.raw_public(k) for k in kept}):
        raise KnownError(f"{bundle.path.name}: this bundle would make the kiosk trust more "
                         f"than {keys.MAX_TRUSTED} keys; it was not applied.")
    said = []
    before = {keys.raw_public(k) for k in current}
    after = {keys.raw_public(k) for k in kept}
    for raw in after - before:
        said.append(f"This kiosk now also trusts key {keys.fingerprint(raw)}, announced by "
                    f"key {bundle.signer}.")
    for raw in before - after:
        said.append(f"This kiosk no longer trusts key {keys.fingerprint(raw)}, retired by key "
                    f"{bundle.signer}.")
    return keys.trusted_text(kept), said


def apply(store: Any, data_dir: Path, path: Path, allow_jump: bool = False) -> str:
    """Check a bundle and make it the kiosk's directory; returns the sentence for staff.

    Refusals are `KnownError`s and change nothing. The import, its backup's name, the
    recorded version, the trusted keys and the notices are written in one transaction,
    after a backup.
    """
    from kiosk.backups import add_notice, import_after_backup
    from kiosk.directory.files import read_directory
    from kiosk.directory.importer import plan_import
    from kiosk.directory.problems import DirectoryError
    from kiosk.directory.settings import Settings

    settings = Settings(store)
    trusted_pem = settings.get("trusted_key")
    current = applied_version(store)
    with tempfile.TemporaryDirectory(prefix="kiosk-bundle-") as tmp:
        bundle = verify(path, trusted_pem, unpack_to=Path(tmp))
        problem = version_problem(bundle.version, current, allow_jump)
        if problem:
            raise KnownError(f"{path.name}: {problem}; it was not applied.")
        new_trusted, key_notes = _new_trusted(bundle, trusted_pem)
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
    until = bundle.valid_until

    def record(_: object) -> None:
        settings.set_raw(VERSION_KEY, bundle.version)
        settings.set_raw(PUBLISHER_KEY, bundle.publisher)
        settings.set_raw(VALID_UNTIL_KEY, until.isoformat() if until else "")
        settings.set_raw(APPLIED_AT_KEY, store.now_text())
        if new_trusted != trusted_pem:
            settings.set("trusted_key", new_trusted)
        add_notice(store, message)
        for note in key_notes:
            add_notice(store, note)
        late = expiry_warning(store)
        if late:
            add_notice(store, late, "warning")

    # A bundle is the publisher's whole directory, signed: what it leaves out is meant to
    # go, so its removals need no second yes (they are retired, not deleted, and undoable).
    import_after_backup(store, data_dir, directory, who=who, location=path.name,
                        kind="bundle", plan=plan, allow_removals=True,
                        reason="before update", then=record)
    from kiosk.directory.state import StateError, record_applied

    with contextlib.suppress(StateError):  # the database's copy raises it again next read
        record_applied(store, bundle.version, bundle.publisher)
    return message


def newest_in_folder(folder: Path, trusted_pem: str, current: int
                     ) -> tuple[Bundle | None, list[str]]:
    """The newest good bundle in `folder` that may follow `current`, and why others were
    refused or ignored.

    Bundles no newer than `current` are passed over quietly: a synced folder keeps them.
    Anything that is not a regular file of a bundle's size is ignored with a sentence, and
    never opened.
    """
    from kiosk.updates.folder import candidates

    newest: Bundle | None = None
    found, refused = candidates(folder)
    for path in found:
        try:
            bundle = verify(path, trusted_pem)
        except KnownError as error:
            refused.append(error.message)
            continue
        if bundle.version <= current:
            continue
        problem = version_problem(bundle.version, current)
        if problem:
            refused.append(f"{path.name}: {problem}; it was not applied.")
        elif newest is None or bundle.version > newest.version:
            newest = bundle
    return newest, refused
