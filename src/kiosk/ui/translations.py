"""The visitor screens in the visitor's language: Qt's translators installed on the
application (the kiosk's own, built from `kiosk_<lang>.ts` by `kiosk.i18n`, and Qt's own).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk import i18n
from kiosk.i18n import TRANSLATIONS

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator


class Translations:
    """Installs the kiosk's and Qt's own translators for the visitor's language."""

    def __init__(self, cache: Path, folder: Path = TRANSLATIONS) -> None:
        self.cache = cache
        self.folder = folder
        self._installed: list[QTranslator] = []
        self._loaded: dict[str, list[QTranslator]] = {}  # loaded once, installed on demand

    def qm_for(self, lang: str) -> Path | None:
        return i18n.compiled(lang, self.cache, self.folder)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            for translator in self._installed:
                app.removeTranslator(translator)
        self._installed = []

    def install(self, lang: str) -> bool:
        app = QCoreApplication.instance()
        if app is None:
            return False
        self.uninstall()
        i18n.route_through(QCoreApplication.translate)  # the core's sentences too
        if lang == "en":
            return True
        if lang not in self._loaded:
            self._loaded[lang] = self._load(lang, app)
        for translator in self._loaded[lang]:
            app.installTranslator(translator)
            self._installed.append(translator)
        return any(t.objectName() == "kiosk" for t in self._installed)

    def _load(self, lang: str, app: QCoreApplication) -> list[QTranslator]:
        # imported here: an English start makes no translator before its first frame
        from PySide6.QtCore import QLibraryInfo, QTranslator

        out = []
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{lang}",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            out.append(qt_own)
        qm = self.qm_for(lang)
        kiosk = QTranslator(app)
        kiosk.setObjectName("kiosk")
        if qm is not None and kiosk.load(str(qm)):
            out.append(kiosk)
        return out
