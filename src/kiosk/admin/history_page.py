"""One entry's history: who changed what and when, each change in words ("Phone:
(860) 456-2261 → (860) 456-2260"), and a way to put back what a change changed.

Putting back takes two taps. The first shows exactly which fields go back to what, and
says so when a later change touched one of them; the second does it, as a new line of
history. Only the fields of that change go back: a "Checked today" after a phone edit stays
when the phone edit is put back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.table_model import Index, RowsModel
from kiosk.admin.views import TouchTable
from kiosk.admin.widgets import button, label, run_safely
from kiosk.i18n import QT_TRANSLATE_NOOP, translated
from kiosk.staff import history
from kiosk.staff.history import Change, RevertPlan
from kiosk.staff.history_words import (
    change_lines,
    field_label,
    field_lines,
    fields_text,
    show_value,
)

CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1
ACTIONS = {"edit": QT_TRANSLATE_NOOP("HistoryModel", "Edited"),
           "new": QT_TRANSLATE_NOOP("HistoryModel", "Created"),
           "duplicate": QT_TRANSLATE_NOOP("HistoryModel", "Created as a copy"),
           "deactivate": QT_TRANSLATE_NOOP("HistoryModel", "Hidden from visitors"),
           "reactivate": QT_TRANSLATE_NOOP("HistoryModel", "Shown to visitors again"),
           "checked": QT_TRANSLATE_NOOP("HistoryModel", "Checked"),
           "import": QT_TRANSLATE_NOOP("HistoryModel", "Import"),
           "revert": QT_TRANSLATE_NOOP("HistoryModel", "Put back"),
           "undo-import": QT_TRANSLATE_NOOP("HistoryModel", "Import undone"),
           "categorize": QT_TRANSLATE_NOOP("HistoryModel", "Given a category"),
           "take-feed-value": QT_TRANSLATE_NOOP("HistoryModel", "Took the feed's value")}


def when_text(c: Change) -> str:
    """The change's time to the second, so two changes in one minute are told apart."""
    return c.at.replace("T", " ")[:19]


def action_text(c: Change) -> str:
    text = translated("HistoryModel", ACTIONS[c.action]) if c.action in ACTIONS else c.action
    if c.reverts:
        text += " " + QCoreApplication.translate("HistoryModel", "(change %1)").replace(
            "%1", str(c.reverts))
    return text


class HistoryModel(RowsModel):
    CONTEXT = "HistoryModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("HistoryModel", "No."),
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
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        return (str(c.id), when_text(c), c.who, action_text(c), fields_text(c))[index.column()]


def change_text(c: Change, names: Mapping[str, str] | None = None) -> str:
    """Each changed field with its value before and after, in words."""
    if c.before is None:
        return QCoreApplication.translate("HistoryModel", "The entry was created.")
    if c.after is None:
        return QCoreApplication.translate("HistoryModel", "The entry was removed.")
    lines = [line.text() for line in change_lines(c, names)]
    return "\n".join(lines) or QCoreApplication.translate("HistoryModel", "Nothing changed.")


def plan_text(plan: RevertPlan, names: Mapping[str, str] | None = None) -> str:
    """What putting back would do, field by field, in words."""
    if plan.removes:
        return QCoreApplication.translate(
            "HistoryModel", "The entry was created by this change, so it would be removed.")
    if plan.restores:
        return QCoreApplication.translate(
            "HistoryModel", "The entry was removed by this change, so it would come back as "
                            "it was before.")
    out = []
    for back in plan.fields:
        if back.now == back.back_to:
            out.append(QCoreApplication.translate("HistoryModel", "%1: already %2").replace(
                "%1", field_label(back.field)).replace(
                "%2", show_value(back.field, back.now, names)))
            continue
        for line in field_lines(back.field, back.now, back.back_to, names):
            out.append(QCoreApplication.translate("HistoryModel", "%1: %2, back to %3").replace(
                "%1", line.label).replace("%2", line.before).replace("%3", line.after))
    return "\n".join(out)


