"""The kiosk under headless cage, run as its unit runs it: full screen, and back after a kill
or a hang.

cage runs with the headless backend and the pixman renderer, as an unprivileged user
(tests/services/kiosk_user.py). ExecStart comes from deploy/kiosk@.service, run by a small
stand-in for systemd (tests/services/supervisor.py) that keeps Restart=always and the
watchdog. One change to the command: `-r -r` turns the output by 180 degrees. In its normal
orientation cage hands a full-screen client's buffer straight to the output (direct scan-out)
and grim reads back an empty frame from a headless output; turned, the frame is composited
and grim sees what a screen would show. The 180-degree turn keeps the 1280x720 landscape
shape; `-r` alone (portrait) is checked too.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.paths import PROJECT_ROOT
from tests.services.kiosk_user import KioskUser
from tests.services.supervisor import Supervisor, kiosk_pid

UNIT = PROJECT_ROOT / "deploy" / "kiosk@.service"
SHOTS = Path(os.environ.get("KIOSK_SHOTS", "/tmp/kiosk-deploy-shots"))


@pytest.fixture
def user() -> Iterator[KioskUser]:
    for tool in ("cage", "grim", "Xwayland"):
        assert shutil.which(tool), f"{tool} is missing: bash scripts/system-packages test"
    made = KioskUser()
    yield made
    made.cleanup()


def supervise(user: KioskUser, turns: str = "-r -r", watchdog_s: float | None = None
              ) -> Supervisor:
    env = user.env(WLR_BACKENDS="headless", WLR_RENDERER="pixman",
                   WLR_LIBINPUT_NO_DEVICES="1")

    def rewrite(line: str) -> str:
        return line.replace("/usr/local/bin/kiosk", str(user.kiosk)).replace(
            "/usr/bin/cage -d --", f"/usr/bin/cage -d {turns} --")

    return Supervisor(UNIT, user.command, env, rewrite, watchdog_s=watchdog_s)


def screenshot(user: KioskUser, name: str) -> QImage:
    target = user.out / name
    env = user.env(WAYLAND_DISPLAY="wayland-0")
    done = subprocess.run(user.command(["grim", str(target)], env), capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(target, SHOTS / name)
    return QImage(str(target))


def kiosk_colours(image: QImage) -> float:
    """The share of sampled pixels that are not the compositor's black background."""
    step = 16
    points = [(x, y) for y in range(0, image.height(), step) for x in range(0, image.width(),
                                                                            step)]
    lit = sum(1 for x, y in points if image.pixelColor(x, y).lightness() > 40)
    return lit / len(points)


def notices(user: KioskUser) -> list[str]:
    db = sqlite3.connect(user.data / "kiosk.db")
    try:
        return [r[0] for r in db.execute("select text from notices order by id")]
    finally:
        db.close()


def test_the_unit_runs_the_kiosk_full_screen_and_brings_it_back_after_a_kill_and_a_hang(
        user: KioskUser) -> None:
    service = supervise(user, watchdog_s=4.0)
    service.start()
    try:
        service.wait_for("ready", 1, timeout=90)
        time.sleep(2)
        shot = screenshot(user, "cage-landscape.png")
        assert (shot.width(), shot.height()) == (1280, 720)
        assert kiosk_colours(shot) > 0.97  # the kiosk, edge to edge: no black left over
        corner = shot.pixelColor(shot.width() - 3, shot.height() - 3)
        assert corner.lightness() > 40

        # Killed: cage ends with its client, the unit starts both again within seconds.
        pid = kiosk_pid(service.child_pids())
        assert pid is not None
        killed_at = time.monotonic()
        os.kill(pid, signal.SIGKILL)
        back = service.wait_for("ready", 2, timeout=60)
        assert len(service.seen("exit")) == 1  # cage ended with its client (exit 0)
        assert back.at - killed_at < 30

        # Hung: the event loop stops (SIGSTOP), the heartbeat stops, the watchdog restarts it.
        beats = service.beats
        pid = kiosk_pid(service.child_pids())
        assert pid is not None
        time.sleep(2.5)
        assert service.beats > beats  # it was beating while it answered
        os.kill(pid, signal.SIGSTOP)
        service.wait_for("watchdog", 1, timeout=30)
        service.wait_for("ready", 3, timeout=60)
        time.sleep(1)
        assert any("stopped answering (the watchdog restarted it)" in text
                   for text in notices(user)), notices(user)
        assert any("was stopped by a signal" in text or "closed unexpectedly" in text
                   or "closed with an error" in text for text in notices(user))
        after = screenshot(user, "cage-after-restart.png")
        assert kiosk_colours(after) > 0.97
    finally:
        service.stop()


def test_the_kiosk_fills_a_portrait_output(user: KioskUser) -> None:
    service = supervise(user, turns="-r")
    service.start()
    try:
        service.wait_for("ready", 1, timeout=90)
        time.sleep(2)
        shot = screenshot(user, "cage-portrait.png")
        assert (shot.width(), shot.height()) == (720, 1280)
        assert kiosk_colours(shot) > 0.97
    finally:
        service.stop()
