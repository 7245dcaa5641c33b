"""`kiosk set-pin` reads the PIN from standard input or the terminal, never from argv."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import build_parser, main
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.paths import database_path
from kiosk.staff.pin import HASH_KEY, PinGuard


def _run(data_dir: Path, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", "--data-dir", str(data_dir),
                           "set-pin"], input=stdin, capture_output=True, text=True,
                          env={**os.environ, "KIOSK_DATA_DIR": str(data_dir)}, timeout=120)


def test_set_pin_from_standard_input(fresh_data_dir: Path) -> None:
    done = _run(fresh_data_dir, "86420864\n86420864\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "The staff PIN is set."
    store = Store.open(database_path(fresh_data_dir))
    assert PinGuard(Settings(store)).check("86420864").ok
    assert "86420864" not in json.dumps(Settings(store).get_raw(HASH_KEY))


def test_short_or_different_pins_change_nothing(fresh_data_dir: Path) -> None:
    done = _run(fresh_data_dir, "1234\n")
    assert done.returncode == 1
    assert done.stderr.strip() == "The PIN needs at least 6 digits. The PIN was not changed."
    done = _run(fresh_data_dir, "86420864\n86420865\n")
    assert done.returncode == 1
    assert done.stderr.strip() == "The two PINs were not the same; the PIN was not changed."
    store = Store.open(database_path(fresh_data_dir))
    assert not PinGuard(Settings(store)).has_pin()


def test_the_pin_is_never_an_argument() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["set-pin", "123456"])


def test_from_the_terminal_it_asks_twice_without_echo(fresh_data_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return "97531975"

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", Tty())
    assert main(["--data-dir", str(fresh_data_dir), "set-pin"]) == 0
    assert asked == ["New staff PIN (6 digits or more): ", "The same PIN again: "]
