"""Starting the kiosk's window (the visitor screens live in `kiosk.ui`)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.datadir import open_data_dir

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow


def create_main_window(data_dir: Path, *, windowed: bool = True,
                       idle_timeout_s: float | None = None,
                       lang: str | None = None) -> KioskWindow:
    """The kiosk's main window over `data_dir` (created and filled from the bundled
    directory when empty). A QApplication must exist."""
    from kiosk.ui.window import KioskWindow

    store = open_data_dir(Path(data_dir))
    window = KioskWindow(store, Path(data_dir), windowed=windowed,
                         idle_timeout_s=idle_timeout_s, lang=lang)
    connect_staff(window)
    from kiosk.updates.watcher import start_daily_backups, watch_update_folder

    watch_update_folder(window, store, Path(data_dir))  # signed updates, between visitors
    start_daily_backups(window, store, Path(data_dir))
    return window


def connect_staff(window: KioskWindow) -> None:
    """Holding the window's staff corner opens the admin over it. The admin's modules are
    imported then, not at start-up, and the window never imports them itself."""
    def open_staff() -> None:
        from kiosk.admin.entry import open_admin

        open_admin(window)

    window.admin_wanted.connect(open_staff)


class _FirstFrame(QObject):
    """Quits the application once the watched widget has painted for the first time."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, lambda: self.app.exit(0))
        return False


def _log_uncaught(data_dir: Path) -> None:
    """A bug inside a slot goes to the log with its traceback; the visitor's screen stays
    as it was (Qt keeps running), and nothing is printed over it."""
    from kiosk.logs import setup_logging

    setup_logging(data_dir)
    log = logging.getLogger("kiosk.ui")

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error in the kiosk window", exc_info=(kind, error, tb))

    sys.excepthook = hook


def run(data_dir: Path, *, windowed: bool = False, lang: str | None = None,
        exit_after_first_frame: bool = False) -> int:
    _log_uncaught(Path(data_dir))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("kiosk")
    app.setStyle("Fusion")
    window = create_main_window(data_dir, windowed=windowed, lang=lang)
    if exit_after_first_frame:
        watcher = _FirstFrame(app)
        window.home.installEventFilter(watcher)
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        window.showFullScreen()
    return app.exec()
