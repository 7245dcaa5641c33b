"""The numbers the first frame uses in place of Qt's flags are Qt's, and setting an enum
property by its value's name sets that value (`kiosk.ui.qt_values`)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.ui import qt_values


def test_the_numbers_are_qts() -> None:
    assert Qt.AlignmentFlag.AlignCenter.value == qt_values.ALIGN_CENTER
    assert Qt.TextFlag.TextWordWrap.value == qt_values.TEXT_WORD_WRAP


def test_a_property_set_by_name_takes_that_value(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    qt_values.set_by_name(label, "textFormat", "PlainText")
    assert label.textFormat() == Qt.TextFormat.PlainText
    qt_values.set_by_name(label, "alignment", "AlignTop|AlignHCenter")
    assert label.alignment() == Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
    button = QPushButton()
    qtbot.addWidget(button)
    qt_values.set_by_name(button, "focusPolicy", "NoFocus")
    assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
    area: QAbstractScrollArea = QScrollArea()
    qtbot.addWidget(area)
    qt_values.set_by_name(area, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_name_qt_does_not_know_is_refused(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match=r"textFormat.*'Plain'"):
        qt_values.set_by_name(label, "textFormat", "Plain")
    assert label.textFormat() == Qt.TextFormat.AutoText
