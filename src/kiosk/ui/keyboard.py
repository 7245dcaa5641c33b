"""The on-screen keyboard: a kiosk has no physical one. Large keys, English and Spanish
layouts (the Spanish one with á é í ó ú ñ ü), and a key that puts the keyboard away.

Both layouts have four rows on the same grid, so the Spanish letters cost no height: ñ and ü
end the middle row, the accented vowels end the bottom row of letters. Delete is at the top
right and Clear, Space and Hide keyboard share the last row, in the same places in both
languages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QSizePolicy, QWidget

from kiosk.layouts import empty_layout

LAYOUTS: dict[str, tuple[str, ...]] = {
    "en": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
    "es": ("qwertyuiop", "asdfghjklñü", "zxcvbnmáéíóú"),
}
BACKSPACE, SPACE, CLEAR, HIDE = "backspace", "space", "clear", "hide"
COLUMNS = 24  # half-keys: each letter takes two, so a row can sit half a key in
# (first column, span) of the keys that are not letters
PLACES = {BACKSPACE: (0, 20, 4), CLEAR: (3, 0, 6), SPACE: (3, 6, 12), HIDE: (3, 18, 6)}


class Keyboard(QFrame):
    typed = Signal(str)
    backspace = Signal()
    cleared = Signal()
    hide_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 8, 8, 8)
        self.grid.setSpacing(6)
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1)  # every half-key as wide as the next
        self.keys: dict[str, QPushButton] = {}
        self.lang = ""
        self.names = {BACKSPACE: "Delete", SPACE: "Space", CLEAR: "Clear",
                      HIDE: "Hide keyboard"}

    def set_layout(self, lang: str, names: dict[str, str]) -> None:
        """Lay out `lang`'s keys. A key is made the first time a layout needs it and kept:
        switching language moves and hides keys, it does not rebuild the keyboard."""
        self.names = names
        if lang == self.lang and self.keys:
            self._rename()
            return
        self.lang = lang
        empty_layout(self.grid)
        rows = LAYOUTS.get(lang, LAYOUTS["en"])
        placed: set[str] = set()

        def place(name: str, text: str, row: int, column: int, span: int) -> None:
            key = self.keys.get(name) or self._key(name, text)
            self.grid.addWidget(key, row, column, 1, span)
            key.show()
            placed.add(name)

        for r, letters in enumerate(rows):
            room = COLUMNS - (PLACES[BACKSPACE][2] if r == 0 else 0)
            offset = (room - 2 * len(letters)) // 2
            for i, char in enumerate(letters):
                place(char, char.upper(), r, offset + 2 * i, 2)
        for name, (row, column, span) in PLACES.items():
            place(name, "\u232b" if name == BACKSPACE else "", row, column, span)
        for name, key in self.keys.items():
            if name not in placed:
                key.hide()
        self._rename()

    def _key(self, name: str, text: str) -> QPushButton:
        key = QPushButton(text)
        key.setObjectName(f"keyboard-key-{name}")
        key.setProperty("variant", "key")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        key.setAccessibleName(text)
        key.clicked.connect(self._press(name))
        self.keys[name] = key
        return key

    def _rename(self) -> None:
        for name in (BACKSPACE, SPACE, CLEAR, HIDE):
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
            elif name == HIDE:
                self.hide_wanted.emit()
            else:
                self.typed.emit(name)
        return press
