"""The SQLite store: migrations, pragmas, list queries and filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from kiosk.directory import schema
from kiosk.directory.files import read_directory
from kiosk.directory.hours import WeeklyHours
from kiosk.directory.importer import apply_import
from kiosk.directory.model import Area, Directory, LocalText, Resource, Source
from kiosk.directory.store import ListFilter, Store

from .helpers import CATEGORIES, write

MONDAY_10AM = dt.datetime(2026, 11, 23, 10, 0)  # a Monday
SATURDAY_1AM = dt.datetime(2026, 11, 28, 1, 0)


def test_migrations_from_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    store = Store.open(path)
    tables = set(store.db.table_names())
    assert {"categories", "resources", "resource_categories", "resource_hours", "topics",
            "resources_fts", "topics_fts", "changes", "imports", "settings", "usage_daily",
            "notices", "_sqlite_migrations"} <= tables
    assert schema.pending(store.db) == []
    applied = [r["name"] for r in store.db["_sqlite_migrations"].rows]
    assert applied == ["m001_directory", "m002_history_settings_usage", "m003_list_version",
                       "m004_search_prefixes", "m005_search_version",
                       "m006_resource_names_index", "m007_sources",
                       "m008_reported_wrong", "m009_list_order"]
    store.close()
    # Opening again applies nothing twice.
    again = Store.open(path)
    assert [r["name"] for r in again.db["_sqlite_migrations"].rows] == applied


def test_migrations_from_every_earlier_version(tmp_path: Path) -> None:
    names = [m.name for m in schema.migrations._migrations]
    for i, name in enumerate(names):
        db = Database(tmp_path / f"v{i}.db")
        schema.migrations.apply(db, stop_before=name)
        assert schema.pending(db) == names[i:]
        Store(db)  # brings it up to date
        assert schema.pending(db) == []


def test_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "kiosk.db")
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("pragma foreign_keys").fetchone()[0] == 1


def _resource(rid: str, *, town: str = "", statewide: bool = False, free: bool = False,
              spanish: bool = False, hours: WeeklyHours | None = None, priority: int = 0,
              status: str = "active", categories: tuple[str, ...] = ("health",)) -> Resource:
    from kiosk.directory.model import Address

    return Resource(
        id=rid, name=LocalText(rid.title(), rid.title()), categories=categories,
        description=LocalText("d", "d"), sources=(Source("test"),),
        address=Address(town=town), area=Area(statewide=statewide),
        cost=("free",) if free else (), languages=("en", "es") if spanish else ("en",),
        hours=hours, priority=priority, status=status)


def _filled(store: Store, tmp_path: Path, resources: list[Resource]) -> Store:
    cats = read_directory(write(tmp_path / "c.yaml", CATEGORIES)).categories
    apply_import(store, Directory(categories=cats, resources=resources), who="t", source="t")
    return store


def test_list_ids_filters(store: Store, tmp_path: Path) -> None:
    nine_to_five = WeeklyHours.from_data({"mon": ["09:00-17:00"]})
    _filled(store, tmp_path, [
        _resource("windham-clinic", town="Windham", free=True, spanish=True, hours=nine_to_five),
        _resource("hartford-clinic", town="Hartford", spanish=True),
        _resource("state-line", statewide=True, free=True, hours=WeeklyHours(always=True)),
        _resource("closed-clinic", town="Windham", status="inactive"),
        _resource("crisis", statewide=True, priority=50, categories=("help-now",)),
    ])
    assert store.list_ids("health") == ["hartford-clinic", "state-line", "windham-clinic"]
    assert store.list_ids(None)[0] == "crisis"  # priority first
    assert store.list_ids("health", ListFilter(free=True)) == ["state-line", "windham-clinic"]
    assert store.list_ids("health", ListFilter(spanish=True)) == [
        "hartford-clinic", "windham-clinic"]
    assert store.list_ids("health", ListFilter(near_town="windham")) == ["windham-clinic"]
    assert store.list_ids("health", ListFilter(statewide_only=True)) == ["state-line"]
    assert store.list_ids("health", ListFilter(open_now=True), MONDAY_10AM) == [
        "state-line", "windham-clinic"]
    assert store.list_ids("health", ListFilter(open_now=True), SATURDAY_1AM) == ["state-line"]


def test_open_now_handles_spans_past_midnight(store: Store, tmp_path: Path) -> None:
    late = WeeklyHours.from_data({"fri": ["22:00-02:00"]})
    _filled(store, tmp_path, [_resource("late", hours=late)])
    assert store.open_ids(["late"], SATURDAY_1AM) == {"late"}
    assert store.open_ids(["late"], MONDAY_10AM) == set()
    assert late.is_open(SATURDAY_1AM) and not late.is_open(MONDAY_10AM)


def test_list_entries_carry_what_a_row_shows(store: Store, tmp_path: Path) -> None:
    _filled(store, tmp_path, [_resource("windham-clinic", town="Windham", free=True)])
    entry = store.list_entries(["windham-clinic"])["windham-clinic"]
    assert (entry.name("es"), entry.town, entry.is_free, entry.has_hours) == (
        "Windham-Clinic", "Windham", True, False)


def test_a_resource_reads_back_as_written(store: Store, sample_dir: Path) -> None:
    directory = read_directory(sample_dir)
    apply_import(store, directory, who="t", source="t")
    for resource in directory.resources:
        # Entries that name no source come with the kiosk's own directory.
        assert store.resource(resource.id) == resource.with_changes(source="bundled")
    assert store.directory().topics == directory.topics


def test_lists_are_in_the_order_of_the_visitor_s_language(store: Store, tmp_path: Path) -> None:
    from dataclasses import replace

    _filled(store, tmp_path, [
        replace(_resource("food-bank"), name=LocalText("Food bank", "Banco de comida")),
        replace(_resource("clinic"), name=LocalText("Clinic", "Clínica")),
        replace(_resource("aid"), name=LocalText("Legal aid", "")),
    ])
    assert store.list_ids("health") == ["clinic", "food-bank", "aid"]
    assert store.list_ids("health", lang="es") == ["food-bank", "clinic", "aid"]


def test_a_store_is_empty_only_without_resources_and_categories(store: Store) -> None:
    assert store.is_empty()
    store.db.execute("insert into categories (slug, name_en, name_es, position) "
                     "values ('food', 'Food', 'Comida', 1)")
    assert not store.is_empty()
