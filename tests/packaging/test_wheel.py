"""A built wheel carries everything: installed in a fresh venv outside the repository, the
kiosk finds its bundled directory, stylesheet, icons and Spanish, and starts full screen."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.directory.files import read_directory
from kiosk.paths import BUNDLED_DATA, PROJECT_ROOT


@pytest.fixture(scope="module")
def installed() -> Iterator[tuple[Path, Path]]:
    """A wheel built from the worktree, installed into a venv in a folder of its own (the
    venv sees this Python's packages for the dependencies, so nothing is downloaded)."""
    with tempfile.TemporaryDirectory(prefix="kiosk-wheel-") as tmp:
        root = Path(tmp)
        built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                                "--no-build-isolation", "-w", str(root / "dist"),
                                str(PROJECT_ROOT)], capture_output=True, text=True,
                               timeout=300)
        assert built.returncode == 0, built.stderr[-2000:]
        wheel = next((root / "dist").glob("kiosk-*.whl"))
        venv = root / "venv"
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
                       check=True, timeout=120)
        done = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
                               "--no-deps", "--no-index", "--ignore-installed",
                               str(wheel)], capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        yield wheel, venv


def run_installed(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KIOSK_DATA_DIR")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(venv / "bin" / "kiosk"), *args], capture_output=True,
                          text=True, timeout=180, cwd=cwd, env=env)


def test_the_wheel_holds_the_directory_and_every_resource(
        installed: tuple[Path, Path]) -> None:
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kiosk/data/directory.yaml", "kiosk/data/categories.yaml",
                   "kiosk/resources/styles/kiosk.qss",
                   "kiosk/resources/translations/kiosk_es.ts",
                   "kiosk/resources/icons/back.svg", "kiosk/exchange/hsds-datapackage.json"):
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "src/")) for n in names)


def test_the_installed_kiosk_runs_from_anywhere(installed: tuple[Path, Path],
                                                tmp_path: Path) -> None:
    _, venv = installed
    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import kiosk; print(kiosk.__file__)"], capture_output=True,
                           text=True, cwd=tmp_path, timeout=60,
                           env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert where.stdout.startswith(str(venv)), where.stdout  # not the repository's copy
    data = tmp_path / "data"
    stats = run_installed(venv, "--data-dir", str(data), "stats", cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    # the bundled directory, found in the package
    bundled = len(read_directory(BUNDLED_DATA).resources)
    assert f"\nresources: {bundled}\n" in stats.stdout
    # Full screen, in Spanish: the stylesheet, icons and the compiled translation (built with
    # pyside6-lrelease into the data folder's cache) all come from the installed package.
    started = run_installed(venv, "--data-dir", str(data), "--lang", "es",
                            "--exit-after-first-frame", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    assert (data / "cache" / "kiosk_es.qm").stat().st_size > 1000
    assert "Traceback" not in started.stderr
