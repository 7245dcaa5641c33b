"""The way in for staff: from the kiosk's hidden corner to the PIN pad to the admin screen,
shown over the visitor screens, and back to the visitor home screen when staff leave.

The admin locks itself (closes, forgetting any unsaved form) after `admin_lock_s` untouched
and at once when the kiosk's quick exit fires.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.pinpad import PinPad
from kiosk.admin.widgets import button, label
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.staff.pin import PinGuard

log = logging.getLogger(__name__)

_ACTIVITY = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.KeyPress,
             QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.Wheel)


class WhoPage(QWidget):
    """Asked once per admin session: the name or initials written with each change."""

    done = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("who-page")
        self.setProperty("role", "page")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QVBoxLayout()
        box.setSpacing(14)
        title = label(self.tr("Who is working? Your name or initials"), "title")
        note = label(self.tr("They are saved with each change you make, so others know "
                             "who checked what."), "note")
        self.name = QLineEdit()
        self.name.setObjectName("admin-who")
        self.name.setAccessibleName(self.tr("Your name or initials"))
        self.name.setMaxLength(40)
        self.problem = label("", "problem")
        self.problem.setObjectName("admin-who-problem")
        self.ok = button(self.tr("Continue"), "admin-who-ok", "primary")
        self.cancel = button(self.tr("Cancel"), "admin-who-cancel")
        self.ok.clicked.connect(self._ok)
        self.name.returnPressed.connect(self._ok)
        self.cancel.clicked.connect(self.cancelled.emit)
        for w in (title, note, self.name, self.problem):
            box.addWidget(w)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        box.addLayout(buttons)
        centre = QHBoxLayout()
        centre.addStretch(1)
        holder = QWidget()
        holder.setLayout(box)
        holder.setMaximumWidth(760)
        centre.addWidget(holder, 3)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)

    @Slot()
    def _ok(self) -> None:
        who = " ".join(self.name.text().split())
        if not who:
            self.problem.setText(self.tr("Write your name or initials."))
            return
        self.done.emit(who)


class AdminShell(QWidget):
    """Covers the kiosk window while staff work; closes (and locks) as a whole."""

    closed = Signal()

    def __init__(self, window: QWidget, store: Store, data_dir: Path, *,
                 clock: Callable[[], dt.datetime] | None = None,
                 lock_after_s: float | None = None, scrypt_n: int | None = None) -> None:
        super().__init__(window)
        self.setObjectName("admin-shell")
        self.setProperty("role", "page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.window_ = window
        self.store = store
        self.clock = clock or store.clock
        settings = Settings(store)
        self.guard = PinGuard(settings, self.clock, **({"scrypt_n": scrypt_n} if scrypt_n
                                                       else {}))
        self.ctx = AdminContext(store, Path(data_dir), self.clock, "", self._visitor_refresh,
                                self._leave_kiosk)
        self.ctx.speech = getattr(window, "speech", None)
        self.ctx.settings_saved = self._settings_saved
        self.ctx.lang = str(getattr(window, "lang", "en"))
        self.lock_after_s = float(lock_after_s if lock_after_s is not None
                                  else settings.get("admin_lock_s"))
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        from kiosk.admin.keyboard import KeyboardFollower, StaffKeyboard

        self.keyboard = StaffKeyboard()
        self.keyboard.hide()
        layout.addWidget(self.keyboard)
        self.keyboard_follower = KeyboardFollower(self.stack, self.keyboard)
        self.pad = PinPad(self.guard, "enter")
        self.pad.accepted.connect(self._pin_ok)
        self.pad.cancelled.connect(self.lock)
        self.who_page = WhoPage()
        self.who_page.done.connect(self._who_given)
        self.who_page.cancelled.connect(self.lock)
        self.stack.addWidget(self.pad)
        self.stack.addWidget(self.who_page)
        self.screen: Any = None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(int(self.lock_after_s * 1000))
        self.idle.timeout.connect(self.lock)
        self._closed = False
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        reset_done = getattr(window, "reset_done", None)
        if reset_done is not None:
            reset_done.connect(self.lock)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()
        self.pad.setFocus()
        self.idle.start()

    # -- the steps --------------------------------------------------------------------------

    @Slot()
    def _pin_ok(self) -> None:
        self.stack.setCurrentWidget(self.who_page)
        self.who_page.name.setFocus()

    @Slot(str)
    def _who_given(self, who: str) -> None:
        from kiosk.admin.screen import AdminScreen

        self.ctx.who = who
        self.screen = AdminScreen(self.ctx)
        self.screen.leave.connect(self.lock)
        self.stack.addWidget(self.screen)
        self.stack.setCurrentWidget(self.screen)
        self.screen.stack.currentWidget().setFocus()

    # -- the visitor side -------------------------------------------------------------------

    def _visitor_refresh(self) -> None:
        refresh = getattr(self.window_, "refresh", None)
        if callable(refresh):
            refresh()

    def _settings_saved(self) -> None:
        follow = getattr(self.window_, "follow_idle_settings", None)
        if callable(follow):
            follow()

    def _leave_kiosk(self) -> None:
        leave = getattr(self.window_, "leave", None)
        self.lock()
        if callable(leave):
            leave()
        else:
            app = QApplication.instance()
            if app is not None:
                app.quit()

    @Slot()
    def lock(self) -> None:
        """Close the admin and everything typed in it; the kiosk shows its home screen."""
        if self._closed:
            return
        self._closed = True
        self.idle.stop()
        self.keyboard_follower.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window_.removeEventFilter(self)
        reset_done = getattr(self.window_, "reset_done", None)
        if reset_done is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                reset_done.disconnect(self.lock)
        self.hide()
        self._visitor_refresh()
        apply = getattr(self.window_, "apply_settings", None)
        if callable(apply):  # the next visitor meets what staff set
            apply()
        home = getattr(self.window_, "show_home", None)
        if callable(home):
            home()
        self.closed.emit()
        self.deleteLater()

    @property
    def is_locked(self) -> bool:
        return self._closed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window_ and kind == QEvent.Type.Resize:
            self.setGeometry(self.window_.rect())
        elif kind in _ACTIVITY and isinstance(watched, QWidget) and (
                watched is self or self.isAncestorOf(watched)):
            self.idle.start()
        return False


def open_admin(window: Any, *, clock: Callable[[], dt.datetime] | None = None,
               lock_after_s: float | None = None) -> AdminShell | None:
    """Show the PIN pad over the kiosk window, then the admin screen.

    Until a PIN is set (`kiosk set-pin`, at installation) nothing opens at all: the corner
    stays a blank corner, and whoever stands at the kiosk cannot make themselves staff.
    """
    existing = window.findChild(AdminShell, "admin-shell")
    if existing is not None and not existing.is_locked:
        existing.raise_()
        return existing
    if not PinGuard(Settings(window.store)).has_pin():
        log.info("the staff corner was held, but no staff PIN is set (see 'kiosk set-pin')")
        return None
    tally = getattr(window, "usage", None)
    if tally is not None:
        tally.flush(window.store)  # staff see the counts up to now
    return AdminShell(window, window.store, getattr(window, "data_dir", Path(".")),
                      clock=clock or getattr(window, "clock", None),
                      lock_after_s=lock_after_s)
