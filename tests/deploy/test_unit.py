"""The systemd units in deploy/ are checked by systemd itself (systemd-analyze verify)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.paths import PROJECT_ROOT
from tests.services.supervisor import service_section

DEPLOY = PROJECT_ROOT / "deploy"
UNITS = ["kiosk@.service", "kiosk-x11@.service"]


def installed_kiosk() -> str:
    found = shutil.which("kiosk", path=str(Path(sys.executable).parent))
    assert found, "the kiosk command is not installed beside this Python"
    return found


def verify(unit: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """systemd-analyze verify on an instance of `unit`, with the commands it names pointing
    at where they are on this machine (the kiosk, cage, xinit)."""
    text = unit.read_text(encoding="utf-8").replace("/usr/local/bin/kiosk", installed_kiosk())
    for tool in ("/usr/bin/cage", "/usr/bin/xinit"):
        if not Path(tool).exists():  # xinit is only on kiosks that use X
            text = text.replace(tool, "/bin/true")
    instance = tmp_path / unit.name.replace("@.", "@tty7.")
    instance.write_text(text, encoding="utf-8")
    return subprocess.run(["systemd-analyze", "verify", str(instance)], capture_output=True,
                          text=True, timeout=60)


@pytest.mark.parametrize("name", UNITS)
def test_systemd_finds_nothing_wrong_with_the_unit(name: str, tmp_path: Path) -> None:
    done = verify(DEPLOY / name, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "" and done.stderr.strip() == "", done.stderr


def test_the_check_catches_a_mistake(tmp_path: Path) -> None:
    """systemd-analyze only warns about an unknown key: the test reads what it says."""
    broken = tmp_path / "kiosk@.service"
    broken.write_text((DEPLOY / "kiosk@.service").read_text().replace("WatchdogSec=",
                                                                      "WatchdogSecs="))
    done = verify(broken, tmp_path)
    assert "Unknown key 'WatchdogSecs'" in done.stderr


@pytest.mark.parametrize("name", UNITS)
def test_the_unit_restarts_always_watches_the_heartbeat_and_runs_as_its_own_user(
        name: str) -> None:
    service = service_section(DEPLOY / name)
    assert service["Restart"] == ["always"]
    assert float(service["RestartSec"][0]) <= 5  # back within seconds
    assert service["Type"] == ["notify"] and service["NotifyAccess"] == ["all"]
    assert int(service["WatchdogSec"][0]) > 0
    assert service["User"] == ["kiosk"]
    assert any("note-stop" in line for line in service["ExecStopPost"])
    unit_text = (DEPLOY / name).read_text()
    assert "Conflicts=getty@%i.service" in unit_text  # no login prompt on that terminal
