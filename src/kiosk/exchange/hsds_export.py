"""The kiosk's directory as Open Referral HSDS 3.0: JSON objects, a JSON folder, a CSV package.

HSDS wants a UUID for every object and other systems keep those UUIDs, so every id here is
a uuid5 of a fixed namespace and the kiosk's own id: the same entry gets the same UUID in
every export. The kiosk's categories become the taxonomy `kiosk-categories`; whatever HSDS
has no field for (Spanish text, discreet names, sources, review dates and notes, the area
served) travels in an attribute of the taxonomy `kiosk` whose value is the kiosk's own record,
so that an export read back gives the same directory.
"""

from __future__ import annotations

import csv
import io
import json
import os
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kiosk.directory.convert import category_to_data, resource_to_data
from kiosk.directory.model import DAYS, Category, Directory, Resource
from kiosk.directory.spreadsheet import safe_cell

NAMESPACE = uuid.UUID("6f1c2a8e-3b7d-5e41-9c0a-7d2f4b8e1a35")
CATEGORY_TAXONOMY = "kiosk-categories"
KIOSK_TAXONOMY = "kiosk"
RECORD_TERM = "kiosk-record"  # attribute value: the kiosk's own record, as JSON
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French",
                  "ht": "Haitian Creole", "zh": "Chinese", "vi": "Vietnamese", "ar": "Arabic",
                  "pl": "Polish", "ru": "Russian", "asl": "American Sign Language"}
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DATAPACKAGE = Path(__file__).with_name("hsds-datapackage.json")


def uid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def web(url: str) -> str:
    """HSDS wants a full URI; the kiosk's files allow `www.example.org`."""
    if url and "://" not in url:
        return "https://" + url
    return url


def _drop_empty(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v not in (None, "", [])}


def taxonomies() -> list[dict[str, Any]]:
    return [
        {"id": uid("taxonomy", CATEGORY_TAXONOMY), "name": CATEGORY_TAXONOMY,
         "description": "The categories a visitor taps on the kiosk's home screen.",
         "version": "1"},
        {"id": uid("taxonomy", KIOSK_TAXONOMY), "name": KIOSK_TAXONOMY,
         "description": "Fields of the kiosk's own record that HSDS has no place for.",
         "version": "1"},
    ]


def record_term() -> dict[str, Any]:
    return {"id": uid("term", RECORD_TERM), "code": RECORD_TERM, "name": "Kiosk record",
            "description": "The value is the kiosk's whole record as JSON (kiosk-directory/1 "
                           "fields): Spanish text, sources, review dates and notes.",
            "taxonomy": KIOSK_TAXONOMY, "taxonomy_id": uid("taxonomy", KIOSK_TAXONOMY),
            "language": "en"}


def category_term(c: Category) -> dict[str, Any]:
    term_id = uid("category", c.slug)
    return {
        "id": term_id, "code": c.slug, "name": c.name.en,
        "description": c.description.en or c.name.en,
        "taxonomy": CATEGORY_TAXONOMY, "taxonomy_id": uid("taxonomy", CATEGORY_TAXONOMY),
        "language": "en",
        "attributes": [_record_attribute(term_id, "taxonomy_term", category_to_data(c))],
    }


def _record_attribute(link_id: str, entity: str, record: dict[str, Any]) -> dict[str, Any]:
    return {"id": uid("attribute", f"{entity}:{link_id}:{RECORD_TERM}"), "link_id": link_id,
            "link_entity": entity, "link_type": "kiosk_record",
            "taxonomy_term_id": uid("term", RECORD_TERM),
            "value": json.dumps(record, ensure_ascii=False, sort_keys=True, default=str)}


def organization_key(r: Resource) -> str:
    return r.organization or r.name.en


def organization(name: str, website: str = "") -> dict[str, Any]:
    return _drop_empty({"id": uid("organization", name), "name": name, "description": name,
                        "website": web(website)})


def _phone(r: Resource, i: int, service_id: str) -> dict[str, Any]:
    p = r.phones[i]
    kind = {"voice": "voice", "hotline": "voice", "text": "text", "tty": "textphone"}[p.kind]
    return _drop_empty({
        "id": uid("phone", f"{r.id}:{i}"), "service_id": service_id, "number": p.display,
        "extension": int(p.extension) if p.extension.isdigit() else None, "type": kind,
        "description": p.label.en,
    })


def _schedules(r: Resource, service_id: str) -> list[dict[str, Any]]:
    if r.hours is None:
        return []
    base = {"service_id": service_id, "freq": "WEEKLY"}
    if r.hours.always:
        return [{"id": uid("schedule", f"{r.id}:always"), **base,
                 "byday": ",".join(ICAL_DAYS), "opens_at": "00:00:00", "closes_at": "23:59:00",
                 "description": "Open 24 hours, every day"}]
    # One schedule per distinct span, listing the days it applies to.
    by_span: dict[tuple[int, int], list[str]] = {}
    for day, spans in zip(ICAL_DAYS, r.hours.days, strict=True):
        for span in spans:
            by_span.setdefault((span.start, span.end), []).append(day)
    out = []
    for (start, end), days in by_span.items():
        end_of_day = end % 1440 if end != 1440 else 1439
        out.append({"id": uid("schedule", f"{r.id}:{start}-{end}"), **base,
                    "byday": ",".join(days), "opens_at": _time(start),
                    "closes_at": _time(end_of_day)})
    return out


