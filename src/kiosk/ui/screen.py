"""What a visitor screen is given when it is made, and what it promises the window.

A screen never reaches into the main window. It is handed a `ScreenContext` (the store, the
settings, the clock, the speech engine and the visit), asks to go somewhere with its
`*_wanted` signals, and the window drives it through the few methods of `Screen`. So a screen
can be built in a test from `Store.memory()` and a fake clock, with no window, and the window
can build each screen the first time a visitor needs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.ui.speech import NoSpeech, Speech
from kiosk.ui.theme import Theme
from kiosk.ui.visit import Visit

Clock = Callable[[], dt.datetime]


@dataclass
class ScreenContext:
    """Everything a visitor screen may use; made once by the window and shared."""

    store: Store
    clock: Clock
    speech: Speech = field(default_factory=NoSpeech)
    visit: Visit = field(default_factory=Visit)
    data_dir: Path | None = None  # the kiosk's data folder (the site's own search words)
    settings: Settings = field(init=False)

    def __post_init__(self) -> None:
        self.settings = Settings(self.store)


class Screen(QWidget):
    """One visitor screen. A subclass builds its widgets in `__init__` and fills in:

    - `enter(key)`: shown for `key` (the category, place or topic; "" for the screens that
      show one thing); read the store and show it;
    - `retranslate()`: set every text again in `self.lang`, on the widgets already there
      (never rebuild: the visitor is looking at them);
    - `restyle(theme)`: the text size or contrast changed;
    - `reload()`: staff changed the directory; `reset()`: the visit is over, forget it;
      `pristine()`: nothing of the visit is on this screen.

    The window calls `show_for(key)` to show it and `follow_language()` when the language
    changes (as does Qt's LanguageChange event): the screen on view is retranslated at
    once, the others when they are next shown.

    It asks for another screen with the signals below; the window decides (and counts the
    visit to it, and keeps the Back history)."""

    category_wanted = Signal(str)
    resource_wanted = Signal(str)
    topic_wanted = Signal(str)
    search_wanted = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.theme = ctx.visit.theme
        self.words_in = ""  # the language of the texts on it now ("": none set yet)

    @property
    def lang(self) -> str:
        return self.ctx.visit.lang

    # -- what the window calls --------------------------------------------------------------

    def show_for(self, key: str = "") -> None:
        if self.words_in != self.lang:
            self._retranslate()
        self.enter(key)

    def follow_language(self) -> None:
        if self.words_in != self.lang and not self.isHidden():
            self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.follow_language()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.words_in = self.lang
        self.retranslate()

    # -- what a screen fills in -------------------------------------------------------------

    def enter(self, key: str = "") -> None:
        return None

    def retranslate(self) -> None:
        return None

    def restyle(self, theme: Theme) -> None:
        self.theme = theme

    def reload(self) -> None:
        return None

    def reset(self) -> None:
        return None

    def pristine(self) -> bool:
        return True
