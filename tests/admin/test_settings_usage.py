"""Settings, the PIN change, "Exit kiosk", and the usage report after a visit."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.admin.pinpad import PinPad
from kiosk.staff.pin import PinGuard
from kiosk.ui.line_breaks import plain
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import child, enter_pin, tap, tap_row_of
from tests.services.cups import PrintQueue
from tests.windows import PIN, sign_in


def test_settings_are_saved_in_the_database(qtbot: QtBot, admin: AdminShell,
                                            window: KioskWindow) -> None:
    admin.screen.go("settings")
    page = admin.screen.settings_page
    page.location.set_text("Windham Drop-in Centre")
    page.town.set_text("Willimantic")
    tap(qtbot, child(page, "settings-default-lang-es"))
    page.idle.set_value(120)
    page.stale.set_value(90)
    tap(qtbot, child(page, "settings-high-contrast"))
    tap(qtbot, child(page, "settings-discreet"))
    tap(qtbot, child(page, "settings-save"))
    s = window.settings
    assert (s.get("location_name"), s.get("town"), s.get("default_lang")) == (
        "Windham Drop-in Centre", "Willimantic", "es")
    assert (s.get("idle_timeout_s"), s.get("stale_days")) == (120.0, 90)
    assert s.get("high_contrast_default") is True and s.get("discreet_default") is False
    page.town.set_text("")
    tap(qtbot, child(page, "settings-save"))
    assert page.town.problem.text() == "Write the town this kiosk is in."
    assert s.get("town") == "Willimantic"
    # The entries filter follows the new number of days.
    admin.screen.go("entries")
    assert admin.screen.entries.proxy.stale_days == 90


def test_printer_list_and_test_page_on_a_real_queue(qtbot: QtBot, admin: AdminShell,
                                                    window: KioskWindow,
                                                    print_queue: PrintQueue) -> None:
    admin.screen.go("settings")
    page = admin.screen.settings_page
    names = page.printer.keys()
    assert names[0] == "" and "kiosk-test" in names
    assert page.printer.current_key() == ""  # "No printer"
    tap(qtbot, child(page, "settings-test-page"))
    assert page.message.text() == "Choose a printer first."
    tap_row_of(qtbot, page.printer, "kiosk-test")
    assert page.printer.current_key() == "kiosk-test"
    print_queue.expect_job()
    tap(qtbot, child(page, "settings-test-page"))
    assert page.message.text() == "A test page was sent to kiosk-test."
    assert print_queue.wait_for_job().startswith(b"%PDF")


def test_change_pin(qtbot: QtBot, admin: AdminShell, window: KioskWindow) -> None:
    admin.screen.go("settings")
    page = admin.screen.settings_page
    tap(qtbot, child(page, "settings-change-pin"))
    pad = page.findChild(PinPad, "change-pin-pad")
    assert pad is not None and pad.title.text() == "Type the PIN you use now"
    enter_pin(qtbot, pad, "111111")
    assert pad.message.text() == "Wrong PIN. 4 tries left."
    enter_pin(qtbot, pad, PIN)
    enter_pin(qtbot, pad, "13572468")
    enter_pin(qtbot, pad, "13572468")
    assert page.message.text() == "The PIN was changed."
    guard = PinGuard(window.settings)
    assert guard.check("13572468").ok and not guard.check(PIN).ok


def test_exit_kiosk_closes_the_kiosk(qtbot: QtBot, admin: AdminShell, window: KioskWindow,
                                     monkeypatch) -> None:  # type: ignore[no-untyped-def]
    left: list[bool] = []
    monkeypatch.setattr(window, "leave", lambda: left.append(True))
    admin.screen.go("settings")
    exit_button = child(admin.screen.settings_page, "settings-exit-kiosk")
    tap(qtbot, exit_button)
    assert left == [] and exit_button.text() == "Tap again to close the kiosk"  # type: ignore[attr-defined]
    tap(qtbot, exit_button)
    assert left == [True] and admin.is_locked


def test_usage_counts_after_a_visit(qtbot: QtBot, make_window, clock,  # type: ignore[no-untyped-def]
                                    tmp_path: Path) -> None:
    window = make_window()
    window.open_category("health")
    window.open_resource("windham-clinic")
    window.go_back()
    window.open_resource("windham-clinic")
    window.usage.count("sheet", "windham-clinic")  # as the print screen does
    clock.advance(40 * 24 * 3600)
    window.open_category("health")
    shell = sign_in(window, clock=clock)
    shell.screen.go("usage")
    page = shell.screen.usage
    rows = [[page.proxy.index(r, c).data() for c in range(4)]
            for r in range(page.proxy.rowCount())]
    assert rows == [["2027-01-02", "category viewed", "Health and testing", "1"],
                    ["2026-11-23", "category viewed", "Health and testing", "1"],
                    ["2026-11-23", "entry viewed", "Windham Clinic", "2"],
                    ["2026-11-23", "sheet printed", "Windham Clinic", "1"]]
    # Views, not things: one category seen on two days is two category screens opened.
    assert page.totals.text() == ("Category screens opened: 2. Entries opened: 2. Topics "
                                  "read: 0. Sheets printed: 1.")
    tap(qtbot, child(page, "usage-per-month"))
    assert page.proxy.rowCount() == 4
    assert page.proxy.index(0, 0).data() == "2027-01"
    (tmp_path / "usb").mkdir()
    page.export(tmp_path / "usb")
    saved = tmp_path / "usb" / "kiosk-usage-per-month.csv"
    assert plain(page.message.text()) == f"Saved as {saved}"
    table = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert table[0] == ["period", "what", "id", "name", "count"]
    assert ["2026-11", "entry viewed", "windham-clinic", "Windham Clinic", "2"] in table
