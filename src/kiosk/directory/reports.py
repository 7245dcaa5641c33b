"""What visitors said was wrong with a place: "Something wrong here?".

One tap on a place's screen, then a reason, adds one to a count for that place and reason.
That count is all that is kept: no time, no day, no visit, nothing that links a report to
another tap. The reports of a visit are held in memory (`VisitReports`) and written when
the visit ends, all in one transaction and in sorted order, and the write-ahead log is
emptied after it: a commit per tap would leave the log holding the visit in the order it
happened.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from collections.abc import Mapping

from kiosk.directory.store import Store

# The choices a visitor has, in the order the screen offers them.
NUMBER, CLOSED, OTHER = "number", "closed", "other"
REASONS = (NUMBER, CLOSED, OTHER)
MAX_PER_VISIT = 100  # one visit cannot count more than this many places

log = logging.getLogger(__name__)

Key = tuple[str, str]  # (resource id, reason)


class VisitReports:
    """The places one visit reported, at most once each, until `flush`."""

    def __init__(self) -> None:
        self.counts: Counter[Key] = Counter()

    def add(self, resource_id: str, reason: str) -> bool:
        """Count `resource_id` as wrong for `reason`; False when this visit already did (or
        has reported too many places): one visitor is one report."""
        if reason not in REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        if self.reported(resource_id) or len(self.counts) >= MAX_PER_VISIT:
            return False
        self.counts[resource_id, reason] += 1
        return True

    def reported(self, resource_id: str) -> bool:
        return any(rid == resource_id for rid, _ in self.counts)

    def __len__(self) -> int:
        return len(self.counts)

    def forget(self) -> None:
        self.counts = Counter()

    def flush(self, store: Store) -> None:
        """Write the counts (one transaction) and forget them. A disk that cannot take
        them loses this visit's reports, never Start over: the log says why."""
        counts, self.counts = self.counts, Counter()
        if not counts:
            return
        try:
            record(store, counts)
        except sqlite3.Error as error:
            log.warning("reports of a visit were not saved: %s", error)
        except Exception:  # a report must never stop the next visit
            log.exception("reports of a visit were not saved")


def record(store: Store, counts: Mapping[Key, int]) -> None:
    """Add `counts` to the totals in one transaction, in sorted order, then empty the
    write-ahead log so that it keeps no trace of what was written when."""
    rows = sorted((rid, reason, n) for (rid, reason), n in counts.items() if n > 0)
    for _rid, reason, _n in rows:
        if reason not in REASONS:
            raise ValueError(f"unknown reason {reason!r}")
    with store.db.atomic():
        store.db.conn.executemany(
            "insert into reported_wrong (resource_id, reason, count) values (?, ?, ?) "
            "on conflict(resource_id, reason) do update set count = count + excluded.count",
            rows)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
