"""What staff are asked to look at after an import: possible duplicates and feed conflicts.

Both are kept in `review_items` until staff settle them, and a settled pair is not raised
again by the next refresh. (Entries without a category and entries without Spanish are
found from the entries themselves; `kiosk.staff.work_queue` lists all four kinds.)

Duplicates are looked for across sources only (the bundled entry and the 2-1-1 entry for the
same clinic): the same phone number, or a similar name in the same town. They are shown,
never merged silently.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kiosk.directory.merge import Conflict
from kiosk.directory.model import Resource
from kiosk.directory.store import Store

DUPLICATE = "duplicate"
CONFLICT = "conflict"
# A number on more entries than this (a statewide line, an agency's switchboard) says
# nothing about which entries are the same place.
SHARED_NUMBER = 4
NAME_SIMILARITY = 0.6
_STOP = frozenset(("the", "of", "and", "for", "a", "an", "at", "in", "de", "del", "la", "el",
                   "los", "las", "y", "inc", "llc", "corp", "co", "program", "programs",
                   "service", "services", "center", "centre"))
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class ReviewItem:
    id: int
    kind: str
    resource_id: str
    other_id: str  # duplicates: the other entry
    field: str  # conflicts: the field
    ours: Any  # conflicts: the kiosk's (staff's) value
    theirs: Any  # conflicts: the feed's new value
    detail: str
    batch: str
    at: str


def _row_item(row: tuple[Any, ...]) -> ReviewItem:
    iid, kind, rid, other, field, ours, theirs, detail, batch, at = row
    return ReviewItem(int(iid), kind, rid or "", other or "", field or "",
                      json.loads(ours) if ours else None,
                      json.loads(theirs) if theirs else None, detail or "", batch or "",
                      at or "")


_COLUMNS = "id, kind, resource_id, other_id, field, ours, theirs, detail, batch, at"


def open_items(store: Store, kind: str | None = None) -> list[ReviewItem]:
    """Items not settled yet whose entries are still there, oldest first."""
    where = "" if kind is None else " and kind = ?"
    return [_row_item(r) for r in store.db.execute(
        f"select {_COLUMNS} from review_items i where resolved_at is null{where} "
        "and exists (select 1 from resources r where r.id = i.resource_id) "
        "and (i.other_id is null or i.other_id = '' or exists "
        "(select 1 from resources r where r.id = i.other_id)) order by id",
        [] if kind is None else [kind])]


def item(store: Store, item_id: int) -> ReviewItem | None:
    row = store.db.execute(f"select {_COLUMNS} from review_items where id = ?",
                           [item_id]).fetchone()
    return _row_item(row) if row else None


def resolve(store: Store, item_id: int, who: str, resolution: str) -> None:
    store.db.execute("update review_items set resolved_at = ?, resolved_by = ?, "
                     "resolution = ? where id = ?",
                     [store.now_text(), who, resolution, item_id])


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    from dataclasses import asdict, is_dataclass

    if hasattr(value, "to_data"):
        return value.to_data()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return str(value)


def record_conflict(store: Store, conflict: Conflict, batch: str, detail: str = "") -> None:
    """One field both staff and the feed changed (inside the caller's transaction)."""
    found = store.db.execute(
        "select id from review_items where kind = ? and resource_id = ? and field = ? "
        "and resolved_at is null", [CONFLICT, conflict.resource_id, conflict.field]).fetchone()
    values = [_dumps(conflict.ours), _dumps(conflict.theirs), detail, batch, store.now_text()]
    if found:
        store.db.execute("update review_items set ours = ?, theirs = ?, detail = ?, batch = ?, "
                         "at = ? where id = ?", [*values, found[0]])
    else:
        store.db.execute(
            "insert into review_items (kind, resource_id, other_id, field, ours, theirs, "
            "detail, batch, at) values (?, ?, '', ?, ?, ?, ?, ?, ?)",
            [CONFLICT, conflict.resource_id, conflict.field, *values])


def record_duplicate(store: Store, resource_id: str, other_id: str, detail: str,
                     batch: str) -> bool:
    """A possible duplicate, unless this pair was already raised (and perhaps settled)."""
    seen = store.db.execute(
        "select 1 from review_items where kind = ? and ((resource_id = ? and other_id = ?) "
        "or (resource_id = ? and other_id = ?))",
        [DUPLICATE, resource_id, other_id, other_id, resource_id]).fetchone()
    if seen:
        return False
    store.db.execute(
        "insert into review_items (kind, resource_id, other_id, field, detail, batch, at) "
        "values (?, ?, ?, '', ?, ?, ?)",
        [DUPLICATE, resource_id, other_id, detail, batch, store.now_text()])
    return True


# -- finding duplicates -------------------------------------------------------------------------

def name_words(name: str) -> frozenset[str]:
    """The words of a name that tell places apart (accents, case and filler words gone)."""
    text = name.lower()
    if not text.isascii():  # an ASCII name has no accents to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return frozenset(w for w in _WORD.findall(text.replace("&", " and ")) if w not in _STOP)


def similar_names(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    return len(a & b) / len(a | b) >= NAME_SIMILARITY and len(a & b) >= 2


@dataclass(frozen=True)
class Duplicate:
    resource_id: str
    other_id: str
    detail: str


def find_duplicates(store: Store, incoming: Iterable[Resource], source: str
                    ) -> list[Duplicate]:
    """Entries of other sources that look like the same place as one of `incoming`."""
    incoming = list(incoming)
    if not incoming:
        return []
    by_number: dict[str, list[str]] = {}
    for rid, number in store.db.execute(
            "select r.id, json_extract(p.value, '$.number') from resources r, "
            "json_each(r.phones) p where r.source != ? and r.retired_on is null", [source]):
        if number:
            ids = by_number.setdefault(number, [])
            if rid not in ids:
                ids.append(rid)
    # Names by town and word, so that a name is compared only with names sharing a word.
    by_word: dict[tuple[str, str], list[str]] = {}
    words_of: dict[str, frozenset[str]] = {}
    towns: set[str] = set()
    for rid, name, town, area in store.db.execute(
            "select id, name_en, town, area from resources where source != ? "
            "and retired_on is null", [source]):
        place = (town or _single_town(area)).lower()
        if place:
            towns.add(place)
            words_of[rid] = name_words(name or "")
            for word in words_of[rid]:
                by_word.setdefault((place, word), []).append(rid)
    incoming_numbers: dict[str, int] = {}
    for r in incoming:
        phones = r.phones
        numbers = (phones[0].number,) if len(phones) == 1 else {p.number for p in phones}
        for number in numbers:
            incoming_numbers[number] = incoming_numbers.get(number, 0) + 1
    found: list[Duplicate] = []
    for r in incoming:
        pairs: dict[str, str] = {}
        for phone in r.phones:
            others = by_number.get(phone.number, [])
            if not others or len(others) > SHARED_NUMBER or \
                    incoming_numbers[phone.number] > SHARED_NUMBER:
                continue
            for other in others:
                pairs.setdefault(other, f"same phone number {phone.display}")
        town = r.town.lower()
        if town and town in towns:
            words = name_words(r.name.en)
            shared: dict[str, int] = {}
            for word in words:
                for other in by_word.get((town, word), ()):
                    shared[other] = shared.get(other, 0) + 1
            for other, n in shared.items():
                if other not in pairs and (n >= 2 or len(words) == 1) and \
                        similar_names(words, words_of[other]):
                    pairs[other] = f"similar name in {r.town}"
        if pairs:
            found += [Duplicate(r.id, other, detail) for other, detail in pairs.items()
                      if other != r.id]
    return found


def _single_town(area: str | None) -> str:
    towns = json.loads(area or "{}").get("towns") or []
    return towns[0] if len(towns) == 1 else ""
