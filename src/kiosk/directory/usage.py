"""Aggregate daily counts for the staff's usage report.

Only a count per day and per thing is kept: which category or resource was opened and how
many sheets were printed. No time of day, no order, nothing that links two taps to one visit.

A visit's taps are counted in memory (`Tally`) and written when the visit ends, all in one
transaction, in sorted order, and the write-ahead log is checkpointed and emptied after it:
one commit per tap would leave the log holding the visit in the order it happened.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Mapping

from kiosk.directory.sql_errors import StorageError, at_the_border
from kiosk.directory.store import Store

KINDS = ("category", "resource", "topic", "sheet")
MAX_KEYS = 10_000  # a visit that somehow taps more than this many things is not counted more

log = logging.getLogger(__name__)

Key = tuple[str, str, str]  # (day, kind, key)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown usage kind {kind!r}")


class Tally:
    """What one visit opened and printed, held in memory until `flush`."""

    def __init__(self, clock: Callable[[], dt.datetime]) -> None:
        self.clock = clock
        self.counts: Counter[Key] = Counter()

    def count(self, kind: str, key: str) -> None:
        _check_kind(kind)
        entry = (self.clock().date().isoformat(), kind, key)
        if entry in self.counts or len(self.counts) < MAX_KEYS:
            self.counts[entry] += 1

    def __len__(self) -> int:
        return len(self.counts)

    def flush(self, store: Store) -> None:
        """Write the counts (one transaction) and forget them. A disk that cannot take
        them loses this visit's counts, never the kiosk's calm: the log says why."""
        counts, self.counts = self.counts, Counter()
        if not counts:
            return
        try:
            record(store, counts)
        except StorageError as error:
            log.warning("usage counts were not saved: %s", error.message)
        except Exception:  # counting must never stop Start over
            log.exception("usage counts were not saved")


def record(store: Store, counts: Mapping[Key, int]) -> None:
    """Add `counts` to the daily totals in one transaction, in sorted order, then empty the
    write-ahead log so that it keeps no trace of what was written when."""
    rows = sorted((day, kind, key, n) for (day, kind, key), n in counts.items() if n > 0)
    for _day, kind, _key, _n in rows:
        _check_kind(kind)
    with at_the_border():
        with store.db.atomic():
            store.db.conn.executemany(
                "insert into usage_daily (day, kind, key, count) values (?, ?, ?, ?) "
                "on conflict(day, kind, key) do update set count = count + excluded.count",
                rows)
        checkpoint(store)


def checkpoint(store: Store) -> None:
    """Copy the write-ahead log into the database and cut it to nothing (a reader still
    busy makes it wait for the next time; that is all)."""
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def count(store: Store, kind: str, key: str, day: dt.date | None = None) -> None:
    """Add one to a daily total at once (for staff tools and tests; the visitor screens
    count with a `Tally`)."""
    day = day or store.clock().date()
    record(store, {(day.isoformat(), kind, key): 1})


def daily(store: Store, kind: str) -> list[tuple[str, str, int]]:
    """(day, key, count) rows for one kind, newest day first."""
    return [tuple(r) for r in store.db.execute(  # type: ignore[misc]
        "select day, key, count from usage_daily where kind = ? order by day desc, count desc",
        [kind])]
