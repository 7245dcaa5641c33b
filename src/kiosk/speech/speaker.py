"""An engine and a player together: say a script, stop at once, never block the screen.

Each `say` runs on a thread of its own: the voice is made (a few hundredths of a second for a
sentence), turned to the staff's volume, and played. `stop` ends the sound at once and the
thread with it. Failures go to the log without the words that were being said.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.errors import KnownError
from kiosk.speech import wav
from kiosk.speech.engine import Engine
from kiosk.speech.player import Playback, Player

if TYPE_CHECKING:
    from kiosk.speech.script import Script  # what is said is made by the screens, on use

log = logging.getLogger(__name__)

Done = Callable[[], None]


def render(engine: Engine, script: Script) -> wav.Audio:
    """The whole script as one recording, each run in its own language's voice."""
    return wav.join([wav.read(engine.synthesize(run.text, run.lang)) for run in script.runs()])


class _Utterance:
    def __init__(self, script: Script, done: Done | None, volume: float) -> None:
        self.script = script
        self.done = done
        self.volume = volume
        self.cancelled = False
        self.playback: Playback | None = None
        self.thread: threading.Thread | None = None


class Speaker:
    def __init__(self, engine: Engine, player: Player,
                 volume: Callable[[], float] = lambda: 1.0) -> None:
        self.engine = engine
        self.player = player
        self.volume = volume
        self._lock = threading.Lock()
        self._current: _Utterance | None = None

    def problem(self) -> str | None:
        """Why the kiosk cannot speak here, in one sentence for staff; None when it can."""
        return self.engine.problem() or self.player.problem()

    def speaking(self) -> bool:
        with self._lock:
            return self._current is not None

    def say(self, script: Script, done: Done | None = None) -> None:
        """Starts saying `script` (stopping anything being said); `done` is called on the
        speaking thread when it ends by itself: played out, or failed."""
        self.stop()
        utterance = _Utterance(script, done, self.volume())  # read here: settings live in
        # a database connection that belongs to the caller's thread
        thread = threading.Thread(target=self._run, args=(utterance,), daemon=True,
                                  name="kiosk-speech")
        utterance.thread = thread
        with self._lock:
            self._current = utterance
        thread.start()

    def stop(self) -> None:
        """Ends the sound now. The stopped utterance's `done` is not called."""
        with self._lock:
            utterance, self._current = self._current, None
            if utterance is None:
                return
            utterance.cancelled = True
            playback = utterance.playback
        if playback is not None:
            playback.stop()

    def current_playback(self) -> Playback | None:
        with self._lock:
            return self._current.playback if self._current else None

    def _run(self, utterance: _Utterance) -> None:
        try:
            audio = wav.scaled(render(self.engine, utterance.script), utterance.volume)
            with self._lock:
                if utterance.cancelled:
                    return
                utterance.playback = self.player.start(wav.write(audio))
            utterance.playback.wait()
        except KnownError as error:
            log.warning("reading aloud failed: %s", error)
        except Exception:  # a broken engine or player must not take the kiosk down
            log.exception("reading aloud failed")
        finally:
            with self._lock:
                mine = self._current is utterance
                if mine:
                    self._current = None
            if mine and utterance.done is not None:
                try:
                    utterance.done()
                except Exception:
                    log.exception("after reading aloud")
