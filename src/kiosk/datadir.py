"""Opening a kiosk's data folder: the database checked (and restored from a backup when
damaged), built from the bundled directory if new, and backed up once a day.

It sits above `kiosk.backups`, which it uses, and below everything that opens a data folder:
the window (`kiosk.app`), the commands (`kiosk.commandline`), tests and scripts.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.backups import check_and_recover, daily_backup_if_due
from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.store import Clock, Store, _now
from kiosk.paths import BUNDLED_DATA, database_path


def open_data_dir(data_dir: Path, bundled: Path = BUNDLED_DATA, clock: Clock = _now,
                  fill: bool = True) -> Store:
    """The store of `data_dir`, created and filled from `bundled` when it holds nothing."""
    data_dir.mkdir(parents=True, exist_ok=True)
    check_and_recover(data_dir)  # a damaged database is set aside and a backup restored
    store = Store.open(database_path(data_dir), clock)
    if fill and store.is_empty():
        directory = read_directory(bundled)
        apply_import(store, directory, who="kiosk", source=str(bundled), kind="bundled")
    daily_backup_if_due(store, data_dir)
    return store
