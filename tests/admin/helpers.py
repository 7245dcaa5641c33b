"""Driving the admin screens as staff would: taps on the PIN pad, rows and buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.admin.pinpad import PinPad
from tests.ui.helpers import scroll_into_view
from tests.ui.helpers import tap as finger_tap

FIXTURE = Path(__file__).parent / "fixture"


def tap(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    """A finger tap, once the screen has settled (the keyboard may just have slid in)."""
    qtbot.wait(1)
    scroll_into_view(widget)
    qtbot.wait(1)
    finger_tap(qtbot, widget, pos)


def enter_pin(qtbot: QtBot, pad: PinPad, digits: str) -> None:
    for digit in digits:
        tap(qtbot, pad.findChild(QWidget, f"pin-key-{digit}"))
    tap(qtbot, pad.ok)


def child(root: QWidget, name: str) -> QWidget:
    found = root.findChild(QWidget, name)
    assert found is not None, f"no widget named {name}"
    return found


def tap_named(qtbot: QtBot, root: QWidget, name: str) -> None:
    tap(qtbot, child(root, name))


def tap_row_of(qtbot: QtBot, view: QAbstractItemView, text: str, column: int = 0) -> None:
    for _ in range(3):  # a view just re-read lays its rows out on the next turns
        QApplication.processEvents()
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, column)
        if index.data() == text:
            view.scrollTo(index)
            tap(qtbot, view.viewport(), view.visualRect(index).center())
            return
    raise AssertionError(f"no row {text!r}")
