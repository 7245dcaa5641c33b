"""SQLite's failures, sorted in one place into what staff can act on and what is a bug.

A full disk, a read-only folder or a database another program holds are not damage: the
file is sound and must never be moved aside for them. Those become a `StorageError` with
one sentence saying what to do. A file that is not a database, or whose pages are
corrupt, is a `DamagedDatabase`: the only case where recovery from a backup is right.
Anything else (a syntax error in our own SQL, a constraint we broke) is a bug and is
raised as it is, to reach the log with its traceback.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.errors import KnownError

# The primary result codes (the low byte of an extended code), by what they mean for staff.
FULL = {sqlite3.SQLITE_FULL}
READ_ONLY = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH}
LOCKED = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
UNREADABLE = {sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_NOMEM,
              sqlite3.SQLITE_NOLFS, sqlite3.SQLITE_PROTOCOL}
DAMAGE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}

# Messages of errors raised without a code (sqlite3 of older Pythons, sqlite-utils).
_BY_TEXT = (
    ("database or disk is full", "full"),
    ("attempt to write a readonly database", "read-only"),
    ("database is locked", "locked"),
    ("disk i/o error", "unreadable"),
    ("unable to open database file", "unreadable"),
    ("file is not a database", "damaged"),
    ("database disk image is malformed", "damaged"),
)


class StorageError(KnownError):
    """The disk or the folder failed the kiosk; the database itself is sound.

    `kind` is "full", "read-only", "locked" or "unreadable".
    """

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class DamagedDatabase(KnownError):
    """The file is not a database, or SQLite found its pages corrupt."""


def kind_of(error: BaseException) -> str | None:
    """"full", "read-only", "locked", "unreadable", "damaged", or None for a bug."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if isinstance(code, int):
            primary = code & 0xFF
            for kind, codes in (("full", FULL), ("read-only", READ_ONLY), ("locked", LOCKED),
                                ("unreadable", UNREADABLE), ("damaged", DAMAGE)):
                if primary in codes:
                    return kind
        text = str(error).lower()
        return next((kind for start, kind in _BY_TEXT if text.startswith(start)), None)
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return "full"
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "read-only"
        if error.errno == errno.EIO:
            return "unreadable"
    return None


def sentence(kind: str, path: Path | None = None) -> str:
    """What staff read for a failure of this kind, naming the folder or file."""
    folder = f" ({path.parent if path and path.suffix else path})" if path else ""
    where = f" ({path})" if path else ""
    return {
        "full": f"The disk that holds the kiosk's data{folder} is full, so nothing new can "
                "be saved (nothing was changed or lost). Free some space on that disk, then "
                "try again.",
        "read-only": f"The kiosk's data folder{folder} cannot be written to (the disk is "
                     "read-only or the kiosk may not write there), so nothing new can be "
                     "saved (nothing was changed or lost). Make the folder writable again.",
        "locked": f"The kiosk's database{where} is busy: another kiosk program is writing "
                  "to it. Close it (or wait a moment) and try again.",
        "unreadable": f"The kiosk's database{where} could not be read or written (a disk "
                      "error, or the disk was removed). Check the disk and its cable, then "
                      "start the kiosk again.",
        "damaged": f"The kiosk's database{where} is damaged (it is not a database, or parts "
                   "of it are unreadable).",
    }[kind]


def known_error(error: BaseException, path: Path | None = None) -> KnownError | None:
    """The known error for a failure of SQLite or of the disk, or None when it is a bug."""
    kind = kind_of(error)
    if kind is None:
        return None
    if kind in ("unreadable", "read-only") and path is not None:
        kind = _disk_state(path) or kind
    if kind == "damaged":
        return DamagedDatabase(sentence(kind, path))
    return StorageError(sentence(kind, path), kind)


# SQLite reports a write that failed for want of space in its shared-memory index or its
# log as a plain I/O error; the disk itself says what it was.
LOW_SPACE = 256 * 1024


def _disk_state(path: Path) -> str | None:
    """"read-only" or "full" when the disk holding `path` is so, else None."""
    folder = path if path.is_dir() else path.parent
    try:
        info = os.statvfs(folder)
    except OSError:
        return None
    if info.f_flag & os.ST_RDONLY:
        return "read-only"
    if info.f_bavail * info.f_frsize < LOW_SPACE:
        return "full"
    return None


@contextmanager
def at_the_border(path: Path | None = None) -> Iterator[None]:
    """Turn SQLite's and the disk's failures into known errors; bugs pass unchanged."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        known = known_error(error, path)
        if known is None:
            raise
        raise known from error


def database_file(conn: sqlite3.Connection) -> Path | None:
    """The file behind a connection's main database (None for one in memory)."""
    try:
        for _seq, name, file in conn.execute("PRAGMA database_list").fetchall():
            if name == "main":
                return Path(file) if file else None
    except sqlite3.Error:
        return None
    return None
