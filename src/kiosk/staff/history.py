"""Every change staff make is written with its values before and after, and can be undone.

Saving, duplicating, deactivating and "checked today" all go through `save_resource` (and
its siblings for categories and topics), which writes the entry and its history line in one
transaction. `revert_change` puts back the `before` of any line, itself as a new line that
names the one it reverts; `undo_import` does that for a whole import at once.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from kiosk.directory.convert import Reader, category_to_data, resource_to_data, topic_to_data
from kiosk.directory.model import Category, Resource, Topic
from kiosk.directory.sources import STAFF
from kiosk.directory.store import Store
from kiosk.errors import KnownError

ENTITIES = ("resource", "category", "topic")
# An import also records the feed's version it keeps aside for an entry staff changed
# (kiosk.directory.store.Store.feed_record), so that undoing the import puts that back too.
FEED = "feed"


class HistoryError(KnownError):
    """A change that cannot be reverted, in words staff can act on."""


@dataclass(frozen=True)
class Change:
    id: int
    at: str
    who: str
    action: str
    entity: str
    entity_id: str
    fields: tuple[str, ...]
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    batch: str
    reverts: int | None

    @property
    def when(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.at)


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    before, after = before or {}, after or {}
    keys = list(dict.fromkeys([*before, *after]))
    return [k for k in keys if before.get(k) != after.get(k)]


def _change_from_row(row: tuple[Any, ...]) -> Change:
    (cid, at, who, action, entity, entity_id, fields, before, after, batch, reverts) = row
    return Change(int(cid), at or "", who or "", action or "", entity or "", entity_id or "",
                  tuple(json.loads(fields or "[]")),
                  json.loads(before) if before else None,
                  json.loads(after) if after else None, batch or "", reverts)


_COLUMNS = "id, at, who, action, entity, entity_id, fields, before, after, batch, reverts"


def changes_for(store: Store, entity: str, entity_id: str) -> list[Change]:
    """The history of one entry, newest first."""
    return [_change_from_row(r) for r in store.db.execute(
        f"select {_COLUMNS} from changes where entity = ? and entity_id = ? order by id desc",
        [entity, entity_id])]


def change(store: Store, change_id: int) -> Change | None:
    row = store.db.execute(f"select {_COLUMNS} from changes where id = ?",
                           [change_id]).fetchone()
    return _change_from_row(row) if row else None


# -- writing with history -------------------------------------------------------------------

def _to_data(entity: str, value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if entity == FEED:
        return dict(value)
    if entity == "resource":
        return resource_to_data(value)
    if entity == "category":
        return category_to_data(value)
    return topic_to_data(value)


def _current(store: Store, entity: str, key: str) -> Any:
    if entity == FEED:
        return store.feed_record(key)
    if entity == "resource":
        return store.resource(key)
    if entity == "category":
        return store.category(key)
    return store.topic(key)


def _write(store: Store, entity: str, value: Any) -> None:
    if entity == FEED:
        store.write_feed_record(value["resource_id"], value["value"])
    elif entity == "resource":
        store.write_resource(value)
    elif entity == "category":
        store.write_category(value)
    else:
        store.write_topic(value)


def _delete(store: Store, entity: str, key: str) -> None:
    if entity == FEED:
        store.write_feed_record(key, None)
    elif entity == "resource":
        store.delete_resources([key])
    elif entity == "category":
        used = store.db.execute("select count(*) from resource_categories where category = ?",
                                [key]).fetchone()[0]
        if used:
            raise HistoryError(f'The category "{key}" still has {used} entries in it; move '
                               "them to another category first.")
        store.db.execute("delete from categories where slug = ?", [key])
    else:
        store.db.execute("delete from topics where slug = ?", [key])


def _save(store: Store, entity: str, key: str, value: Any, who: str, action: str,
          batch: str = "", reverts: int | None = None) -> int:
    """Write (or delete, when `value` is None) one entry with its history line."""
    with store.db.atomic():
        before = _to_data(entity, _current(store, entity, key))
        if entity == "resource" and value is not None and not value.source:
            # Saved from a form that does not show it: the entry stays in its source.
            value = value.with_changes(source=(before or {}).get("source") or STAFF)
        after = _to_data(entity, value)
        if value is None:
            if before is not None:
                _delete(store, entity, key)
        elif entity == FEED:
            _write(store, entity, {"resource_id": key, "value": value})
        else:
            if entity == "resource" and action != "undo-import":
                store.keep_feed_version(key)
            _write(store, entity, value)
        return store.record_change(who=who, action=action, entity=entity, entity_id=key,
                                   before=before, after=after,
                                   fields=changed_fields(before, after),
                                   batch=batch, reverts=reverts)


def save_resource(store: Store, resource: Resource, who: str, action: str = "edit") -> int:
    return _save(store, "resource", resource.id, resource, who, action)


def save_category(store: Store, category: Category, who: str, action: str = "edit") -> int:
    return _save(store, "category", category.slug, category, who, action)


def save_topic(store: Store, topic: Topic, who: str, action: str = "edit") -> int:
    return _save(store, "topic", topic.slug, topic, who, action)


def _require(store: Store, resource_id: str) -> Resource:
    resource = store.resource(resource_id)
    if resource is None:
        raise HistoryError(f'There is no entry "{resource_id}" any more.')
    return resource


def mark_checked(store: Store, resource_id: str, who: str, today: dt.date) -> int:
    """"Checked today": the entry's facts were confirmed by `who` on `today`."""
    resource = _require(store, resource_id)
    return save_resource(store, resource.with_changes(verified_on=today, verified_by=who),
                         who, "checked")