def _time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def service(r: Resource) -> dict[str, Any]:
    """One service, with its organization, location, phones and schedules nested."""
    sid = uid("resource", r.id)
    org = organization(organization_key(r))
    out: dict[str, Any] = _drop_empty({
        "id": sid, "organization_id": org["id"], "name": r.name.en,
        "description": r.description.en, "url": web(r.website), "email": r.email,
        "status": r.status, "eligibility_description": r.eligibility.en,
        "fees_description": ", ".join(r.cost),
    })
    out["organization"] = org
    out["phones"] = [_phone(r, i, sid) for i in range(len(r.phones))]
    out["schedules"] = _schedules(r, sid)
    out["languages"] = [{"id": uid("language", f"{r.id}:{code}"), "service_id": sid,
                         "code": code, "name": LANGUAGE_NAMES.get(code, code)}
                        for code in r.languages]
    if r.address:
        lid = uid("location", r.id)
        location: dict[str, Any] = {"id": lid, "location_type": "physical",
                                    "organization_id": org["id"], "name": r.name.en}
        if r.address.street and r.address.town and r.address.zip:
            location["addresses"] = [{
                "id": uid("address", r.id), "location_id": lid,
                "address_1": r.address.street, "city": r.address.town,
                "state_province": r.address.state or "CT",
                "postal_code": r.address.zip, "country": "US",
                "address_type": "physical"}]
        out["service_at_locations"] = [{"id": uid("service_at_location", r.id),
                                        "service_id": sid, "location_id": lid,
                                        "location": location}]
    else:
        out["service_at_locations"] = []
    attributes = [{"id": uid("attribute", f"{r.id}:category:{slug}"), "link_id": sid,
                   "link_entity": "service", "link_type": "category",
                   "taxonomy_term_id": uid("category", slug), "value": slug}
                  for slug in r.categories]
    attributes.append(_record_attribute(sid, "service", resource_to_data(r)))
    out["attributes"] = attributes
    return out


def taxonomy_terms(directory: Directory) -> list[dict[str, Any]]:
    return [record_term(), *(category_term(c) for c in directory.categories)]


def organizations(directory: Directory) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for r in directory.resources:
        key = organization_key(r)
        seen.setdefault(key, organization(key))
    return list(seen.values())


# -- writing --------------------------------------------------------------------------------

def _write(path: Path, text: str) -> None:
    """Whole file or nothing (a temporary name, then a rename); no fsync per file, which
    made exporting thousands of services take minutes on an SD card."""
    temp = path.with_name(f".{path.name}.partial")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def write_json(directory: Directory, out: Path) -> list[Path]:
    """A folder: services/, organizations/, taxonomies/, taxonomy_terms/, one file per object.

    Files of objects no longer in the directory are removed, so that the folder can be
    exported over again and synced as it is.
    """
    groups = {
        "services": [service(r) for r in directory.resources],
        "organizations": organizations(directory),
        "taxonomies": taxonomies(),
        "taxonomy_terms": taxonomy_terms(directory),
    }
    written: list[Path] = []
    for folder, objects in groups.items():
        target = out / folder
        target.mkdir(parents=True, exist_ok=True)
        keep = set()
        for obj in objects:
            path = target / f"{obj['id']}.json"
            _write(path, _json(obj))
            keep.add(path.name)
            written.append(path)
        for old in target.glob("*.json"):
            if old.name not in keep:
                old.unlink()
    return written


def tables(directory: Directory) -> dict[str, list[dict[str, Any]]]:
    """The rows of every HSDS table, foreign keys taken from where each object is nested."""
    out: dict[str, list[dict[str, Any]]] = {}

    def add(table: str, row: dict[str, Any]) -> None:
        out.setdefault(table, []).append(
            {k: v for k, v in row.items() if not isinstance(v, list | dict)})

    for org in organizations(directory):
        add("organization", org)
    for tax in taxonomies():
        add("taxonomy", tax)
    for term in taxonomy_terms(directory):
        add("taxonomy_term", term)
        for attribute in term.get("attributes", []):
            add("attribute", attribute)
    for r in directory.resources:
        svc = service(r)
        add("service", svc)
        for phone in svc["phones"]:
            add("phone", phone)
        for schedule in svc["schedules"]:
            add("schedule", schedule)
        for language in svc["languages"]:
            add("language", language)
        for attribute in svc["attributes"]:
            add("attribute", attribute)
        for sal in svc["service_at_locations"]:
            add("service_at_location", sal)
            location = sal["location"]
            add("location", location)
            for address in location.get("addresses", []):
                add("address", address)
    return out


def datapackage() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    return data


def write_csv(directory: Directory, out: Path) -> list[Path]:
    """The tabular data package: every HSDS table as CSV (empty ones with their header)."""
    package = datapackage()
    rows = tables(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for resource in package["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"]]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=names, extrasaction="ignore",
                                lineterminator="\r\n")  # RFC 4180: a CR in a cell is quoted
        writer.writeheader()
        writer.writerows(_cells(row) for row in rows.get(resource["name"], []))
        path = out / resource["path"]
        _write(path, buffer.getvalue())
        written.append(path)
    _write(out / "datapackage.json", _json(package))
    written.append(out / "datapackage.json")
    return written


def _cells(row: dict[str, Any]) -> dict[str, Any]:
    """A row as CSV cells, text that a spreadsheet would run as a formula neutralised."""
    return {k: ("" if v is None else safe_cell(v)) for k, v in row.items()}


def day_names(codes: Iterable[str]) -> list[str]:
    return [DAYS[ICAL_DAYS.index(c)] for c in codes if c in ICAL_DAYS]
