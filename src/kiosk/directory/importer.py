"""Bringing a directory in, beside what is there: see what would change, then do it whole.

An import names the sources it refreshes (see `kiosk.directory.sources`): each entry it
brings belongs to the source the entry names, else to the one the import is for. Only those
sources' entries change; the others stay as they are. Within a refreshed source:

- an entry not there before is new;
- an entry whose feed is as it was last time is left alone, with whatever staff did to it;
- an entry whose feed changed takes the changes field by field, keeping what staff changed
  (`kiosk.directory.merge`); a field both changed keeps the staff's value and goes to the
  review queue with both values;
- an entry that left the feed is retired: kept, hidden from visitors, with a notice (staff's
  own entries are never retired by an import).

`plan_import` works all this out without writing; `apply_import` writes it in one
transaction and records every change in the history, so that an import can be reviewed
before and undone after. Removing more than `REMOVAL_SHARE` of a source's entries, or any
topic or category, is refused unless the caller says the removals are meant.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from kiosk.directory import review, rows
from kiosk.directory.bulk import no_cycle_collection
from kiosk.directory.convert import Reader, category_to_data, resource_to_data, topic_to_data
from kiosk.directory.merge import Conflict, merge
from kiosk.directory.model import Category, Directory, Resource, Topic
from kiosk.directory.sources import BUNDLED, RESERVED, STAFF, touch_source
from kiosk.directory.store import Store
from kiosk.errors import KnownError

REMOVAL_SHARE = 0.10


@dataclass
class SectionPlan:
    new: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # key -> changed fields
    missing: list[str] = field(default_factory=list)  # in the store, not in the files
    unchanged: int = 0

    @property
    def touches(self) -> bool:
        return bool(self.new or self.changed or self.missing)


@dataclass
class SourcePlan:
    """What an import does to one source's entries."""

    name: str
    before: int = 0  # the source's entries before (retired ones not counted)
    new: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # id -> fields that change
    retired: list[str] = field(default_factory=list)
    returned: list[str] = field(default_factory=list)  # retired before, back in the feed
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: list[review.Duplicate] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)  # new or changed, with no category
    taken: dict[str, str] = field(default_factory=dict)  # id -> the source that has it
    feed_only: int = 0  # entries whose feed changed only where staff had already changed it

    @property
    def touches(self) -> bool:
        return bool(self.new or self.changed or self.retired or self.feed_only)

    @property
    def removal_share(self) -> float:
        return len(self.retired) / self.before if self.before else 0.0

    def counts(self) -> dict[str, int]:
        return {"new": len(self.new), "changed": len(self.changed),
                "retired": len(self.retired), "unchanged": self.unchanged,
                "conflicts": len(self.conflicts), "duplicates": len(self.duplicates),
                "unmapped": len(self.unmapped), "taken": len(self.taken)}


