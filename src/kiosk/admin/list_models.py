"""Small models behind the editors' lists: phones, sources, a category picker, icons."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

from kiosk.staff.choices import KIND_NAMES, choice

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class FormRowsModel(QAbstractTableModel):
    """The rows of a list in a form being edited (an entry's phones, its sources): dicts of
    texts, in order, added, removed and moved by the editor's buttons."""

    COLUMNS: tuple[str, ...] = ()  # the key each column shows
    BLANK: Mapping[str, str] = MappingProxyType({})  # what a new row holds

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, str]] = []

    def set_rows(self, rows: list[dict[str, str]]) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def update(self, row: int, key: str, value: str) -> None:
        if 0 <= row < len(self.rows):
            self.rows[row][key] = value
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def add(self) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(dict(self.BLANK))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def move_up(self, row: int) -> bool:
        if not 1 <= row < len(self.rows):
            return False
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), row - 1)
        self.rows[row - 1], self.rows[row] = self.rows[row], self.rows[row - 1]
        self.endMoveRows()
        return True


class PhonesModel(FormRowsModel):
    """The phones of the entry being edited, one line each (first = main number)."""

    COLUMNS = ("number",)
    BLANK = MappingProxyType({"number": "", "kind": "voice", "label_en": "", "label_es": "",
                              "hours_en": "", "hours_es": "", "message": ""})

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        p = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [p.get("number") or self.tr("(no number yet)"),
                     choice(KIND_NAMES, p.get("kind") or "voice")]
            if p.get("label_en"):
                parts.append(p["label_en"])
            return "  ·  ".join(parts)
        return None


class SourcesModel(FormRowsModel):
    """Where the facts came from: editable in place (file or page, which fields, a note)."""

    COLUMNS = ("ref", "read", "facts", "note")
    BLANK = MappingProxyType({"ref": "", "read": "", "facts": "", "note": ""})

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return (self.tr("Source (file, web page, phone call)"), self.tr("Day read"),
                    self.tr("Which facts"), self.tr("Note"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return self.rows[index.row()].get(self.COLUMNS[index.column()], "")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self.rows[index.row()][self.COLUMNS[index.column()]] = str(value)
        self.dataChanged.emit(index, index)
        return True


class CheckListModel(QAbstractListModel):
    """A list of (key, label) to tick: the categories of an entry or a topic."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str]] = []
        self.checked: set[str] = set()

    def set_items(self, items: list[tuple[str, str]], checked: list[str]) -> None:
        self.beginResetModel()
        self.items = list(items)
        known = {k for k, _ in items}
        # Keep a key that is no longer offered, so saving names it instead of dropping it.
        self.items += [(k, k) for k in checked if k not in known]
        self.checked = set(checked)
        self.endResetModel()

    def checked_keys(self) -> list[str]:
        return [k for k, _ in self.items if k in self.checked]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        key, text = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if key in self.checked else Qt.CheckState.Unchecked
        if role == KEY_ROLE:
            return key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self.items[index.row()][0]
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self.checked.add(key)
        else:
            self.checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def toggle(self, row: int) -> None:
        key = self.items[row][0]
        state = Qt.CheckState.Unchecked if key in self.checked else Qt.CheckState.Checked
        self.setData(self.index(row, 0), state, Qt.ItemDataRole.CheckStateRole)


class IconsModel(QAbstractListModel):
    """The bundled SVG icons to pick a category's icon from: `names`, or every icon in
    `folder`. Shown as pictures; each one's name is its tooltip and accessible name."""

    def __init__(self, folder: Path, names: tuple[str, ...] | None = None) -> None:
        super().__init__()
        self.folder = folder
        found = {p.name for p in folder.glob("*.svg")} if folder.is_dir() else set()
        self.names = [n for n in names if n in found] if names is not None else sorted(found)
        self._found = found
        self._icons: dict[str, QIcon] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.names):
            return None
        name = self.names[index.row()]
        if role == KEY_ROLE:
            return name
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return name.removesuffix(".svg")
        if role == Qt.ItemDataRole.DecorationRole:
            if name not in self._icons:
                from kiosk.ui.widgets import icon_pixmap

                self._icons[name] = QIcon(icon_pixmap(name, "#1d2a33", 48, self.folder))
            return self._icons[name]
        return None

    def row_of(self, name: str) -> int:
        """The icon's row; an icon in use that is not offered is added, so that saving
        keeps it."""
        if name in self.names:
            return self.names.index(name)
        if name not in self._found:
            return -1
        self.beginInsertRows(QModelIndex(), len(self.names), len(self.names))
        self.names.append(name)
        self.endInsertRows()
        return len(self.names) - 1


class KeyedListModel(QAbstractListModel):
    """Rows of (key, text): the categories or topics to pick one to edit."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[str, str]] = []

    def set_items(self, items: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        key, text = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == KEY_ROLE:
            return key
        return None

    def row_of(self, key: str) -> int:
        return next((i for i, (k, _) in enumerate(self.items) if k == key), -1)
