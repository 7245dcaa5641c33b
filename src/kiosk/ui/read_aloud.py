"""The Read aloud button, and Stop in its place while the kiosk speaks.

A screen gives it the speech engine and a function that builds what the screen says. It
stops speaking when its screen is left (the screen, and so the button, is hidden), and the
window stops all speech on Start over, the idle reset and a language switch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Slot
from PySide6.QtGui import QHideEvent, QIcon
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui.speech import Speech
from kiosk.ui.widgets import icon_pixmap

if TYPE_CHECKING:
    from kiosk.speech.script import Script

ICON_SIZE = 30


class ReadAloud(QWidget):
    def __init__(self, speech: Speech, script: Callable[[], Script | None], name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}-box")
        self.speech = speech
        self.script = script
        self.speaking = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.read_button = QPushButton()
        self.read_button.setObjectName(name)
        self.read_button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.read_button.clicked.connect(self.start)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName(f"{name}-stop")
        self.stop_button.setProperty("variant", "stop")
        self.stop_button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
        layout.addWidget(self.read_button)
        layout.addWidget(self.stop_button)
        self._ink = ""
        checked = getattr(speech, "checked", None)  # the engine answers after the first frame
        if checked is not None:
            checked.connect(self._speech_checked)
        self.retranslate()

    @Slot()
    def _speech_checked(self) -> None:
        self.setVisible(self.speech.available())

    def refresh(self, ink: str = "", surface: str = "") -> None:
        """Shown only when the kiosk can speak; the speaker icon drawn in `ink`, the stop
        square in `surface` (Stop is drawn in reverse)."""
        if ink and ink != self._ink:
            self._ink = ink
            self.read_button.setIcon(QIcon(icon_pixmap("speaker", ink, ICON_SIZE * 2)))
            stop = icon_pixmap("stop", surface or "#FFFFFF", ICON_SIZE * 2)
            self.stop_button.setIcon(QIcon(stop))
        self.setVisible(self.speech.available())

    def retranslate(self) -> None:
        self.read_button.setText(self.tr("Read aloud"))
        self.read_button.setAccessibleName(self.read_button.text())
        self.stop_button.setText(self.tr("Stop reading"))
        self.stop_button.setAccessibleName(self.stop_button.text())

    @Slot()
    def start(self) -> None:
        script = self.script()
        if not script:
            return
        self._show_speaking(True)
        self.speech.say(script, self._ended)

    @Slot()
    def stop(self) -> None:
        if self.speaking:
            self.speech.stop()
        self._show_speaking(False)

    def _ended(self) -> None:
        self._show_speaking(False)

    def _show_speaking(self, speaking: bool) -> None:
        if speaking == self.speaking:
            return
        self.speaking = speaking
        if speaking:  # Stop takes the place of Read aloud, at least as wide
            self.stop_button.setMinimumWidth(self.read_button.width())
        had_focus = self.read_button.hasFocus() or self.stop_button.hasFocus()
        self.read_button.setVisible(not speaking)
        self.stop_button.setVisible(speaking)
        if had_focus:
            (self.stop_button if speaking else self.read_button).setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the screen stops it."""
        if self.speaking:
            self.stop()
        super().hideEvent(event)
