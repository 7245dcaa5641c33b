"""The staff PIN: kept only as a salted scrypt hash, with a lockout that survives restarts.

A kiosk stands in a public room, so guessing must be slow: after `MAX_TRIES` wrong PINs the
pad locks for 30 s, then 60 s, 2 min, ... doubling each time. The lock's end and its level are
stored in the database, so pulling the plug does not reset them. Only a right PIN does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.directory.settings import Settings
from kiosk.errors import KnownError

MIN_DIGITS = 6
MAX_TRIES = 5
FIRST_WAIT_S = 30
MAX_WAIT_S = 24 * 60 * 60
HASH_KEY = "pin_hash"
LOCK_KEY = "pin_lockout"
# scrypt cost: about 50 ms on a small kiosk PC; stored beside the hash so it can grow later.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1

Clock = Callable[[], dt.datetime]


class PinError(KnownError):
    """A PIN that cannot be used (too short, not digits, the two entries differ)."""


def check_new_pin(pin: str) -> None:
    if not pin.isdigit():
        raise PinError("The PIN may hold only digits.")
    if len(pin) < MIN_DIGITS:
        raise PinError(f"The PIN needs at least {MIN_DIGITS} digits.")


def hash_pin(pin: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R,
             p: int = SCRYPT_P) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32)


@dataclass(frozen=True)
class Attempt:
    """The answer to one PIN entry."""

    ok: bool
    tries_left: int = MAX_TRIES
    locked_until: dt.datetime | None = None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


class PinGuard:
    """Sets and checks the PIN; `clock` is injected so tests can move time."""

    def __init__(self, settings: Settings, clock: Clock = dt.datetime.now,
                 scrypt_n: int = SCRYPT_N) -> None:
        self.settings = settings
        self.clock = clock
        self.scrypt_n = scrypt_n

    def has_pin(self) -> bool:
        return bool(self.settings.get_raw(HASH_KEY))

    def set_pin(self, pin: str) -> None:
        check_new_pin(pin)
        salt = os.urandom(16)
        record = {"algorithm": "scrypt", "n": self.scrypt_n, "r": SCRYPT_R, "p": SCRYPT_P,
                  "salt": salt.hex(), "hash": hash_pin(pin, salt, self.scrypt_n).hex()}
        with self.settings.store.db.atomic():
            self.settings.set_raw(HASH_KEY, record)
            self.settings.set_raw(LOCK_KEY, _fresh_lock())

    def _lock(self) -> dict[str, Any]:
        return {**_fresh_lock(), **(self.settings.get_raw(LOCK_KEY) or {})}

    def locked_until(self) -> dt.datetime | None:
        until = self._lock()["until"]
        if not until:
            return None
        end = dt.datetime.fromisoformat(until)
        return end if end > self.clock() else None

    def seconds_left(self) -> int:
        end = self.locked_until()
        if end is None:
            return 0
        return max(1, int((end - self.clock()).total_seconds() + 0.999))

    def check(self, pin: str) -> Attempt:
        """Compare `pin` with the stored hash, counting failures; refuses while locked."""
        lock = self._lock()
        end = self.locked_until()
        if end is not None:
            return Attempt(False, 0, end)
        record = self.settings.get_raw(HASH_KEY)
        if not record:
            raise PinError("No PIN is set on this kiosk yet.")
        expected = bytes.fromhex(record["hash"])
        got = hash_pin(pin, bytes.fromhex(record["salt"]), int(record["n"]),
                       int(record["r"]), int(record["p"]))
        if hmac.compare_digest(expected, got):
            self.settings.set_raw(LOCK_KEY, _fresh_lock())
            return Attempt(True)
        lock["failures"] += 1
        if lock["failures"] >= MAX_TRIES:
            wait = min(FIRST_WAIT_S * 2 ** lock["level"], MAX_WAIT_S)
            end = self.clock() + dt.timedelta(seconds=wait)
            lock = {"failures": 0, "level": lock["level"] + 1,
                    "until": end.isoformat(timespec="seconds")}
            self.settings.set_raw(LOCK_KEY, lock)
            return Attempt(False, 0, end)
        self.settings.set_raw(LOCK_KEY, lock)
        return Attempt(False, MAX_TRIES - lock["failures"])


def _fresh_lock() -> dict[str, Any]:
    return {"failures": 0, "level": 0, "until": ""}


def wait_text(seconds: int) -> str:
    """`45 s`, `2 min`, `1 h 5 min`: how long the pad stays locked, in words staff read."""
    if seconds < 60:
        return f"{seconds} s"
    minutes = (seconds + 59) // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min" if minutes % 60 else f"{minutes // 60} h"
