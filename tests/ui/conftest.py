from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.datadir import open_data_dir
from kiosk.ui.window import KioskWindow
from tests.ui.helpers import FIXTURE, MONDAY_10AM, FakeSpeech


@pytest.fixture
def speech() -> FakeSpeech:
    return FakeSpeech()


@pytest.fixture
def make_window(qtbot: QtBot, fresh_data_dir: Path, speech: FakeSpeech) -> Iterator:
    """Builds a shown kiosk window over the test directory, at a kiosk size."""
    made: list[KioskWindow] = []

    def make(size: tuple[int, int] = (1280, 800), **kwargs: object) -> KioskWindow:
        store = open_data_dir(fresh_data_dir, bundled=FIXTURE, clock=lambda: MONDAY_10AM)
        kwargs.setdefault("speech", speech)
        kwargs.setdefault("clock", lambda: MONDAY_10AM)
        window = KioskWindow(store, fresh_data_dir, **kwargs)  # type: ignore[arg-type]
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
def window(make_window) -> KioskWindow:  # type: ignore[no-untyped-def]
    return make_window()
