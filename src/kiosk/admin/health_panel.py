"""The `kiosk doctor` checklist on the admin Settings page: one row per check, what was found
and what to do, and a button to check again. The checks themselves are `kiosk.doctor`."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.admin.context import AdminContext
from kiosk.admin.views import touch_list
from kiosk.admin.widgets import button, label
from kiosk.doctor import Check, run_checks
from kiosk.ui import palette

Index = QModelIndex | QPersistentModelIndex


class ChecksModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.checks: list[Check] = []

    def set_checks(self, checks: list[Check]) -> None:
        self.beginResetModel()
        self.checks = checks
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.checks)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        check = self.checks[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            mark = "✓" if check.ok else "✗"
            text = f"{mark}  {check.name}: {check.found}"
            if not check.ok and check.fix:
                text += "\n     " + QGuiApplication.translate("HealthPanel", "Do this: %1"
                                                           ).replace("%1", check.fix)
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(palette.WARM["ink"] if check.ok else palette.WARM["closed_ink"])
        return None


class HealthPanel(QWidget):
    """Runs the checks when first shown and when staff ask again."""

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("health-panel")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = label("", "status")
        self.summary.setObjectName("health-summary")
        self.model = ChecksModel()
        self.view = touch_list("health-checks", self.tr("Is this kiosk ready for visitors?"))
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.again = button(self.tr("Check again"), "health-check-again")
        self.again.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.again)
        layout.addLayout(row)
        layout.addWidget(self.view)
        self._done = False

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._done:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        screen = self.screen()
        size = (screen.size().width(), screen.size().height()) if screen else None
        checks = run_checks(self.ctx.store, self.ctx.data_dir, size)
        self.model.set_checks(checks)
        failed = sum(1 for c in checks if not c.ok)
        self.summary.setText(self.tr("Every check passed.") if not failed else
                             self.tr("%1 of %2 checks need attention.").replace(
                                 "%1", str(failed)).replace("%2", str(len(checks))))
        self._done = True
