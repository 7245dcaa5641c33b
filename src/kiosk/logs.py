"""The kiosk's log: errors and their tracebacks for staff and maintainers.

It holds what went wrong with the program, never what a visitor looked at: no search text,
no resource a visitor opened, no times of visits.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
from collections import deque
from pathlib import Path

LOG_NAME = "kiosk.log"


def setup_logging(data_dir: Path) -> Path:
    """The kiosk's log file in `data_dir`/logs, rotated; what `hold_logging` kept so far is
    written into it first."""
    import logging.handlers  # socket, pickle and more behind it: not before the first frame

    path = _folder(data_dir) / LOG_NAME
    root = logging.getLogger("kiosk")
    handler = next((h for h in root.handlers
                    if isinstance(h, logging.handlers.RotatingFileHandler)
                    and Path(h.baseFilename) == path), None)
    if handler is None:
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    for held in [h for h in root.handlers if isinstance(h, _Held)]:
        root.removeHandler(held)
        for record in held.records:
            handler.handle(record)
        held.records.clear()
    root.setLevel(logging.INFO)
    return path


def hold_logging(data_dir: Path) -> None:
    """What the kiosk logs is kept in memory until `setup_logging` opens the file (the
    window does once its first frame is up), or until the program ends. The log folder is
    made now, so that a data folder that cannot hold it fails as it did at once."""
    path = _folder(data_dir) / LOG_NAME
    root = logging.getLogger("kiosk")
    if not any(isinstance(h, _Held) or (isinstance(h, logging.FileHandler)
                                        and Path(h.baseFilename) == path)
               for h in root.handlers):
        root.addHandler(_Held())
        atexit.register(_write_held, data_dir)
    root.setLevel(logging.INFO)


HELD_LINES = 2_000  # the newest lines kept while the log file cannot be opened


class _Held(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        # Bounded: a disk that never lets the file open must not fill the memory for weeks.
        self.records: deque[logging.LogRecord] = deque(maxlen=HELD_LINES)

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _write_held(data_dir: Path) -> None:
    root = logging.getLogger("kiosk")
    if any(isinstance(h, _Held) and h.records for h in root.handlers):
        with contextlib.suppress(Exception):  # nowhere left to tell, at exit
            setup_logging(data_dir)


def _folder(data_dir: Path) -> Path:
    folder = data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
