"""The fixed words the kiosk says ("Call", "Last checked by staff: %1"), in either language.

They are marked with `kiosk.i18n.QT_TRANSLATE_NOOP("Speech", ...)` so that `pyside6-lupdate`
collects them into the kiosk's `.ts` file with every other interface string, and their Spanish
is read from that same file here, without Qt: the Read aloud button and `kiosk speak` then say
the same words through the same code, whether or not a Qt application is running.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from kiosk.i18n import TRANSLATIONS

log = logging.getLogger(__name__)

CONTEXT = "Speech"


@lru_cache(maxsize=4)
def _catalog(ts: Path, mtime: float) -> dict[str, str]:
    """Finished translations of the Speech context in `ts`."""
    out: dict[str, str] = {}
    try:
        root = ET.parse(ts).getroot()
    except (OSError, ET.ParseError):
        log.exception("cannot read the spoken words' translations from %s", ts)
        return out
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type"):
                continue  # unfinished, vanished or obsolete: say the English
            if translation.text and translation.text.strip():
                out[source] = translation.text
    return out


class SpeechWords:
    """The fixed spoken words in one language."""

    def __init__(self, lang: str, folder: Path = TRANSLATIONS) -> None:
        self.lang = "es" if lang == "es" else "en"
        self._table: dict[str, str] = {}
        if self.lang != "en":
            ts = folder / f"kiosk_{self.lang}.ts"
            try:
                self._table = _catalog(ts, ts.stat().st_mtime)
            except OSError:
                log.warning("no %s translation for spoken words; they stay in English",
                            self.lang)

    def text(self, source: str) -> str:
        return self._table.get(source, source)
