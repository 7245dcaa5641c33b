"""Messages the kiosk left for staff (a damaged database restored, an update applied or
refused): the ones nobody has seen yet go at the top of the admin screen until someone taps
"Seen", and all of them stay listed for later."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.directory.sql_ids import among, ids_param
from kiosk.directory.store import Store


@dataclass(frozen=True)
class Notice:
    id: int
    at: str  # ISO time, as the store writes it
    level: str  # "info" or "warning"
    text: str
    seen: bool

    @property
    def when(self) -> str:
        """The time as staff read it: "2026-11-23 10:00"."""
        return self.at.replace("T", " ")[:16]


_COLUMNS = "select id, at, level, text, seen from notices"


def _notices(store: Store, where: str = "", params: list[object] | None = None
             ) -> list[Notice]:
    rows = store.db.execute(f"{_COLUMNS} {where} order by at desc, id desc", params or [])
    saved = [Notice(int(i), str(at), "warning" if level == "warning" else "info", str(text),
                    bool(seen)) for i, at, level, text, seen in rows.fetchall()]
    return _unsaved(store) + saved


def _unsaved(store: Store) -> list[Notice]:
    """Notices the database could not take (a full or read-only disk), kept with the open
    store (kiosk.backups.add_notice); they have ids below zero."""
    kept = getattr(store, "unsaved_notices", [])
    return [Notice(-1 - i, at, "warning" if level == "warning" else "info", text, False)
            for i, (at, level, text) in reversed(list(enumerate(kept)))]


def unseen(store: Store) -> list[Notice]:
    """Newest first: what the banner shows."""
    return _notices(store, "where seen = 0")


def all_notices(store: Store) -> list[Notice]:
    """Newest first, seen or not."""
    return _notices(store)


def mark_seen(store: Store, ids: list[int]) -> int:
    """Marks just these notices seen (not any that arrived while staff were reading), and
    says how many were marked."""
    kept = getattr(store, "unsaved_notices", [])
    gone = {-1 - i for i in ids if i < 0}
    if gone:
        kept[:] = [n for i, n in enumerate(kept) if i not in gone]
    ids = [i for i in ids if i >= 0]
    if not ids:
        return len(gone)
    with store.db.atomic():
        cursor = store.db.execute(
            f"update notices set seen = 1 where seen = 0 and {among('id')}", [ids_param(ids)])
    return int(cursor.rowcount) + len(gone)
