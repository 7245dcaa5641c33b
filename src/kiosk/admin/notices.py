"""Notices for staff on the admin screen: a banner at the top while any is unseen, and a
section listing all of them, newest first. The kiosk writes them when it did something
on its own that staff should know about (a damaged database restored from a backup, an
update applied or refused)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.table_model import Index, RowsModel
from kiosk.admin.views import TouchTable
from kiosk.admin.widgets import button, label
from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.staff import notices
from kiosk.staff.notices import Notice

MAX_BANNER_LINES = 3


class NoticesModel(RowsModel):
    CONTEXT = "NoticesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("NoticesModel", "When"),
        QT_TRANSLATE_NOOP("NoticesModel", "Kind"),
        QT_TRANSLATE_NOOP("NoticesModel", "Notice"),
        QT_TRANSLATE_NOOP("NoticesModel", "Seen"),
    )

    def cell(self, n: Any, index: Index, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return n.text
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        kind = self.tr("Warning") if n.level == "warning" else self.tr("Information")
        seen = self.tr("Yes") if n.seen else self.tr("Not yet")
        return (n.when, kind, n.text, seen)[index.column()]


class NoticeBanner(QFrame):
    """The unseen notices, above every section until staff tap "Seen"."""

    seen = Signal()

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice-banner")
        self.setAccessibleName(self.tr("Notices for staff"))
        self.ctx = ctx
        self.shown: list[Notice] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(16)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        self.heading = label("", "notice-heading")
        self.heading.setObjectName("notice-heading")
        self.text = label("", "notice-text")
        self.text.setObjectName("notice-text")
        texts.addWidget(self.heading)
        texts.addWidget(self.text)
        layout.addLayout(texts, 1)
        self.seen_button = button(self.tr("Seen"), "notice-seen", "",
                                  self.tr("Seen: hide these notices"))
        self.seen_button.clicked.connect(self.mark_seen)
        layout.addWidget(self.seen_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.reload()

    def reload(self) -> None:
        self.shown = notices.unseen(self.ctx.store)
        if not self.shown:
            self.hide()
            return
        warning = any(n.level == "warning" for n in self.shown)
        self.setProperty("level", "warning" if warning else "info")
        self.style().unpolish(self)
        self.style().polish(self)
        count = len(self.shown)
        if count == 1:
            self.heading.setText(self.tr("Notice for staff") if not warning
                                 else self.tr("Please read: notice for staff"))
        else:
            self.heading.setText(self.tr("%n notices for staff", "", count))
        lines = [f"{n.when}  {n.text}" for n in self.shown[:MAX_BANNER_LINES]]
        if count > MAX_BANNER_LINES:
            lines.append(self.tr("... and %n more under Notices.", "",
                                 count - MAX_BANNER_LINES))
        self.text.setText("\n".join(lines))
        self.show()

    @Slot()
    def mark_seen(self) -> None:
        notices.mark_seen(self.ctx.store, [n.id for n in self.shown])
        self.reload()
        self.seen.emit()


class NoticesPage(QWidget):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notices-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.addWidget(label(self.tr("Messages the kiosk left for staff, newest first: a "
                                       "database restored from a backup, an update applied "
                                       "or refused."), "note"))
        self.model = NoticesModel()
        self.table = TouchTable("notices-table", self.tr("Notices"))
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Long notices wrap: rows fit the text at the width the table really has.
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.empty = label(self.tr("No notices."), "note")
        self.empty.setObjectName("notices-empty")
        layout.addWidget(self.empty)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(notices.all_notices(self.ctx.store))
        self.empty.setVisible(self.model.rowCount() == 0)
