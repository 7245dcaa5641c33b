"""The kiosk's main window: the header, the screens, and what a visit leaves behind (nothing).

Every screen is built once and refreshed when shown. What a visitor did lives only in this
window's memory (the screen history, search text, handout, filters, language, text size) and
`quick_exit` forgets all of it at once.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.directory import usage
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.ui.category import CategoryScreen
from kiosk.ui.handout import Handout, HandoutScreen
from kiosk.ui.header import ADMIN_CORNER, Header
from kiosk.ui.home import HomeScreen
from kiosk.ui.idle import IdleWatcher, StillThereDialog
from kiosk.ui.resource import ResourceScreen
from kiosk.ui.search import SearchScreen
from kiosk.ui.speech import Speech, default_speech
from kiosk.ui.theme import TEXT_SCALES, Theme
from kiosk.ui.topic import TopicScreen
from kiosk.ui.translations import Translations

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
ADMIN_HOLD_MS = 3000


class AdminCorner(QWidget):
    """An invisible square at the top left: held for three seconds, it opens the staff
    screens. A short tap does nothing, so visitors never stumble into it."""

    held = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("admin-corner")
        self.setAccessibleName("")
        self.setFixedSize(ADMIN_CORNER, ADMIN_CORNER)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
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


class KioskWindow(QMainWindow):
    reset_done = Signal()
    language_changed = Signal(str)
    admin_wanted = Signal()  # the staff corner was held; `kiosk.app` opens the admin

    def __init__(self, store: Store, data_dir: Path, *, windowed: bool = True,
                 idle_timeout_s: float | None = None, lang: str | None = None,
                 clock: Clock | None = None, speech: Speech | None = None) -> None:
        super().__init__()
        self.setObjectName("kiosk-window")
        self.data_dir = Path(data_dir)
        self.store = store
        self.settings = Settings(store)
        self.windowed = windowed
        self.clock: Clock = clock or store.clock
        self.speech: Speech = speech if speech is not None else default_speech()
        self.default_lang = lang or str(self.settings.get("default_lang") or "en")
        if self.default_lang not in ("en", "es"):
            self.default_lang = "en"
        self.lang = self.default_lang
        self.default_high_contrast = bool(self.settings.get("high_contrast_default"))
        self.theme = Theme(self.default_high_contrast, 0)
        self.translations = Translations(self.data_dir / "cache")
        self.handout = Handout(self)
        self.history: list[tuple[str, str]] = []
        self.current: tuple[str, str] = ("home", "")
        self._may_close = windowed

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

        self.home = HomeScreen(self)
        self.category = CategoryScreen(self)
        self.resource_screen = ResourceScreen(self)
        self.topic_screen = TopicScreen(self)
        self.search = SearchScreen(self)
        self.handout_screen = HandoutScreen(self)
        self.screens: dict[str, QWidget] = {
            "home": self.home, "category": self.category, "resource": self.resource_screen,
            "topic": self.topic_screen, "search": self.search, "handout": self.handout_screen,
        }
        for screen in self.screens.values():
            self.stack.addWidget(screen)

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

        timeout = idle_timeout_s if idle_timeout_s is not None else float(
            self.settings.get("idle_timeout_s"))
        self.still_there = StillThereDialog(root)
        self.idle = IdleWatcher(self, timeout, float(self.settings.get("still_there_s")))
        self.idle.ask.connect(self._ask_still_there)
        self.idle.tick.connect(self.still_there.set_remaining)
        self.idle.expired.connect(self._idle_expired)
        self.idle.activity.connect(self.still_there.dismiss)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

        if self.lang != "en":
            self.translations.install(self.lang)
        self._apply_theme()
        self._retranslate()
        self.stack.setCurrentWidget(self.home)
        self._update_nav()
        if not windowed:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)

    # -- navigation -------------------------------------------------------------------------

    def _go(self, kind: str, key: str = "", remember: bool = True) -> None:
        if remember and (kind, key) != self.current:
            self.history.append(self.current)
        self.current = (kind, key)
        self._show_current()

    def _show_current(self) -> None:
        kind, key = self.current
        screen = self.screens[kind]
        if kind == "category":
            self.category.show_category(key)
        elif kind == "resource":
            self.resource_screen.show_resource(key)
        elif kind == "topic":
            self.topic_screen.show_topic(key)
        elif kind == "handout":
            self.handout_screen.refresh()
        elif kind == "search":
            self.search.refresh()
        elif kind == "home":
            self.home.refresh()
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

    def open_category(self, slug: str) -> None:
        if self.store.category(slug) is None:
            return
        usage.count(self.store, "category", slug)
        self._go("category", slug)

    def open_resource(self, resource_id: str) -> None:
        resource = self.store.resource(resource_id)
        if resource is None or not resource.active:
            return
        usage.count(self.store, "resource", resource_id)
        self._go("resource", resource_id)

    def open_topic(self, slug: str) -> None:
        if self.store.topic(slug) is None:
            return
        usage.count(self.store, "topic", slug)
        self._go("topic", slug)

    @Slot()
    def open_search(self) -> None:
        self._go("search")

    @Slot()
    def open_handout(self) -> None:
        self._go("handout")

    def screen_name(self) -> str:
        return self.current[0]

    def refresh(self) -> None:
        """Re-read the store for what is on screen (after staff saved a change)."""
        self.home.refresh(force=True)
        kind, _key = self.current
        if kind == "resource" and self.store.resource(self.current[1]) is None:
            self.show_home()
            return
        self._show_current()

    # -- the visitor's choices --------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        if lang not in ("en", "es") or lang == self.lang:
            return
        self.translations.install(lang)
        self.lang = lang
        self._retranslate()
        self._show_current()
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
        self.theme = theme
        self._apply_theme()
        self._show_current()

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.theme.apply(app, self)
        self.header.restyle(self.theme)
        self.header.contrast_button.setProperty("active", self.theme.high_contrast)
        for screen in self.screens.values():
            restyle = getattr(screen, "restyle", None)
            if restyle is not None:
                restyle(self.theme)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find help"))
        self.header.retranslate(self.lang)
        for screen in self.screens.values():
            screen.retranslate()  # type: ignore[attr-defined]
        self.still_there.retranslate()

    # -- privacy ----------------------------------------------------------------------------

    @Slot()
    def quick_exit(self) -> None:
        """Forget the visit at once: screen, history, search, handout, filters, language,
        text size, contrast, scroll positions."""
        self.speech.stop()
        self.idle.reset()
        self.still_there.dismiss()
        self._close_popups()
        self.handout.clear()
        self.history.clear()
        self.current = ("home", "")
        for screen in self.screens.values():
            try:
                screen.reset()  # type: ignore[attr-defined]
            except Exception:  # one broken screen must not keep the visit on display
                log.exception("resetting a screen failed")
        if self.lang != self.default_lang:
            self.translations.install(self.default_lang)
            self.lang = self.default_lang
            self._retranslate()
        default_theme = Theme(self.default_high_contrast, 0)
        if self.theme != default_theme:
            self.theme = default_theme
            self._apply_theme()
        self._show_current()
        self.reset_done.emit()

    def _close_popups(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and \
                    widget.property("visitor-popup") is True:
                widget.close()

    def is_pristine(self) -> bool:
        """Nothing to forget: the idle reset then has nobody to ask."""
        return (self.current == ("home", "") and not self.handout.ids
                and self.lang == self.default_lang
                and self.theme == Theme(self.default_high_contrast, 0)
                and not self.search.text() and self.home.scrolled_to_top())

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

    def leave(self) -> None:
        """Close the kiosk (a staff action)."""
        self._may_close = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(0)

    # -- Qt events --------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.admin_corner.move(0, 0)
        self.admin_corner.raise_()
        self.still_there.setGeometry(self.root.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self.idle)
            self.idle.stop()
            self.translations.uninstall()
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
        if self.windowed and event.key() != Qt.Key.Key_Escape:
            self.close()

    @staticmethod
    def _is_leave_key(event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        return (key == Qt.Key.Key_Escape or (ctrl and key in (Qt.Key.Key_Q, Qt.Key.Key_W))
                or (alt and key == Qt.Key.Key_F4))
