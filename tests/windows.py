"""The kiosk's window over a test directory, and the admin opened over it, for every test
of the visitor screens, the staff screens and the print preview (loaded for all tests by
tests/conftest.py).

A package chooses its directory by overriding the `bundled` fixture in its conftest.py.

- `make_window(size=..., pin=..., settings=..., **KioskWindow options)` makes a shown
  window; `window` is one at 1280x800 over `bundled`.
- `admin` is the staff screens over `window`, signed in as "AB" directly (the tests of
  signing in, in tests/admin/test_getting_in.py, type on the PIN pad instead); `sign_in`
  does the same over any window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell, open_admin
from kiosk.app import connect_staff
from kiosk.datadir import open_data_dir
from kiosk.directory.settings import Settings
from kiosk.staff.pin import PinGuard
from kiosk.ui.window import KioskWindow
from tests.ui.helpers import FIXTURE, MONDAY_10AM, FakeSpeech

PIN = "246810"
DEFAULT_PIN = "(staff_pin)"  # make_window's pin when none is given
MakeWindow = Callable[..., KioskWindow]


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    """Monday 23 November 2026, 10:00, until the test moves it."""
    return Clock(MONDAY_10AM)


@pytest.fixture
def speech() -> FakeSpeech:
    return FakeSpeech()


@pytest.fixture
def bundled() -> Path:
    """The directory a new window's data folder is filled from."""
    return FIXTURE


@pytest.fixture
def staff_pin() -> str | None:
    """The staff PIN a new window's data folder gets (None: no PIN yet)."""
    return None


@pytest.fixture
def make_window(qtbot: QtBot, fresh_data_dir: Path, bundled: Path, clock: Clock,
                speech: FakeSpeech, staff_pin: str | None) -> Iterator[MakeWindow]:
    """Makes a shown kiosk window over `bundled` (or `directory`), at a kiosk's size, with
    the staff corner connected; `pin` (by default `staff_pin`) sets the staff PIN first,
    `settings` sets settings first; other options go to `KioskWindow`."""
    made: list[KioskWindow] = []

    def make(size: tuple[int, int] = (1280, 800), *, pin: str | None = DEFAULT_PIN,
             settings: dict[str, Any] | None = None, directory: Path | None = None,
             **options: Any) -> KioskWindow:
        pin = staff_pin if pin is DEFAULT_PIN else pin
        store = open_data_dir(fresh_data_dir, bundled=directory or bundled, clock=clock)
        guard = PinGuard(Settings(store), clock)
        if pin and not guard.has_pin():
            guard.set_pin(pin)
        for key, value in (settings or {}).items():
            Settings(store).set(key, value)
        options.setdefault("speech", speech)
        options.setdefault("clock", clock)
        window = KioskWindow(store, fresh_data_dir, **options)
        connect_staff(window)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window._may_close = True
        window.close()
        window.store.close()


@pytest.fixture
def window(make_window: MakeWindow) -> KioskWindow:
    return make_window()


def sign_in(window: KioskWindow, who: str = "AB",
            clock: Callable[[], dt.datetime] | None = None) -> AdminShell:
    """The staff screens over `window`, past the PIN pad and the name as if both were
    typed (what the pad and the name page say when they are done)."""
    shell = open_admin(window, clock=clock)
    shell.pad.accepted.emit()
    shell.who_page.done.emit(who)
    assert shell.screen is not None and shell.screen.isVisible()
    for _ in range(3):  # laid out, as it is by the time a finger reaches it
        QApplication.processEvents()
    return shell


@pytest.fixture
def admin(window: KioskWindow, clock: Clock) -> AdminShell:
    """The admin screen over `window`, signed in as "AB"."""
    return sign_in(window, clock=clock)
