"""A small stand-in for systemd that runs a unit's service the way its [Service] says.

There is no running systemd in the test machine (systemd-analyze verify checks the unit file
itself). This runs `ExecStart` in a new process group, gives it `$NOTIFY_SOCKET` and
`$WATCHDOG_USEC` as `Type=notify` with `WatchdogSec=` does, kills the group when the heartbeat
stops for `WatchdogSec` (SERVICE_RESULT=watchdog) and restarts it `RestartSec` after any end,
as `Restart=always` does, running `ExecStopPost` in between with systemd's variables. What it
does not do: PAM sessions, the virtual terminal, cgroups, the unit's sandboxing options.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def service_section(unit: Path) -> dict[str, list[str]]:
    """Every key of [Service], each with all its values (systemd allows repeats)."""
    out: dict[str, list[str]] = {}
    section = ""
    for raw in unit.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        if section == "Service" and "=" in line:
            key, value = line.split("=", 1)
            out.setdefault(key.strip(), []).append(value.strip())
    return out


def seconds(value: str) -> float:
    value = value.strip()
    for suffix, factor in (("ms", 0.001), ("min", 60.0), ("s", 1.0)):
        if value.endswith(suffix):
            return float(value[: -len(suffix)]) * factor
    return float(value)


@dataclass
class Event:
    at: float
    what: str  # "start", "ready", "exit", "watchdog", "stop-post"
    detail: str = ""


@dataclass
class Supervisor:
    unit: Path
    wrap: Callable[[list[str], dict[str, str]], list[str]]  # how to run a command line
    env: dict[str, str]
    rewrite: Callable[[str], str] = lambda line: line
    watchdog_s: float | None = None  # overrides WatchdogSec (a test waits less)
    events: list[Event] = field(default_factory=list)
    beats: int = 0

    def __post_init__(self) -> None:
        service = service_section(self.unit)
        self.exec_start = self.rewrite(service["ExecStart"][-1])
        self.stop_post = [self.rewrite(v) for v in service.get("ExecStopPost", [])]
        assert service.get("Restart") == ["always"], "the unit must say Restart=always"
        self.restart_s = seconds(service.get("RestartSec", ["0.1"])[-1])
        self.watchdog = self.watchdog_s if self.watchdog_s is not None else seconds(
            service.get("WatchdogSec", ["0"])[-1])
        for item in service.get("Environment", []):
            for pair in shlex.split(item):
                key, value = pair.split("=", 1)
                self.env.setdefault(key, value)
        self.socket_path = Path(self.env["XDG_RUNTIME_DIR"]).parent / "notify.sock"
        self._stop = threading.Event()
        self._proc: subprocess.Popen[bytes] | None = None
        self._last_beat = 0.0
        self._lock = threading.Lock()

    # -- notifications ----------------------------------------------------------------------

    def _listen(self, sock: socket.socket) -> None:
        sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                data = sock.recv(4096).decode("utf-8", "replace")
            except TimeoutError:
                continue
            except OSError:
                return
            now = time.monotonic()
            for line in data.splitlines():
                if line == "READY=1":
                    self._note("ready")
                    self._last_beat = now
                elif line == "WATCHDOG=1":
                    self.beats += 1
                    self._last_beat = now

    def _note(self, what: str, detail: str = "") -> None:
        with self._lock:
            self.events.append(Event(time.monotonic(), what, detail))

    def seen(self, what: str) -> list[Event]:
        with self._lock:
            return [e for e in self.events if e.what == what]

    def wait_for(self, what: str, count: int, timeout: float) -> Event:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.seen(what)
            if len(found) >= count:
                return found[count - 1]
            time.sleep(0.1)
        raise AssertionError(f"no {what} #{count} within {timeout} s; events: {self.events}")

    # -- the service ------------------------------------------------------------------------

    def _environment(self) -> dict[str, str]:
        env = {**self.env, "NOTIFY_SOCKET": str(self.socket_path)}
        if self.watchdog:
            env["WATCHDOG_USEC"] = str(int(self.watchdog * 1_000_000))
        return env

    def _run_stop_post(self, result: str, code: str, status: str) -> None:
        for line in self.stop_post:
            env = {**self.env, "SERVICE_RESULT": result, "EXIT_CODE": code,
                   "EXIT_STATUS": status}
            subprocess.run(self.wrap(shlex.split(line), env), timeout=60, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self._note("stop-post", result)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._last_beat = time.monotonic()
            proc = subprocess.Popen(self.wrap(shlex.split(self.exec_start),
                                              self._environment()),
                                    start_new_session=True, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            self._proc = proc
            self._note("start", str(proc.pid))
            result = ""
            while proc.poll() is None and not self._stop.is_set():
                if self.watchdog and time.monotonic() - self._last_beat > self.watchdog:
                    self._note("watchdog")
                    result = "watchdog"
                    self._kill(proc)
                    break
                time.sleep(0.1)
            if self._stop.is_set():
                self._kill(proc)
                return
            code = proc.wait()
            if not result:
                result = "signal" if code < 0 else ("success" if code == 0 else "exit-code")
            self._note("exit", f"{result} {code}")
            self._run_stop_post(result, "killed" if code < 0 else "exited",
                                str(-code if code < 0 else code))
            self._stop.wait(self.restart_s)

    def _kill(self, proc: subprocess.Popen[bytes]) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)

    def start(self) -> None:
        self.socket_path.unlink(missing_ok=True)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(str(self.socket_path))
        self.socket_path.chmod(0o777)  # the service runs as another user
        self._sock = sock
        threading.Thread(target=self._listen, args=(sock,), daemon=True).start()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(60)
        self._sock.close()
        self.socket_path.unlink(missing_ok=True)

    def child_pids(self) -> list[int]:
        """Every process in the service's process group."""
        if self._proc is None:
            return []
        group = self._proc.pid
        out = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if os.getpgid(int(entry.name)) == group:
                    out.append(int(entry.name))
            except (ProcessLookupError, PermissionError):
                continue
        return out


def kiosk_pid(pids: list[int]) -> int | None:
    """The kiosk's own process among them (python -m kiosk, not cage or the shell)."""
    for pid in pids:
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"-m" in argv and b"kiosk" in argv and not any(a.endswith(b"cage") for a in argv):
            return pid
    return None
