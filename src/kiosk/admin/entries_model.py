"""The table of all entries, and the filters staff use to find the ones to check."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kiosk.staff.entries import EntryRow

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
COLUMNS = ("name", "town", "categories", "phone", "checked", "status")
SHOW = ("all", "unchecked", "stale", "inactive")


class EntriesModel(QAbstractTableModel):
    def __init__(self, rows: list[EntryRow] | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__()
        self._rows: list[EntryRow] = rows or []
        self.today = today or dt.date.today()
        self.category_names: dict[str, str] = {}  # slug -> name in the staff's language
        self.lang = "en"  # the entries' names in this language (English when none)

    def set_rows(self, rows: list[EntryRow], today: dt.date) -> None:
        self.beginResetModel()
        self._rows = rows
        self.today = today
        self.endResetModel()

    def replace_rows(self, rows: list[EntryRow]) -> bool:
        """Put fresh copies of rows already in the table in place; False when one is new."""
        where = {r.id: i for i, r in enumerate(self._rows)}
        if any(r.id not in where for r in rows):
            return False
        for r in rows:
            i = where[r.id]
            self._rows[i] = r
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here in one `list.sort`, not by the proxy comparing rows one call at a
        time: that is what keeps 100,000 entries quick to sort."""
        if not 0 <= column < len(COLUMNS):
            return
        key = _SORT_KEYS[COLUMNS[column]]
        if COLUMNS[column] == "name" and self.lang == "es":
            key = _spanish_name
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        order_ = sorted(range(len(old_rows)), key=lambda i: key(old_rows[i]),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [old_rows[i] for i in order_]
        new_pos = {old: new for new, old in enumerate(order_)}
        before = self.persistentIndexList()
        after = [self.index(new_pos[i.row()], i.column()) if i.isValid() else QModelIndex()
                 for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def row_at(self, row: int) -> EntryRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return {"name": self.tr("Name"), "town": self.tr("Town"),
                "categories": self.tr("Categories"), "phone": self.tr("Phone"),
                "checked": self.tr("Checked"), "status": self.tr("Shown")}[COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ROW_ROLE:
            return r
        if role == ID_ROLE:
            return r.id
        if role == SORT_ROLE:
            if column == "checked":
                return r.verified_on.isoformat() if r.verified_on else ""
            return str(self.data(index, Qt.ItemDataRole.DisplayRole) or "").casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == "checked" and r.verified_on:
            days = r.days_since_checked(self.today) or 0
            return self.tr("1 day ago") if days == 1 else self.tr("%1 days ago").replace(
                "%1", str(days))
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "name":
            return r.name_es or r.name if self.lang == "es" else r.name
        if column == "town":
            return r.town
        if column == "categories":
            return ", ".join(self.category_names.get(c, c) for c in r.categories)
        if column == "phone":
            return r.phone
        if column == "checked":
            if r.verified_on is None:
                return self.tr("Never")
            return r.verified_on.isoformat()
        return self.tr("Yes") if r.active else self.tr("Hidden")


def _spanish_name(r: EntryRow) -> str:
    return (r.name_es or r.name).casefold()


_SORT_KEYS: dict[str, Any] = {
    "name": lambda r: r.name.casefold(),
    "town": lambda r: r.town.casefold(),
    "categories": lambda r: r.categories,
    "phone": lambda r: r.phone,
    "checked": lambda r: r.verified_on.isoformat() if r.verified_on else "",
    "status": lambda r: r.status,
}


class EntriesFilter(QSortFilterProxyModel):
    """Search text plus one of `SHOW`, a category and a town; `today` comes from the
    injected clock, so "stale" can be tested on any date."""

    def __init__(self, today: dt.date, stale_days: int) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(False)
        self.text = ""
        self.which = "all"
        self.category = ""
        self.town = ""
        self.today = today
        self.stale_days = stale_days

    def set_filters(self, *, text: str | None = None, which: str | None = None,
                    category: str | None = None, town: str | None = None,
                    today: dt.date | None = None, stale_days: int | None = None) -> None:
        self.beginFilterChange()
        if text is not None:
            self.text = text.strip().casefold()
        if which is not None:
            self.which = which
        if category is not None:
            self.category = category
        if town is not None:
            self.town = town
        if today is not None:
            self.today = today
        if stale_days is not None:
            self.stale_days = stale_days
        self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, EntriesModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, EntriesModel):
            return True
        if self.which == "all" and not (self.category or self.town or self.text):
            return True
        r = model.row_at(source_row)
        if self.which == "unchecked" and r.verified_on is not None:
            return False
        if self.which == "stale" and not r.is_stale(self.today, self.stale_days):
            return False
        if self.which == "inactive" and r.active:
            return False
        if self.category and self.category not in r.categories:
            return False
        if self.town and r.town.casefold() != self.town.casefold():
            return False
        if self.text:
            haystack = " ".join((r.id, r.name, r.name_es, r.town, r.phone)).casefold()
            digits = "".join(c for c in self.text if c.isdigit())
            if self.text not in haystack and not (
                    len(digits) >= 3 and digits in "".join(c for c in r.phone if c.isdigit())):
                return False
        return True
