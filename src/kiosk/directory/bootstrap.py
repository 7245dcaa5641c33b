"""Opening a kiosk's data folder: the database, built from the bundled directory if new."""

from __future__ import annotations

from pathlib import Path

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.store import Clock, Store, _now
from kiosk.paths import BUNDLED_DATA, database_path


def open_data_dir(data_dir: Path, bundled: Path = BUNDLED_DATA, clock: Clock = _now,
                  fill: bool = True) -> Store:
    """The store of `data_dir`, created and filled from `bundled` when it holds nothing."""
    data_dir.mkdir(parents=True, exist_ok=True)
    store = Store.open(database_path(data_dir), clock)
    if fill and store.is_empty():
        directory = read_directory(bundled)
        apply_import(store, directory, who="kiosk", source=str(bundled), kind="bundled")
    return store
