"""Reading a screen aloud: the visitor screens' side of `kiosk.speech`.

A screen hands a `Script` to `Speech.say` with a `done` callback and shows Stop until it is
called. `done` is called once, on the GUI thread, when that script ends: played out, failed,
stopped, or replaced by another. When the machine has no engine or no sound device, `available`
is False, the Read aloud buttons stay hidden, and the admin notices say why in one sentence.
Tests pass a fake with the same three methods.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.speech.script import Script
from kiosk.speech.speaker import Speaker

log = logging.getLogger(__name__)

Done = Callable[[], None]


class Speech(Protocol):
    def available(self) -> bool: ...

    def say(self, script: Script, done: Done | None = None) -> None: ...

    def stop(self) -> None: ...


class NoSpeech:
    def available(self) -> bool:
        return False

    def say(self, script: Script, done: Done | None = None) -> None:
        if done is not None:
            done()

    def stop(self) -> None:
        return None


class KioskSpeech(QObject):
    """A `Speaker` (engine and player) whose `done` callbacks arrive on the GUI thread."""

    _ended = Signal(int)

    def __init__(self, speaker: Speaker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speaker = speaker
        self._serial = 0
        self._done: Done | None = None
        self._problem: str | None = None
        self._checked = False
        self._ended.connect(self._on_ended)

    def problem(self) -> str | None:
        """Why the kiosk cannot speak here (one sentence for staff), or None."""
        if not self._checked:
            self._checked = True
            try:
                self._problem = self.speaker.problem()
            except Exception:  # a broken engine must not stop the kiosk
                log.exception("checking the speech engine failed")
                self._problem = "Read aloud is off: the speech engine could not be checked."
        return self._problem

    def available(self) -> bool:
        return self.problem() is None

    def say(self, script: Script, done: Done | None = None) -> None:
        self.stop()
        if not self.available() or not script:
            if done is not None:
                done()
            return
        self._serial += 1
        serial = self._serial
        self._done = done
        self.speaker.say(script, lambda: self._ended.emit(serial))

    def stop(self) -> None:
        self.speaker.stop()
        self._finish()

    def test(self, script: Script, volume: float, done: Done | None = None) -> None:
        """Says `script` at `volume` (0 to 1), for staff trying the speaker."""
        saved = self.speaker.volume
        self.speaker.volume = lambda: volume
        try:
            self.say(script, done)
        finally:
            self.speaker.volume = saved

    @Slot(int)
    def _on_ended(self, serial: int) -> None:
        if serial == self._serial:
            self._finish()

    def _finish(self) -> None:
        done, self._done = self._done, None
        if done is not None:
            done()


def default_speech(volume: Callable[[], float] = lambda: 1.0) -> KioskSpeech:
    """espeak-ng through aplay, at `volume` (0 to 1, read at each utterance)."""
    from kiosk.speech.engine import EspeakEngine
    from kiosk.speech.player import AplayPlayer

    return KioskSpeech(Speaker(EspeakEngine(), AplayPlayer(), volume))
