"""HSDS data (any form `tables` reads) to a kiosk `Directory`, with a report of what was left.

Published data is messy, and a wrong phone number on a crisis line is the worst thing the
kiosk can show, so every record goes through the same checks as the kiosk's own files.
A record that fails is named (file, row, reason) and left out; the caller decides whether
anything left out stops the import. Records the kiosk itself exported carry its own record
in an attribute and come back exactly, except for fields someone changed in HSDS since.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.directory.convert import EMAIL, WEBSITE, ZIP, Reader
from kiosk.directory.model import Category, Directory, Resource
from kiosk.directory.phones import PhoneError, parse_number
from kiosk.directory.problems import path_text
from kiosk.exchange import hsds_export as out
from kiosk.exchange.mapping import Mapping
from kiosk.exchange.tables import Row, Tables

ICAL_TO_DAY = dict(zip(out.ICAL_DAYS, ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                       strict=True))
LANGUAGE_CODES = {"english": "en", "eng": "en", "spanish": "es", "español": "es",
                  "espanol": "es", "spa": "es", "portuguese": "pt", "por": "pt",
                  "french": "fr", "fra": "fr", "haitian creole": "ht", "hat": "ht",
                  "chinese": "zh", "zho": "zh", "vietnamese": "vi", "vie": "vi",
                  "arabic": "ar", "ara": "ar", "polish": "pl", "pol": "pl",
                  "russian": "ru", "rus": "ru", "american sign language": "asl"}
PHONE_TYPES = {"voice": "voice", "cell": "voice", "": "voice", "hotline": "hotline",
               "text": "text", "sms": "text", "textphone": "tty", "tty": "tty"}
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?(?::\d{2}(?:\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?"
                   r"\s*(?:z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)


@dataclass
class Skipped:
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class HsdsResult:
    directory: Directory
    format: str
    services: int = 0  # service records read
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unmapped: Counter[str] = field(default_factory=Counter)  # term -> services

    def lines(self) -> list[str]:
        out = [f"Read {self.services} services as {self.format}: "
               f"{len(self.directory.resources)} can be imported, "
               f"{len(self.skipped)} records skipped."]
        out += [f"Note: {n}" for n in self.notes]
        if self.unmapped:
            terms = ", ".join(f"{t} ({n})" for t, n in self.unmapped.most_common())
            out.append(f"Taxonomy terms that map to no kiosk category (services): {terms}")
        out += [f"Skipped {s}" for s in self.skipped]
        return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _minutes(text: str) -> int | None:
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = (match.group(3) or "").lower().replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 24 or minute > 59:
        return None
    return hour * 60 + minute


class _Builder:
    def __init__(self, tables: Tables, base: Directory, mapping: Mapping | None) -> None:
        self.t = tables
        self.base = base
        self.mapping = mapping or Mapping()
        self.result = HsdsResult(Directory(base.info, [], [], list(base.topics)), tables.format)
        self.result.notes += tables.notes
        self.reported: set[tuple[str, str]] = set()
        self.kiosk_categories = {out.uid("taxonomy", out.CATEGORY_TAXONOMY)}
        self.terms = {r.get("id"): r for r in tables.of("taxonomy_term") if r.get("id")}
        self.attributes: dict[str, list[Row]] = {}
        for row in tables.of("attribute"):
            self.attributes.setdefault(row.get("link_id"), []).append(row)
        self.by: dict[tuple[str, str], dict[str, list[Row]]] = {}
        self.paths: dict[str, Path] = {}
        self.record_term = out.uid("term", out.RECORD_TERM)

    def index(self, table: str, key: str) -> dict[str, list[Row]]:
        if (table, key) not in self.by:
            found: dict[str, list[Row]] = {}
            for row in self.t.of(table):
                if row.get(key):
                    found.setdefault(row.get(key), []).append(row)
            self.by[table, key] = found
        return self.by[table, key]

    def skip(self, row: Row, reason: str) -> None:
        if (row.where, reason) not in self.reported:
            self.reported.add((row.where, reason))
            self.result.skipped.append(Skipped(row.where, reason))

    def note(self, text: str) -> None:
        if text not in self.result.notes:
            self.result.notes.append(text)

    def _record_of(self, link_id: str) -> dict[str, Any] | None:
        for row in self.attributes.get(link_id, []):
            if row.get("taxonomy_term_id") == self.record_term and row.get("value"):
                try:
                    value = json.loads(row.get("value"))
                except json.JSONDecodeError:
                    self.skip(row, "the kiosk record in this attribute is not valid JSON")
                    return None
                return value if isinstance(value, dict) else None
        return None

    # -- categories -------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        found: list[Category] = []
        for term in self.t.of("taxonomy_term"):
            record = self._record_of(term.get("id"))
            if record is None or any(c.slug == record.get("slug") for c in found):
                continue
            reader = Reader(Path(term.file))
            category = reader.category(record, ())
            if reader.problems or category is None:
                self.skip(term, "; ".join(p.message for p in reader.problems))
                continue
            # A name changed in HSDS since the export wins over the kiosk's copy.
            if term.get("name") and term.get("name") != category.name.en:
                category = Category(category.slug, type(category.name)(
                    term.get("name"), category.name.es), category.description,
                    category.icon, category.position, category.hidden, category.sensitive)
            found.append(category)
        return found or list(self.base.categories)

    def service_categories(self, row: Row, sid: str, known: set[str]) -> list[str]:
        slugs: list[str] = []
        terms: list[tuple[str, str]] = []
        for attribute in self.attributes.get(sid, []):
            if attribute.get("link_entity") not in ("", "service"):
                continue
            term = self.terms.get(attribute.get("taxonomy_term_id"))
            if term is None or term.get("code") == out.RECORD_TERM:
                continue
            in_kiosk_taxonomy = term.get("taxonomy_id") in self.kiosk_categories or \
                term.get("taxonomy") == out.CATEGORY_TAXONOMY
            if in_kiosk_taxonomy and term.get("code") in known:
                if term.get("code") not in slugs:
                    slugs.append(term.get("code"))
            else:
                terms.append((term.get("code"), term.get("name")))
        mapped, unmapped = self.mapping.for_terms(terms)
        slugs += [s for s in mapped if s not in slugs]
        text = " ".join((row.get("name"), row.get("description")))
        slugs += [s for s in self.mapping.for_text(text) if s not in slugs]
        if not slugs:
            for term_name in unmapped:
                self.result.unmapped[term_name] += 1
            slugs = list(self.mapping.default)
        return [s for s in slugs if s in known]

    # -- one service ------------------------------------------------------------------------

    def related(self, table: str, sid: str, sal_ids: list[str],
                location_ids: list[str]) -> list[Row]:
        rows: list[Row] = []
        rows += self.index(table, "service_id").get(sid, [])
        for sal in sal_ids:
            rows += self.index(table, "service_at_location_id").get(sal, [])
        for lid in location_ids:
            rows += [r for r in self.index(table, "location_id").get(lid, [])
                     if not r.get("service_id") or r.get("service_id") == sid]
        seen: set[str] = set()
        unique = []
        for row in rows:
            key = row.get("id") or f"{row.file}:{row.row}"
            if key not in seen:
                seen.add(key)
                unique.append(row)
        return unique

    def phones(self, rows: list[Row]) -> list[dict[str, Any]]:
        phones: list[dict[str, Any]] = []
        numbers: set[str] = set()
        for row in rows:
            raw = row.get("number").strip('"\' ')
            if not raw:
                self.skip(row, "the phone has no number")
                continue
            kind = PHONE_TYPES.get(row.get("type").lower())
            if kind is None:
                if row.get("type").lower() != "fax":
                    self.note(f'phones of type "{row.get("type")}" were left out')
                continue
            extension = row.get("extension")
            if extension.endswith(".0"):
                extension = extension[:-2]
            text = f"{raw} ext. {extension}" if extension and "ext" not in raw.lower() else raw
            try:
                parsed = parse_number(text)
            except PhoneError as error:
                self.skip(row, f"{error}")
                continue
            if parsed.number + parsed.extension in numbers:
                continue
            numbers.add(parsed.number + parsed.extension)
            phone: dict[str, Any] = {"number": text, "kind": kind}
            label = row.get("description")
            if label and len(label) <= 40:
                phone["label"] = {"en": label}
            phones.append(phone)
        return phones

    def hours(self, rows: list[Row]) -> tuple[dict[str, list[str]] | None, list[str]]:
        days: dict[str, list[str]] = {}
        notes: list[str] = []
        for row in rows:
            freq = row.get("freq").upper()
            interval = row.get("interval").removesuffix(".0")
            codes = [c.strip().upper() for c in row.get("byday").split(",") if c.strip()]
            start, end = _minutes(row.get("opens_at")), _minutes(row.get("closes_at"))
            plain = (freq in ("", "WEEKLY") and interval in ("", "1") and codes
                     and all(c in ICAL_TO_DAY for c in codes) and start is not None
                     and end is not None and start != end and not row.get("bymonthday"))
            if plain:
                assert start is not None and end is not None
                if end == 1439 and start == 0:
                    end = 1440
                span = f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"
                for code in codes:
                    day = days.setdefault(ICAL_TO_DAY[code], [])
                    if span not in day:
                        day.append(span)
                continue
            text = row.get("description") or " ".join(
                p for p in (row.get("byday"), row.get("opens_at"), row.get("closes_at"),
                            row.get("notes")) if p)
            if text and text not in notes:
                notes.append(text)
        if days and all(days.get(d) == ["00:00-24:00"] for d in ICAL_TO_DAY.values()):
            return {"always": []}, notes
        return (days or None), notes

    def service(self, row: Row, known: set[str]) -> Resource | None:
        sid = row.get("id")
        sals = self.index("service_at_location", "service_id").get(sid, [])
        sal_ids = [s.get("id") for s in sals if s.get("id")]
        location_ids = [s.get("location_id") for s in sals if s.get("location_id")]
        if not location_ids and row.get("location_id"):
            location_ids = [row.get("location_id")]
        record = self._record_of(sid)
        if record is not None:
            data: dict[str, Any] | None = self.merge(record, row, known)
        else:
            data = self.native(row, sid, sal_ids, location_ids, known)
        if data is None:
            return None
        reader = Reader(self.paths.setdefault(row.file, Path(row.file)))
        resource = reader.resource(data, ())
        if reader.problems or resource is None:
            self.skip(row, "; ".join(f"{path_text(p.path) or 'record'} {p.message}"
                                     for p in reader.problems))
            return None
        return resource

    def native(self, row: Row, sid: str, sal_ids: list[str], location_ids: list[str],
               known: set[str]) -> dict[str, Any] | None:
        name = row.get("name")
        if not name:
            self.skip(row, "the service has no name")
            return None
        org_rows = self.index("organization", "id").get(row.get("organization_id"), [])
        org = org_rows[0] if org_rows else None
        description = row.get("description") or (org.get("description") if org else "")
        if not description:
            self.skip(row, "the service has no description, and the kiosk shows one for "
                           "every entry")
            return None
        categories = self.service_categories(row, sid, known)
        if not categories:
            self.skip(row, "no kiosk category: none of its taxonomy terms or words is in the "
                           "mapping file")
            return None
        data: dict[str, Any] = {
            "id": _slug(sid) or out.uid("service", row.where),
            "name": {"en": name}, "description": {"en": description},
            "categories": categories,
            "sources": [{"ref": row.file, "note": f"HSDS service id {sid}"}],
        }
        if org and org.get("name") and org.get("name") != name:
            data["organization"] = org.get("name")
        status = row.get("status").lower()
        if status in ("inactive", "defunct", "temporarily closed"):
            data["status"] = "inactive"
        elif status not in ("", "active"):
            self.note(f'{row.where}: status "{row.get("status")}" was read as active')
        website = row.get("url") or (org.get("website") if org else "")
        if website and WEBSITE.match(website):
            data["website"] = website
        elif website:
            self.note(f'{row.where}: "{website}" is not a web address; it was left out')
        email = row.get("email")
        if email and EMAIL.match(email):
            data["email"] = email
        elif email:
            self.note(f'{row.where}: "{email}" is not an email address; it was left out')
        if row.get("eligibility_description"):
            data["eligibility"] = {"en": row.get("eligibility_description")}
        phone_rows = self.related("phone", sid, sal_ids, location_ids)
        if not phone_rows and org:
            phone_rows = self.index("phone", "organization_id").get(org.get("id"), [])
        data["phones"] = self.phones(phone_rows)
        hours, notes = self.hours(self.related("schedule", sid, sal_ids, location_ids))
        if hours == {"always": []}:
            data["hours"] = "always"
        elif hours:
            data["hours"] = hours
        if notes:
            data["hours_note"] = {"en": " ".join(
                n if n.endswith((".", "!", "?")) else n + "." for n in notes)}
        address = self.address(location_ids)
        if address:
            data["address"] = address
        languages = self.languages(self.index("language", "service_id").get(sid, []))
        if languages:
            data["languages"] = languages
        return data

    def address(self, location_ids: list[str]) -> dict[str, str] | None:
        for lid in location_ids:
            for row in self.index("address", "location_id").get(lid, []):
                if row.get("address_type").lower() not in ("", "physical"):
                    continue
                street = ", ".join(p for p in (row.get("address_1"), row.get("address_2"))
                                   if p)
                zip_code = row.get("postal_code")
                if zip_code and not ZIP.match(zip_code):
                    if len(zip_code) == 4 and zip_code.isdigit():
                        zip_code = "0" + zip_code  # a spreadsheet ate the leading zero
                    else:
                        self.note(f'{row.where}: "{zip_code}" is not a US ZIP code; it was '
                                  "left out")
                        zip_code = ""
                out_address = {"street": street, "town": row.get("city"),
                               "state": row.get("state_province"), "zip": zip_code}
                return {k: v for k, v in out_address.items() if v}
        return None

    def languages(self, rows: list[Row]) -> list[str]:
        codes: list[str] = []
        for row in rows:
            for value in (row.get("code"), row.get("name")):
                code = LANGUAGE_CODES.get(value.lower(), value.lower() if
                                          len(value) == 2 and value.isalpha() else "")
                if code:
                    if code not in codes:
                        codes.append(code)
                    break
        return codes

    def merge(self, record: dict[str, Any], row: Row, known: set[str]) -> dict[str, Any]:
        """The kiosk's record, with what was changed in HSDS since it was exported.

        Each HSDS field is compared with what the export writes for the record, so that
        only a value someone changed replaces the kiosk's (and its Spanish stays).
        """
        merged = dict(record)
        name = _as_local(record.get("name"))
        if row.get("name") and row.get("name") != name["en"]:
            merged["name"] = {**name, "en": row.get("name")}
        description = _as_local(record.get("description"))
        if row.get("description") and row.get("description") != description["en"]:
            merged["description"] = {**description, "en": row.get("description")}
        if row.get("url") != out.web(str(record.get("website") or "")):
            _set(merged, "website", row.get("url"))
        if row.get("email") != str(record.get("email") or ""):
            _set(merged, "email", row.get("email"))
        status = row.get("status").lower()
        if status and status != str(record.get("status") or "active"):
            merged["status"] = "active" if status == "active" else "inactive"
        sid = row.get("id")
        phone_rows = self.index("phone", "service_id").get(sid, [])
        incoming = [_digits(p.get("number")) + _digits(p.get("extension").removesuffix(".0"))
                    for p in phone_rows]
        kept = [_digits(p["number"] if isinstance(p, dict) else str(p))
                for p in record.get("phones") or []]
        if incoming != kept:
            merged["phones"] = self.phones(phone_rows)
        categories = self.service_categories(row, sid, known)
        if categories and set(categories) != set(record.get("categories") or []):
            merged["categories"] = categories
        return merged


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _as_local(value: Any) -> dict[str, str]:
    if isinstance(value, dict):
        return dict(value)
    return {"en": str(value or ""), "es": str(value or "")}


def _set(data: dict[str, Any], key: str, value: Any) -> None:
    if value:
        data[key] = value
    else:
        data.pop(key, None)


def to_directory(tables: Tables, base: Directory, mapping: Mapping | None = None
                 ) -> HsdsResult:
    """The directory HSDS `tables` describe; `base` gives the categories when HSDS has none
    of the kiosk's, and the topics and directory details (HSDS has no place for them)."""
    builder = _Builder(tables, base, mapping)
    result = builder.result
    result.directory.categories = builder.categories()
    known = {c.slug for c in result.directory.categories}
    seen: dict[str, Row] = {}
    conflicts: dict[str, list[Row]] = {}
    ids: dict[str, Row] = {}
    for row in tables.of("service"):
        sid = row.get("id")
        if not sid:
            builder.skip(row, "the service has no id")
            continue
        if sid in seen:
            first = seen[sid]
            if first.values != row.values and row.file.endswith(".csv"):
                # Which of the two is right cannot be known: neither is imported.
                conflicts.setdefault(sid, [first]).append(row)
            elif row.file.endswith(".csv"):
                builder.note(f"{row.where} repeats {first.where}; it was read once")
            else:  # the same object nested in several JSON files: take every field given
                for key, value in row.values.items():
                    if first.get(key) == "" and value not in (None, ""):
                        first.values[key] = value
            continue
        seen[sid] = row
    result.services = len(seen)
    for rows in conflicts.values():
        for row in rows:
            others = ", ".join(r.where for r in rows if r is not row)
            builder.skip(row, f"another row has the same service id and different "
                              f"content ({others})")
    for sid, row in seen.items():
        if sid in conflicts:
            continue
        resource = builder.service(row, known)
        if resource is None:
            continue
        if resource.id in ids:
            builder.skip(row, f'its id becomes "{resource.id}", like the service at '
                              f"{ids[resource.id].where}")
            continue
        ids[resource.id] = row
        result.directory.resources.append(resource)
    return result
