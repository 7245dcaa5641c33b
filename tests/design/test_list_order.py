"""A category's list is read from one index in the order a visitor reads it: no sort of
30,000 rows when a category is opened for the first time, and none when the language changes.

Each link to a category carries what its list is sorted and filtered by; these tests check
that the lists come out as the full sort of the resources would give them, in both languages
and with every filter, that the query plan reads the index and sorts nothing, and that the
links follow their resource whoever changes it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from bench import generate
from sqlite_utils import Database

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.model import Directory, LocalText
from kiosk.directory.store import ListFilter, Store

SIZE = 400
MONDAY_10AM = dt.datetime(2026, 11, 23, 10, 0)
FILTERS = {
    "none": ListFilter(), "free": ListFilter(free=True), "spanish": ListFilter(spanish=True),
    "statewide": ListFilter(statewide_only=True),
    "near": ListFilter(near_town="Windham", near_county="Windham"),
    "open": ListFilter(open_now=True), "free and open": ListFilter(free=True, open_now=True),
}


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Directory:
    folder = tmp_path_factory.mktemp("list-order")
    generate.write(folder, SIZE, per_file=SIZE)
    found = read_directory(folder)
    changed = []
    for i, r in enumerate(found.resources):
        if i % 7 == 0:  # no Spanish name: a Spanish reader sees the English one
            r = r.with_changes(name=LocalText(r.name.en, ""))
        if i % 11 == 0:  # names that differ only in case sort together
            r = r.with_changes(name=LocalText(r.name.en.upper(), r.name.es.lower()))
        if i % 13 == 0:
            r = r.with_changes(status="inactive")
        changed.append(r)
    return Directory(found.info, found.categories, changed, found.topics)


@pytest.fixture()
def store(tmp_path: Path, directory: Directory) -> Store:
    store = Store.open(tmp_path / "kiosk.db", clock=lambda: MONDAY_10AM)
    apply_import(store, directory, who="test", source="generated")
    return store


def _full_sort(store: Store, category: str, filters: ListFilter, lang: str) -> list[str]:
    """The list as sorting every resource of the category would give it (ties by id)."""
    name = "coalesce(nullif(r.name_es, ''), r.name_en)" if lang == "es" else "r.name_en"
    ids = [row[0] for row in store.db.execute(
        "select r.id from resource_categories rc join resources r on r.id = rc.resource_id "
        f"where rc.category = ? and r.status = 'active' and r.retired_on is null "
        f"order by r.priority desc, {name} collate nocase, r.id", [category])]
    allowed = set(store.list_ids(None, filters, MONDAY_10AM, lang))
    return [i for i in ids if i in allowed]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", list(FILTERS))
def test_each_list_is_in_the_order_of_a_full_sort(store: Store, lang: str, name: str) -> None:
    for category in (generate.LARGEST, "help-now", "trafficking"):
        expected = _full_sort(store, category, FILTERS[name], lang)
        got = store._list_ids(category, FILTERS[name], MONDAY_10AM, lang)
        assert got == expected
    assert store._list_ids(generate.LARGEST, ListFilter(), None, lang)  # not all filtered out


def _plans(store: Store, category: str, filters: ListFilter, lang: str) -> list[str]:
    seen: list[tuple[str, Any]] = []
    with store.db.tracer(lambda sql, params: seen.append((sql, params))):
        store._list_ids(category, filters, MONDAY_10AM, lang)
    selects = [(sql, params) for sql, params in seen if sql.lstrip().startswith("select")]
    assert selects
    return [" / ".join(str(row[3]) for row in
                       store.db.conn.execute(f"explain query plan {sql}", params or []))
            for sql, params in selects]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", ["none", "free", "spanish", "statewide", "open"])
def test_a_list_is_read_from_its_index_and_sorts_nothing(store: Store, lang: str,
                                                        name: str) -> None:
    for plan in _plans(store, generate.LARGEST, FILTERS[name], lang):
        assert "TEMP B-TREE" not in plan
        assert f"USING COVERING INDEX resource_categories_list_{lang}" in plan
        assert "SEARCH r " not in plan and "SCAN r " not in plan  # the wide rows stay unread


def test_near_this_kiosk_reads_the_resources_but_still_sorts_nothing(store: Store) -> None:
    for plan in _plans(store, generate.LARGEST, FILTERS["near"], "es"):
        assert "TEMP B-TREE" not in plan
        assert "resource_categories_list_es" in plan


def test_the_links_follow_their_resource_whoever_writes_it(store: Store, tmp_path: Path) -> None:
    ids = store._list_ids(generate.LARGEST, ListFilter(), None, "en")
    first, last = ids[0], ids[-1]
    other = Database(tmp_path / "kiosk.db")  # another connection: no store, plain SQL
    other.execute("update resources set name_en = 'AAAA First Now' where id = ?", [last])
    other.execute("update resources set status = 'inactive' where id = ?", [first])
    other.conn.commit()
    now = store._list_ids(generate.LARGEST, ListFilter(), None, "en")
    assert now[0] == last and first not in now
    assert now == _full_sort(store, generate.LARGEST, ListFilter(), "en")
    # A link written without its keys (not through the store) gets them from its resource.
    other.execute("insert into resource_categories (resource_id, category, position) "
                  "values (?, 'legal', 9)", [ids[1]])
    other.execute("update resources set priority = 99 where id = ?", [ids[1]])
    other.conn.commit()
    assert store._list_ids("legal", ListFilter(), None, "es")[0] == ids[1]
    assert store._list_ids("legal", ListFilter(), None, "es") == _full_sort(
        store, "legal", ListFilter(), "es")


def test_a_resource_saved_again_keeps_its_place(store: Store) -> None:
    before = store._list_ids(generate.LARGEST, ListFilter(free=True), None, "es")
    middle = store.resource(before[len(before) // 2])
    assert middle is not None
    store.write_resource(middle.with_changes(name=LocalText("Zz Last", "000 Primero")))
    after = store._list_ids(generate.LARGEST, ListFilter(free=True), None, "es")
    assert after[0] == middle.id
    assert sorted(after) == sorted(before)
    assert after == _full_sort(store, generate.LARGEST, ListFilter(free=True), "es")


def test_a_resource_retired_from_its_feed_leaves_its_lists_and_comes_back(
        store: Store, tmp_path: Path) -> None:
    ids = store._list_ids(generate.LARGEST, ListFilter(), None, "es")
    gone = ids[len(ids) // 3]
    other = Database(tmp_path / "kiosk.db")
    other.execute("update resources set retired_on = '2026-11-20' where id = ?", [gone])
    other.conn.commit()
    assert gone not in store._list_ids(generate.LARGEST, ListFilter(), None, "es")
    other.execute("update resources set retired_on = null where id = ?", [gone])
    other.conn.commit()
    assert store._list_ids(generate.LARGEST, ListFilter(), None, "es") == ids
