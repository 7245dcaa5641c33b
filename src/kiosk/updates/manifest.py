"""What a bundle's manifest may say, checked field by field before anything else is read.

The manifest is signed, but a signature says only who wrote it, not that it is sane: a
coordinator's script can write a version of 2^70 (after which every real bundle would be
refused) or a size of a terabyte. Every field is checked here, and each refusal names the
bundle and the field in one sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from kiosk.errors import KnownError

FORMAT = "kiosk-bundle/1"
MAX_VERSION = 10**13 - 1  # the default, YYYYMMDDhhmm, stays below this until the year 9999
MAX_STEP = 10**9  # a bundle more than this above the kiosk's version is refused (10 years
#                   of date-and-time versions); `kiosk bundle apply --allow-jump` takes it
MAX_FILES = 64
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_FILE_BYTES = 256 * 1024 * 1024  # one directory file, unpacked
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # all of them together
MAX_TEXT = 200
MAX_KEYS = 8
FILE_NAME = re.compile(r"directory/[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
SHA256 = re.compile(r"[0-9a-f]{64}")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def excerpt(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


class ManifestError(KnownError):
    pass


def _refuse(name: str, what: str) -> ManifestError:
    return ManifestError(f"{name}: {what}; it was not applied.")


def _text(name: str, manifest: dict[str, Any], field: str, required: bool) -> str:
    value = manifest.get(field)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise _refuse(name, f"the manifest's {field} ({excerpt(value)}) is not text")
    if len(value) > MAX_TEXT:
        raise _refuse(name, f"the manifest's {field} is longer than {MAX_TEXT} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _refuse(name, f"the manifest's {field} holds a broken character") from None
    if _UNSAFE.search(value):
        raise _refuse(name, f"the manifest's {field} holds a control or direction character")
    return value


def _when(name: str, field: str, value: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _refuse(name, f"the manifest's {field} ({excerpt(value)}) is not a date "
                            "like 2026-11-23 or 2026-11-23T14:05:00+00:00") from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _whole(name: str, where: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _refuse(name, f"{where} ({excerpt(value)}) is not a whole number from {low} "
                            f"to {high}")
    return value


def check(name: str, manifest: object) -> dict[str, Any]:
    """`manifest` if every field is sane, else a `ManifestError` naming the first bad one."""
    if not isinstance(manifest, dict):
        raise _refuse(name, "the manifest is not a JSON object")
    if manifest.get("format") != FORMAT:
        raise _refuse(name, f"this bundle is in another format ({excerpt(manifest.get('format'))}"
                            "); update the kiosk's software first")
    if "version" not in manifest:
        raise _refuse(name, "this bundle has no version number")
    _whole(name, "the manifest's version", manifest["version"], 1, MAX_VERSION)
    made = _when(name, "date", _text(name, manifest, "date", True))
    _text(name, manifest, "publisher", False)
    if manifest.get("valid_until") is not None and _when(
            name, "valid_until", _text(name, manifest, "valid_until", True)) <= made:
        raise _refuse(name, "the manifest's valid_until is not after its date")
    counts = manifest.get("counts")
    if not isinstance(counts, dict):
        raise _refuse(name, "the manifest has no counts")
    for kind in ("categories", "resources", "topics"):
        _whole(name, f"the manifest's count of {kind}", counts.get(kind), 0, 10**7)
    files, sizes = manifest.get("files"), manifest.get("sizes")
    if not isinstance(files, dict) or not files:
        raise _refuse(name, "the manifest lists no files")
    if not isinstance(sizes, dict):
        raise _refuse(name, "the manifest gives no file sizes")
    if len(files) > MAX_FILES:
        raise _refuse(name, f"the manifest lists {len(files)} files (at most {MAX_FILES})")
    if set(files) != set(sizes):
        raise _refuse(name, "the manifest's files and sizes do not name the same files")
    total = 0
    for file, digest in files.items():
        if not FILE_NAME.fullmatch(file):
            raise _refuse(name, f"the manifest names a file {excerpt(file)} that is not "
                                "directory/NAME")
        if not isinstance(digest, str) or not SHA256.fullmatch(digest):
            raise _refuse(name, f"the manifest's checksum of {file} is not a SHA-256")
        total += _whole(name, f"the manifest's size of {file}", sizes[file], 0,
                        MAX_FILE_BYTES)
    if total > MAX_UNPACKED_BYTES:
        raise _refuse(name, f"its files would unpack to {total} bytes (at most "
                            f"{MAX_UNPACKED_BYTES})")
    _check_keys(name, manifest.get("keys"))
    return manifest


def _check_keys(name: str, record: object) -> None:
    """`keys`: {"add": [PEM, ...], "retire": [fingerprint, ...]}, signed with the rest."""
    if record is None:
        return
    if not isinstance(record, dict) or set(record) - {"add", "retire"}:
        raise _refuse(name, "the manifest's keys record is not {\"add\": [...], "
                            "\"retire\": [...]}")
    from kiosk.updates import keys

    for field in ("add", "retire"):
        items = record.get(field, [])
        if not isinstance(items, list) or len(items) > MAX_KEYS or not all(
                isinstance(item, str) and len(item) <= 1000 for item in items):
            raise _refuse(name, f"the manifest's keys to {field} are not a short list of text")
    for pem in record.get("add", []):
        try:
            keys.load_public(pem)
        except KnownError:
            raise _refuse(name, "the manifest announces a key that is not an Ed25519 public "
                                "key") from None
    for fingerprint in record.get("retire", []):
        if not keys.FINGERPRINT.fullmatch(fingerprint):
            raise _refuse(name, f"the manifest retires {excerpt(fingerprint)}, which is not "
                                "a key fingerprint")


def version_problem(version: int, current: int, allow_jump: bool = False) -> str | None:
    """Why a bundle of `version` may not follow `current`, or None when it may."""
    if version <= current:
        return (f"version {version} is not newer than the version this kiosk already has "
                f"({current})")
    if current and version - current > MAX_STEP and not allow_jump:
        return (f"version {version} is more than {MAX_STEP} above this kiosk's version "
                f"({current}), which looks like a mistake; if it is meant, staff can apply "
                "it with 'kiosk bundle apply --allow-jump FILE'")
    return None
