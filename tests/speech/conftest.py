"""The visitor screens' test directory, read as plain data, and the moment it is read at."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.directory.files import read_directory
from kiosk.directory.model import Directory

FIXTURE = Path(__file__).parents[1] / "ui" / "fixture" / "directory.yaml"
MONDAY_10AM = dt.datetime(2026, 11, 23, 10, 0)


@pytest.fixture(scope="session")
def directory() -> Directory:
    return read_directory(FIXTURE)
