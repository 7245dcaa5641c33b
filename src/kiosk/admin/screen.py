"""The admin screen: big section buttons down the left, the chosen section on the right,
and "Back to kiosk" always in the same place. It opens on the work queue: what to check
next, one entry after the other."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.entries_page import EntriesPage
from kiosk.admin.history_page import HistoryPage
from kiosk.admin.notices import NoticeBanner
from kiosk.admin.resource_editor import ResourceEditor
from kiosk.admin.widgets import button, label
from kiosk.admin.work_queue_page import WorkQueuePage


class AdminScreen(QWidget):
    leave = Signal()

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin-screen")
        self.setProperty("role", "page")
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        bar = QFrame()
        bar.setObjectName("admin-bar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(16, 8, 16, 8)
        self.title = label(self.tr("Staff: keeping the directory right"), "title", wrap=False)
        self.title.setObjectName("admin-title")
        self.who = label("", "note", wrap=False)
        self.who.setObjectName("admin-who-label")
        self.leave_button = button(self.tr("Lock and go back to the kiosk"), "admin-leave",
                                   "primary")
        self.leave_button.clicked.connect(self.leave.emit)
        bar_layout.addWidget(self.title)
        bar_layout.addStretch(1)
        bar_layout.addWidget(self.who)
        bar_layout.addWidget(self.leave_button)
        outer.addWidget(bar)
        self.banner = NoticeBanner(ctx, self)  # (a parent first: it shows itself)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        nav = QFrame()
        nav.setObjectName("admin-nav")
        self.nav_layout = QVBoxLayout(nav)
        self.nav_layout.setContentsMargins(12, 12, 12, 12)
        self.nav_layout.setSpacing(8)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.stack = QStackedWidget()
        self.stack.setObjectName("admin-stack")
        from PySide6.QtWidgets import QScrollArea

        nav_scroll = QScrollArea()
        nav_scroll.setObjectName("admin-nav-scroll")
        nav_scroll.setWidgetResizable(True)
        nav_scroll.setFrameShape(QFrame.Shape.NoFrame)
        nav_scroll.setWidget(nav)
        from kiosk.ui.widgets import enable_finger_scrolling

        # A finger moves the buttons when the keyboard leaves too little room for all of
        # them; no scroll bar is drawn over them.
        self._nav_scroller = enable_finger_scrolling(nav_scroll)
        nav_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(nav_scroll)
        # The notices above the page, beside the navigation: the sections keep their
        # room and their places while a notice waits to be seen.
        content = QVBoxLayout()
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(0)
        content.addWidget(self.banner)
        content.addWidget(self.stack, 1)
        body.addLayout(content, 1)
        outer.addLayout(body, 1)

        self.queue = WorkQueuePage(ctx)
        self.entries = EntriesPage(ctx)
        self.editor = ResourceEditor(ctx)
        self.history = HistoryPage(ctx)
        self.nav: dict[str, QPushButton] = {}
        self._add_section("queue", self.tr("To check"), self.queue)
        self._add_section("entries", self.tr("Entries"), self.entries)
        self._lazy_sections()
        self.nav_layout.addStretch(1)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.history)
        self._history_return: QWidget = self.entries
        self._editor_return: QWidget = self.entries
        self.work: list[str] = []  # the work queue's entries, while staff go down them
        self.work_row = -1

        self.queue.work_wanted.connect(self.work_from)
        self.editor.checked_next.connect(lambda _rid: self.work_next())
        self.editor.skip_wanted.connect(self.work_next)
        self.entries.edit_wanted.connect(self.edit)
        self.entries.new_wanted.connect(self.new_entry)
        self.entries.history_wanted.connect(self.show_history)
        self.editor.closed.connect(self._editor_closed)
        self.editor.history_wanted.connect(self.show_history)
        self.history.back.connect(self._history_back)
        self.history.reverted.connect(self.entries.refresh_entry)
        self.set_who(ctx.who)
        self.nav["queue"].setChecked(True)  # (the page read its lines when it was built)
        self._show(self.queue)

    def _lazy_sections(self) -> None:
        from kiosk.admin.categories_page import CategoriesPage
        from kiosk.admin.import_page import ImportPage
        from kiosk.admin.notices import NoticesPage
        from kiosk.admin.recent_page import RecentPage
        from kiosk.admin.settings_page import SettingsPage
        from kiosk.admin.topics_page import TopicsPage
        from kiosk.admin.usage_page import UsagePage

        self.recent = RecentPage(self.ctx)
        self.categories = CategoriesPage(self.ctx)
        self.topics = TopicsPage(self.ctx)
        self.imports = ImportPage(self.ctx)
        self.settings_page = SettingsPage(self.ctx)
        self.usage = UsagePage(self.ctx)
        self.notices = NoticesPage(self.ctx)
        self._add_section("recent", self.tr("Recent changes"), self.recent)
        self._add_section("categories", self.tr("Categories"), self.categories)
        self._add_section("topics", self.tr("Topics"), self.topics)
        self._add_section("import", self.tr("Import, export"), self.imports)
        self._add_section("usage", self.tr("Usage report"), self.usage)
        self._add_section("settings", self.tr("Settings"), self.settings_page)
        self._add_section("notices", self.tr("Notices"), self.notices)
        self.banner.seen.connect(self.notices.reload)
        self.imports.imported.connect(lambda: self.entries.reload())
        self.categories.history_wanted.connect(
            lambda slug: self.show_history(slug, "category"))
        self.topics.history_wanted.connect(lambda slug: self.show_history(slug, "topic"))
        self.recent.history_wanted.connect(self.show_history)

    def _add_section(self, key: str, text: str, page: QWidget) -> None:
        b = button(text, f"nav-{key}", "nav")
        b.setCheckable(True)
        b.clicked.connect(lambda: self.go(key))
        self.nav_group.addButton(b)
        self.nav_layout.addWidget(b)
        self.nav[key] = b
        self.stack.addWidget(page)
        page.setProperty("section", key)

    def set_who(self, who: str) -> None:
        self.ctx.who = who
        self.who.setText(self.tr("Signed in as %1").replace("%1", who) if who else "")

    def page(self, key: str) -> QWidget:
        return {"queue": self.queue, "entries": self.entries, "recent": self.recent,
                "categories": self.categories, "topics": self.topics, "import": self.imports,
                "settings": self.settings_page, "usage": self.usage,
                "notices": self.notices}[key]

    def go(self, key: str) -> None:
        self._stop_work()
        page = self.page(key)
        self.nav[key].setChecked(True)
        reload = getattr(page, "reload", None)
        if callable(reload):
            reload()
        self._show(page)

    def _show(self, page: QWidget) -> None:
        """Show a page and give it the focus, so no field of the page before keeps it (and
        the keyboard with it)."""
        self.stack.setCurrentWidget(page)
        page.setFocus()

    @Slot(str)
    def edit(self, resource_id: str) -> None:
        self._stop_work()
        self.editor.load(resource_id)
        self._editor_return = self.entries
        self._show(self.editor)

    @Slot()
    def new_entry(self) -> None:
        self._stop_work()
        self.editor.new(str(self.entries.category.currentData() or ""))
        self._editor_return = self.entries
        self._show(self.editor)

    @Slot(str)
    def _editor_closed(self, resource_id: str) -> None:
        saved = self.editor.last_saved
        if resource_id:
            self.entries.refresh_entry(resource_id)
        target = self._editor_return
        self._stop_work()
        if target is self.queue:
            self.queue.reload()
            self.nav["queue"].setChecked(True)
        if saved:
            name = self.ctx.store.resource(saved)
            text = self.tr("Saved: %1.").replace("%1", self.ctx.words(name.name) if name
                                                  else saved)
            (self.queue.message if target is self.queue else self.entries.message).setText(text)
        self._show(target)

    # -- the work queue ---------------------------------------------------------------------

    @Slot(list, int)
    def work_from(self, ids: list[str], row: int) -> None:
        """Open `ids[row]` from the work queue; "Checked today, next" goes on down `ids`."""
        self.work, self.work_row = list(ids), row - 1
        self.work_next()

    @Slot()
    def work_next(self) -> None:
        while self.work_row + 1 < len(self.work):
            self.work_row += 1
            rid = self.work[self.work_row]
            if self.ctx.store.resource(rid) is None:
                continue
            line = self.queue.line_of(rid)
            where = self.tr("Work queue: %1 of %2").replace(
                "%1", str(self.work_row + 1)).replace("%2", str(len(self.work)))
            if line is not None:
                where += f" · {line.detail}"
            self.editor.load(rid)
            self.editor.set_queue(where)
            self._editor_return = self.queue
            self.nav["queue"].setChecked(True)
            self._show(self.editor)
            return
        done = len(self.work)
        self._stop_work()
        self.queue.reload()
        self.queue.message.setText(self.tr("That was the last one of the %1 in the list.")
                                   .replace("%1", str(done)))
        self.nav["queue"].setChecked(True)
        self._show(self.queue)

    def _stop_work(self) -> None:
        self.work, self.work_row = [], -1
        self.editor.leave_queue()

    def show_history(self, entity_id: str, entity: str = "resource") -> None:
        if not entity_id:
            return
        self._history_return = self.stack.currentWidget() or self.entries
        title = entity_id
        if entity == "resource" and (r := self.ctx.store.resource(entity_id)):
            title = self.ctx.words(r.name)
        self.history.show_history(entity, entity_id, title)
        self._show(self.history)

    @Slot()
    def _history_back(self) -> None:
        target = self._history_return
        if target is self.editor:
            self.editor.load(self.editor.resource_id)
        elif hasattr(target, "reload"):
            target.reload()  # type: ignore[attr-defined]
        self._show(target)
