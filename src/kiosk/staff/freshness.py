"""The staff's work queue, in the order staff should work it: entries visitors reported as
wrong, feed conflicts, entries past `stale_days` since their last check, entries never
checked, entries with no way to reach them, possible duplicates, imported entries in no
category, and entries whose text is in English only.

Each kind is one SQL query with a limit, so the queue opens as fast over 100,000 entries as
over sixty; `counts` gives the whole number of each kind. What visitors reported ("Something
wrong here?") comes from `kiosk.staff.reported`; conflicts, duplicates and entries in no
category come from the import's `kiosk.staff.work_queue`, which also settles them. The
admin's work queue page shows `lines()` in a model; a tap opens the entry, and "Checked
today" there takes it off the "never checked", "past due" and "reported wrong" lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from kiosk.directory import review
from kiosk.directory.sources import BUNDLED, STAFF
from kiosk.directory.sql_ids import among, ids_param
from kiosk.directory.store import Store
from kiosk.i18n import translate
from kiosk.staff import history_words, reported, work_queue
from kiosk.staff.work_queue import CONFLICT, DUPLICATE, NEEDS_CATEGORY, QueueLine

REPORTED = "reported"
STALE = "stale"
NEVER_CHECKED = "never-checked"
UNREACHABLE = "unreachable"
NEEDS_SPANISH = work_queue.NEEDS_SPANISH
KINDS = (REPORTED, CONFLICT, STALE, NEVER_CHECKED, UNREACHABLE, DUPLICATE, NEEDS_CATEGORY,
         NEEDS_SPANISH)
IMPORT_KINDS = (CONFLICT, DUPLICATE, NEEDS_CATEGORY)  # listed and settled by `work_queue`
LIMIT = 200  # lines of each kind; the counts say how many there are in all

__all__ = ["KINDS", "QueueLine", "counts", "lines", "reports"]

_ACTIVE = "status = 'active' and retired_on is null"
_NEVER = "(verified_on is null or verified_on = '')"
_NO_WAY = ("coalesce(phones, '[]') in ('', '[]') and coalesce(website, '') = '' and "
           "coalesce(email, '') = '' and coalesce(street, '') = ''")
_ENGLISH_ONLY = ("((coalesce(description_en, '') != '' and coalesce(description_es, '') = '') "
                 "or (coalesce(eligibility_en, '') != '' and coalesce(eligibility_es, '') = '') "
                 "or (coalesce(hours_note_en, '') != '' and coalesce(hours_note_es, '') = ''))")


def reports(store: Store, limit: int = LIMIT) -> list[reported.Reported]:
    """The entries visitors reported, most reported first, leaving out reports of entries
    no longer in the directory (nobody can check those)."""
    found = reported.reported_wrong(store)
    known = _known(store, [r.resource_id for r in found])
    return [r for r in found if r.resource_id in known][:limit]


def _known(store: Store, ids: list[str]) -> set[str]:
    return {rid for (rid,) in store.db.execute(
        f"select id from resources where {_ACTIVE} and {among('id')}", [ids_param(ids)])}


def _name(lang: str) -> str:
    """The column of an entry's name in `lang` (English when it has none)."""
    return "coalesce(nullif(name_es, ''), name_en)" if lang == "es" else "name_en"


def _values(store: Store, ids: list[str], column: str) -> dict[str, str]:
    """`column` of the resources `ids`, by id."""
    return dict(store.db.execute(f"select id, {column} from resources where {among('id')}",
                                 [ids_param(ids)]).fetchall())


def _names(store: Store, ids: list[str], lang: str = "en") -> dict[str, str]:
    return {rid: name or rid for rid, name in _values(store, ids, _name(lang)).items()}


def _checked_text(verified_on: str, today: dt.date) -> str:
    days = (today - dt.date.fromisoformat(verified_on)).days
    return translate("WorkQueue", "Last checked %1, %2 days ago").replace(
        "%1", verified_on).replace("%2", str(days))


