"""Building blocks of the admin forms: big buttons, plain-text labels, fields with their
message underneath. Every text is plain: entry text is data, never markup."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
    from kiosk.directory.sql_errors import known_error
    from kiosk.errors import KnownError

    try:
        action()
    except KnownError as error:
        show(error.message)
        return False
    except Exception as error:
        known = known_error(error)  # a full or read-only disk is not a bug
        if known is not None:
            logging.getLogger("kiosk.admin").warning("an admin action failed: %s", error)
            show(known.message)
            return False
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


class ChoicesOverlay(QWidget):
    """The rows of a `PickButton`, over the window under the button: one tap on a row
    chooses it, a tap anywhere else closes them. A child of the window, not a pop-up
    window of its own: a kiosk may run without a window manager to place one."""

    picked = Signal(int)

    def __init__(self, button: QPushButton, texts: list[str], current: int) -> None:
        from kiosk.admin.views import ChoiceList

        window = button.window()
        super().__init__(window)
        self.setObjectName(f"{button.objectName()}-choices")
        self.setGeometry(window.rect())
        self.list = ChoiceList(f"{button.objectName()}-rows", button.accessibleName())
        self.list.setParent(self)
        self.list.setProperty("pick", True)
        self.list.set_items([(str(i), t) for i, t in enumerate(texts)], str(current))
        self.list.clicked.connect(lambda index: self._chose(index.row()))
        top_left = button.mapTo(window, QPoint(0, button.height() + 4))
        rows = self.list.sizeHintForRow(0) if texts else 56
        height = min(len(texts) * max(rows, 56) + 12, window.height() - 16)
        width = max(button.width(), 360)
        x = min(top_left.x(), window.width() - width - 8)
        y = top_left.y()
        if y + height > window.height() - 8:  # no room below: above the button
            y = max(8, button.mapTo(window, QPoint(0, 0)).y() - height - 4)
        self.list.setGeometry(x, y, width, height)
        self.show()
        self.raise_()

    def _chose(self, row: int) -> None:
        self.close()
        self.deleteLater()
        self.picked.emit(row)

    def mousePressEvent(self, event: Any) -> None:
        self.close()
        self.deleteLater()


class PickButton(TextButton):
    """One of a few choices (which entries to show, a town, a person): a button that says
    the choice and opens a list of big rows to tap another. It replaces the drop-down list,
    whose closed box showed no arrow and whose rows were a mouse's size. It answers as a
    QComboBox does (`addItem`, `currentData`, `findData`, `currentIndexChanged`, ...)."""

    currentIndexChanged = Signal(int)
    activated = Signal(int)

    def __init__(self, name: str, accessible: str) -> None:
        super().__init__("")
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setProperty("variant", "pick")
        self.items: list[tuple[str, Any]] = []
        self.index = -1
        self.choices: ChoicesOverlay | None = None
        self.clicked.connect(self._open)

    def _open(self) -> None:
        self.choices = ChoicesOverlay(self, [t for t, _d in self.items], self.index)
        self.choices.picked.connect(self._picked)

    def _picked(self, index: int) -> None:
        self.choices = None
        self.setCurrentIndex(index)
        self.activated.emit(index)

    LONGEST = 240  # px of a choice's words on the button; the list shows them whole

    def _show(self) -> None:
        text = self.items[self.index][0] if 0 <= self.index < len(self.items) else ""
        text = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self.LONGEST)
        super().setText(f"{text.replace('&', '&&')}  ▾" if text else "▾")

    # -- as a QComboBox -----------------------------------------------------------------

    def addItem(self, text: str, data: Any = None) -> None:
        self.items.append((text, data))
        if self.index < 0:
            self.setCurrentIndex(0)

    def clear(self) -> None:
        self.items, self.index = [], -1
        self._show()

    def count(self) -> int:
        return len(self.items)

    def findData(self, data: Any) -> int:
        return next((i for i, (_t, d) in enumerate(self.items) if d == data), -1)

    def itemData(self, index: int) -> Any:
        return self.items[index][1]

    def itemText(self, index: int) -> str:
        return self.items[index][0]

    def setItemText(self, index: int, text: str) -> None:
        if 0 <= index < len(self.items):
            self.items[index] = (text, self.items[index][1])
            self._show()

    def currentIndex(self) -> int:
        return self.index

    def currentData(self) -> Any:
        return self.items[self.index][1] if 0 <= self.index < len(self.items) else None

    def currentText(self) -> str:
        return self.items[self.index][0] if 0 <= self.index < len(self.items) else ""

    def setCurrentIndex(self, index: int) -> None:
        if not 0 <= index < len(self.items) or index == self.index:
            return
        self.index = index
        self._show()
        if not self.signalsBlocked():
            self.currentIndexChanged.emit(index)


def combo(name: str, accessible: str) -> PickButton:
    """A choice of a few, as a button that opens big rows to tap."""
    return PickButton(name, accessible)


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
