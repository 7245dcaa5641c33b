"""What a staff member who has never seen the admin does, by touch: correct a phone
number, mark it checked, see it on the visitor screen, and put it back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell, open_admin
from kiosk.staff import history
from kiosk.ui.line_breaks import plain
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import child, enter_pin, tap, tap_row_of
from tests.windows import PIN, Clock, sign_in


def _sign_in_at_the_corner(qtbot: QtBot, window: KioskWindow, clock: Clock) -> AdminShell:
    """As staff do: hold the corner, type the PIN and a name."""
    corner = child(window, "admin-corner")
    corner.timer.setInterval(50)  # type: ignore[attr-defined]  # the 3 s hold has its own test
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(AdminShell, "admin-shell") is not None)
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton)
    shell = window.findChild(AdminShell, "admin-shell")
    assert shell is not None
    shell.clock = clock
    enter_pin(qtbot, shell.pad, PIN)
    qtbot.waitUntil(shell.who_page.isVisible)
    qtbot.keyClicks(shell.who_page.name, "AB")
    tap(qtbot, shell.who_page.ok)
    qtbot.waitUntil(lambda: shell.screen is not None and shell.screen.isVisible())
    return shell


def _visitor_phone(window: KioskWindow) -> str:
    window.open_resource("windham-clinic")
    label = window.resource_screen.findChild(QLabel, "resource-phone")
    assert label is not None and label.isVisible()
    return plain(label.text())


def test_correct_a_number_mark_it_checked_see_it_and_revert_it(
        qtbot: QtBot, window: KioskWindow, clock: Clock) -> None:
    assert "(860) 456-2261" in _visitor_phone(window)
    window.show_home()
    shell = _sign_in_at_the_corner(qtbot, window, clock)
    screen = shell.screen
    screen.go("entries")
    tap_row_of(qtbot, screen.entries.table, "Windham Clinic")
    tap(qtbot, child(screen, "entry-edit"))
    editor = screen.editor
    assert editor.isVisible()
    tap_row_of(qtbot, editor.phone_list, "(860) 456-2261  ·  Call  ·  Front desk")
    number = child(editor, "phone-number")
    assert isinstance(number, QLineEdit)
    tap(qtbot, number)
    number.selectAll()
    qtbot.keyClicks(number, "(860) 456-226")
    problem = child(editor, "phone-number-problem")
    tap(qtbot, child(editor, "edit-save"))
    assert problem.isVisible()
    assert problem.text() == "This phone number is missing a digit: (860) 456-226"  # type: ignore[attr-defined]
    assert editor.isVisible()  # nothing saved
    assert "(860) 456-2261" in [p.main_phone.display for p in  # type: ignore[union-attr]
                                [window.store.resource("windham-clinic")]]
    qtbot.keyClicks(number, "9")
    assert not problem.isVisible()
    tap(qtbot, child(editor, "edit-save"))
    qtbot.waitUntil(screen.entries.isVisible)
    assert screen.entries.message.text() == "Saved: Windham Clinic."  # Save says it saved
    assert screen.entries.current_id() == "windham-clinic"
    clock.advance(20)  # the check comes in the same minute as the edit
    tap(qtbot, child(screen.entries, "checked-today"))
    saved = window.store.resource("windham-clinic")
    assert saved is not None
    assert saved.verified_on == dt.date(2026, 11, 23) and saved.verified_by == "AB"
    tap(qtbot, child(shell, "admin-leave"))
    assert shell.is_locked and window.screen_name() == "home"
    assert "(860) 456-2269" in _visitor_phone(window)
    verified = [lb.text() for lb in window.resource_screen.findChildren(QLabel, "verified")
                if lb.isVisible()]
    assert verified == ["Last checked by staff: November 23, 2026 (AB)"]

    window.show_home()
    shell = sign_in(window, clock=clock)
    screen = shell.screen
    screen.go("entries")
    tap_row_of(qtbot, screen.entries.table, "Windham Clinic")
    tap(qtbot, child(screen, "entry-history"))
    page = screen.history
    assert page.isVisible()
    rows = [[page.model.index(r, c).data() for c in range(1, 4)]
            for r in range(page.model.rowCount())]
    # Two changes in one minute, told apart by their seconds.
    assert rows == [["2026-11-23 10:00:20", "AB", "Checked"],
                    ["2026-11-23 10:00:00", "AB", "Edited"]]
    tap_row_of(qtbot, page.table, "Edited", column=3)
    # The history in words: the field as the form names it, the number as visitors see it.
    assert plain(page.detail.text()) == (
        "Phone: (860) 456-2261, Front desk → (860) 456-2269, Front desk")
    edit_id = int(page.model.index(1, 0).data())
    tap(qtbot, child(page, "history-revert"))
    # The first tap only shows what would go back; nothing has changed yet.
    assert "Phone: (860) 456-2269, Front desk, back to (860) 456-2261, Front desk" in \
        plain(page.detail.text())
    assert not page.later.isVisible()  # the check touched other fields
    assert window.store.resource("windham-clinic").main_phone.display == "(860) 456-2269"  # type: ignore[union-attr]
    tap(qtbot, child(page, "history-revert-confirm"))
    assert page.model.index(0, 3).data() == f"Put back (change {edit_id})"
    tap(qtbot, child(shell, "admin-leave"))
    assert "(860) 456-2261" in _visitor_phone(window)
    after = window.store.resource("windham-clinic")
    # Only the phone went back: the later "Checked today" stays.
    assert after is not None and after.verified_on == dt.date(2026, 11, 23)
    newest = history.changes_for(window.store, "resource", "windham-clinic")[0]
    assert newest.action == "revert" and newest.who == "AB" and newest.fields == ("phones",)


def test_saved_changes_show_on_the_visitor_screen_at_once(
        qtbot: QtBot, admin: AdminShell, window: KioskWindow) -> None:
    window.open_resource("windham-clinic")
    editor = admin.screen.editor
    admin.screen.edit("windham-clinic")
    editor.fields["name_en"].edit.setText("Windham Health Clinic")  # type: ignore[union-attr]
    tap(qtbot, child(editor, "edit-save"))
    texts = [lb.text() for lb in window.resource_screen.findChildren(QLabel)]
    assert "Windham Health Clinic" in texts


def test_reopening_while_open_keeps_one_admin(qtbot: QtBot, admin: AdminShell,
                                              window: KioskWindow) -> None:
    assert open_admin(window) is admin
