"""Reading HSDS as published: a JSON folder, a 3.0 CSV package, or an older 1.x/2.x package.

Packages come as they were made, not as the specification draws them: a zip file, a folder
one level down, a `datapackage.json` whose paths do not match where the CSV files are, file
names in any case. The layout is worked out from the files themselves (`open_package`).

Whatever the form, the data becomes the same thing: rows of the HSDS 3.0 tables
(`service`, `phone`, ...), each remembering the file and row it came from so that a problem
can be named where staff can find it. Nested JSON objects become rows with their foreign
keys taken from where they were nested; older CSV tables are renamed to their 3.0 form.

Published files are also untrusted: every file has a size limit, JSON a depth limit, CSV
files that end in the middle of a record are refused as cut short, binary files are refused,
and messages quote at most a short excerpt of what was found.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter, itemgetter
from pathlib import Path, PurePosixPath
from typing import Any

from kiosk.directory.spreadsheet import unquoted
from kiosk.errors import KnownError

FORMATS = ("kiosk-yaml", "hsds-json", "hsds-csv", "hsds-legacy-csv")
MAX_TABLE_BYTES = 256 * 1024 * 1024  # one CSV or JSON file
MAX_PACKAGE_BYTES = 2 * 1024 * 1024 * 1024  # everything in a zip, uncompressed
MAX_FILES = 250_000
MAX_JSON_DEPTH = 64  # HSDS nests a handful of levels; 64 leaves room and stops a bomb
SEARCH_DEPTH = 3  # folders below the chosen one that are looked into

# Which object a nested JSON key holds, and the foreign key its children get.
NESTED: dict[str, str] = {
    "organization": "organization", "services": "service", "service": "service",
    "locations": "location", "location": "location",
    "service_at_locations": "service_at_location", "addresses": "address",
    "phones": "phone", "schedules": "schedule", "languages": "language",
    "attributes": "attribute", "taxonomy_term": "taxonomy_term",
    "taxonomy_detail": "taxonomy", "contacts": "contact", "service_areas": "service_area",
    "accessibility": "accessibility", "funding": "funding", "cost_options": "cost_option",
    "programs": "program", "program": "program", "required_documents": "required_document",
    "organization_identifiers": "organization_identifier", "metadata": "metadata",
}
# 3.0 CSV file names.
CSV_TABLES = {
    "organizations.csv": "organization", "services.csv": "service",
    "locations.csv": "location", "service_at_location.csv": "service_at_location",
    "addresses.csv": "address", "phones.csv": "phone", "schedules.csv": "schedule",
    "languages.csv": "language", "attributes.csv": "attribute",
    "taxonomies.csv": "taxonomy", "taxonomy_terms.csv": "taxonomy_term",
}
# 1.x / 2.x file names: every table such a package may use, taxonomy links included.
LEGACY_TABLES = {
    "organizations.csv": "organization", "services.csv": "service",
    "locations.csv": "location", "services_at_location.csv": "service_at_location",
    "service_at_location.csv": "service_at_location",
    "physical_addresses.csv": "address", "phones.csv": "phone",
    "regular_schedules.csv": "schedule", "languages.csv": "language",
    "taxonomy.csv": "taxonomy_term", "taxonomy_terms.csv": "taxonomy_term",
    "service_taxonomy.csv": "attribute", "services_taxonomy.csv": "attribute",
    "service_attributes.csv": "attribute", "eligibility.csv": "eligibility",
}
LEGACY_MARKERS = {"regular_schedules.csv", "physical_addresses.csv",
                  "services_at_location.csv", "service_taxonomy.csv",
                  "services_taxonomy.csv", "service_attributes.csv", "taxonomy.csv"}
WEEKDAYS = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH",
            "friday": "FR", "saturday": "SA", "sunday": "SU"}
# datapackage.json names that say nothing about whose directory it is.
GENERIC_NAMES = {"human_services_data", "human services data specification", "hsds",
                 "openreferral", "open-referral", "datapackage", "data", "package", "export"}


def excerpt(text: str, limit: int = 60) -> str:
    """At most `limit` characters of a value, for a message; control characters shown."""
    text = text.replace("\n", "\\n").replace("\r", "\\r")
    text = "".join(c if c.isprintable() else "?" for c in text[:limit + 1])
    return text if len(text) <= limit else text[:limit - 3] + "..."


class Layout:
    """Where each column's value sits in the tuples of rows read alike: one CSV file's rows
    (the cells of its header, then those its rows gain in their 3.0 form) or JSON objects
    with the same keys. Every tuple ends with a blank, where a column the rows do not have
    is read. A row is a tuple and this shared layout, not a dict of its own: a 100,000-service
    package has a million rows, and the build reads a dozen cells of each with one getter.

    `names` are the keys a dict of the row would have, and `given` the keys an older
    table's 3.0 form gives its rows (`always` when it gives them to every row, else only
    when not blank), so that `Row.as_dict` is that dict exactly.
    """

    __slots__ = ("always", "getters", "given", "index", "names", "plain", "values")

    def __init__(self, names: tuple[str, ...], index: dict[str, int] | None = None,
                 given: tuple[str, ...] = (), always: bool = True) -> None:
        self.names = names
        # A repeated column: its last cell, as a dict of the row would have.
        self.index = index if index is not None else {n: i for i, n in enumerate(names)}
        self.given = given
        self.always = always
        self.values: list[tuple[str, ...]] = []  # the tuples of every row of this layout
        self.getters: dict[tuple[str, ...], Callable[[tuple[str, ...]], tuple[str, ...]]] = {}
        self.plain: dict[int, bool] = {}  # column -> none of its cells needs `_special`

    def shortened(self, count: int) -> Layout:
        """The layout of this file's rows that have only `count` cells (the others read as
        blank): the same places, so the same getters, unless the header repeats a column
        (then the last of the first `count` is the one a dict would keep)."""
        names = self.names[:count]
        if len(set(self.names)) == len(self.names):
            short = Layout(names, self.index, self.given, self.always)
            short.values, short.getters, short.plain = self.values, self.getters, self.plain
            return short
        index = {n: i for i, n in enumerate(names)}
        index.update((k, self.index[k]) for k in self.given if k not in index)
        return Layout(names, index, self.given, self.always)

    def getter(self, keys: tuple[str, ...]) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
        """`Row.cells` of `keys` for rows of this layout, made once: the cells as they are
        when no cell of those columns is `null`, `none` or quoted (most files), else each
        worked out (`_special`)."""
        found = self.getters.get(keys)
        if found is None:
            places = [self.index.get(k, -1) for k in keys]
            found = _picker(places)
            if not all(map(self._plain, places)):
                found = _specials(found)
            self.getters[keys] = found
        return found

    def _plain(self, place: int) -> bool:
        """Whether no cell in the column at `place` needs `_special` (asked once per column:
        one text of the whole column, searched)."""
        found = self.plain.get(place)
        if found is None:
            text = "\x00" + "\x00".join(map(itemgetter(place), self.values)) + "\x00"
            lower = text.lower()
            found = self.plain[place] = ("\x00'" not in text and "\x00null\x00" not in lower
                                         and "\x00none\x00" not in lower)
        return found


def _picker(places: list[int]) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    """The cells at `places` of a row's tuple, as a tuple."""
    if len(places) == 1:
        place = places[0]
        return lambda values: (values[place],)
    return itemgetter(*places)  # type: ignore[return-value]


