"""A read-only table over a list of rows, the shape of the history, usage and notices
tables: subclasses name their columns and say what each cell shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.i18n import translated

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    CONTEXT = "RowsModel"  # where the column names are translated
    HEADERS: tuple[Any, ...] = ()  # QT_TRANSLATE_NOOP(CONTEXT, "...") for each column

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return translated(self.CONTEXT, str(self.HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.cell(self.rows[index.row()], index, role)

    def cell(self, row: Any, index: Index, role: int) -> Any:
        raise NotImplementedError
