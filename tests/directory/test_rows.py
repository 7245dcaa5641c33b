"""Directory objects as rows: the JSON columns an import writes for every entry are put
together by hand for speed, and must be the encoder's text to the character, or every digest
already stored would change and a refresh of an unchanged feed would rewrite everything."""

from __future__ import annotations

import datetime as dt
import json

from kiosk.directory import rows
from kiosk.directory.hours import Span, WeeklyHours
from kiosk.directory.model import LocalText, Phone, Resource, Source


def _encoded(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


PHONES = (
    Phone("+18605550100", "(860) 555-0100", "voice", LocalText("Main line", "Línea")),
    Phone("211", "211", "hotline", LocalText('Say "help" \\ now\n', ""), LocalText("24/7", ""),
          extension="12", message="Oprima 2 — español"),
    Phone("+18003705323", "(800) 370-LEAD", "text", LocalText("", "\u2028\x01")),
)
SOURCES = (
    Source("ct-211: services.csv", (), "HSDS service id 7"),
    Source("https://example.org/á", ("phones", "hours"), 'a "note"', dt.date(2026, 3, 4)),
)


def test_phone_and_source_columns_are_the_encoders_text() -> None:
    assert rows._phones_json(PHONES) == _encoded([rows.phone_data(p) for p in PHONES])
    assert rows._phones_json(PHONES[:1]) == _encoded([rows.phone_data(PHONES[0])])
    assert rows._sources_json(SOURCES) == _encoded(rows._sources_data(SOURCES))
    assert rows._sources_json(()) == "[]"


def test_a_row_is_the_same_whichever_way_its_json_was_made() -> None:
    week = WeeklyHours(tuple((Span(540, 1020),) if d < 5 else () for d in range(7)))
    r = Resource(id="x-1", name=LocalText("Ñandú Pantry", ""), categories=("food",),
                 description=LocalText("", ""), phones=PHONES,
                 sources=SOURCES, hours=week, languages=("en", "es"), tags=("food",),
                 cost=("free",))
    row = rows.resource_row(r)
    assert row["phones"] == _encoded([rows.phone_data(p) for p in PHONES])
    assert row["sources"] == _encoded(rows._sources_data(SOURCES))
    assert row["hours"] == _encoded(rows.hours_data(week))
    assert row["languages"] == '["en","es"]' and row["tags"] == '["food"]'
    # Asked again (the texts now come from what was kept), the row is the same.
    assert rows.resource_row(r) == row
    # Another week equal in value but a different object gets its own, equal, text.
    other = WeeklyHours(tuple((Span(540, 1020),) if d < 5 else () for d in range(7)))
    assert rows.resource_row(r.with_changes(hours=other))["hours"] == row["hours"]
    closed = WeeklyHours(tuple(() for _ in range(7)))
    assert rows.resource_row(r.with_changes(hours=closed))["hours"] == _encoded(
        rows.hours_data(closed))
