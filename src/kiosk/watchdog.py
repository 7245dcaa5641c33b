"""A heartbeat from the event loop to systemd, and a note for staff when the kiosk restarts.

Under systemd (deploy/kiosk@.service) the unit has `WatchdogSec=`: systemd expects
`WATCHDOG=1` at least that often on `$NOTIFY_SOCKET`, and kills and restarts the kiosk when it
stops coming. The heartbeat is sent by a timer *in the Qt event loop*, so it stops exactly
when the screen stops answering (a hang, not only a crash). The message is one datagram on a
Unix socket; no library is needed.

The kiosk runs as a child of the cage compositor, so `$WATCHDOG_PID` names cage, not us: the
unit says `NotifyAccess=all`, and the heartbeat does not insist on that PID.

Each start leaves a mark in the data folder that a clean exit removes; `ExecStopPost`
(`kiosk note-stop`) records why systemd stopped it. The next start turns either into one
notice on the admin screen, so staff learn that the kiosk was restarted and why.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

RUN_DIR = "run"
RUNNING = "kiosk.running"  # present while a kiosk runs; left behind by a crash or a kill
LAST_STOP = "last-stop.json"  # written by `kiosk note-stop` after systemd stopped the kiosk


def notify(message: str, environ: dict[str, str] | None = None) -> bool:
    """Send `message` ("READY=1", "WATCHDOG=1", ...) to the service manager, if there is
    one; False when there is none or it cannot be reached."""
    env = os.environ if environ is None else environ
    address = env.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    import socket  # only under a service manager, not before every first frame

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.sendto(message.encode("utf-8"), address)
    except OSError as error:
        log.warning("could not tell the service manager %r: %s", message, error)
        return False
    return True


def heartbeat_ms(environ: dict[str, str] | None = None) -> int:
    """How often to send WATCHDOG=1: half the watchdog's time, or 0 when there is none."""
    env = os.environ if environ is None else environ
    try:
        usec = int(env.get("WATCHDOG_USEC", "0"))
    except ValueError:
        return 0
    return max(50, usec // 2000) if usec > 0 else 0


def _run_dir(data_dir: Path) -> Path:
    return data_dir / RUN_DIR


def note_stop(data_dir: Path, environ: dict[str, str] | None = None,
              now: dt.datetime | None = None) -> Path:
    """Record why the service manager stopped the kiosk ($SERVICE_RESULT, $EXIT_CODE,
    $EXIT_STATUS, as systemd gives them to ExecStopPost)."""
    from kiosk.directory.files import write_atomically

    env = os.environ if environ is None else environ
    record = {"at": (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
              "result": env.get("SERVICE_RESULT", ""), "code": env.get("EXIT_CODE", ""),
              "status": env.get("EXIT_STATUS", "")}
    path = _run_dir(data_dir) / LAST_STOP
    write_atomically(path, json.dumps(record))
    return path


_WHY = {
    "watchdog": "it stopped answering (the watchdog restarted it)",
    "signal": "it was stopped by a signal",
    "core-dump": "it crashed",
    "exit-code": "it closed with an error",
    "timeout": "it did not start or stop in time",
    "oom-kill": "the computer ran out of memory",
}


def restart_notice(data_dir: Path) -> str | None:
    """The sentence for staff if the last run did not end cleanly, else None. Reading it
    clears the record."""
    run = _run_dir(data_dir)
    marker, stop = run / RUNNING, run / LAST_STOP
    why = ""
    when = ""
    try:
        record = json.loads(stop.read_text(encoding="utf-8"))
        if isinstance(record, dict) and record.get("result") not in ("", "success"):
            why = _WHY.get(str(record.get("result")), f"it stopped ({record.get('result')})")
            when = str(record.get("at", ""))[:16].replace("T", " ")
    except (OSError, ValueError):
        pass
    unclean = marker.exists()
    if unclean and not when:
        try:
            started = dt.datetime.fromtimestamp(marker.stat().st_mtime, dt.UTC)
            when = f"a run started {started.isoformat(timespec='minutes')[:16]} UTC"
        except OSError:
            when = ""
    stop.unlink(missing_ok=True)
    if not why and not unclean:
        return None
    why = why or "it closed unexpectedly (a crash, a kill or a power cut)"
    return (f"The kiosk was restarted because {why}"
            + (f" ({when})" if when else "") + ". If this happens often, the log in the "
            "data folder says more.")


def mark_running(data_dir: Path) -> Path:
    run = _run_dir(data_dir)
    run.mkdir(parents=True, exist_ok=True)
    marker = run / RUNNING
    marker.write_text(str(os.getpid()), encoding="ascii")
    return marker


def mark_stopped(data_dir: Path) -> None:
    (_run_dir(data_dir) / RUNNING).unlink(missing_ok=True)


class Heartbeat:
    """WATCHDOG=1 from a QTimer in the event loop; READY=1 once the first frame is up."""

    def __init__(self, environ: dict[str, str] | None = None) -> None:
        from PySide6.QtCore import QTimer

        self.environ = dict(os.environ if environ is None else environ)
        self.interval_ms = heartbeat_ms(self.environ)
        self.sent = 0
        self.timer = QTimer()
        self.timer.setObjectName("watchdog-heartbeat")
        self.timer.timeout.connect(self.beat)
        if self.interval_ms:
            self.timer.setInterval(self.interval_ms)

    def start(self) -> None:
        notify("READY=1", self.environ)
        if self.interval_ms:
            self.beat()
            self.timer.start()

    def beat(self) -> None:
        if notify("WATCHDOG=1", self.environ):
            self.sent += 1

    def stop(self) -> None:
        self.timer.stop()
        notify("STOPPING=1", self.environ)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("note-stop", parents=[common],
                       help="record why the service manager stopped the kiosk (the unit's "
                            "ExecStopPost), for a notice at the next start")
    p.set_defaults(func=cmd_note_stop)


def cmd_note_stop(args: argparse.Namespace) -> int:
    from kiosk.commandline import data_dir_of

    note_stop(data_dir_of(args))
    return 0
