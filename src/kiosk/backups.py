"""Copies of the kiosk's database, and recovery from a damaged one.

A kiosk runs for months on cheap hardware that loses power. The database is copied with
SQLite's online backup API (a consistent snapshot even while the kiosk reads it) before every
import and once a day, into `<data dir>/backups/`, keeping the newest `KEEP`. At start-up
`check_and_recover` checks the file and, if it is damaged, moves it aside and restores the
newest good copy, so that a visitor never meets a broken kiosk and staff are told why.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.directory.records import Record
from kiosk.directory.sql_errors import (
    StorageError,
    at_the_border,
    kind_of,
    known_error,
    sentence,
)
from kiosk.errors import KnownError
from kiosk.paths import DATABASE_NAME, database_path

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from kiosk.directory.importer import ImportPlan, ImportResult
    from kiosk.directory.model import Directory
    from kiosk.directory.store import Store

KEEP = 14
DAILY = dt.timedelta(hours=24)
_NAME = re.compile(r"^kiosk-(\d{8}-\d{6}-\d{6})(?:-[a-z0-9-]+)?\.db$")
_STAMP = "%Y%m%d-%H%M%S-%f"


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40]


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backup_now(store: Store, data_dir: Path, reason: str = "manual",
               keep: int | None = KEEP) -> Path:
    """Copy the open database to a new backup file and return its path.

    The copy is written under a temporary name and renamed when whole, so an interrupted
    backup never looks like a good one. A copy that fails (a full disk) is removed at once,
    so that it does not keep the disk full, and the failure is a `StorageError`.
    """
    return _copy(store.db.conn, data_dir, store.clock(), reason, keep)


def backup_file(path: Path, data_dir: Path, when: dt.datetime, reason: str = "daily",
                keep: int | None = KEEP) -> Path:
    """`backup_now` through a connection of its own to the database at `path`: for a
    thread that copies while the kiosk's store serves visitors on the UI thread."""
    source = sqlite3.connect(path)
    try:
        return _copy(source, data_dir, when, reason, keep)
    finally:
        source.close()


