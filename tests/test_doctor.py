"""`kiosk doctor` on a fresh install lists its gaps, and passes each check once it is fixed."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import doctor
from kiosk.datadir import open_data_dir
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.updates import bundle, keys
from tests.directory.helpers import directory_file, resource_yaml
from tests.services.cups import PrintQueue


def kiosk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=os.environ.copy())


def lines_of(out: str) -> dict[str, str]:
    found = {}
    for line in out.splitlines():
        if line.startswith(("PASS  ", "FAIL  ")):
            name = line[6:].split(":", 1)[0]
            found[name] = line[:4]
    return found


def checked_directory(tmp_path: Path) -> Path:
    """The coordinator's directory, every entry checked last week."""
    week_ago = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    body = resource_yaml("clinic", "Clinic", "Clínica") + f"    verified_on: {week_ago}\n"
    return directory_file(tmp_path / "directory", body)


def test_a_fresh_install_shows_its_gaps_and_each_passes_once_fixed(
        tmp_path: Path, fresh_data_dir: Path, print_queue: PrintQueue) -> None:
    fresh = kiosk("doctor")
    assert fresh.returncode == 1
    assert "Traceback" not in fresh.stderr
    first = lines_of(fresh.stdout)
    assert set(first) == {"Staff PIN", "Trusted key", "Update folder", "Newest update",
                          "Printer", "Paper size", "Disk space", "Database", "Backups",
                          "Fonts for Spanish", "Speech", "Screen", "Entries checked"}
    gaps = {name for name, mark in first.items() if mark == "FAIL"}
    assert {"Staff PIN", "Trusted key", "Update folder", "Newest update", "Printer", "Screen",
            "Entries checked"} <= gaps
    assert "Do this: kiosk set-pin" in fresh.stdout
    assert "Do this: kiosk bundle trust KEY.pub.pem" in fresh.stdout

    # The volunteer follows the advice, as docs/deploy.md says.
    assert kiosk("set-pin", stdin="482913\n482913\n").returncode == 0
    key = tmp_path / "keys" / "region.pem"
    assert kiosk("bundle", "keygen", "--out", str(key)).returncode == 0
    assert kiosk("bundle", "trust", str(keys.public_path(key))).returncode == 0
    updates = tmp_path / "updates"
    updates.mkdir()
    assert kiosk("bundle", "folder", str(updates)).returncode == 0
    bundle.build(checked_directory(tmp_path), key, updates / "region-1.kiosk-bundle",
                 version=1, publisher="Region")
    assert kiosk("bundle", "sync").returncode == 0
    store = Store.open(fresh_data_dir / "kiosk.db")
    Settings(store).set("printer", print_queue.name)
    store.close()
    doctor.record_screen(fresh_data_dir, 1280, 800)  # what the kiosk writes when it starts

    fixed = kiosk("doctor")
    after = lines_of(fixed.stdout)
    still = {name for name, mark in after.items() if mark == "FAIL"}
    # The test machine has its speech engine and a speaker (scripts/system-packages and the
    # session's sound server), as a kiosk set up by docs/deploy.md does.
    assert still == set(), fixed.stdout
    assert fixed.returncode == 0
    assert f'PASS  Printer: "{print_queue.name}" is on, takes jobs and keeps no copies.' \
        in fixed.stdout
    assert "PASS  Newest update: version 1, applied 0 days ago." in fixed.stdout


def test_exit_0_only_when_every_check_passes(fresh_data_dir: Path, sample_dir: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import main
    from kiosk.staff.pin import PinGuard

    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    monkeypatch.setattr(doctor, "CHECKS", [doctor.check_pin, doctor.check_database])
    store.close()
    assert main(["doctor"]) == 1
    assert "1 of 2 checks passed." in capsys.readouterr().out
    store = Store.open(fresh_data_dir / "kiosk.db")
    PinGuard(Settings(store), scrypt_n=2**10).set_pin("482913")
    store.close()
    assert main(["doctor"]) == 0
    assert "All 2 checks passed." in capsys.readouterr().out


def test_a_printer_that_keeps_job_files_fails(tmp_path: Path) -> None:
    conf = tmp_path / "cupsd.conf"
    conf.write_text("LogLevel warn\nPreserveJobHistory No\n")
    assert doctor._keeps_jobs(conf) == "copies of printed files"  # CUPS keeps them by default
    conf.write_text("PreserveJobFiles No\nPreserveJobHistory No\n")
    assert doctor._keeps_jobs(conf) is None
    conf.write_text("PreserveJobFiles Yes\nPreserveJobHistory Yes\n")
    assert doctor._keeps_jobs(conf) == "copies of printed files and a list of printed jobs"


def test_stale_and_unchecked_entries_are_counted(tmp_path: Path) -> None:
    store = Store.memory()
    old = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    fresh = (dt.date.today() - dt.timedelta(days=3)).isoformat()
    body = (resource_yaml("a", "A", "A") + f"    verified_on: {old}\n"
            + resource_yaml("b", "B", "B") + f"    verified_on: {fresh}\n"
            + resource_yaml("c", "C", "C"))
    from kiosk.directory.files import read_directory
    from kiosk.directory.importer import apply_import

    apply_import(store, read_directory(directory_file(tmp_path / "d", body)), who="test",
                 source="test")
    found = doctor.check_stale(store, tmp_path)
    assert not found.ok
    assert found.found == ("1 entry was last checked more than 180 days ago; 1 entry has "
                           "never been checked.")


def test_a_small_screen_or_none_fails(tmp_path: Path) -> None:
    store = Store.memory()
    assert not doctor.check_screen(store, tmp_path).ok
    assert not doctor.check_screen(store, tmp_path, (800, 480)).ok
    assert doctor.check_screen(store, tmp_path, (800, 1280)).ok  # portrait is fine
