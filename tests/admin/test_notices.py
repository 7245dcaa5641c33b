"""Notices for staff: a damaged database restored at start-up, and any other message the
kiosk left, show as a banner when the admin opens until someone taps "Seen"; the Notices
section lists them all."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.admin.notices import NoticesModel
from kiosk.backups import add_notice, backup_now
from kiosk.datadir import open_data_dir
from kiosk.directory.settings import Settings
from kiosk.paths import database_path
from kiosk.staff import notices
from kiosk.staff.pin import PinGuard
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import FIXTURE, child, tap
from tests.windows import PIN, Clock, sign_in


def lock(qtbot: QtBot, shell: AdminShell) -> None:
    tap(qtbot, child(shell.screen, "admin-leave"))
    qtbot.waitUntil(lambda: shell.is_locked)


def banner_visible(shell: AdminShell) -> bool:
    return child(shell.screen, "notice-banner").isVisible()


def test_a_restored_database_is_told_to_staff_until_seen(qtbot: QtBot,
                                                         fresh_data_dir: Path) -> None:
    from kiosk.app import create_main_window

    store = open_data_dir(fresh_data_dir, bundled=FIXTURE)
    PinGuard(Settings(store)).set_pin(PIN)
    backup_now(store, fresh_data_dir, "daily")
    store.close()
    db = database_path(fresh_data_dir)
    for side in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        side.unlink(missing_ok=True)
    db.write_bytes(b"this is not a database, the disk went bad " * 500)

    window = create_main_window(fresh_data_dir)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.store.resource("windham-clinic") is not None  # the backup is back
        shell = sign_in(window)
        assert banner_visible(shell)
        banner = child(shell.screen, "notice-banner")
        assert banner.property("level") == "warning"
        text = child(banner, "notice-text").text()
        assert "The kiosk's database was damaged" in text
        assert "was restored" in text
        assert child(banner, "notice-heading").text() == "Please read: notice for staff"
        picture = banner.grab().toImage()
        assert picture.pixelColor(4, picture.height() // 2).name() == "#b5651d"  # calm amber edge

        tap(qtbot, child(banner, "notice-seen"))
        qtbot.waitUntil(lambda: not banner.isVisible())
        assert notices.unseen(window.store) == []
        lock(qtbot, shell)

        again = sign_in(window)
        assert not banner_visible(again)
        again.screen.go("notices")
        table = child(again.screen, "notices-table")
        model = table.model()
        assert model.rowCount() == 1
        assert "The kiosk's database was damaged" in model.index(0, 2).data()
        assert model.index(0, 3).data() == "Yes"
        lock(qtbot, again)
    finally:
        window._may_close = True  # type: ignore[attr-defined]
        window.close()
        window.store.close()  # type: ignore[attr-defined]


def test_a_notice_added_while_the_admin_is_closed_shows_on_the_next_open(
        qtbot: QtBot, window: KioskWindow, clock: Clock) -> None:
    shell = sign_in(window, clock=clock)
    assert not banner_visible(shell)
    lock(qtbot, shell)

    clock.advance(60)
    add_notice(window.store, "Update bundle 2026-11-20 applied: 3 entries changed.")
    clock.advance(60)
    add_notice(window.store, "An update bundle was refused: its signature is not from the "
                            "trusted key.", "warning")
    shell = sign_in(window, clock=clock)
    assert banner_visible(shell)
    banner = child(shell.screen, "notice-banner")
    assert child(banner, "notice-heading").text() == "2 notices for staff"
    assert child(banner, "notice-text").text().splitlines() == [
        "2026-11-23 10:02  An update bundle was refused: its signature is not from the "
        "trusted key.",
        "2026-11-23 10:01  Update bundle 2026-11-20 applied: 3 entries changed."]
    assert banner.property("level") == "warning"

    tap(qtbot, child(shell.screen, "nav-notices"))
    table = child(shell.screen, "notices-table")
    assert table.isVisible()
    model = table.model()
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "Warning", "Information"]
    assert [model.index(r, 3).data() for r in range(model.rowCount())] == ["Not yet"] * 2
    tap(qtbot, child(banner, "notice-seen"))
    qtbot.waitUntil(lambda: not banner.isVisible())
    assert [model.index(r, 3).data() for r in range(model.rowCount())] == ["Yes"] * 2
    lock(qtbot, shell)
    shell = sign_in(window, clock=clock)
    assert not banner_visible(shell)


def test_seen_marks_only_what_the_banner_showed(qtbot: QtBot, window: KioskWindow,
                                                clock: Clock) -> None:
    add_notice(window.store, "First.")
    shell = sign_in(window, clock=clock)
    add_notice(window.store, "Arrived while staff were reading.")
    banner = child(shell.screen, "notice-banner")
    tap(qtbot, child(banner, "notice-seen"))
    assert [n.text for n in notices.unseen(window.store)] == ["Arrived while staff were reading."]
    assert banner.isVisible()  # the newer one is shown now
    assert child(banner, "notice-text").text().endswith("Arrived while staff were reading.")


def test_notices_model(qtmodeltester, window: KioskWindow, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    model = NoticesModel()
    qtmodeltester.check(model)
    for i in range(3):
        clock.advance(1)
        add_notice(window.store, f"Notice {i} <b>not bold</b>", "warning" if i else "info")
    model.set_rows(notices.all_notices(window.store))
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, 2).data() == "Notice 2 <b>not bold</b>"
