"""The kiosk's main window: the header, the screens, and what a visit leaves behind (nothing).

The screens are components (`kiosk.ui.screen`): each is made from the one `ScreenContext`
the first time a visitor needs it (only home before the first paint), asks for another
screen with its signals, and is driven through the `Screen` methods. What a visitor did
lives only in memory (the `Visit`, the screen history, what each screen shows) and
`quick_exit` forgets all of it at once.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import per_visit
from kiosk.directory import usage
from kiosk.directory.store import Store
from kiosk.i18n import LANGUAGES
from kiosk.ui.header import ADMIN_CORNER, Header
from kiosk.ui.home import HELP_NOW, HomeScreen
from kiosk.ui.idle import IdleWatcher, StillThereDialog
from kiosk.ui.screen import Clock, Screen, ScreenContext
from kiosk.ui.speech import Speech, default_speech
from kiosk.ui.theme import TEXT_SCALES, Theme
from kiosk.ui.translations import Translations
from kiosk.ui.visit import Handout, Visit

if TYPE_CHECKING:
    from PySide6.QtGui import QWindow

    from kiosk.ui.category import CategoryScreen
    from kiosk.ui.handout import HandoutScreen
    from kiosk.ui.resource import ResourceScreen
    from kiosk.ui.search import SearchScreen
    from kiosk.ui.topic import TopicScreen

log = logging.getLogger(__name__)

ADMIN_HOLD_MS = 3000
# After a visit ends, the wait before its memory is given back: long enough for the event
# loop to have drawn home and deleted what the visit's screens let go of, short beside the
# time before the next visitor's first tap.
FREE_MEMORY_AFTER_MS = 250
# The visitor screens by the name the window knows them by, each as "module:class": a
# screen's module is imported when the screen is first made, so that only home's code is
# loaded before the first frame. A new screen is a `Screen` subclass added here (and an
# `open_...` method below when it needs checks or counting).
SCREENS: Mapping[str, str | type[Screen]] = {
    "home": HomeScreen, "category": "kiosk.ui.category:CategoryScreen",
    "resource": "kiosk.ui.resource:ResourceScreen", "topic": "kiosk.ui.topic:TopicScreen",
    "search": "kiosk.ui.search:SearchScreen", "handout": "kiosk.ui.handout:HandoutScreen",
}
S = TypeVar("S", bound=Screen)


def screen_type(kind: str | type[Screen]) -> type[Screen]:
    """The class a `SCREENS` entry names (imported on first use)."""
    if not isinstance(kind, str):
        return kind
    module, _, name = kind.partition(":")
    found = getattr(importlib.import_module(module), name)
    assert isinstance(found, type) and issubclass(found, Screen)
    return found


class AdminCorner(QWidget):
    """An invisible square at the top left: held for three seconds, it opens the staff
    screens. A short tap does nothing, so visitors never stumble into it."""

    held = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("admin-corner")
        self.setAccessibleName("")
        self.setFixedSize(ADMIN_CORNER, ADMIN_CORNER)  # a child widget: nothing is painted
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ADMIN_HOLD_MS)
        self.timer.timeout.connect(self.held.emit)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.timer.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.timer.stop()
        event.accept()


def _return_free_memory() -> None:
    """A moment after a visit ends, with home on the screen and what the visit's screens
    let go of deleted (their `deleteLater`, a preview's pages among them): the pixmaps drawn
    for it are dropped, its cycles collected, and only then are the free pages given back
    to the system. Given back sooner, on the next turn of the event loop, the memory freed
    after it stayed resident until the next visit ended, more or less of it by what the
    visit last showed (a closed preview: about 5 MB at 100,000 entries)."""
    import gc

    from PySide6.QtGui import QPixmapCache

    from kiosk.memory import return_free_memory

    QPixmapCache.clear()
    gc.collect()
    return_free_memory()


class KioskWindow(QMainWindow):
    reset_done = Signal()
    language_changed = Signal(str)
    admin_wanted = Signal()  # the staff corner was held; `kiosk.app` opens the admin
    # The first frame is on the screen: what can wait (checks, watchers, the other screens)
    # starts now, one step at a time (`kiosk.app`).
    first_frame = Signal()
    # That work is done: every screen is made, the database checked (and backed up when a
    # backup was due); `settled` then says True.
    started = Signal()

    def __init__(self, store: Store, data_dir: Path, *, windowed: bool = True,
                 idle_timeout_s: float | None = None, lang: str | None = None,
                 clock: Clock | None = None, speech: Speech | None = None,
                 screens: Mapping[str, str | type[Screen]] = SCREENS) -> None:
        super().__init__()
        self.setObjectName("kiosk-window")
        self.data_dir = Path(data_dir)
        self.store = store
        self.windowed = windowed
        self.clock: Clock = clock or store.clock
        self.ctx = ScreenContext(store, self.clock, data_dir=self.data_dir)
        self.settings = self.ctx.settings
        self.ctx.speech = speech if speech is not None else self._default_speech()
        self._fixed_lang = lang  # given on the command line: the settings do not change it
        self._fixed_idle_s = idle_timeout_s
        self.visit = self.ctx.visit = Visit(*self._visit_defaults(), parent=self)
        self.translations = Translations(self.data_dir / "cache")
        self.usage = usage.Tally(self.clock)  # written when the visit ends, not per tap
        self.history: list[tuple[str, str]] = []
        self.current: tuple[str, str] = ("home", "")
        self._may_close = windowed
        self._painted = False
        self._started = False
        self._screen_types = dict(screens)
        self.screens: dict[str, Screen] = {}  # those built so far

        root = self.root = QWidget()
        root.setObjectName("kiosk-root")
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = Header()
        self.stack = QStackedWidget()
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(root)
        # The screen's size rules; the content adapts to it, never the other way round.
        own_layout = self.layout()
        if own_layout is not None:
            own_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        self.header.home.connect(self.show_home)
        self.header.back.connect(self.go_back)
        self.header.language.connect(self.toggle_language)
        self.header.text_size.connect(self.cycle_text_size)
        self.header.contrast.connect(self.toggle_contrast)
        self.header.handout.connect(self.open_handout)
        self.header.quick_exit.connect(self.quick_exit)
        self.handout.changed.connect(
            lambda: self.header.set_handout_count(len(self.handout)))

        self.admin_corner = AdminCorner(root)
        self.admin_corner.held.connect(self.admin_wanted.emit)
        self.admin_corner.raise_()

        self.still_there = StillThereDialog(root)
        self.idle = IdleWatcher(self, *self._idle_times())
        self.idle.ask.connect(self._ask_still_there)
        self.idle.tick.connect(self.still_there.set_remaining)
        self.idle.expired.connect(self._idle_expired)
        self.idle.activity.connect(self.still_there.dismiss)
        self._watched: QWindow | None = None  # the window system's window the watcher is on

        if self.lang != "en":
            self.translations.install(self.lang)
        self._apply_theme()
        self._retranslate()
        self._show_current()
        if not windowed:  # the one setter before the first frame with no by-name form
            self.setWindowFlag(QtCore.Qt.WindowType.FramelessWindowHint, True)

    # -- the visit --------------------------------------------------------------------------

    @property
    def speech(self) -> Speech:
        """The screens' speech engine (the one in `ctx`: screens made later get the same)."""
        return self.ctx.speech

    @speech.setter
    def speech(self, speech: Speech) -> None:
        self.ctx.speech = speech

    @property
    def lang(self) -> str:
        return self.visit.lang

    @property
    def theme(self) -> Theme:
        return self.visit.theme

    @property
    def handout(self) -> Handout:
        return self.visit.handout

    # -- the screens ------------------------------------------------------------------------

    def screen_named(self, name: str) -> Screen:
        """The screen called `name`, made the first time it is asked for."""
        screen = self.screens.get(name)
        if screen is None:
            screen = screen_type(self._screen_types[name])(self.ctx)
            screen.setObjectName(f"{name}-screen")
            screen.category_wanted.connect(self.open_category)
            screen.resource_wanted.connect(self.open_resource)
            screen.topic_wanted.connect(self.open_topic)
            screen.search_wanted.connect(self.open_search)
            print_wanted = getattr(screen, "print_wanted", None)  # the handout's
            if print_wanted is not None:
                print_wanted.connect(self.print_handout)
            self.screens[name] = screen
            self.stack.addWidget(screen)
            screen.restyle(self.theme)
            fingers = getattr(screen, "enable_fingers", None)  # home's, after the first frame
            if fingers is not None:
                if self._painted:
                    fingers()
                else:
                    self.first_frame.connect(fingers)
        return screen

    def settled(self) -> bool:
        """The work after the first frame is done (`started` was emitted)."""
        return self._started

    def mark_started(self) -> None:
        if not self._started:
            self._started = True
            self.started.emit()

    def build_next_screen(self) -> bool:
        """Make one more of the screens not made yet (in idle time after the first frame,
        so that a visitor's first tap on each finds it ready); False when none is left."""
        for name in self._screen_types:
            if name not in self.screens:
                self.screen_named(name).ensurePolished()
                return True
        return False

    def _typed(self, name: str, kind: type[S]) -> S:
        screen = self.screen_named(name)
        assert isinstance(screen, kind)
        return screen

    @property
    def home(self) -> HomeScreen:
        return self._typed("home", HomeScreen)

    @property
    def category(self) -> CategoryScreen:
        from kiosk.ui.category import CategoryScreen

        return self._typed("category", CategoryScreen)

    @property
    def resource_screen(self) -> ResourceScreen:
        from kiosk.ui.resource import ResourceScreen

        return self._typed("resource", ResourceScreen)

    @property
    def topic_screen(self) -> TopicScreen:
        from kiosk.ui.topic import TopicScreen

        return self._typed("topic", TopicScreen)

    @property
    def search(self) -> SearchScreen:
        from kiosk.ui.search import SearchScreen

        return self._typed("search", SearchScreen)

    @property
    def handout_screen(self) -> HandoutScreen:
        from kiosk.ui.handout import HandoutScreen

        return self._typed("handout", HandoutScreen)

    # -- navigation -------------------------------------------------------------------------

    def _go(self, kind: str, key: str = "", remember: bool = True) -> None:
        if remember and (kind, key) != self.current:
            self.history.append(self.current)
        self.current = (kind, key)
        self._show_current()

    def _show_current(self) -> None:
        kind, key = self.current
        screen = self.screen_named(kind)
        screen.show_for(key)
        self.stack.setCurrentWidget(screen)
        self._update_nav()

    def _update_nav(self) -> None:
        self.header.back_button.setEnabled(bool(self.history))

    @Slot()
    def show_home(self) -> None:
        self.history.clear()
        self.current = ("home", "")
        self._show_current()

    @Slot()
    def go_back(self) -> None:
        if not self.history:
            return
        self.current = self.history.pop()
        self._show_current()

    @Slot(str)
    def open_category(self, slug: str) -> None:
        if self.store.category(slug) is None:
            return
        self.usage.count("category", slug)
        self._go("category", slug)

    @Slot(str)
    def open_resource(self, resource_id: str) -> None:
        resource = self.store.resource(resource_id)
        if resource is None or not resource.active:
            return
        self.usage.count("resource", resource_id)
        self._go("resource", resource_id)

    @Slot(str)
    def open_topic(self, slug: str) -> None:
        if self.store.topic(slug) is None:
            return
        self.usage.count("topic", slug)
        self._go("topic", slug)

    @Slot()
    def open_search(self) -> None:
        self._go("search")

    @Slot()
    def open_handout(self) -> None:
        self._go("handout")

    @Slot()
    def print_handout(self) -> None:
        """The preview of the visitor's handout over the screens (the header stays)."""
        from kiosk.printing.kiosk_print import open_print_preview

        open_print_preview(self, list(self.handout.ids), self.lang)

    def screen_name(self) -> str:
        return self.current[0]

    def refresh(self) -> None:
        """Re-read the store for what is on screen (after staff saved a change)."""
        for screen in self.screens.values():
            screen.reload()
        kind, key = self.current
        if kind == "resource" and self.store.resource(key) is None:
            self.show_home()
            return
        self._show_current()

    # -- the staff's settings ---------------------------------------------------------------

    def _visit_defaults(self) -> tuple[str, Theme]:
        lang = self._fixed_lang or str(self.settings.get("default_lang") or "en")
        step = int(self.settings.get("text_size_default"))
        return (lang if lang in LANGUAGES else "en",
                Theme(bool(self.settings.get("high_contrast_default")),
                      min(max(step, 0), len(TEXT_SCALES) - 1)))

    def _idle_times(self) -> tuple[float, float]:
        timeout = self._fixed_idle_s if self._fixed_idle_s is not None else float(
            self.settings.get("idle_timeout_s"))
        return timeout, float(self.settings.get("still_there_s"))

    def apply_settings(self) -> None:
        """Read the staff's settings again: the idle times count from now, and each visit
        from the next on starts in the new language, text size and contrast (at once, when
        nobody is using the kiosk). Every quick exit and idle reset reads them too."""
        untouched = self.is_pristine()
        self._follow_settings()
        if untouched and not self.visit.pristine():
            self.quick_exit()

    def follow_idle_settings(self) -> None:
        """Only the idle times, at once (while staff still work on the admin screen over
        the window, its language and look stay as they are)."""
        self.idle.set_times(*self._idle_times())

    def _follow_settings(self) -> None:
        self.follow_idle_settings()
        self.visit.default_lang, self.visit.default_theme = self._visit_defaults()

    # -- the visitor's choices --------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Every text in `lang`, set again on the widgets on view (none is rebuilt); the
        other screens follow when they are next shown."""
        if lang not in LANGUAGES or lang == self.lang:
            return
        self.speech.stop()
        self.visit.lang = lang
        self.translations.install(lang)
        self._retranslate()
        self.language_changed.emit(lang)

    @Slot()
    def toggle_language(self) -> None:
        self.set_language("es" if self.lang == "en" else "en")

    @Slot()
    def cycle_text_size(self) -> None:
        self._set_theme(Theme(self.theme.high_contrast,
                              (self.theme.text_step + 1) % len(TEXT_SCALES)))

    @Slot()
    def toggle_contrast(self) -> None:
        self._set_theme(Theme(not self.theme.high_contrast, self.theme.text_step))

    def _set_theme(self, theme: Theme) -> None:
        if theme == self.theme:
            return
        self.visit.theme = theme
        self._apply_theme()
        self._show_current()

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.theme.apply(app, self)
        self.header.restyle(self.theme)
        self.header.contrast_button.setProperty("active", self.theme.high_contrast)
        for screen in self.screens.values():
            screen.restyle(self.theme)

    def _retranslate(self) -> None:
        """At once, not on Qt's LanguageChange events: they come on the next turn of the
        event loop, and none comes when no translator could be installed."""
        self.setWindowTitle(self.tr("Find help"))
        self.header.retranslate(self.lang)
        for screen in self.screens.values():
            screen.follow_language()
        self.still_there.retranslate()

    # -- privacy ----------------------------------------------------------------------------

    @Slot()
    def quick_exit(self) -> None:
        """Forget the visit at once: screen, history, search, handout, filters, language,
        text size, contrast, scroll positions, and what was worked out for it (drawn codes,
        stems, lists, database pages)."""
        self.speech.stop()
        self.idle.reset()
        self.still_there.dismiss()
        self._close_popups()
        lang, theme = self.lang, self.theme
        self.visit.reports.flush(self.store)  # the visit is over: its reports, in one write
        try:
            self._follow_settings()  # the next visit starts as staff set it now
        except Exception:  # the visit is forgotten even when the settings cannot be read
            log.exception("reading the settings failed")
        self.visit.forget()
        per_visit.forget()  # and what was worked out for it: drawn codes, typed words' stems
        self.store.forget_lists(keep=HELP_NOW)  # and the lists it opened and filtered
        self.store.shrink_memory()  # and the database pages read for it
        self.history.clear()
        self.current = ("home", "")
        for screen in self.screens.values():
            try:
                screen.reset()
            except Exception:  # one broken screen must not keep the visit on display
                log.exception("resetting a screen failed")
        if self.lang != lang:
            self.translations.install(self.lang)
            self._retranslate()
        if self.theme != theme:
            self._apply_theme()
        self._show_current()
        self.usage.flush(self.store)  # the visit is over: its counts, sorted, in one write
        self.reset_done.emit()  # popups over the screens close (and are let go of)
        QTimer.singleShot(FREE_MEMORY_AFTER_MS, self, _return_free_memory)

    def _close_popups(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and \
                    widget.property("visitor-popup") is True:
                widget.close()

    def is_pristine(self) -> bool:
        """Nothing to forget: the idle reset then has nobody to ask."""
        return (self.current == ("home", "") and self.visit.pristine()
                and all(screen.pristine() for screen in self.screens.values()))

    @Slot()
    def _ask_still_there(self) -> None:
        if self.is_pristine():
            self.idle.reset()
            return
        self.still_there.ask(self.idle.still_there_s)
        self.idle.start_countdown()

    @Slot()
    def _idle_expired(self) -> None:
        self.quick_exit()

    # -- staff ------------------------------------------------------------------------------

    def _default_speech(self) -> Speech:
        """espeak-ng through aplay at the staff's volume; when this machine cannot speak,
        the Read aloud buttons stay hidden and the admin notices say why. The engine and the
        player are tried after the first frame, on a thread (they start programs); the
        buttons appear when they answer."""
        speech = default_speech(lambda: int(self.settings.get("speech_volume")) / 100,
                                ask_later=True)
        speech.checked.connect(self._speech_checked)
        self.first_frame.connect(speech.check_later)
        return speech

    @Slot()
    def _speech_checked(self) -> None:
        asked = getattr(self.speech, "problem", None)
        problem = asked() if asked is not None else None
        if problem:
            log.warning("%s", problem)
            from kiosk.speech.notices import tell_staff

            try:
                tell_staff(self.store, problem)
            except Exception:  # a closed or read-only store: the log has it
                log.exception("telling staff that the kiosk cannot speak failed")

    def start_again(self) -> None:
        """The database under the store was replaced (restored from a backup after damage
        found once the kiosk was up): the visit is forgotten and every screen is made again
        from the directory as it is now."""
        self.quick_exit()
        for screen in list(self.screens.values()):
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self.screens.clear()
        self._show_current()

    def leave(self) -> None:
        """Close the kiosk (a staff action)."""
        self._may_close = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(0)

    # -- Qt events --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._painted:  # the first time, once the first frame is up (`paintEvent`)
            self._watch_input()

    def _watch_input(self) -> None:
        """Every touch, click and key reaches the window system's window of this one before
        any widget in it, so the idle watcher filters that window's events alone: a few per
        frame, not every event of every widget, and no object of Qt's own inner classes handed
        to Python (its first one makes PySide6 load every Qt class it has, about 40 ms)."""
        handle = self.windowHandle()
        if handle is None or handle is self._watched:
            return
        if self._watched is not None:
            self._watched.removeEventFilter(self.idle)
        handle.installEventFilter(self.idle)
        self._watched = handle

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # the window system's window (a class PySide6 would make for it before the
            # first frame) is watched from the first turn of the event loop after it
            QTimer.singleShot(0, self, self._watch_input)
            QTimer.singleShot(0, self, self.first_frame.emit)  # once the frame is out

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.admin_corner.move(0, 0)
        self.admin_corner.raise_()
        self.still_there.setGeometry(self.root.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            if self._watched is not None:
                self._watched.removeEventFilter(self.idle)
                self._watched = None
            self.idle.stop()
            self.translations.uninstall()
            self.usage.flush(self.store)
            self.visit.reports.flush(self.store)
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys that would close or leave the kiosk do nothing on a kiosk (there is no text
        field to type into, so every key ends up here)."""
        if not self._is_leave_key(event):
            super().keyPressEvent(event)
            return
        event.accept()
        if self.windowed and event.key() != QtCore.Qt.Key.Key_Escape:
            self.close()

    @staticmethod
    def _is_leave_key(event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        qt = QtCore.Qt
        ctrl = bool(mods & qt.KeyboardModifier.ControlModifier)
        alt = bool(mods & qt.KeyboardModifier.AltModifier)
        return (key == qt.Key.Key_Escape or (ctrl and key in (qt.Key.Key_Q, qt.Key.Key_W))
                or (alt and key == qt.Key.Key_F4))
