"""Opening a kiosk's data folder: the database checked (and restored from a backup when
damaged), built from the bundled directory if new, and backed up once a day.

It sits above `kiosk.backups`, which it uses, and below everything that opens a data folder:
the window (`kiosk.app`), the commands (`kiosk.commandline`), tests and scripts.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.backups import add_notice, daily_backup_if_due, recover
from kiosk.directory.sql_errors import DamagedDatabase, StorageError, at_the_border
from kiosk.directory.store import Clock, Store, _now
from kiosk.errors import KnownError
from kiosk.paths import BUNDLED_DATA, database_path

if TYPE_CHECKING:
    from kiosk.directory.model import Directory

log = logging.getLogger(__name__)


def open_data_dir(data_dir: Path, bundled: Path = BUNDLED_DATA, clock: Clock = _now,
                  fill: bool = True, in_memory_if_unreadable: bool = False,
                  deep_check: bool = True, backup: bool = True) -> Store:
    """The store of `data_dir`, created and filled from `bundled` when it holds nothing.

    A failing disk (full, read-only, unreadable) never moves or changes the database: it is
    opened read-only instead, and staff find the reason among the notices. Where even that
    is impossible, the kiosk itself (`in_memory_if_unreadable`) shows its bundled directory
    from memory, so that visitors still find help; commands get the one sentence instead.

    The kiosk's window opens its folder without `deep_check` (SQLite's quick_check of every
    page) and without the daily `backup`, and does both after its first frame, off the UI
    thread (`kiosk.app`); the damage only the deep check finds is then recovered the same way.
    """
    path = database_path(data_dir)
    try:
        with at_the_border(data_dir):
            data_dir.mkdir(parents=True, exist_ok=True)
        found = recover(data_dir, deep=deep_check)  # damage set aside, a backup restored
        store = Store.open(path, clock)
        if fill and store.is_empty():
            directory = _read(bundled)
            with at_the_border(path):
                _fill(store, directory, bundled)
    except (StorageError, DamagedDatabase) as error:
        return _open_anyway(path, bundled, clock, fill, error, in_memory_if_unreadable)
    if found.storage is not None:
        add_notice(store, found.storage.message, "warning")
    if backup:
        daily_backup_if_due(store, data_dir)
    return store


def _open_anyway(path: Path, bundled: Path, clock: Clock, fill: bool, error: KnownError,
                 in_memory: bool) -> Store:
    log.warning("the database cannot be opened for writing: %s", error.message)
    try:
        store = Store.open_read_only(path, clock)
        if fill and store.is_empty():
            store.close()
            raise StorageError(error.message, "unreadable")
    except (StorageError, DamagedDatabase):
        if not in_memory:
            raise error from None
        store = Store.memory(clock)
        _fill(store, _read(bundled), bundled)
        store.read_only = True
        store.db.execute("PRAGMA query_only = ON")  # nothing saved here would be kept
        add_notice(store, f"{error.message} Until then the kiosk shows its bundled directory, "
                          "without staff changes, and saves nothing.", "warning")
        return store
    add_notice(store, f"{error.message} Until then the kiosk shows its directory as it "
                      "was.", "warning")
    return store


# The files' reader and the importer (with YAML behind them) only for a new data folder's
# first fill: opening a filled one needs neither.

def _read(bundled: Path) -> Directory:
    from kiosk.directory.files import read_directory

    return read_directory(bundled)


def _fill(store: Store, directory: Directory, bundled: Path) -> None:
    from kiosk.directory.importer import apply_import

    apply_import(store, directory, who="kiosk", source=str(bundled), kind="bundled")
