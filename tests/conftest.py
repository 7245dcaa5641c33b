"""Shared fixtures: every test gets its own data folder and never touches a real one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Every CUPS client of this session (Qt's printer list, `lpstat`, the `kiosk` commands the
# tests start) talks to the session's own scheduler, never the machine's. The name is set
# before anything loads libcups, which reads it once; the scheduler starts on first use.
os.environ["CUPS_SERVER"] = os.path.join(tempfile.mkdtemp(prefix="kiosk-cups-"), "run",
                                         "cups.sock")

import pytest

from kiosk.directory.store import Store
from tests.services.cups import PrintQueue, PrivateCups

pytest_plugins = ["tests.windows"]  # the kiosk window and admin fixtures

SAMPLE = Path(__file__).parent / "samples"
CUPS_ROOT = Path(os.environ["CUPS_SERVER"]).parents[1]


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


def pytest_unconfigure(config: pytest.Config) -> None:
    PrivateCups(CUPS_ROOT).remove()
