"""A sound server of the tests' own: PulseAudio in a temporary folder, playing into a null
sink, never the machine's speakers.

The null sink plays in real time (a second of sound takes a second) and has a monitor that
can be recorded, so a test hears exactly what the kiosk's player sent: how long, how loud.
The server listens on a Unix socket inside its folder only; the test session names it in
`PULSE_SERVER` and sets `KIOSK_AUDIO_DEVICE=pulse`, so the kiosk's player (ALSA's `aplay`,
through the ALSA PulseAudio plugin) plays into it. When it is not running, the kiosk finds no
sound device at all, whatever the machine has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

SINK = "kiosk_test"
RATE = 22050


class PulseUnavailable(RuntimeError):
    """The server could not be started; the message says why and what to install."""


class Monitor:
    """parec on the null sink's monitor, for the server's whole life: starting a recorder
    takes the server a second or two, so one runs throughout and tests take slices of it."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.buffer = bytearray()
        self.lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while True:
            chunk = self.process.stdout.read1(65536)
            if not chunk:
                return
            with self.lock:
                self.buffer += chunk

    def position(self) -> int:
        with self.lock:
            return len(self.buffer)

    def since(self, start: int) -> bytes:
        with self.lock:
            return bytes(self.buffer[start:])

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self._reader.join(5)
        if self.process.stdout is not None:
            self.process.stdout.close()


class Recording:
    """What reached the null sink from `record()` on, as 16-bit mono samples at `RATE`."""

    def __init__(self, monitor: Monitor) -> None:
        self.monitor = monitor
        self.start = monitor.position()

    def stop(self, settle_s: float = 0.3) -> bytes:
        time.sleep(settle_s)  # what was played last is still on its way from the server
        return self.monitor.since(self.start)


class PrivatePulse:
    """`pulseaudio` with its runtime, config and socket inside `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.socket = root / "native"
        self.process: subprocess.Popen[bytes] | None = None
        self.monitor: Monitor | None = None

    @property
    def server(self) -> str:
        return f"unix:{self.socket}"

    def env(self) -> dict[str, str]:
        """An environment for a client of this server alone."""
        env = dict(os.environ)
        env.update(PULSE_SERVER=self.server, HOME=str(self.root / "home"),
                   XDG_RUNTIME_DIR=str(self.root / "run"),
                   XDG_CONFIG_HOME=str(self.root / "config"))
        return env

    def start(self) -> None:
        missing = [tool for tool in ("pulseaudio", "pactl", "parec", "aplay")
                   if shutil.which(tool) is None]
        if missing:
            raise PulseUnavailable(f"{', '.join(missing)} not found: install the test "
                                   f"packages (bash scripts/system-packages test)")
        for sub in ("home", "run", "config"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        (self.root / "run").chmod(0o700)
        self.socket.unlink(missing_ok=True)
        log = open(self.root / "pulseaudio.log", "wb")  # noqa: SIM115 (the server keeps it)
        self.process = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--use-pid-file=no", "--system=no",
             "--exit-idle-time=-1", "--disallow-module-loading=yes", "--log-target=stderr",
             "--load", f"module-null-sink sink_name={SINK} rate={RATE} channels=1",
             "--load", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1"],
            env=self.env(), stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            start_new_session=True)
        log.close()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise PulseUnavailable("pulseaudio stopped at start: "
                                       + (self.root / "pulseaudio.log").read_text()[-600:])
            if self.socket.exists() and self.ctl("info").returncode == 0:
                self.ctl("set-default-sink", SINK)
                return
            time.sleep(0.05)
        self.stop()
        raise PulseUnavailable("pulseaudio did not answer within 15 s")

    def ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["pactl", "-s", self.server, *args], capture_output=True,
                              text=True, timeout=10, check=False, env=self.env())

    def playing(self) -> int:
        """How many streams are playing into the server now."""
        result = self.ctl("list", "short", "sink-inputs")
        return len([line for line in result.stdout.splitlines() if line.strip()])

    def record(self) -> Recording:
        """Starts recording what the sink plays; `stop()` gives the samples."""
        if self.monitor is None:
            process = subprocess.Popen(
                ["parec", "-s", self.server, "-d", f"{SINK}.monitor", "--format=s16le",
                 f"--rate={RATE}", "--channels=1", "--latency-msec=20", "--raw"],
                env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            self.monitor = Monitor(process)
            deadline = time.monotonic() + 10
            while not self.monitor.position():  # the monitor takes a moment to start
                if time.monotonic() > deadline or process.poll() is not None:
                    raise PulseUnavailable("parec recorded nothing from the null sink")
                time.sleep(0.02)
        return Recording(self.monitor)

    def stop(self) -> None:
        if self.monitor is not None:
            self.monitor.close()
            self.monitor = None
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None
