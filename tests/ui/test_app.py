from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import _log_uncaught


@pytest.fixture
def kiosk_log() -> Iterator[logging.Logger]:
    """The kiosk's logger, left with the handlers it had (the ones a test adds are closed)."""
    root = logging.getLogger("kiosk")
    handlers = list(root.handlers)
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()


def test_a_bug_in_the_window_goes_to_the_log_not_the_screen(
        kiosk_log: logging.Logger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = kiosk_log
    _log_uncaught(tmp_path)
    try:
        raise RuntimeError("broken slot")
    except RuntimeError as error:
        sys.excepthook(RuntimeError, error, error.__traceback__)
    for handler in root.handlers:
        handler.flush()
    text = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "unexpected error in the kiosk window" in text and "broken slot" in text


def test_lines_logged_before_the_log_file_is_opened_reach_it(
        kiosk_log: logging.Logger, tmp_path: Path) -> None:
    from kiosk.logs import hold_logging, setup_logging

    root = kiosk_log
    hold_logging(tmp_path)
    logging.getLogger("kiosk.held-test").warning("the database cannot be opened for writing")
    assert not (tmp_path / "logs" / "kiosk.log").exists()  # kept in memory until then
    setup_logging(tmp_path)
    for handler in root.handlers:
        handler.flush()
    text = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "the database cannot be opened for writing" in text


def test_lines_held_for_a_log_file_that_never_opens_stay_bounded(
        kiosk_log: logging.Logger, tmp_path: Path) -> None:
    from kiosk.logs import HELD_LINES, _Held, hold_logging

    root = kiosk_log
    hold_logging(tmp_path)
    for n in range(HELD_LINES + 500):
        logging.getLogger("kiosk.held-test").warning("line %d", n)
    (held,) = [h for h in root.handlers if isinstance(h, _Held)]
    assert len(held.records) == HELD_LINES
    assert held.records[-1].getMessage() == f"line {HELD_LINES + 499}"  # the newest kept
