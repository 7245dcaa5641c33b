"""Search as you tap: the results follow every key of the on-screen keyboard.

The search itself (`kiosk.directory.search.Searcher`, the same one `kiosk search` uses)
runs on a thread of its own with its own connection to the database, so a long search
never holds up the keys; a result that is no longer what the field says is dropped. When
nothing is found the list offers a way on: "Did you mean", the Help right now lines and
the categories.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from kiosk.directory.search import HELP_NOW, Hit, Results, Searcher
from kiosk.directory.store import Store
from kiosk.ui.keyboard import BACKSPACE, CLEAR, HIDE, SPACE, Keyboard
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import TileButton, enable_finger_scrolling, text_label

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 1
RowKindRole = Qt.ItemDataRole.UserRole + 2
MAX_TEXT = 60
QUICK_S = 0.012  # how long a key waits for its results before the screen carries on

# Row kinds: a place or topic found, and what a dead end offers instead.
PLACE, TOPIC, SUGGESTION, LINE, CATEGORY = "place", "topic", "suggestion", "line", "category"


def database_file(store: Store) -> Path | None:
    """The file behind the store's connection (None for a database in memory)."""
    for _, name, file in store.db.execute("pragma database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


class SearchRunner(QObject):
    """Runs searches one at a time on a thread of its own and hands back only the newest.

    The caller waits up to `QUICK_S` for each result, which is how long most searches
    take even at 100,000 places, and then carries on: a longer search (the first, which
    builds the vocabulary, or one after the directory changed) finishes on the thread and
    its result arrives as a signal, unless a newer request has overtaken it. The thread
    opens its own store on the same database file (SQLite in WAL mode lets it read while
    the kiosk writes); a store in memory is searched on the caller's thread.
    """

    found = Signal(int, object)  # request number, Results

    def __init__(self, store: Store, data_dir: Path | None) -> None:
        super().__init__()
        self._store = store
        self._data_dir = data_dir
        self._file = database_file(store)
        self._latest = 0
        self._lock = threading.Lock()
        self._searcher: Searcher | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._prepared: Future[None] | None = None

    @property
    def latest(self) -> int:
        return self._latest

    def threaded(self) -> bool:
        return self._file is not None

    def request(self, text: str, lang: str) -> int:
        with self._lock:
            self._latest += 1
            number = self._latest
        if self._file is None:
            self._deliver(number, self._search(text, lang))
            return number
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")
        future = self._pool.submit(self._run, number, text, lang)
        wait([future], timeout=QUICK_S)  # the thread has the interpreter meanwhile
        # Called here at once if the search is done, else on the thread when it is.
        future.add_done_callback(lambda done: self._deliver(number, done.result()))
        return number

    def prepare(self) -> None:
        """Opens the thread's store and builds the vocabulary now, before the first key
        (on the thread: it takes a fraction of a second at 100,000 places)."""
        if self._file is None or self._prepared is not None:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")
        self._prepared = self._pool.submit(self._prepare)

    def ready(self) -> bool:
        """The first search will not have to build the vocabulary."""
        return self._file is None or (self._prepared is not None and self._prepared.done())

    def _prepare(self) -> None:
        with contextlib.suppress(Exception):  # a failure shows up, logged, at the first key
            self._searcher_now().prepare()

    def forget(self) -> None:
        """Results of the requests made so far will not be handed back."""
        with self._lock:
            self._latest += 1

    def forget_visit(self) -> None:
        """The visit is over: what the searcher kept for it (the words of the places it
        found, the lists it read) is dropped, on the thread that uses them."""
        self.forget()
        if self._file is None:  # no thread: the searcher works here
            self._forget_kept()
        elif self._pool is not None:  # after a search still running there, if one is
            with contextlib.suppress(RuntimeError):  # the thread is stopping
                self._pool.submit(self._forget_kept)

    def _forget_kept(self) -> None:
        from kiosk.directory.vocabulary import stems

        stems.cache_clear()  # again: a search still running stemmed the visitor's words
        if self._searcher is not None:
            self._searcher.forget_fields()
            self._searcher.store.forget_lists(keep=HELP_NOW)
            self._searcher.store.shrink_memory()

    @Slot()
    def close(self) -> None:
        """Stops the thread (after closing its store there)."""
        self.forget()
        pool, self._pool = self._pool, None
        self._prepared = None
        if pool is not None:
            with contextlib.suppress(RuntimeError):  # the interpreter is shutting down
                pool.submit(self._close_store)
            pool.shutdown(wait=False)

    def _close_store(self) -> None:
        if self._searcher is not None and self._file is not None:
            self._searcher.store.close()
        self._searcher = None

    def _run(self, number: int, text: str, lang: str) -> Results | None:
        if number != self._latest:
            return None  # overtaken before it started
        return self._search(text, lang)

    def _deliver(self, number: int, results: Results | None) -> None:
        if results is None or number != self._latest:
            return
        with contextlib.suppress(RuntimeError):  # the screen is gone
            self.found.emit(number, results)

    def _searcher_now(self) -> Searcher:
        if self._searcher is None:
            from kiosk.directory.words import load_words
            from kiosk.paths import BUNDLED_DATA

            store = self._store if self._file is None else Store.open(self._file)
            self._searcher = Searcher(store, load_words(BUNDLED_DATA, self._data_dir))
        return self._searcher

    def _search(self, text: str, lang: str) -> Results:
        try:
            return self._searcher_now().search(text, lang, limit=50)
        except Exception:
            log.exception("search failed")
            return Results(text)


class HitModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, Hit]] = []
        self.places: dict[str, str] = {}  # resource id -> town (or "Statewide")
        self.lang = "en"
        self.labels = {TOPIC: "Information: %1", SUGGESTION: "Did you mean: %1?",
                       LINE: "Help right now: %1", CATEGORY: "See: %1"}

    @property
    def hits(self) -> list[Hit]:
        return [hit for _, hit in self.rows]

    def set_hits(self, hits: list[Hit], lang: str,
                 places: dict[str, str] | None = None) -> None:
        self.set_rows([(TOPIC if h.kind == "topic" else PLACE, h) for h in hits], lang, places)

    def set_rows(self, rows: list[tuple[str, Hit]], lang: str,
                 places: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.places = places or {}
        self.lang = lang
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        kind, hit = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            title = hit.title(self.lang)
            place = self.places.get(hit.key) if kind in (PLACE, LINE) else None
            if kind != PLACE:
                title = self.labels[kind].replace("%1", title)
            return f"{title}  \u2022  {place}" if place else title
        if role == HitRole:
            return hit
        if role == RowKindRole:
            return kind
        return None


class SearchScreen(Screen):
    shown = Signal()  # the results of the text in the field are on screen

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setProperty("role", "page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 8, 32, 8)
        layout.setSpacing(6)
        self.field = QLineEdit()
        self.field.setObjectName("search-field")
        self.field.setReadOnly(True)  # typed only on the on-screen keyboard
        self.field.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.field.setMaxLength(MAX_TEXT)
        self.field.installEventFilter(self)  # a tap on it brings the keyboard back
        self.hint = text_label(role="note")
        self.hint.setObjectName("search-hint")
        self.model = HitModel()
        self.results = QListView()
        self.results.setObjectName("search-results")
        self.results.setModel(self.model)
        # Long names wrap rather than lose their end (at most 50 rows: sizes vary freely).
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.clicked.connect(self._open)
        self.results.setMinimumHeight(72)  # with the largest text on a small screen, the
        # results give way before the keys do
        enable_finger_scrolling(self.results)
        self.keyboard = Keyboard()
        self.keyboard.typed.connect(self.type_text)
        self.keyboard.backspace.connect(self.backspace)
        self.keyboard.cleared.connect(self.clear)
        self.keyboard.hide_wanted.connect(self.hide_keyboard)
        # With the keyboard put away the results have the whole screen; this brings it back.
        self.show_keys = TileButton("show-keyboard", "keyboard", variant="search",
                                    icon_size=40, horizontal=True)
        self.show_keys.clicked.connect(self.show_keyboard)
        self.show_keys.hide()
        layout.addWidget(self.field)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)
        self.keyboard.setMaximumWidth(1400)  # keys stay within reach of one hand
        centred = QHBoxLayout()
        centred.addStretch(0)
        centred.addWidget(self.keyboard, 1)
        centred.addWidget(self.show_keys, 1)
        centred.addStretch(0)
        layout.addLayout(centred)
        self.runner = SearchRunner(ctx.store, ctx.data_dir)
        self.runner.found.connect(self._show)
        self._asked: tuple[str, str] | None = None  # what the last request was for
        self.results_for: tuple[str, str] | None = None  # what the list shows
        self.destroyed.connect(self.runner.close)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.runner.close)

    def text(self) -> str:
        return self.field.text()

    @Slot()
    def hide_keyboard(self) -> None:
        """Put the keyboard away: the results take its room."""
        self.keyboard.hide()
        self.show_keys.show()

    @Slot()
    def show_keyboard(self) -> None:
        self.show_keys.hide()
        self.keyboard.show()

    def keyboard_shown(self) -> bool:
        return not self.keyboard.isHidden()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() in (
                QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.show_keyboard()
        return super().eventFilter(watched, event)

    def settled(self) -> bool:
        """The list shows the results of what the field says (in the current language)."""
        return self.results_for == (self.field.text(), self.lang)

    @Slot(str)
    def type_text(self, text: str) -> None:
        if len(self.field.text()) + len(text) > MAX_TEXT:
            return
        self._set(self.field.text() + text)

    @Slot()
    def backspace(self) -> None:
        self._set(self.field.text()[:-1])

    @Slot()
    def clear(self) -> None:
        self._set("")

    def _set(self, text: str) -> None:
        self.field.setText(text)
        self.update_results()

    def update_results(self) -> None:
        text, lang = self.field.text(), self.lang
        if not text.strip():
            self.runner.forget()
            self._asked = (text, lang)
            self._show_results(Results(text), lang)
            return
        if self._asked == (text, lang) and self.results_for != (text, lang):
            return  # already on its way
        self._asked = (text, lang)
        self.runner.request(text, lang)

    @Slot(int, object)
    def _show(self, number: int, results: Results) -> None:
        if number != self.runner.latest or self._asked is None:
            return  # overtaken by a newer key, or the visit was reset
        self._show_results(results, self._asked[1])

    def _show_results(self, results: Results, lang: str) -> None:
        rows: list[tuple[str, Hit]] = [(TOPIC if h.kind == "topic" else PLACE, h)
                                       for h in results.hits]
        if results.text.strip() and results.dead_end:
            rows += [(SUGGESTION, Hit("suggestion", s, s, s)) for s in results.did_you_mean]
            rows += [(LINE, h) for h in results.help_now]
            rows += [(CATEGORY, h) for h in results.categories]
        ids = [h.key for kind, h in rows if kind in (PLACE, LINE)]
        entries = self.ctx.store.list_entries(ids)
        statewide = self.tr("Statewide")
        places = {rid: e.town or (statewide if e.statewide else "")
                  for rid, e in entries.items()}
        self.model.set_rows(rows, lang, places)
        self.results.scrollToTop()
        self.results_for = (results.text, lang)
        self.hint.setText(self._hint(results))
        self.shown.emit()

    def _hint(self, results: Results) -> str:
        if not results.text.strip():
            return self.tr("Type a word: clinic, food, shelter, lawyer\u2026")
        if results.dead_end:
            return self.tr("Nothing found. Try one of these:")
        if results.crisis:
            return self.tr("Call or text now. These lines can help right away.")
        if results.corrected:
            return self.tr("Results for \u201c%1\u201d").replace("%1", results.corrected)
        n = len(results.hits)
        return self.tr("1 result") if n == 1 else self.tr("%1 results").replace("%1", str(n))

    def _open(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if not isinstance(hit, Hit):
            return
        kind = index.data(RowKindRole)
        if kind == SUGGESTION:
            self._set(hit.key)
        elif kind == CATEGORY:
            self.category_wanted.emit(hit.key)
        elif kind == TOPIC:
            self.topic_wanted.emit(hit.key)
        else:
            self.resource_wanted.emit(hit.key)

    def enter(self, key: str = "") -> None:
        self.runner.prepare()
        self._asked = None
        self.update_results()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Search"))
        self.field.setAccessibleName(self.tr("Search words"))
        self.results.setAccessibleName(self.tr("Results"))
        self.hint.setAccessibleName(self.tr("About the results"))
        self.model.labels = {
            TOPIC: self.tr("Information: %1"), SUGGESTION: self.tr("Did you mean: %1?"),
            LINE: self.tr("Help right now: %1"), CATEGORY: self.tr("See: %1")}
        self.keyboard.set_layout(self.lang, {
            BACKSPACE: self.tr("Delete"), SPACE: self.tr("Space"), CLEAR: self.tr("Clear"),
            HIDE: self.tr("Hide keyboard")})
        self.show_keys.set_label(self.tr("Show keyboard"))
        self.update_results()

    def restyle(self, theme: Theme) -> None:
        self.theme = theme
        self.show_keys.recolor(theme.colors["ink"], theme.scale)

    def reset(self) -> None:
        # A search still running for the last visitor is not shown, and what the searcher
        # kept for the visit (found places' words, lists, stems) is dropped on its thread.
        self.runner.forget_visit()
        self.field.setText("")  # also forgets the undo history
        self._asked = ("", self.lang)
        self.results_for = self._asked
        self.model.set_rows([], self.lang)
        self.results.scrollToTop()
        self.show_keyboard()

    def pristine(self) -> bool:
        return not self.field.text() and self.keyboard_shown()
