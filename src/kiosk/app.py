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

    store = open_data_dir(Path(data_dir), in_memory_if_unreadable=True)
    window = KioskWindow(store, Path(data_dir), windowed=windowed,
                         idle_timeout_s=idle_timeout_s, lang=lang)
    connect_staff(window)
    from kiosk.updates.watcher import start_daily_backups, watch_update_folder

    watch_update_folder(window, store, Path(data_dir))  # signed updates, between visitors
    start_daily_backups(window, store, Path(data_dir))
    QTimer.singleShot(PRINT_CHECK_AFTER_MS, window, lambda: _check_print_privacy(window, store))
    return window


PRINT_CHECK_AFTER_MS = 3000  # well after the first frame


def _check_print_privacy(window: QObject, store: object) -> None:
    """Whether the print system keeps copies of handouts (kiosk.printing.privacy), asked off
    the UI thread (the scheduler may be slow to answer), told to staff on it."""
    from concurrent.futures import ThreadPoolExecutor

    from kiosk.directory.settings import Settings

    try:
        if not str(Settings(store).get("printer") or ""):  # type: ignore[arg-type]
            return
    except Exception:  # the store may be closed already (the window is closing)
        logging.getLogger("kiosk.app").warning("the print system was not checked")
        return
    from kiosk.printing.privacy import copies_warning, note

    pool = ThreadPoolExecutor(1, thread_name_prefix="print-check")
    future = pool.submit(copies_warning)
    pool.shutdown(wait=False)
    poll = QTimer(window)
    poll.setInterval(200)

    def answered() -> None:
        if not future.done():
            return
        poll.stop()
        poll.deleteLater()
        try:
            note(store, future.result())
        except Exception:  # a check must never stop the kiosk
            logging.getLogger("kiosk.app").exception("checking the print system failed")

    poll.timeout.connect(answered)
    poll.start()


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


def _notes_at_start(window: KioskWindow, data_dir: Path) -> None:
    """Tell staff what happened while nobody was looking: a restart, an expired bundle."""
    from kiosk.backups import add_notice
    from kiosk.updates.bundle import note_expiry
    from kiosk.watchdog import mark_running, restart_notice

    store = window.store
    try:
        restarted = restart_notice(data_dir)
        if restarted:
            add_notice(store, restarted, "warning")
        note_expiry(store)
        mark_running(data_dir)
        screen = window.screen()
        if screen is not None:
            from kiosk.doctor import record_screen

            size = screen.size()
            record_screen(data_dir, size.width(), size.height())
    except Exception:  # a read-only disk must not keep the kiosk from starting
        logging.getLogger("kiosk.app").exception("noting the start failed")


def run(data_dir: Path, *, windowed: bool = False, lang: str | None = None,
        exit_after_first_frame: bool = False) -> int:
    _log_uncaught(Path(data_dir))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("kiosk")
    app.setStyle("Fusion")
    window = create_main_window(data_dir, windowed=windowed, lang=lang)
    _notes_at_start(window, Path(data_dir))
    from kiosk.updates.watcher import start_status_reports
    from kiosk.watchdog import Heartbeat, mark_stopped

    heartbeat = Heartbeat()  # WATCHDOG=1 from this event loop, while it answers
    QTimer.singleShot(0, heartbeat.start)
    start_status_reports(window, window.store, Path(data_dir))
    if exit_after_first_frame:
        watcher = _FirstFrame(app)
        window.home.installEventFilter(watcher)
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        from kiosk.ui.fullscreen import keep_full_screen

        keep_full_screen(window)  # fills the screen with or without a window manager
    code = app.exec()
    heartbeat.stop()
    mark_stopped(Path(data_dir))
    return code
