"""What every admin page is handed: the store, settings, clock, who is working, and what
to call when something a visitor sees has changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.directory.model import LocalText
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store


def _nothing() -> None:
    return None


@dataclass
class AdminContext:
    store: Store
    data_dir: Path
    clock: Callable[[], dt.datetime] = dt.datetime.now
    who: str = ""
    changed: Callable[[], None] = _nothing  # the visitor screens re-read the store
    leave_kiosk: Callable[[], None] = _nothing  # "Exit kiosk"
    settings_saved: Callable[[], None] = _nothing  # the visitor side reads the settings again
    speech: Any = None  # the visitor screens' kiosk.ui.speech.KioskSpeech, for the speaker test
    lang: str = "en"  # the language the staff screens are shown in (the kiosk's, when opened)
    settings: Settings = field(init=False)

    def __post_init__(self) -> None:
        self.settings = Settings(self.store)

    def today(self) -> dt.date:
        return self.clock().date()

    def words(self, text: LocalText) -> str:
        """A directory text (a category's name, an entry's) in the staff's language."""
        return text.get(self.lang)
