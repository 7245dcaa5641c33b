"""A number to set with a finger: a big "-" and "+" either side of the number, which can
also be typed on the number pad (a tap on it brings the pad, not the letters).

It replaces the spin box, whose arrows are a few pixels tall. Holding "-" or "+" repeats.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from kiosk.admin.widgets import button


class Stepper(QWidget):
    """`value_changed(int)` after each step and after a typed number is finished."""

    value_changed = Signal(int)

    def __init__(self, name: str, accessible: str, minimum: int, maximum: int,
                 step: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}-stepper")
        self.minimum, self.maximum, self.step = minimum, maximum, step
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.less = self._button("\u2212", f"{name}-less",
                                 self.tr("Less: %1").replace("%1", accessible))
        self.more = self._button("+", f"{name}-more",
                                 self.tr("More: %1").replace("%1", accessible))
        self.field = QLineEdit()
        self.field.setObjectName(name)
        self.field.setAccessibleName(accessible)
        self.field.setProperty("keyboard", "digits")
        self.field.setProperty("variant", "stepper")
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setValidator(QIntValidator(min(minimum, 0), maximum, self))
        self.field.editingFinished.connect(self._typed)
        self.field.textEdited.connect(lambda _t: self._typed_so_far())
        layout.addWidget(self.less)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.more)
        self.less.clicked.connect(lambda: self.set_value(self.value() - self.step, True))
        self.more.clicked.connect(lambda: self.set_value(self.value() + self.step, True))
        self._value = minimum
        self.set_value(minimum)

    def _button(self, text: str, name: str, accessible: str) -> QPushButton:
        b = button(text, name, "step", accessible)
        b.setAutoRepeat(True)
        b.setAutoRepeatDelay(500)
        b.setAutoRepeatInterval(120)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the number pad stays with the number
        return b

    def value(self) -> int:
        return self._value

    def set_value(self, value: int, by_staff: bool = False) -> None:
        value = min(max(int(value), self.minimum), self.maximum)
        changed = value != self._value
        self._value = value
        if self.field.text() != str(value):
            self.field.setText(str(value))
        self.less.setEnabled(value > self.minimum)
        self.more.setEnabled(value < self.maximum)
        if changed and by_staff:
            self.value_changed.emit(value)

    @Slot()
    def _typed_so_far(self) -> None:
        """While typing, a number in range counts at once (Save may come next)."""
        typed = _number(self.field.text())
        if typed is not None and self.minimum <= typed <= self.maximum:
            changed = typed != self._value
            self._value = typed
            self.less.setEnabled(self._value > self.minimum)
            self.more.setEnabled(self._value < self.maximum)
            if changed:
                self.value_changed.emit(self._value)

    @Slot()
    def _typed(self) -> None:
        typed = _number(self.field.text())
        self.set_value(self._value if typed is None else typed, True)
        self.field.setText(str(self._value))


def _number(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None
