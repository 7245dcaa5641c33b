"""A real kiosk window over a small directory, and the admin screen opened over it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell, open_admin
from kiosk.app import connect_staff
from kiosk.datadir import open_data_dir
from kiosk.directory.settings import Settings
from kiosk.staff.pin import PinGuard
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import FIXTURE, PIN, Clock, enter_pin, tap
from tests.ui.helpers import FakeSpeech


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 11, 23, 10, 0))


@pytest.fixture
def make_kiosk(qtbot: QtBot, fresh_data_dir: Path, clock: Clock) -> Iterator:
    made: list[KioskWindow] = []

    def make(size: tuple[int, int] = (1280, 800), pin: str | None = PIN) -> KioskWindow:
        store = open_data_dir(fresh_data_dir, bundled=FIXTURE, clock=clock)
        if pin and not PinGuard(Settings(store), clock).has_pin():
            PinGuard(Settings(store), clock).set_pin(pin)
        window = KioskWindow(store, fresh_data_dir, speech=FakeSpeech(), clock=clock)
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
def kiosk(make_kiosk) -> KioskWindow:  # type: ignore[no-untyped-def]
    return make_kiosk()


@pytest.fixture
def admin(qtbot: QtBot, kiosk: KioskWindow, clock: Clock) -> AdminShell:
    """The admin screen, signed in as "AB" with the PIN typed on the pad."""
    shell = open_admin(kiosk, clock=clock)
    enter_pin(qtbot, shell.pad, PIN)
    qtbot.waitUntil(lambda: shell.who_page.isVisible())
    qtbot.keyClicks(shell.who_page.name, "AB")

    tap(qtbot, shell.who_page.ok)
    qtbot.waitUntil(lambda: shell.screen is not None and shell.screen.isVisible())
    return shell
