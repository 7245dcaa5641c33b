"""Real speech for the speech tests: espeak-ng, and the session's own sound server."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.directory.files import read_directory
from kiosk.directory.model import Directory
from tests.conftest import PULSE_ROOT
from tests.services.pulse import PrivatePulse

FIXTURE = Path(__file__).parents[1] / "ui" / "fixture" / "directory.yaml"
MONDAY_10AM = dt.datetime(2026, 11, 23, 10, 0)


@pytest.fixture(scope="session")
def directory() -> Directory:
    return read_directory(FIXTURE)


@pytest.fixture(scope="session")
def sound_server() -> Iterator[PrivatePulse]:
    """The session's PulseAudio with a null sink; `KIOSK_AUDIO_DEVICE` already points at it."""
    pulse = PrivatePulse(PULSE_ROOT)
    pulse.start()
    try:
        yield pulse
    finally:
        pulse.stop()
