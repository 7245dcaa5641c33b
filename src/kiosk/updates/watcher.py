"""Applying update bundles that appear in the update folder, between visitors.

The update folder is a USB stick's mount point or a folder a sync engine (Syncthing)
replicates to every kiosk. A file system watcher notices new files at once; a periodic check
catches what it misses (a stick plugged in after start-up, network file systems). A file is
looked at only when its size has stopped changing, so a bundle still being copied is not
mistaken for a truncated one. Reading and checking happen on a worker thread; anything that
cannot be a bundle (a folder, a FIFO, a file far too large) is passed over from its `stat`
with one notice. A newer bundle signed by a trusted key is applied only when the kiosk is idle
on its home screen (the import itself then runs on the UI thread, with nobody at the screen);
a bad bundle gives staff one notice, not one a minute.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QTimer, Signal, Slot

from kiosk.directory.store import Store
from kiosk.errors import KnownError
from kiosk.updates.bundle import Bundle

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


@dataclass
class Scan:
    """What one look at the update folder found (made on a worker thread)."""

    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)
    unsettled: bool = False
    good: list[tuple[tuple[str, int, int], Bundle]] = field(default_factory=list)
    refused: list[tuple[tuple[str, int, int], str]] = field(default_factory=list)


def scan_folder(folder: Path, trusted: str, known: dict[str, tuple[int, int]],
                reported: set[tuple[str, int, int]]) -> Scan:
    """Look at `folder` without touching the store: which files are settled (same size and
    time as at the last look, in `known`), and what checking each settled one gives.
    Entries that cannot be bundles (folders, FIFOs, huge files) are refused from their
    `stat` alone and never opened."""
    from kiosk.updates.bundle import SUFFIX, file_problem, verify

    scan = Scan()
    if not folder.is_dir():
        return scan
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        log.warning("the update folder %s cannot be read", folder, exc_info=True)
        return scan
    for entry in entries:
        if not entry.name.endswith(SUFFIX) or entry.name.startswith("."):
            continue
        try:
            info = entry.stat()
        except OSError:
            continue
        scan.sizes[entry.name] = (info.st_size, info.st_mtime_ns)
        key = (entry.name, info.st_size, info.st_mtime_ns)
        if known.get(entry.name) != scan.sizes[entry.name]:
            scan.unsettled = True
            continue
        if key in reported:
            continue
        problem = file_problem(info)
        if problem:
            scan.refused.append((key, f"{entry.name}: {problem}, so it was ignored."))
            continue
        try:
            scan.good.append((key, verify(Path(entry.path), trusted)))
        except KnownError as error:
            scan.refused.append((key, error.message))
    return scan


class _Relay(QObject):
    """Carries a worker's answer back to the UI thread. It lives as long as the program, so
    an answer that arrives after its watcher was deleted (the kiosk closing) has somewhere
    safe to land."""

    done = Signal(object, object)


_relay: _Relay | None = None


def _deliver(watcher: UpdateWatcher, scan: Scan | None) -> None:
    try:
        watcher.objectName()
    except RuntimeError:  # deleted meanwhile
        return
    watcher._scanned(scan)


def _relay_here() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.done.connect(_deliver)
    return _relay


class UpdateWatcher(QObject):
    applied = Signal(str)  # the sentence written to the admin notices
    refused = Signal(str)
    scanned = Signal()  # one look at the folder is done (for tests and staff screens)

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
        self.scanning = False
        self._again = False
        self._sizes: dict[str, tuple[int, int]] = {}
        self._reported: set[tuple[str, int, int]] = set()
        self._passed: set[tuple[str, int, int]] = set()  # good, but not newer: not re-read
        self._ready: Bundle | None = None
        self.files = QFileSystemWatcher(self)
        self.files.directoryChanged.connect(self._changed)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(settle_ms)
        self.settle.timeout.connect(self.check)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(retry_ms)
        self.retry.timeout.connect(self._apply_when_idle)
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
        """Look at the folder on a worker thread (reading and checking a bundle takes a
        moment, and a hostile file must never freeze the screen); the answer comes back to
        this thread, which applies the newest good bundle when the kiosk is idle."""
        if self.scanning:
            self._again = True
            return
        try:
            from kiosk.directory.settings import Settings

            self._watch()
            trusted = str(Settings(self.store).get("trusted_key"))
        except Exception:  # a bug here must never stop the kiosk
            log.exception("checking the update folder failed")
            return
        self.scanning = True
        relay = _relay_here()
        known, reported = dict(self._sizes), self._reported | self._passed

        def work() -> None:
            try:
                result: Scan | None = scan_folder(self.folder, trusted, known, reported)
            except Exception:
                log.exception("checking the update folder failed")
                result = None
            relay.done.emit(self, result)

        threading.Thread(target=work, name="update-folder", daemon=True).start()

    def _scanned(self, scan: Scan | None) -> None:
        self.scanning = False
        try:
            if scan is not None:
                self._take(scan)
        except Exception:
            log.exception("checking the update folder failed")
        self.scanned.emit()
        if self._again:
            self._again = False
            self.check()

    def _take(self, scan: Scan) -> None:
        from kiosk.updates.bundle import applied_version
        from kiosk.updates.manifest import version_problem

        self._sizes = scan.sizes
        if scan.unsettled:
            self.settle.start()
        for key, message in scan.refused:
            self._report(key, message)
        current = applied_version(self.store)
        newest: Bundle | None = None
        for key, found in scan.good:
            if found.version <= current:
                self._passed.add(key)
                continue
            problem = version_problem(found.version, current)
            if problem:
                self._report(key, f"{found.path.name}: {problem}; it was not applied.")
            elif newest is None or found.version > newest.version:
                newest = found
        if newest is not None:
            self._ready = newest
        self._apply_when_idle()

    @Slot()
    def _apply_when_idle(self) -> None:
        from kiosk.updates.bundle import apply

        ready = self._ready
        if ready is None:
            self.waiting = False
            return
        if not self.is_idle():
            self.waiting = True
            self.retry.start()
            return
        self.waiting = False
        self._ready = None
        name = ready.path.name
        key = (name, *self._sizes.get(name, (0, 0)))
        try:
            message = apply(self.store, self.data_dir, ready.path)
        except KnownError as error:
            if "is not newer" not in error.message:
                self._report(key, error.message)
            return
        except Exception:
            log.exception("applying %s failed", name)
            return
        log.info("%s", message)  # `apply` wrote the notice for staff
        self.applied.emit(message)

    def _report(self, key: tuple[str, int, int], message: str) -> None:
        from kiosk.backups import add_notice

        if key in self._reported:
            return
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


def start_status_reports(window: QObject, store: Store, data_dir: Path,
                         interval_ms: int = 600_000) -> QTimer | None:
    """Write this kiosk's status file into the update folder at start and then at most once
    an hour (`kiosk.updates.fleet`), between visitors. None when no update folder is named."""
    from kiosk.directory.settings import Settings
    from kiosk.updates.fleet import note_start, write_status

    folder = str(Settings(store).get("update_folder") or "").strip()
    if not folder:
        return None
    note_start(store)
    pristine: Callable[[], bool] = getattr(window, "is_pristine", lambda: True)

    def report() -> None:
        if not pristine() or not Path(folder).is_dir():
            return
        try:
            write_status(Path(folder).expanduser(), store, data_dir)
        except Exception:  # a full or read-only stick must not stop the kiosk
            log.exception("writing the status file failed")

    timer = QTimer(window)
    timer.setObjectName("fleet-status")
    timer.setInterval(interval_ms)
    timer.timeout.connect(report)
    timer.start()
    QTimer.singleShot(5_000, timer, report)
    return timer