def _specials(pick: Callable[[tuple[str, ...]], tuple[str, ...]]
              ) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    """`pick`, with each cell read as `Row.get` reads it."""
    return lambda values: tuple(["" if not value else value if value[0] not in "nN'"
                                 else _special(value) for value in pick(values)])


class Row:
    """One record of an HSDS table; values are trimmed text, blank and `null` empty.

    `values` is a tuple, its columns placed by `layout` (shared by the rows of one file)."""

    __slots__ = ("file", "layout", "row", "table", "values")

    def __init__(self, table: str, values: tuple[str, ...], file: str, row: int,
                 layout: Layout) -> None:
        self.table = table
        self.values = values
        self.file = file
        self.row = row  # CSV line number, or the object's number within a JSON file
        self.layout = layout

    def get(self, key: str) -> str:
        value = self.values[self.layout.index.get(key, -1)]
        if not value:
            return ""
        if value[0] in "nN'":  # rare: worked out here, not for every cell of every file
            return _special(value)
        return value

    def cells(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        """`get` of each of `keys`, in one call (a service reads a dozen of its cells), as a
        tuple."""
        getter = self.layout.getters.get(keys) or self.layout.getter(keys)
        return getter(self.values)

    def raw(self, key: str) -> str:
        """The cell of `key` as read, `null` and quotes kept ("" when the row has none)."""
        return self.values[self.layout.index.get(key, -1)]

    def as_dict(self) -> dict[str, str]:
        """The row as a dict of its columns' cells as read (each key the row has)."""
        layout, values = self.layout, self.values
        index = layout.index
        found = {k: values[index[k]] for k in layout.names}
        for key in layout.given:
            value = values[index[key]]
            if layout.always or value:
                found[key] = value
        return found

    @property
    def where(self) -> str:
        if self.file.endswith(".csv"):
            return f"{self.file}, row {self.row}"
        return f"{self.file}, {self.table} {self.get('id') or self.row}"

    def __repr__(self) -> str:
        return f"Row({self.table!r}, {self.where!r})"


def _special(value: str) -> str:
    if value.lower() in ("null", "none"):
        return ""
    return unquoted(value)


def clean(value: Any) -> str:
    """A published value as text: trimmed; None, blank, `null` and `none` are empty."""
    if value is None:
        return ""
    text = value.strip() if isinstance(value, str) else str(value).strip()
    if text and text[0] in "nN" and text.lower() in ("null", "none"):
        return ""
    return text


_LAYOUT = attrgetter("layout")
_VALUES = attrgetter("values")


@dataclass
class Tables:
    format: str
    rows: dict[str, list[Row]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # e.g. "phones.csv was read as cp1252"
    name: str = ""  # the package's own name, when it gives one
    # The columns each table's rows may have: every column of its files' headers (and those
    # an older table's rows gain in their 3.0 form), every key of its JSON objects. Kept as
    # the rows are read, so that the build need not look through every row to know them.
    columns: dict[str, set[str]] = field(default_factory=dict)

    # The layouts of each table's rows (one per CSV file, and per length of its short rows).
    layouts: dict[str, list[Layout]] = field(default_factory=dict)
    _json_layouts: dict[tuple[str, tuple[str, ...]], Layout] = field(default_factory=dict)
    # Each table's rows as runs of one layout (their tuples), for `column`; made again when
    # rows were added or a row's values replaced since.
    _runs: dict[str, tuple[int, list[tuple[Layout, list[tuple[str, ...]]]]]] = field(
        default_factory=dict)

    def add(self, row: Row) -> None:
        self.rows.setdefault(row.table, []).append(row)

    def add_values(self, table: str, values: dict[str, str], file: str, number: int) -> Row:
        """A row of `table` given as a dict (a JSON object), in the layout of the rows with
        the same keys."""
        row = self.new_row(table, values, file, number)
        self.add(row)
        return row

    def new_row(self, table: str, values: dict[str, str], file: str, number: int) -> Row:
        """A row of `table` from a dict, in the layout of the rows with the same keys (not
        added to the table)."""
        names = tuple(values)
        layout = self._json_layouts.get((table, names))
        if layout is None:
            layout = self._json_layouts[table, names] = Layout(names)
            self.layouts.setdefault(table, []).append(layout)
        cells = (*values.values(), "")
        layout.values.append(cells)
        return Row(table, cells, file, number, layout)

    def replace_values(self, row: Row, values: dict[str, str]) -> None:
        """`row` holding `values` from now on, in a layout of its own."""
        layout = Layout(tuple(values))
        row.values = (*values.values(), "")
        layout.values.append(row.values)
        row.layout = layout
        self._runs.pop(row.table, None)
        self.layouts.setdefault(row.table, []).append(layout)
        self.columns.setdefault(row.table, set()).update(values)

    def of(self, table: str) -> list[Row]:
        return self.rows.get(table, [])

    def column(self, table: str, key: str) -> list[str]:
        """The cell of `key` of each row of `table`, as read ("" where a row has none)."""
        rows = self.of(table)
        runs = self._runs.get(table)
        if runs is None or runs[0] != len(rows):
            runs = self._runs[table] = (len(rows), [
                (layout, list(map(_VALUES, run))) for layout, run in groupby(rows, _LAYOUT)])
        cells: list[str] = []
        for layout, values in runs[1]:
            cells += map(itemgetter(layout.index.get(key, -1)), values)
        return cells

    def columns_of(self, table: str) -> set[str]:
        """The columns rows of `table` may have (`columns`); a row may lack some of them."""
        return self.columns.get(table, set())


# -- finding the files ----------------------------------------------------------------------

@dataclass(frozen=True)
class PackageFile:
    name: str  # as shown to staff: its path inside the package
    size: int
    read: Callable[[], bytes]

    @property
    def key(self) -> str:
        return PurePosixPath(self.name).name.lower()

    @property
    def folder(self) -> str:
        return str(PurePosixPath(self.name).parent)

    @property
    def depth(self) -> int:
        return len(PurePosixPath(self.name).parts) - 1


@dataclass
class Package:
    """The files of a published package, wherever they sit inside it."""

    label: str  # the folder or zip file, for messages
    files: list[PackageFile]
    stem: str  # the folder or zip file's name, the package's name when it gives none

    def named(self, key: str) -> list[PackageFile]:
        return [f for f in self.files if f.key == key]

    def csv_files(self) -> dict[str, PackageFile]:
        """The CSV tables, by lower-case name: those beside the shallowest services.csv,
        then those a `datapackage.json` names, then any others found by name."""
        services = sorted(self.named("services.csv"), key=lambda f: (f.depth, f.name))
        if not services:
            return {}
        home = services[0].folder
        out: dict[str, PackageFile] = {}
        for f in self.files:
            if f.folder == home and f.key.endswith(".csv"):
                out.setdefault(f.key, f)
        for f in self._datapackage_paths():
            out.setdefault(f.key, f)
        for f in sorted(self.files, key=lambda f: (f.depth, f.name)):
            if f.key.endswith(".csv") and f.key not in out and \
                    len(self.named(f.key)) == 1:
                out[f.key] = f
        return out

    def datapackage(self) -> dict[str, Any] | None:
        found = sorted(self.named("datapackage.json"), key=lambda f: (f.depth, f.name))
        if not found:
            return None
        try:
            data = json.loads(_decoded(found[0])[0])
        except (ValueError, KnownError):
            return None
        return data if isinstance(data, dict) else None

    def _datapackage_paths(self) -> Iterator[PackageFile]:
        data = self.datapackage()
        if data is None:
            return
        by_name = {f.name: f for f in self.files}
        base = sorted(self.named("datapackage.json"), key=lambda f: f.depth)[0].folder
        for resource in data.get("resources") or []:
            path = resource.get("path") if isinstance(resource, dict) else None
            if isinstance(path, str):
                full = str(PurePosixPath(base) / path) if base != "." else path
                if full in by_name:
                    yield by_name[full]

    def name(self) -> str:
        """The package's own name (its datapackage.json's), else the folder's or file's."""
        data = self.datapackage() or {}
        for key in ("name", "title"):
            value = data.get(key)
            if isinstance(value, str) and value.strip() and \
                    value.strip().lower() not in GENERIC_NAMES:
                return value.strip()
        return self.stem


def _skip(parts: tuple[str, ...]) -> bool:
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def open_package(path: Path) -> Package:
    """The files of a folder, a zip file, or a single file; a `KnownError` when unreadable."""
    if not path.exists():
        raise KnownError(f"{path}: there is no file or folder here.")
    if path.is_file() and (path.suffix.lower() == ".zip" or zipfile.is_zipfile(path)):
        return _zip_package(path)
    if path.is_file():
        size = path.stat().st_size
        return Package(str(path), [PackageFile(path.name, size, path.read_bytes)], path.stem)
    files: list[PackageFile] = []
    for file in _walk(path):
        rel = file.relative_to(path)
        files.append(PackageFile(rel.as_posix(), file.stat().st_size, file.read_bytes))
        if len(files) > MAX_FILES:
            raise KnownError(f"{path}: this folder holds more than {MAX_FILES:,} files; "
                             "choose the folder of one directory.")
    return Package(str(path), files, path.name)


def _walk(root: Path) -> Iterator[Path]:
    """Regular files up to `SEARCH_DEPTH` folders down (no links followed, no FIFOs)."""
    stack = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.name == "__MACOSX" or entry.is_symlink():
                continue
            if entry.is_dir():
                if depth < SEARCH_DEPTH:
                    stack.append((entry, depth + 1))
            elif entry.is_file():
                yield entry


def _zip_package(path: Path) -> Package:
    try:
        archive = zipfile.ZipFile(path)
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError):
        raise KnownError(f"{path.name}: this zip file cannot be read (damaged or cut "
                         "short?).") from None
    if len(members) > MAX_FILES:
        raise KnownError(f"{path.name}: this zip file holds more than {MAX_FILES:,} files.")
    total = sum(m.file_size for m in members)
    if total > MAX_PACKAGE_BYTES:
        raise KnownError(f"{path.name}: this zip file would unpack to {total / 2**30:.1f} GB; "
                         f"a package can be at most {MAX_PACKAGE_BYTES // 2**30} GB.")
    files = []
    for member in members:
        parts = PurePosixPath(member.filename).parts
        if _skip(parts) or len(parts) > SEARCH_DEPTH + 2:
            continue

        def read(member: zipfile.ZipInfo = member) -> bytes:
            # The declared size is not trusted: read at most the limit, then stop.
            try:
                with archive.open(member) as handle:
                    data = handle.read(MAX_TABLE_BYTES + 1)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
                raise KnownError(f"{path.name}, {member.filename}: this file cannot be "
                                 "unpacked (damaged or cut short?).") from None
            if len(data) > MAX_TABLE_BYTES:
                raise KnownError(f"{path.name}, {member.filename}: {_too_big()}")
            return data

        files.append(PackageFile(member.filename, member.file_size, read))
    return Package(path.name, files, path.stem)


def _too_big() -> str:
    return (f"this file is larger than {MAX_TABLE_BYTES // 2**20} MB, the most one table "
            "may hold; split the package or export one region at a time.")


def _decoded(file: PackageFile) -> tuple[str, str]:
    if file.size > MAX_TABLE_BYTES:
        raise KnownError(f"{file.name}: {_too_big()}")
    data = file.read()
    if len(data) > MAX_TABLE_BYTES:
        raise KnownError(f"{file.name}: {_too_big()}")
    text, note = decode(data)
    if "\x00" in text[:65536]:
        raise KnownError(f"{file.name}: this is not a text file (it holds binary data).")
    return text, note


def _format_of(package: Package) -> str:
    names = {f.key for f in package.files}
    csvs = package.csv_files()
    json_depths = [f.depth for f in package.files
                   if f.key.endswith(".json") and f.key != "datapackage.json"]
    if csvs and json_depths and min(json_depths) < csvs["services.csv"].depth:
        return "hsds-json"  # JSON objects here, and a CSV package further down
    if csvs:
        if set(csvs) & LEGACY_MARKERS:
            return "hsds-legacy-csv"
        if set(csvs) & {"schedules.csv", "attributes.csv", "addresses.csv",
                        "service_at_location.csv", "taxonomies.csv"}:
            return "hsds-csv"
        return "hsds-legacy-csv"
    if any(n.endswith(".csv") for n in names) and not any(
            n.endswith(".json") and n != "datapackage.json" for n in names):
        raise KnownError(f"{package.label}: this folder has CSV files but no services.csv, "
                         "so it is not an HSDS package.")
    if any(n.endswith(".json") and n != "datapackage.json" for n in names):
        return "hsds-json"
    raise KnownError(f"{package.label}: this holds no directory files, HSDS JSON files or "
                     "HSDS CSV files.")


def detect(path: Path) -> str:
    """Which format a file or folder holds; a `KnownError` when none."""
    if not path.exists():
        raise KnownError(f"{path}: there is no file or folder here.")
    if path.is_file() and path.suffix.lower() in (".yaml", ".yml"):
        return "kiosk-yaml"
    if path.is_dir() and any(p.suffix.lower() in (".yaml", ".yml") and p.is_file()
                             for p in path.iterdir()):
        return "kiosk-yaml"
    if path.is_file() and path.suffix.lower() not in (".json", ".csv", ".zip") and \
            not zipfile.is_zipfile(path):
        raise KnownError(f"{path}: this is not a directory file (.yaml), an HSDS JSON file, "
                         "a zip file or a folder of them.")
    return _format_of(open_package(path.parent if path.suffix.lower() == ".csv" else path))


def read(path: Path, fmt: str) -> Tables:
    package = open_package(path.parent if path.is_file() and
                           path.suffix.lower() == ".csv" else path)
    if fmt == "hsds-json":
        tables = read_json(package)
    elif fmt == "hsds-csv":
        tables = read_csv_package(package, CSV_TABLES, fmt)
    elif fmt == "hsds-legacy-csv":
        tables = read_csv_package(package, LEGACY_TABLES, fmt)
    else:
        raise KnownError(f'"{fmt}" is not an HSDS format; use one of hsds-json, hsds-csv.')
    tables.name = package.name()
    return tables


# -- JSON -------------------------------------------------------------------------------------

def _kind_of(obj: dict[str, Any]) -> str | None:
    """Which HSDS object a top-level JSON object is (files carry no type)."""
    keys = set(obj)
    if "contents" in keys:
        return "page"
    if "openapi_url" in keys:
        return None  # the API's root description
    if "service" in keys and isinstance(obj.get("service"), dict):
        return "service_at_location"
    if "location" in keys and isinstance(obj.get("location"), dict) and "status" not in keys:
        return "service_at_location"
    if "status" in keys:
        return "service"
    if "location_type" in keys:
        return "location"
    if keys & {"code", "taxonomy_id", "taxonomy_detail", "term_uri", "parent_id"}:
        return "taxonomy_term"
    if keys & {"services", "legal_status", "year_incorporated", "locations", "tax_status"} \
            or "website" in keys:
        return "organization"
    if {"name", "description"} <= keys and keys <= {"id", "name", "description", "uri",
                                                     "version", "metadata"}:
        return "taxonomy"
    return None


def _depth(data: Any) -> int:
    """How deep lists and objects nest (walked with a stack, not by recursion)."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if depth > MAX_JSON_DEPTH:
            return depth
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return deepest


def read_json(package: Package) -> Tables:
    tables = Tables("hsds-json")
    for file in sorted(package.files, key=lambda f: f.name):
        if not file.key.endswith(".json") or file.key == "datapackage.json":
            continue
        text, note = _decoded(file)
        if note:
            tables.notes.append(f"{file.name} {note}")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise KnownError(f"{file.name}, line {error.lineno}: this is not valid JSON "
                             f"({error.msg}).") from None
        except RecursionError:
            raise KnownError(f"{file.name}: this JSON nests lists and objects too deeply to "
                             "be HSDS.") from None
        if _depth(data) > MAX_JSON_DEPTH:
            raise KnownError(f"{file.name}: this JSON nests lists and objects more than "
                             f"{MAX_JSON_DEPTH} levels deep; HSDS needs a handful, so this "
                             "is not HSDS.")
        objects = data if isinstance(data, list) else [data]
        for number, obj in enumerate(objects, 1):
            if not isinstance(obj, dict):
                continue
            kind = _kind_of(obj)
            if kind == "page":
                for inner in obj.get("contents") or []:
                    if isinstance(inner, dict) and (inner_kind := _kind_of(inner)):
                        _flatten(tables, inner_kind, inner, file.name, number)
            elif kind:
                _flatten(tables, kind, obj, file.name, number)
    return tables


def _flatten(tables: Tables, kind: str, obj: dict[str, Any], file: str, number: int) -> None:
    """An object and the objects nested in it as rows, each child given its parent's ids.

    Walked with a stack: a row's own id is known before its children are visited, and a
    child that names its parent (an organization in a service) gives the parent that id.
    """
    stack: list[tuple[str, dict[str, Any], dict[str, str], dict[str, str] | None]] = [
        (kind, obj, {}, None)]
    added: list[tuple[str, dict[str, str]]] = []  # made rows once their children are seen
    while stack:
        kind, obj, parent_keys, parent_values = stack.pop()
        values = {k: clean(v) for k, v in obj.items() if not isinstance(v, dict | list)}
        for key, value in parent_keys.items():
            if not values.get(key):
                values[key] = value
        own_id = values.get("id", "")
        added.append((kind, values))
        if parent_values is not None and own_id and kind in (
                "organization", "location", "service", "taxonomy", "taxonomy_term") \
                and not parent_values.get(f"{kind}_id"):
            parent_values[f"{kind}_id"] = own_id
        child_keys = dict(parent_keys)
        if own_id:
            child_keys[f"{kind}_id"] = own_id
        children: list[tuple[str, dict[str, Any], dict[str, str], dict[str, str] | None]] = []
        for key, value in obj.items():
            child_kind = NESTED.get(key)
            if child_kind is None:
                continue
            items = value if isinstance(value, list) else [value]
            for child in items:
                if not isinstance(child, dict):
                    continue
                keys = {k: v for k, v in child_keys.items() if k != f"{child_kind}_id"}
                if child_kind == "attribute" and own_id:
                    keys = {"link_id": own_id, "link_entity": kind}
                children.append((child_kind, child, keys,
                                 values if child_kind != kind else None))
        stack.extend(reversed(children))  # visited in the order they are written
    for table, values in added:  # with the ids their children gave them
        tables.add_values(table, values, file, number)
        tables.columns.setdefault(table, set()).update(values)


# -- CSV --------------------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """Text of a published file: UTF-8 (with or without BOM), UTF-16 with a BOM (as some
    spreadsheets save "Unicode text"), else Windows-1252, else Latin-1."""
    encodings = ["utf-8-sig", "cp1252", "latin-1"]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings.insert(0, "utf-16")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        note = "" if encoding == "utf-8-sig" else f"was not UTF-8; it was read as {encoding}"
        return text, note
    raise AssertionError("latin-1 decodes every byte")


def read_csv_package(package: Package, names: dict[str, str], fmt: str) -> Tables:
    tables = Tables(fmt)
    files = package.csv_files()
    csv.field_size_limit(MAX_TABLE_BYTES)  # a cell can be as long as its file may be
    for name, table in names.items():
        file = files.get(name)
        if file is None:
            continue
        text, note = _decoded(file)
        if note:
            tables.notes.append(f"{file.name} {note}")
        _read_csv(tables, file.name, name, table, text, fmt == "hsds-legacy-csv")
    read_names = set(names) & set(files)
    other = sorted(n for n, f in files.items() if n not in read_names and _has_rows(f))
    if other:
        tables.notes.append("not read (the kiosk has no place for them): " + ", ".join(other))
    return tables


def _read_csv(tables: Tables, shown: str, name: str, table: str, text: str,
              legacy: bool) -> None:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            return
        columns = [h.strip().lower() for h in header]
        width = len(columns)
        long_rows = short_rows = 0
        last: list[str] = []
        start = reader.line_num
        form = LEGACY_FORMS.get(name) if legacy else None
        convert, given, always = form if form is not None else (None, (), True)
        tables.columns.setdefault(table, set()).update(columns, given)
        names = tuple(columns)
        layout = Layout(names, given=given, always=always)
        added = [k for k in dict.fromkeys(given) if k not in layout.index]
        layout.index.update((k, width + i) for i, k in enumerate(added))
        layouts = tables.layouts.setdefault(table, [])
        layouts.append(layout)
        shortened: dict[int, Layout] = {}
        pad = [""] * (len(added) + 1)  # the cells only the 3.0 form has, then the blank
        found = tables.rows.setdefault(table, [])
        add = found.append
        keep = layout.values.append
        index = layout.index
        strip = str.strip
        for cells in reader:
            line = start + 1
            start = reader.line_num
            last = cells
            if len(cells) != width:
                if not cells or (len(cells) == 1 and not cells[0].strip()):
                    continue
                if len(cells) > width:
                    long_rows += 1
                    cells = cells[:width]
                else:
                    short_rows += 1
            stripped = list(map(strip, cells))
            if not any(stripped):
                continue
            if len(stripped) < width:
                count = len(stripped)
                short = shortened.get(count)
                if short is None:
                    short = shortened[count] = layout.shortened(count)
                    layouts.append(short)
                stripped += [""] * (width - count)
                stripped += pad
                if convert is not None:
                    convert(stripped, short.index)
                values = tuple(stripped)
                short.values.append(values)
                add(Row(table, values, shown, line, short))
                continue
            stripped += pad
            if convert is not None:
                convert(stripped, index)
            values = tuple(stripped)
            keep(values)
            add(Row(table, values, shown, line, layout))
    except csv.Error as error:
        raise KnownError(f"{shown}, line {reader.line_num}: this CSV file cannot be read "
                         f"({error}).") from None
    if _cut_short(text, last, width):
        raise KnownError(f"{shown}, line {reader.line_num}: the file ends in the middle of a "
                         "record, so it was cut short (an interrupted copy?); nothing was "
                         "imported. Copy it again.")
    if long_rows:
        tables.notes.append(f"{shown}: {long_rows} rows have more cells than the header; "
                            "the extra cells were left out")
    if short_rows:
        tables.notes.append(f"{shown}: {short_rows} rows have fewer cells than the header; "
                            "the missing ones were read as blank")


def _cut_short(text: str, last: list[str], width: int) -> bool:
    """A file that stops inside a quoted value, or inside its last record."""
    if text and not text.endswith(("\n", "\r")) and 0 < len(last) < width:
        return True
    if text.count('"') % 2 == 0:
        return False
    # An odd number of quotes: a stray one in a cell, or a quoted value never closed. Only
    # a strict reading tells them apart (and only this rare case pays for it).
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


# An older table's row in its 3.0 form: each function below sets, in a row's cells (placed
# by `at`; a column the row does not have is at -1, the blank), the cells of the columns
# its table has in 3.0.

def _schedule_form(cells: list[str], at: dict[str, int]) -> None:
    day = cells[at.get("weekday", -1)].lower()
    code = WEEKDAYS.get(day) or next(
        (c for d, c in WEEKDAYS.items() if day and d.startswith(day[:3])), "")
    if not code and day.isdigit() and 1 <= int(day) <= 7:
        code = list(WEEKDAYS.values())[int(day) - 1]  # 1 is Monday (ISO 8601)
    cells[at["freq"]] = "WEEKLY"
    cells[at["byday"]] = code or day


def _link_form(cells: list[str], at: dict[str, int]) -> None:
    cells[at["link_id"]] = cells[at.get("service_id", -1)]
    cells[at["link_entity"]] = "service"
    cells[at["taxonomy_term_id"]] = cells[at.get("taxonomy_id", -1)] or \
        cells[at.get("taxonomy_term_id", -1)]


def _term_form(cells: list[str], at: dict[str, int]) -> None:
    cells[at["taxonomy"]] = cells[at.get("vocabulary", -1)] or cells[at.get("taxonomy", -1)]
    cells[at["name"]] = cells[at.get("name", -1)] or cells[at.get("term", -1)]
    cells[at["code"]] = cells[at.get("code", -1)] or cells[at.get("id", -1)]


def _language_form(cells: list[str], at: dict[str, int]) -> None:
    cells[at["name"]] = cells[at.get("name", -1)] or cells[at.get("language", -1)]


def _service_form(cells: list[str], at: dict[str, int]) -> None:
    if not cells[at["url"]] and cells[at.get("website", -1)]:
        cells[at["url"]] = cells[at["website"]]


def _organization_form(cells: list[str], at: dict[str, int]) -> None:
    if not cells[at["website"]] and cells[at.get("url", -1)]:
        cells[at["website"]] = cells[at["url"]]


_Form = Callable[[list[str], dict[str, int]], None]
_LINK: tuple[_Form, tuple[str, ...], bool] = (
    _link_form, ("link_id", "link_entity", "taxonomy_term_id"), True)
_TERM: tuple[_Form, tuple[str, ...], bool] = (_term_form, ("taxonomy", "name", "code"), True)
# By file name (tables not named are the same in 3.0): the form, the columns it sets, and
# whether it sets them in every row (else only where it gives a value).
LEGACY_FORMS: dict[str, tuple[_Form, tuple[str, ...], bool]] = {
    "regular_schedules.csv": (_schedule_form, ("freq", "byday"), True),
    "service_taxonomy.csv": _LINK, "services_taxonomy.csv": _LINK,
    "service_attributes.csv": _LINK, "taxonomy.csv": _TERM, "taxonomy_terms.csv": _TERM,
    "languages.csv": (_language_form, ("name",), True),
    "services.csv": (_service_form, ("url",), False),
    "organizations.csv": (_organization_form, ("website",), False),
}


def _has_rows(file: PackageFile) -> bool:
    """More than a header line (the kiosk's own export writes every table, most empty)."""
    if file.size > MAX_TABLE_BYTES:
        return True
    return sum(1 for line in file.read().splitlines() if line.strip()) > 1
