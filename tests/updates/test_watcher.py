"""The update folder watcher: applies a newer signed bundle between visitors, once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.datadir import open_data_dir
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.updates import bundle, keys
from kiosk.updates.watcher import InputQuiet, UpdateWatcher
from tests.directory.helpers import directory_file, resource_yaml


@pytest.fixture
def key(tmp_path: Path) -> Path:
    return keys.generate(tmp_path / "keys" / "publisher.pem")[0]


@pytest.fixture
def kiosk(fresh_data_dir: Path, sample_dir: Path, key: Path) -> Store:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    Settings(store).set("trusted_key", keys.public_path(key).read_text())
    return store


def make_bundle(tmp_path: Path, key: Path, version: int, number: str) -> Path:
    body = resource_yaml("clinic", "Clinic", "Clínica").replace("(860) 555-0100", number)
    source = directory_file(tmp_path / f"src-{version}", body)
    out = tmp_path / "made" / f"update-{version}.kiosk-bundle"
    bundle.build(source, key, out, version=version, publisher="Region")
    return out


def clinic_number(store: Store) -> str:
    clinic = store.resource("clinic")
    assert clinic is not None
    return clinic.phones[0].number


def notices(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("select text from notices order by id")]


def watcher_for(store: Store, data_dir: Path, folder: Path, idle: list[bool]) -> UpdateWatcher:
    watcher = UpdateWatcher(store, data_dir, folder, lambda: idle[0], interval_ms=150,
                            settle_ms=50, retry_ms=50)
    watcher.start()
    return watcher


def test_a_newer_bundle_dropped_in_the_folder_is_applied_when_idle(
        qtbot: QtBot, kiosk: Store, key: Path, tmp_path: Path, fresh_data_dir: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    watcher = watcher_for(kiosk, fresh_data_dir, folder, [True])
    made = make_bundle(tmp_path, key, 7, "(860) 555-0142")
    with qtbot.waitSignal(watcher.applied, timeout=5000) as applied:
        shutil.copy(made, folder / made.name)
    assert "version 7 from Region" in applied.args[0]
    assert clinic_number(kiosk) == "+18605550142"
    assert bundle.applied_version(kiosk) == 7
    assert notices(kiosk) == [applied.args[0]]
    watcher.stop()


def test_never_in_the_middle_of_a_visit(qtbot: QtBot, kiosk: Store, key: Path,
                                         tmp_path: Path, fresh_data_dir: Path) -> None:
    folder = tmp_path / "sync"
    folder.mkdir()
    shutil.copy(make_bundle(tmp_path, key, 2, "(860) 555-0142"), folder)
    idle = [False]
    watcher = watcher_for(kiosk, fresh_data_dir, folder, idle)
    qtbot.waitUntil(lambda: watcher.waiting, timeout=5000)
    qtbot.wait(400)  # several periodic checks while the visitor is still there
    assert clinic_number(kiosk) == "+18605550100"
    with qtbot.waitSignal(watcher.applied, timeout=5000):
        idle[0] = True
    assert clinic_number(kiosk) == "+18605550142"
    watcher.stop()


def test_a_bad_bundle_gives_one_notice_not_one_per_check(
        qtbot: QtBot, kiosk: Store, key: Path, tmp_path: Path, fresh_data_dir: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    data = bytearray(make_bundle(tmp_path, key, 3, "(860) 555-0142").read_bytes())
    data[-20] ^= 0x01
    watcher = watcher_for(kiosk, fresh_data_dir, folder, [True])
    with qtbot.waitSignal(watcher.refused, timeout=5000) as refused:
        (folder / "evil.kiosk-bundle").write_bytes(bytes(data))
    assert "changed after it was signed" in refused.args[0]
    qtbot.wait(800)  # five more periodic checks
    assert len(notices(kiosk)) == 1
    assert notices(kiosk)[0].startswith(f"An update in {folder} was not applied: "
                                        "evil.kiosk-bundle: this bundle was changed")
    assert clinic_number(kiosk) == "+18605550100"
    watcher.stop()


def test_older_bundles_left_in_a_synced_folder_are_ignored_quietly(
        qtbot: QtBot, kiosk: Store, key: Path, tmp_path: Path, fresh_data_dir: Path) -> None:
    folder = tmp_path / "sync"
    folder.mkdir()
    for version, number in ((1, "(860) 555-0111"), (2, "(860) 555-0122")):
        shutil.copy(make_bundle(tmp_path, key, version, number), folder)
    watcher = watcher_for(kiosk, fresh_data_dir, folder, [True])
    with qtbot.waitSignal(watcher.applied, timeout=5000) as applied:
        pass
    assert "version 2" in applied.args[0]  # the newest, straight away
    qtbot.wait(600)
    assert clinic_number(kiosk) == "+18605550122"
    assert len(notices(kiosk)) == 1
    watcher.stop()


def look(qtbot: QtBot, watcher: UpdateWatcher) -> None:
    """One look at the folder, waited for (the look itself runs on a worker thread)."""
    with qtbot.waitSignal(watcher.scanned, timeout=5000):
        watcher.check()


def test_a_bundle_still_being_copied_is_not_called_truncated(
        qtbot: QtBot, kiosk: Store, key: Path, tmp_path: Path, fresh_data_dir: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    data = make_bundle(tmp_path, key, 4, "(860) 555-0142").read_bytes()
    owner = QPushButton()
    qtbot.addWidget(owner)
    watcher = UpdateWatcher(kiosk, fresh_data_dir, folder, lambda: True, interval_ms=60_000,
                            settle_ms=60_000, parent=owner)
    target = folder / "update.kiosk-bundle"
    target.write_bytes(data[: len(data) // 2])
    look(qtbot, watcher)  # first look: size noted, not judged
    target.write_bytes(data)
    look(qtbot, watcher)  # it grew: still settling
    assert notices(kiosk) == []
    with qtbot.waitSignal(watcher.applied, timeout=5000):
        watcher.check()
    assert clinic_number(kiosk) == "+18605550142"


def test_a_stick_plugged_in_later_is_found_by_the_periodic_check(
        qtbot: QtBot, kiosk: Store, key: Path, tmp_path: Path, fresh_data_dir: Path) -> None:
    folder = tmp_path / "media" / "USBSTICK"
    watcher = watcher_for(kiosk, fresh_data_dir, folder, [True])
    qtbot.wait(300)
    with qtbot.waitSignal(watcher.applied, timeout=5000):
        folder.mkdir(parents=True)
        shutil.copy(make_bundle(tmp_path, key, 9, "(860) 555-0142"), folder)
    assert str(folder) in watcher.files.directories()
    watcher.stop()


def test_input_quiet_counts_from_the_last_touch(qtbot: QtBot) -> None:
    now = [100.0]
    quiet = InputQuiet(clock=lambda: now[0])
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(quiet)
    try:
        button = QPushButton("x")
        qtbot.addWidget(button)
        button.show()
        now[0] = 160.0
        assert quiet.seconds() == 60.0
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        assert quiet.seconds() == 0.0
    finally:
        app.removeEventFilter(quiet)


def test_the_kiosk_window_applies_an_update_only_when_the_visitor_has_gone(
        qtbot: QtBot, fresh_data_dir: Path, sample_dir: Path, key: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk import app as app_module
    from kiosk.updates import watcher as watcher_module

    monkeypatch.setattr(watcher_module, "QUIET_S", 0.3)
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    folder = tmp_path / "sync"
    folder.mkdir()
    settings = Settings(store)
    settings.set("trusted_key", keys.public_path(key).read_text())
    settings.set("update_folder", str(folder))
    store.close()
    monkeypatch.setattr(app_module, "open_data_dir",
                        lambda d, **kw: open_data_dir(d, bundled=sample_dir, **kw))
    window = app_module.create_main_window(fresh_data_dir, windowed=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(UpdateWatcher) is not None)  # after the frame
    watcher = window.findChild(UpdateWatcher)
    assert watcher is not None and watcher.folder == folder
    watcher.settle.setInterval(50)
    watcher.retry.setInterval(50)
    # A visitor is reading a category when the update arrives.
    window.open_category("health")  # type: ignore[attr-defined]
    shutil.copy(make_bundle(tmp_path, key, 5, "(860) 555-0142"), folder)
    qtbot.waitUntil(lambda: watcher.waiting, timeout=5000)
    qtbot.wait(500)
    assert bundle.applied_version(window.store) == 0  # type: ignore[attr-defined]
    with qtbot.waitSignal(watcher.applied, timeout=5000):
        window.quick_exit()  # type: ignore[attr-defined]
    assert window.screen_name() == "home"  # type: ignore[attr-defined]
    assert clinic_number(window.store) == "+18605550142"  # type: ignore[attr-defined]


def test_a_long_running_kiosk_still_backs_up_once_a_day(
        qtbot: QtBot, fresh_data_dir: Path, sample_dir: Path) -> None:
    import datetime as dt

    from kiosk.backups import list_backups
    from kiosk.updates.watcher import start_daily_backups

    now = [dt.datetime(2026, 3, 1, 9, 0)]
    store = open_data_dir(fresh_data_dir, bundled=sample_dir, clock=lambda: now[0])
    assert len(list_backups(fresh_data_dir)) == 1  # the one taken at start-up
    parent = QPushButton()
    qtbot.addWidget(parent)
    start_daily_backups(parent, store, fresh_data_dir, interval_ms=20)
    qtbot.wait(100)
    assert len(list_backups(fresh_data_dir)) == 1
    now[0] += dt.timedelta(days=1, minutes=1)
    qtbot.waitUntil(lambda: len(list_backups(fresh_data_dir)) == 2, timeout=2000)
    qtbot.wait(100)
    assert len(list_backups(fresh_data_dir)) == 2