def mark_topic_checked(store: Store, slug: str, who: str, today: dt.date) -> int:
    from dataclasses import replace

    topic = store.topic(slug)
    if topic is None:
        raise HistoryError(f'There is no topic "{slug}" any more.')
    return save_topic(store, replace(topic, verified_on=today, verified_by=who), who, "checked")


def set_active(store: Store, resource_id: str, active: bool, who: str) -> int:
    resource = _require(store, resource_id)
    return save_resource(store, resource.with_changes(status="active" if active else "inactive"),
                         who, "reactivate" if active else "deactivate")


def free_id(store: Store, base: str, table: str = "resources", key: str = "id") -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is not taken yet."""
    taken = {r[0] for r in store.db.execute(
        f"select {key} from {table} where {key} = ? or {key} like ?", [base, f"{base}-%"])}
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def duplicate_resource(store: Store, resource_id: str, who: str) -> str:
    """A copy to adapt (another site of the same service); it starts unchecked."""
    resource = _require(store, resource_id)
    new_id = free_id(store, f"{resource.id}-copy")
    copy = resource.with_changes(id=new_id, verified_on=None, verified_by="", source=STAFF,
                                 retired_on=None)
    save_resource(store, copy, who, "duplicate")
    return new_id


# -- reverting ------------------------------------------------------------------------------

def value_from_data(entity: str, data: dict[str, Any]) -> Any:
    """A history line's plain data back as a model object (it was written by `*_to_data`)."""
    if entity == FEED:
        return dict(data)
    # Imported entries may have no category yet: what was stored is read back as it was.
    reader = Reader(published=True)
    if entity == "resource":
        value: Any = reader.resource(data, (entity,))
    elif entity == "category":
        value = reader.category(data, (entity,))
    else:
        value = reader.topic(data, (entity,))
    if reader.problems or value is None:
        raise HistoryError(f"The saved values of this {entity} cannot be read back: "
                           f"{reader.problems[0] if reader.problems else 'empty'}.")
    return value


def revert_change(store: Store, change_id: int, who: str) -> int:
    """Put back what the entry was before change `change_id`; returns the new change's id."""
    old = change(store, change_id)
    if old is None:
        raise HistoryError("That change is not in the history.")
    if old.entity not in ENTITIES:
        raise HistoryError(f"Changes to {old.entity} cannot be reverted here.")
    value = None if old.before is None else value_from_data(old.entity, old.before)
    if old.entity == "resource" and value is not None:
        _check_categories(store, value)
    return _save(store, old.entity, old.entity_id, value, who, "revert", reverts=old.id)


def _check_categories(store: Store, resource: Resource) -> None:
    known = {c.slug for c in store.categories(include_hidden=True)}
    gone = [c for c in resource.categories if c not in known]
    if gone:
        raise HistoryError(f'The category "{gone[0]}" no longer exists, so this entry '
                           "cannot be put back as it was.")


# -- imports --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportRecord:
    id: str
    at: str
    who: str
    source: str
    kind: str
    summary: dict[str, Any]
    backup: str
    undone: bool


def imports(store: Store) -> list[ImportRecord]:
    """Every import, newest first."""
    return [ImportRecord(r[0], r[1] or "", r[2] or "", r[3] or "", r[4] or "",
                         json.loads(r[5] or "{}"), r[6] or "", bool(r[7]))
            for r in store.db.execute(
                "select id, at, who, source, kind, summary, backup, undone from imports "
                "order by at desc, rowid desc")]


def last_undoable_import(store: Store) -> ImportRecord | None:
    """The newest import that is not undone and has history to undo it with."""
    for record in imports(store):
        if record.undone:
            continue
        has_lines = store.db.execute("select 1 from changes where batch = ? limit 1",
                                     [record.id]).fetchone()
        return record if has_lines else None
    return None


def undo_import(store: Store, batch: str, who: str) -> str:
    """Put every entry an import touched back as it was, in one transaction.

    Refused when an entry was edited after the import: undoing would silently throw that
    edit away. Returns the batch id of the undo's own history lines.
    """
    lines = [_change_from_row(r) for r in store.db.execute(
        f"select {_COLUMNS} from changes where batch = ? order by id", [batch])]
    if not lines:
        raise HistoryError("This import has no history to undo it with.")
    row = store.db.execute("select undone from imports where id = ?", [batch]).fetchone()
    if row and row[0]:
        raise HistoryError("This import was already undone.")
    last = lines[-1].id
    later = store.db.execute(
        "select entity, entity_id from changes where id > ? and batch != ? and "
        "exists (select 1 from changes c where c.batch = ? and c.entity = changes.entity "
        "and c.entity_id = changes.entity_id) order by id limit 1",
        [last, batch, batch]).fetchone()
    if later:
        raise HistoryError(f'The {later[0]} "{later[1]}" was changed after this import; '
                           "revert that change first, then undo the import.")
    undo_batch = uuid.uuid4().hex
    order = {"category": 0, "resource": 1, "topic": 2, FEED: 3}
    restores = sorted((c for c in lines if c.before is not None), key=lambda c: order[c.entity])
    removals = sorted((c for c in lines if c.before is None),
                      key=lambda c: -order[c.entity])  # resources before their categories
    with store.db.atomic():
        for line in restores:
            value = value_from_data(line.entity, line.before or {})
            _save(store, line.entity, line.entity_id, value, who, "undo-import",
                  batch=undo_batch, reverts=line.id)
        for line in removals:
            _save(store, line.entity, line.entity_id, None, who, "undo-import",
                  batch=undo_batch, reverts=line.id)
        # What the import raised for review goes with it.
        store.db.execute("delete from review_items where batch = ? and resolved_at is null",
                         [batch])
        store.db.execute("update imports set undone = 1 where id = ?", [batch])
    return undo_batch


