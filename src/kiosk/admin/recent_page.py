"""What changed lately in the whole directory, and by whom: today, in the last seven days or
the last thirty, for everyone or one person. A tap on a line opens that entry's history,
where any change can be put back. An import is one line (its entries are many)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QVBoxLayout, QWidget

from kiosk.admin.context import AdminContext
from kiosk.admin.history_page import action_text
from kiosk.admin.table_model import Index, RowsModel
from kiosk.admin.views import TouchTable
from kiosk.admin.widgets import ChoiceButtons, combo, label
from kiosk.directory.sql_ids import among, ids_param
from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.staff import history
from kiosk.staff.history import Change, ImportRecord
from kiosk.staff.history_words import fields_text

LINE_ROLE = Qt.ItemDataRole.UserRole + 1
PERIODS = {"today": 0, "week": 6, "month": 29}  # days before today that still count


@dataclass(frozen=True)
class RecentLine:
    at: str
    who: str
    entity: str  # "resource", "category", "topic", or "import"
    entity_id: str
    name: str
    what: str


class RecentModel(RowsModel):
    CONTEXT = "RecentModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("RecentModel", "When"),
        QT_TRANSLATE_NOOP("RecentModel", "Who"),
        QT_TRANSLATE_NOOP("RecentModel", "Entry"),
        QT_TRANSLATE_NOOP("RecentModel", "What changed"),
    )

    def cell(self, line: Any, index: Index, role: int) -> Any:
        if role == LINE_ROLE:
            return line
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        return (line.at.replace("T", " ")[:19], line.who, line.name, line.what)[index.column()]


class RecentPage(QWidget):
    """Emits `history_wanted(entity_id, entity)` for the line tapped."""

    history_wanted = Signal(str, str)

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recent-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("What staff changed, newest first. Tap a line to see "
                                       "that entry's history and put a change back."), "note"))
        top = QHBoxLayout()
        self.period = ChoiceButtons("recent-period", self.tr("When"), [
            ("today", self.tr("Today")), ("week", self.tr("Last 7 days")),
            ("month", self.tr("Last 30 days"))])
        self.period.set_value("week")
        self.period.chosen.connect(lambda _key: self.reload())
        self.who = combo("recent-who", self.tr("Who"))
        self.who.activated.connect(lambda _i: self.reload())
        top.addWidget(self.period, 1)
        top.addWidget(self.who)
        layout.addLayout(top)
        self.model = RecentModel()
        self.table = TouchTable("recent-table", self.tr("Changes"))
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.clicked.connect(self._tapped)
        layout.addWidget(self.table, 1)
        self.count = label("", "note")
        self.count.setObjectName("recent-count")
        layout.addWidget(self.count)
        self.reload()

    def since(self) -> str:
        days = PERIODS.get(self.period.value(), 6)
        start = dt.datetime.combine(self.ctx.today() - dt.timedelta(days=days), dt.time())
        return start.isoformat(timespec="seconds")

    def reload(self) -> None:
        since = self.since()
        keep = self.who.currentData()
        self.who.clear()
        self.who.addItem(self.tr("Everyone"), "")
        for name in history.people(self.ctx.store, since):
            self.who.addItem(name, name)
        self.who.setCurrentIndex(max(0, self.who.findData(keep)))
        who = str(self.who.currentData() or "")
        changes = history.recent_changes(self.ctx.store, since, who)
        imports = [r for r in history.imports(self.ctx.store)
                   if r.at >= since and (not who or r.who == who)]
        lines = [*map(self._line_of_change, changes, [self._names(changes)] * len(changes)),
                 *map(self._line_of_import, imports)]
        lines.sort(key=lambda line: line.at, reverse=True)
        self.model.set_rows(lines)
        self.count.setText(self.tr("%1 changes").replace("%1", str(len(lines))) if
                           len(lines) != 1 else self.tr("1 change"))

    def _names(self, changes: list[Change]) -> dict[tuple[str, str], str]:
        store = self.ctx.store
        out: dict[tuple[str, str], str] = {}
        ids = sorted({c.entity_id for c in changes if c.entity == "resource"})
        name = "coalesce(nullif(name_es, ''), name_en)" if self.ctx.lang == "es" else "name_en"
        for rid, text in store.db.execute(
                f"select id, {name} from resources where {among('id')}", [ids_param(ids)]):
            out["resource", rid] = text or rid
        for c in store.categories(include_hidden=True):
            out["category", c.slug] = self.ctx.words(c.name)
        for t in store.topics():
            out["topic", t.slug] = self.ctx.words(t.title)
        return out

    def _line_of_change(self, c: Change, names: dict[tuple[str, str], str]) -> RecentLine:
        name = names.get((c.entity, c.entity_id)) or (c.before or c.after or {}).get(
            "name", c.entity_id)
        if isinstance(name, dict):
            name = name.get("en") or c.entity_id
        what = action_text(c)
        fields = fields_text(c)
        if fields and c.before is not None and c.after is not None:
            what += ": " + fields
        return RecentLine(c.at, c.who, c.entity, c.entity_id, str(name), what)

    def _line_of_import(self, r: ImportRecord) -> RecentLine:
        entries = r.summary.get("resources") or {}
        what = self.tr("Import: %1 new, %2 changed, %3 removed").replace(
            "%1", str(entries.get("new", 0))).replace("%2", str(entries.get("changed", 0))) \
            .replace("%3", str(entries.get("missing", 0)))
        if r.undone:
            what += " " + self.tr("(undone)")
        return RecentLine(r.at, r.who, "import", r.id, r.source, what)

    @Slot(QModelIndex)
    def _tapped(self, index: QModelIndex) -> None:
        line = index.data(LINE_ROLE)
        if isinstance(line, RecentLine) and line.entity in history.ENTITIES:
            self.history_wanted.emit(line.entity_id, line.entity)
