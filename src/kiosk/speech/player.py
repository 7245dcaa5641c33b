"""Playing a WAV from memory, and stopping it at once.

The kiosk plays through `aplay` (Debian's alsa-utils, 2.5 MB): it takes the WAV on its
standard input, so nothing is written to disk, it plays through ALSA's default device (which
is PipeWire or PulseAudio where those run, and the sound card itself where they do not), and
stopping is ending the process. `KIOSK_AUDIO_DEVICE` names another ALSA device for a kiosk
whose speaker is not the default one (`aplay -L` lists them).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import threading
from collections.abc import Mapping
from typing import Protocol

from kiosk.speech import wav

log = logging.getLogger(__name__)


class Playback(Protocol):
    def wait(self, timeout: float | None = None) -> bool:
        """Waits for the end; True when it played to the end, False when it was stopped,
        failed, or is still playing after `timeout`."""
        ...

    def stop(self) -> None:
        """Ends the sound now."""
        ...

    def running(self) -> bool: ...


class Player(Protocol):
    def problem(self) -> str | None:
        """Why nothing can be played here, in one sentence for staff; None when it can."""
        ...

    def start(self, wav_bytes: bytes) -> Playback:
        """Starts playing and returns at once."""
        ...


class AplayPlayback:
    def __init__(self, process: subprocess.Popen[bytes], wav_bytes: bytes) -> None:
        self.process = process
        self._stopped = False
        self._finishing = threading.Lock()
        self._feeder = threading.Thread(target=self._feed, args=(wav_bytes,), daemon=True,
                                        name="kiosk-audio-feed")
        self._feeder.start()

    def _feed(self, wav_bytes: bytes) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        try:
            stdin.write(wav_bytes)
        except (BrokenPipeError, ValueError, OSError):
            pass  # stopped, or the device went away: wait() says which
        finally:
            with contextlib.suppress(OSError):
                stdin.close()

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        return self.process.poll() is None

    def wait(self, timeout: float | None = None) -> bool:
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return False
        said = self._finish()
        if code != 0 and not self._stopped:
            log.warning("aplay stopped with exit %s: %s", code, said[-300:])
        return code == 0 and not self._stopped

    def stop(self) -> None:
        self._stopped = True
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(2.0)
        except subprocess.TimeoutExpired:
            log.error("aplay %s did not end when killed", self.process.pid)
            return
        self._finish()

    def _finish(self) -> str:
        """What aplay said on stderr, once it has ended; its pipe closed. Both the thread
        waiting for the end and the one stopping it may get here: the first one reads."""
        self._feeder.join(2.0)
        with self._finishing:
            stderr = self.process.stderr
            if stderr is None or stderr.closed:
                return ""
            try:
                return stderr.read().decode("utf-8", "replace").strip()
            finally:
                stderr.close()


class AplayPlayer:
    """ALSA's `aplay`, one process per utterance."""

    def __init__(self, device: str | None = None, command: str = "aplay",
                 env: Mapping[str, str] | None = None) -> None:
        self.device = device or os.environ.get("KIOSK_AUDIO_DEVICE") or "default"
        self.command = command
        self.env = dict(env) if env is not None else None
        self._problem: str | None = None
        self._checked = False

    def problem(self) -> str | None:
        if not self._checked:
            self._checked = True
            self._problem = self._check()
        return self._problem

    def _check(self) -> str | None:
        if shutil.which(self.command) is None:
            return ("Read aloud is off: the audio player aplay is not installed "
                    "(Debian package alsa-utils).")
        try:  # a WAV of no sound: aplay opens the device, or says why it cannot, at once
            done = subprocess.run(self._command(), input=wav.write(wav.silence(0)),
                                  capture_output=True, timeout=10, check=False, env=self.env)
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"Read aloud is off: the audio player aplay did not start ({error})."
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = said[-1].split(": ", 2)[-1] if said else f"exit {done.returncode}"
            return (f"Read aloud is off: this computer has no sound device the kiosk can "
                    f"play to (ALSA device \"{self.device}\": {reason}).")
        return None

    def _command(self) -> list[str]:
        return [self.command, "-q", "-D", self.device, "-"]

    def start(self, wav_bytes: bytes) -> AplayPlayback:
        process = subprocess.Popen(self._command(), stdin=subprocess.PIPE,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   env=self.env)
        return AplayPlayback(process, wav_bytes)
