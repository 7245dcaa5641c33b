"""Every change staff make is written with its values before and after, and can be undone.

Saving, duplicating, deactivating and "checked today" all go through `save_resource` (and
its siblings for categories and topics), which writes the entry and its history line in one
transaction. `revert_change` puts back the `before` of any line, itself as a new line that
names the one it reverts; `undo_import` does that for a whole import at once.

A revert is per field: it puts back only the fields that change touched, so a later change
to other fields (a "Checked today" after a phone edit) stays. `revert_plan` says first which
fields go back to what, and which later changes touched the same fields; `revert_change`
refuses to overwrite those unless staff said yes to them.
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
from kiosk.i18n import translate

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


def _first_id_since(store: Store, since: str) -> int:
    """The first change at or after `since` (ids grow with time): a few look-ups, not a
    pass over every change a big import wrote."""
    top = store.db.execute("select max(id) from changes").fetchone()[0]
    low, high = 1, int(top or 0) + 1
    while low < high:
        mid = (low + high) // 2
        row = store.db.execute("select at from changes where id >= ? order by id limit 1",
                               [mid]).fetchone()
        if row is None or (row[0] or "") >= since:
            high = mid
        else:
            low = mid + 1
    return low


def recent_changes(store: Store, since: str, who: str = "", limit: int = 500) -> list[Change]:
    """What staff changed by hand since `since` (an ISO time), newest first, by `who` alone
    when given. The lines an import wrote are left out: `imports` lists the import."""
    params: list[Any] = [_first_id_since(store, since), since]
    where = "id >= ? and at >= ? and batch = ''"
    if who:
        where += " and who = ?"
        params.append(who)
    return [_change_from_row(r) for r in store.db.execute(
        f"select {_COLUMNS} from changes where {where} and entity in "
        f"({','.join('?' * len(ENTITIES))}) order by id desc limit ?",
        [*params, *ENTITIES, limit])]


def people(store: Store, since: str) -> list[str]:
    """Who changed something by hand since `since`, by name."""
    return sorted({r[0] for r in store.db.execute(
        "select distinct who from changes where id >= ? and at >= ? and batch = '' and "
        "who != ''", [_first_id_since(store, since), since])}, key=str.casefold)


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
            raise HistoryError(translate(
                "History", 'The category "%1" still has %2 entries in it; move them to '
                           "another category first.").replace("%1", key).replace("%2", str(used)))
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
        raise HistoryError(translate("History", 'There is no entry "%1" any more.').replace(
            "%1", resource_id))
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
        raise HistoryError(translate("History", 'There is no topic "%1" any more.').replace(
            "%1", slug))
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


@dataclass(frozen=True)
class FieldBack:
    """One field a revert puts back: its value now and the value it goes back to (data as
    `*_to_data` writes it; None when the field is empty), and the later changes that
    touched it too."""

    field: str
    now: Any
    back_to: Any
    later: tuple[Change, ...] = ()


@dataclass(frozen=True)
class RevertPlan:
    """What `revert_change` would do, for staff to see before it is done."""

    change: Change
    fields: tuple[FieldBack, ...]
    removes: bool = False  # the change created the entry: reverting it removes the entry
    restores: bool = False  # the change removed the entry: reverting it brings it back
    later: tuple[Change, ...] = ()  # every later change to the same entry

    @property
    def overlapping(self) -> tuple[Change, ...]:
        """Later changes to a field this revert puts back, oldest first (a removal undone
        counts every later change: they are all lost with it)."""
        if self.removes or self.restores:
            return self.later
        seen: dict[int, Change] = {}
        for back in self.fields:
            for c in back.later:
                seen.setdefault(c.id, c)
        return tuple(sorted(seen.values(), key=lambda c: c.id))

    @property
    def nothing_to_do(self) -> bool:
        return not self.removes and not self.restores and all(
            b.now == b.back_to for b in self.fields)


class LaterChangeError(HistoryError):
    """A later change touched a field the revert would put back, and staff did not say yes."""


def later_changes(store: Store, old: Change) -> list[Change]:
    """The changes to the same entry after `old`, oldest first."""
    return [_change_from_row(r) for r in store.db.execute(
        f"select {_COLUMNS} from changes where entity = ? and entity_id = ? and id > ? "
        "order by id", [old.entity, old.entity_id, old.id])]


def revert_plan(store: Store, change_id: int) -> RevertPlan:
    """Which fields reverting change `change_id` puts back to what; writes nothing."""
    old = change(store, change_id)
    if old is None:
        raise HistoryError(translate("History", "That change is not in the history."))
    if old.entity not in ENTITIES:
        raise HistoryError(translate("History", "This change cannot be put back here."))
    later = tuple(later_changes(store, old))
    current = _to_data(old.entity, _current(store, old.entity, old.entity_id))
    if old.before is None:  # a creation: reverting it removes what is there now
        now = current or {}
        return RevertPlan(old, tuple(FieldBack(f, now[f], None) for f in now),
                          removes=current is not None, later=later)
    if current is None:  # a removal, or the entry was removed since: it comes back whole
        return RevertPlan(old, tuple(FieldBack(f, None, v) for f, v in old.before.items()),
                          restores=True, later=later)
    if old.after is None:  # a removal, and the entry was made again since
        names = changed_fields(old.before, current)
    else:
        names = list(old.fields) or changed_fields(old.before, old.after)
    return RevertPlan(old, tuple(
        FieldBack(f, current.get(f), old.before.get(f),
                  tuple(c for c in later if f in c.fields or c.after is None))
        for f in names), later=later)


def revert_change(store: Store, change_id: int, who: str, *,
                  overwrite_later: bool = False) -> int:
    """Put back the fields change `change_id` touched as they were before it, leaving every
    other field as it is now; returns the new change's id.

    Raises `LaterChangeError` when a later change touched one of those fields, unless
    `overwrite_later` (staff saw the plan and said yes)."""
    with store.db.atomic():
        plan = revert_plan(store, change_id)
        old = plan.change
        if plan.overlapping and not overwrite_later:
            first = plan.overlapping[0]
            raise LaterChangeError(translate(
                "History", "Change %1 (%2, %3) changed the same field later; look at it "
                           "before putting this one back.").replace("%1", str(first.id))
                .replace("%2", first.at.replace("T", " ")).replace("%3", first.who or "?"))
        if plan.nothing_to_do:
            raise HistoryError(translate("History", "These fields are already as they were "
                                                    "before this change."))
        if plan.removes:
            value = None
        else:
            now = None if plan.restores else _current(store, old.entity, old.entity_id)
            data = dict(_to_data(old.entity, now) or {})
            for back in plan.fields:
                if back.back_to is None:
                    data.pop(back.field, None)
                else:
                    data[back.field] = back.back_to
            value = value_from_data(old.entity, data)
        if old.entity == "resource" and value is not None:
            _check_categories(store, value)
        return _save(store, old.entity, old.entity_id, value, who, "revert", reverts=old.id)


def _check_categories(store: Store, resource: Resource) -> None:
    known = {c.slug for c in store.categories(include_hidden=True)}
    gone = [c for c in resource.categories if c not in known]
    if gone:
        raise HistoryError(translate("History", 'The category "%1" no longer exists, so '
                                                "this entry cannot be put back as it was.")
                           .replace("%1", gone[0]))


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


