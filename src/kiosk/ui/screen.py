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

from PySide6.QtCore import Signal
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
    settings: Settings = field(init=False)

    def __post_init__(self) -> None:
        self.settings = Settings(self.store)


class Screen(QWidget):
    """One visitor screen. The window calls, in its life:

    - `enter(key)` each time it is shown (`key`: the category, place or topic to show; ""
      for the screens that show one thing), after which the screen shows fresh data;
    - `retranslate()` when the visitor changes the language, `restyle(theme)` when they
      change the text size or contrast;
    - `reload()` when staff changed the directory;
    - `reset()` when the visit ends, and `pristine()` to ask whether there is anything of
      the visit on it to forget.

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

    @property
    def lang(self) -> str:
        return self.ctx.visit.lang

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
