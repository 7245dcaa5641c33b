"""The staff PIN: kept only as a salted scrypt hash, with a lockout that survives restarts.

A kiosk stands in a public room, so guessing must be slow: after `MAX_TRIES` wrong PINs the
pad locks for 30 s, then 60 s, 2 min, ... doubling each time. The lock's end and its level are
stored in the kiosk's state file, so neither pulling the plug nor restoring a backup resets
them. Only a right PIN does.
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
from kiosk.directory.state import PIN_HASH, PIN_LOCKOUT, StateError, state_of
from kiosk.errors import KnownError

MIN_DIGITS = 6
MAX_TRIES = 5
FIRST_WAIT_S = 30
MAX_WAIT_S = 24 * 60 * 60
HASH_KEY = PIN_HASH
LOCK_KEY = PIN_LOCKOUT
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
    """Sets and checks the PIN; `clock` is injected so tests can move time.

    The hash and the lockout live in the kiosk's state file (kiosk.directory.state), where
    restoring a backup cannot roll them back. Every entry is counted as a failure before it
    is checked, and only a right PIN clears the count: pulling the plug mid-check costs a
    try, never saves one. When the count cannot be written (a full or read-only disk) the
    pad refuses every entry until it can: a lockout that cannot be kept is a closed door.
    """

    def __init__(self, settings: Settings, clock: Clock = dt.datetime.now,
                 scrypt_n: int = SCRYPT_N) -> None:
        self.settings = settings
        self.state = state_of(settings.store)
        self.clock = clock
        self.scrypt_n = scrypt_n
        self.cannot_record = ""  # why entries are refused, when the lockout cannot be kept

    def has_pin(self) -> bool:
        return bool(self.state.get(HASH_KEY))

    def set_pin(self, pin: str) -> None:
        check_new_pin(pin)
        salt = os.urandom(16)
        record = {"algorithm": "scrypt", "n": self.scrypt_n, "r": SCRYPT_R, "p": SCRYPT_P,
                  "salt": salt.hex(), "hash": hash_pin(pin, salt, self.scrypt_n).hex()}
        try:
            self.state.set_many({HASH_KEY: record, LOCK_KEY: _fresh_lock()})
        except StateError as error:
            self.state.unsaved.pop(HASH_KEY, None)  # a PIN that is not kept is not set
            raise PinError(f"The PIN could not be saved. {error.message}") from None

    def _lock(self) -> dict[str, Any]:
        return {**_fresh_lock(), **(self.state.get(LOCK_KEY) or {})}

    def locked_until(self) -> dt.datetime | None:
        until = self._lock()["until"]
        if not until:
            return None
        try:
            end = dt.datetime.fromisoformat(until)
        except (TypeError, ValueError):  # a spoilt record locks, it does not open
            return self.clock() + dt.timedelta(seconds=FIRST_WAIT_S)
        return end if end > self.clock() else None

    def seconds_left(self) -> int:
        end = self.locked_until()
        if end is None:
            return 0
        return max(1, int((end - self.clock()).total_seconds() + 0.999))

    def _write_lock(self, lock: dict[str, Any]) -> bool:
        try:
            self.state.set(LOCK_KEY, lock)
        except StateError as error:
            self.cannot_record = error.message
            return False
        self.cannot_record = ""
        return True

    def check(self, pin: str) -> Attempt:
        """Compare `pin` with the stored hash, counting failures; refuses while locked and
        while a failure could not be recorded."""
        end = self.locked_until()
        if end is not None:
            return Attempt(False, 0, end)
        record = self.state.get(HASH_KEY)
        if not record:
            raise PinError("No PIN is set on this kiosk yet.")
        lock = self._lock()
        failed = {**lock, "failures": int(lock["failures"]) + 1}
        if int(failed["failures"]) >= MAX_TRIES:
            wait = min(FIRST_WAIT_S * 2 ** int(lock["level"]), MAX_WAIT_S)
            until = self.clock() + dt.timedelta(seconds=wait)
            failed = {"failures": 0, "level": int(lock["level"]) + 1,
                      "until": until.isoformat(timespec="seconds")}
        if not self._write_lock(failed):
            # Kept in memory by the state: the count still rises while the kiosk runs.
            return Attempt(False, 0, self.clock() + dt.timedelta(seconds=FIRST_WAIT_S))
        expected = bytes.fromhex(record["hash"])
        got = hash_pin(pin, bytes.fromhex(record["salt"]), int(record["n"]),
                       int(record["r"]), int(record["p"]))
        if hmac.compare_digest(expected, got):
            if not self._write_lock(_fresh_lock()):
                return Attempt(False, 0, self.clock() + dt.timedelta(seconds=FIRST_WAIT_S))
            return Attempt(True)
        if failed["until"]:
            return Attempt(False, 0, dt.datetime.fromisoformat(failed["until"]))
        return Attempt(False, MAX_TRIES - int(failed["failures"]))


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
