"""Building blocks of the admin forms: big buttons, plain-text labels, fields with their
message underneath. Every text is plain: entry text is data, never markup."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import QT_TRANSLATE_NOOP, translated
from kiosk.ui.widgets import text_label

TARGET = 56  # smallest field or tick on the admin screens, in px: the stylesheet sets it
BUG_TEXT = QT_TRANSLATE_NOOP("Admin", "Something went wrong inside the kiosk, so nothing was "
                                      "changed. The details are in the kiosk's log.")


def run_safely(action: Callable[[], Any], show: Callable[[str], None]) -> bool:
    """Run a staff action that writes; a bug goes to the log with its traceback and staff
    read one plain sentence instead (every write is one transaction, so nothing is half
    done). A `KnownError` is shown as it is."""
    from kiosk.errors import KnownError

    try:
        action()
    except KnownError as error:
        show(error.message)
        return False
    except Exception:
        logging.getLogger("kiosk.admin").exception("unexpected error in an admin action")
        show(translated("Admin", BUG_TEXT))
        return False
    return True
def label(text: str = "", role: str = "", wrap: bool = True) -> QLabel:
    return text_label(text, role, wrap)


class TextButton(QPushButton):
    """A button never narrower than its words. The stylesheet's min-width (a touch size)
    becomes the button's fixed minimum, and a layout short of room would cut the text;
    this keeps the minimum at what the words need, in whichever language they are."""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange, QEvent.Type.LanguageChange):
            self._fit()
        return handled

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        self.setMinimumWidth(self.sizeHint().width())


def button(text: str, name: str, variant: str = "", accessible: str = "") -> QPushButton:
    b = TextButton(text)
    b.setObjectName(name)
    b.setAccessibleName(accessible or text)
    if variant:
        b.setProperty("variant", variant)
    return b


def combo(name: str, accessible: str) -> QComboBox:
    """A drop-down list (the stylesheet makes it and its rows tall enough for a finger)."""
    box = QComboBox()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    return box


class TouchCheckBox(QCheckBox):
    """A tick box that a finger can tick anywhere on its row, not only on the small box."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


def check_box(text: str, name: str) -> QCheckBox:
    box = TouchCheckBox(text)
    box.setObjectName(name)
    box.setAccessibleName(text)
    return box


class Field(QWidget):
    """A titled line edit (or text box) with a plain-words problem shown under it."""

    edited = Signal()

    def __init__(self, title: str, name: str, multiline: bool = False,
                 placeholder: str = "", keyboard: str = "") -> None:
        super().__init__()
        self.setObjectName(f"{name}-field")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title = label(title, "field-title")
        self.edit: QLineEdit | QPlainTextEdit
        if multiline:
            self.edit = QPlainTextEdit()
            self.edit.setTabChangesFocus(True)
            self.edit.textChanged.connect(self.edited.emit)
        else:
            self.edit = QLineEdit()
            self.edit.textEdited.connect(lambda _text: self.edited.emit())
        self.edit.setObjectName(name)
        self.edit.setAccessibleName(title)
        self.edit.installEventFilter(self)
        if placeholder:
            self.edit.setPlaceholderText(placeholder)
        if keyboard:  # "digits": the number pad comes up instead of the letters
            self.edit.setProperty("keyboard", keyboard)
        self.problem = label("", "problem")
        self.problem.setObjectName(f"{name}-problem")
        self.problem.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A finger's tap reaches the field through the form's finger scrolling, which
        does not move the focus: the field takes it itself."""
        if watched is self.edit and event.type() == QEvent.Type.MouseButtonRelease \
                and not self.edit.hasFocus():
            self.edit.setFocus(Qt.FocusReason.MouseFocusReason)
        return False

    def text(self) -> str:
        if isinstance(self.edit, QPlainTextEdit):
            return self.edit.toPlainText()
        return self.edit.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)
            self.edit.setCursorPosition(0)  # the start of a long text shows, not its end
        self.set_problem("")

    def set_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        self.edit.setProperty("invalid", bool(message))
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)


def row(*widgets: QWidget, stretch_last: bool = False) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    for w in widgets:
        layout.addWidget(w, 1)
    if stretch_last:
        layout.addStretch(1)
    return holder


def button_row(*buttons: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    for b in buttons:
        layout.addWidget(b)
    layout.addStretch(1)
    return holder


def expanding(widget: QWidget) -> QWidget:
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return widget


def message(parent_layout: QVBoxLayout, name: str) -> QLabel:
    """A line for what just happened ("Saved.", "Nothing was imported: ...")."""
    line = label("", "status")
    line.setObjectName(name)
    line.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    parent_layout.addWidget(line)
    return line


class ChoiceButtons(QWidget):
    """A few big buttons side by side, one of them chosen (a language, a text size)."""

    chosen = Signal(str)

    def __init__(self, name: str, accessible: str, options: list[tuple[str, str]],
                 vertical: bool = False) -> None:
        super().__init__()
        from PySide6.QtWidgets import QButtonGroup

        self.setObjectName(name)
        self.setAccessibleName(accessible)
        layout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in options:
            b = button(text, f"{name}-{key}", "choice")
            b.setCheckable(True)
            b.clicked.connect(lambda _c=False, k=key: self.chosen.emit(k))
            self.group.addButton(b)
            self.buttons[key] = b
            layout.addWidget(b)
        layout.addStretch(1)

    def value(self) -> str:
        return next((k for k, b in self.buttons.items() if b.isChecked()), "")

    def set_value(self, key: str) -> None:
        if key in self.buttons:
            self.buttons[key].setChecked(True)
