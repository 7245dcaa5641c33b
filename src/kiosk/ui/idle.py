"""Idle reset: after a quiet spell, ask "Are you still there?", then start over.

The watcher is an application-wide event filter that only notes that some touch, click or key
happened; it never looks at what was touched.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.qt_values import set_by_name
from kiosk.ui.widgets import text_label

_INPUT = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.KeyPress, QEvent.Type.Wheel,
})


class IdleWatcher(QObject):
    ask = Signal()
    tick = Signal(int)  # whole seconds left before starting over
    expired = Signal()
    activity = Signal()

    def __init__(self, parent: QObject, timeout_s: float, still_there_s: float) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self.still_there_s = still_there_s
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(max(1, round(timeout_s * 1000)))
        self.idle_timer.timeout.connect(self.ask.emit)
        self.countdown = QTimer(self)
        self.countdown.setInterval(max(10, min(250, round(still_there_s * 1000 / 4))))
        self.countdown.timeout.connect(self._tick)
        self._asked_at = 0.0  # time.monotonic() when the countdown started
        self.asking = False
        self.idle_timer.start()

    def set_times(self, timeout_s: float, still_there_s: float) -> None:
        """New times from the settings: the quiet spell running now is counted anew."""
        self.timeout_s = timeout_s
        self.still_there_s = still_there_s
        self.idle_timer.setInterval(max(1, round(timeout_s * 1000)))
        self.countdown.setInterval(max(10, min(250, round(still_there_s * 1000 / 4))))
        if not self.asking and self.idle_timer.isActive():
            self.idle_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            if self.asking:
                self.activity.emit()
            self.reset()
        return False

    def reset(self) -> None:
        self.asking = False
        self.countdown.stop()
        self.idle_timer.start()

    def stop(self) -> None:
        self.countdown.stop()
        self.idle_timer.stop()

    def start_countdown(self) -> None:
        self.asking = True
        self._asked_at = time.monotonic()
        self.countdown.start()
        self.tick.emit(math.ceil(self.still_there_s))

    @Slot()
    def _tick(self) -> None:
        left = self.still_there_s - (time.monotonic() - self._asked_at)
        if left <= 0:
            self.countdown.stop()
            self.asking = False
            self.expired.emit()
            return
        self.tick.emit(math.ceil(left))


class StillThereDialog(QFrame):
    """A large question over the whole screen; any touch answers it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("still-there-dialog")  # a QFrame: the stylesheet draws its background
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        card = QFrame(self)
        card.setObjectName("still-there-card")
        card.setMaximumWidth(1000)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 40, 48, 40)
        inner.setSpacing(24)
        self.title = text_label(wrap=False)  # short lines: kept whole, never squeezed
        self.title.setObjectName("still-there-title")
        set_by_name(self.title, "alignment", "AlignCenter")
        self.countdown = text_label(wrap=False)
        self.countdown.setObjectName("still-there-countdown")
        set_by_name(self.countdown, "alignment", "AlignCenter")
        self.stay = QPushButton()
        self.stay.setObjectName("still-here")
        self.stay.setProperty("variant", "primary")
        self.stay.clicked.connect(self.dismiss)
        inner.addWidget(self.title)
        inner.addWidget(self.countdown)
        inner.addWidget(self.stay)
        outer.addStretch(1)
        middle = QHBoxLayout()  # the card in the middle, at its own width
        middle.addStretch(1)
        middle.addWidget(card)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(1)
        self.remaining = 0
        self.hide()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Are you still there?"))
        self.stay.setText(self.tr("Yes, I am still here"))
        self.stay.setAccessibleName(self.stay.text())
        self.setAccessibleName(self.title.text())
        self.set_remaining(self.remaining)

    def ask(self, seconds: float) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.set_remaining(math.ceil(seconds))
        self.show()
        self.raise_()

    @Slot(int)
    def set_remaining(self, seconds: int) -> None:
        self.remaining = seconds
        self.countdown.setText(self.tr("Starting over in 1 second.") if seconds == 1 else
                               self.tr("Starting over in %1 seconds.").replace("%1", str(seconds)))

    @Slot()
    def dismiss(self) -> None:
        self.hide()
