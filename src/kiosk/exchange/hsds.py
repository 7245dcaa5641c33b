"""HSDS in and out, as the command line and the admin screen ask for it."""

from __future__ import annotations

from pathlib import Path

from kiosk.directory.model import Directory
from kiosk.errors import KnownError
from kiosk.exchange.hsds_import import HsdsResult

EXPORT_FORMATS = ("hsds-json", "hsds-csv")


def read_hsds(path: Path, base: Directory, mapping_file: Path | None = None,
              fmt: str = "auto", source: str | None = None) -> HsdsResult:
    """Read an HSDS package (folder, zip or file) into a directory; nothing is written.

    Its services belong to the source `source`, else to the one the package names (its
    datapackage.json's name, or the folder's or file's). The mapping in force is the
    kiosk's default, extended by `mapping_file` when given.
    """
    from kiosk.directory.sources import RESERVED, source_name
    from kiosk.exchange import tables
    from kiosk.exchange.hsds_import import to_directory
    from kiosk.exchange.mapping import mapping_in_force

    found = tables.detect(path)
    if fmt == "auto" or (fmt == "hsds-csv" and found == "hsds-legacy-csv"):
        fmt = found
    elif fmt != found:
        raise KnownError(f"{path}: this looks like {found}, not {fmt}.")
    if fmt == "kiosk-yaml":
        raise KnownError(f"{path}: these are the kiosk's own directory files, not HSDS.")
    if source is not None:
        name = source_name(source)
        if not name:
            raise KnownError(f'"{source}" cannot name a source: use letters and digits.')
        if name in RESERVED:
            raise KnownError(f'"{name}" is the name of the kiosk\'s own entries; give this '
                             "directory another name.")
    known = {c.slug for c in base.categories}
    mapping = mapping_in_force(mapping_file, known)
    read = tables.read(path, fmt)
    if source is None:
        name = source_name(read.name) or "import"
        if name in RESERVED:
            name += "-import"
    return to_directory(read, base, mapping, name)


def write_hsds(directory: Directory, out: Path, fmt: str) -> list[Path]:
    from kiosk.exchange import hsds_export

    if out.exists() and not out.is_dir():
        raise KnownError(f"{out}: HSDS is written into a folder, and this is a file.")
    if fmt == "hsds-json":
        return hsds_export.write_json(directory, out)
    if fmt == "hsds-csv":
        return hsds_export.write_csv(directory, out)
    raise KnownError(f'"{fmt}" is not a format the kiosk writes; use hsds-json or hsds-csv.')