@dataclass
class ImportPlan:
    sources: dict[str, SourcePlan]
    categories: SectionPlan
    topics: SectionPlan
    touch_categories: bool = False
    touch_topics: bool = False
    # The work itself, worked out once for the plan and written as it is.
    writes: dict[str, tuple[Resource, tuple[Any, ...]]] = field(
        default_factory=dict, repr=False, compare=False)  # id -> (entry, rows.resource_values)
    old: dict[str, Resource] = field(default_factory=dict, repr=False, compare=False)
    feed_updates: dict[str, tuple[dict[str, Any] | None, dict[str, Any] | None]] = field(
        default_factory=dict, repr=False, compare=False)  # id -> (before, after)

    @property
    def resources(self) -> SectionPlan:
        """Every source's entries together: new, changed, retired (as `missing`)."""
        out = SectionPlan()
        for s in self.sources.values():
            out.new += s.new
            out.changed.update(s.changed)
            out.missing += s.retired
            out.unchanged += s.unchanged
        return out

    @property
    def has_changes(self) -> bool:
        return any(s.touches for s in self.sources.values()) or self.categories.touches \
            or self.topics.touches

    def removals(self) -> list[str]:
        """Sentences for each removal that needs the staff's explicit yes."""
        out = []
        for s in self.sources.values():
            if s.retired and s.removal_share > REMOVAL_SHARE:
                out.append(f"{len(s.retired)} of the {s.before} entries of {s.name} are not "
                           "in these files; they would be retired (hidden from visitors).")
        for word, section in (("categories", self.categories), ("topics", self.topics)):
            if section.missing:
                out.append(f"{len(section.missing)} {word} would be removed: "
                           f"{', '.join(section.missing[:10])}"
                           f"{', ...' if len(section.missing) > 10 else ''}.")
        return out

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sources": {name: s.counts() for name, s in self.sources.items()}}
        r = self.resources
        out["resources"] = {"new": len(r.new), "changed": len(r.changed),
                            "missing": len(r.missing), "unchanged": r.unchanged}
        for name, s in (("categories", self.categories), ("topics", self.topics)):
            out[name] = {"new": len(s.new), "changed": len(s.changed),
                         "missing": len(s.missing), "unchanged": s.unchanged}
        return out

    def lines(self) -> list[str]:
        """The plan in words: one line per source, then categories and topics."""
        out = []
        for s in self.sources.values():
            if not (s.touches or s.taken or s.conflicts):
                continue
            line = (f"{s.name}: {len(s.new)} new, {len(s.changed)} changed, "
                    f"{len(s.retired)} retired (not in the files), {s.unchanged} unchanged")
            extra = [f"{n} {word}" for n, word in (
                (len(s.unmapped), "without a category"),
                (len(s.duplicates), "possible duplicates"),
                (len(s.conflicts), "changed by both staff and the feed")) if n]
            out.append(line + (f" ({', '.join(extra)})" if extra else ""))
            out += [f"Not imported: {rid} is already an entry of {other}"
                    for rid, other in list(s.taken.items())[:20]]
        for name, section in (("categories", self.categories), ("topics", self.topics)):
            if section.touches:
                out.append(f"{name}: {len(section.new)} new, {len(section.changed)} changed, "
                           f"{len(section.missing)} missing from the file, "
                           f"{section.unchanged} unchanged")
        return out or ["No changes: the files hold the same directory as this kiosk."]


@dataclass(frozen=True)
class ImportResult:
    batch: str
    plan: ImportPlan


