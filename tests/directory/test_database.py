"""The store's own connection (`kiosk.directory.database`) runs statements as sqlite-utils
does, hands the rest to sqlite-utils over the same connection, and opens an up-to-date
database without importing it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.directory import schema
from kiosk.directory.database import Database, first_keyword
from kiosk.directory.store import Store


def test_a_write_outside_a_transaction_is_committed_at_once(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "a.db")
    db.execute("create table t (n integer)")
    db.execute("insert into t values (?)", [1])
    assert not db.conn.in_transaction
    other = sqlite3.connect(tmp_path / "a.db")
    assert other.execute("select n from t").fetchall() == [(1,)]
    other.close()
    db.close()


def test_a_failed_statement_leaves_no_transaction_open() -> None:
    db = Database.memory()
    db.execute("create table t (n integer primary key)")
    db.execute("insert into t values (1)")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into t values (1)")
    assert not db.conn.in_transaction


def test_a_write_inside_a_transaction_waits_for_it() -> None:
    db = Database.memory()
    db.execute("create table t (n integer)")
    with db.atomic():
        db.execute("insert into t values (1)")
        assert db.conn.in_transaction
    assert not db.conn.in_transaction
    assert db.execute("select count(*) from t").fetchone()[0] == 1


def test_the_first_keyword_skips_blanks_and_comments() -> None:
    assert first_keyword("  -- a note\n /* more */ ;begin transaction") == "BEGIN"
    assert first_keyword("select 1") == "SELECT"
    assert first_keyword("-- only a comment") == ""


def test_the_rest_is_sqlite_utils_over_the_same_connection() -> None:
    db = Database.memory()
    db.table("t").insert({"n": 1})
    assert db.full.conn is db.conn
    assert [row["n"] for row in db["t"].rows] == [1]
    assert db.table_names() == ["t"]


def test_a_store_over_sqlite_utils_own_database_keeps_it() -> None:
    from sqlite_utils import Database as Full

    full = Full(memory=True)
    store = Store(full)
    assert store.db.full is full and store.db.conn is full.conn


def test_a_database_whose_migrations_are_recorded_needs_no_migrations_set(
        tmp_path: Path) -> None:
    Store.open(tmp_path / "kiosk.db").close()
    conn = sqlite3.connect(tmp_path / "kiosk.db")
    assert schema._up_to_date(conn)
    conn.execute("delete from _sqlite_migrations where name = 'm009_list_order'")
    conn.commit()
    assert not schema._up_to_date(conn)
    conn.close()


def test_opening_an_up_to_date_database_does_not_import_sqlite_utils(tmp_path: Path) -> None:
    Store.open(tmp_path / "kiosk.db").close()
    code = ("import sys; from pathlib import Path; from kiosk.directory.store import Store; "
            "s = Store.open(Path(sys.argv[1])); s.categories(); s.close(); "
            "print('sqlite_utils' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "kiosk.db")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("make", [Database.memory, lambda: Store.memory().db])
def test_triggers_fire_as_under_sqlite_utils(make: Callable[[], Database]) -> None:
    """REPLACE deletes the row it replaces through the delete triggers, before sqlite-utils
    is ever loaded, as after."""
    db = make()
    assert db.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
    db.execute("create table t (id integer primary key, v)")
    db.execute("create table gone (id)")
    db.execute("create trigger t_del after delete on t begin "
               "insert into gone values (old.id); end")
    db.execute("insert into t values (1, 'a')")
    db.execute("insert or replace into t values (1, 'b')")
    assert db.execute("select id from gone").fetchall() == [(1,)]
