"""The staff's work queue: what imports and the directory itself ask staff to look at.

Four kinds of line, each a `QueueLine` (kind, resource id, title, detail):

- `conflict`: the feed changed a field that staff had changed; the detail names the field
  and shows both values. `take_feed_value` or `keep_staff_value` settles it.
- `duplicate`: an entry looks like another source's entry for the same place (same phone
  number, or a similar name in the same town). `keep_one` hides the other; `not_duplicates`
  says they are different places. Nothing is ever merged without staff.
- `needs-category`: an imported entry no taxonomy term or word put in a kiosk category;
  visitors find it by search only. `assign_category` is the one tap that files it.
- `needs-spanish`: an entry whose description is in English only, most viewed first.

Every action writes through `kiosk.staff.history`, so it is in the history and can be
reverted. Nothing here uses Qt: the admin's work-queue page shows `lines()` in a model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kiosk.directory import review
from kiosk.directory.convert import Reader
from kiosk.directory.merge import field_values, with_field
from kiosk.directory.sql_ids import among, ids_param
from kiosk.directory.store import Store
from kiosk.i18n import translate
from kiosk.staff import history

CONFLICT = review.CONFLICT
DUPLICATE = review.DUPLICATE
NEEDS_CATEGORY = "needs-category"
NEEDS_SPANISH = "needs-spanish"
KINDS = (CONFLICT, DUPLICATE, NEEDS_CATEGORY, NEEDS_SPANISH)


@dataclass(frozen=True)
class QueueLine:
    kind: str  # one of KINDS
    resource_id: str
    title: str  # the entry's name
    detail: str  # one line saying what is asked, in plain words
    item_id: int | None = None  # conflicts and duplicates: the review item
    other_id: str = ""  # duplicates: the other entry


def _names(store: Store, ids: list[str]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for rid, name, source in store.db.execute(
            f"select id, name_en, source from resources where {among('id')}", [ids_param(ids)]):
        out[rid] = (name or rid, source or "")
    return out


def show_value(value: Any) -> str:
    """A stored field value in a few words, for a queue line."""
    if value in (None, "", [], ()):
        return translate("WorkQueue", "(empty)")
    if isinstance(value, str):
        return value if len(value) <= 80 else value[:77] + "..."
    if isinstance(value, list) and all(isinstance(v, dict) and "display" in v for v in value):
        return ", ".join(str(v["display"]) + (f" ext. {v['extension']}" if v.get("extension")
                                              else "") for v in value)
    if isinstance(value, list):
        return ", ".join(show_value(v) for v in value)
    if isinstance(value, dict) and {"street", "town"} & set(value):
        return ", ".join(str(v) for k, v in value.items() if v and k != "state") or \
            translate("WorkQueue", "(empty)")
    return show_value(json.dumps(value, ensure_ascii=False))


def lines(store: Store, kind: str | None = None, limit: int = 200) -> list[QueueLine]:
    """The queue, conflicts first, then duplicates, entries without a category, and
    entries without Spanish (at most `limit` lines of each kind)."""
    out: list[QueueLine] = []
    kinds = KINDS if kind is None else (kind,)
    items = {k: review.open_items(store, k)[:limit] for k in (CONFLICT, DUPLICATE)
             if k in kinds}
    ids = [i.resource_id for found in items.values() for i in found] + \
        [i.other_id for i in items.get(DUPLICATE, []) if i.other_id]
    names = _names(store, ids)
    for item in items.get(CONFLICT, []):
        title = names.get(item.resource_id, (item.resource_id, ""))[0]
        detail = translate("WorkQueue", "%1: staff wrote %2; the feed now says %3")
        out.append(QueueLine(CONFLICT, item.resource_id, title, detail.replace(
            "%1", item.field).replace("%2", show_value(item.ours)).replace(
            "%3", show_value(item.theirs)), item.id))
    for item in items.get(DUPLICATE, []):
        title, _ = names.get(item.resource_id, (item.resource_id, ""))
        other, other_source = names.get(item.other_id, (item.other_id, ""))
        detail = translate("WorkQueue", "%1: %2 [%3] from %4")
        out.append(QueueLine(DUPLICATE, item.resource_id, title, detail.replace(
            "%1", duplicate_reason(item.detail)).replace("%2", other).replace(
            "%3", item.other_id).replace("%4", other_source), item.id, item.other_id))
    if NEEDS_CATEGORY in kinds:
        for rid, name, source in store.db.execute(
                "select id, name_en, source from resources r where retired_on is null and "
                "not exists (select 1 from resource_categories c where c.resource_id = r.id) "
                "order by name_en collate nocase limit ?", [limit]):
            detail = translate("WorkQueue", "from %1: in no category yet, so visitors find "
                                            "it only by searching")
            out.append(QueueLine(NEEDS_CATEGORY, rid, name or rid,
                                 detail.replace("%1", source)))
    if NEEDS_SPANISH in kinds:
        for rid, name, source, views in store.db.execute(
                "select r.id, r.name_en, r.source, coalesce(u.n, 0) from resources r "
                "left join (select key, sum(count) as n from usage_daily where kind = "
                "'resource' group by key) u on u.key = r.id where r.retired_on is null and "
                "r.status = 'active' and ((r.description_en != '' and "
                "coalesce(r.description_es, '') = '') or (r.eligibility_en != '' and "
                "coalesce(r.eligibility_es, '') = '') or (r.hours_note_en != '' and "
                "coalesce(r.hours_note_es, '') = '')) "
                "order by coalesce(u.n, 0) desc, r.name_en collate nocase limit ?", [limit]):
            if views == 1:
                detail = translate("WorkQueue", "from %1: the text is in English only; "
                                                "viewed once")
            else:
                detail = translate("WorkQueue", "from %1: the text is in English only; "
                                                "viewed %2 times")
            out.append(QueueLine(NEEDS_SPANISH, rid, name or rid,
                                 detail.replace("%1", source).replace("%2", str(views))))
    return out


def duplicate_reason(detail: str) -> str:
    """A duplicate's reason (kept in English in the database) in the staff's language."""
    if detail.startswith("same phone number "):
        return translate("WorkQueue", "same phone number %1").replace(
            "%1", detail.removeprefix("same phone number "))
    if detail.startswith("similar name in "):
        return translate("WorkQueue", "similar name in %1").replace(
            "%1", detail.removeprefix("similar name in "))
    return detail


def counts(store: Store) -> dict[str, int]:
    """How many lines of each kind there are (without the per-kind limit)."""
    out = {CONFLICT: len(review.open_items(store, CONFLICT)),
           DUPLICATE: len(review.open_items(store, DUPLICATE))}
    out[NEEDS_CATEGORY] = int(store.db.execute(
        "select count(*) from resources r where retired_on is null and not exists "
        "(select 1 from resource_categories c where c.resource_id = r.id)").fetchone()[0])
    out[NEEDS_SPANISH] = int(store.db.execute(
        "select count(*) from resources where retired_on is null and status = 'active' and "
        "((description_en != '' and coalesce(description_es, '') = '') or (eligibility_en "
        "!= '' and coalesce(eligibility_es, '') = '') or (hours_note_en != '' and "
        "coalesce(hours_note_es, '') = ''))").fetchone()[0])
    return out


# -- what staff do with a line ------------------------------------------------------------------

def assign_category(store: Store, resource_id: str, slug: str, who: str) -> int:
    """File an entry under a category (the one tap on a needs-category line)."""
    resource = history._require(store, resource_id)
    if store.category(slug) is None:
        raise history.HistoryError(f'There is no category "{slug}".')
    if slug in resource.categories:
        return 0
    return history.save_resource(store, resource.with_changes(
        categories=(*resource.categories, slug)), who, "categorize")


def _open_item(store: Store, item_id: int, kind: str) -> review.ReviewItem:
    found = review.item(store, item_id)
    if found is None or found.kind != kind:
        raise history.HistoryError("That line is not in the work queue any more.")
    return found


def take_feed_value(store: Store, item_id: int, who: str) -> int:
    """Settle a conflict with the feed's value (as the feed last gave it)."""
    item = _open_item(store, item_id, CONFLICT)
    resource = history._require(store, item.resource_id)
    feed = store.feed_record(item.resource_id)
    with store.db.atomic():
        change = 0
        if feed is not None:
            reader = Reader(published=True)
            theirs = reader.resource(json.loads(feed["record"]), ())
            if theirs is not None and not reader.problems:
                value = field_values(theirs)[item.field]
                change = history.save_resource(store, with_field(resource, item.field, value),
                                               who, "take-feed-value")
        review.resolve(store, item_id, who, "feed")
    return change


def keep_staff_value(store: Store, item_id: int, who: str) -> None:
    """Settle a conflict by keeping what staff wrote (the next refresh will not ask again
    unless the feed changes the field once more)."""
    _open_item(store, item_id, CONFLICT)
    review.resolve(store, item_id, who, "staff")


def keep_one(store: Store, item_id: int, keep_id: str, who: str) -> int:
    """Settle a duplicate by hiding the other entry (kept, and shown again with one tap)."""
    item = _open_item(store, item_id, DUPLICATE)
    if keep_id not in (item.resource_id, item.other_id):
        raise history.HistoryError("Keep one of the two entries of this line.")
    hide = item.other_id if keep_id == item.resource_id else item.resource_id
    with store.db.atomic():
        change = history.set_active(store, hide, False, who)
        review.resolve(store, item_id, who, f"kept {keep_id}")
    return change


def not_duplicates(store: Store, item_id: int, who: str) -> None:
    """Settle a duplicate line: the two are different places (it is not raised again)."""
    _open_item(store, item_id, DUPLICATE)
    review.resolve(store, item_id, who, "different")
