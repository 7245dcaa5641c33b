"""The deep check of the database runs after the first frame, on a thread, and damage it
finds there is recovered as at start-up: the file set aside, the newest good backup back in
place, staff told, every screen made again over the restored directory."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import backups
from kiosk.app import create_main_window
from kiosk.datadir import open_data_dir
from kiosk.directory.store import Store
from kiosk.paths import database_path

PLACE = "united-way-211"


def first_name(store: Store) -> str:
    (name,) = store.db.execute("select name_en from resources where id = ?",
                               [PLACE]).fetchone()
    return str(name)


def rename_first(store: Store, name: str) -> None:
    store.db.execute("update resources set name_en = ? where id = ?", [name, PLACE])


def damage_an_index(path: Path, index: str = "idx_changes_batch") -> None:
    """Garbage over one index's root page: the file still opens and shows its directory
    (nothing a visitor's first screen reads is touched), but quick_check fails."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("select rootpage from sqlite_master where name = ?",
                               [index]).fetchone()
    finally:
        conn.close()
    with path.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xa5" * page_size)


def test_damage_found_after_the_first_frame_is_recovered_and_staff_told(
        qtbot: QtBot, fresh_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_data_dir(fresh_data_dir)
    rename_first(store, "In the good backup")
    backups.backup_now(store, fresh_data_dir, "good")
    rename_first(store, "Only in the damaged file")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = database_path(fresh_data_dir)
    damage_an_index(path)
    assert backups.examine(path, deep=False).state == "sound"
    assert backups.examine(path, deep=True).state == "damaged"

    looks: list[tuple[bool, str]] = []
    examine = backups.examine

    def watched(looked_at: Path, deep: bool = True) -> backups.Health:
        if looked_at == path:  # not the backups, which recovery checks before taking one
            looks.append((deep, threading.current_thread().name))
        return examine(looked_at, deep)

    monkeypatch.setattr(backups, "examine", watched)
    window = create_main_window(fresh_data_dir, windowed=True)
    qtbot.addWidget(window)
    # Before the first frame: only the structure was looked at, on the UI thread, and
    # the kiosk opened the file as it found it.
    assert looks == [(False, threading.current_thread().name)]
    assert first_name(window.store) == "Only in the damaged file"
    with qtbot.waitSignal(window.first_frame, timeout=5000):
        window.show()
    window.open_resource(PLACE)  # a visit under way
    assert window.current[0] == "resource"

    qtbot.waitUntil(lambda: bool(list(fresh_data_dir.glob("kiosk.db.damaged-*"))),
                    timeout=15000)
    qtbot.waitUntil(lambda: window.current == ("home", ""), timeout=5000)
    # The deep look ran on its own thread.
    deep = [name for wanted, name in looks if wanted]
    assert deep and all(name.startswith("database-check") for name in deep)
    # The restored directory, under the same store the screens hold.
    assert first_name(window.store) == "In the good backup"
    assert backups.examine(path, deep=True).state == "sound"
    texts = [t for (t,) in window.store.db.execute("select text from notices")]
    aside = list(fresh_data_dir.glob("kiosk.db.damaged-*"))
    assert len(aside) == 1
    assert any("damaged" in t and aside[0].name in t and "was restored" in t for t in texts)
    # The visit was forgotten; screens are made again over the restored directory.
    assert window.history == []
    window.open_resource(PLACE)
    assert window.current[0] == "resource"
    window._may_close = True
    window.close()
    window.store.close()


def test_a_sound_database_is_checked_after_the_first_frame_and_left_alone(
        qtbot: QtBot, fresh_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_data_dir(fresh_data_dir).close()
    for made in backups.list_backups(fresh_data_dir):
        made.unlink()  # the day's backup is due again: it is made on the thread
    path = database_path(fresh_data_dir)
    looks: list[tuple[bool, str]] = []
    examine = backups.examine

    def watched(looked_at: Path, deep: bool = True) -> backups.Health:
        if looked_at == path:
            looks.append((deep, threading.current_thread().name))
        return examine(looked_at, deep)

    monkeypatch.setattr(backups, "examine", watched)
    window = create_main_window(fresh_data_dir, windowed=True)
    qtbot.addWidget(window)
    assert backups.list_backups(fresh_data_dir) == []  # not before the first frame
    with qtbot.waitSignal(window.first_frame, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: len(backups.list_backups(fresh_data_dir)) == 1, timeout=15000)
    assert [deep for deep, _ in looks] == [False, True]
    assert looks[1][1].startswith("database-check")
    assert not list(fresh_data_dir.glob("kiosk.db.damaged-*"))
    window._may_close = True
    window.close()
    window.store.close()
