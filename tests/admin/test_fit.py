"""Nothing on the staff screens is cut short: in both languages and at both kiosk sizes,
every button is as wide as its words, every one-line label holds its text, every column
heading fits its column, and nothing runs off the right edge of the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.paths import RESOURCES
from tests.windows import MakeWindow, sign_in

DIRECT = Qt.FindChildOption.FindDirectChildrenOnly
PAGES = ("queue", "entries", "recent", "categories", "topics", "import", "usage", "settings",
         "notices")


@pytest.fixture
def bundled() -> Path:
    return RESOURCES.parent / "data"  # the real directory: its long names and Spanish


def _visible_rect(widget: QWidget, root: QWidget) -> QRect:
    rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if parent.objectName() == "qt_scrollarea_viewport":
            rect = rect.intersected(QRect(parent.mapTo(root, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect


def _problems(root: QWidget, where: str) -> list[str]:
    for _ in range(5):
        QApplication.processEvents()
    out = []
    edge = root.width()
    for w in root.findChildren(QWidget):
        if not w.isVisible() or w.visibleRegion().isEmpty():
            continue
        seen = _visible_rect(w, root)
        if seen.isEmpty():
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, QPushButton | QLabel):
            full = QRect(w.mapTo(root, QPoint(0, 0)), w.size())
            if full.right() > edge or (full.right() > seen.right() + 1 and seen.height() > 0
                                       and full.top() >= seen.top()
                                       and full.bottom() <= seen.bottom()):
                out.append(f"{where}: {name} runs off the side ({full} in {seen})")
        if isinstance(w, QPushButton) and w.text():
            if w.width() < w.sizeHint().width() - 1:
                out.append(f"{where}: button {name} {w.text()!r} is cut "
                           f"({w.width()} < {w.sizeHint().width()})")
        elif isinstance(w, QLabel) and w.text() and not w.wordWrap() and w.pixmap().isNull():
            needed = w.fontMetrics().horizontalAdvance(w.text())
            if needed > w.contentsRect().width() + 1:
                out.append(f"{where}: label {name} {w.text()!r} is cut "
                           f"({w.contentsRect().width()} < {needed})")
        if isinstance(w, QLineEdit | QPushButton):
            parent = w.parentWidget()
            siblings = parent.findChildren(QWidget, options=DIRECT) if parent else []
            for other in siblings:
                if other is not w and other.isVisible() and other.geometry().intersects(
                        w.geometry()) and not isinstance(other, QLabel):
                    out.append(f"{where}: {name} lies over {other.objectName()}")
        if isinstance(w, QHeaderView) and w.orientation().name == "Horizontal":
            for section in range(w.count()):
                if w.isSectionHidden(section):
                    continue
                needed = w.sectionSizeFromContents(section).width()
                if w.sectionSize(section) + 12 < needed:  # (the sort arrow's room)
                    text = w.model().headerData(section, w.orientation())
                    out.append(f"{where}: column {text!r} of {name} is cut "
                               f"({w.sectionSize(section)} < {needed})")
    return out


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_nothing_is_cut_short(qtbot: QtBot, make_window: MakeWindow, clock,  # type: ignore[no-untyped-def]
                              lang: str, size: tuple[int, int]) -> None:
    window = make_window(size)
    window.set_language(lang)
    admin = sign_in(window, clock=clock)
    screen = admin.screen
    problems: list[str] = []
    for key in PAGES:
        screen.go(key)
        problems += _problems(admin, key)
    first = window.store.resources()[0].id
    screen.edit(first)
    problems += _problems(admin, "editor")
    screen.show_history(first)
    problems += _problems(admin, "history")
    screen.go("entries")
    screen.entries.search.setFocus()
    qtbot.waitUntil(admin.keyboard.isVisible)
    problems += _problems(admin, "letters")
    screen.edit(first)
    screen.editor.phone_fields["number"].edit.setFocus()
    qtbot.waitUntil(lambda: admin.keyboard.showing == "digits")
    problems += _problems(admin, "number pad")
    assert problems == []
