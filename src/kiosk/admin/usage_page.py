"""The usage report on screen: counts per day or month, per category, entry and sheet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.folder_picker import places
from kiosk.admin.table_model import Index, RowsModel
from kiosk.admin.views import TouchTable
from kiosk.admin.widgets import ChoiceButtons, button, label
from kiosk.i18n import QT_TRANSLATE_NOOP, translated
from kiosk.staff.usage_report import KIND_WORDS, totals, usage_rows, write_usage_csv


class UsageModel(RowsModel):
    CONTEXT = "UsageModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("UsageModel", "When"),
        QT_TRANSLATE_NOOP("UsageModel", "What"),
        QT_TRANSLATE_NOOP("UsageModel", "Name"),
        QT_TRANSLATE_NOOP("UsageModel", "Count"),
    )

    def cell(self, r: Any, index: Index, role: int) -> Any:
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return r.count if column == 3 else self.data(index)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        what = translated("UsageReport", KIND_WORDS[r.kind]) if r.kind in KIND_WORDS else r.kind
        return (r.period, what, r.name, str(r.count))[column]


class UsagePage(QWidget):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usage-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        self.period = "day"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.addWidget(label(self.tr("How often each thing was looked at or printed. The "
                                       "kiosk keeps only these daily totals: nothing about "
                                       "any visitor or visit."), "note"))
        top = QHBoxLayout()
        self.periods = ChoiceButtons("usage-per", self.tr("Period"), [
            ("day", self.tr("Per day")), ("month", self.tr("Per month"))])
        self.periods.chosen.connect(self.set_period)
        self.period_buttons = self.periods.buttons
        top.addWidget(self.periods, 1)
        self.totals = label("", "section")
        self.totals.setObjectName("usage-totals")
        self.export_button = button(self.tr("Save as CSV on the USB stick"),
                                    "usage-export")
        self.export_button.clicked.connect(self.export)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        self.model = UsageModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = TouchTable("usage-table", self.tr("Usage"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = label("", "status")
        self.message.setObjectName("usage-message")
        layout.addWidget(self.message)
        self.periods.set_value("day")
        self.reload()

    def reload(self) -> None:
        rows = usage_rows(self.ctx.store, self.period, lang=self.ctx.lang)
        self.model.set_rows(rows)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        t = totals(rows)
        self.totals.setText(self.tr("Category screens opened: %1. Entries opened: %2. Topics "
                                    "read: %3. Sheets printed: %4.")
                            .replace("%1", str(t["category"])).replace("%2", str(t["resource"]))
                            .replace("%3", str(t["topic"])).replace("%4", str(t["sheet"])))

    def set_period(self, period: str) -> None:
        self.period = period
        self.periods.set_value(period)
        self.reload()

    @Slot()
    def export(self, folder: object = None) -> None:
        from pathlib import Path

        sticks = places()
        if not folder and not sticks:
            self.message.setText(self.tr("No USB stick was found. Plug one in, then save "
                                         "again."))
            return
        target = Path(str(folder)) if folder else sticks[0]
        try:
            path = write_usage_csv(self.ctx.store, target, self.period)
        except OSError as error:
            self.message.setText(self.tr("Could not write to %1: %2").replace(
                "%1", str(target)).replace("%2", error.strerror or str(error)))
            return
        self.message.setText(self.tr("Saved as %1").replace("%1", str(path)))