def _copy(source: sqlite3.Connection, data_dir: Path, when: dt.datetime, reason: str,
          keep: int | None) -> Path:
    folder = backup_dir(data_dir)
    name = f"kiosk-{when.strftime(_STAMP)}"
    slug = _slug(reason)
    target = folder / f"{name}-{slug}.db" if slug else folder / f"{name}.db"
    bump = 0
    while target.exists():  # a frozen clock in tests, or two backups in one microsecond
        bump += 1
        later = when + dt.timedelta(microseconds=bump)
        target = folder / f"kiosk-{later.strftime(_STAMP)}-{slug}.db"
    partial = folder / (target.name + ".partial")
    try:
        with at_the_border(folder):
            folder.mkdir(parents=True, exist_ok=True)
            out = sqlite3.connect(partial)
            try:
                source.backup(out)
                # A backup is one self-contained file: no -wal beside it.
                out.execute("PRAGMA journal_mode = DELETE")
                out.commit()
            finally:
                out.close()
            with open(partial, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(partial, target)
    except BaseException:
        _unlink_quietly(partial, Path(str(partial) + "-journal"))
        raise
    _fsync_dir(folder)
    if keep is not None:
        prune(data_dir, keep)
    return target


def _unlink_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def backup_time(path: Path) -> dt.datetime | None:
    match = _NAME.match(path.name)
    return dt.datetime.strptime(match.group(1), _STAMP) if match else None


def list_backups(data_dir: Path) -> list[Path]:
    """The backup files, newest first."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and _NAME.match(p.name)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def prune(data_dir: Path, keep: int = KEEP) -> None:
    for old in list_backups(data_dir)[keep:]:
        old.unlink(missing_ok=True)
    for partial in backup_dir(data_dir).glob("*.partial"):
        partial.unlink(missing_ok=True)


def remove_partial_files(data_dir: Path) -> list[Path]:
    """Delete what an interrupted backup or restore of this kiosk left behind (only files
    it names itself), and return them. Run before anything is opened."""
    found = [*backup_dir(data_dir).glob("*.partial"), *backup_dir(data_dir).glob(
        "*.partial-journal"), *data_dir.glob(f"{DATABASE_NAME}.restoring")]
    _unlink_quietly(*found)
    return found


def backup_due(store: Store, data_dir: Path) -> bool:
    """No backup is younger than a day (by the store's clock), and there is something to
    back up."""
    now = store.clock()
    for path in list_backups(data_dir):
        taken = backup_time(path)
        if taken is not None and taken <= now and now - taken < DAILY:
            return False
    return not (store.read_only or store.is_empty())


def daily_backup_if_due(store: Store, data_dir: Path) -> Path | None:
    """Back up when no backup is younger than a day (by the store's clock).

    A backup that cannot be made (a full or read-only disk) never stops the kiosk: the
    reason goes to the log and, once a day, to staff.
    """
    if not backup_due(store, data_dir):
        return None
    try:
        return backup_now(store, data_dir, "daily")
    except StorageError as error:
        backup_failed(store, error)
        return None


def backup_failed(store: Store, error: StorageError) -> None:
    log.warning("the daily backup failed: %s", error.message)
    add_notice(store, f"Today's backup could not be made. {error.message}", "warning")


# -- what is wrong with a database file ------------------------------------------------------

@dataclass(frozen=True, eq=False, repr=False)
class Health(Record):
    """What `examine` found: `state` is "sound", "missing", "empty" (no file content, or a
    kiosk database with nothing in it), "foreign" (a database, but not the kiosk's),
    "damaged", or "storage" (the disk failed; the file may be fine)."""

    state: str
    detail: str = ""
    error: StorageError | None = None


def examine(path: Path, deep: bool = True) -> Health:
    """Check a database file: it opens, has the kiosk's schema, passes quick_check and holds
    a directory. A failure of the disk is never taken for damage.

    Without `deep`, quick_check is left out: it reads every page of the file (seconds for
    a directory of 100,000 places on a cold disk), so the kiosk runs it after its first
    frame, on a thread of its own (`kiosk.app`)."""
    try:
        if path.exists() and not path.is_file():
            return Health("foreign", "it is not a file but a folder or a device")
        if not path.is_file():
            return Health("missing", "the file is missing")
        if path.stat().st_size == 0:
            return Health("empty", "the file is empty")
    except OSError as error:
        return _storage_health(error, path)
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error as error:
        return _error_health(error, path)
    try:
        tables = {r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table'")}
        if deep:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            results = [str(r[0]) for r in rows]
            if results != ["ok"]:
                return Health("damaged", "; ".join(results[:3]))
        if not tables:
            return Health("empty", "the database holds no tables")
        if not tables >= _KIOSK_TABLES:
            return Health("foreign", "it is a database, but not a kiosk's")
        filled = conn.execute("select exists (select 1 from categories) or "
                              "exists (select 1 from resources)").fetchone()[0]
        if not filled:
            return Health("empty", "the database holds no directory")
    except sqlite3.Error as error:
        return _error_health(error, path)
    finally:
        conn.close()
    return Health("sound")


_KIOSK_TABLES = {"_sqlite_migrations", "categories", "resources", "settings", "notices"}


def _error_health(error: sqlite3.Error, path: Path) -> Health:
    kind = kind_of(error)
    if kind == "damaged":
        return Health("damaged", str(error))
    return _storage_health(error, path)


def _storage_health(error: BaseException, path: Path) -> Health:
    known = known_error(error, path)
    if isinstance(known, StorageError):
        return Health("storage", str(error), known)
    # Not a known failure of the disk or the file: leave the file alone, say what it was.
    return Health("storage", str(error), StorageError(
        f"{sentence('unreadable', path)} ({error})", "unreadable"))


def problem_of(path: Path) -> str | None:
    """None when `path` is a sound kiosk database with a directory in it, else what is
    wrong with it."""
    health = examine(path)
    return None if health.state == "sound" else health.detail


def newest_good_backup(data_dir: Path) -> Path | None:
    """The newest backup that opens, has the kiosk's schema, passes quick_check and is not
    empty. A damaged or empty file with a newer name is passed over."""
    return next((b for b in list_backups(data_dir) if examine(b).state == "sound"), None)


def _remove_sidecars(db_path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


def _copy_in(data_dir: Path, backup_path: Path) -> Path:
    """The backup copied beside the database under a temporary name, synced. On failure
    the copy is removed and the error is a `StorageError`."""
    temp = data_dir / (DATABASE_NAME + ".restoring")
    try:
        with at_the_border(data_dir):
            data_dir.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(backup_path, temp)
            with open(temp, "rb+") as f:
                os.fsync(f.fileno())
    except BaseException:
        _unlink_quietly(temp)
        raise
    return temp


def _move_in(data_dir: Path, temp: Path) -> None:
    target = database_path(data_dir)
    _remove_sidecars(target)
    os.replace(temp, target)
    _fsync_dir(data_dir)


def restore(data_dir: Path, backup_path: Path) -> None:
    """Make the backup the kiosk's database. No store may be open on the data folder.

    The copy goes to a temporary file in the same folder, is synced, and replaces the
    database in one rename; the old -wal and -shm go first, because SQLite would otherwise
    replay the old log onto the restored file.
    """
    if not backup_path.is_file():
        raise KnownError(f"{backup_path}: there is no such backup file.")
    health = examine(backup_path)
    if health.state == "storage" and health.error is not None:
        raise health.error
    if health.state != "sound":
        raise KnownError(f"{backup_path}: this backup is empty, damaged or not a kiosk "
                         f"database ({health.detail}); nothing was changed.")
    _move_in(data_dir, _copy_in(data_dir, backup_path))


def add_notice(store: Store, text: str, level: str = "info") -> None:
    """A message for the admin screen. When the database cannot take it (a full or
    read-only disk), it is kept with the open store and shown all the same."""
    try:
        with at_the_border():
            store.db.execute("insert into notices (at, level, text, seen) values (?, ?, ?, 0)",
                             [store.now_text(), level, text])
    except StorageError:
        store.unsaved_notices.append((store.now_text(), level, text))


def check_and_recover(data_dir: Path, now: dt.datetime | None = None) -> str | None:
    """Check the database at start-up and put a good one in place when it is not.

    Returns the sentence for staff, or None when there was nothing to say (see `recover`).
    """
    found = recover(data_dir, now)
    return found.message if found.storage is None else found.storage.message


@dataclass(frozen=True, eq=False, repr=False)
class Recovery(Record):
    """What `recover` did: `message` is the notice it wrote; `storage` the disk's failure
    it could not get past (no notice written: the database may not take one)."""

    message: str | None = None
    storage: StorageError | None = None


def recover(data_dir: Path, now: dt.datetime | None = None, deep: bool = True,
            health: Health | None = None) -> Recovery:
    """Check the database at start-up and put a good one in place when it is not.

    A damaged or foreign file is moved aside; a damaged, foreign, empty or missing one is
    replaced by the newest good backup, when there is one, and staff get a notice. A
    failing disk changes nothing: the file is left as it is and the failure returned.
    `deep` is `examine`'s; `health` is what an earlier look found (nothing is checked again).
    No store may be open on the file.
    """
    remove_partial_files(data_dir)
    path = database_path(data_dir)
    health = health or examine(path, deep)
    if health.state == "sound":
        return Recovery()
    if health.state == "storage":
        assert health.error is not None
        log.warning("the database could not be checked: %s (%s)", health.error.message,
                    health.detail)
        return Recovery(storage=health.error)
    good = newest_good_backup(data_dir)
    if health.state in ("missing", "empty") and good is None:
        return Recovery()  # a new kiosk: it is filled from its bundled directory
    temp = None
    if good is not None:
        try:
            temp = _copy_in(data_dir, good)
        except StorageError as error:
            # Nothing moved: the kiosk opens what it can and staff are told why.
            log.warning("a backup could not be restored: %s", error.message)
            return Recovery(storage=error)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = None
    if health.state in ("damaged", "foreign") or (
            health.state == "empty" and path.is_file() and path.stat().st_size > 0):
        label = {"damaged": "damaged", "foreign": "foreign"}.get(health.state, "empty")
        aside = path.with_name(f"{path.name}.{label}-{stamp}")
        os.replace(path, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(str(path) + suffix)
            if side.exists():
                os.replace(side, Path(str(aside) + suffix))
    what = {"damaged": f"was damaged ({health.detail})",
            "foreign": "was not a kiosk database",
            "empty": "was empty", "missing": "was missing"}[health.state]
    moved = f" It was moved to {aside.name}." if aside else ""
    if temp is not None and good is not None:
        _move_in(data_dir, temp)
        taken = backup_time(good)
        when = taken.strftime("%Y-%m-%d %H:%M") if taken else good.name
        message = (f"The kiosk's database {what}.{moved} The backup of {when} was restored; "
                   "changes made since then are missing.")
    else:
        message = (f"The kiosk's database {what} and there was no good backup.{moved} The "
                   "kiosk started again from its bundled directory; staff changes must be "
                   "made again.")
    from kiosk.directory.store import Store

    store = Store.open(path)
    try:
        add_notice(store, message, "warning")
    finally:
        store.close()
    return Recovery(message)


# -- the one way an import is written ----------------------------------------------------------

class BackupFailed(KnownError):
    """The copy before an import could not be made, so the import was not applied."""

    def __init__(self, error: Exception) -> None:
        if isinstance(error, KnownError):
            self.reason = error.message
        else:
            self.reason = getattr(error, "strerror", None) or str(error)
        super().__init__("The database could not be backed up, so nothing was changed "
                         f"({self.reason}).")


def import_after_backup(store: Store, data_dir: Path, directory: Directory, *, who: str,
                        location: str, kind: str = "kiosk-directory",
                        plan: ImportPlan | None = None, source_name: str = "bundled",
                        allow_removals: bool = False, record_each: bool | None = None,
                        reason: str = "before import",
                        then: Callable[[ImportResult], None] | None = None) -> ImportResult:
    """Copy the database, then apply the import whole, the copy named in its own record.

    Every import goes this way: the command line, the admin screen, HSDS packages and
    update bundles. A plan that removes more than it may without `allow_removals` is refused
    before anything is copied or written (`RemovalsNotAllowed`, a `KnownError`). `then`
    runs inside the import's transaction (an update bundle records its version there).
    """
    from kiosk.directory.importer import RemovalsNotAllowed, apply_import, plan_import

    plan = plan or plan_import(store, directory, source=source_name)
    if not allow_removals and plan.removals():
        raise RemovalsNotAllowed(plan.removals())
    try:
        backup = backup_now(store, data_dir, reason)
    except (OSError, StorageError) as error:
        raise BackupFailed(error) from error
    return apply_import(store, directory, who=who, source=location, kind=kind, plan=plan,
                        record_each=record_each, backup=str(backup), then=then)
