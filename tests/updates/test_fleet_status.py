"""Status files: small, hourly, atomic, nothing about visitors; read back failing first."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.datadir import open_data_dir
from kiosk.directory import usage
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.updates import fleet

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def a_kiosk(folder: Path, sample_dir: Path, place: str) -> Store:
    store = open_data_dir(folder, bundled=sample_dir)
    Settings(store).set("location_name", place)
    return store


def test_a_status_file_is_written_at_most_once_an_hour_and_says_nothing_of_visitors(
        tmp_path: Path, sample_dir: Path) -> None:
    store = a_kiosk(tmp_path / "k1", sample_dir, "Windham Drop-in Centre")
    usage.count(store, "category", "health")  # a visitor tapped something
    updates = tmp_path / "updates"
    path = fleet.write_status(updates, store, tmp_path / "k1", now=NOW, with_checks=False)
    assert path is not None and path.parent == updates / "status"
    assert path.name == f"{fleet.kiosk_id(store)}.kiosk-status.json"
    record = json.loads(path.read_text())
    assert record["place"] == "Windham Drop-in Centre"
    assert record["entries"]["active"] == 2
    assert set(record) == {"format", "kiosk", "place", "town", "bundle", "entries", "printer",
                           "started_at", "free_disk_bytes", "failed_checks", "written_at"}
    assert "health" not in path.read_text()  # no usage, no taps, no searches
    assert path.stat().st_size < 2000
    assert fleet.write_status(updates, store, tmp_path / "k1",
                              now=NOW + dt.timedelta(minutes=59), with_checks=False) is None
    again = fleet.write_status(updates, store, tmp_path / "k1",
                               now=NOW + dt.timedelta(minutes=61), with_checks=False)
    assert again == path
    assert [p.name for p in (updates / "status").iterdir()] == [path.name]  # no temp files


def test_fleet_status_lists_failing_and_behind_first(
        tmp_path: Path, sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    updates = tmp_path / "updates"
    for name, place, version in (("k1", "Windham", 2), ("k2", "Norwich", 1)):
        store = a_kiosk(tmp_path / name, sample_dir, place)
        Settings(store).set_raw("bundle.version", version)
        fleet.write_status(updates, store, tmp_path / name, now=NOW, with_checks=False)
    (updates / "status" / "junk.kiosk-status.json").write_text("[1, 2")
    assert main(["fleet", "status", str(updates)]) == 1
    out, err = capsys.readouterr()
    rows = out.splitlines()
    assert rows[0].split()[:3] == ["KIOSK", "PLACE", "BUNDLE"]
    assert "Norwich" in rows[1] and "behind" in rows[1]
    assert "Windham" in rows[2] and rows[2].rstrip().endswith("ok")
    assert "junk.kiosk-status.json: this is not a kiosk status file" in err
