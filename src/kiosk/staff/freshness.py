"""The work queue's lines that keep the directory fresh: entries visitors reported as wrong,
entries past `stale_days` since their last check, entries never checked, entries with no
way to reach them, and entries whose text is in English only.

Each is one SQL query with a limit, so the queue opens as fast over 100,000 entries as over
sixty; `counts` gives the whole number of each kind. The admin's work queue page shows
`lines()` in a model; a tap opens the entry, and "Checked today" there takes it off the
"never checked" and "past due" lines (and, with `clear_reports`, off "reported wrong").

What visitors report ("Something wrong here?") is kept by the visitor screens as one
aggregate counter per entry and reason, nothing else. `reports` reads those counters and
answers nothing while the kiosk has no such table yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.directory.store import Store
from kiosk.i18n import QT_TRANSLATE_NOOP, translate, translated

REPORTED = "reported"
STALE = "stale"
NEVER_CHECKED = "never-checked"
UNREACHABLE = "unreachable"
NEEDS_SPANISH = "needs-spanish"
KINDS = (REPORTED, STALE, NEVER_CHECKED, UNREACHABLE, NEEDS_SPANISH)
LIMIT = 200  # lines of each kind; the counts say how many there are in all

REPORTS_TABLE = "wrong_reports"  # resource_id, reason, count: one counter per entry and reason
REASONS = {"number": QT_TRANSLATE_NOOP("WorkQueue", "the number did not work"),
           "closed": QT_TRANSLATE_NOOP("WorkQueue", "closed or gone"),
           "other": QT_TRANSLATE_NOOP("WorkQueue", "something else")}

_ACTIVE = "status = 'active'"
_NEVER = "(verified_on is null or verified_on = '')"
_NO_WAY = ("coalesce(phones, '[]') in ('', '[]') and coalesce(website, '') = '' and "
           "coalesce(email, '') = '' and coalesce(street, '') = ''")
_ENGLISH_ONLY = ("((coalesce(description_en, '') != '' and coalesce(description_es, '') = '') "
                 "or (coalesce(eligibility_en, '') != '' and coalesce(eligibility_es, '') = '') "
                 "or (coalesce(hours_note_en, '') != '' and coalesce(hours_note_es, '') = ''))")


@dataclass(frozen=True)
class QueueLine:
    kind: str  # one of KINDS
    resource_id: str
    title: str  # the entry's name
    detail: str  # what is asked, in a few words in the language on screen


def _has_reports(store: Store) -> bool:
    return store.db.execute("select 1 from sqlite_master where type = 'table' and name = ?",
                            [REPORTS_TABLE]).fetchone() is not None


def reports(store: Store, limit: int = LIMIT) -> list[tuple[str, dict[str, int]]]:
    """(resource id, count per reason) of the entries visitors reported, most reported
    first; empty while the kiosk keeps no reports."""
    if not _has_reports(store):
        return []
    totals: dict[str, dict[str, int]] = {}
    for rid, reason, n in store.db.execute(
            f"select resource_id, reason, sum(count) from [{REPORTS_TABLE}] where resource_id "
            "in (select id from resources) group by resource_id, reason "
            "having sum(count) > 0"):
        totals.setdefault(str(rid), {})[str(reason)] = int(n)
    ranked = sorted(totals.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    return ranked[:limit]


def clear_reports(store: Store, resource_id: str) -> None:
    """Staff checked the entry: what visitors had reported about it is dealt with."""
    if _has_reports(store):
        store.db.execute(f"delete from [{REPORTS_TABLE}] where resource_id = ?", [resource_id])


def _reason_text(counts: dict[str, int]) -> str:
    parts = []
    for reason, n in sorted(counts.items(), key=lambda item: -item[1]):
        word = translated("WorkQueue", REASONS[reason]) if reason in REASONS else reason
        parts.append(f"{word} ({n})")
    total = sum(counts.values())
    head = translate("WorkQueue", "Reported wrong once") if total == 1 else \
        translate("WorkQueue", "Reported wrong %1 times").replace("%1", str(total))
    return f"{head}: {', '.join(parts)}"


def _name(lang: str) -> str:
    """The column of an entry's name in `lang` (English when it has none)."""
    return "coalesce(nullif(name_es, ''), name_en)" if lang == "es" else "name_en"


def _names(store: Store, ids: list[str], lang: str = "en") -> dict[str, str]:
    out: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for rid, name in store.db.execute(
                f"select id, {_name(lang)} from resources where id in "
                f"({','.join('?' * len(chunk))})", chunk):
            out[rid] = name or rid
    return out


def _checked_text(verified_on: str, today: dt.date) -> str:
    days = (today - dt.date.fromisoformat(verified_on)).days
    return translate("WorkQueue", "Last checked %1, %2 days ago").replace(
        "%1", verified_on).replace("%2", str(days))


def lines(store: Store, today: dt.date, stale_days: int, kind: str | None = None,
          limit: int = LIMIT, lang: str = "en") -> list[QueueLine]:
    """The queue in the order staff should work it (at most `limit` lines of each kind):
    reported wrong (most reported first), past due (longest unchecked first), never checked
    (highest priority first), no way to reach, English only. An entry shows once, under
    the first of these that fits it. Names are in `lang`."""
    kinds = KINDS if kind is None else (kind,)
    name = _name(lang)
    out: list[QueueLine] = []
    seen: set[str] = set()

    def add(line: QueueLine) -> None:
        if line.resource_id not in seen:
            seen.add(line.resource_id)
            out.append(line)

    if REPORTED in kinds:
        found = reports(store, limit)
        names = _names(store, [rid for rid, _ in found], lang)
        for rid, counts in found:
            add(QueueLine(REPORTED, rid, names.get(rid, rid), _reason_text(counts)))
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

    return {REPORTED: len(reports(store, limit=1_000_000)),
            STALE: n("verified_on is not null and verified_on != '' and verified_on < ?", [due]),
            NEVER_CHECKED: n(_NEVER), UNREACHABLE: n(_NO_WAY), NEEDS_SPANISH: n(_ENGLISH_ONLY)}
