"""Replacing the kiosk's directory with a new one: see what would change, then do it whole.

`plan_import` compares a checked `Directory` with the store without writing anything;
`apply_import` writes the new directory in one transaction and records every change in the
history, so that an import can be reviewed before and undone after.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from kiosk.directory import rows
from kiosk.directory.bulk import no_cycle_collection
from kiosk.directory.convert import category_to_data, resource_to_data, topic_to_data
from kiosk.directory.model import Category, Directory, Resource, Topic
from kiosk.directory.store import Store


@dataclass
class SectionPlan:
    new: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # id -> changed fields
    missing: list[str] = field(default_factory=list)  # in the store, not in the files
    unchanged: int = 0

    @property
    def touches(self) -> bool:
        return bool(self.new or self.changed or self.missing)


@dataclass
class ImportPlan:
    resources: SectionPlan
    categories: SectionPlan
    topics: SectionPlan
    # The new resources with their rows, made once for the comparison and written as they are.
    resource_rows: dict[str, tuple[Resource, dict[str, Any]]] = field(
        default_factory=dict, repr=False, compare=False)

    @property
    def has_changes(self) -> bool:
        return self.resources.touches or self.categories.touches or self.topics.touches

    def summary(self) -> dict[str, Any]:
        return {
            name: {"new": len(s.new), "changed": len(s.changed), "missing": len(s.missing),
                   "unchanged": s.unchanged}
            for name, s in (("resources", self.resources), ("categories", self.categories),
                            ("topics", self.topics))
        }

    def lines(self) -> list[str]:
        """The plan in words, one line per section that changes."""
        out = []
        for name, s in (("resources", self.resources), ("categories", self.categories),
                        ("topics", self.topics)):
            if s.touches:
                out.append(f"{name}: {len(s.new)} new, {len(s.changed)} changed, "
                           f"{len(s.missing)} missing from the file, {s.unchanged} unchanged")
        return out or ["No changes: the files hold the same directory as this kiosk."]


@dataclass(frozen=True)
class ImportResult:
    batch: str
    plan: ImportPlan


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


def _changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    keys = list(dict.fromkeys([*before, *after]))
    return [k for k in keys if before.get(k) != after.get(k)]


def _category_digest(c: Category) -> str:
    return rows.content_digest(rows.category_row(c))


def plan_import(store: Store, directory: Directory) -> ImportPlan:
    with no_cycle_collection():
        return _plan_import(store, directory)


def _plan_import(store: Store, directory: Directory) -> ImportPlan:
    new_rows = {r.id: (r, rows.resource_row(r)) for r in directory.resources}
    resources = _section_plan({k: v[1]["digest"] for k, v in new_rows.items()},
                              store.digests("resources", "id"))
    # A change of categories alone does not alter the row digest; compare them too.
    by_id = {r.id: r for r in directory.resources}
    new_ids = set(resources.new)
    unchanged = [k for k in by_id if k not in resources.changed and k not in new_ids]
    if unchanged:
        old = store._categories_of(unchanged)
        for key in unchanged:
            if old[key] != by_id[key].categories:
                resources.changed[key] = []
                resources.unchanged -= 1
    if resources.changed:
        old_resources = {r.id: r for r in store.resources(list(resources.changed))}
        for key in resources.changed:
            resources.changed[key] = _changed_fields(resource_to_data(old_resources[key]),
                                                     resource_to_data(by_id[key]))
    old_categories = {c.slug: c for c in store.categories(include_hidden=True)}
    categories = _section_plan({c.slug: _category_digest(c) for c in directory.categories},
                               {s: _category_digest(c) for s, c in old_categories.items()})
    new_categories = {c.slug: c for c in directory.categories}
    for key in categories.changed:
        categories.changed[key] = _changed_fields(category_to_data(old_categories[key]),
                                                  category_to_data(new_categories[key]))
    topics = _section_plan({t.slug: rows.topic_row(t)["digest"] for t in directory.topics},
                           store.digests("topics", "slug"))
    if topics.changed:
        new_topics = {t.slug: t for t in directory.topics}
        for key in topics.changed:
            old_topic = store.topic(key)
            assert old_topic is not None
            topics.changed[key] = _changed_fields(topic_to_data(old_topic),
                                                  topic_to_data(new_topics[key]))
    return ImportPlan(resources, categories, topics, new_rows)


def apply_import(store: Store, directory: Directory, *, who: str, source: str,
                 kind: str = "kiosk-directory", plan: ImportPlan | None = None,
                 record_each: bool | None = None) -> ImportResult:
    """Make the store hold exactly `directory`, in one transaction.

    Each new, changed and removed entry is written to the history with its values before
    and after, except when the store was empty (building a kiosk's first directory is not a
    change to anything); `record_each` overrides that.
    """
    with no_cycle_collection():
        return _apply_import(store, directory, who=who, source=source, kind=kind, plan=plan,
                             record_each=record_each)


def _apply_import(store: Store, directory: Directory, *, who: str, source: str, kind: str,
                  plan: ImportPlan | None, record_each: bool | None) -> ImportResult:
    plan = plan or plan_import(store, directory)
    batch = uuid.uuid4().hex
    if record_each is None:
        record_each = not store.is_empty()
    res_by_id = {r.id: r for r in directory.resources}
    topics_by_slug = {t.slug: t for t in directory.topics}
    cats_by_slug = {c.slug: c for c in directory.categories}
    with store.db.atomic():
        if record_each:
            _record(store, plan, res_by_id, cats_by_slug, topics_by_slug, who, batch)
        touched = [*plan.resources.missing, *plan.resources.changed]
        store.delete_resources(touched)
        for slug in plan.categories.new + list(plan.categories.changed):
            store.db.table("categories").upsert(rows.category_row(cats_by_slug[slug]), pk="slug")
        now = store.now_text()
        written = [res_by_id[k] for k in [*plan.resources.new, *plan.resources.changed]]
        resource_rows = []
        for resource in written:
            planned = plan.resource_rows.get(resource.id)
            if planned is not None and planned[0] is resource:
                resource_rows.append({**planned[1], "updated_at": now})
            else:
                resource_rows.append(rows.resource_row(resource, now))
        store.insert_resource_rows(written, resource_rows)
        for slug in plan.categories.missing:
            store.db.execute("delete from categories where slug = ?", [slug])
        for slug in plan.topics.missing:
            store.db.execute("delete from topics where slug = ?", [slug])
        store.db.table("topics").upsert_all(
            [rows.topic_row(topics_by_slug[k], now) for k in
             [*plan.topics.new, *plan.topics.changed]], pk="slug")
        store.write_info(directory.info)
        store.db.table("imports").insert({
            "id": batch, "at": now, "who": who, "source": source, "kind": kind,
            "summary": plan.summary(), "backup": None, "undone": 0,
        })
    return ImportResult(batch, plan)


def _record(store: Store, plan: ImportPlan, res_by_id: dict[str, Resource],
            cats_by_slug: dict[str, Category], topics_by_slug: dict[str, Topic],
            who: str, batch: str) -> None:
    old_resources = {r.id: r for r in store.resources(
        [*plan.resources.changed, *plan.resources.missing])}
    for key in plan.resources.new:
        store.record_change(who=who, action="import", entity="resource", entity_id=key,
                            before=None, after=resource_to_data(res_by_id[key]), batch=batch)
    for key, fields in plan.resources.changed.items():
        store.record_change(who=who, action="import", entity="resource", entity_id=key,
                            before=resource_to_data(old_resources[key]),
                            after=resource_to_data(res_by_id[key]), fields=fields, batch=batch)
    for key in plan.resources.missing:
        store.record_change(who=who, action="import", entity="resource", entity_id=key,
                            before=resource_to_data(old_resources[key]), after=None,
                            batch=batch)
    for section, new_by_key, to_data, getter in (
        (plan.categories, cats_by_slug, category_to_data, store.category),
        (plan.topics, topics_by_slug, topic_to_data, store.topic),
    ):
        entity = "category" if section is plan.categories else "topic"
        for key in [*section.new, *section.changed, *section.missing]:
            old = getter(key)
            new = new_by_key.get(key)
            store.record_change(
                who=who, action="import", entity=entity, entity_id=key,
                before=to_data(old) if old else None,  # type: ignore[arg-type]
                after=to_data(new) if new else None,  # type: ignore[arg-type]
                fields=section.changed.get(key), batch=batch)
