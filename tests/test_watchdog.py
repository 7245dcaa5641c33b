"""The heartbeat comes from the event loop, so a hung loop stops it; restarts are told to
staff at the next start."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk import watchdog


def listen(path: Path) -> tuple[socket.socket, list[tuple[float, str]]]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(0.1)
    got: list[tuple[float, str]] = []

    def run() -> None:
        while True:
            try:
                data = sock.recv(256)
            except TimeoutError:
                continue
            except OSError:
                return
            got.append((time.monotonic(), data.decode()))

    threading.Thread(target=run, daemon=True).start()
    return sock, got


def test_a_hung_event_loop_stops_the_heartbeat(qtbot: QtBot, tmp_path: Path) -> None:
    sock, got = listen(tmp_path / "notify.sock")
    env = {"NOTIFY_SOCKET": str(tmp_path / "notify.sock"), "WATCHDOG_USEC": "100000"}
    beat = watchdog.Heartbeat(env)
    assert beat.interval_ms == 50
    beat.start()
    qtbot.wait(500)
    hang: list[float] = []

    def hung() -> None:  # a slot that never returns in time: the screen stops answering
        hang.append(time.monotonic())
        time.sleep(1.0)
        hang.append(time.monotonic())

    QTimer.singleShot(0, hung)
    qtbot.waitUntil(lambda: len(hang) == 2, timeout=5000)
    qtbot.wait(500)
    beat.stop()
    deadline = time.monotonic() + 2
    while not (got and got[-1][1] == "STOPPING=1") and time.monotonic() < deadline:
        time.sleep(0.05)
    sock.close()
    messages = [m for _, m in got]
    assert messages[0] == "READY=1" and messages[-1] == "STOPPING=1"
    beats = [t for t, m in got if m == "WATCHDOG=1"]
    before = [t for t in beats if t < hang[0]]
    during = [t for t in beats if hang[0] + 0.01 < t < hang[1]]
    after = [t for t in beats if t > hang[1]]
    assert len(before) >= 5  # it beat while the loop answered
    assert during == []  # and not once while it hung
    assert len(after) >= 3  # and again once it answered


def test_no_service_manager_no_heartbeat() -> None:
    assert watchdog.notify("WATCHDOG=1", {}) is False
    assert watchdog.heartbeat_ms({}) == 0
    assert watchdog.heartbeat_ms({"WATCHDOG_USEC": "30000000"}) == 15000


def test_an_unclean_end_is_told_to_staff_once(tmp_path: Path) -> None:
    assert watchdog.restart_notice(tmp_path) is None  # a first start
    watchdog.mark_running(tmp_path)
    said = watchdog.restart_notice(tmp_path)  # the last run never reached mark_stopped
    assert said is not None and "closed unexpectedly" in said
    watchdog.mark_stopped(tmp_path)
    assert watchdog.restart_notice(tmp_path) is None  # a clean exit says nothing
    watchdog.mark_running(tmp_path)
    watchdog.note_stop(tmp_path, {"SERVICE_RESULT": "watchdog", "EXIT_CODE": "killed",
                                  "EXIT_STATUS": "ABRT"})
    said = watchdog.restart_notice(tmp_path)
    assert said is not None and "stopped answering (the watchdog restarted it)" in said
    watchdog.mark_stopped(tmp_path)
    assert watchdog.restart_notice(tmp_path) is None  # the record was read once