def later_text(plan: RevertPlan) -> str:
    """The warning when a later change touched the same fields."""
    lines = []
    for c in plan.overlapping:
        touched = [field_label(f) for f in c.fields if any(b.field == f for b in plan.fields)]
        lines.append(QCoreApplication.translate(
            "HistoryModel", "Change %1 of %2 by %3 changed %4 again later.")
                     .replace("%1", str(c.id)).replace("%2", when_text(c))
                     .replace("%3", c.who or "?")
                     .replace("%4", ", ".join(touched) or action_text(c)))
    lines.append(QCoreApplication.translate("HistoryModel",
                                            "Putting this change back undoes that too."))
    return "\n".join(lines)


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
        self.plan: RevertPlan | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        top = QHBoxLayout()
        self.heading = label("", "section")
        self.heading.setObjectName("history-heading")
        self.back_button = button(self.tr("Back"), "history-back")
        self.back_button.clicked.connect(self.back.emit)
        top.addWidget(self.heading, 1)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.model = HistoryModel()
        self.table = TouchTable("history-table", self.tr("Changes"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        layout.addWidget(self.table, 3)

        self.detail_area = QScrollArea()
        self.detail_area.setObjectName("history-detail-area")
        self.detail_area.setWidgetResizable(True)
        from kiosk.ui.widgets import enable_finger_scrolling

        self._scroller = enable_finger_scrolling(self.detail_area)
        holder = QFrame()
        holder.setObjectName("history-detail-box")
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(14, 10, 14, 10)
        self.detail = label("", "body")
        self.detail.setObjectName("history-detail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.detail)
        inner.addStretch(1)
        self.detail_area.setWidget(holder)
        layout.addWidget(self.detail_area, 2)
        self.later = label("", "problem")  # above the buttons, never scrolled away
        self.later.setObjectName("history-later")
        self.later.hide()
        layout.addWidget(self.later)

        bottom = QHBoxLayout()
        self.message = label("", "status")
        self.message.setObjectName("history-message")
        self.revert_button = button(self.tr("Put back as it was before this change"),
                                    "history-revert", "danger")
        self.cancel_button = button(self.tr("Do not put back"), "history-revert-cancel")
        self.confirm_button = button(self.tr("Put back"), "history-revert-confirm", "danger")
        self.revert_button.clicked.connect(self.revert)
        self.cancel_button.clicked.connect(self.cancel_revert)
        self.confirm_button.clicked.connect(self.confirm_revert)
        bottom.addWidget(self.message, 1)
        for b in (self.revert_button, self.cancel_button, self.confirm_button):
            bottom.addWidget(b)
        layout.addLayout(bottom)
        self._asking(False)

    def show_history(self, entity: str, entity_id: str, title: str = "") -> None:
        self.entity, self.entity_id = entity, entity_id
        self.heading.setText(self.tr("History: %1").replace("%1", title or entity_id))
        self.message.setText("")
        self.reload()

    def reload(self) -> None:
        self.model.set_changes(history.changes_for(self.ctx.store, self.entity, self.entity_id))
        self._asking(False)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._selected(QItemSelection(), QItemSelection())

    def names(self) -> dict[str, str]:
        """Categories' and entries' names by id, for the values in words."""
        out = {c.slug: self.ctx.words(c.name)
               for c in self.ctx.store.categories(include_hidden=True)}
        return out

    def current_change(self) -> Change | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.changes[rows[0].row()] if rows else None

    def _asking(self, asking: bool) -> None:
        """While a revert waits for its second tap, the buttons say yes or no to it."""
        self.revert_button.setVisible(not asking)
        self.cancel_button.setVisible(asking)
        self.confirm_button.setVisible(asking)
        if not asking:
            self.plan = None
            self.later.hide()

    @Slot(QItemSelection, QItemSelection)
    def _selected(self, *_: Any) -> None:
        c = self.current_change()
        self._asking(False)
        self.detail.setText(change_text(c, self.names()) if c else "")
        self.revert_button.setEnabled(c is not None and c.entity in history.ENTITIES)

    @Slot()
    def revert(self) -> None:
        """The first tap: what would go back, and whether a later change is in the way."""
        c = self.current_change()
        if c is None:
            return
        plans: list[RevertPlan] = []
        if not run_safely(lambda: plans.append(history.revert_plan(self.ctx.store, c.id)),
                          self.message.setText):
            return
        plan = plans[0]
        if plan.nothing_to_do:
            self.message.setText(self.tr("Nothing to put back: these fields are already as "
                                         "they were before this change."))
            return
        self.plan = plan
        self.detail.setText(self.tr("Putting back change %1 of %2:").replace(
            "%1", str(c.id)).replace("%2", when_text(c)) + "\n" + plan_text(plan, self.names()))
        overlapping = bool(plan.overlapping)
        self.later.setText(later_text(plan) if overlapping else "")
        self.later.setVisible(overlapping)
        self.confirm_button.setText(self.tr("Put back anyway") if overlapping
                                    else self.tr("Put back"))
        self.confirm_button.setAccessibleName(self.confirm_button.text())
        self.message.setText("")
        self._asking(True)
        self.plan = plan

    @Slot()
    def cancel_revert(self) -> None:
        self._selected()

    @Slot()
    def confirm_revert(self) -> None:
        """The second tap: put the fields back, overwriting the later changes staff saw."""
        plan = self.plan
        if plan is None:
            return
        c = plan.change
        seen = {later.id for later in plan.overlapping}
        fields = [field_label(b.field) for b in plan.fields if b.now != b.back_to]

        def put_back() -> None:
            fresh = history.revert_plan(self.ctx.store, c.id)
            if {later.id for later in fresh.overlapping} - seen:
                raise history.LaterChangeError(self.tr(
                    "Someone changed this entry again just now; look at it once more."))
            history.revert_change(self.ctx.store, c.id, self.ctx.who,
                                  overwrite_later=bool(seen))

        if not run_safely(put_back, self.message.setText):
            self._asking(False)
            return
        self.ctx.changed()
        self.reload()
        if plan.removes:
            done = self.tr("Removed: change %1 of %2 created it.")
        elif plan.restores:
            done = self.tr("Brought back as it was before change %1 of %2.")
        else:
            done = self.tr("Put back as before change %1 of %2: %3.").replace(
                "%3", ", ".join(dict.fromkeys(fields)))
        self.message.setText(done.replace("%1", str(c.id)).replace("%2", when_text(c)))
        self.reverted.emit(self.entity_id)
