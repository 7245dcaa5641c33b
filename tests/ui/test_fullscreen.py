"""Full screen that fills the screen on its own: on Qt's offscreen platform, on screens of
another size or orientation, and under a bare X server with no window manager."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.datadir import open_data_dir
from kiosk.paths import PROJECT_ROOT
from kiosk.ui.fullscreen import keep_full_screen
from kiosk.ui.window import KioskWindow

PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
app.setStyle("Fusion")
from kiosk.app import create_main_window
from kiosk.ui.fullscreen import keep_full_screen
window = create_main_window(Path(sys.argv[1]), windowed=False)
keeper = keep_full_screen(window)
seen = []
def note(tag):
    screen = window.screen()
    seen.append({"tag": tag, "screen": screen.name(),
                 "screen_geometry": list(screen.geometry().getRect()),
                 "window": list(window.geometry().getRect()),
                 "header_width": window.header.width(), "full": window.isFullScreen()})
def move():
    others = [s for s in app.screens() if s is not window.screen()]
    if others:
        window.windowHandle().setScreen(others[0])
def done():
    window.grab().save(sys.argv[2])
    print(json.dumps(seen))
    window.leave()
steps = [lambda: note("start"), move, lambda: note("moved"), done]
def step():
    steps.pop(0)()
    if steps:
        QTimer.singleShot(1200, step)
QTimer.singleShot(1500, step)
app.exec()
"""


def run_probe(tmp_path: Path, env: dict[str, str]) -> list[dict[str, object]]:
    shot = tmp_path / "fullscreen.png"
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "data"), str(shot)],
                          env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT / "src"), **env},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.exists(), done.stderr[-2000:]
    seen: list[dict[str, object]] = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(seen) == 2, done.stderr[-2000:]
    return seen


def test_the_kiosk_fills_the_offscreen_screen(qtbot: QtBot, fresh_data_dir: Path,
                                              sample_dir: Path) -> None:
    """Qt's offscreen screen is 800x800; a plain showFullScreen() gave a 533x533 window."""
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    window = KioskWindow(store, fresh_data_dir, windowed=False)
    qtbot.addWidget(window)
    keeper = keep_full_screen(window)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    qtbot.waitUntil(lambda: window.geometry() == screen.geometry(), timeout=3000)
    assert window.isFullScreen()
    assert window.header.width() == screen.geometry().width()
    # Something shrinks it (a stray resize): it is put back.
    window.resize(400, 300)
    qtbot.waitUntil(lambda: window.geometry() == screen.geometry(), timeout=3000)
    keeper.deleteLater()
    # Not window.leave(): that also ends the application's event loop, and every later
    # test's waits would return at once.
    window._may_close = True
    window.close()


OFFSCREEN_SCREENS = {"screens": [
    {"name": "landscape", "x": 0, "y": 0, "width": 1280, "height": 800,
     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    {"name": "portrait", "x": 1280, "y": 0, "width": 800, "height": 1280,
     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


def test_the_kiosk_follows_its_window_to_a_screen_of_another_shape(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(OFFSCREEN_SCREENS))
    seen = run_probe(tmp_path, {"QT_QPA_PLATFORM": f"offscreen:configfile={config}"})
    start, moved = seen
    assert start["window"] == [0, 0, 1280, 800] and start["full"]
    assert moved["screen"] == "portrait"
    assert moved["window"] == [1280, 0, 800, 1280] and moved["full"]
    assert moved["header_width"] == 800


@pytest.fixture
def bare_x(tmp_path: Path) -> tuple[str, subprocess.Popen[bytes]]:
    """Xvfb with no window manager, on a display number of its own."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is missing: bash scripts/system-packages test"
    display = f":{90 + os.getpid() % 400}"
    server = subprocess.Popen([xvfb, display, "-screen", "0", "1280x800x24", "-nolisten",
                               "tcp", "-noreset"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.1)
    yield display, server
    server.terminate()
    server.wait(10)


def test_the_kiosk_fills_a_bare_x_server_with_no_window_manager(
        tmp_path: Path, bare_x: tuple[str, subprocess.Popen[bytes]]) -> None:
    """It was a 720x791 window at the top left with clipped header labels."""
    display, _ = bare_x
    seen = run_probe(tmp_path, {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display})
    assert seen[0]["window"] == [0, 0, 1280, 800]
    assert seen[0]["header_width"] == 1280
    # And as the X server sees it: the kiosk's top-level window covers the root window.
    tree = subprocess.run(["xwininfo", "-root", "-children"], env={**os.environ,
                          "DISPLAY": display}, capture_output=True, text=True, timeout=10)
    assert tree.returncode == 0  # the kiosk has closed; the root is still 1280x800
    root = subprocess.run(["xwininfo", "-root"], env={**os.environ, "DISPLAY": display},
                          capture_output=True, text=True, timeout=10).stdout
    assert "Width: 1280" in root and "Height: 800" in root
