"""Text to speech: words and a language in, a WAV in memory out.

The kiosk speaks with espeak-ng, a Debian package that works offline and has voices for
American English (`en-us`) and Latin American Spanish (`es-419`) in 14 MB. Its voice is plain
and clear rather than natural; another engine (a neural voice, when one is packaged for both
languages) only has to implement `Engine`.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from typing import ClassVar, Protocol

from kiosk.errors import KnownError
from kiosk.speech import wav

log = logging.getLogger(__name__)

LANGUAGES = ("en", "es")


class Engine(Protocol):
    def problem(self) -> str | None:
        """Why this engine cannot speak here, in one sentence for staff; None when it can."""
        ...

    def synthesize(self, text: str, lang: str) -> bytes:
        """`text` said in `lang` ("en" or "es"), as a 16-bit PCM WAV. Raises KnownError."""
        ...


class EspeakEngine:
    """espeak-ng, run once per utterance, fed on standard input and read from its standard
    output: the words are never on a command line nor in a file."""

    VOICES: ClassVar[dict[str, str]] = {"en": "en-us", "es": "es-419"}
    TIMEOUT_S = 30.0

    def __init__(self, command: str = "espeak-ng", words_per_minute: int = 155) -> None:
        self.command = command
        self.words_per_minute = words_per_minute
        self._problem: str | None = None
        self._checked = False

    def problem(self) -> str | None:
        if not self._checked:
            self._checked = True
            self._problem = self._check()
        return self._problem

    def _check(self) -> str | None:
        if shutil.which(self.command) is None:
            return ("Read aloud is off: the speech engine espeak-ng is not installed "
                    "(Debian package espeak-ng).")
        for lang in LANGUAGES:
            try:
                self.synthesize("OK", lang)
            except KnownError as error:
                return f"Read aloud is off: {error}."
        return None

    def synthesize(self, text: str, lang: str) -> bytes:
        voice = self.VOICES.get(lang, self.VOICES["en"])
        try:
            done = subprocess.run(
                [self.command, "--stdout", "-b", "1", "-v", voice,
                 "-s", str(self.words_per_minute)],
                input=text.encode("utf-8"), capture_output=True, timeout=self.TIMEOUT_S,
                check=False)
        except FileNotFoundError:
            raise KnownError("the speech engine espeak-ng is not installed") from None
        except subprocess.TimeoutExpired:
            raise KnownError("the speech engine took too long") from None
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise KnownError(f"espeak-ng could not speak with its {voice} voice ("
                             f"{said[-1] if said else f'exit {done.returncode}'})")
        audio = wav.read(done.stdout)
        if not audio.frames:
            raise KnownError(f"espeak-ng said nothing with its {voice} voice")
        return wav.write(audio)
