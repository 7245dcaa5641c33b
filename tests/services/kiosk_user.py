"""Running the kiosk as an unprivileged user, as the systemd unit does, inside a test.

cage refuses to run as root, so the tests run it (and the kiosk under it) as `nobody`, a user
every Debian system has; nothing is created or left behind. The Python this test session runs
on may live where `nobody` cannot read (pyenv under /root, mode 700); then it is bind-mounted
at a readable path in a private mount namespace of that one command (`unshare --mount`), so
the machine's mounts never change and the mount ends with the command.

The folders handed to the kiosk user are made under /tmp with its ownership, and removed by
`KioskUser.cleanup()`.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import site
import subprocess
import sys
import tempfile
from pathlib import Path

from kiosk.paths import PROJECT_ROOT

USER = "nobody"


def _readable_by(user: str, path: Path) -> bool:
    probe = subprocess.run(["setpriv", f"--reuid={user}", f"--regid={_group(user)}",
                            "--clear-groups", "test", "-r", str(path)], check=False)
    return probe.returncode == 0


def _group(user: str) -> int:
    return pwd.getpwnam(user).pw_gid


class KioskUser:
    """A home, a runtime folder and a data folder for `nobody`, and a way to run commands as
    that user with this session's Python and the worktree's code."""

    def __init__(self, user: str = USER) -> None:
        self.user = user
        entry = pwd.getpwnam(user)
        self.uid, self.gid = entry.pw_uid, entry.pw_gid
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-user-"))
        self.root.chmod(0o755)
        self.home = self._own("home")
        self.runtime = self._own("xdg", 0o700)
        self.data = self._own("data", 0o700)
        self.out = self._own("out")
        self.bin = self.root / "bin"
        self.bin.mkdir()
        self.bin.chmod(0o755)
        prefix = Path(sys.base_prefix)
        self.bind: tuple[Path, Path] | None = None
        if _readable_by(user, Path(sys.executable)):
            self.python = Path(sys.executable)
            paths = [str(PROJECT_ROOT / "src")]
        else:
            mount = self.root / "python"
            mount.mkdir()
            mount.chmod(0o755)
            self.bind = (prefix, mount)
            self.python = mount / Path(sys.executable).resolve().relative_to(prefix)
            paths = [str(PROJECT_ROOT / "src")] + [
                str(mount / Path(p).relative_to(prefix)) for p in site.getsitepackages()
                if Path(p).is_relative_to(prefix)]
        self.pythonpath = os.pathsep.join(paths)
        self.kiosk = self.bin / "kiosk"  # what /usr/local/bin/kiosk is on a kiosk
        self.kiosk.write_text("#!/bin/sh\n" + f"exec {shlex.quote(str(self.python))} -m kiosk "
                              '"$@"\n')
        self.kiosk.chmod(0o755)

    def _own(self, name: str, mode: int = 0o755) -> Path:
        path = self.root / name
        path.mkdir()
        os.chown(path, self.uid, self.gid)
        path.chmod(mode)
        return path

    def env(self, **extra: str) -> dict[str, str]:
        base = {"PATH": f"{self.bin}:/usr/local/bin:/usr/bin:/bin", "HOME": str(self.home),
                "XDG_RUNTIME_DIR": str(self.runtime), "PYTHONPATH": self.pythonpath,
                "KIOSK_DATA_DIR": str(self.data), "LANG": "C.UTF-8"}
        if "CUPS_SERVER" in os.environ:
            base["CUPS_SERVER"] = os.environ["CUPS_SERVER"]
        return {**base, **extra}

    def command(self, argv: list[str], env: dict[str, str]) -> list[str]:
        """`argv` as the kiosk user, with `env` only, in its own mount namespace if the
        Python has to be bind-mounted."""
        user = ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}", "--clear-groups",
                "env", "-i", *[f"{k}={v}" for k, v in env.items()], *argv]
        if self.bind is None:
            return user
        source, target = self.bind
        script = (f"mount --bind {shlex.quote(str(source))} {shlex.quote(str(target))} && "
                  f"exec {shlex.join(user)}")
        return ["unshare", "--mount", "--propagation", "private", "sh", "-c", script]

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
