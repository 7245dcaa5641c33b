"""A failing disk is not a damaged database: full, read-only and locked never move it aside,
and the kiosk keeps its directory. Empty, missing and foreign files are restored from the
newest good backup; an empty backup with a newer name is passed over."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import backups
from kiosk.datadir import open_data_dir
from kiosk.directory.store import Store
from kiosk.paths import database_path
from tests.backups.disks import SmallDisk, small_disk

START = dt.datetime(2026, 3, 2, 9, 0)


class Clock:
    def __init__(self, when: dt.datetime) -> None:
        self.when = when

    def __call__(self) -> dt.datetime:
        return self.when


def names(store: Store) -> list[str]:
    return sorted(r.name.get("en") for r in store.resources())


def own_files(data_dir: Path) -> dict[str, bytes]:
    """The data folder's files (SQLite's own -wal and -shm aside) and their content."""
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*"))
            if p.is_file() and p.name != "filler.bin" and not p.name.endswith(("-wal", "-shm"))}


def kiosk(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), *args],
                          input=stdin, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    with small_disk(tmp_path / "disk", 4 * 1024 * 1024) as made:
        yield made


def a_kiosk_on(disk: SmallDisk, sample_dir: Path, clock: Clock) -> tuple[Path, list[str]]:
    """A data folder on the small disk with a database edited by staff and one backup."""
    data_dir = disk.path
    store = open_data_dir(data_dir, bundled=sample_dir, clock=clock)
    first = store.resources()[0]
    store.db.execute("update resources set name_en = 'Edited by staff' where id = ?",
                     [first.id])
    expected = names(store)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return data_dir, expected


def test_kiosk_stats_on_a_full_disk_leaves_the_database_alone(
        disk: SmallDisk, sample_dir: Path) -> None:
    data_dir, expected = a_kiosk_on(disk, sample_dir, Clock(START))
    before = own_files(data_dir)
    disk.fill()
    result = kiosk(data_dir, "stats")
    assert "Traceback" not in result.stderr
    assert not list(data_dir.glob("kiosk.db.damaged-*"))
    assert not list(data_dir.glob("*.restoring"))
    assert own_files(data_dir) == before
    # Either the counts (read from the sound file) or one sentence about the disk.
    if result.returncode == 0:
        assert "resources: 2" in result.stdout
    else:
        assert result.returncode == 1 and "full" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    disk.free()
    store = open_data_dir(data_dir, bundled=sample_dir)
    assert names(store) == expected  # staff's edit, not the bundled directory
    store.close()


def test_the_kiosk_starts_on_a_full_disk_with_a_daily_backup_due(
        disk: SmallDisk, sample_dir: Path) -> None:
    clock = Clock(START)
    data_dir, expected = a_kiosk_on(disk, sample_dir, clock)
    clock.when += dt.timedelta(days=2)  # a daily backup is due
    disk.fill()
    store = open_data_dir(data_dir, bundled=sample_dir, clock=clock)
    assert names(store) == expected
    assert not list(backups.backup_dir(data_dir).glob("*.partial"))
    told = [t for (t,) in store.db.execute("select text from notices")] + [
        t for _at, _level, t in store.unsaved_notices]
    assert any("is full" in t for t in told), told
    store.close()


def test_an_import_with_little_space_left_leaves_no_partial_backup(
        disk: SmallDisk, sample_dir: Path, tmp_path: Path) -> None:
    data_dir, expected = a_kiosk_on(disk, sample_dir, Clock(START))
    new = tmp_path / "new"
    shutil.copytree(sample_dir, new)
    text = (new / "directory.yaml").read_text(encoding="utf-8")
    (new / "directory.yaml").write_text(text.replace("Call any time.", "Call day or night."),
                                        encoding="utf-8")
    size = database_path(data_dir).stat().st_size
    disk.fill(leave=size // 2)  # room for half a backup
    result = kiosk(data_dir, "import", str(new))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert "full" in result.stderr
    assert not list(backups.backup_dir(data_dir).glob("*.partial*"))
    assert disk.free_bytes() >= size // 4  # the failed copy gave its space back
    disk.free()
    store = Store.open(database_path(data_dir))
    assert names(store) == expected
    store.close()


def test_a_read_only_disk_still_shows_the_directory(disk: SmallDisk, sample_dir: Path) -> None:
    data_dir, expected = a_kiosk_on(disk, sample_dir, Clock(START))
    disk.read_only()
    try:
        result = kiosk(data_dir, "stats")
        assert result.returncode == 0, result.stderr
        assert "resources: 2" in result.stdout and "Traceback" not in result.stderr
        result = kiosk(data_dir, "set-pin", stdin="86420864\n")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr and "cannot be written" in result.stderr
        assert not list(data_dir.glob("kiosk.db.damaged-*"))
    finally:
        disk.writable()
    store = open_data_dir(data_dir, bundled=sample_dir)
    assert names(store) == expected
    store.close()


def test_a_locked_database_is_not_moved_aside(fresh_data_dir: Path, sample_dir: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    expected = names(store)
    store.close()
    holder = sqlite3.connect(database_path(fresh_data_dir), timeout=0)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("begin exclusive")
    holder.execute("update settings set value = value")
    try:
        backups.check_and_recover(fresh_data_dir)
        assert not list(fresh_data_dir.glob("kiosk.db.damaged-*"))
    finally:
        holder.rollback()
        holder.close()
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    assert names(store) == expected


def _make_missing(path: Path) -> None:
    path.unlink()


def _make_empty(path: Path) -> None:
    path.write_bytes(b"")


def _make_foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("create table photos (id integer primary key, taken text)")
    conn.execute("insert into photos (taken) values ('2026-03-01')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("spoil", [_make_missing, _make_empty, _make_foreign],
                         ids=["missing", "empty", "foreign"])
def test_a_missing_empty_or_foreign_database_is_restored_from_the_backups(
        fresh_data_dir: Path, sample_dir: Path, spoil: object) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    first = store.resources()[0]
    store.db.execute("update resources set name_en = 'Edited by staff' where id = ?",
                     [first.id])
    expected = names(store)
    backups.backup_now(store, fresh_data_dir, "before import")
    store.close()
    for side in ("-wal", "-shm"):
        Path(str(database_path(fresh_data_dir)) + side).unlink(missing_ok=True)
    spoil(database_path(fresh_data_dir))  # type: ignore[operator]

    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    assert names(store) == expected  # not the bundled directory
    texts = [t for (t,) in store.db.execute("select text from notices")]
    assert any("was restored" in t for t in texts), texts
    store.close()


def test_an_empty_backup_with_the_newest_name_is_passed_over(
        fresh_data_dir: Path, sample_dir: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    first = store.resources()[0]
    store.db.execute("update resources set name_en = 'In the good backup' where id = ?",
                     [first.id])
    expected = names(store)
    backups.backup_now(store, fresh_data_dir, "good")
    store.close()
    folder = backups.backup_dir(fresh_data_dir)
    (folder / "kiosk-29991231-000000-000000-daily.db").write_bytes(b"")
    empty_schema = folder / "kiosk-29991230-000000-000000-daily.db"
    Store.open(empty_schema).close()  # a kiosk database with nothing in it
    database_path(fresh_data_dir).write_bytes(b"\x00garbage\xff" * 5000)

    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    assert names(store) == expected
    store.close()


def test_staff_see_the_reason_even_when_the_database_cannot_take_a_notice(
        disk: SmallDisk, sample_dir: Path) -> None:
    from kiosk.staff.notices import mark_seen, unseen

    data_dir, expected = a_kiosk_on(disk, sample_dir, Clock(START))
    disk.read_only()
    try:
        store = open_data_dir(data_dir, bundled=sample_dir)
        assert store.read_only and names(store) == expected
        shown = unseen(store)
        assert len(shown) == 1 and "cannot be written to" in shown[0].text
        assert mark_seen(store, [shown[0].id]) == 1 and unseen(store) == []
        store.close()
    finally:
        disk.writable()


def test_an_unreadable_database_still_shows_the_bundled_directory(
        disk: SmallDisk, sample_dir: Path) -> None:
    from kiosk.directory.sql_errors import DamagedDatabase, StorageError
    from kiosk.staff.notices import unseen

    other = open_data_dir(disk.path / "other", bundled=sample_dir)
    bundled = names(other)
    other.close()
    data_dir = disk.path / "data"
    data_dir.mkdir()
    database_path(data_dir).write_bytes(b"")  # nothing to read, and no backups
    disk.read_only()
    try:
        with pytest.raises((StorageError, DamagedDatabase)):
            open_data_dir(data_dir, bundled=sample_dir)  # a command gets the sentence
        store = open_data_dir(data_dir, bundled=sample_dir, in_memory_if_unreadable=True)
    finally:
        disk.writable()
    assert names(store) == bundled and store.read_only
    assert any("saves nothing" in n.text for n in unseen(store))
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("update resources set name_en = 'lost on restart'")
    store.close()


def test_a_folder_in_the_database_s_place_is_moved_aside_and_a_backup_restored(
        fresh_data_dir: Path, sample_dir: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    expected = names(store)
    backups.backup_now(store, fresh_data_dir)
    store.close()
    for side in ("", "-wal", "-shm"):
        Path(str(database_path(fresh_data_dir)) + side).unlink(missing_ok=True)
    database_path(fresh_data_dir).mkdir()
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    assert names(store) == expected
    assert len(list(fresh_data_dir.glob("kiosk.db.foreign-*"))) == 1
    store.close()


def test_set_pin_on_a_full_disk_says_the_disk_is_full(disk: SmallDisk,
                                                      sample_dir: Path) -> None:
    data_dir, _ = a_kiosk_on(disk, sample_dir, Clock(START))
    (data_dir / "kiosk-state.db").unlink(missing_ok=True)
    disk.fill()
    result = kiosk(data_dir, "set-pin", stdin="86420864\n")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is full" in result.stderr and "The PIN was not changed." in result.stderr
