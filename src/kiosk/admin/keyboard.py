"""An on-screen keyboard for staff: the kiosk has no physical one.

It types into whatever field has focus (its keys never take focus themselves), and has the
characters staff need that the visitors' search keyboard leaves out: digits, ( ) - for
phone numbers, @ . / : for web and email addresses and hours, and Spanish letters.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFrame,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

ROWS = ("1234567890-()", "qwertyuiop@/", "asdfghjkl:.,", "zxcvbnm_'&+#", "áéíóúñü¿¡")
SHIFT, BACKSPACE, SPACE, ENTER, HIDE = "shift", "backspace", "space", "enter", "hide"
KEY_HEIGHT = 50


def is_text_field(widget: QWidget | None) -> bool:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QAbstractSpinBox)


class StaffKeyboard(QFrame):
    hidden_by_staff = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff-keyboard")
        self.setProperty("role", "keyboard")
        self.shift = False
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setSpacing(6)
        for r, row in enumerate(ROWS):
            for c, char in enumerate(row):
                grid.addWidget(self._key(char, char), r, c)
        grid.addWidget(self._key(SHIFT, "⇧ " + self.tr("Capitals")), 0, 13, 1, 2)
        grid.addWidget(self._key(BACKSPACE, "⌫ " + self.tr("Delete")), 1, 13, 1, 2)
        grid.addWidget(self._key(ENTER, "↵ " + self.tr("New line")), 2, 13, 1, 2)
        grid.addWidget(self._key(HIDE, self.tr("Hide keyboard")), 3, 13, 1, 2)
        grid.addWidget(self._key(SPACE, self.tr("Space")), 4, 9, 1, 6)

    def _key(self, name: str, text: str) -> QPushButton:
        key = QPushButton(text.replace("&", "&&"))  # a lone & would mark a shortcut
        key.setObjectName(f"staff-key-{name}")
        key.setProperty("variant", "staff-key")
        key.setAccessibleName(text)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setMinimumHeight(KEY_HEIGHT)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.clicked.connect(self._press(name))
        self.keys[name] = key
        return key

    def _press(self, name: str) -> Callable[[], None]:
        def press() -> None:
            self.press(name)
        return press

    def press(self, name: str) -> None:
        if name == SHIFT:
            self.shift = not self.shift
            self.keys[SHIFT].setProperty("active", self.shift)
            self.keys[SHIFT].style().unpolish(self.keys[SHIFT])
            self.keys[SHIFT].style().polish(self.keys[SHIFT])
            return
        if name == HIDE:
            self.hide()
            self.hidden_by_staff.emit()
            return
        target = QApplication.focusWidget()
        if target is None or not is_text_field(target):
            return
        if name == BACKSPACE:
            self._send(target, Qt.Key.Key_Backspace, "")
        elif name == ENTER:
            self._send(target, Qt.Key.Key_Return, "\n" if isinstance(
                target, QPlainTextEdit) else "")
        elif name == SPACE:
            self._send(target, Qt.Key.Key_Space, " ")
        else:
            text = name.upper() if self.shift else name
            self._send(target, Qt.Key.Key_unknown, text)
            if self.shift:
                self.press(SHIFT)

    @staticmethod
    def _send(target: QWidget, key: Qt.Key, text: str) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key,
                                                     Qt.KeyboardModifier.NoModifier, text))


class KeyboardFollower(QObject):
    """Shows the keyboard when staff tap a field in `root`, and scrolls that field into
    view above it; "Hide keyboard" keeps it away until the next field is tapped. A child of
    the keyboard, so that Qt drops the connection when the admin screen goes away."""

    def __init__(self, root: QWidget, keyboard: StaffKeyboard) -> None:
        super().__init__(keyboard)
        self.root = root
        self.keyboard = keyboard
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.focus_changed)

    def stop(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self.focus_changed)

    @Slot(QWidget, QWidget)
    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not (new is self.root or self.root.isAncestorOf(new)):
            return
        if not is_text_field(new):
            self._hide_after_release()  # a button or a list: nothing to type into
            return
        self.keyboard.show()
        QTimer.singleShot(0, lambda: self._reveal(new))

    def _hide_after_release(self) -> None:
        """Hide once the finger is lifted: hiding under a held finger would move the
        button it pressed away from it, and the tap would be lost."""
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            QTimer.singleShot(50, self._hide_after_release)
            return
        if not is_text_field(QApplication.focusWidget()):
            self.keyboard.hide()

    def _reveal(self, field: QWidget) -> None:
        parent = field.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(field, 0, 40)
                return
            parent = parent.parentWidget()
