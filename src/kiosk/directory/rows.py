"""Directory objects as database rows and back."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from kiosk.directory.hours import Span, WeeklyHours
from kiosk.directory.model import (
    Address,
    Area,
    Category,
    LocalText,
    Phone,
    Resource,
    Source,
    Topic,
)

# One encoder for every row: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


# A JSON string exactly as _ENCODER writes it (ensure_ascii off), without the encoder's
# per-call set-up: the columns an import writes 100,000 times are put together from these.
_string = json.encoder.encode_basestring
_LISTS: dict[tuple[Any, ...], str] = {}


def _list(values: tuple[Any, ...]) -> str:
    """A tuple of texts as a JSON list; each distinct tuple (languages, cost, tags: a
    directory repeats a few hundred) is written once."""
    if not values:
        return "[]"
    found = _LISTS.get(values)
    if found is None:
        found = _ENCODER.encode(list(values))
        if len(_LISTS) < 65536:
            _LISTS[values] = found
    return found


def _phones_json(phones: tuple[Phone, ...]) -> str:
    """`_dumps([phone_data(p) for p in phones])`, character for character."""
    return "[" + ",".join(
        f'{{"number":{_string(p.number)},"display":{_string(p.display)},'
        f'"kind":{_string(p.kind)},"label":[{_string(p.label.en)},{_string(p.label.es)}],'
        f'"hours":[{_string(p.hours.en)},{_string(p.hours.es)}],'
        f'"extension":{_string(p.extension)},"message":{_string(p.message)}}}'
        for p in phones) + "]"


def _sources_json(sources: tuple[Source, ...]) -> str:
    """`_dumps(_sources_data(sources))`, character for character."""
    return "[" + ",".join(
        f'{{"ref":{_string(s.ref)},"facts":{_list(tuple(s.facts))},"note":{_string(s.note)}'
        + (f',"read":{_string(s.read.isoformat())}}}' if s.read else "}")
        for s in sources) + "]"


# The JSON of each week of hours, by the object itself: an import shares one WeeklyHours
# between every entry with the same week. The object is kept with its text, so its id is
# never reused while it is in here.
_HOURS: dict[int, tuple[WeeklyHours, str]] = {}


def _hours_json(hours: WeeklyHours) -> str:
    found = _HOURS.get(id(hours))
    if found is not None and found[0] is hours:
        return found[1]
    text = _dumps(hours_data(hours))
    if len(_HOURS) < 4096:
        _HOURS[id(hours)] = (hours, text)
    return text


def _local(row: dict[str, Any], key: str) -> LocalText:
    return LocalText(row.get(f"{key}_en") or "", row.get(f"{key}_es") or "")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _sources(value: str | None) -> tuple[Source, ...]:
    return tuple(Source(s["ref"], tuple(s.get("facts", ())), s.get("note", ""),
                        _date(s.get("read")))
                 for s in json.loads(value or "[]"))


def _sources_data(sources: tuple[Source, ...]) -> list[dict[str, Any]]:
    return [{"ref": s.ref, "facts": list(s.facts), "note": s.note,
             **({"read": s.read.isoformat()} if s.read else {})} for s in sources]


def category_row(c: Category) -> dict[str, Any]:
    return {
        "slug": c.slug, "position": c.position, "icon": c.icon, "hidden": int(c.hidden),
        "sensitive": int(c.sensitive), "name_en": c.name.en, "name_es": c.name.es,
        "description_en": c.description.en, "description_es": c.description.es,
    }


def category_from_row(row: dict[str, Any]) -> Category:
    return Category(
        slug=row["slug"], name=_local(row, "name"), description=_local(row, "description"),
        icon=row["icon"] or "", position=row["position"] or 0, hidden=bool(row["hidden"]),
        sensitive=bool(row["sensitive"]),
    )


def phone_data(p: Phone) -> dict[str, Any]:
    return {
        "number": p.number, "display": p.display, "kind": p.kind,
        "label": [p.label.en, p.label.es], "hours": [p.hours.en, p.hours.es],
        "extension": p.extension, "message": p.message,
    }


def phone_from_data(d: dict[str, Any]) -> Phone:
    return Phone(
        number=d["number"], display=d["display"], kind=d.get("kind", "voice"),
        label=LocalText(*d.get("label", ("", ""))), hours=LocalText(*d.get("hours", ("", ""))),
        extension=d.get("extension", ""), message=d.get("message", ""),
    )


def hours_data(hours: WeeklyHours | None) -> Any:
    if hours is None:
        return None
    if hours.always:
        return "always"
    return [[[s.start, s.end] for s in spans] for spans in hours.days]


def hours_from_data(value: Any) -> WeeklyHours | None:
    if value is None:
        return None
    if value == "always":
        return WeeklyHours(always=True)
    return WeeklyHours(tuple(tuple(Span(a, b) for a, b in spans) for spans in value))


def hour_rows(resource_id: str, hours: WeeklyHours | None) -> list[dict[str, Any]]:
    """Opening spans as (day, start, end) minutes, overnight spans split at midnight."""
    if hours is None:
        return []
    if hours.always:
        return [{"resource_id": resource_id, "day": d, "start": 0, "end": 1440}
                for d in range(7)]
    rows = []
    for day, spans in enumerate(hours.days):
        for s in spans:
            rows.append({"resource_id": resource_id, "day": day, "start": s.start,
                         "end": min(s.end, 1440)})
            if s.end > 1440:
                rows.append({"resource_id": resource_id, "day": (day + 1) % 7, "start": 0,
                             "end": s.end - 1440})
    return rows


_SPANS: dict[Any, tuple[tuple[int, int, int], ...]] = {}


def hour_spans(resource_id: str, hours: WeeklyHours) -> list[tuple[str, int, int, int]]:
    """`hour_rows` as (resource id, day, start, end); the spans of each distinct week are
    worked out once (a directory has a few dozen)."""
    found = _SPANS.get(hours)
    if found is None:
        found = tuple((h["day"], h["start"], h["end"]) for h in hour_rows("", hours))
        if len(_SPANS) < 4096:
            _SPANS[hours] = found
    return [(resource_id, day, start, end) for day, start, end in found]


def places(r: Resource) -> str:
    area = r.area
    if not (area.county or area.towns or area.statewide):  # most entries: their town
        return r.address.town
    parts = [r.address.town, r.area.county, *r.area.towns]
    if r.area.statewide:
        parts.append("Connecticut")
    return " ".join(p for p in parts if p)


# The columns of a resource's row, in the order `resource_values` gives them. The digest
# is a hash of the values before `updated_at` (the entry's content).
RESOURCE_COLUMNS = (
    "id", "name_en", "name_es", "discreet_name_en", "discreet_name_es", "organization",
    "description_en", "description_es", "phones", "website", "email", "street", "town",
    "state", "zip", "area", "places", "statewide", "hours", "hours_note_en", "hours_note_es",
    "cost", "languages", "access", "tags", "eligibility_en", "eligibility_es",
    "confidentiality_en", "confidentiality_es", "priority", "status", "sources",
    "verified_on", "verified_by", "review_notes", "main_phone", "is_free", "speaks_spanish",
    "updated_at", "source", "retired_on", "digest",
)
UPDATED_AT = RESOURCE_COLUMNS.index("updated_at")
DIGEST = RESOURCE_COLUMNS.index("digest")


def resource_row(r: Resource, updated_at: str = "") -> dict[str, Any]:
    return dict(zip(RESOURCE_COLUMNS, resource_values(r, updated_at), strict=True))


def resource_values(r: Resource, updated_at: str = "") -> tuple[Any, ...]:
    """`resource_row`'s values alone, in `RESOURCE_COLUMNS` order: what an import keeps
    for each entry it writes (a tuple is a sixth of the row's dict, and goes to SQLite as
    it is)."""
    phones, area, address = r.phones, r.area, r.address
    content = (
        r.id, r.name.en, r.name.es, r.discreet_name.en, r.discreet_name.es, r.organization,
        r.description.en, r.description.es,
        _phones_json(phones) if phones else "[]",
        r.website, r.email, address.street, address.town, address.state, address.zip,
        _dumps(area.to_data()) if area.national or area.statewide or area.county
        or area.towns else "{}",
        places(r),
        int(area.statewide or area.national),
        None if r.hours is None else _hours_json(r.hours),
        r.hours_note.en, r.hours_note.es,
        _list(r.cost) if r.cost else "[]",
        _list(r.languages) if r.languages else "[]",
        _list(r.access) if r.access else "[]",
        _list(r.tags) if r.tags else "[]",
        r.eligibility.en, r.eligibility.es, r.confidentiality.en, r.confidentiality.es,
        r.priority, r.status,
        _sources_json(r.sources),
        r.verified_on.isoformat() if r.verified_on else None,
        r.verified_by, r.review_notes,
        main.display if (main := r.main_phone) else "",
        int(r.is_free), int(r.speaks_spanish),
    )
    return (*content, updated_at, r.source,
            r.retired_on.isoformat() if r.retired_on else None, _digest(content))


def updated(values: tuple[Any, ...], updated_at: str) -> tuple[Any, ...]:
    """`resource_values` with another `updated_at` (the digest does not cover it)."""
    return (*values[:UPDATED_AT], updated_at, *values[UPDATED_AT + 1:])


def list_keys(r: Resource) -> tuple[Any, ...]:
    """What each link of `r` to a category is listed by (`schema.LIST_KEYS`, in order)."""
    return (int(r.active), r.priority, r.name.en, r.name.es or r.name.en,
            int(r.is_free), int(r.speaks_spanish), int(r.area.statewide or r.area.national))


# Which source holds an entry, and whether it left its feed, are not its content: an
# import compares them itself, and a digest without them stays the same when they change.
_NOT_CONTENT = ("digest", "updated_at", "source", "retired_on")


def content_digest(row: dict[str, Any]) -> str:
    return _digest(tuple(v for k, v in row.items() if k not in _NOT_CONTENT))


_blake2b: Any = None


def _digest(values: tuple[Any, ...]) -> str:
    """A hash of a row's content (text, numbers and None, whose repr never changes)."""
    global _blake2b
    if _blake2b is None:
        import hashlib  # loads OpenSSL: on the first write, not before the first frame

        _blake2b = hashlib.blake2b
    return _blake2b(repr(values).encode(), digest_size=16).hexdigest()


