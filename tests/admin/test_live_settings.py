"""Every setting takes effect when it is saved, without a restart: each test changes one on
the Settings page by touch, saves, and sees the kiosk behave differently."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.printing.kiosk_print import PrintPreview
from kiosk.ui import palette
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import child, tap, tap_row_of
from tests.services.cups import PrintQueue
from tests.windows import Clock, sign_in


def _settings(qtbot: QtBot, admin: AdminShell):  # type: ignore[no-untyped-def]
    tap(qtbot, child(admin.screen, "nav-settings"))
    return admin.screen.settings_page


def _save_and_leave(qtbot: QtBot, admin: AdminShell) -> None:
    tap(qtbot, child(admin.screen.settings_page, "settings-save"))
    tap(qtbot, child(admin, "admin-leave"))
    assert admin.is_locked


def _step_to(qtbot: QtBot, page, name: str, value: int) -> None:  # type: ignore[no-untyped-def]
    """Tap "-" or "+" until the stepper shows `value`."""
    stepper = child(page, f"{name}-stepper")
    while stepper.value() != value:  # type: ignore[attr-defined]
        tap(qtbot, child(page, f"{name}-less" if stepper.value() > value  # type: ignore[attr-defined]
                         else f"{name}-more"))


def test_idle_time_applies_from_the_save_and_after_start_over(
        qtbot: QtBot, admin: AdminShell, window: KioskWindow) -> None:
    assert window.idle.idle_timer.interval() == 90_000
    page = _settings(qtbot, admin)
    _step_to(qtbot, page, "settings-idle-timeout", 30)
    tap(qtbot, child(page, "settings-save"))
    assert page.message.text().startswith("Saved.")
    # At once, before staff even leave: the quiet spell counts 30 s from now.
    assert window.idle.timeout_s == 30
    assert window.idle.idle_timer.interval() == 30_000
    assert window.idle.idle_timer.remainingTime() < 31_000  # not the 90 s it had left
    tap(qtbot, child(admin, "admin-leave"))
    window.open_category("health")
    window.quick_exit()  # "Start over"
    assert window.idle.idle_timer.interval() == 30_000 and window.idle.idle_timer.isActive()


def test_still_there_time_is_the_new_countdown(qtbot: QtBot, admin: AdminShell,
                                               window: KioskWindow) -> None:
    page = _settings(qtbot, admin)
    _step_to(qtbot, page, "settings-still-there", 10)
    _save_and_leave(qtbot, admin)
    window.open_category("health")  # someone is using the kiosk
    window.idle.ask.emit()  # ... and stops touching it
    assert window.still_there.isVisible()
    assert window.still_there.countdown.text() == "Starting over in 10 seconds."
    assert window.idle.still_there_s == 10


def test_language_at_the_start(qtbot: QtBot, admin: AdminShell, window: KioskWindow) -> None:
    page = _settings(qtbot, admin)
    tap(qtbot, child(page, "settings-default-lang-es"))
    tap(qtbot, child(page, "settings-save"))
    assert window.lang == "en"  # staff are still working in English
    tap(qtbot, child(admin, "admin-leave"))
    # Nobody was using the kiosk: the next visitor meets Spanish at once.
    assert window.lang == "es" and window.screen_name() == "home"
    qtbot.waitUntil(lambda: window.home.help_title.text() == "Ayuda ahora mismo")
    window.toggle_language()  # a visitor switches to English ...
    window.quick_exit()  # ... and leaves: the next one starts in Spanish again
    assert window.lang == "es"


def test_a_visit_under_way_keeps_its_language_until_it_ends(
        qtbot: QtBot, window: KioskWindow, clock: Clock) -> None:
    window.open_category("health")  # a visitor asked staff for help mid-visit
    admin = sign_in(window, clock=clock)
    page = _settings(qtbot, admin)
    tap(qtbot, child(page, "settings-default-lang-es"))
    _save_and_leave(qtbot, admin)
    assert window.lang == "en"
    window.quick_exit()
    assert window.lang == "es"


def test_text_size_at_the_start(qtbot: QtBot, admin: AdminShell, window: KioskWindow) -> None:
    before = window.home.help_title.font().pixelSize()
    page = _settings(qtbot, admin)
    tap(qtbot, child(page, "settings-text-size-2"))
    _save_and_leave(qtbot, admin)
    assert window.theme.text_step == 2
    qtbot.waitUntil(lambda: window.home.help_title.font().pixelSize() > before)
    assert window.home.help_title.font().pixelSize() == round(before * 1.4)


def test_high_contrast_at_the_start(qtbot: QtBot, admin: AdminShell,
                                    window: KioskWindow) -> None:
    page = _settings(qtbot, admin)
    tap(qtbot, child(page, "settings-high-contrast"))
    _save_and_leave(qtbot, admin)
    assert window.theme.high_contrast
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window_colour = app.palette().color(QPalette.ColorRole.Window).name().lower()
    assert window_colour == palette.colors(True)["bg"].lower()
    assert window_colour != palette.colors(False)["bg"].lower()


def test_discreet_sheets_by_default(qtbot: QtBot, admin: AdminShell,
                                    window: KioskWindow) -> None:
    page = _settings(qtbot, admin)
    assert child(page, "settings-discreet").isChecked()  # type: ignore[attr-defined]
    tap(qtbot, child(page, "settings-discreet"))
    _save_and_leave(qtbot, admin)
    window.handout.add("windham-clinic")
    window.open_handout()
    tap(qtbot, window.findChild(QPushButton, "print-handout"))
    qtbot.waitUntil(lambda: window.findChild(PrintPreview, "print-preview") is not None)
    preview = window.findChild(PrintPreview, "print-preview")
    assert preview is not None and not preview.discreet.isChecked()


def test_printer_is_used_for_the_next_sheet(qtbot: QtBot, admin: AdminShell,
                                            window: KioskWindow,
                                            print_queue: PrintQueue) -> None:
    page = _settings(qtbot, admin)
    tap_row_of(qtbot, page.printer, print_queue.name)
    _save_and_leave(qtbot, admin)
    print_queue.expect_job()
    window.handout.add("windham-clinic")
    window.open_handout()
    tap(qtbot, window.findChild(QPushButton, "print-handout"))
    qtbot.waitUntil(lambda: window.findChild(PrintPreview, "print-preview") is not None)
    preview = window.findChild(PrintPreview, "print-preview")
    assert preview is not None
    tap(qtbot, preview.print_button)
    qtbot.waitUntil(lambda: preview.area.currentWidget() is preview.done_note)
    assert print_queue.wait_for_job().startswith(b"%PDF")


def test_days_before_checking_again_move_the_work_queue(qtbot: QtBot, admin: AdminShell,
                                                        window: KioskWindow) -> None:
    queue = admin.screen.queue

    def past_due() -> list[str]:
        return [line.resource_id for line in queue.model.lines if line.kind == "stale"]

    assert past_due() == ["windham-clinic"]  # checked 317 days ago; 180 is the default
    page = _settings(qtbot, admin)
    _step_to(qtbot, page, "settings-stale-days", 360)
    tap(qtbot, child(page, "settings-save"))
    tap(qtbot, child(admin.screen, "nav-queue"))
    assert past_due() == []
    tap(qtbot, child(admin.screen, "nav-entries"))
    entries = admin.screen.entries
    assert entries.proxy.stale_days == 360
    assert entries.which.itemText(entries.which.findData("stale")) == \
        "Not checked in 360 days"
