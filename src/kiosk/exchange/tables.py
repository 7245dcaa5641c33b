"""Reading HSDS as published: a JSON folder, a 3.0 CSV package, or an older 1.x/2.x package.

Whatever the form, the data becomes the same thing: rows of the HSDS 3.0 tables
(`service`, `phone`, ...), each remembering the file and row it came from so that a problem
can be named where staff can find it. Nested JSON objects become rows with their foreign
keys taken from where they were nested; older CSV tables are renamed to their 3.0 form.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.errors import KnownError

FORMATS = ("kiosk-yaml", "hsds-json", "hsds-csv", "hsds-legacy-csv")

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
# 1.x / 2.x file names.
LEGACY_TABLES = {
    "organizations.csv": "organization", "services.csv": "service",
    "locations.csv": "location", "services_at_location.csv": "service_at_location",
    "service_at_location.csv": "service_at_location",
    "physical_addresses.csv": "address", "phones.csv": "phone",
    "regular_schedules.csv": "schedule", "languages.csv": "language",
    "taxonomy.csv": "taxonomy_term", "taxonomy_terms.csv": "taxonomy_term",
    "service_taxonomy.csv": "attribute", "service_attributes.csv": "attribute",
}
LEGACY_MARKERS = {"regular_schedules.csv", "physical_addresses.csv",
                  "services_at_location.csv", "service_taxonomy.csv", "taxonomy.csv"}
WEEKDAYS = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH",
            "friday": "FR", "saturday": "SA", "sunday": "SU"}


@dataclass
class Row:
    table: str
    values: dict[str, Any]
    file: str
    row: int  # CSV line number, or the object's number within a JSON file

    def get(self, key: str) -> str:
        """The value as trimmed text; blank cells and a literal `null` are empty."""
        value = self.values.get(key)
        if value is None:
            return ""
        text = str(value).strip()
        return "" if text.lower() in ("null", "none") else text

    @property
    def where(self) -> str:
        if self.file.endswith(".csv"):
            return f"{self.file}, row {self.row}"
        return f"{self.file}, {self.table} {self.get('id') or self.row}"


@dataclass
class Tables:
    format: str
    rows: dict[str, list[Row]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # e.g. "phones.csv was read as cp1252"

    def add(self, row: Row) -> None:
        self.rows.setdefault(row.table, []).append(row)

    def of(self, table: str) -> list[Row]:
        return self.rows.get(table, [])


def detect(path: Path) -> str:
    """Which format a file or folder holds; a `KnownError` when none."""
    if not path.exists():
        raise KnownError(f"{path}: there is no file or folder here.")
    if path.is_file():
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            return "kiosk-yaml"
        if suffix == ".json":
            return "hsds-json"
        raise KnownError(f"{path}: this is not a directory file (.yaml), an HSDS JSON file "
                         "or a folder of them.")
    names = {p.name.lower() for p in path.iterdir() if p.is_file()}
    if any(n.endswith((".yaml", ".yml")) for n in names):
        return "kiosk-yaml"
    if any(n.endswith(".csv") for n in names):
        if names & LEGACY_MARKERS:
            return "hsds-legacy-csv"
        if "services.csv" not in names:
            raise KnownError(f"{path}: this folder has CSV files but no services.csv, so it "
                             "is not an HSDS package.")
        if names & {"schedules.csv", "attributes.csv", "addresses.csv",
                    "service_at_location.csv"} or "datapackage.json" in names:
            return "hsds-csv"
        return "hsds-legacy-csv"
    if any(p.suffix.lower() == ".json" for p in path.rglob("*.json")):
        return "hsds-json"
    raise KnownError(f"{path}: this folder holds no directory files, HSDS JSON files or "
                     "HSDS CSV files.")


def read(path: Path, fmt: str) -> Tables:
    if fmt == "hsds-json":
        return read_json(path)
    if fmt == "hsds-csv":
        return read_csv_package(path, CSV_TABLES, fmt)
    if fmt == "hsds-legacy-csv":
        return read_csv_package(path, LEGACY_TABLES, fmt)
    raise KnownError(f'"{fmt}" is not an HSDS format; use one of hsds-json, hsds-csv.')


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


def read_json(path: Path) -> Tables:
    tables = Tables("hsds-json")
    files = [path] if path.is_file() else sorted(
        p for p in path.rglob("*.json") if p.name != "datapackage.json")
    for file in files:
        name = str(file.relative_to(path)) if path.is_dir() else file.name
        text, note = decode(file.read_bytes())
        if note:
            tables.notes.append(f"{name} {note}")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise KnownError(f"{name}, line {error.lineno}: this is not valid JSON "
                             f"({error.msg}).") from None
        objects = data if isinstance(data, list) else [data]
        for number, obj in enumerate(objects, 1):
            if not isinstance(obj, dict):
                continue
            kind = _kind_of(obj)
            if kind == "page":
                for inner in obj.get("contents") or []:
                    if isinstance(inner, dict) and (inner_kind := _kind_of(inner)):
                        _flatten(tables, inner_kind, inner, {}, name, number)
            elif kind:
                _flatten(tables, kind, obj, {}, name, number)
    return tables


def _flatten(tables: Tables, kind: str, obj: dict[str, Any], parent_keys: dict[str, Any],
             file: str, number: int) -> str:
    values = {k: v for k, v in obj.items() if not isinstance(v, dict | list)}
    for key, value in parent_keys.items():
        values.setdefault(key, value)
    own_id = str(values.get("id") or "")
    tables.add(Row(kind, values, file, number))
    child_keys = dict(parent_keys)
    if own_id:
        child_keys[f"{kind}_id"] = own_id
    for key, value in obj.items():
        child_kind = NESTED.get(key)
        if child_kind is None:
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            if not isinstance(item, dict):
                continue
            keys = {k: v for k, v in child_keys.items() if k != f"{child_kind}_id"}
            if child_kind == "attribute" and own_id:
                keys = {"link_id": own_id, "link_entity": kind}
            child_id = _flatten(tables, child_kind, item, keys, file, number)
            if child_kind in ("organization", "location", "service", "taxonomy",
                              "taxonomy_term") and \
                    child_id and kind != child_kind:
                values.setdefault(f"{child_kind}_id", child_id)
    return own_id


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


def read_csv_package(path: Path, names: dict[str, str], fmt: str) -> Tables:
    tables = Tables(fmt)
    files = {p.name.lower(): p for p in path.iterdir() if p.is_file()}
    for name, table in names.items():
        file = files.get(name)
        if file is None:
            continue
        text, note = decode(file.read_bytes())
        if note:
            tables.notes.append(f"{file.name} {note}")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if reader.fieldnames is None:
            continue
        reader.fieldnames = [f.strip().lower() for f in reader.fieldnames]
        for values in reader:
            line = reader.line_num
            values.pop(None, None)  # type: ignore[call-overload]
            if not any((v or "").strip() for v in values.values() if isinstance(v, str)):
                continue
            if fmt == "hsds-legacy-csv":
                values = _from_legacy(name, values)
            tables.add(Row(table, values, file.name, line))
    read = set(names) & set(files)
    other = sorted(n for n in files if n.endswith(".csv") and n not in read
                   and _has_rows(files[n]))
    if other:
        tables.notes.append("not read (the kiosk has no place for them): " + ", ".join(other))
    return tables


def _from_legacy(name: str, values: dict[str, Any]) -> dict[str, Any]:
    """An older table's row in its 3.0 form."""
    if name == "regular_schedules.csv":
        day = str(values.get("weekday") or "").strip().lower()
        code = WEEKDAYS.get(day) or next(
            (c for d, c in WEEKDAYS.items() if day and d.startswith(day[:3])), "")
        if not code and day.isdigit() and 1 <= int(day) <= 7:
            code = list(WEEKDAYS.values())[int(day) - 1]  # 1 is Monday (ISO 8601)
        return {**values, "freq": "WEEKLY", "byday": code or day}
    if name in ("service_taxonomy.csv", "service_attributes.csv"):
        return {**values, "link_id": values.get("service_id"), "link_entity": "service",
                "taxonomy_term_id": values.get("taxonomy_id") or
                values.get("taxonomy_term_id")}
    if name == "taxonomy.csv":
        return {**values, "taxonomy": values.get("vocabulary", ""),
                "code": values.get("code") or values.get("id")}
    if name == "languages.csv":
        return {**values, "name": values.get("name") or values.get("language")}
    if name == "services.csv" and not values.get("url") and values.get("website"):
        return {**values, "url": values["website"]}
    if name == "organizations.csv" and not values.get("website") and values.get("url"):
        return {**values, "website": values["url"]}
    return values


def _has_rows(file: Path) -> bool:
    """More than a header line (the kiosk's own export writes every table, most empty)."""
    with file.open("rb") as handle:
        return sum(1 for line in handle if line.strip()) > 1
