"""Reading a screen aloud, when the machine has a speech engine.

QtTextToSpeech ships in PySide6-Addons, not in PySide6-Essentials; the kiosk imports it only
when asked and hides the "Read aloud" button when it is missing or has no engine. Tests pass a
fake with the same three methods.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

log = logging.getLogger(__name__)


class Speech(Protocol):
    def available(self) -> bool: ...

    def say(self, text: str, lang: str) -> None: ...

    def stop(self) -> None: ...


class NoSpeech:
    def available(self) -> bool:
        return False

    def say(self, text: str, lang: str) -> None:
        return None

    def stop(self) -> None:
        return None


class QtSpeech:
    """Qt's text-to-speech engine, if PySide6.QtTextToSpeech imports and has an engine."""

    def __init__(self) -> None:
        self._engine: Any = None
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech  # type: ignore[import-not-found]
        except ImportError:
            return
        try:
            if QTextToSpeech.availableEngines():
                self._engine = QTextToSpeech()
        except Exception:  # a broken engine plugin must not stop the kiosk
            log.exception("text-to-speech engine failed to start")
            self._engine = None

    def available(self) -> bool:
        return self._engine is not None

    def say(self, text: str, lang: str) -> None:
        if self._engine is None:
            return
        from PySide6.QtCore import QLocale

        self._engine.setLocale(QLocale("es_US" if lang == "es" else "en_US"))
        self._engine.say(text)

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.stop()


def default_speech() -> Speech:
    speech = QtSpeech()
    return speech if speech.available() else NoSpeech()
