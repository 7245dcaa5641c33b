"""Where the directory's entries come from: the bundled directory, staff, and named imports.

Every entry belongs to one source. `bundled` is the kiosk's own curated directory (its
files, update bundles); `staff` holds the entries staff make on the admin screen; every other
source is a directory imported by name (a 2-1-1 export, say `211-windham`). Importing a
source again refreshes only that source's entries (see `kiosk.directory.importer`); taking a
source out removes only its entries, recorded like an import so that it can be undone.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from kiosk.directory.convert import resource_to_data
from kiosk.directory.store import Store

BUNDLED = "bundled"
STAFF = "staff"
RESERVED = (BUNDLED, STAFF)


def source_name(text: str) -> str:
    """A source's name as the kiosk keeps it: lowercase letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


@dataclass(frozen=True)
class SourceInfo:
    name: str
    kind: str  # bundled, staff, or the format an import read (hsds-legacy-csv, ...)
    location: str  # the file or folder it was last read from
    added_at: str
    refreshed_at: str
    shown: int  # entries visitors can see
    hidden: int  # hidden by staff
    retired: int  # left the feed; kept, hidden

    @property
    def entries(self) -> int:
        return self.shown + self.hidden


def list_sources(store: Store) -> list[SourceInfo]:
    """Every source with its counts: the bundled directory and staff first, then by name."""
    counts: dict[str, list[int]] = {}
    for name, status, retired, n in store.db.execute(
            "select source, status = 'active', retired_on is not null, count(*) "
            "from resources group by 1, 2, 3"):
        c = counts.setdefault(name, [0, 0, 0])
        c[2 if retired else 0 if status else 1] += n
    rows = {r[0]: r for r in store.db.execute(
        "select name, kind, location, added_at, refreshed_at from sources")}
    names = sorted(set(rows) | set(counts),
                   key=lambda n: (n not in RESERVED, RESERVED.index(n) if n in RESERVED else 0,
                                  n))
    out = []
    for name in names:
        _, kind, location, added, refreshed = rows.get(name, (name, "", "", "", ""))
        shown, hidden, retired = counts.get(name, [0, 0, 0])
        out.append(SourceInfo(name, kind or "", location or "", added or "", refreshed or "",
                              shown, hidden, retired))
    return out


def find_source(store: Store, name: str) -> SourceInfo | None:
    return next((s for s in list_sources(store) if s.name == name), None)


def touch_source(store: Store, name: str, kind: str, location: str) -> None:
    """Record that `name` was (re)read now from `location` (inside the caller's transaction)."""
    now = store.now_text()
    store.db.execute(
        "insert into sources (name, kind, location, added_at, refreshed_at) "
        "values (?, ?, ?, ?, ?) on conflict(name) do update set kind = excluded.kind, "
        "location = excluded.location, refreshed_at = excluded.refreshed_at",
        [name, kind, location, now, now])


def source_ids(store: Store, name: str) -> list[str]:
    return [r[0] for r in store.db.execute(
        "select id from resources where source = ? order by id", [name])]


def remove_source(store: Store, name: str, *, who: str, backup: str = "") -> str:
    """Take every entry of `name` out, in one transaction; returns the batch id.

    Each entry's history line keeps its values, so that "undo last import" puts the whole
    source back. Staff's own source stays listed (new entries will go in it again).
    """
    ids = source_ids(store, name)
    batch = uuid.uuid4().hex
    with store.db.atomic():
        for resource in store.resources(ids):
            store.record_change(who=who, action="remove-source", entity="resource",
                                entity_id=resource.id, before=resource_to_data(resource),
                                after=None, batch=batch)
        for feed in store.db.execute(
                "select resource_id, digest, record from feed_records where source = ?",
                [name]).fetchall():
            store.record_change(who=who, action="remove-source", entity="feed",
                                entity_id=feed[0], before={"digest": feed[1],
                                                           "record": feed[2],
                                                           "source": name},
                                after=None, batch=batch)
        store.delete_resources(ids)
        store.db.execute("delete from feed_records where source = ?", [name])
        store.db.execute("update review_items set resolved_at = ?, resolved_by = ?, "
                         "resolution = 'source removed' where resolved_at is null and "
                         "(resource_id in (select value from json_each(?)) or "
                         "other_id in (select value from json_each(?)))",
                         [store.now_text(), who, _json(ids), _json(ids)])
        if name != STAFF:
            store.db.execute("delete from sources where name = ?", [name])
        store.db.table("imports").insert({
            "id": batch, "at": store.now_text(), "who": who, "source": name,
            "kind": "remove-source",
            "summary": {"sources": {name: {"removed": len(ids)}}},
            "backup": backup or None, "undone": 0,
        })
    return batch


def _json(ids: list[str]) -> str:
    import json

    return json.dumps(ids)