class RemovalsNotAllowed(KnownError):
    """The import would remove more than it may without an explicit yes."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("This import would remove part of the directory, so nothing was "
                         "changed. If that is meant, import again and allow the removals "
                         "(--allow-removals).", lines)
        self.lines = lines


def _section_plan(new_digests: dict[str, str], old_digests: dict[str, str]) -> SectionPlan:
    plan = SectionPlan()
    for key, digest in new_digests.items():
        old = old_digests.get(key)
        if old is None:
            plan.new.append(key)
        elif old != digest:
            plan.changed[key] = []
        else:
            plan.unchanged += 1
    plan.missing = [k for k in old_digests if k not in new_digests]
    return plan


def _changed_data_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    keys = list(dict.fromkeys([*before, *after]))
    return [k for k in keys if before.get(k) != after.get(k)]


def _category_digest(c: Category) -> str:
    return rows.content_digest(rows.category_row(c))


def _record_resource(record: dict[str, Any]) -> Resource | None:
    reader = Reader(published=True)
    resource = reader.resource(json.loads(record["record"]), ())
    return None if reader.problems else resource


def plan_import(store: Store, directory: Directory, *, source: str = BUNDLED,
                categories: bool | None = None, topics: bool | None = None) -> ImportPlan:
    """What importing `directory` would do. Entries that name no source belong to `source`;
    categories and topics are replaced only when `categories` / `topics` say so (by default,
    when the directory has any)."""
    with no_cycle_collection():
        return _plan_import(store, directory, source,
                            bool(directory.categories) if categories is None else categories,
                            bool(directory.topics) if topics is None else topics)


def _plan_import(store: Store, directory: Directory, default_source: str,
                 touch_categories: bool, touch_topics: bool) -> ImportPlan:
    incoming: dict[str, dict[str, Resource]] = {}
    for r in directory.resources:
        name = r.source or default_source
        if r.source != name or r.retired_on is not None:
            r = replace(r, source=name, retired_on=None)
        incoming.setdefault(name, {})[r.id] = r
    owners = dict(store.db.execute("select id, source from resources").fetchall())
    plan = ImportPlan({}, SectionPlan(), SectionPlan(), touch_categories, touch_topics)
    for name, entries in incoming.items():
        plan.sources[name] = _plan_source(store, plan, name, entries, owners)
    if touch_categories:
        old_categories = {c.slug: c for c in store.categories(include_hidden=True)}
        plan.categories = _section_plan(
            {c.slug: _category_digest(c) for c in directory.categories},
            {s: _category_digest(c) for s, c in old_categories.items()})
        new_categories = {c.slug: c for c in directory.categories}
        for key in plan.categories.changed:
            plan.categories.changed[key] = _changed_data_fields(
                category_to_data(old_categories[key]), category_to_data(new_categories[key]))
    if touch_topics:
        plan.topics = _section_plan(
            {t.slug: rows.topic_row(t)["digest"] for t in directory.topics},
            store.digests("topics", "slug"))
        new_topics = {t.slug: t for t in directory.topics}
        for key in plan.topics.changed:
            old_topic = store.topic(key)
            assert old_topic is not None
            plan.topics.changed[key] = _changed_data_fields(topic_to_data(old_topic),
                                                            topic_to_data(new_topics[key]))
    return plan


def _plan_source(store: Store, plan: ImportPlan, name: str, entries: dict[str, Resource],
                 owners: dict[str, str]) -> SourcePlan:
    s = SourcePlan(name)
    held: dict[str, tuple[str, str | None]] = {
        rid: (digest, retired) for rid, digest, retired in store.db.execute(
            "select id, digest, retired_on from resources where source = ?", [name])}
    s.before = sum(1 for _, retired in held.values() if retired is None)
    feeds = {rid: {"source": name, "digest": digest, "record": record}
             for rid, digest, record in store.db.execute(
                 "select resource_id, digest, record from feed_records where source = ?",
                 [name])}
    same_digest: list[str] = []
    candidates: list[str] = []
    for rid, r in entries.items():
        row = rows.resource_values(r)
        owner = owners.get(rid)
        if owner is None:
            s.new.append(rid)
            plan.writes[rid] = (r, row)
            if not r.categories:
                s.unmapped.append(rid)
            continue
        if owner != name:
            s.taken[rid] = owner
            continue
        digest, retired = held[rid]
        feed = feeds.get(rid)
        base_digest = feed["digest"] if feed else digest
        if row[rows.DIGEST] == base_digest and retired is None:
            same_digest.append(rid)
        else:
            candidates.append(rid)
    # The digest leaves out categories: compare those with what the feed gave last time.
    if same_digest:
        stored = store._categories_of([rid for rid in same_digest if rid not in feeds])
        for rid in same_digest:
            feed = feeds.get(rid)
            if feed is not None:
                last = tuple(json.loads(feed["record"]).get("categories") or ())
            else:
                last = stored[rid]
            if last == entries[rid].categories:
                s.unchanged += 1
            else:
                candidates.append(rid)
    if candidates:
        current = {r.id: r for r in store.resources(candidates)}
        for rid in candidates:
            _plan_refresh(plan, s, current[rid], entries[rid], feeds.get(rid))
    retire = [rid for rid, (_, retired) in held.items()
              if retired is None and rid not in entries and name != STAFF]
    if retire:
        for r in store.resources(retire):
            plan.old[r.id] = r
            s.retired.append(r.id)
    if s.new or s.changed:
        fresh = [plan.writes[rid][0] for rid in [*s.new, *s.changed]]
        s.duplicates = review.find_duplicates(store, fresh, name)
    return s


def _plan_refresh(plan: ImportPlan, s: SourcePlan, current: Resource, theirs: Resource,
                  feed: dict[str, Any] | None) -> None:
    """One entry whose feed changed (or that comes back after it was retired)."""
    base = _record_resource(feed) if feed else None
    merged, conflicts = merge(base or current, current, theirs)
    merged = replace(merged, source=s.name, retired_on=None)
    s.conflicts += conflicts
    if merged != current or current.retired_on is not None:
        plan.old[current.id] = current
        plan.writes[current.id] = (merged, rows.resource_values(merged))
        s.changed[current.id] = _changed_data_fields(resource_to_data(current),
                                                     resource_to_data(merged))
        if current.retired_on is not None:
            s.returned.append(current.id)
        if not merged.categories:
            s.unmapped.append(current.id)
    # Keep the feed's version aside while staff's changes remain, and only then.
    kept = None if merged == theirs else {
        "source": s.name, "digest": rows.resource_values(theirs)[rows.DIGEST],
        "record": json.dumps(resource_to_data(theirs), ensure_ascii=False, default=str)}
    if kept != feed:
        plan.feed_updates[current.id] = (feed, kept)
        if current.id not in plan.writes:
            s.feed_only += 1


def apply_import(store: Store, directory: Directory, *, who: str, source: str,
                 kind: str = "kiosk-directory", plan: ImportPlan | None = None,
                 record_each: bool | None = None, source_name: str = BUNDLED,
                 backup: str = "", allow_removals: bool = True,
                 then: Callable[[ImportResult], None] | None = None) -> ImportResult:
    """Write what `plan` (or a fresh plan) says, in one transaction.

    `source` is where the files were read from (recorded in the imports); `source_name`
    the source that entries naming none belong to. Each new, changed and retired entry is
    written to the history with its values before and after, except when the store was
    empty (building a kiosk's first directory is not a change to anything); `record_each`
    overrides that. `backup` names the copy taken before, recorded with the import; `then`
    runs inside the same transaction. Without `allow_removals`, a plan whose `removals()`
    are not empty raises `RemovalsNotAllowed` and nothing is written.
    """
    with no_cycle_collection():
        plan = plan or plan_import(store, directory, source=source_name)
        if not allow_removals and plan.removals():
            raise RemovalsNotAllowed(plan.removals())
        return _apply_import(store, directory, who=who, location=source, kind=kind,
                             plan=plan, record_each=record_each, backup=backup, then=then)


def _apply_import(store: Store, directory: Directory, *, who: str, location: str, kind: str,
                  plan: ImportPlan, record_each: bool | None, backup: str,
                  then: Callable[[ImportResult], None] | None) -> ImportResult:
    batch = uuid.uuid4().hex
    if record_each is None:
        record_each = not store.is_empty()
    topics_by_slug = {t.slug: t for t in directory.topics}
    cats_by_slug = {c.slug: c for c in directory.categories}
    result = ImportResult(batch, plan)
    today = store.clock().date()
    with store.db.atomic():
        if record_each:
            _record(store, plan, cats_by_slug, topics_by_slug, who, batch, today)
        for slug in plan.categories.new + list(plan.categories.changed):
            store.db.table("categories").upsert(rows.category_row(cats_by_slug[slug]),
                                                pk="slug")
        changed = [rid for s in plan.sources.values() for rid in s.changed]
        store.delete_resources(changed)
        now = store.now_text()
        written = list(plan.writes.values())
        store.insert_resource_values([r for r, _ in written],
                                     [rows.updated(values, now) for _, values in written])
        retired = [rid for s in plan.sources.values() for rid in s.retired]
        store.retire_resources(retired, today)
        for rid, (_, kept) in plan.feed_updates.items():
            store.write_feed_record(rid, kept)
        if plan.categories.missing:
            _unlink_categories(store, plan, who, batch, record_each)
        for slug in plan.categories.missing:
            store.db.execute("delete from categories where slug = ?", [slug])
        for slug in plan.topics.missing:
            store.db.execute("delete from topics where slug = ?", [slug])
        store.db.table("topics").upsert_all(
            [rows.topic_row(topics_by_slug[k], now) for k in
             [*plan.topics.new, *plan.topics.changed]], pk="slug")
        if plan.touch_categories:
            store.write_info(directory.info)
        for s in plan.sources.values():
            if s.touches or s.unchanged:
                touch_source(store, s.name, s.name if s.name in RESERVED else kind,
                             "" if s.name == STAFF else location)
            for conflict in s.conflicts:
                review.record_conflict(store, conflict, batch)
            for dup in s.duplicates:
                review.record_duplicate(store, dup.resource_id, dup.other_id, dup.detail,
                                        batch)
            if s.retired and kind != "bundle":  # a bundle's own notice says it
                _notice_retired(store, s, plan)
        store.db.table("imports").insert({
            "id": batch, "at": now, "who": who, "source": location, "kind": kind,
            "summary": plan.summary(), "backup": backup or None, "undone": 0,
        })
        if then is not None:
            then(result)
    return result


def _unlink_categories(store: Store, plan: ImportPlan, who: str, batch: str,
                       record_each: bool) -> None:
    """Entries this import does not write (other sources', retired ones) leave the
    categories it removes; one left with none is asked about in the review queue."""
    missing = set(plan.categories.missing)
    marks = ",".join("?" * len(missing))
    ids = [r[0] for r in store.db.execute(
        f"select distinct resource_id from resource_categories where category in ({marks})",
        sorted(missing)) if r[0] not in plan.writes]
    for resource in store.resources(ids):
        after = replace(resource, categories=tuple(c for c in resource.categories
                                                   if c not in missing))
        if record_each:
            store.record_change(who=who, action="import", entity="resource",
                                entity_id=resource.id, before=resource_to_data(resource),
                                after=resource_to_data(after), fields=["categories"],
                                batch=batch)
        store.write_resource(after)


def _notice_retired(store: Store, s: SourcePlan, plan: ImportPlan) -> None:
    names = [plan.old[rid].name.en for rid in s.retired[:5] if rid in plan.old]
    more = len(s.retired) - len(names)
    text = (f"{len(s.retired)} entries of {s.name} are no longer in its feed, so they were "
            f"retired (hidden from visitors, kept for staff): {', '.join(names)}"
            f"{f' and {more} more' if more > 0 else ''}.")
    store.db.execute("insert into notices (at, level, text, seen) values (?, ?, ?, 0)",
                     [store.now_text(), "info", text])


def _record(store: Store, plan: ImportPlan, cats_by_slug: dict[str, Category],
            topics_by_slug: dict[str, Topic], who: str, batch: str, today: Any) -> None:
    now = store.now_text()
    for s in plan.sources.values():
        # An entry new to the kiosk is recorded as brought by this import, without its
        # values (its feed holds them): undoing the import removes it, and a 100,000-entry
        # package does not write its whole text a second time.
        store.db.conn.executemany(
            "insert into changes (at, who, action, entity, entity_id, fields, before, after, "
            "batch, reverts) values (?, ?, 'import', 'resource', ?, '[]', null, null, ?, "
            "null)", ((now, who, key, batch) for key in s.new))
        for key, fields in s.changed.items():
            store.record_change(who=who, action="import", entity="resource", entity_id=key,
                                before=resource_to_data(plan.old[key]),
                                after=resource_to_data(plan.writes[key][0]), fields=fields,
                                batch=batch)
        for key in s.retired:
            old = plan.old[key]
            store.record_change(who=who, action="import", entity="resource", entity_id=key,
                                before=resource_to_data(old),
                                after=resource_to_data(replace(old, retired_on=today)),
                                fields=["retired_on"], batch=batch)
    for key, (before, after) in plan.feed_updates.items():
        store.record_change(who=who, action="import", entity="feed", entity_id=key,
                            before=before, after=after, batch=batch)
    for section, new_by_key, to_data, getter in (
        (plan.categories, cats_by_slug, category_to_data, store.category),
        (plan.topics, topics_by_slug, topic_to_data, store.topic),
    ):
        entity = "category" if section is plan.categories else "topic"
        for key in [*section.new, *section.changed, *section.missing]:
            was = getter(key)
            new = new_by_key.get(key)
            store.record_change(
                who=who, action="import", entity=entity, entity_id=key,
                before=to_data(was) if was else None,  # type: ignore[arg-type]
                after=to_data(new) if new else None,  # type: ignore[arg-type]
                fields=section.changed.get(key), batch=batch)
