"""The PIN, its lockout, the trusted key and the bundle version survive a restore of the
database, and the lockout holds on a read-only database and fails closed when it cannot be
written at all."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from kiosk import backups
from kiosk.cli import main
from kiosk.datadir import open_data_dir
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.errors import KnownError
from kiosk.paths import database_path
from kiosk.staff.pin import MAX_TRIES, PinGuard
from kiosk.updates import bundle, keys
from tests.backups.disks import small_disk
from tests.directory.helpers import directory_file, resource_yaml

OLD_PIN, NEW_PIN = "13572468", "86420864"
NOW = dt.datetime(2026, 11, 23, 10, 0)


def test_restoring_a_backup_keeps_the_pin_the_trusted_key_and_the_bundle_version(
        fresh_data_dir: Path, sample_dir: Path, tmp_path: Path) -> None:
    old_key, _ = keys.generate(tmp_path / "keys" / "old.pem")
    new_key, _ = keys.generate(tmp_path / "keys" / "new.pem")
    source = directory_file(tmp_path / "u", resource_yaml("clinic", "Clinic", "Clínica"))
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    settings = Settings(store)
    PinGuard(settings).set_pin(OLD_PIN)
    settings.set("trusted_key", keys.public_path(old_key).read_text())
    bundle.apply(store, fresh_data_dir,
                 bundle.build(source, old_key, tmp_path / "v5.kiosk-bundle", version=5).path)
    old = backups.backup_now(store, fresh_data_dir, "old")
    # Later: the PIN is changed, a new publisher key trusted, its version 9 applied.
    PinGuard(settings).set_pin(NEW_PIN)
    settings.set("trusted_key", keys.public_path(new_key).read_text())
    bundle.apply(store, fresh_data_dir,
                 bundle.build(source, new_key, tmp_path / "v9.kiosk-bundle", version=9).path)
    store.close()

    assert main(["--data-dir", str(fresh_data_dir), "restore", str(old)]) == 0
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    settings = Settings(store)
    assert PinGuard(settings).check(NEW_PIN).ok
    assert not PinGuard(settings).check(OLD_PIN).ok
    assert settings.get("trusted_key") == keys.public_path(new_key).read_text()
    assert bundle.applied_version(store) == 9
    older = bundle.build(source, new_key, tmp_path / "v6.kiosk-bundle", version=6).path
    with pytest.raises(KnownError, match="not newer"):
        bundle.apply(store, fresh_data_dir, older)
    store.close()


def test_the_state_is_not_in_the_backups(fresh_data_dir: Path, sample_dir: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    PinGuard(Settings(store)).set_pin(NEW_PIN)
    Settings(store).set("trusted_key", "A KEY")
    made = backups.backup_now(store, fresh_data_dir)
    store.close()
    conn = sqlite3.connect(made)
    values = " ".join(str(v) for (v,) in conn.execute("select value from settings"))
    conn.close()
    assert "scrypt" not in values and "A KEY" not in values


def test_an_earlier_kiosk_s_pin_and_key_are_taken_over(fresh_data_dir: Path,
                                                       sample_dir: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    PinGuard(Settings(store)).set_pin(NEW_PIN)
    record = Settings(store).get_raw("pin_hash")
    store.close()
    (fresh_data_dir / "kiosk-state.db").unlink()
    conn = sqlite3.connect(database_path(fresh_data_dir))  # as an earlier version kept them
    import json

    with conn:
        conn.executemany("insert or replace into settings (key, value) values (?, ?)",
                         [("pin_hash", json.dumps(record)),
                          ("trusted_key", json.dumps("EARLIER KEY")),
                          ("bundle.version", "4")])
    conn.close()
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    assert PinGuard(Settings(store)).check(NEW_PIN).ok
    assert Settings(store).get("trusted_key") == "EARLIER KEY"
    assert bundle.applied_version(store) == 4
    store.close()


def _read_only(path: Path) -> Store:
    from sqlite_utils import Database

    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    return Store(Database(conn, execute_plugins=False))


def test_with_a_read_only_database_the_lockout_still_engages(
        fresh_data_dir: Path, sample_dir: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    PinGuard(Settings(store), lambda: NOW).set_pin(NEW_PIN)
    store.close()
    read_only = _read_only(database_path(fresh_data_dir))
    guard = PinGuard(Settings(read_only), lambda: NOW)
    for _ in range(MAX_TRIES):
        attempt = guard.check("000000")
    assert attempt.locked
    assert not guard.check(NEW_PIN).ok  # locked: even the right PIN waits
    read_only.close()


def test_a_lockout_that_cannot_be_written_fails_closed(tmp_path: Path,
                                                       sample_dir: Path) -> None:
    with small_disk(tmp_path / "disk", 8 * 1024 * 1024) as disk:
        store = open_data_dir(disk.path, bundled=sample_dir)
        PinGuard(Settings(store), lambda: NOW).set_pin(NEW_PIN)
        store.close()
        disk.read_only()
        try:
            store = open_data_dir(disk.path, bundled=sample_dir)
            guard = PinGuard(Settings(store), lambda: NOW)
            assert guard.has_pin()
            attempt = guard.check(NEW_PIN)  # right, but the try cannot be counted
            assert not attempt.ok and attempt.locked
            assert "cannot be written" in guard.cannot_record
            for _ in range(MAX_TRIES + 1):
                assert not guard.check("000000").ok
            store.close()
        finally:
            disk.writable()
        store = open_data_dir(disk.path, bundled=sample_dir)
        assert PinGuard(Settings(store), lambda: NOW).check(NEW_PIN).ok  # writable again
        store.close()


def test_a_pin_that_cannot_be_saved_is_not_set(tmp_path: Path, sample_dir: Path) -> None:
    from kiosk.staff.pin import PinError

    with small_disk(tmp_path / "disk", 8 * 1024 * 1024) as disk:
        open_data_dir(disk.path, bundled=sample_dir).close()
        disk.read_only()
        try:
            store = open_data_dir(disk.path, bundled=sample_dir)
            guard = PinGuard(Settings(store), lambda: NOW)
            with pytest.raises(PinError, match="could not be saved"):
                guard.set_pin(NEW_PIN)
            assert not guard.has_pin()
            store.close()
        finally:
            disk.writable()


def test_the_kiosk_keeps_its_id_through_a_restore(fresh_data_dir: Path,
                                                  sample_dir: Path) -> None:
    from kiosk.updates.fleet import kiosk_id

    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    old = backups.backup_now(store, fresh_data_dir)  # made before the kiosk had its id
    name = kiosk_id(store)
    store.close()
    assert main(["--data-dir", str(fresh_data_dir), "restore", str(old)]) == 0
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    assert kiosk_id(store) == name
    store.close()


def test_a_lockout_survives_a_restore(fresh_data_dir: Path, sample_dir: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    PinGuard(Settings(store), lambda: NOW).set_pin(NEW_PIN)
    old = backups.backup_now(store, fresh_data_dir)  # taken before the wrong PINs
    guard = PinGuard(Settings(store), lambda: NOW)
    for _ in range(MAX_TRIES):
        guard.check("000000")
    assert guard.locked_until() is not None
    store.close()
    assert main(["--data-dir", str(fresh_data_dir), "restore", str(old)]) == 0
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    assert PinGuard(Settings(store), lambda: NOW).locked_until() is not None
    store.close()
