"""Resource lists are kept until the directory changes, and never shown out of date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.store import ListFilter, Store


def _store(tmp_path: Path, sample_dir: Path) -> Store:
    store = Store.open(tmp_path / "kiosk.db")
    apply_import(store, read_directory(sample_dir), who="test", source="sample")
    return store


def test_a_list_asked_twice_is_sorted_once(tmp_path: Path, sample_dir: Path) -> None:
    store = _store(tmp_path, sample_dir)
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    first = store.list_ids("health", ListFilter())
    second = store.list_ids("health", ListFilter())
    store.db.conn.set_trace_callback(None)
    assert first == second == ["clinic"]
    assert sum("order by" in s for s in statements) == 1
    with pytest.raises(TypeError):  # one list serves every caller: none can change it
        second[0] = "changed by the caller"  # type: ignore[index]
    assert store.list_ids("health", ListFilter()) == ["clinic"]


def test_a_write_through_the_store_shows_at_once(tmp_path: Path, sample_dir: Path) -> None:
    store = _store(tmp_path, sample_dir)
    assert store.list_ids("health", ListFilter()) == ["clinic"]
    clinic = store.resource("clinic")
    assert clinic is not None
    store.write_resource(clinic.with_changes(id="clinic-2"))
    assert sorted(store.list_ids("health", ListFilter())) == ["clinic", "clinic-2"]
    store.write_resource(clinic.with_changes(status="inactive"))
    assert store.list_ids("health", ListFilter()) == ["clinic-2"]


def test_a_write_from_another_connection_shows_too(tmp_path: Path, sample_dir: Path) -> None:
    store = _store(tmp_path, sample_dir)
    assert store.list_ids("health", ListFilter()) == ["clinic"]
    other = Database(tmp_path / "kiosk.db")
    other.execute("delete from resource_categories where resource_id = 'clinic'")
    other.conn.commit()
    assert store.list_ids("health", ListFilter()) == []


def test_open_now_lists_follow_the_clock(tmp_path: Path, sample_dir: Path) -> None:
    store = _store(tmp_path, sample_dir)
    monday_10am = dt.datetime(2026, 11, 23, 10, 0)
    monday_8pm = dt.datetime(2026, 11, 23, 20, 0)
    open_now = ListFilter(open_now=True)
    assert store.list_ids("health", open_now, monday_10am) == ["clinic"]
    assert store.list_ids("health", open_now, monday_8pm) == []
    assert store.list_ids("health", open_now, monday_10am) == ["clinic"]


def test_a_list_read_ahead_is_not_read_again(tmp_path: Path, sample_dir: Path) -> None:
    """The other language's order is read a piece at a time while the visitor looks at
    the list: a change of language then only takes it."""
    store = _store(tmp_path, sample_dir)
    pieces = list(store.read_list_in_steps("health", ListFilter(), lang="es", rows=1))
    assert len(pieces) == 1  # one place in the sample's health list: one piece, then done
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    ids = store.list_ids("health", ListFilter(), lang="es")
    store.db.conn.set_trace_callback(None)
    assert ids == ["clinic"]
    assert not any("order by" in s for s in statements)
    assert list(store.read_list_in_steps("health", ListFilter(), lang="es")) == []  # kept


def test_a_list_changed_while_read_ahead_is_not_kept(tmp_path: Path,
                                                      sample_dir: Path) -> None:
    store = _store(tmp_path, sample_dir)
    clinic = store.resource("clinic")
    assert clinic is not None
    store.write_resource(clinic.with_changes(id="clinic-2"))
    steps = store.read_list_in_steps("health", ListFilter(), lang="es", rows=1)
    next(steps)
    store.write_resource(clinic.with_changes(id="clinic-3"))
    for _ in steps:
        pass
    assert sorted(store.list_ids("health", ListFilter(), lang="es")) == [
        "clinic", "clinic-2", "clinic-3"]


def test_the_end_of_a_visit_keeps_only_the_list_everyone_sees(tmp_path: Path,
                                                              sample_dir: Path) -> None:
    """The lists a visitor opened and filtered go with the visit; the one list every
    visit shows (the lines on the home screen, here health) stays, in both orders."""
    store = _store(tmp_path, sample_dir)
    asked = [("health", ListFilter(), "en"), ("health", ListFilter(), "es"),
             ("health", ListFilter(free=True), "en"), ("help-now", ListFilter(), "en")]
    monday_10am = dt.datetime(2026, 11, 23, 10, 0)
    asked.append(("health", ListFilter(open_now=True), "en"))
    for category, filters, lang in asked:
        store.list_ids(category, filters, monday_10am, lang=lang)
    store.forget_lists(keep="health")
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    sorted_again = []
    for category, filters, lang in asked:
        before = len(statements)
        store.list_ids(category, filters, monday_10am, lang=lang)
        sorted_again.append(any("order by" in s for s in statements[before:]))
    store.db.conn.set_trace_callback(None)
    assert sorted_again == [False, False, True, True, True]


def test_the_start_of_a_list_is_its_first_rows_and_its_length(tmp_path: Path,
                                                              sample_dir: Path) -> None:
    store = _store(tmp_path, sample_dir)
    whole = store._list_ids(None, ListFilter(), None, "en")
    assert len(whole) > 1
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    head, total = store.list_start(None, ListFilter(), rows=1)
    store.db.conn.set_trace_callback(None)
    assert (list(head), total) == (list(whole[:1]), len(whole))
    assert any(s.rstrip().endswith("limit 1") for s in statements)  # not read whole
    head, total = store.list_start(None, ListFilter(), rows=len(whole) + 1)
    assert (list(head), total) == (list(whole), len(whole))
    statements.clear()
    store.db.conn.set_trace_callback(statements.append)
    assert store.list_ids(None, ListFilter()) is head  # a list read whole is kept
    store.db.conn.set_trace_callback(None)
    assert not any("order by" in s for s in statements)
