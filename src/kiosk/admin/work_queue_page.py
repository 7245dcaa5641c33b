"""The admin's first page: what to check next. Entries visitors reported as wrong, feed
conflicts, entries past the days between checks, entries never checked, entries with no way
to reach them, possible duplicates, imported entries in no category, entries in English only
(`kiosk.staff.freshness`).

A tap on a line opens the entry; there "Checked today, next" saves it as checked and opens
the next line's entry at once, so keeping the directory fresh is: open, check, one tap, next.
A conflict or a possible duplicate is settled here, with the buttons under the list that a
tap on its line shows (`kiosk.staff.work_queue` writes the answer, with its history).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.views import touch_list
from kiosk.admin.widgets import ChoiceButtons, button, label, run_safely
from kiosk.i18n import QT_TRANSLATE_NOOP, translated
from kiosk.layouts import empty_layout
from kiosk.staff import freshness, work_queue
from kiosk.staff.freshness import QueueLine
from kiosk.ui.widgets import enable_finger_scrolling

Index = QModelIndex | QPersistentModelIndex
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
IMPORTED = "imported"  # one filter for what an import asks: conflicts, duplicates, categories
FILTERS = {IMPORTED: freshness.IMPORT_KINDS}
KINDS = (freshness.REPORTED, freshness.STALE, freshness.NEVER_CHECKED, freshness.UNREACHABLE,
         IMPORTED, freshness.NEEDS_SPANISH)  # the filters, in the order of their buttons
KIND_NAMES = {freshness.REPORTED: QT_TRANSLATE_NOOP("WorkQueuePage", "Reported wrong"),
              freshness.STALE: QT_TRANSLATE_NOOP("WorkQueuePage", "Past due"),
              freshness.NEVER_CHECKED: QT_TRANSLATE_NOOP("WorkQueuePage", "Never checked"),
              freshness.UNREACHABLE: QT_TRANSLATE_NOOP("WorkQueuePage", "No way to reach"),
              IMPORTED: QT_TRANSLATE_NOOP("WorkQueuePage", "From an import"),
              freshness.NEEDS_SPANISH: QT_TRANSLATE_NOOP("WorkQueuePage", "English only")}
SETTLED_HERE = (freshness.CONFLICT, freshness.DUPLICATE)


def kind_name(kind: str) -> str:
    return translated("WorkQueuePage", KIND_NAMES[kind]) if kind in KIND_NAMES else kind


class QueueModel(QAbstractListModel):
    """The lines of the queue: the entry's name, and under it what is asked."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[QueueLine] = []

    def set_lines(self, lines: list[QueueLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{line.title}\n{line.detail}"
        if role == LINE_ROLE:
            return line
        return None


class WorkQueuePage(QWidget):
    """Emits `work_wanted(ids, row, what)`: open `ids[row]` and go on down `ids`."""

    work_wanted = Signal(list, int)

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queue-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(label(self.tr("What to check next"), "section", wrap=False))
        self.summary = label("", "note")
        self.summary.setObjectName("queue-summary")
        top.addWidget(self.summary, 1)
        self.start_button = button(self.tr("Start with the first"), "queue-start", "primary")
        self.start_button.clicked.connect(lambda: self._open(0))
        top.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        body = QHBoxLayout()
        body.setSpacing(12)
        self.kinds = ChoiceButtons("queue-kind", self.tr("Show"), [
            ("all", self.tr("All")), *((k, kind_name(k)) for k in KINDS)],
            vertical=True)
        self.kinds.set_value("all")
        self.kinds.chosen.connect(lambda _k: self.reload())
        # When a notice or the keyboard leaves too little room, a finger moves the filters
        # (no scroll bar is drawn over them).
        kinds_scroll = self.kinds_scroll = QScrollArea()
        kinds_scroll.setObjectName("queue-kind-scroll")
        kinds_scroll.setWidgetResizable(True)
        kinds_scroll.setFrameShape(QFrame.Shape.NoFrame)
        kinds_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        kinds_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        kinds_scroll.setWidget(self.kinds)
        self._kinds_scroller = enable_finger_scrolling(kinds_scroll)
        body.addWidget(kinds_scroll)
        self.model = QueueModel()
        self.settling: QueueLine | None = None  # the conflict or duplicate being settled
        self.view = touch_list("queue-list", self.tr("What to check next"))
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.clicked.connect(lambda index: self._tapped(index.row()))
        lines = QVBoxLayout()
        lines.addWidget(self.view, 1)
        lines.addWidget(self._settle_bar())
        self.empty = label(self.tr("Nothing to check: every entry is checked, reachable and "
                                   "in both languages."), "empty")
        self.empty.setObjectName("queue-empty")
        lines.addWidget(self.empty)
        lines.addStretch(0)
        body.addLayout(lines, 1)
        layout.addLayout(body, 1)
        self.message = label("", "status")
        self.message.setObjectName("queue-message")
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        today = self.ctx.today()
        stale_days = int(self.ctx.settings.get("stale_days"))
        counts = freshness.counts(self.ctx.store, today, stale_days)
        kind = self.kinds.value()
        for key, b in self.kinds.buttons.items():
            n = sum(counts.values()) if key == "all" else \
                sum(counts.get(k, 0) for k in FILTERS.get(key, (key,)))
            text = (self.tr("All") if key == "all" else kind_name(key)) + f" ({n})"
            b.setText(text)
            b.setAccessibleName(text)
            b.setVisible(key == "all" or n > 0 or key == kind)
        self._fit_kinds()
        if kind in ("", "all"):
            lines = freshness.lines(self.ctx.store, today, stale_days, lang=self.ctx.lang)
        else:
            lines = [line for k in FILTERS.get(kind, (kind,)) for line in freshness.lines(
                self.ctx.store, today, stale_days, k, lang=self.ctx.lang)]
        self.model.set_lines(lines)
        self.settling = None
        self.settle.hide()
        self.empty.setVisible(not lines)
        self.view.setVisible(bool(lines))
        self.start_button.setEnabled(bool(lines))
        self.summary.setText(self.tr("Checking an entry takes it off the list.") if lines
                             else "")

    def _settle_bar(self) -> QFrame:
        bar = self.settle = QFrame()
        bar.setObjectName("queue-settle")
        box = QVBoxLayout(bar)
        box.setContentsMargins(12, 8, 12, 8)
        self.settle_text = label("", "note")
        self.settle_text.setObjectName("queue-settle-text")
        box.addWidget(self.settle_text)
        grid = QGridLayout()  # two a row: the answers keep their words beside the filters
        grid.setSpacing(8)
        self.settle_buttons = {
            "open": button(self.tr("Open the entry"), "queue-open"),
            "feed": button(self.tr("Take the feed's"), "queue-take-feed", "primary"),
            "ours": button(self.tr("Keep ours"), "queue-keep-ours"),
            "this": button(self.tr("Keep this one"), "queue-keep-this", "primary"),
            "other": button(self.tr("Keep the other"), "queue-keep-other"),
            "different": button(self.tr("Different places"), "queue-different")}
        for i, (key, b) in enumerate(self.settle_buttons.items()):
            b.clicked.connect(lambda _c=False, k=key: self._settle(k))
            grid.addWidget(b, i // 2, i % 2)
        self.settle_grid = grid
        box.addLayout(grid)
        bar.hide()
        return bar

    def _tapped(self, row: int) -> None:
        line = self.model.lines[row] if 0 <= row < len(self.model.lines) else None
        if line is None or line.kind not in SETTLED_HERE:
            self._open(row)
            return
        self.settling = line
        self.message.setText("")
        self.settle_text.setText(f"{line.title}: {line.detail}")
        shown = {"open", "feed", "ours"} if line.kind == freshness.CONFLICT else \
            {"open", "this", "other", "different"}
        empty_layout(self.settle_grid)
        for key, b in self.settle_buttons.items():
            b.setVisible(key in shown)
        for i, key in enumerate(k for k in self.settle_buttons if k in shown):
            self.settle_grid.addWidget(self.settle_buttons[key], i // 2, i % 2)
        self.settle.show()

    def _settle(self, how: str) -> None:
        line, store, who = self.settling, self.ctx.store, self.ctx.who
        if line is None or line.item_id is None:
            return
        item = line.item_id
        if how == "open":
            self._open(self.model.lines.index(line))
            return
        actions = {
            "feed": lambda: work_queue.take_feed_value(store, item, who),
            "ours": lambda: work_queue.keep_staff_value(store, item, who),
            "this": lambda: work_queue.keep_one(store, item, line.resource_id, who),
            "other": lambda: work_queue.keep_one(store, item, line.other_id, who),
            "different": lambda: work_queue.not_duplicates(store, item, who)}
        if run_safely(actions[how], self.message.setText):
            self.ctx.changed()
            self.message.setText(self.tr("Settled: %1.").replace("%1", line.title))
        self.reload()

    def _fit_kinds(self) -> None:
        """The filters' column as wide as its widest button (known once the stylesheet
        applies, so again when the page is shown)."""
        self.kinds_scroll.setMinimumWidth(self.kinds.sizeHint().width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_kinds()

    def ids(self) -> list[str]:
        return [line.resource_id for line in self.model.lines]

    def _open(self, row: int) -> None:
        ids = self.ids()
        if 0 <= row < len(ids):
            self.message.setText("")
            self.work_wanted.emit(ids, row)

    def line_of(self, resource_id: str) -> QueueLine | None:
        return next((line for line in self.model.lines if line.resource_id == resource_id),
                    None)
