"""No file holds the order of a visit's taps: counts are kept in memory during the visit,
written in one sorted transaction when it ends, and the write-ahead log is emptied."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.ui.window import KioskWindow


def files(data_dir: Path) -> dict[str, str]:
    """The database's files and a digest of each (the -shm index aside: it holds no data)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(data_dir.glob("kiosk.db*")) if not p.name.endswith("-shm")}


def test_a_visit_leaves_no_trace_in_the_database_files_until_it_ends(
        qtbot: QtBot, window: KioskWindow) -> None:
    window.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = files(window.data_dir)
    # A visit, in an order that is not alphabetical.
    window.open_topic("naloxone")
    window.go_back()
    window.open_resource("willimantic-clinic")
    window.go_back()
    window.open_category("health")
    window.open_resource("willimantic-clinic")
    qtbot.wait(50)
    assert files(window.data_dir) == before  # nothing written while the visit goes on

    window.quick_exit()
    wal = window.data_dir / "kiosk.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    rows = window.store.db.execute(
        "select kind, key, count from usage_daily order by rowid").fetchall()
    assert rows == [("category", "health", 1), ("resource", "willimantic-clinic", 2),
                    ("topic", "naloxone", 1)]  # stored in sorted order, not tap order


def test_counts_of_a_visit_are_one_transaction(window: KioskWindow) -> None:
    commits = []
    window.store.db.conn.set_trace_callback(
        lambda sql: commits.append(sql) if sql.strip().upper().startswith("COMMIT") else None)
    window.open_category("health")
    window.open_resource("willimantic-clinic")
    window.open_topic("naloxone")
    assert commits == []
    window.quick_exit()
    window.store.db.conn.set_trace_callback(None)
    assert len(commits) == 1
