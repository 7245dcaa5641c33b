"""Opening a kiosk's data folder: the database, built from the bundled directory if new."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.store import Clock, Store, _now
from kiosk.paths import BUNDLED_DATA, database_path, default_data_dir


def open_data_dir(data_dir: Path, bundled: Path = BUNDLED_DATA, clock: Clock = _now,
                  fill: bool = True) -> Store:
    """The store of `data_dir`, created and filled from `bundled` when it holds nothing."""
    from kiosk.backups import check_and_recover, daily_backup_if_due

    data_dir.mkdir(parents=True, exist_ok=True)
    check_and_recover(data_dir)  # a damaged database is set aside and a backup restored
    store = Store.open(database_path(data_dir), clock)
    if fill and store.is_empty():
        directory = read_directory(bundled)
        apply_import(store, directory, who="kiosk", source=str(bundled), kind="bundled")
    daily_backup_if_due(store, data_dir)
    return store


def data_dir_of(args: argparse.Namespace) -> Path:
    """The data folder a command works on: `--data-dir`, else `$KIOSK_DATA_DIR` or the
    platform's user data folder."""
    given = getattr(args, "data_dir", None)
    return Path(given) if given else default_data_dir()


def open_store(args: argparse.Namespace, fill: bool = True) -> Store:
    """The store of a command's data folder; `fill` builds it from the bundled directory
    when new."""
    return open_data_dir(data_dir_of(args), fill=fill)
