"""The large PIN pad staff use to get in, and to create or change the PIN.

The digits typed are held only in this widget until OK, then cleared; they are never shown,
logged or stored. While the pad is locked after wrong PINs, its keys are disabled and it
counts down the wait.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.admin.widgets import button, label
from kiosk.staff.pin import MIN_DIGITS, PinError, PinGuard, check_new_pin, wait_text

MAX_DIGITS = 12
PAD_WIDTH = 3 * 96 + 2 * 14 + 200  # three keys (the stylesheet's 96 px), their gaps, room


class PinPad(QWidget):
    """`mode` is "enter" (check the PIN) or "change" (the current one, then a new one
    twice). There is no pad for making the first PIN: that is `kiosk set-pin`, at a
    terminal, so nobody standing at the kiosk can make themselves staff."""

    accepted = Signal()
    cancelled = Signal()

    def __init__(self, guard: PinGuard, mode: str = "enter",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pin-pad")
        self.setProperty("role", "page")
        self.guard = guard
        self.mode = mode
        self.step = "current"
        self._digits = ""
        self._first_new = ""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        self.title = label("", "title")
        self.title.setObjectName("pin-title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = label("", "pin-dots", wrap=False)
        self.dots.setObjectName("pin-dots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = label("", "problem")
        self.message.setObjectName("pin-message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.title)
        column.addWidget(self.dots)
        column.addWidget(self.message)

        grid = QGridLayout()
        grid.setSpacing(14)
        self.keys: list = []
        for i, digit in enumerate("123456789"):
            key = self._key(digit, f"pin-key-{digit}")
            grid.addWidget(key, i // 3, i % 3)
        self.back_key = self._key(self.tr("Erase"), "pin-key-erase", self._erase)
        grid.addWidget(self.back_key, 3, 0)
        grid.addWidget(self._key("0", "pin-key-0"), 3, 1)
        self.ok = self._key(self.tr("OK"), "pin-ok", self._submit)
        self.ok.setProperty("variant", "primary")
        grid.addWidget(self.ok, 3, 2)
        pad = QWidget()
        pad.setLayout(grid)
        pad.setMaximumWidth(PAD_WIDTH)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(pad)
        centre.addStretch(1)
        column.addLayout(centre)
        self.cancel = button(self.tr("Cancel"), "pin-cancel")
        self.cancel.clicked.connect(self._cancel)
        cancel_row = QHBoxLayout()
        cancel_row.addStretch(1)
        cancel_row.addWidget(self.cancel)
        cancel_row.addStretch(1)
        column.addLayout(cancel_row)
        outer.addLayout(column)
        outer.addStretch(1)

        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._show_lock)
        self._show_step()
        self._show_lock()

    def _key(self, text: str, name: str, slot: object = None):  # type: ignore[no-untyped-def]
        key = button(text, name, "pin-key", accessible=text)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setAutoRepeat(False)
        if slot is None:
            key.clicked.connect(lambda: self.press(text))
        else:
            key.clicked.connect(slot)  # type: ignore[arg-type]
        self.keys.append(key)
        return key

    # -- what staff do ----------------------------------------------------------------------

    def press(self, digit: str) -> None:
        if self.guard.locked_until() is not None or len(self._digits) >= MAX_DIGITS:
            return
        self._digits += digit
        self._show_digits()

    @Slot()
    def _erase(self) -> None:
        self._digits = self._digits[:-1]
        self._show_digits()

    @Slot()
    def _cancel(self) -> None:
        self._digits = self._first_new = ""
        self.cancelled.emit()

    @Slot()
    def _submit(self) -> None:
        digits, self._digits = self._digits, ""
        self._show_digits()
        if self.step == "current":
            self._check(digits)
        elif self.step == "new":
            try:
                check_new_pin(digits)
            except PinError as error:
                self._say(self._pin_problem(error))
                return
            self._first_new = digits
            self.step = "again"
            self._show_step()
            self._say("")
        else:
            first, self._first_new = self._first_new, ""
            if digits != first:
                self.step = "new"
                self._show_step()
                self._say(self.tr("The two PINs were not the same. Start again."))
                return
            self.guard.set_pin(digits)
            self._say("")
            self.accepted.emit()

    def _pin_problem(self, error: PinError) -> str:
        if "digits" in error.message and "only" not in error.message:
            return self.tr("The PIN needs at least %n digits.", "", MIN_DIGITS)
        return self.tr("The PIN may hold only digits.")

    def _check(self, digits: str) -> None:
        try:
            attempt = self.guard.check(digits)
        except PinError:
            self._say(self.tr("No staff PIN is set on this kiosk. Set one with "
                              "'kiosk set-pin' at a terminal."))
            return
        if attempt.ok:
            self._say("")
            if self.mode == "change":
                self.step = "new"
                self._show_step()
                return
            self.accepted.emit()
            return
        if attempt.locked:
            self._show_lock()
            if self.guard.cannot_record:
                self._say(self.tr("The kiosk cannot keep count of PIN tries (its disk is "
                                  "full or cannot be written), so no PIN is accepted. Fix "
                                  "the disk, then try again."))
            return
        self._say(self.tr("Wrong PIN. 1 try left.") if attempt.tries_left == 1 else
                  self.tr("Wrong PIN. %1 tries left.").replace("%1", str(attempt.tries_left)))

    # -- showing ----------------------------------------------------------------------------

    def _show_step(self) -> None:
        titles = {
            ("enter", "current"): self.tr("Staff PIN"),
            ("change", "current"): self.tr("Type the PIN you use now"),
            ("change", "new"): self.tr("Type the new PIN: %n digits or more", "", MIN_DIGITS),
        }
        if self.step == "again":
            text = self.tr("Type the new PIN again")
        else:
            text = titles[(self.mode, self.step)]
        self.title.setText(text)

    def _show_digits(self) -> None:
        self.dots.setText(" ".join("●" for _ in self._digits))

    def _say(self, text: str) -> None:
        self.message.setText(text)

    @Slot()
    def _show_lock(self) -> None:
        locked = self.guard.has_pin() and self.guard.locked_until() is not None
        for key in self.keys:
            key.setEnabled(not locked)
        if locked:
            self._digits = ""
            self._show_digits()
            self._say(self.tr("Too many wrong PINs. Try again in %1.").replace(
                "%1", wait_text(self.guard.seconds_left())))
            if not self.tick.isActive():
                self.tick.start()
        elif self.tick.isActive():
            self.tick.stop()
            self._say("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self.press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        elif event.key() == Qt.Key.Key_Backspace:
            self._erase()
        else:
            super().keyPressEvent(event)
