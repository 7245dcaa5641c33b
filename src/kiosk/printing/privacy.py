"""Whether the print system keeps a copy of what the kiosk printed.

CUPS keeps each job's document for a day and its record (name, time, size) for ever unless
its configuration says `PreserveJobFiles No` and `PreserveJobHistory No`; no attribute of a
job can ask for less. So the kiosk reads the scheduler's configuration when it starts, from
the scheduler itself (`/admin/conf/cupsd.conf`) or, for the machine's own scheduler, from
its file, and tells staff in the admin notices when a copy would be kept or when it cannot
tell. The set-up in the README sets both.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
from pathlib import Path

LOCAL_SOCKET = Path("/run/cups/cups.sock")
LOCAL_CONFIG = Path("/etc/cups/cupsd.conf")
FIX = "cupsctl PreserveJobFiles=No PreserveJobHistory=No"
_DIRECTIVE = re.compile(r"^\s*(PreserveJobFiles|PreserveJobHistory)\s+(\S+)", re.I | re.M)


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(self.timeout)
            sock.connect(self.path)
        except OSError:
            sock.close()
            raise
        self.sock = sock


def _server() -> str:
    """Where CUPS clients on this machine send their jobs (as libcups finds it)."""
    named = os.environ.get("CUPS_SERVER", "").strip()
    if not named:
        for conf in (Path.home() / ".cups" / "client.conf", Path("/etc/cups/client.conf")):
            try:
                found = re.search(r"^\s*ServerName\s+(\S+)", conf.read_text(errors="replace"),
                                  re.M)
            except OSError:
                continue
            if found:
                named = found.group(1)
                break
    return named or (str(LOCAL_SOCKET) if LOCAL_SOCKET.exists() else "localhost:631")


def scheduler_config(timeout: float = 3.0) -> str | None:
    """The scheduler's cupsd.conf, or None when it cannot be read."""
    server = _server()
    try:
        if server.startswith("/"):
            conn: http.client.HTTPConnection = _UnixConnection(server, timeout)
        else:
            host, _, port = server.partition(":")
            conn = http.client.HTTPConnection(host, int(port or 631), timeout=timeout)
        try:
            conn.request("GET", "/admin/conf/cupsd.conf")
            answer = conn.getresponse()
            body = answer.read(1_000_000).decode("utf-8", "replace")
        finally:
            conn.close()
        if answer.status == 200:
            return body
    except (OSError, ValueError, http.client.HTTPException):
        pass
    if server in (str(LOCAL_SOCKET), "localhost", "localhost:631", "127.0.0.1:631"):
        try:  # the machine's own scheduler: its file is readable where its page is not
            return LOCAL_CONFIG.read_text(errors="replace")
        except OSError:
            return None
    return None


def kept_copies(config: str) -> list[str]:
    """What the configuration keeps: "documents", "job records" (CUPS's defaults: a day of
    documents, records for ever)."""
    values = {"preservejobfiles": "86400", "preservejobhistory": "yes"}
    for name, value in _DIRECTIVE.findall(config):
        values[name.lower()] = value.lower()
    kept = []
    if values["preservejobfiles"] not in ("no", "off", "false", "0"):
        kept.append("documents")
    if values["preservejobhistory"] not in ("no", "off", "false", "0"):
        kept.append("job records")
    return kept


def copies_warning() -> str | None:
    """The sentence for staff when printed sheets may be kept, else None."""
    config = scheduler_config()
    if config is None:
        return ("The kiosk could not check whether the print system keeps copies of printed "
                "sheets. Make sure it does not: run '" + FIX + "' as an administrator.")
    kept = kept_copies(config)
    if not kept:
        return None
    what = " and ".join(kept)
    return (f"The print system keeps the {what} of every sheet printed here, so a visitor's "
            f"handout can be found after they leave. Run '{FIX}' as an administrator.")


def warn_staff(store: object) -> str | None:
    """Check once at start-up, when a printer is set, and leave a notice for staff (not a
    second one while the first is unseen). Returns the sentence, or None."""
    from kiosk.directory.settings import Settings

    if not str(Settings(store).get("printer") or ""):  # type: ignore[arg-type]
        return None
    message = copies_warning()
    note(store, message)
    return message


def note(store: object, message: str | None) -> None:
    """Leave `message` for staff unless the same one is still unseen."""
    from kiosk.backups import add_notice
    from kiosk.staff.notices import unseen

    if message and all(n.text != message for n in unseen(store)):  # type: ignore[arg-type]
        add_notice(store, message, "warning")  # type: ignore[arg-type]
