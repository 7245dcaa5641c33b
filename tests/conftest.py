"""Shared fixtures: every test gets its own data folder and never touches a real one."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Every CUPS client of this session (Qt's printer list, `lpstat`, the `kiosk` commands the
# tests start) talks to the session's own scheduler, never the machine's. The name is set
# before anything loads libcups, which reads it once; the scheduler starts on first use.
os.environ["CUPS_SERVER"] = os.path.join(tempfile.mkdtemp(prefix="kiosk-cups-"), "run",
                                         "cups.sock")

# Every player of this session (the kiosk's, in this process or in the `kiosk` commands the
# tests start) plays into the session's own sound server, never the machine's speakers; when
# that server is not running there is no sound device at all (tests/services/pulse.py).
os.environ["PULSE_SERVER"] = "unix:" + os.path.join(tempfile.mkdtemp(prefix="kiosk-pulse-"),
                                                    "native")
os.environ["KIOSK_AUDIO_DEVICE"] = "pulse"

import pytest

from kiosk.directory.store import Store
from tests.services.cups import PrintQueue, PrivateCups
from tests.services.pulse import PrivatePulse

pytest_plugins = ["tests.windows"]  # the kiosk window and admin fixtures

SAMPLE = Path(__file__).parent / "samples"
CUPS_ROOT = Path(os.environ["CUPS_SERVER"]).parents[1]
PULSE_ROOT = Path(os.environ["PULSE_SERVER"].removeprefix("unix:")).parent


@pytest.fixture(autouse=True)
def fresh_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new, empty data folder for each test, also set as $KIOSK_DATA_DIR."""
    data_dir = tmp_path / "kiosk-data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    return data_dir


@pytest.fixture
def store() -> Store:
    return Store.memory()


@pytest.fixture
def sample_dir() -> Path:
    """A small directory in kiosk-directory/1 files, made for tests."""
    return SAMPLE / "small"


@pytest.fixture(scope="session")
def print_queue() -> Iterator[PrintQueue]:
    """A queue named kiosk-test on the session's own scheduler; jobs land in a file."""
    cups = PrivateCups(CUPS_ROOT)
    try:
        cups.start()
        yield cups.add_queue("kiosk-test")
    finally:
        cups.stop()


@pytest.fixture(scope="session", autouse=True)
def sound_server() -> Iterator[PrivatePulse]:
    """The session's own PulseAudio with a null sink; `KIOSK_AUDIO_DEVICE` and `PULSE_SERVER`
    already point every player at it. It runs for every test, as a kiosk has its speaker:
    a kiosk started by any test can speak, and tests of a kiosk without sound point
    `PULSE_SERVER` elsewhere."""
    pulse = PrivatePulse(PULSE_ROOT)
    pulse.start()
    try:
        yield pulse
    finally:
        pulse.stop()


def pytest_unconfigure(config: pytest.Config) -> None:
    PrivateCups(CUPS_ROOT).remove()
    shutil.rmtree(PULSE_ROOT, ignore_errors=True)
