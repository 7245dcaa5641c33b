"""Two sites, one update folder kept in step by Syncthing on the loopback address: the
coordinator's bundle travels one way, each kiosk's status file the other, and
`kiosk fleet status` at the coordinator's end lists both kiosks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.updates import keys
from tests.directory.helpers import directory_file, resource_yaml
from tests.services.syncthing import Syncthing, wait_for


@pytest.fixture
def two_sites(tmp_path: Path) -> Iterator[tuple[Syncthing, Syncthing]]:
    office = Syncthing(tmp_path / "st-office", tmp_path / "office" / "kiosk-updates",
                       "office")
    clinic = Syncthing(tmp_path / "st-clinic", tmp_path / "clinic" / "kiosk-updates",
                       "clinic")
    for site in (office, clinic):
        site.generate()
    office.configure([clinic])
    clinic.configure([office])
    try:
        office.start()
        clinic.start()
        yield office, clinic
    finally:
        office.stop()
        clinic.stop()


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_DATA_DIR"}
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_a_bundle_goes_out_and_status_comes_back_through_syncthing(
        tmp_path: Path, two_sites: tuple[Syncthing, Syncthing]) -> None:
    office, clinic = two_sites
    key = tmp_path / "keys" / "region.pem"
    assert kiosk("bundle", "keygen", "--out", str(key)).returncode == 0
    kiosks = {"kiosk-1": office.folder, "kiosk-2": clinic.folder}  # one kiosk at each site
    for name, folder in kiosks.items():
        data = str(tmp_path / name)
        assert kiosk("--data-dir", data, "bundle", "trust",
                     str(keys.public_path(key))).returncode == 0
        assert kiosk("--data-dir", data, "bundle", "folder", str(folder)).returncode == 0

    # The coordinator drops a bundle into the office's copy of the folder ...
    source = directory_file(tmp_path / "directory", resource_yaml("clinic", "Clinic",
                                                                  "Clínica"))
    made = kiosk("bundle", "build", str(source), "--key", str(key), "--out",
                 str(office.folder / "region-7.kiosk-bundle"), "--version", "7",
                 "--publisher", "Region")
    assert made.returncode == 0, made.stderr
    # ... and it reaches the clinic, where the kiosk applies it.
    wait_for(clinic.folder / "region-7.kiosk-bundle", 90, "the bundle", office, clinic)
    for name in kiosks:
        synced = kiosk("--data-dir", str(tmp_path / name), "bundle", "sync")
        assert synced.returncode == 0, synced.stderr
        assert "Update version 7 from Region" in synced.stdout
        reported = kiosk("--data-dir", str(tmp_path / name), "fleet", "report")
        assert reported.returncode == 0, reported.stderr

    # The clinic kiosk's status file comes back to the office (and the office's goes out).
    wait_for(office.folder / "status", 90, "the clinic's status file", office, clinic,
             count=2)
    wait_for(clinic.folder / "status", 90, "the office's status file", office, clinic,
             count=2)
    listed = kiosk("fleet", "status", str(office.folder))
    rows = listed.stdout.splitlines()
    assert rows[0].startswith("KIOSK"), listed.stderr
    assert len(rows) == 3, listed.stdout  # the heading, and one row per kiosk
    assert all(row.split()[2] == "7" for row in rows[1:])  # both have version 7
    assert not (office.folder / "status" / ".syncthing").exists()
