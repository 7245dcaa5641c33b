"""Backups, restore, and recovery from a damaged database at start-up."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from kiosk import backups
from kiosk.cli import main
from kiosk.datadir import open_data_dir
from kiosk.directory.store import Store
from kiosk.errors import KnownError
from kiosk.paths import database_path


class Clock:
    def __init__(self, when: dt.datetime) -> None:
        self.when = when

    def __call__(self) -> dt.datetime:
        return self.when


def names(store: Store) -> list[str]:
    return [r.name.get("en") for r in store.resources()]


def rename_first(store: Store, name: str) -> None:
    first = store.resources()[0]
    store.db.execute("update resources set name_en = ? where id = ?", [name, first.id])


def notices(data_dir: Path) -> list[str]:
    conn = sqlite3.connect(database_path(data_dir))
    try:
        return [r[0] for r in conn.execute("select text from notices order by id")]
    finally:
        conn.close()


def test_backup_is_a_whole_copy_and_only_the_newest_14_are_kept(
        fresh_data_dir: Path, sample_dir: Path) -> None:
    clock = Clock(dt.datetime(2026, 3, 1, 9, 0))
    store = open_data_dir(fresh_data_dir, bundled=sample_dir, clock=clock)
    before = names(store)
    made = []
    for day in range(20):
        clock.when = dt.datetime(2026, 3, 1, 9, 0) + dt.timedelta(days=day, minutes=day)
        made.append(backups.backup_now(store, fresh_data_dir, "before import"))
    kept = backups.list_backups(fresh_data_dir)
    assert kept == list(reversed(made[-14:]))
    assert all(not p.exists() for p in made[:6])
    assert kept[0].name.endswith("-before-import.db")
    copy = Store.open(kept[0])
    assert names(copy) == before
    copy.close()
    assert backups.problem_of(kept[0]) is None
    assert not list(backups.backup_dir(fresh_data_dir).glob("*-wal"))


def test_two_backups_in_the_same_instant_do_not_overwrite(
        fresh_data_dir: Path, sample_dir: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir,
                          clock=Clock(dt.datetime(2026, 3, 1, 9, 0)))
    one = backups.backup_now(store, fresh_data_dir, "a")
    two = backups.backup_now(store, fresh_data_dir, "a")
    assert one != two and one.exists() and two.exists()


def test_daily_backup_once_a_day(fresh_data_dir: Path, sample_dir: Path) -> None:
    clock = Clock(dt.datetime(2026, 3, 1, 9, 0))
    store = open_data_dir(fresh_data_dir, bundled=sample_dir, clock=clock)
    assert len(backups.list_backups(fresh_data_dir)) == 1  # opening took the first
    assert backups.daily_backup_if_due(store, fresh_data_dir) is None
    clock.when += dt.timedelta(hours=23)
    assert backups.daily_backup_if_due(store, fresh_data_dir) is None
    clock.when += dt.timedelta(hours=2)
    made = backups.daily_backup_if_due(store, fresh_data_dir)
    assert made is not None and made.name.endswith("-daily.db")
    assert len(backups.list_backups(fresh_data_dir)) == 2


def test_restore_brings_back_the_old_directory(fresh_data_dir: Path, sample_dir: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    before = names(store)
    saved = backups.backup_now(store, fresh_data_dir)
    rename_first(store, "Changed after the backup")
    assert "Changed after the backup" in names(store)
    store.close()
    backups.restore(fresh_data_dir, saved)
    assert not Path(str(database_path(fresh_data_dir)) + "-wal").exists()
    again = Store.open(database_path(fresh_data_dir))
    assert names(again) == before


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
        fresh_data_dir: Path, sample_dir: Path, tmp_path: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    before = names(store)
    store.close()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(KnownError, match="damaged or not a kiosk database"):
        backups.restore(fresh_data_dir, bad)
    assert names(Store.open(database_path(fresh_data_dir))) == before


def damage_with_garbage(path: Path) -> None:
    path.write_bytes(b"\x00garbage\xff" * 5000)


def damage_by_truncation(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def damage_in_the_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(4096, min(len(data), 4096 * 6)):
        data[i] = 0xA5
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [damage_with_garbage, damage_by_truncation,
                                    damage_in_the_middle])
def test_a_damaged_database_is_set_aside_and_the_newest_good_backup_restored(
        fresh_data_dir: Path, sample_dir: Path, damage: object) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    rename_first(store, "In the older backup")
    older = backups.backup_now(store, fresh_data_dir, "older")
    rename_first(store, "In the newest backup")
    backups.backup_now(store, fresh_data_dir, "newest")
    expected = names(store)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    # The newest backup is itself damaged: recovery must skip it and take the next.
    newest_good = backups.list_backups(fresh_data_dir)[0]
    extra = backups.backup_dir(fresh_data_dir) / "kiosk-29991231-000000-000000-broken.db"
    extra.write_bytes(b"broken")
    db = database_path(fresh_data_dir)
    damage(db)  # type: ignore[operator]
    assert backups.problem_of(db) is not None

    reopened = open_data_dir(fresh_data_dir, bundled=sample_dir)
    assert names(reopened) == expected
    assert newest_good != older
    aside = list(fresh_data_dir.glob("kiosk.db.damaged-*"))
    assert len(aside) == 1
    texts = [t for (t,) in reopened.db.execute("select text from notices")]
    assert len(texts) == 1
    assert "damaged" in texts[0] and aside[0].name in texts[0]
    assert "was restored" in texts[0]


def test_damaged_without_backups_starts_again_from_the_bundled_directory(
        fresh_data_dir: Path, sample_dir: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    expected = names(store)
    store.close()
    for b in backups.list_backups(fresh_data_dir):
        b.unlink()
    damage_with_garbage(database_path(fresh_data_dir))
    message = backups.check_and_recover(fresh_data_dir)
    assert message is not None and "no good backup" in message
    reopened = open_data_dir(fresh_data_dir, bundled=sample_dir)
    assert names(reopened) == expected
    assert notices(fresh_data_dir) == [message]


def test_a_sound_database_is_left_alone(fresh_data_dir: Path, sample_dir: Path) -> None:
    open_data_dir(fresh_data_dir, bundled=sample_dir).close()
    assert backups.check_and_recover(fresh_data_dir) is None
    assert not list(fresh_data_dir.glob("kiosk.db.damaged-*"))


def test_command_line_backup_list_and_restore(
        fresh_data_dir: Path, sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    before = names(store)
    store.close()
    assert main(["--data-dir", str(fresh_data_dir), "backup"]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.exists() and made.name.endswith("-manual.db")
    store = Store.open(database_path(fresh_data_dir))
    rename_first(store, "Wrong number entered by mistake")
    store.close()

    assert main(["--data-dir", str(fresh_data_dir), "restore", str(made)]) == 0
    out = capsys.readouterr().out
    assert "saved as" in out and f"Restored {made.name}." in out
    store = Store.open(database_path(fresh_data_dir))
    assert names(store) == before
    assert main(["--data-dir", str(fresh_data_dir), "backup", "--list"]) == 0
    listed = capsys.readouterr().out.split()
    assert str(made) in listed and any("before-restore" in p for p in listed)
    texts = [t for (t,) in store.db.execute("select text from notices")]
    assert texts == [f"The database was restored from the backup {made.name}."]


def test_command_line_restore_of_garbage_is_one_sentence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.db"
    bad.write_text("hello")
    assert main(["restore", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}: this is not a usable backup") and "Traceback" not in err


def test_any_command_after_a_damaged_file_finds_the_directory_restored(
        fresh_data_dir: Path, sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    damage_by_truncation(database_path(fresh_data_dir))
    assert main(["stats"]) == 0
    out, err = capsys.readouterr()
    assert "resources: 2" in out and err == ""
    assert len(list(fresh_data_dir.glob("kiosk.db.damaged-*"))) == 1
    assert any("was restored" in t for t in notices(fresh_data_dir))
