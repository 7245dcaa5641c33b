"""Reading and importing a whole directory does not run the cycle collector over and over."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from bench import generate

from kiosk.directory.files import check_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.store import Store


def test_no_collections_while_reading_and_importing(tmp_path: Path) -> None:
    generate.write(tmp_path / "d", 600, per_file=200)
    collections: list[int] = []

    def count(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    store = Store.open(tmp_path / "k.db")
    gc.collect()
    gc.callbacks.append(count)
    try:
        directory, problems = check_directory(tmp_path / "d")
        apply_import(store, directory, who="test", source="d")
    finally:
        gc.callbacks.remove(count)
    assert problems == []
    assert len(directory.resources) == 600
    # At most the one that runs when each step ends and the collector comes back on
    # (left running, it would start hundreds of times here).
    assert len(collections) <= 2
    assert gc.isenabled()  # and the collector is back on afterwards


def test_the_collector_stays_off_if_it_was_off(tmp_path: Path) -> None:
    generate.write(tmp_path / "d", 5, per_file=5)
    gc.disable()
    try:
        check_directory(tmp_path / "d")
        assert not gc.isenabled()
    finally:
        gc.enable()
