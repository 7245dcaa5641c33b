"""The fixed words of a sheet, and the seam through which they are translated.

The core marks each fixed string with `kiosk.i18n.QT_TRANSLATE_NOOP("Sheet", ...)` so that
`pyside6-lupdate` collects it into the kiosk's `.ts` file, and asks an injected `Words` object
for the text in the sheet's language (which need not be the screen's). `kiosk.printing`
passes one backed by a `QTranslator` and `QLocale`; tests and the Qt-free default use plain
English.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

CONTEXT = "Sheet"


class Words(Protocol):
    """Fixed sheet words, dates and day names in one language."""

    lang: str

    def text(self, source: str) -> str:
        """`source` (an English string marked in context "Sheet") in the sheet's language."""
        ...

    def date(self, day: dt.date) -> str: ...

    def weekday(self, index: int) -> str:
        """Short name of a day of the week, Monday = 0."""
        ...


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class PlainWords:
    """English words without Qt, for the core's own tests and for tools that need no Qt."""

    lang = "en"

    def text(self, source: str) -> str:
        return source

    def date(self, day: dt.date) -> str:
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"

    def weekday(self, index: int) -> str:
        return _DAYS[index]
