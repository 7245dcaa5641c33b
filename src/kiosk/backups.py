"""Copies of the kiosk's database, and recovery from a damaged one.

A kiosk runs for months on cheap hardware that loses power. The database is copied with
SQLite's online backup API (a consistent snapshot even while the kiosk reads it) before every
import and once a day, into `<data dir>/backups/`, keeping the newest `KEEP`. At start-up
`check_and_recover` checks the file and, if it is damaged, moves it aside and restores the
newest good copy, so that a visitor never meets a broken kiosk and staff are told why.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.directory.bootstrap import data_dir_of, open_store
from kiosk.directory.store import Store
from kiosk.errors import KnownError
from kiosk.paths import database_path

if TYPE_CHECKING:
    from kiosk.directory.importer import ImportPlan, ImportResult
    from kiosk.directory.model import Directory

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
    backup never looks like a good one.
    """
    folder = backup_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    when = store.clock()
    name = f"kiosk-{when.strftime(_STAMP)}"
    slug = _slug(reason)
    target = folder / f"{name}-{slug}.db" if slug else folder / f"{name}.db"
    bump = 0
    while target.exists():  # a frozen clock in tests, or two backups in one microsecond
        bump += 1
        later = when + dt.timedelta(microseconds=bump)
        target = folder / f"kiosk-{later.strftime(_STAMP)}-{slug}.db"
    partial = folder / (target.name + ".partial")
    out = sqlite3.connect(partial)
    try:
        store.db.conn.backup(out)
        # A backup is one self-contained file: no -wal beside it.
        out.execute("PRAGMA journal_mode = DELETE")
        out.commit()
    finally:
        out.close()
    with open(partial, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(partial, target)
    _fsync_dir(folder)
    if keep is not None:
        prune(data_dir, keep)
    return target


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


def daily_backup_if_due(store: Store, data_dir: Path) -> Path | None:
    """Back up when no backup is younger than a day (by the store's clock)."""
    now = store.clock()
    for path in list_backups(data_dir):
        taken = backup_time(path)
        if taken is not None and taken <= now and now - taken < DAILY:
            return None
    if store.is_empty():
        return None
    return backup_now(store, data_dir, "daily")


def problem_of(path: Path) -> str | None:
    """None when `path` is a sound SQLite database, else what is wrong with it."""
    if not path.is_file():
        return "the file is missing"
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error as error:
        return str(error)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        # A file that is sound as SQLite but is not a kiosk database is no good either.
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.Error as error:
        return str(error)
    finally:
        conn.close()
    results = [r[0] for r in rows]
    return None if results == ["ok"] else "; ".join(str(r) for r in results[:3])


def _remove_sidecars(db_path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


def restore(data_dir: Path, backup_path: Path) -> None:
    """Make the backup the kiosk's database. No store may be open on the data folder.

    The copy goes to a temporary file in the same folder, is synced, and replaces the
    database in one rename; the old -wal and -shm go first, because SQLite would otherwise
    replay the old log onto the restored file.
    """
    if not backup_path.is_file():
        raise KnownError(f"{backup_path}: there is no such backup file.")
    problem = problem_of(backup_path)
    if problem:
        raise KnownError(f"{backup_path}: this backup is damaged or not a kiosk database "
                         f"({problem}); nothing was changed.")
    target = database_path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    temp = data_dir / (target.name + ".restoring")
    shutil.copyfile(backup_path, temp)
    with open(temp, "rb+") as f:
        os.fsync(f.fileno())
    _remove_sidecars(target)
    os.replace(temp, target)
    _fsync_dir(data_dir)


def add_notice(store: Store, text: str, level: str = "info") -> None:
    """A message for the admin screen."""
    store.db.execute("insert into notices (at, level, text, seen) values (?, ?, ?, 0)",
                     [store.now_text(), level, text])


def check_and_recover(data_dir: Path, now: dt.datetime | None = None) -> str | None:
    """Check the database at start-up; if damaged, set it aside and restore a good backup.

    Returns the sentence for the admin screen (also written to its notices), or None when
    the database was sound or absent.
    """
    path = database_path(data_dir)
    if not path.exists():
        return None
    problem = problem_of(path)
    if problem is None:
        return None
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists():
            os.replace(side, Path(str(aside) + suffix))
    good = next((b for b in list_backups(data_dir) if problem_of(b) is None), None)
    if good is not None:
        restore(data_dir, good)
        taken = backup_time(good)
        when = taken.strftime("%Y-%m-%d %H:%M") if taken else good.name
        message = (f"The kiosk's database was damaged ({problem}). It was moved to "
                   f"{aside.name} and the backup of {when} was restored; changes made "
                   "since then are missing.")
    else:
        message = (f"The kiosk's database was damaged ({problem}) and there was no good "
                   f"backup. It was moved to {aside.name} and the kiosk started again from "
                   "its bundled directory; staff changes must be made again.")
    store = Store.open(path)
    try:
        add_notice(store, message, "warning")
    finally:
        store.close()
    return message


# -- command line: `kiosk backup`, `kiosk restore FILE` ----------------------------------------

def register(sub: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common],
                       help=f"copy the database into the backups folder (the newest {KEEP} "
                            "are kept); with --list, show the backups")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", parents=[common],
                       help="replace the database with a backup (the current one is "
                            "backed up first); close the kiosk before")
    p.add_argument("file", type=Path, metavar="FILE", help="a backup file")
    p.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    if args.list:
        for path in list_backups(data_dir):
            print(path)
        return 0
    store = open_store(args)
    try:
        print(backup_now(store, data_dir, "manual"))
    finally:
        store.close()
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    source = args.file.resolve()
    problem = problem_of(source) if source.is_file() else "there is no such file"
    if problem:
        raise KnownError(f"{args.file}: this is not a usable backup ({problem}); "
                         "nothing was changed.")
    current = database_path(data_dir)
    if current.exists() and problem_of(current) is None:
        store = Store.open(current)
        try:
            # Not pruned yet: the file being restored may be the oldest kept.
            saved = backup_now(store, data_dir, "before restore", keep=None)
        finally:
            store.close()
        print(f"The current database was saved as {saved}.")
        if saved.resolve() == source:
            raise KnownError("That backup is the one just made; nothing was changed.")
    restore(data_dir, source)
    prune(data_dir)
    store = Store.open(current)
    try:
        add_notice(store, f"The database was restored from the backup {source.name}.")
    finally:
        store.close()
    print(f"Restored {source.name}.")
    return 0


# -- the one way an import is written ----------------------------------------------------------

class BackupFailed(KnownError):
    """The copy before an import could not be made, so the import was not applied."""

    def __init__(self, error: OSError) -> None:
        self.reason = error.strerror or str(error)
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
    except OSError as error:
        raise BackupFailed(error) from error
    return apply_import(store, directory, who=who, source=location, kind=kind, plan=plan,
                        record_each=record_each, backup=str(backup), then=then)
