"""Starting the kiosk's window (the visitor screens live in `kiosk.ui`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.datadir import open_data_dir

T = TypeVar("T")

if TYPE_CHECKING:
    from kiosk.backups import Health
    from kiosk.directory.sql_errors import StorageError
    from kiosk.ui.window import KioskWindow


def create_main_window(data_dir: Path, *, windowed: bool = True,
                       idle_timeout_s: float | None = None,
                       lang: str | None = None) -> KioskWindow:
    """The kiosk's main window over `data_dir` (created and filled from the bundled
    directory when empty). A QApplication must exist.

    Only what the first frame needs is done before it: the database is opened after a
    check of its structure, and the home screen is made, its sections below the first
    screenful held back (`HomeScreen.hold_lower`). The rest starts once the frame is up
    (`after_first_frame`): those sections, SQLite's check of every page and the daily
    backup on a thread, the update folder, the print system, and the other screens, made
    in idle time."""
    from kiosk.ui.window import KioskWindow

    data_dir = Path(data_dir)
    store = open_data_dir(data_dir, in_memory_if_unreadable=True, deep_check=False,
                          backup=False)
    window = KioskWindow(store, data_dir, windowed=windowed,
                         idle_timeout_s=idle_timeout_s, lang=lang)
    window.home.hold_lower()
    window.first_frame.connect(window.home.show_lower)
    connect_staff(window)
    window.first_frame.connect(lambda: after_first_frame(window, data_dir))
    return window


def after_first_frame(window: KioskWindow, data_dir: Path,
                      more: tuple[Callable[[], object], ...] = ()) -> None:
    """What waits for the first frame, one step per turn of the event loop so that a tap
    meanwhile is answered between two steps: the database's deep check (and the day's
    backup) on a thread, the update folder and the backups' timer, the print system's
    check, sqlite-utils (which reading the database did without), the modules of a visit's
    rarer steps (`LOADED_AFTER_FIRST_FRAME`), `more`, then one not yet made visitor screen
    per step. The window's `started` follows once the steps and the database's check (with
    the backup) are both done."""
    from kiosk.memory import limit_malloc_arenas
    from kiosk.updates.watcher import start_daily_backups, watch_update_folder

    limit_malloc_arenas()  # before the threads below: a process that runs for weeks
    store = window.store
    waiting = {"steps", "check"}

    def done(part: str) -> None:
        waiting.discard(part)
        if not waiting:
            window.mark_started()

    steps: list[Callable[[], object]] = [
        lambda: check_database_later(window, data_dir, lambda: done("check")),
        lambda: watch_update_folder(window, store, data_dir),  # signed updates, between visits
        lambda: start_daily_backups(window, store, data_dir),
        lambda: QTimer.singleShot(PRINT_CHECK_AFTER_MS, window,
                                  lambda: _check_print_privacy(window, store)),
        lambda: store.db.full,  # sqlite-utils, for the first write (kiosk.directory.database)
        *(lambda name=name: importlib.import_module(name) for name in LOADED_AFTER_FIRST_FRAME),
        *more,
    ]

    def step() -> None:
        try:
            if steps:
                steps.pop(0)()
            elif not window.build_next_screen():
                done("steps")
                return
        except Exception:  # one failing step must not keep the others from running
            logging.getLogger("kiosk.app").exception("a start-up step failed")
        QTimer.singleShot(0, window, step)

    QTimer.singleShot(0, window, step)


CHECK_POLL_MS = 200


def on_thread(window: QObject, name: str, work: Callable[[], T],
              then: Callable[[T], object], what: str,
              always: Callable[[], object] = lambda: None) -> None:
    """`work` on a thread of its own (named `name`), then `then(result)` on the UI thread,
    looked for every CHECK_POLL_MS, then `always()`, whatever happened. A failure of either
    goes to the log as `what` failed: a check must never stop the kiosk."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(1, thread_name_prefix=name)
    future = pool.submit(work)
    pool.shutdown(wait=False)
    poll = QTimer(window)
    poll.setInterval(CHECK_POLL_MS)

    def answered() -> None:
        if not future.done():
            return
        poll.stop()
        poll.deleteLater()
        try:
            then(future.result())
        except Exception:
            logging.getLogger("kiosk.app").exception("%s failed", what)
        finally:
            always()

    poll.timeout.connect(answered)
    poll.start()


def check_database_later(window: KioskWindow, data_dir: Path,
                         finished: Callable[[], object] = lambda: None) -> None:
    """SQLite's quick_check of every page, on a thread with its own connection (the kiosk
    opened the database after checking only its structure), then the day's backup there too
    when one is due. When the check finds damage, the kiosk recovers as it does at start-up
    (the file set aside, the newest good backup restored, staff told) and every screen
    starts again over the restored directory. `finished()` is called when all that is
    over (at once when there is nothing to check)."""

    from kiosk.backups import backup_due
    from kiosk.paths import database_path

    store = window.store
    path = database_path(data_dir)
    if store.read_only or not path.is_file():
        finished()
        return  # opened read-only or from memory: the reason is among the notices already
    try:
        backup = backup_due(store, data_dir)
    except Exception:
        logging.getLogger("kiosk.app").exception("the day's backup was not looked for")
        backup = False
    on_thread(window, "database-check",
              lambda: _deep_check(path, data_dir, store.clock, backup),
              lambda found: _checked(window, data_dir, *found), "checking the database",
              finished)


