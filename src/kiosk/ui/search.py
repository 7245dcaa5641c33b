"""Search as you tap: the results follow every key of the on-screen keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from kiosk.directory.search import Hit, search
from kiosk.ui.keyboard import BACKSPACE, CLEAR, SPACE, Keyboard
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.widgets import enable_finger_scrolling, text_label

Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 1
MAX_TEXT = 60


class HitModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []
        self.places: dict[str, str] = {}  # resource id -> town (or "Statewide")
        self.lang = "en"
        self.topic_word = "Information"

    def set_hits(self, hits: list[Hit], lang: str,
                 places: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.hits = hits
        self.places = places or {}
        self.lang = lang
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            title = hit.title(self.lang)
            if hit.kind == "topic":
                return f"{self.topic_word}: {title}"
            place = self.places.get(hit.key)
            return f"{title}  \u2022  {place}" if place else title
        if role == HitRole:
            return hit
        return None


class SearchScreen(Screen):
    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setProperty("role", "page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.setSpacing(8)
        self.field = QLineEdit()
        self.field.setObjectName("search-field")
        self.field.setReadOnly(True)  # typed only on the on-screen keyboard
        self.field.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.field.setMaxLength(MAX_TEXT)
        self.hint = text_label(role="note")
        self.model = HitModel()
        self.results = QListView()
        self.results.setObjectName("search-results")
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.clicked.connect(self._open)
        self.results.setMinimumHeight(72)  # with the largest text on a small screen, the
        # results give way before the keys do
        enable_finger_scrolling(self.results)
        self.keyboard = Keyboard()
        self.keyboard.typed.connect(self.type_text)
        self.keyboard.backspace.connect(self.backspace)
        self.keyboard.cleared.connect(self.clear)
        layout.addWidget(self.field)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)
        self.keyboard.setMaximumWidth(1400)  # keys stay within reach of one hand
        centred = QHBoxLayout()
        centred.addStretch(0)
        centred.addWidget(self.keyboard, 1)
        centred.addStretch(0)
        layout.addLayout(centred)

    def text(self) -> str:
        return self.field.text()

    @Slot(str)
    def type_text(self, text: str) -> None:
        if len(self.field.text()) + len(text) > MAX_TEXT:
            return
        self._set(self.field.text() + text)

    @Slot()
    def backspace(self) -> None:
        self._set(self.field.text()[:-1])

    @Slot()
    def clear(self) -> None:
        self._set("")

    def _set(self, text: str) -> None:
        self.field.setText(text)
        self.update_results()

    def update_results(self) -> None:
        text = self.field.text()
        lang = self.lang
        hits = search(self.ctx.store, text, lang, limit=50) if text.strip() else []
        entries = self.ctx.store.list_entries(
            [h.key for h in hits if h.kind == "resource"])
        statewide = self.tr("Statewide")
        places = {rid: e.town or (statewide if e.statewide else "")
                  for rid, e in entries.items()}
        self.model.set_hits(hits, lang, places)
        self.results.scrollToTop()
        if not text.strip():
            self.hint.setText(self.tr("Type a word: clinic, food, shelter, lawyer\u2026"))
        elif hits:
            n = len(hits)
            self.hint.setText(self.tr("1 result") if n == 1
                              else self.tr("%1 results").replace("%1", str(n)))
        else:
            self.hint.setText(self.tr("Nothing found. Try a shorter word."))

    def _open(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if not isinstance(hit, Hit):
            return
        if hit.kind == "topic":
            self.topic_wanted.emit(hit.key)
        else:
            self.resource_wanted.emit(hit.key)

    def enter(self, key: str = "") -> None:
        self.update_results()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Search"))
        self.field.setAccessibleName(self.tr("Search words"))
        self.results.setAccessibleName(self.tr("Results"))
        self.model.topic_word = self.tr("Information")
        self.keyboard.set_layout(self.lang, {
            BACKSPACE: self.tr("Delete"), SPACE: self.tr("Space"), CLEAR: self.tr("Clear")})
        self.update_results()

    def reset(self) -> None:
        self.field.setText("")  # also forgets the undo history
        self.model.set_hits([], self.lang)
        self.results.scrollToTop()

    def pristine(self) -> bool:
        return not self.field.text()
