"""A print scheduler of the tests' own: `cupsd` in a temporary folder, never the machine's.

It has its own configuration, spool, logs and a Unix socket (no TCP port at all), and the
test session points every CUPS client at that socket through `CUPS_SERVER`: the kiosk in the
test process, the `kiosk` commands the tests run, and `lpstat`/`cupsenable` alike. Whether the
machine's own scheduler is running, stopped, configured differently or not installed makes no
difference, and nothing here writes outside the folder.

The queue's device is a file. CUPS 2.4 opens a `file:` device without creating it, so
`PrintQueue.expect_job()` makes the capture file, empty, before each job is sent. The queue's
small PPD passes a PDF through `gziptoany`, which copies it unchanged, so the captured bytes
are exactly the PDF the kiosk sent (a queue with no driver at all writes nothing to a file).
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
PPD = HERE / "capture.ppd"
CUPSD = "/usr/sbin/cupsd"


class CupsUnavailable(RuntimeError):
    """The scheduler could not be started; the message says why and what to install."""


def _run(*args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout,
                          check=False)


@dataclass
class PrintQueue:
    """One queue of the private scheduler, writing every job to `capture`."""

    name: str
    capture: Path

    def expect_job(self) -> None:
        """An empty capture file, writable by the scheduler's filters, before a job is sent."""
        self.capture.write_bytes(b"")
        self.capture.chmod(0o666)

    def pending(self) -> str:
        return _run("lpstat", "-o", self.name).stdout.strip()

    def wait_for_job(self, timeout: float = 20.0) -> bytes:
        """The captured job once the scheduler has finished writing it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.pending() and self.capture.stat().st_size > 0:
                return self.capture.read_bytes()
            time.sleep(0.1)
        raise AssertionError(f"no job reached {self.capture} within {timeout} s")

    def disable(self) -> None:
        result = _run("cupsdisable", self.name)
        assert result.returncode == 0, result.stderr

    def enable(self) -> None:
        result = _run("cupsenable", self.name)
        assert result.returncode == 0, result.stderr


class PrivateCups:
    """`cupsd -f` with every path inside `root`; `socket` is what `CUPS_SERVER` names."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.socket = root / "run" / "cups.sock"
        self.process: subprocess.Popen[bytes] | None = None

    # -- configuration ------------------------------------------------------------------------

    def _write_config(self) -> tuple[Path, Path]:
        r = self.root
        for sub in ("conf/ppd", "spool", "cache", "state", "log", "run", "capture"):
            (r / sub).mkdir(parents=True, exist_ok=True)
        # Filters run as the scheduler's unprivileged user: they read the spool and write
        # their temporary files and the capture, nothing else.
        (r / "spool" / "tmp").mkdir(exist_ok=True)
        for path in (r, r / "spool", r / "conf", r / "conf" / "ppd"):
            path.chmod(0o755)
        (r / "spool" / "tmp").chmod(0o1777)
        (r / "capture").chmod(0o1777)
        (r / "run").chmod(0o700)

        if os.geteuid() == 0:
            user, group, system_group = "lp", "lp", "root"
        else:  # a developer's own account: the scheduler runs as them and they administer it
            user = pwd.getpwuid(os.geteuid()).pw_name
            group = system_group = grp.getgrgid(os.getegid()).gr_name
        files_conf = r / "conf" / "cups-files.conf"
        files_conf.write_text(
            "FileDevice Yes\n"
            f"User {user}\nGroup {group}\nSystemGroup {system_group}\n"
            f"ServerRoot {r / 'conf'}\n"
            "ServerBin /usr/lib/cups\nDataDir /usr/share/cups\n"
            f"RequestRoot {r / 'spool'}\nTempDir {r / 'spool' / 'tmp'}\n"
            f"CacheDir {r / 'cache'}\nStateDir {r / 'state'}\n"
            f"ErrorLog {r / 'log' / 'error_log'}\nAccessLog {r / 'log' / 'access_log'}\n"
            f"PageLog {r / 'log' / 'page_log'}\n",
            encoding="utf-8")
        conf = r / "conf" / "cupsd.conf"
        # Only the Unix socket, in a folder only this user can open; no browsing, no web
        # pages; and, like the kiosk's own scheduler, no copy of a job kept after it printed.
        conf.write_text(
            "LogLevel warn\n"
            f"Listen {self.socket}\n"
            "Browsing No\nWebInterface No\nDefaultAuthType None\n"
            "PreserveJobFiles No\nPreserveJobHistory No\n"
            "<Policy default>\n"
            "  JobPrivateAccess default\n  JobPrivateValues default\n"
            "  SubscriptionPrivateAccess default\n  SubscriptionPrivateValues default\n"
            "  <Limit All>\n    Order deny,allow\n  </Limit>\n"
            "</Policy>\n",
            encoding="utf-8")
        return conf, files_conf

    # -- life ---------------------------------------------------------------------------------

    def start(self, timeout: float = 20.0) -> None:
        if not Path(CUPSD).exists():
            raise CupsUnavailable(f"{CUPSD} is not installed: install the Debian packages "
                                  "cups, cups-client and cups-bsd (bash scripts/test does).")
        conf, files_conf = self._write_config()
        check = _run(CUPSD, "-t", "-c", str(conf), "-s", str(files_conf))
        if check.returncode != 0:
            raise CupsUnavailable(f"the test scheduler's configuration was refused: "
                                  f"{check.stdout}{check.stderr}")
        self.process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(conf), "-s", str(files_conf)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode(errors="replace") if (
                    self.process.stderr) else ""
                raise CupsUnavailable(f"the test scheduler stopped at start: {err}"
                                      f"{self.error_log()}")
            if self.socket.exists() and "is running" in _run("lpstat", "-r").stdout:
                return
            time.sleep(0.05)
        self.stop()
        raise CupsUnavailable(f"the test scheduler did not answer within {timeout} s: "
                              f"{self.error_log()}")

    def add_queue(self, name: str) -> PrintQueue:
        capture = self.root / "capture" / f"{name}.out"
        queue = PrintQueue(name, capture)
        queue.expect_job()
        result = _run("lpadmin", "-p", name, "-v", f"file://{capture}", "-P", str(PPD),
                      "-D", f"Test queue (writes to {capture})",
                      "-o", "printer-error-policy=abort-job")
        if result.returncode != 0:
            raise CupsUnavailable(f"lpadmin refused the test queue: {result.stderr}")
        for command in ("cupsenable", "cupsaccept"):
            result = _run(command, name)
            if result.returncode != 0:
                raise CupsUnavailable(f"{command} {name}: {result.stderr}")
        return queue

    def error_log(self) -> str:
        log = self.root / "log" / "error_log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