def resource_from_row(row: dict[str, Any], categories: tuple[str, ...]) -> Resource:
    area = json.loads(row["area"] or "{}")
    return Resource(
        id=row["id"],
        name=_local(row, "name"),
        discreet_name=_local(row, "discreet_name"),
        organization=row["organization"] or "",
        categories=categories,
        description=_local(row, "description"),
        phones=tuple(phone_from_data(p) for p in json.loads(row["phones"] or "[]")),
        website=row["website"] or "",
        email=row["email"] or "",
        address=Address(row["street"] or "", row["town"] or "", row["state"] or "CT",
                        row["zip"] or ""),
        area=Area(statewide=bool(area.get("statewide")), national=bool(area.get("national")),
                  county=area.get("county", ""), towns=tuple(area.get("towns", ()))),
        hours=hours_from_data(json.loads(row["hours"])) if row["hours"] else None,
        hours_note=_local(row, "hours_note"),
        cost=tuple(json.loads(row["cost"] or "[]")),
        languages=tuple(json.loads(row["languages"] or "[]")),
        eligibility=_local(row, "eligibility"),
        access=tuple(json.loads(row["access"] or "[]")),
        confidentiality=_local(row, "confidentiality"),
        tags=tuple(json.loads(row["tags"] or "[]")),
        priority=row["priority"] or 0,
        status=row["status"],
        sources=_sources(row["sources"]),
        verified_on=_date(row["verified_on"]),
        verified_by=row["verified_by"] or "",
        review_notes=row["review_notes"] or "",
        source=row.get("source") or "",
        retired_on=_date(row.get("retired_on")),
    )


