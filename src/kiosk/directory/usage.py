"""Aggregate daily counts for the staff's usage report.

Only a count per day and per thing is kept: which category or resource was opened and how
many sheets were printed. No time of day, no order, nothing that links two taps to one visit.
"""

from __future__ import annotations

import datetime as dt

from kiosk.directory.store import Store

KINDS = ("category", "resource", "topic", "sheet")


def count(store: Store, kind: str, key: str, day: dt.date | None = None) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown usage kind {kind!r}")
    day = day or store.clock().date()
    store.db.execute(
        "insert into usage_daily (day, kind, key, count) values (?, ?, ?, 1) "
        "on conflict(day, kind, key) do update set count = count + 1",
        [day.isoformat(), kind, key])


def daily(store: Store, kind: str) -> list[tuple[str, str, int]]:
    """(day, key, count) rows for one kind, newest day first."""
    return [tuple(r) for r in store.db.execute(  # type: ignore[misc]
        "select day, key, count from usage_daily where kind = ? order by day desc, count desc",
        [kind])]