def _deep_check(path: Path, data_dir: Path, clock: Callable[[], dt.datetime],
                backup: bool) -> tuple[Health, Path | StorageError | None]:
    """On the thread: the file's health, then, when it is sound and a backup is due, the
    backup (its path, or the `StorageError` that stopped it)."""
    from kiosk.backups import backup_file, examine
    from kiosk.directory.sql_errors import StorageError

    health = examine(path, deep=True)
    made: Path | StorageError | None = None
    if backup and health.state == "sound":
        try:
            made = backup_file(path, data_dir, clock())
        except StorageError as error:
            made = error
    return health, made


def _checked(window: KioskWindow, data_dir: Path, health: Health,
             made: Path | StorageError | None) -> None:
    from kiosk.backups import add_notice, backup_failed, recover
    from kiosk.directory.sql_errors import StorageError

    log = logging.getLogger("kiosk.app")
    store = window.store
    if isinstance(made, StorageError):
        backup_failed(store, made)
    if health.state == "sound":
        return
    if health.state == "storage":
        if health.error is not None:
            log.warning("the database could not be checked: %s (%s)", health.error.message,
                        health.detail)
            add_notice(store, health.error.message, "warning")
        return
    log.warning("the database failed its check after start-up: %s (%s)", health.state,
                health.detail)
    store.db.close()  # nothing may hold the file while it is set aside
    found = recover(data_dir, health=health)
    store.take_over(open_data_dir(data_dir, in_memory_if_unreadable=True, deep_check=False,
                                  backup=False))
    if found.storage is not None:
        add_notice(store, found.storage.message, "warning")
    window.start_again()


PRINT_CHECK_AFTER_MS = 3000  # well after the first frame
# What a visit's rarer steps import, loaded once the first frame is up: the typo search's
# library (rapidfuzz) and the printers' module (Qt's print support). Left to the first
# visitor who needs them, the import was theirs to wait for, and the kiosk's memory grew by
# them (about 1.5 MB and 40 modules) whenever that was, in the middle of the day's visits.
LOADED_AFTER_FIRST_FRAME = ("rapidfuzz.process", "rapidfuzz.distance.OSA",
                            "kiosk.printing.printers")


def _check_print_privacy(window: QObject, store: object) -> None:
    """Whether the print system keeps copies of handouts (kiosk.printing.privacy), asked off
    the UI thread (the scheduler may be slow to answer), told to staff on it."""

    from kiosk.directory.settings import Settings

    try:
        if not str(Settings(store).get("printer") or ""):  # type: ignore[arg-type]
            return
    except Exception:  # the store may be closed already (the window is closing)
        logging.getLogger("kiosk.app").warning("the print system was not checked")
        return
    from kiosk.printing.privacy import copies_warning, note

    on_thread(window, "print-check", copies_warning, lambda found: note(store, found),
              "checking the print system")


def connect_staff(window: KioskWindow) -> None:
    """Holding the window's staff corner opens the admin over it. The admin's modules are
    imported then, not at start-up, and the window never imports them itself."""
    def open_staff() -> None:
        from kiosk.admin.entry import open_admin

        open_admin(window)

    window.admin_wanted.connect(open_staff)


class _FirstFrame(QObject):
    """Quits the application once the watched widget has painted for the first time,
    printing `first_frame_at=` and the time (`time.time()`) when that frame was painted
    (the benchmark's measure of start-up, `bench.__main__.cold_start`).

    Watching the window itself, its timer is queued before `first_frame`'s, so the time
    is taken once the whole frame is painted, before what waits for it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        import time

        print(f"first_frame_at={time.time():.6f}", flush=True)
        self.app.exit(0)


def _log_uncaught(data_dir: Path) -> None:
    """A bug inside a slot goes to the log with its traceback; the visitor's screen stays
    as it was (Qt keeps running), and nothing is printed over it. Until the first frame the
    log's lines are kept in memory (`kiosk.logs.hold_logging`); the window opens the file
    then (`run`), and a bug before opens it at once."""
    from kiosk.logs import hold_logging, setup_logging

    hold_logging(data_dir)
    log = logging.getLogger("kiosk.ui")

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        with contextlib.suppress(Exception):  # the disk refuses the file: kept in memory
            setup_logging(data_dir)
        log.error("unexpected error in the kiosk window", exc_info=(kind, error, tb))

    sys.excepthook = hook


def _open_log(data_dir: Path) -> None:
    from kiosk.logs import setup_logging

    try:
        setup_logging(data_dir)
    except OSError:  # a full or read-only disk: the lines stay in memory, and are tried at exit
        logging.getLogger("kiosk.app").warning("the log file could not be opened")


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
    data_dir = Path(data_dir)
    _log_uncaught(data_dir)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("kiosk")
    app.setStyle("Fusion")
    window = create_main_window(data_dir, windowed=windowed, lang=lang)
    from kiosk.watchdog import Heartbeat, mark_stopped

    heartbeat = Heartbeat()  # READY=1 at the first frame, then WATCHDOG=1 from this loop

    def status_reports() -> None:
        from kiosk.updates.watcher import start_status_reports

        start_status_reports(window, window.store, data_dir)

    window.first_frame.connect(lambda: _open_log(data_dir))
    window.first_frame.connect(heartbeat.start)
    window.first_frame.connect(lambda: _notes_at_start(window, data_dir))
    window.first_frame.connect(status_reports)
    if exit_after_first_frame:
        window.installEventFilter(_FirstFrame(app))
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        from kiosk.ui.fullscreen import keep_full_screen

        keep_full_screen(window)  # fills the screen with or without a window manager
    code = app.exec()
    heartbeat.stop()
    mark_stopped(data_dir)
    return code
