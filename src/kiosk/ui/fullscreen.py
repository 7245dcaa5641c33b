"""Keeping the kiosk's window the size of its screen, with or without a window manager.

`showFullScreen()` is only a request: a window manager carries it out, but a bare X server
has none, Qt's offscreen platform ignores it, and a Wayland compositor may leave the window
at the size it first asked for. Qt's first size for a top-level window is two thirds of the
screen, which is what a kiosk under a bare X server or headless cage showed (853x480 of a
1280x720 output). So the window asks for full screen *and* sets its geometry to the screen's,
with the screen's size as its minimum (on Wayland the one size hint a compositor must honour),
and does it again whenever the screen changes size or orientation, the window moves to
another screen, or something takes it out of full screen.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_SIZE_HINTED = ("wayland", "xcb", "eglfs", "linuxfb")


class FullScreen(QObject):
    """Holds `window` at its screen's geometry for as long as it lives."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("full-screen-keeper")
        self.window = window
        self._screen: QScreen | None = None
        self._again = QTimer(self)  # once more after the platform has had its say
        self._again.setSingleShot(True)
        self._again.setInterval(150)
        self._again.timeout.connect(self.fit)
        window.installEventFilter(self)

    def start(self) -> None:
        self.fit()
        self.window.showFullScreen()
        handle = self.window.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(self._screen_changed)
        self._follow(self.screen())
        self.fit()

    def screen(self) -> QScreen | None:
        return self.window.screen() or QGuiApplication.primaryScreen()

    def target(self) -> QRect:
        screen = self.screen()
        return QRect() if screen is None else screen.geometry()

    @Slot()
    def fit(self) -> None:
        wanted = self.target()
        if wanted.isEmpty():
            return
        window = self.window
        # The minimum size is the hint a Wayland compositor or an X server honours; the
        # offscreen platform has no use for it (and says so in a warning).
        if QGuiApplication.platformName() in _SIZE_HINTED and \
                window.minimumSize() != wanted.size():
            window.setMinimumSize(0, 0)  # a rotated screen may be narrower than the old minimum
            window.setMinimumSize(wanted.size())
        if window.geometry() != wanted:
            window.setGeometry(wanted)
        if window.isVisible() and not window.isFullScreen():
            window.showFullScreen()

    def _follow(self, screen: QScreen | None) -> None:
        if screen is self._screen:
            return
        if self._screen is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._screen.geometryChanged.disconnect(self._screen_resized)
        self._screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self._screen_resized)

    @Slot(QScreen)
    def _screen_changed(self, screen: QScreen) -> None:
        self._follow(screen)
        self.fit()
        self._again.start()

    @Slot(QRect)
    def _screen_resized(self, geometry: QRect) -> None:
        log.info("the screen is now %dx%d", geometry.width(), geometry.height())
        self.fit()
        self._again.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (
                QEvent.Type.WindowStateChange, QEvent.Type.Resize, QEvent.Type.Move,
                QEvent.Type.Show):
            wanted = self.target()
            if not wanted.isEmpty() and (self.window.geometry() != wanted
                                         or not self.window.isFullScreen()):
                self._again.start()
        return False


def keep_full_screen(window: QWidget) -> FullScreen:
    """Show `window` full screen and keep it filling its screen."""
    keeper = FullScreen(window)
    keeper.start()
    return keeper
