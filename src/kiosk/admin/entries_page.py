"""All entries in a sortable table with a search box and filters, and what staff do to
the selected one: edit, duplicate, hide or show, mark as checked today, see its history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.entries_model import ID_ROLE, EntriesFilter, EntriesModel
from kiosk.admin.views import TouchTable
from kiosk.admin.widgets import PickButton, button, combo, label
from kiosk.errors import KnownError
from kiosk.staff import history
from kiosk.staff.entries import entry_rows, towns

SEARCH_PAUSE_MS = 250


class EntriesPage(QWidget):
    edit_wanted = Signal(str)
    new_wanted = Signal()
    history_wanted = Signal(str)

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entries-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(10)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("admin-search")
        self.search.setAccessibleName(self.tr("Search entries"))
        self.search.setPlaceholderText(self.tr("Search: name, town or phone"))
        self.search.setClearButtonEnabled(True)
        self.which = combo("entries-filter", self.tr("Show"))
        stale_days = int(ctx.settings.get("stale_days"))
        for key, text in (("all", self.tr("All entries")),
                          ("unchecked", self.tr("Not yet checked")),
                          ("stale", self._stale_text(stale_days)),
                          ("inactive", self.tr("Hidden from visitors"))):
            self.which.addItem(text, key)
        self.category = combo("entries-category", self.tr("Category"))
        self.town = combo("entries-town", self.tr("Town"))
        filters.addWidget(self.search, 1)
        filters.addWidget(self.which)
        filters.addWidget(self.category)
        filters.addWidget(self.town)
        layout.addLayout(filters)

        self.model = EntriesModel(today=ctx.today())
        self.model.lang = ctx.lang
        self.proxy = EntriesFilter(ctx.today(), stale_days)
        self.proxy.setSourceModel(self.model)
        self.table = TouchTable("admin-entries", self.tr("Entries"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(True)  # a long name or many categories on two lines
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._widths = (0, 120, 200, 160, 130, 90)
        self._fit_headers()
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        layout.addWidget(self.table, 1)
        self.count = label("", "note")
        self.count.setObjectName("entries-count")
        layout.addWidget(self.count)

        actions = QHBoxLayout()
        self.new_button = button(self.tr("New entry"), "entry-new")
        self.edit_button = button(self.tr("Edit"), "entry-edit", "primary")
        self.checked_button = button(self.tr("Checked today"), "checked-today")
        self.duplicate_button = button(self.tr("Duplicate"), "entry-duplicate")
        self.active_button = button(self.tr("Hide from visitors"), "entry-deactivate")
        self.history_button = button(self.tr("History"), "entry-history")
        for b in (self.edit_button, self.checked_button, self.history_button,
                  self.duplicate_button, self.active_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.new_button)
        layout.addLayout(actions)
        self.message = label("", "status")
        self.message.setObjectName("entries-message")
        layout.addWidget(self.message)

        # Filtered once typing pauses, not on every key: with 100,000 entries a pass over
        # the table takes a moment, and the keys must not wait for it.
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_PAUSE_MS)
        self.search_timer.timeout.connect(lambda: self._filter(text=self.search.text()))
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.which.currentIndexChanged.connect(
            lambda _i: self._filter(which=str(self.which.currentData())))
        self.category.currentIndexChanged.connect(
            lambda _i: self._filter(category=str(self.category.currentData() or "")))
        self.town.currentIndexChanged.connect(
            lambda _i: self._filter(town=str(self.town.currentData() or "")))
        self.new_button.clicked.connect(self.new_wanted.emit)
        self.edit_button.clicked.connect(self._edit)
        self.checked_button.clicked.connect(self.checked_today)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.active_button.clicked.connect(self.toggle_active)
        self.history_button.clicked.connect(self._history)
        self.reload()

    # -- data -------------------------------------------------------------------------------

    def reload(self, select: str = "") -> None:
        """Re-read the entries (after a save, an import, a revert), keeping the selection."""
        select = select or self.current_id()
        rows = entry_rows(self.ctx.store)
        today = self.ctx.today()
        stale_days = int(self.ctx.settings.get("stale_days"))
        self.which.setItemText(self.which.findData("stale"), self._stale_text(stale_days))
        self.model.category_names = {c.slug: self.ctx.words(c.name) for c in
                                     self.ctx.store.categories(include_hidden=True)}
        self.model.set_rows(rows, today)
        self.proxy.set_filters(today=today, stale_days=stale_days)
        self._fill_combo(self.category, self.tr("All categories"),
                         [(c.slug, self.ctx.words(c.name)) for c in
                          self.ctx.store.categories(include_hidden=True)])
        self._fill_combo(self.town, self.tr("All towns"), [(t, t) for t in towns(rows)])
        if select:
            self.select(select)
        self._selection_changed()

    def _stale_text(self, days: int) -> str:
        return self.tr("Not checked in %1 days").replace("%1", str(days))

    def _fit_headers(self) -> None:
        """The columns' widths, each then grown to hold its name when shown."""
        header = self.table.horizontalHeader()
        for column, width in enumerate(self._widths):
            if width:
                header.resizeSection(column, width)

    def refresh_entry(self, resource_id: str) -> None:
        """Re-read one saved entry's row (cheap with 100,000 entries); a new entry, or one
        that is gone, re-reads them all."""
        rows = entry_rows(self.ctx.store, [resource_id])
        if not rows or not self.model.replace_rows(rows):
            self.reload(resource_id)
            return
        self.proxy.set_filters()  # the saved row may now match the filters, or no longer
        self.select(resource_id)
        self._selection_changed()

    def _fill_combo(self, combo: PickButton, everything: str,
                    items: list[tuple[str, str]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for key, text in items:
            combo.addItem(text, key)
        combo.setCurrentIndex(max(0, combo.findData(keep)))
        combo.blockSignals(False)

    def _filter(self, **kwargs: Any) -> None:
        self.proxy.set_filters(**kwargs)
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(self.tr("%1 of %2 entries").replace(
            "%1", str(self.proxy.rowCount())).replace("%2", str(self.model.rowCount())))

    def select(self, resource_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == resource_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def current_id(self) -> str:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return str(rows[0].data(ID_ROLE)) if rows else ""

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_: object) -> None:
        rid = self.current_id()
        for b in (self.edit_button, self.checked_button, self.duplicate_button,
                  self.active_button, self.history_button):
            b.setEnabled(bool(rid))
        row = next((r for r in self.model._rows if r.id == rid), None)
        if row is not None and not row.active:
            self.active_button.setText(self.tr("Show to visitors again"))
            self.active_button.setObjectName("entry-reactivate")
        else:
            self.active_button.setText(self.tr("Hide from visitors"))
            self.active_button.setObjectName("entry-deactivate")
        self.active_button.setAccessibleName(self.active_button.text())
        self._show_count()

    # -- actions ----------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        self.edit_wanted.emit(str(index.data(ID_ROLE)))

    @Slot()
    def _edit(self) -> None:
        if rid := self.current_id():
            self.edit_wanted.emit(rid)

    @Slot()
    def _history(self) -> None:
        if rid := self.current_id():
            self.history_wanted.emit(rid)

    def _done(self, text: str, select: str = "") -> None:
        self.ctx.changed()
        self.refresh_entry(select)
        self.message.setText(text)

    @Slot()
    def checked_today(self) -> None:
        rid = self.current_id()
        if not rid:
            return
        try:
            history.mark_checked(self.ctx.store, rid, self.ctx.who, self.ctx.today())
        except KnownError as error:
            self.message.setText(error.message)
            return
        self._done(self.tr("Marked as checked today by %1.").replace("%1", self.ctx.who), rid)

    @Slot()
    def duplicate(self) -> None:
        rid = self.current_id()
        if not rid:
            return
        new_id = history.duplicate_resource(self.ctx.store, rid, self.ctx.who)
        self._done(self.tr("Copied as %1. Change what differs, then save.").replace(
            "%1", new_id), new_id)
        self.edit_wanted.emit(new_id)

    @Slot()
    def toggle_active(self) -> None:
        rid = self.current_id()
        resource = self.ctx.store.resource(rid) if rid else None
        if resource is None:
            return
        history.set_active(self.ctx.store, rid, not resource.active, self.ctx.who)
        text = (self.tr("Shown to visitors again.") if not resource.active
                else self.tr("Hidden from visitors. It can be shown again at any time."))
        self._done(text, rid)
