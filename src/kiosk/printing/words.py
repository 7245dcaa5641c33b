"""Sheet words in the sheet's own language, through Qt's translation files and locale data.

The sheet's language is independent of the screen's: an English sheet may be printed while the
screens are in Spanish. So the "Sheet" strings are looked up in a `QTranslator` loaded for the
sheet alone, never installed on the application (installing one would also re-translate every
widget on screen and change what `QCoreApplication.translate` returns for the visitor screens).
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QTranslator

from kiosk.i18n import QT_TRANSLATE_NOOP, TRANSLATIONS, compiled
from kiosk.sheets.words import CONTEXT

log = logging.getLogger(__name__)

LOCALES = {"en": (QLocale.Language.English, QLocale.Country.UnitedStates),
           "es": (QLocale.Language.Spanish, QLocale.Country.UnitedStates)}

DATE_FORMAT = QT_TRANSLATE_NOOP("Sheet", "MMMM d, yyyy")


def _cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / "kiosk-translations"


@lru_cache(maxsize=8)
def _translator(lang: str, cache: Path, folder: Path | None) -> QTranslator | None:
    """The kiosk's translator for `lang`, built from its `.ts` when needed; None for English."""
    if lang == "en":
        return None
    qm = compiled(lang, cache, folder or TRANSLATIONS)
    translator = QTranslator()
    if qm is not None and translator.load(str(qm)):
        return translator
    log.warning("no %s translation for printed sheets; fixed words stay in English", lang)
    return None


class QtWords:
    """`kiosk.sheets.words.Words` for one language."""

    def __init__(self, lang: str, cache: Path | None = None,
                 folder: Path | None = None) -> None:
        """`folder` holds `kiosk_<lang>.ts` (the kiosk's translations folder by default)."""
        self.lang = lang if lang in LOCALES else "en"
        self.locale = QLocale(*LOCALES[self.lang])
        self.translator = _translator(self.lang, cache or _cache_dir(), folder)

    def text(self, source: str) -> str:
        if self.translator is None:
            return source
        return self.translator.translate(CONTEXT, source) or source

    def date(self, day: dt.date) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), self.text(DATE_FORMAT))

    def weekday(self, index: int) -> str:
        name = self.locale.dayName(index + 1, QLocale.FormatType.ShortFormat)
        return name.rstrip(".")
