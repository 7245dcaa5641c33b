"""One entry's history: who changed what and when, each change's before and after, and a
button that puts the before back (the revert is itself a new line of history)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.table_model import Index, RowsModel
from kiosk.admin.widgets import TARGET, button, label, run_safely
from kiosk.i18n import QT_TRANSLATE_NOOP, translated
from kiosk.staff import history
from kiosk.staff.history import Change

CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1
ACTIONS = {"edit": QT_TRANSLATE_NOOP("HistoryModel", "Edited"),
           "new": QT_TRANSLATE_NOOP("HistoryModel", "Created"),
           "duplicate": QT_TRANSLATE_NOOP("HistoryModel", "Created as a copy"),
           "deactivate": QT_TRANSLATE_NOOP("HistoryModel", "Hidden from visitors"),
           "reactivate": QT_TRANSLATE_NOOP("HistoryModel", "Shown to visitors again"),
           "checked": QT_TRANSLATE_NOOP("HistoryModel", "Checked"),
           "import": QT_TRANSLATE_NOOP("HistoryModel", "Import"),
           "revert": QT_TRANSLATE_NOOP("HistoryModel", "Reverted"),
           "undo-import": QT_TRANSLATE_NOOP("HistoryModel", "Import undone")}


class HistoryModel(RowsModel):
    CONTEXT = "HistoryModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryModel", "When"),
        QT_TRANSLATE_NOOP("HistoryModel", "Who"),
        QT_TRANSLATE_NOOP("HistoryModel", "What"),
        QT_TRANSLATE_NOOP("HistoryModel", "Fields"),
    )

    @property
    def changes(self) -> list[Change]:
        return self.rows

    def set_changes(self, changes: list[Change]) -> None:
        self.set_rows(changes)

    def cell(self, c: Any, index: Index, role: int) -> Any:
        if role == CHANGE_ROLE:
            return c
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == 0:
            return c.at.replace("T", " ")[:16]
        if column == 1:
            return c.who
        if column == 2:
            text = translated("HistoryModel", ACTIONS[c.action]) if c.action in ACTIONS \
                else c.action
            if c.reverts:
                text += " " + self.tr("(change %1)").replace("%1", str(c.reverts))
            return text
        return ", ".join(c.fields)


def _show(value: Any) -> str:
    if value is None:
        return QCoreApplication.translate("HistoryModel", "(empty)")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def change_text(c: Change) -> str:
    """Each changed field's value before and after, in plain text."""
    if c.before is None:
        return QCoreApplication.translate("HistoryModel", "The entry was created.")
    if c.after is None:
        return QCoreApplication.translate("HistoryModel", "The entry was removed.")
    lines = []
    for field in c.fields or history.changed_fields(c.before, c.after):
        lines.append(f"{field}:")
        lines.append("   " + QCoreApplication.translate("HistoryModel", "before:") + " "
                     + _show(c.before.get(field)))
        lines.append("   " + QCoreApplication.translate("HistoryModel", "after:") + "  "
                     + _show(c.after.get(field)))
    return "\n".join(lines) or QCoreApplication.translate("HistoryModel", "Nothing changed.")


class HistoryPage(QWidget):
    reverted = Signal(str)
    back = Signal()

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        self.entity = "resource"
        self.entity_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        top = QHBoxLayout()
        self.heading = label("", "section")
        self.heading.setObjectName("history-heading")
        self.back_button = button(self.tr("Back"), "history-back")
        self.back_button.clicked.connect(self.back.emit)
        top.addWidget(self.heading, 1)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        self.model = HistoryModel()
        self.table = QTableView()
        self.table.setObjectName("history-table")
        self.table.setAccessibleName(self.tr("Changes"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(TARGET)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        layout.addWidget(self.table, 2)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("history-detail")
        self.detail.setAccessibleName(self.tr("Before and after"))
        self.detail.setReadOnly(True)
        layout.addWidget(self.detail, 1)
        bottom = QHBoxLayout()
        self.message = label("", "status")
        self.message.setObjectName("history-message")
        self.revert_button = button(self.tr("Put back as it was before this change"),
                                    "history-revert", "danger")
        self.revert_button.clicked.connect(self.revert)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.revert_button)
        layout.addLayout(bottom)

    def show_history(self, entity: str, entity_id: str, title: str = "") -> None:
        self.entity, self.entity_id = entity, entity_id
        self.heading.setText(self.tr("History: %1").replace("%1", title or entity_id))
        self.message.setText("")
        self.reload()

    def reload(self) -> None:
        self.model.set_changes(history.changes_for(self.ctx.store, self.entity, self.entity_id))
        if self.model.rowCount():
            self.table.selectRow(0)
        self._selected(QItemSelection(), QItemSelection())

    def current_change(self) -> Change | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.changes[rows[0].row()] if rows else None

    @Slot(QItemSelection, QItemSelection)
    def _selected(self, *_: Any) -> None:
        c = self.current_change()
        self.detail.setPlainText(change_text(c) if c else "")
        self.revert_button.setEnabled(c is not None)

    @Slot()
    def revert(self) -> None:
        c = self.current_change()
        if c is None:
            return
        if not run_safely(lambda: history.revert_change(self.ctx.store, c.id, self.ctx.who),
                          self.message.setText):
            return
        self.ctx.changed()
        self.reload()
        self.message.setText(self.tr("Put back as it was before the change of %1.").replace(
            "%1", c.at.replace("T", " ")[:16]))
        self.reverted.emit(self.entity_id)