def topic_row(t: Topic, updated_at: str = "") -> dict[str, Any]:
    row = {
        "slug": t.slug, "position": t.position, "sensitive": int(t.sensitive),
        "title_en": t.title.en, "title_es": t.title.es,
        "summary_en": t.summary.en, "summary_es": t.summary.es,
        "body_en": t.body.en, "body_es": t.body.es,
        "related": _dumps(list(t.related)), "categories": _dumps(list(t.categories)),
        "sources": _dumps(_sources_data(t.sources)),
        "verified_on": t.verified_on.isoformat() if t.verified_on else None,
        "verified_by": t.verified_by, "review_notes": t.review_notes,
        "updated_at": updated_at,
    }
    row["digest"] = content_digest(row)
    return row


def topic_from_row(row: dict[str, Any]) -> Topic:
    return Topic(
        slug=row["slug"], title=_local(row, "title"), body=_local(row, "body"),
        summary=_local(row, "summary"), position=row["position"] or 0,
        sensitive=bool(row["sensitive"]),
        related=tuple(json.loads(row["related"] or "[]")),
        categories=tuple(json.loads(row["categories"] or "[]")),
        sources=_sources(row["sources"]),
        verified_on=_date(row["verified_on"]),
        verified_by=row["verified_by"] or "",
        review_notes=row["review_notes"] or "",
    )