def lines(store: Store, today: dt.date, stale_days: int, kind: str | None = None,
          limit: int = LIMIT, lang: str = "en") -> list[QueueLine]:
    """The queue in the order staff should work it (at most `limit` lines of each kind):
    reported wrong (most reported first), feed conflicts, past due (longest unchecked
    first), never checked (highest priority first), no way to reach, possible duplicates,
    in no category, English only. An entry shows once, under the first of these that fits
    it, except that each conflict and duplicate is a line of its own (each is settled on
    its own). Names are in `lang`."""
    kinds = KINDS if kind is None else (kind,)
    name = _name(lang)
    out: list[QueueLine] = []
    seen: set[str] = set()

    def add(line: QueueLine) -> None:
        # (a conflict or a duplicate is a line of its own: each is settled on its own)
        if line.item_id is not None or line.resource_id not in seen:
            seen.add(line.resource_id)
            out.append(line)

    if REPORTED in kinds:
        found = reports(store, limit)
        names = _names(store, [r.resource_id for r in found], lang)
        for r in found:
            add(QueueLine(REPORTED, r.resource_id, names.get(r.resource_id, r.name),
                          r.sentence()))
    if CONFLICT in kinds:
        _add_imported(store, CONFLICT, limit, lang, add)
    if STALE in kinds:
        due = (today - dt.timedelta(days=stale_days)).isoformat()
        for rid, title, verified_on in store.db.execute(
                f"select id, {name}, verified_on from resources where {_ACTIVE} and "
                "verified_on is not null and verified_on != '' and verified_on < ? "
                "order by verified_on, name_en collate nocase limit ?", [due, limit]):
            add(QueueLine(STALE, rid, title or rid, _checked_text(verified_on, today)))
    if NEVER_CHECKED in kinds:
        for rid, title in store.db.execute(
                f"select id, {name} from resources where {_ACTIVE} and {_NEVER} "
                "order by priority desc, name_en collate nocase limit ?", [limit]):
            add(QueueLine(NEVER_CHECKED, rid, title or rid,
                          translate("WorkQueue", "Never checked since it was added")))
    if UNREACHABLE in kinds:
        for rid, title in store.db.execute(
                f"select id, {name} from resources where {_ACTIVE} and {_NO_WAY} "
                "order by name_en collate nocase limit ?", [limit]):
            add(QueueLine(UNREACHABLE, rid, title or rid,
                          translate("WorkQueue", "No phone, web address, email or street: "
                                                 "visitors have no way to reach it")))
    for imported in (DUPLICATE, NEEDS_CATEGORY):
        if imported in kinds:
            _add_imported(store, imported, limit, lang, add)
    if NEEDS_SPANISH in kinds:
        for rid, title in store.db.execute(
                f"select id, {name} from resources where {_ACTIVE} and {_ENGLISH_ONLY} "
                "order by priority desc, name_en collate nocase limit ?", [limit]):
            add(QueueLine(NEEDS_SPANISH, rid, title or rid,
                          translate("WorkQueue", "Its text is in English only")))
    return out


def counts(store: Store, today: dt.date, stale_days: int) -> dict[str, int]:
    """How many entries there are of each kind (without the limit; an entry may count
    under two kinds)."""
    due = (today - dt.timedelta(days=stale_days)).isoformat()

    def n(where: str, params: list[object] | None = None) -> int:
        return int(store.db.execute(f"select count(*) from resources where {_ACTIVE} and "
                                    f"{where}", params or []).fetchone()[0])

    imported = work_queue.counts(store)
    return {REPORTED: len(reports(store, limit=1_000_000)), CONFLICT: imported[CONFLICT],
            STALE: n("verified_on is not null and verified_on != '' and verified_on < ?", [due]),
            NEVER_CHECKED: n(_NEVER), UNREACHABLE: n(_NO_WAY),
            DUPLICATE: imported[DUPLICATE], NEEDS_CATEGORY: imported[NEEDS_CATEGORY],
            NEEDS_SPANISH: n(_ENGLISH_ONLY)}


def _add_imported(store: Store, kind: str, limit: int, lang: str,
                  add: Callable[[QueueLine], None]) -> None:
    """The import's lines of `kind`, with the entries' names in `lang`."""
    found = work_queue.lines(store, kind, limit)
    items = {item.id: item for item in review.open_items(store, kind)} \
        if kind in (CONFLICT, DUPLICATE) else {}
    others = [line.other_id for line in found if line.other_id]
    names = _names(store, [line.resource_id for line in found] + others, lang)
    sources = _values(store, others, "source") if kind == DUPLICATE else {}
    for line in found:
        item = items.get(line.item_id) if line.item_id is not None else None
        if kind == CONFLICT:
            detail = _conflict_text(item)
        elif kind == DUPLICATE:
            detail = _duplicate_text(item, names, sources)
        else:
            detail = line.detail
        add(replace(line, title=names.get(line.resource_id, line.title),
                    detail=detail or line.detail))


def source_words(source: str) -> str:
    """Where an entry came from, as staff call it."""
    if source in ("", BUNDLED):
        return translate("WorkQueue", "the kiosk's own directory")
    if source == STAFF:
        return translate("WorkQueue", "an entry staff made")
    return source


def _duplicate_text(item: review.ReviewItem | None, names: dict[str, str],
                    sources: dict[str, str]) -> str:
    """A possible duplicate in words: why, and the other entry with where it came from."""
    if item is None or item.other_id not in sources:
        return ""
    other = item.other_id
    return translate("WorkQueue", "%1: %2, from %3").replace(
        "%1", work_queue.duplicate_reason(item.detail)).replace(
        "%2", names.get(other, other)).replace("%3", source_words(sources[other] or ""))


def _conflict_text(item: review.ReviewItem | None) -> str:
    """A conflict in words: the field as the form names it, both values as staff read
    them ("Phone: staff wrote (860) 456-2260; the feed now says (860) 456-2261")."""
    if item is None:
        return ""
    field, _, lang = item.field.partition(".")
    return translate("WorkQueue", "%1: staff wrote %2; the feed now says %3").replace(
        "%1", history_words.field_label(item.field)).replace(
        "%2", history_words.show_value(field, item.ours, lang=lang or "en")).replace(
        "%3", history_words.show_value(field, item.theirs, lang=lang or "en"))
