"""What restoring a backup of the directory must never roll back.

The staff PIN's hash and its lockout, the publisher key the kiosk trusts, the highest bundle
version it has applied and its own id live in `kiosk-state.db`, a small SQLite file beside
the database. Backups never copy it and a restore never touches it, so a restore (or a file
swapped by someone with the stick) cannot bring back an old PIN, forget the lockout, trust
an old key or accept an older bundle.

`state_of(store)` is the state beside a store's database (in memory for a store in memory).
Values that cannot be written (a full or read-only disk) are kept in memory for the life of
the process and read back from there, so a lockout still holds until the kiosk restarts.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from kiosk.directory.sql_errors import known_error
from kiosk.errors import KnownError

STATE_NAME = "kiosk-state.db"
PIN_HASH = "pin_hash"
PIN_LOCKOUT = "pin_lockout"
TRUSTED_KEY = "trusted_key"
BUNDLE_VERSION = "bundle.version"
BUNDLE_PUBLISHER = "bundle.publisher"
KIOSK_ID = "kiosk.id"  # made by kiosk.updates.fleet.kiosk_id
KEYS = (PIN_HASH, PIN_LOCKOUT, TRUSTED_KEY, BUNDLE_VERSION, BUNDLE_PUBLISHER, KIOSK_ID)
# Kept in the database's settings table by earlier versions; taken over once.
_EARLIER = (PIN_HASH, PIN_LOCKOUT, TRUSTED_KEY, BUNDLE_VERSION, BUNDLE_PUBLISHER, KIOSK_ID)
_TAKEN_OVER = "taken_over_from_database"


class StateError(KnownError):
    """The state file cannot be written (the disk is full or read-only)."""


class KioskState:
    """Typed keys over one small table, each write its own transaction."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None,
                 writable: bool = True) -> None:
        self.conn = conn
        self.path = path
        self.writable = writable
        self.unsaved: dict[str, Any] = {}
        self.why_not = ""  # why writes are refused, when they are
        try:
            with conn:
                conn.execute("create table if not exists state "
                             "(key text primary key, value text not null)")
        except sqlite3.Error as error:  # a full or read-only disk: what is there is read
            self.writable = False
            known = known_error(error, path)
            self.why_not = known.message if known else str(error)

    @classmethod
    def open(cls, path: Path) -> KioskState:
        """The state file at `path`, made if new. On a disk that cannot take it, what is
        there is read, and every write raises `StateError` (after keeping it in memory)."""
        try:
            conn = sqlite3.connect(path, timeout=5)
            conn.execute("PRAGMA synchronous = FULL")
            return cls(conn, path)
        except sqlite3.Error:
            pass
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            conn.execute("select count(*) from sqlite_master").fetchone()
        except sqlite3.Error:
            conn = sqlite3.connect(":memory:")
        return cls(conn, path, writable=False)

    @classmethod
    def memory(cls) -> KioskState:
        return cls(sqlite3.connect(":memory:"))

    def close(self) -> None:
        self.conn.close()

    def get(self, key: str, default: Any = None) -> Any:
        if key in self.unsaved:
            return self.unsaved[key]
        try:
            row = self.conn.execute("select value from state where key = ?", [key]).fetchone()
        except sqlite3.Error:
            return default
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        self.set_many({key: value})

    def set_many(self, values: dict[str, Any]) -> None:
        """Write all of `values` in one transaction. When that fails, they are kept in
        memory (and read back from there) and `StateError` says why."""
        if not self.writable:
            self.unsaved.update(values)
            raise StateError(self.why_not or _sentence_for(self.path))
        try:
            with self.conn:
                self.conn.executemany(
                    "insert into state (key, value) values (?, ?) "
                    "on conflict(key) do update set value = excluded.value",
                    [(k, json.dumps(v)) for k, v in values.items()])
        except sqlite3.Error as error:
            self.unsaved.update(values)
            known = known_error(error, self.path)
            raise StateError(known.message if known else f"The kiosk's state file "
                             f"({self.path}) cannot be written ({error}).") from error
        for key in values:
            self.unsaved.pop(key, None)

    def has(self, key: str) -> bool:
        return self.get(key) is not None

    def take_over(self, settings_rows: dict[str, Any]) -> None:
        """Adopt the values an earlier version kept in the database, once."""
        if self.get(_TAKEN_OVER):
            return
        found = {k: v for k, v in settings_rows.items() if k in _EARLIER and not self.has(k)}
        with contextlib.suppress(StateError):  # kept in memory; taken over again next time
            self.set_many({**found, _TAKEN_OVER: True})


def _sentence_for(path: Path | None) -> str:
    from kiosk.directory.sql_errors import sentence

    return sentence("read-only", path)


def state_path(database: Path) -> Path:
    return database.with_name(STATE_NAME)


def state_of(store: Any) -> KioskState:
    """The state beside `store`'s database, opened once per store."""
    found = getattr(store, "_kiosk_state", None)
    if found is not None:
        return found
    file = None
    try:
        for _seq, name, path in store.db.conn.execute("PRAGMA database_list").fetchall():
            if name == "main" and path:
                file = Path(path)
    except sqlite3.Error:
        pass
    state = KioskState.open(state_path(file)) if file is not None else KioskState.memory()
    try:
        rows = dict(store.db.execute("select key, value from settings").fetchall())
        state.take_over({k: json.loads(v) for k, v in rows.items() if k in _EARLIER})
    except sqlite3.Error:
        pass
    store._kiosk_state = state
    return state


# -- the names other parts use -----------------------------------------------------------------

def trusted_key(store: Any) -> str:
    """The publisher's public key (PEM) this kiosk trusts, or ""."""
    return str(state_of(store).get(TRUSTED_KEY) or "")


def set_trusted_key(store: Any, pem: str) -> None:
    state_of(store).set(TRUSTED_KEY, pem)


def applied_version(store: Any) -> int:
    """The highest bundle version ever applied here. It only goes up: a version the
    restored database remembers is taken when higher, never lowered to it."""
    state = state_of(store)
    kept = _whole(state.get(BUNDLE_VERSION))
    try:
        row = store.db.execute("select value from settings where key = ?",
                               [BUNDLE_VERSION]).fetchone()
        in_database = _whole(json.loads(row[0])) if row else 0
    except (sqlite3.Error, ValueError):
        in_database = 0
    if in_database > kept:
        with contextlib.suppress(StateError):
            state.set(BUNDLE_VERSION, in_database)
        kept = in_database
    return kept


def record_applied(store: Any, version: int, publisher: str) -> None:
    """Raise the high-water mark after a bundle was applied (never lowers it)."""
    highest = max(int(version), applied_version(store))
    state_of(store).set_many({BUNDLE_VERSION: highest, BUNDLE_PUBLISHER: publisher})


def _whole(value: Any) -> int:
    """A version as stored: a whole number, else 0 (a spoilt value never counts)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
