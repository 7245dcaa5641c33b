"""Power cut in the middle of an import: afterwards the kiosk has the old directory or the new,
never a mixture."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.datadir import open_data_dir
from kiosk.directory.files import write_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.model import Directory
from kiosk.directory.store import Store
from kiosk.paths import database_path
from tests.exchange.generate import big_directory


def by_id(d: Directory) -> Directory:
    return Directory(d.info, sorted(d.categories, key=lambda c: c.slug),
                     sorted(d.resources, key=lambda r: r.id), d.topics)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Directory, Directory]:
    root = tmp_path_factory.mktemp("kill")
    old, new = big_directory(1500, "old"), big_directory(4000, "new")
    template = root / "template"
    store = Store.open(database_path(template))
    apply_import(store, old, who="test", source="old")
    store.close()
    files = root / "new"
    write_directory(new, files)
    return template, files, by_id(old), by_id(new)


def wal_size(data_dir: Path) -> int:
    try:
        return (data_dir / "kiosk.db-wal").stat().st_size
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize("delay", [0.0, 0.15, 0.4, 1.0])
def test_sigkill_during_an_import_leaves_the_old_or_the_new_directory(
        setup: tuple[Path, Path, Directory, Directory], tmp_path: Path, delay: float) -> None:
    template, files, old, new = setup
    data_dir = tmp_path / "data"
    shutil.copytree(template, data_dir)
    env = {**os.environ, "KIOSK_DATA_DIR": str(data_dir)}
    # Every old entry leaves (retired): the removals are meant.
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "import", str(files),
                                "--allow-removals"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    start = wal_size(data_dir)
    # Wait until the import is writing (its log grows), then cut the power.
    deadline = time.monotonic() + 120
    while wal_size(data_dir) <= start and process.poll() is None:
        assert time.monotonic() < deadline, "the import never started writing"
        time.sleep(0.002)
    time.sleep(delay)
    was_running = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.stderr is not None
    process.stderr.close()

    store = open_data_dir(data_dir, fill=False)  # what the kiosk does when it starts again
    try:
        after = by_id(store.directory())
        problems = store.db.execute("PRAGMA integrity_check").fetchall()
    finally:
        store.close()
    assert problems == [("ok",)]
    assert after.resources in (old.resources, new.resources)
    assert after.categories in (old.categories, new.categories)
    if was_running and delay == 0.0:
        # Killed as the first pages were written: nothing of the new directory is there.
        assert after.resources == old.resources
