"""SQLite's failures, raised for real, sorted into known errors (a sentence) and bugs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.directory.sql_errors import (
    DamagedDatabase,
    StorageError,
    at_the_border,
    kind_of,
    known_error,
)
from kiosk.directory.store import Store
from tests.backups.disks import small_disk


def _raised(action) -> BaseException:  # type: ignore[no-untyped-def]
    try:
        action()
    except (sqlite3.Error, OSError) as error:
        return error
    raise AssertionError("nothing was raised")


def test_a_full_disk_is_full(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 1024 * 1024) as disk:
        conn = sqlite3.connect(disk.path / "x.db")
        conn.execute("create table t (v blob)")
        error = _raised(lambda: [conn.execute("insert into t values (zeroblob(65536))")
                                 for _ in range(100)])
        conn.close()
        assert kind_of(error) == "full"
        known = known_error(error, disk.path / "x.db")
        assert isinstance(known, StorageError) and known.kind == "full"
        assert str(disk.path) in known.message and "Free some space" in known.message


def test_a_read_only_file_locked_file_and_garbage(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    conn = sqlite3.connect(path)
    conn.execute("create table t (v)")
    conn.commit()
    conn.close()
    ro = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert kind_of(_raised(lambda: ro.execute("insert into t values (1)"))) == "read-only"
    ro.close()

    holder = sqlite3.connect(path)
    holder.execute("begin exclusive")
    other = sqlite3.connect(path, timeout=0)
    assert kind_of(_raised(lambda: other.execute("select * from t").fetchall())) == "locked"
    holder.rollback()
    holder.close()
    other.close()

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 200)
    bad = sqlite3.connect(junk)
    error = _raised(lambda: bad.execute("select * from sqlite_master").fetchall())
    bad.close()
    assert isinstance(known_error(error, junk), DamagedDatabase)


def test_our_own_mistakes_stay_bugs(store: Store) -> None:
    with pytest.raises(sqlite3.OperationalError), at_the_border():
        store.db.execute("select nothing from nowhere")
    assert known_error(ValueError("a bug")) is None


def test_the_command_line_says_one_sentence_for_a_read_only_database(
        fresh_data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk import cli

    def write_to_read_only(_args: object) -> int:
        conn = sqlite3.connect(f"{(fresh_data_dir / 'x.db').as_uri()}?mode=rwc", uri=True)
        conn.execute("create table t (v)")
        conn.close()
        ro = sqlite3.connect(f"{(fresh_data_dir / 'x.db').as_uri()}?mode=ro", uri=True)
        ro.execute("insert into t values (1)")
        return 0

    fresh_data_dir.mkdir(parents=True)
    monkeypatch.setattr(cli, "cmd_stats", write_to_read_only)
    assert cli.main(["stats"]) == 1
    err = capsys.readouterr().err
    assert "cannot be written to" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
