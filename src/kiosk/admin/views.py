"""The lists and tables of the staff screens: views over models that a finger scrolls
(drag and fling, as on a phone) and whose row height the stylesheet sets."""

from __future__ import annotations

from PySide6.QtCore import Property, QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kiosk.ui.widgets import enable_finger_scrolling


class TouchTable(QTableView):
    """A read-only table of rows to tap. `rowSize` is the rows' height, set by the
    stylesheet (`qproperty-rowSize`), so that touch sizes live in one place."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.scroller = enable_finger_scrolling(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_headings()

    def fit_headings(self) -> None:
        """Columns sized by hand grow to hold their heading (Spanish ones run longer);
        the stylesheet's font is known once the table is shown."""
        header = self.horizontalHeader()
        for section in range(header.count()):
            if header.sectionResizeMode(section) == QHeaderView.ResizeMode.Interactive:
                needed = header.sectionSizeFromContents(section).width() + 8
                if header.sectionSize(section) < needed:
                    header.resizeSection(section, needed)

    def _row_size(self) -> int:
        return self.verticalHeader().defaultSectionSize()

    def _set_row_size(self, size: int) -> None:
        self.verticalHeader().setDefaultSectionSize(int(size))

    rowSize = Property(int, _row_size, _set_row_size)


def touch_list(name: str, accessible: str) -> QListView:
    """A list to tap a row of, that a finger drags without choosing the row under it."""
    view = QListView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    enable_finger_scrolling(view)
    return view


class ChoiceList(QListView):
    """One of a few rows to choose (the printers): the chosen row is the selected one."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kiosk.admin.list_models import KeyedListModel

        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.choices = KeyedListModel()
        self.setModel(self.choices)
        enable_finger_scrolling(self)

    def set_items(self, items: list[tuple[str, str]], current: str = "") -> None:
        self.choices.set_items(items)
        self.set_current_key(current)

    def keys(self) -> list[str]:
        return [key for key, _ in self.choices.items]

    def current_key(self) -> str:
        rows = self.selectionModel().selectedRows()
        return self.choices.items[rows[0].row()][0] if rows else ""

    def set_current_key(self, key: str) -> None:
        row = max(0, self.choices.row_of(key))
        if self.choices.rowCount():
            self.setCurrentIndex(self.choices.index(row, 0))


class TickDelegate(QStyledItemDelegate):
    """Room for the tick box and the stylesheet's padding beside the name: the list's own
    measure leaves them out, and cuts the name short."""

    EXTRA = QSize(64, 0)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index) + self.EXTRA
        return hint.expandedTo(QSize(0, 56))


def tick_list(name: str, accessible: str) -> QListView:
    """Ticks side by side that wrap onto more lines (an entry's categories): each as wide
    as its own name, so none is cut short."""
    view = touch_list(name, accessible)
    view.setItemDelegate(TickDelegate(view))
    view.setFlow(QListView.Flow.LeftToRight)
    view.setWrapping(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setSpacing(4)
    return view
