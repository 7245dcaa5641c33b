"""The on-screen keyboard: a kiosk has no physical one. Large keys, English and Spanish
layouts (the Spanish one with á é í ó ú ñ ü)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QSizePolicy, QWidget

LAYOUTS: dict[str, tuple[str, ...]] = {
    "en": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
    "es": ("qwertyuiop", "asdfghjklñ", "zxcvbnm", "áéíóúü"),
}
BACKSPACE, SPACE, CLEAR = "backspace", "space", "clear"


class Keyboard(QFrame):
    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 10, 10, 10)
        self.grid.setSpacing(6)
        self.keys: dict[str, QPushButton] = {}
        self.lang = ""
        self.names = {BACKSPACE: "Delete", SPACE: "Space", CLEAR: "Clear"}

    def set_layout(self, lang: str, names: dict[str, str]) -> None:
        """Lay out `lang`'s keys. A key is made the first time a layout needs it and kept:
        switching language moves and hides keys, it does not rebuild the keyboard."""
        self.names = names
        if lang == self.lang and self.keys:
            self._rename()
            return
        self.lang = lang
        while self.grid.count():
            self.grid.takeAt(0)
        rows = LAYOUTS.get(lang, LAYOUTS["en"])
        placed: set[str] = set()

        def place(name: str, text: str, row: int, column: int, span: int) -> None:
            key = self.keys.get(name) or self._key(name, text)
            self.grid.addWidget(key, row, column, 1, span)
            key.show()
            placed.add(name)

        # each letter takes two grid columns so shorter rows can sit half a key in
        width = 2 * max(len(r) for r in rows)
        for r, row in enumerate(rows):
            offset = (width - 2 * len(row)) // 2 if r != 2 else 1
            for i, char in enumerate(row):
                place(char, char.upper(), r, offset + 2 * i, 2)
        last = len(rows) - 1
        row_len = len(rows[2])
        place(BACKSPACE, "\u232b", 2, 1 + 2 * row_len, width - 1 - 2 * row_len)
        place(CLEAR, "", last + 1, 0, 6)
        place(SPACE, "", last + 1, 6, width - 6)
        for name, key in self.keys.items():
            if name not in placed:
                key.hide()
        self._rename()

    def _key(self, name: str, text: str) -> QPushButton:
        key = QPushButton(text)
        key.setObjectName(f"keyboard-key-{name}")
        key.setProperty("variant", "key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.setAccessibleName(text)
        key.clicked.connect(self._press(name))
        self.keys[name] = key
        return key

    def _rename(self) -> None:
        for name in (BACKSPACE, SPACE, CLEAR):
            key = self.keys.get(name)
            if key is None:
                continue
            if name != BACKSPACE:
                key.setText(self.names[name])
            key.setAccessibleName(self.names[name])

    def _press(self, name: str) -> Callable[[], None]:
        def press() -> None:
            if name == BACKSPACE:
                self.backspace.emit()
            elif name == CLEAR:
                self.cleared.emit()
            elif name == SPACE:
                self.typed.emit(" ")
            else:
                self.typed.emit(name)
        return press
