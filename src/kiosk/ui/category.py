"""A category's places: a list view over a model that fetches only the rows on screen.

A category may hold tens of thousands of places, so the model keeps just the ordered ids and
asks the store for row data (and open-now state) in blocks around the rows being painted.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.directory.model import Topic
from kiosk.directory.store import ListEntry, ListFilter, Store
from kiosk.i18n import LANGUAGES
from kiosk.layouts import empty_layout
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import ChipButton, clear_layout, enable_finger_scrolling, text_label

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
BLOCK = 60
PAGE = 200  # rows handed to the view at a time: it lays out only what it has been given

EntryRole = Qt.ItemDataRole.UserRole + 1
OpenRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3


class ResourceListModel(QAbstractListModel):
    """Rows of places by id; row data is fetched from the store in blocks when needed.

    The ids may be the first of a longer list (`set_ids` with its `total`): the rest is
    handed over with `complete` once read, or asked for with `wants_all` when the view
    needs rows beyond them first."""

    def __init__(self, store: Store, clock: Callable[[], dt.datetime],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.ids: Sequence[str] = []
        self.total = 0  # the list's length, of which `ids` may be the first part
        self.shown = 0
        self.wants_all: Callable[[], object] = lambda: None
        self.lang = "en"
        self.words: dict[str, str] = {}
        self._entries: dict[str, ListEntry] = {}
        self._open: dict[str, bool] = {}
        self.fetches = 0  # how many times the store was asked (the design keeps this small)

    def set_ids(self, ids: Sequence[str], total: int | None = None) -> None:
        self.beginResetModel()
        self.ids = ids
        self.total = len(ids) if total is None else total
        self.shown = min(len(ids), PAGE)
        self._entries = {}
        self._open = {}
        self.endResetModel()

    def set_language(self, lang: str, words: dict[str, str]) -> None:
        self.lang = lang
        self.words = words
        if self.shown:
            self.dataChanged.emit(self.index(0), self.index(self.shown - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.shown

    def complete(self, ids: Sequence[str]) -> bool:
        """The whole list, when `ids` is its first part: taken without a change to the
        rows shown when it goes on from them; False (nothing taken) when it does not, the
        directory having changed since the first part was read."""
        if len(ids) != self.total or list(ids[:len(self.ids)]) != list(self.ids):
            return False
        self.ids = ids
        return True

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.shown < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        if self.shown + PAGE > len(self.ids) and len(self.ids) < self.total:
            self.wants_all()  # scrolled past the first part before the rest was read
        more = min(PAGE, len(self.ids) - self.shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self.shown, self.shown + more - 1)
        self.shown += more
        self.endInsertRows()

    def entry(self, row: int) -> ListEntry | None:
        if not 0 <= row < len(self.ids):
            return None
        rid = self.ids[row]
        if rid not in self._entries:
            self._fetch(row)
        return self._entries.get(rid)

    def is_open(self, row: int) -> bool | None:
        entry = self.entry(row)
        if entry is None or not entry.has_hours:
            return None
        return self._open.get(entry.id, False)

    def _fetch(self, row: int) -> None:
        start = max(0, row - BLOCK // 3)
        block = [i for i in self.ids[start:start + BLOCK] if i not in self._entries]
        self.fetches += 1
        entries = self.store.list_entries(block)
        self._entries.update(entries)
        timed = [i for i, e in entries.items() if e.has_hours]
        open_now = self.store.open_ids(timed, self.clock()) if timed else set()
        self._open.update({i: i in open_now for i in timed})

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.shown:
            return None
        row = index.row()
        if role == IdRole:
            return self.ids[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    EntryRole, OpenRole):
            entry = self.entry(row)
            if entry is None:
                return None
            if role == EntryRole:
                return entry
            if role == OpenRole:
                return self.is_open(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return entry.name(self.lang)
            return ", ".join(self.describe(row))
        return None

    def describe(self, row: int) -> list[str]:
        """The row in words, as painted: name, place, phone, badge, chips."""
        entry = self.entry(row)
        if entry is None:
            return []
        w = self.words
        parts = [entry.name(self.lang), entry.town or w.get("statewide", "Statewide")]
        if entry.main_phone:
            parts.append(entry.main_phone)
        open_now = self.is_open(row)
        if open_now is not None:
            parts.append(w.get("open", "Open now") if open_now else w.get("closed", "Closed"))
        if entry.is_free:
            parts.append(w.get("free", "Free"))
        if entry.speaks_spanish:
            parts.append(w.get("spanish", "Spanish"))
        return parts

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(EntryRole): QByteArray(b"entry"), int(OpenRole): QByteArray(b"open"),
                      int(IdRole): QByteArray(b"id")})
        return names


class ResourceDelegate(QStyledItemDelegate):
    """Paints a row: name; town or statewide and the main phone; an open/closed badge and
    chips for free and Spanish. Colours and sizes follow the theme."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = Theme()

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        name = QFont(base)
        name.setPixelSize(self.theme.px(24))
        name.setBold(True)
        line = QFont(base)
        line.setPixelSize(self.theme.px(20))
        chip = QFont(base)
        chip.setPixelSize(self.theme.px(18))
        chip.setBold(True)
        return name, line, chip

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        name, line, _chip = self._fonts(option.font)
        pad = self.theme.px(16)
        height = QFontMetrics(name).height() + QFontMetrics(line).height() + pad * 2 + 10
        return QSize(400, max(96, height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = index.model()
        if not isinstance(model, ResourceListModel):
            return
        entry = model.entry(index.row())
        if entry is None:
            return
        c = self.theme.color
        words = model.words
        name_font, line_font, chip_font = self._fonts(option.font)
        rect: QRect = option.rect
        pad = self.theme.px(16)
        painter.save()
        pressed = bool(option.state & QStyle.StateFlag.State_Sunken) or bool(
            option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, c("pressed") if pressed else c("surface"))
        painter.setPen(QPen(c("line"), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        # right column: badge on the first line, chips on the second
        name_h = QFontMetrics(name_font).height()
        line_h = QFontMetrics(line_font).height()
        top = rect.top() + pad
        right = rect.right() - pad
        open_now = model.is_open(index.row())
        if open_now is not None:
            text = words.get("open", "Open now") if open_now else words.get("closed", "Closed")
            pair = ("open_ink", "open_bg") if open_now else ("closed_ink", "closed_bg")
            right = self._pill(painter, chip_font, text, right, top, name_h, *pair,
                               border=True) - pad // 2
        name_right = right
        chips = []
        if entry.is_free:
            chips.append(words.get("free", "Free"))
        if entry.speaks_spanish:
            chips.append(words.get("spanish", "Spanish"))
        right2 = rect.right() - pad
        second = top + name_h + 10
        for chip in reversed(chips):
            right2 = self._pill(painter, chip_font, chip, right2, second, line_h,
                                "chip_ink", "chip_bg",
                                border=self.theme.high_contrast) - pad // 2

        painter.setFont(name_font)
        painter.setPen(c("ink"))
        name_rect = QRect(rect.left() + pad, top, name_right - rect.left() - pad * 2, name_h)
        name = QFontMetrics(name_font).elidedText(entry.name(model.lang),
                                                  Qt.TextElideMode.ElideRight,
                                                  name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         name)
        painter.setFont(line_font)
        painter.setPen(c("muted"))
        where = entry.town or words.get("statewide", "Statewide")
        line_rect = QRect(rect.left() + pad, second, right2 - rect.left() - pad * 2, line_h)
        line = self.second_line(QFontMetrics(line_font), where, entry.main_phone,
                                line_rect.width())
        painter.drawText(line_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         line)
        painter.restore()

    @staticmethod
    def second_line(metrics: QFontMetrics, where: str, phone: str, width: int) -> str:
        """The town and the number in `width`: the number whole (a cut number is a wrong
        number), the town shortened to what is left."""
        phone = f"   \u2022   {phone}" if phone else ""
        room = max(0, width - metrics.horizontalAdvance(phone))
        return metrics.elidedText(where, Qt.TextElideMode.ElideRight, room) + phone

    def _pill(self, painter: QPainter, font: QFont, text: str, right: int, top: int,
              height: int, ink: str, bg: str, border: bool = False) -> int:
        """Draws a rounded label ending at `right`; returns its left edge."""
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(text) + self.theme.px(24)
        box = QRect(right - width, top, width, height)
        painter.setPen(QPen(self.theme.color(ink), 2) if border else Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.color(bg))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 10, 10)
        painter.setFont(font)
        painter.setPen(self.theme.color(ink))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box.left()


class CategoryScreen(Screen):
    FILTERS = ("near", "statewide", "open", "free", "spanish")

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.slug = ""
        # The rest of the list shown (when only its first screenful was read), then the
        # list in the other languages' order, read a piece per turn of the event loop while
        # the visitor looks at this one (`Store.read_list_in_steps`).
        self._read_ahead: list[Iterator[None]] = []
        self._reading = False  # a piece is asked for on the next turn
        self.setProperty("role", "page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(14)
        self.title = text_label(role="title")
        self.description = text_label(role="subtitle")
        layout.addWidget(self.title)
        layout.addWidget(self.description)

        self.filter_rows = QVBoxLayout()
        self.filter_rows.setSpacing(10)
        self.filters: dict[str, ChipButton] = {}
        for name in self.FILTERS:
            button = ChipButton(f"filter-{name}")
            button.toggled.connect(self._filter_toggled(name))
            self.filters[name] = button
        self._filter_shape: tuple[int, ...] = ()
        layout.addLayout(self.filter_rows)

        count_row = QHBoxLayout()
        self.count = text_label(role="note", wrap=False)
        count_row.addWidget(self.count)
        count_row.addStretch(1)
        self.topic_row = QHBoxLayout()  # information pages, beside the count to save height
        self.topic_row.setSpacing(10)
        self.topic_buttons: list[tuple[QPushButton, Topic]] = []
        count_row.addLayout(self.topic_row)
        layout.addLayout(count_row)

        self.model = ResourceListModel(ctx.store, ctx.clock, self)
        self.delegate = ResourceDelegate(self)
        self.view = QListView()
        self.view.setObjectName("resource-list")
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(self._open_row)
        self.scroller = enable_finger_scrolling(self.view)
        self.empty = text_label(role="empty")
        self.empty.hide()
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)

    def _filter_toggled(self, name: str) -> Callable[[bool], None]:
        def toggled(on: bool) -> None:
            # "near this kiosk" and "statewide" are two answers to one question
            other = {"near": "statewide", "statewide": "near"}.get(name)
            if on and other and self.filters[other].isChecked():
                self.filters[other].blockSignals(True)
                self.filters[other].setChecked(False)
                self.filters[other].blockSignals(False)
            self.reload()
        return toggled

    def list_filter(self) -> ListFilter:
        f = self.filters
        settings = self.ctx.settings
        near = f["near"].isChecked()
        return ListFilter(
            near_town=str(settings.get("town")) if near else "",
            near_county=str(settings.get("county")) if near else "",
            statewide_only=f["statewide"].isChecked(),
            open_now=f["open"].isChecked(),
            free=f["free"].isChecked(),
            spanish=f["spanish"].isChecked())

    def enter(self, key: str = "") -> None:
        self.show_category(key)

    def show_category(self, slug: str) -> None:
        if slug != self.slug:
            self.slug = slug
            self.clear_filters()
        self._topics()
        self.retranslate()
        self.view.scrollToTop()

    def clear_filters(self) -> None:
        for button in self.filters.values():
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)

    @Slot()
    def reload(self) -> None:
        if not self.slug:
            return
        filters, when, store = self.list_filter(), self.ctx.clock(), self.ctx.store
        ids, n = store.list_start(self.slug, filters, when, lang=self.lang, rows=PAGE)
        rest = [] if len(ids) == n else [self._rest_of_list(filters, when)]
        self._read_ahead = rest + [store.read_list_in_steps(self.slug, filters, when, lang)
                                   for lang in LANGUAGES if lang != self.lang]
        self._read_later()  # the rest of this list, then ready for a change of language
        self.model.wants_all = lambda: self._take_whole_list(filters, when)
        self.model.set_ids(ids, n)
        self.view.scrollToTop()
        self.count.setText(self.tr("1 place") if n == 1
                            else self.tr("%1 places").replace("%1", str(n)))
        self.view.setVisible(n > 0)
        self.empty.setVisible(n == 0)

    def _rest_of_list(self, filters: ListFilter, when: dt.datetime) -> Iterator[None]:
        """The list shown read whole in steps, then handed to the model."""
        yield from self.ctx.store.read_list_in_steps(self.slug, filters, when, self.lang)
        self._take_whole_list(filters, when)

    def _take_whole_list(self, filters: ListFilter, when: dt.datetime) -> None:
        """The whole list for the model showing its first part (kept by the store once
        read in steps; read now when it is not). When the directory changed since that
        part was read, the list is shown again from the start."""
        model = self.model
        if len(model.ids) == model.total:
            return
        ids = self.ctx.store.list_ids(self.slug, filters, when, lang=self.lang)
        if not model.complete(ids):
            QTimer.singleShot(0, self, self.reload)

    @Slot()
    def _read_more(self) -> None:
        """One piece of the list read ahead, and the next turn of the event loop asked for
        while some is left (a newer list read ahead replaces it)."""
        self._reading = False
        if not self._read_ahead:
            return
        piece = self._read_ahead[0]
        try:
            next(piece)
        except StopIteration:
            self._drop(piece)
        except Exception:  # a list not read ahead is read when asked for, as before
            log.exception("reading a list ahead failed")
            self._drop(piece)
        self._read_later()

    def _drop(self, piece: Iterator[None]) -> None:
        if self._read_ahead and self._read_ahead[0] is piece:  # not replaced meanwhile
            self._read_ahead.pop(0)

    def _read_later(self) -> None:
        if self._read_ahead and not self._reading:
            self._reading = True
            QTimer.singleShot(0, self, self._read_more)

    def _open_row(self, index: QModelIndex) -> None:
        rid = index.data(IdRole)
        if rid:
            self.resource_wanted.emit(str(rid))

    def retranslate(self) -> None:
        """Texts set again on the same widgets; the list is read again, because its order
        follows the language (names sort differently)."""
        lang = self.lang
        category = self.ctx.store.category(self.slug) if self.slug else None
        self.title.setText(category.name.get(lang) if category else "")
        self.description.setText(category.description.get(lang) if category else "")
        self.description.setVisible(bool(category and category.description))
        town = str(self.ctx.settings.get("town"))
        labels = {"near": self.tr("Near %1").replace("%1", town),
                  "statewide": self.tr("Statewide"), "open": self.tr("Open now"),
                  "free": self.tr("Free"), "spanish": self.tr("Spanish spoken")}
        for name, chip in self.filters.items():
            chip.set_label(labels[name], self.tr("Show only: %1").replace("%1", labels[name]))
        self.empty.setText(self.tr("Nothing matches. Tap a filter again to turn it off."))
        self.view.setAccessibleName(self.tr("Places"))
        for button, topic in self.topic_buttons:
            button.setText(self.tr("Good to know: %1").replace("%1", topic.title.get(lang)))
            button.setAccessibleName(button.text())
        self.model.set_language(lang, {
            "statewide": self.tr("Statewide"), "open": self.tr("Open now"),
            "closed": self.tr("Closed"), "free": self.tr("Free"),
            "spanish": self.tr("Español")})
        self._place_filters(force=True)
        self.reload()

    def _topics(self) -> None:
        """Information pages that belong with this category, one tap away (their words are
        set by `retranslate`)."""
        clear_layout(self.topic_row)
        self.topic_buttons = []
        topics = [t for t in self.ctx.store.topics() if self.slug in t.categories][:3]
        for topic in topics:
            button = QPushButton()
            button.setObjectName(f"category-topic-{topic.slug}")
            button.setProperty("variant", "link")
            button.clicked.connect(self._topic_opener(topic.slug))
            self.topic_row.addWidget(button)
            self.topic_buttons.append((button, topic))

    def _topic_opener(self, slug: str) -> Callable[[], None]:
        return lambda: self.topic_wanted.emit(slug)

    def _place_filters(self, force: bool = False) -> None:
        """The filters in rows, in order, each as wide as its words need (worked out for its
        checked look, so a tap never moves them); an ellipsis only for one wider than the
        screen."""
        available = max(64, self.width() - 64)  # the screen's side margins
        plan: list[list[ChipButton]] = [[]]
        used = 0
        for button in self.filters.values():
            button.setMaximumWidth(available)
            width = min(button.sizeHint().width(), available)
            if plan[-1] and used + 10 + width > available:
                plan.append([])
                used = 0
            used += width + (10 if plan[-1] else 0)
            plan[-1].append(button)
        shape = tuple(len(row) for row in plan)
        if shape == self._filter_shape and not force:
            return
        self._filter_shape = shape
        empty_layout(self.filter_rows)  # the rows go; their buttons stay, to be placed again
        for buttons in plan:
            row = QHBoxLayout()
            row.setSpacing(10)
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            self.filter_rows.addLayout(row)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._place_filters()

    def restyle(self, theme: Theme) -> None:
        self.theme = theme
        self.delegate.theme = theme
        for button in self.filters.values():
            button.recolor(theme.colors["on_primary"], theme.scale)
        self._place_filters(force=True)
        self.view.doItemsLayout()

    def reset(self) -> None:
        self.slug = ""
        self._read_ahead = []
        self.topic_buttons = []
        clear_layout(self.topic_row)
        self.clear_filters()
        self.model.set_ids([])
        self.view.scrollToTop()
