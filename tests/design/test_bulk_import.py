"""The fast path for importing a whole directory keeps every promise of the slow one.

A big import inserts rows with executemany and indexes them for search in one statement
afterwards; these tests check that what a visitor and staff see is the same, also when the
store already holds entries, and that a failure half-way leaves nothing behind (not even a
missing index trigger).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from bench import generate

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.model import Directory
from kiosk.directory.search import search
from kiosk.directory.store import BULK_INDEX_MIN, ListFilter, Store

SIZE = BULK_INDEX_MIN + 200


@pytest.fixture(scope="module")
def big_directory(tmp_path_factory: pytest.TempPathFactory) -> Directory:
    folder = tmp_path_factory.mktemp("big")
    generate.write(folder, SIZE, per_file=600)
    return read_directory(folder)


def _index_rows(store: Store) -> int:
    return int(store.db.execute("select count(*) from resources_fts").fetchone()[0])


def test_a_whole_directory_is_searchable_after_a_bulk_import(
        tmp_path: Path, big_directory: Directory) -> None:
    store = Store.open(tmp_path / "kiosk.db")
    apply_import(store, big_directory, who="test", source="big")
    assert store.counts()["resources"] == SIZE
    assert _index_rows(store) == SIZE
    target = big_directory.resources[SIZE // 2]
    hits = search(store, target.name.en, "en", limit=200)
    assert target.id in [h.key for h in hits]
    # The per-row trigger is back: a resource added later is found too.
    extra = target.with_changes(id="added-later", name=target.name.__class__(
        "Zyxwvut Added Later", "Zyxwvut Añadido"))
    store.write_resource(extra)
    assert [h.key for h in search(store, "zyxwvut", "es")] == ["added-later"]


def test_a_bulk_import_beside_entries_already_there_indexes_only_the_new_ones(
        tmp_path: Path, big_directory: Directory) -> None:
    from dataclasses import replace

    store = Store.open(tmp_path / "kiosk.db")
    apply_import(store, big_directory, who="test", source="big")
    others = Directory(resources=[
        replace(r, id=f"other-{r.id}", name=r.name.__class__(f"Qwertyuiop {i}", ""),
                source="211-other") for i, r in enumerate(big_directory.resources)])
    apply_import(store, others, who="test", source="other", source_name="211-other")
    assert _index_rows(store) == 2 * SIZE
    store.db.execute("insert into resources_fts(resources_fts) values ('integrity-check')")
    hits = search(store, "qwertyuiop 5", "en", limit=20)
    assert "other-" + big_directory.resources[5].id in [h.key for h in hits]
    assert big_directory.resources[5].id in [
        h.key for h in search(store, big_directory.resources[5].name.en, "en", limit=200)]


def test_links_and_hours_are_written_for_every_resource(
        tmp_path: Path, big_directory: Directory) -> None:
    store = Store.open(tmp_path / "kiosk.db")
    apply_import(store, big_directory, who="test", source="big")
    expected = sum(1 for r in big_directory.resources if generate.LARGEST in r.categories)
    assert len(store.list_ids(generate.LARGEST, ListFilter())) == expected
    with_hours = {r.id for r in big_directory.resources if r.hours is not None}
    stored = {row[0] for row in store.db.execute("select distinct resource_id from "
                                                 "resource_hours")}
    assert stored == {r.id for r in big_directory.resources
                      if r.hours is not None and (r.hours.always or any(r.hours.days))}
    assert stored <= with_hours
    one = big_directory.resources[7]
    assert store.resource(one.id) == one


def test_a_failed_bulk_import_leaves_the_store_as_it_was(
        tmp_path: Path, big_directory: Directory) -> None:
    store = Store.open(tmp_path / "kiosk.db")
    triggers_before = store.db.execute(
        "select name, sql from sqlite_master where type = 'trigger' order by name").fetchall()
    # The last row breaks a NOT NULL rule while the index trigger is set aside.
    last = big_directory.resources[-1].with_changes(id="broken", status=None)
    broken = Directory(big_directory.info, big_directory.categories,
                       [*big_directory.resources, last], [])
    with pytest.raises(sqlite3.IntegrityError, match="NOT NULL"):
        apply_import(store, broken, who="test", source="broken")
    assert store.is_empty()
    assert _index_rows(store) == 0
    assert store.db.execute("select count(*) from resource_categories").fetchone()[0] == 0
    triggers_after = store.db.execute(
        "select name, sql from sqlite_master where type = 'trigger' order by name").fetchall()
    assert triggers_after == triggers_before


def test_lists_kept_in_memory_see_a_bulk_import_and_the_triggers_come_back(
        tmp_path: Path, big_directory: Directory) -> None:
    from dataclasses import replace

    store = Store.open(tmp_path / "kiosk.db")
    apply_import(store, Directory(big_directory.info, big_directory.categories,
                                  big_directory.resources[:5], []), who="t", source="t")
    triggers = store.db.execute("select name, sql from sqlite_master where type = 'trigger' "
                                "order by name").fetchall()
    before = store.list_ids(generate.LARGEST)  # kept in memory from now on
    others = Directory(resources=[replace(r, id=f"x-{r.id}", source="211-x")
                                  for r in big_directory.resources])
    apply_import(store, others, who="t", source="x", source_name="211-x")
    after = store.list_ids(generate.LARGEST)
    assert len(after) > len(before)
    assert store.db.execute("select name, sql from sqlite_master where type = 'trigger' "
                            "order by name").fetchall() == triggers
