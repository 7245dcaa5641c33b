"""Driving the visitor screens as a person would: taps, finger drags, looking at pixels."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QImage, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.speech.script import Script
from kiosk.ui.home import PhoneTile
from kiosk.ui.widgets import TileButton

FIXTURE = Path(__file__).parent / "fixture"
MONDAY_10AM = dt.datetime(2026, 11, 23, 10, 0)  # a Monday

_touchscreen: QPointingDevice | None = None


def touchscreen() -> QPointingDevice:
    global _touchscreen
    if _touchscreen is None:
        _touchscreen = QTest.createTouchDevice()
    return _touchscreen


class FakeSpeech:
    """A speech engine that remembers what it was asked to say, and speaks until told to
    `finish` (or stopped), as the real one does."""

    def __init__(self, available: bool = True) -> None:
        self._available = available
        self.said: list[tuple[str, str]] = []
        self.scripts: list[Script] = []
        self.stopped = 0
        self._done: Callable[[], None] | None = None

    def available(self) -> bool:
        return self._available

    def say(self, script: Script, done: Callable[[], None] | None = None) -> None:
        self.stop()
        self.said.append((script.text, script.lang))
        self.scripts.append(script)
        self._done = done

    def speaking(self) -> bool:
        return self._done is not None

    def finish(self) -> None:
        """The script was said to the end."""
        done, self._done = self._done, None
        if done is not None:
            done()

    def stop(self) -> None:
        self.stopped += 1
        self.finish()


def tap(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    """A finger tap: a real touch press and release on the widget's window."""
    qtbot.waitUntil(widget.isVisible, timeout=1000)  # new children show on the next turn
    assert widget.isEnabled(), f"{widget.objectName()} is disabled"
    for _ in range(3):  # let pending layouts settle, as they have before a finger arrives
        QApplication.processEvents()
    scroll_into_view(widget)
    point = pos if pos is not None else widget.rect().center()
    window = widget.window().windowHandle()
    at = widget.mapTo(widget.window(), point)
    pressed = _PressSeen(widget)
    QTest.touchEvent(window, touchscreen()).press(0, at).commit()
    # The finger rests until the press has reached the widget (a scroll area's finger
    # scrolling holds it back until it has decided the touch is not a drag), or until the
    # touch itself has put the widget away (any touch dismisses "Are you still there?").
    qtbot.waitUntil(lambda: pressed.seen or not widget.isVisible(), timeout=1000)
    widget.removeEventFilter(pressed)
    QTest.touchEvent(window, touchscreen()).release(0, at).commit()
    qtbot.wait(1)


class _PressSeen(QObject):
    """Notes when a press arrives at `widget` (a second tap soon after the first comes as a
    double click)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                            QEvent.Type.TouchBegin):
            self.seen = True
        return False


def scroll_into_view(widget: QWidget) -> None:
    """What a person does first: scroll until the thing to tap is on screen."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()


def tap_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    for _ in range(3):
        QApplication.processEvents()
    index = view.model().index(row, 0)
    view.scrollTo(index)
    tap(qtbot, view.viewport(), view.visualRect(index).center())


def drag(qtbot: QtBot, widget: QWidget, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """A finger drag from `start` to `end` (widget coordinates)."""
    window = widget.window().windowHandle()
    a = widget.mapTo(widget.window(), start)
    b = widget.mapTo(widget.window(), end)
    QTest.touchEvent(window, touchscreen()).press(0, a).commit()
    for i in range(1, steps + 1):
        p = a + (b - a) * (i / steps)
        qtbot.wait(16)
        QTest.touchEvent(window, touchscreen()).move(0, p).commit()
    QTest.touchEvent(window, touchscreen()).release(0, b).commit()


def visible_texts(root: QWidget) -> list[str]:
    QApplication.processEvents()  # widgets added to a shown layout appear on the next turn
    labels = [label.text() for label in root.findChildren(QLabel)
              if label.isVisibleTo(root) and label.text()]
    # tiles draw their own words
    tiles = [tile.shown_text() for tile in root.findChildren(TileButton)
             if tile.isVisibleTo(root) and tile.shown_text()]
    lines = [text for tile in root.findChildren(PhoneTile) if tile.isVisibleTo(root)
             for text in tile.texts() if text]
    return labels + tiles + lines


def grab(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
