"""The PIN is kept only as a slow salted hash, and guessing locks the pad for longer each time."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.staff.pin import HASH_KEY, LOCK_KEY, PinError, PinGuard, wait_text


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 23, 10, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def test_the_hash_is_all_that_is_stored(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "k.db")
    PinGuard(Settings(store)).set_pin("48151623")
    store.close()
    raw = (tmp_path / "k.db").read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.glob("k.db-*"))
    assert b"48151623" not in raw
    store = Store.open(tmp_path / "k.db")
    record = Settings(store).get_raw(HASH_KEY)
    assert record["algorithm"] == "scrypt" and record["n"] >= 2**14
    assert len(bytes.fromhex(record["salt"])) == 16 and len(bytes.fromhex(record["hash"])) == 32
    assert "48151623" not in json.dumps(record)
    assert PinGuard(Settings(store)).check("48151623").ok


def test_same_pin_gets_a_different_salt_and_hash() -> None:
    one, two = Settings(Store.memory()), Settings(Store.memory())
    PinGuard(one).set_pin("123456")
    PinGuard(two).set_pin("123456")
    assert one.get_raw(HASH_KEY)["hash"] != two.get_raw(HASH_KEY)["hash"]


@pytest.mark.parametrize(("pin", "words"), [("12345", "at least 6"), ("12a456", "only digits"),
                                            ("", "only digits")])
def test_short_or_non_digit_pins_are_refused(pin: str, words: str) -> None:
    guard = PinGuard(Settings(Store.memory()))
    with pytest.raises(PinError, match=words):
        guard.set_pin(pin)
    assert not guard.has_pin()


def test_five_wrong_pins_lock_with_a_growing_wait_that_survives_a_restart(
        tmp_path: Path) -> None:
    clock = Clock()
    store = Store.open(tmp_path / "k.db")
    guard = PinGuard(Settings(store), clock)
    guard.set_pin("246810")
    answers = [guard.check("000000") for _ in range(5)]
    assert [a.tries_left for a in answers[:4]] == [4, 3, 2, 1]
    assert answers[4].locked and answers[4].locked_until == clock.now + dt.timedelta(seconds=30)
    store.close()

    # The kiosk restarts: still locked, even for the right PIN.
    store = Store.open(tmp_path / "k.db")
    guard = PinGuard(Settings(store), clock)
    assert guard.seconds_left() == 30
    assert not guard.check("246810").ok
    clock.advance(31)
    assert guard.locked_until() is None
    for _ in range(5):
        last = guard.check("111111")
    assert last.locked_until == clock.now + dt.timedelta(seconds=60)
    clock.advance(61)
    for _ in range(5):
        last = guard.check("111111")
    assert last.locked_until == clock.now + dt.timedelta(seconds=120)
    clock.advance(121)
    assert guard.check("246810").ok
    assert Settings(store).get_raw(LOCK_KEY) == {"failures": 0, "level": 0, "until": ""}


def test_a_right_pin_resets_the_count_of_wrong_ones() -> None:
    guard = PinGuard(Settings(Store.memory()), Clock())
    guard.set_pin("246810")
    for _ in range(4):
        guard.check("000000")
    assert guard.check("246810").ok
    assert guard.check("000000").tries_left == 4


def test_wait_text() -> None:
    assert [wait_text(s) for s in (30, 60, 120, 3600, 3900)] == [
        "30 s", "1 min", "2 min", "1 h", "1 h 5 min"]
