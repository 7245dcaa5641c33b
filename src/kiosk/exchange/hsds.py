"""HSDS in and out, as the command line and the admin screen ask for it."""

from __future__ import annotations

from pathlib import Path

from kiosk.directory.model import Directory
from kiosk.errors import KnownError
from kiosk.exchange.hsds_import import HsdsResult

EXPORT_FORMATS = ("hsds-json", "hsds-csv")


def read_hsds(path: Path, base: Directory, mapping_file: Path | None = None,
              fmt: str = "auto") -> HsdsResult:
    """Read an HSDS folder or file into a directory; nothing is written anywhere."""
    from kiosk.exchange import tables
    from kiosk.exchange.hsds_import import to_directory
    from kiosk.exchange.mapping import read_mapping

    found = tables.detect(path)
    if fmt == "auto" or (fmt == "hsds-csv" and found == "hsds-legacy-csv"):
        fmt = found
    elif fmt != found:
        raise KnownError(f"{path}: this looks like {found}, not {fmt}.")
    if fmt == "kiosk-yaml":
        raise KnownError(f"{path}: these are the kiosk's own directory files, not HSDS.")
    known = {c.slug for c in base.categories}
    mapping = read_mapping(mapping_file, known) if mapping_file else None
    return to_directory(tables.read(path, fmt), base, mapping)


def write_hsds(directory: Directory, out: Path, fmt: str) -> list[Path]:
    from kiosk.exchange import hsds_export

    if out.exists() and not out.is_dir():
        raise KnownError(f"{out}: HSDS is written into a folder, and this is a file.")
    if fmt == "hsds-json":
        return hsds_export.write_json(directory, out)
    if fmt == "hsds-csv":
        return hsds_export.write_csv(directory, out)
    raise KnownError(f'"{fmt}" is not a format the kiosk writes; use hsds-json or hsds-csv.')
