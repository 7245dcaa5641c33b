"""Applying update bundles that appear in the update folder, between visitors.

The update folder is a USB stick's mount point or a folder a sync engine (Syncthing)
replicates to every kiosk. A file system watcher notices new files at once; a periodic check
catches what it misses (a stick plugged in after start-up, network file systems). A file is
looked at only when its size has stopped changing, so a bundle still being copied is not
mistaken for a truncated one. A newer bundle signed by the trusted key is applied only when
the kiosk is idle on its home screen; a bad bundle gives staff one notice, not one a minute.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QTimer, Signal, Slot

from kiosk.directory.store import Store
from kiosk.errors import KnownError

log = logging.getLogger("kiosk.updates")

_INPUT = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
})


class InputQuiet(QObject):
    """How long since anyone touched the screen (an application-wide event filter that
    notes only that input happened, never what)."""

    def __init__(self, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self.last = clock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last = self.clock()
        return False

    def seconds(self) -> float:
        return self.clock() - self.last


class UpdateWatcher(QObject):
    applied = Signal(str)  # the sentence written to the admin notices
    refused = Signal(str)

    def __init__(self, store: Store, data_dir: Path, folder: Path,
                 is_idle: Callable[[], bool], *, interval_ms: int = 60_000,
                 settle_ms: int = 2_000, retry_ms: int = 10_000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.data_dir = data_dir
        self.folder = folder
        self.is_idle = is_idle
        self.waiting = False  # a newer bundle is ready, waiting for the visitor to leave
        self._sizes: dict[str, tuple[int, int]] = {}
        self._reported: set[tuple[str, int, int]] = set()
        self.files = QFileSystemWatcher(self)
        self.files.directoryChanged.connect(self._changed)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(settle_ms)
        self.settle.timeout.connect(self.check)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(retry_ms)
        self.retry.timeout.connect(self.check)
        self.periodic = QTimer(self)
        self.periodic.setInterval(interval_ms)
        self.periodic.timeout.connect(self.check)

    def start(self) -> None:
        self._watch()
        self.periodic.start()
        self.settle.start()  # a first look soon after start-up

    def stop(self) -> None:
        for timer in (self.periodic, self.settle, self.retry):
            timer.stop()

    def _watch(self) -> None:
        if self.folder.is_dir() and str(self.folder) not in self.files.directories():
            self.files.addPath(str(self.folder))

    @Slot(str)
    def _changed(self, _path: str) -> None:
        self.settle.start()

    @Slot()
    def check(self) -> None:
        """Look at the folder; apply the newest good bundle if the kiosk is idle."""
        try:
            self._check()
        except Exception:  # a bug here must never stop the kiosk
            log.exception("checking the update folder failed")

    def _stable_files(self) -> list[Path]:
        from kiosk.updates.bundle import SUFFIX

        if not self.folder.is_dir():
            return []
        stable, sizes = [], {}
        unsettled = False
        for path in sorted(self.folder.glob(f"*{SUFFIX}")):
            try:
                info = path.stat()
            except OSError:
                continue
            sizes[path.name] = (info.st_size, info.st_mtime_ns)
            if self._sizes.get(path.name) == sizes[path.name]:
                stable.append(path)
            else:
                unsettled = True
        self._sizes = sizes
        if unsettled:
            self.settle.start()
        return stable

    def _check(self) -> None:
        from kiosk.directory.settings import Settings
        from kiosk.updates.bundle import Bundle, applied_version, apply, verify

        self._watch()
        trusted = Settings(self.store).get("trusted_key")
        current = applied_version(self.store)
        newest: Bundle | None = None
        for path in self._stable_files():
            key = (path.name, *self._sizes[path.name])
            if key in self._reported:
                continue
            try:
                bundle = verify(path, trusted)
            except KnownError as error:
                self._report(key, error.message)
                continue
            if bundle.version > current and (newest is None or bundle.version > newest.version):
                newest = bundle
        if newest is None:
            self.waiting = False
            return
        if not self.is_idle():
            self.waiting = True
            self.retry.start()
            return
        self.waiting = False
        key = (newest.path.name, *self._sizes[newest.path.name])
        try:
            message = apply(self.store, self.data_dir, newest.path)
        except KnownError as error:
            self._report(key, error.message)
            return
        log.info("%s", message)  # `apply` wrote the notice for staff
        self.applied.emit(message)

    def _report(self, key: tuple[str, int, int], message: str) -> None:
        from kiosk.backups import add_notice

        self._reported.add(key)
        add_notice(self.store, f"An update in {self.folder} was not applied: {message}",
                   "warning")
        self.refused.emit(message)


QUIET_S = 30.0  # no touch for this long, on the home screen: the visitor has gone


def watch_update_folder(window: QObject, store: Store, data_dir: Path) -> UpdateWatcher | None:
    """Start watching the update folder named in the settings, if there is one.

    `window` is the visitor window: it says whether a visit is under way
    (`is_pristine()`) and re-reads the store after an update (`refresh()`).
    """
    from PySide6.QtWidgets import QApplication

    from kiosk.directory.settings import Settings

    folder = str(Settings(store).get("update_folder") or "").strip()
    if not folder:
        return None
    quiet = InputQuiet(window)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(quiet)
    pristine: Callable[[], bool] = getattr(window, "is_pristine", lambda: True)

    def is_idle() -> bool:
        return quiet.seconds() >= QUIET_S and bool(pristine())

    watcher = UpdateWatcher(store, data_dir, Path(folder).expanduser(), is_idle, parent=window)
    refresh = getattr(window, "refresh", None)
    if refresh is not None:
        watcher.applied.connect(lambda _message: refresh())
    watcher.start()
    return watcher


def start_daily_backups(parent: QObject, store: Store, data_dir: Path,
                        interval_ms: int = 3_600_000) -> QTimer:
    """A kiosk runs for weeks without restarting: look every hour whether a day has passed
    since the last backup (a backup takes a moment and does not disturb a visit)."""
    from kiosk.backups import daily_backup_if_due

    def check() -> None:
        try:
            daily_backup_if_due(store, data_dir)
        except Exception:  # a full disk must not stop the kiosk; the log says why
            log.exception("the daily backup failed")

    timer = QTimer(parent)
    timer.setObjectName("daily-backups")
    timer.setInterval(interval_ms)
    timer.timeout.connect(check)
    timer.start()
    return timer
