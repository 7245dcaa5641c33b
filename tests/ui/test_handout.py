"""The handout screen: an empty handout's Print button looks like nothing to tap."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.ui.window import KioskWindow
from tests.ui.helpers import grab


def fill(button: QPushButton) -> QColor:
    """The button's own background, just inside its border."""
    QApplication.processEvents()
    return QColor(grab(button).pixel(QPoint(8, button.height() // 2)))


def test_an_empty_handout_has_a_print_button_that_looks_off(window: KioskWindow) -> None:
    window.open_handout()
    button = window.findChild(QPushButton, "print-handout")
    assert not button.isEnabled()
    colors = window.theme.colors
    assert fill(button) == QColor(colors["surface_alt"])
    window.handout.add("willimantic-clinic")
    assert button.isEnabled()
    assert fill(button) == QColor(colors["primary"])


def test_in_high_contrast_too(window: KioskWindow) -> None:
    window.toggle_contrast()
    window.open_handout()
    button = window.findChild(QPushButton, "print-handout")
    assert fill(button) != QColor(window.theme.colors["primary"])
