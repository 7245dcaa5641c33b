"""Reading a screen aloud: the visitor screens' side of `kiosk.speech`.

A screen hands a `Script` to `Speech.say` with a `done` callback and shows Stop until it is
called. `done` is called once, on the GUI thread, when that script ends: played out, failed,
stopped, or replaced by another. When the machine has no engine or no sound device, `available`
is False, the Read aloud buttons stay hidden, and the admin notices say why in one sentence.
Tests pass a fake with the same three methods.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
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
    """A `Speaker` (engine and player) whose `done` callbacks arrive on the GUI thread.

    Whether the machine can speak is asked of the engine and the player, which means
    starting their programs: `check_later` asks on a thread and emits `checked` on the GUI
    thread with the answer; until then the kiosk is not `available` (the buttons appear
    when it is). `problem` asks at once when nobody has yet.

    The speaker is made by `make_speaker` the first time it is needed: the kiosk's own
    (`default_speech`) after the first frame, so the engine's modules are not loaded
    before it."""

    _ended = Signal(int)
    _answered = Signal(str)
    checked = Signal()

    def __init__(self, make_speaker: Callable[[], Speaker], parent: QObject | None = None,
                 ask_later: bool = False) -> None:
        super().__init__(parent)
        self._make = make_speaker
        self._speaker: Speaker | None = None
        self._later = ask_later  # not available until `check_later` has the answer
        self._serial = 0
        self._done: Done | None = None
        self._problem: str | None = None
        self._checked = False
        self._checking = False
        self._ended.connect(self._on_ended)
        self._answered.connect(self._on_answered)

    @property
    def speaker(self) -> Speaker:
        return self._made()

    def _made(self) -> Speaker:
        if self._speaker is None:
            self._speaker = self._make()
        return self._speaker

    def problem(self) -> str | None:
        """Why the kiosk cannot speak here (one sentence for staff), or None."""
        if not self._checked:
            self._checked = True
            self._problem = self._ask()
        return self._problem

    def _ask(self) -> str | None:
        try:
            return self.speaker.problem()
        except Exception:  # a broken engine must not stop the kiosk
            log.exception("checking the speech engine failed")
            return "Read aloud is off: the speech engine could not be checked."

    @Slot()
    def check_later(self) -> None:
        if self._checked:
            self.checked.emit()
            return
        if self._checking:
            return
        self._checking = True
        self._made()  # here, on the GUI thread, before the thread asks it
        threading.Thread(target=self._check_on_thread, name="speech-check",
                         daemon=True).start()

    def _check_on_thread(self) -> None:
        problem = self._ask()
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._answered.emit(problem or "")

    @Slot(str)
    def _on_answered(self, problem: str) -> None:
        self._checking = False
        if not self._checked:
            self._checked = True
            self._problem = problem or None
        self.checked.emit()

    def answered(self) -> bool:
        return self._checked

    def available(self) -> bool:
        if self._later and not self._checked:
            return False  # not known yet
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
        if self._speaker is not None:  # one not yet made says nothing
            self._speaker.stop()
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


def default_speech(volume: Callable[[], float] = lambda: 1.0,
                   ask_later: bool = False) -> KioskSpeech:
    """espeak-ng through aplay, at `volume` (0 to 1, read at each utterance); with
    `ask_later`, not available until `check_later` has asked the engine and the player."""
    def make() -> Speaker:
        from kiosk.speech.engine import EspeakEngine
        from kiosk.speech.player import AplayPlayer
        from kiosk.speech.speaker import Speaker

        return Speaker(EspeakEngine(), AplayPlayer(), volume)

    return KioskSpeech(make, ask_later=ask_later)
