"""The staff keyboard: it slides in under a tapped field, types what a phone number or a web
address needs, and goes away without swallowing the tap on a button."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import child, tap


def test_typing_a_phone_number_by_touch(qtbot: QtBot, admin: AdminShell,
                                        window: KioskWindow) -> None:
    admin.screen.edit("hartford-pantry")
    editor = admin.screen.editor
    keyboard = admin.keyboard
    assert not keyboard.isVisible()
    number = child(editor, "phone-number")
    assert isinstance(number, QLineEdit)
    tap(qtbot, number)
    qtbot.waitUntil(keyboard.isVisible)
    assert keyboard.showing == "digits"  # a number field brings the number pad
    letters = child(keyboard, "staff-keyboard-letters")
    assert not letters.isVisible()
    number.selectAll()
    for key in "(860)":
        tap(qtbot, child(keyboard, f"staff-pad-{key}"))
    tap(qtbot, child(keyboard, "staff-pad-space"))
    for key in "456-2262":
        tap(qtbot, child(keyboard, f"staff-pad-{key}"))
    tap(qtbot, child(keyboard, "staff-pad-backspace"))
    tap(qtbot, child(keyboard, "staff-pad-1"))
    assert number.text() == "(860) 456-2261"
    assert number.hasFocus()  # the keys never took the focus
    # The field is above the keyboard, not hidden under it.
    top = number.mapTo(admin, number.rect().bottomLeft()).y()
    assert top <= keyboard.geometry().top()
    tap(qtbot, child(editor, "edit-save"))  # one tap saves, though the keyboard goes away
    qtbot.waitUntil(admin.screen.entries.isVisible)
    qtbot.waitUntil(lambda: not keyboard.isVisible())
    saved = window.store.resource("hartford-pantry")
    assert saved is not None and saved.main_phone.display == "(860) 456-2261"  # type: ignore[union-attr]


def test_capitals_accents_and_hide(qtbot: QtBot, admin: AdminShell) -> None:
    admin.screen.go("entries")
    search = child(admin.screen.entries, "admin-search")
    tap(qtbot, search)
    keyboard = admin.keyboard
    qtbot.waitUntil(keyboard.isVisible)
    tap(qtbot, child(keyboard, "staff-key-shift"))
    for key in ("c", "l", "í", "n"):
        tap(qtbot, child(keyboard, f"staff-key-{key}"))
    assert search.text() == "Clín"  # type: ignore[attr-defined]
    tap(qtbot, child(keyboard, "staff-key-hide"))
    assert not keyboard.isVisible()
    assert child(keyboard, "staff-key-&").text() == "&&"  # shown as a single "&"
