"""Shared fixtures: every test gets its own data folder and never touches a real one."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from kiosk.directory.store import Store

SAMPLE = Path(__file__).parent / "samples"


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
