"""Syncthing instances of the tests' own, on 127.0.0.1 only, each with its own home.

Every instance listens on a loopback port of its own, with discovery, relays, NAT traversal,
usage and crash reporting and upgrades all off, so it talks only to the instances the test
names. `stop()` ends it; its home is in the test's temporary folder.
"""

from __future__ import annotations

import re
import secrets
import shutil
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

FOLDER_ID = "kiosk-updates"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Syncthing:
    home: Path
    folder: Path
    name: str
    port: int = field(default_factory=free_port)
    gui_port: int = field(default_factory=free_port)
    device_id: str = ""
    process: subprocess.Popen[bytes] | None = None

    def generate(self) -> None:
        binary = shutil.which("syncthing")
        assert binary, "syncthing is missing: bash scripts/system-packages test"
        self.home.mkdir(parents=True, exist_ok=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run([binary, "generate", f"--home={self.home}",
                               "--no-default-folder", "--skip-port-probing"],
                              capture_output=True, text=True, timeout=60, check=True)
        match = re.search(r"Device ID: ([A-Z0-9-]{63})", done.stdout + done.stderr)
        assert match, done.stdout + done.stderr
        self.device_id = match.group(1)

    def configure(self, peers: list[Syncthing]) -> None:
        """Loopback only, and one shared folder with every peer."""
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        gui = root.find("gui")
        assert gui is not None
        gui.set("enabled", "true")
        gui.set("tls", "false")
        (gui.find("address") or ET.SubElement(gui, "address")).text = \
            f"127.0.0.1:{self.gui_port}"
        api = gui.find("apikey")
        if api is None:
            api = ET.SubElement(gui, "apikey")
        api.text = secrets.token_hex(16)
        options = root.find("options")
        assert options is not None
        settings = {
            "listenAddress": f"tcp://127.0.0.1:{self.port}", "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false", "relaysEnabled": "false", "natEnabled": "false",
            "urAccepted": "-1", "crashReportingEnabled": "false",
            "autoUpgradeIntervalH": "0", "startBrowser": "false",
        }
        for key, value in settings.items():
            for old in options.findall(key):
                options.remove(old)
            ET.SubElement(options, key).text = value
        for peer in peers:
            device = ET.SubElement(root, "device", id=peer.device_id, name=peer.name,
                                   compression="metadata", introducer="false")
            ET.SubElement(device, "address").text = f"tcp://127.0.0.1:{peer.port}"
        folder = ET.Element("folder", id=FOLDER_ID, label="Kiosk updates",
                            path=str(self.folder), type="sendreceive",
                            rescanIntervalS="2", fsWatcherEnabled="true",
                            fsWatcherDelayS="1")
        for device_id in [self.device_id, *(p.device_id for p in peers)]:
            ET.SubElement(folder, "device", id=device_id)
        root.insert(0, folder)
        tree.write(path)

    def start(self) -> None:
        binary = shutil.which("syncthing")
        assert binary
        self._log = log = (self.home / "syncthing.log").open("wb")
        self.process = subprocess.Popen(
            [binary, "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             "--no-upgrade", f"--gui-address=127.0.0.1:{self.gui_port}"],
            stdout=log, stderr=subprocess.STDOUT,
            env={"PATH": "/usr/bin:/bin", "HOME": str(self.home), "STNOUPGRADE": "1",
                 "STNODEFAULTFOLDER": "1"})

    def log(self) -> str:
        path = self.home / "syncthing.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if getattr(self, "_log", None) is not None:
            self._log.close()


def wait_for(path: Path, timeout: float, what: str, *instances: Syncthing,
             count: int = 0) -> None:
    """Until `path` is there (or, with `count`, until the folder holds that many files)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if count and path.is_dir() and len([p for p in path.iterdir()
                                            if not p.name.startswith(".")]) >= count:
            return
        if not count and path.exists() and path.stat().st_size > 0:
            return
        time.sleep(0.3)
    logs = "\n".join(f"--- {i.name}\n{i.log()}" for i in instances)
    raise AssertionError(f"{what} did not arrive at {path} within {timeout} s\n{logs}")
