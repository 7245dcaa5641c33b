"""The walkthrough in docs/fleet.md, run line by line: two kiosks, one update folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.directory.files import read_directory
from kiosk.directory.store import Store
from kiosk.paths import PROJECT_ROOT, database_path

DOC = PROJECT_ROOT / "docs" / "fleet.md"


def walkthrough() -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(r"<!-- walkthrough -->\n```sh\n(.*?)```\n<!-- /walkthrough -->", text,
                      re.DOTALL)
    assert match, "docs/fleet.md has no walkthrough block"
    return match.group(1)


def run(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # `kiosk` is the installed command; make sure it is this Python's.
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("KIOSK_DATA_DIR", None)
    return subprocess.run(["bash", "-e", "-x", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def kiosk_directory(folder: Path) -> list:
    store = Store.open(database_path(folder))
    try:
        return sorted(store.directory().resources, key=lambda r: r.id)  # as visitors see it
    finally:
        store.close()


def test_the_documented_walkthrough(tmp_path: Path, sample_dir: Path) -> None:
    shutil.copytree(sample_dir, tmp_path / "directory")
    done = run(walkthrough(), tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    expected = sorted(read_directory(tmp_path / "directory").resources, key=lambda r: r.id)
    assert kiosk_directory(tmp_path / "kiosk-1") == expected
    assert kiosk_directory(tmp_path / "kiosk-2") == expected
    assert "Update version 1 from Windham coordinator" in done.stdout
    assert "resources: 2" in done.stdout

    # A second update: the hotline's number changes, and both kiosks follow.
    resources = tmp_path / "directory" / "directory.yaml"
    resources.write_text(resources.read_text().replace("1-888-373-7888", "1-888-373-7999"))
    good = run("kiosk bundle build directory --key keys/windham.pem "
               "--out updates/windham-2.kiosk-bundle --version 2 --publisher 'Windham "
               "coordinator'\nkiosk --data-dir kiosk-1 bundle sync\n", tmp_path)
    assert good.returncode == 0, good.stderr
    hotline = next(r for r in kiosk_directory(tmp_path / "kiosk-1") if r.id == "hotline")
    assert hotline.phones[0].number == "+18883737999"

    # Someone swaps a byte of version 3 on the stick: kiosk-2 refuses it and keeps version 2's
    # number from the good bundle beside it.
    made = run("kiosk bundle build directory --key keys/windham.pem "
               "--out updates/windham-3.kiosk-bundle --version 3\n", tmp_path)
    assert made.returncode == 0
    bundle_3 = tmp_path / "updates" / "windham-3.kiosk-bundle"
    data = bytearray(bundle_3.read_bytes())
    data[len(data) // 2] ^= 0x04
    bundle_3.write_bytes(bytes(data))
    tampered = run("kiosk --data-dir kiosk-2 bundle sync\n", tmp_path)
    assert "Refused: windham-3.kiosk-bundle: this bundle was changed after it was signed" \
        in tampered.stderr
    hotline = next(r for r in kiosk_directory(tmp_path / "kiosk-2") if r.id == "hotline")
    assert hotline.phones[0].number == "+18883737999"  # version 2, applied beside it

    # A stranger's key: a third kiosk trusting it applies its bundle; ours refuse it.
    stranger = run("kiosk bundle keygen --out other/key.pem\n"
                   "kiosk bundle build directory --key other/key.pem "
                   "--out updates/windham-99.kiosk-bundle --version 99\n"
                   "kiosk --data-dir kiosk-3 bundle trust other/key.pub.pem\n"
                   "kiosk --data-dir kiosk-3 bundle apply updates/windham-99.kiosk-bundle\n",
                   tmp_path)
    assert stranger.returncode == 0, stranger.stderr
    refused = run("kiosk --data-dir kiosk-1 bundle apply updates/windham-99.kiosk-bundle\n",
                  tmp_path)
    assert refused.returncode == 1
    assert "signed by a key this kiosk does not trust" in refused.stderr
    assert "Traceback" not in refused.stderr
