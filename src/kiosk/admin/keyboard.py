"""An on-screen keyboard for staff: the kiosk has no physical one.

It types into whatever field has focus (its keys never take focus themselves), and has the
characters staff need that the visitors' search keyboard leaves out: digits, ( ) - for
phone numbers, @ . / : for web and email addresses and hours, and Spanish letters.

A field that holds a number (a phone number, a ZIP code, hours, a stepper's number) says so
with the property `keyboard = "digits"`, and gets a number pad instead: bigger keys, fewer
of them, and less of the screen covered. "ABC" on the pad switches to the letters.
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
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

ROWS = ("1234567890-()", "qwertyuiop@/", "asdfghjkl:.,", "zxcvbnm_'&+#", "áéíóúñü¿¡")
PAD_ROWS = ("123()", "456-:", "789,.")
SHIFT, BACKSPACE, SPACE, ENTER, HIDE, LETTERS = "shift", "backspace", "space", "enter", "hide", \
    "letters"
LETTER_KEYS, DIGIT_KEYS = "letters", "digits"


def is_text_field(widget: QWidget | None) -> bool:
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QAbstractSpinBox)


def wants_digits(widget: QWidget | None) -> bool:
    return widget is not None and widget.property("keyboard") == DIGIT_KEYS


class StaffKeyboard(QFrame):
    hidden_by_staff = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staff-keyboard")
        self.setProperty("role", "keyboard")
        self.shift = False
        self.keys: dict[str, QPushButton] = {}  # the letters' keys
        self.pad_keys: dict[str, QPushButton] = {}  # the number pad's
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("staff-keyboard-pages")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.addWidget(self.pages)

        letters = QWidget()
        letters.setObjectName("staff-keyboard-letters")
        grid = QGridLayout(letters)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for r, row in enumerate(ROWS):
            for c, char in enumerate(row):
                grid.addWidget(self._key(char, char), r, c)
        grid.addWidget(self._key(SHIFT, "⇧ " + self.tr("Capitals")), 0, 13, 1, 2)
        grid.addWidget(self._key(BACKSPACE, "⌫ " + self.tr("Delete")), 1, 13, 1, 2)
        grid.addWidget(self._key(ENTER, "↵ " + self.tr("New line")), 2, 13, 1, 2)
        grid.addWidget(self._key(HIDE, self.tr("Hide keyboard")), 3, 13, 1, 2)
        grid.addWidget(self._key(SPACE, self.tr("Space")), 4, 9, 1, 6)
        self.pages.addWidget(letters)

        digits = QWidget()
        digits.setObjectName("staff-keyboard-digits")
        centre = QHBoxLayout(digits)
        centre.setContentsMargins(0, 0, 0, 0)
        pad = QGridLayout()
        pad.setSpacing(6)
        for r, keys in enumerate(PAD_ROWS):
            for c, char in enumerate(keys):
                pad.addWidget(self._pad_key(char, char), r, c)
        pad.addWidget(self._pad_key("0", "0"), 3, 0, 1, 2)
        pad.addWidget(self._pad_key(SPACE, self.tr("Space")), 3, 2, 1, 3)
        for place, (name, text) in enumerate(((BACKSPACE, "⌫ " + self.tr("Delete")),
                                               (LETTERS, self.tr("ABC: letters")),
                                               (HIDE, self.tr("Hide keyboard")))):
            key = self._pad_key(name, text)
            key.setProperty("wide", True)
            pad.addWidget(key, place, 5, 2 if name == HIDE else 1, 1)
        centre.addStretch(1)
        centre.addLayout(pad)
        centre.addStretch(1)
        self.pages.addWidget(digits)

    def _key(self, name: str, text: str) -> QPushButton:
        key = self._make(f"staff-key-{name}", text, "staff-key")
        key.clicked.connect(self._press(name))
        self.keys[name] = key
        return key

    def _pad_key(self, name: str, text: str) -> QPushButton:
        key = self._make(f"staff-pad-{name}", text, "pad-key")
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        key.clicked.connect(self._press(name))
        self.pad_keys[name] = key
        return key

    @staticmethod
    def _make(object_name: str, text: str, variant: str) -> QPushButton:
        key = QPushButton(text.replace("&", "&&"))  # a lone & would mark a shortcut
        key.setObjectName(object_name)
        key.setProperty("variant", variant)
        key.setAccessibleName(text)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return key

    def show_keys(self, which: str) -> None:
        """The letters, or the number pad (`DIGIT_KEYS`)."""
        self.pages.setCurrentIndex(1 if which == DIGIT_KEYS else 0)
        page = self.pages.currentWidget()
        if page is not None:
            self.pages.setFixedHeight(page.sizeHint().height())

    @property
    def showing(self) -> str:
        return DIGIT_KEYS if self.pages.currentIndex() == 1 else LETTER_KEYS

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
        if name == LETTERS:
            self.show_keys(LETTER_KEYS)
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
        self.keyboard.show_keys(DIGIT_KEYS if wants_digits(new) else LETTER_KEYS)
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
        """The field in view above the keyboard; of a text box taller than the room left,
        the line being typed."""
        parent = field.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                inner = parent.widget()
                if isinstance(field, QPlainTextEdit) and inner is not None and \
                        field.height() > parent.viewport().height() - 80:
                    at = field.mapTo(inner, field.cursorRect().center())
                    parent.ensureVisible(at.x(), at.y(), 40, 60)
                else:
                    parent.ensureWidgetVisible(field, 0, 40)
                return
            parent = parent.parentWidget()
