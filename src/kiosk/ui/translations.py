"""The interface in Spanish through Qt's translation system.

`src/kiosk/resources/translations/kiosk_es.ts` is the source kept in the repository. The
compiled `.qm` is not: it is built with `pyside6-lrelease` into the data folder's cache the
first time it is needed, and again whenever the `.ts` is newer, so a fresh checkout works as
it is.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from kiosk.paths import RESOURCES

log = logging.getLogger(__name__)

TRANSLATIONS = RESOURCES / "translations"


def lrelease_command() -> list[str]:
    """pyside6-lrelease, found beside PySide6 itself or on the PATH."""
    import PySide6

    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32"
                                               else "lrelease")
    if bundled.exists():
        return [str(bundled)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else []


def build_qm(ts: Path, qm: Path) -> bool:
    """Compile `ts` into `qm` when missing or older; False when it cannot be built."""
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return True
    command = lrelease_command()
    if not command:
        log.error("cannot build %s: pyside6-lrelease was not found", qm.name)
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_suffix(".qm.tmp")
    result = subprocess.run([*command, "-silent", str(ts), "-qm", str(tmp)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or not tmp.exists():
        log.error("building %s failed: %s", qm.name, result.stderr.strip())
        tmp.unlink(missing_ok=True)
        return False
    tmp.replace(qm)
    return True


class Translations:
    """Installs the kiosk's and Qt's own translators for the visitor's language."""

    def __init__(self, cache: Path, folder: Path = TRANSLATIONS) -> None:
        self.cache = cache
        self.folder = folder
        self._installed: list[QTranslator] = []
        self._loaded: dict[str, list[QTranslator]] = {}  # loaded once, installed on demand

    def qm_for(self, lang: str) -> Path | None:
        ts = self.folder / f"kiosk_{lang}.ts"
        if not ts.exists():
            return None
        qm = self.cache / f"kiosk_{lang}.qm"
        return qm if build_qm(ts, qm) else None

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
        if lang == "en":
            return True
        if lang not in self._loaded:
            self._loaded[lang] = self._load(lang, app)
        for translator in self._loaded[lang]:
            app.installTranslator(translator)
            self._installed.append(translator)
        return any(t.objectName() == "kiosk" for t in self._installed)

    def _load(self, lang: str, app: QCoreApplication) -> list[QTranslator]:
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


def untranslated(ts: Path) -> list[str]:
    """`context: source` of every message of a .ts file still waiting for its translation
    (a plural message counts as translated when each of its forms is)."""
    import xml.etree.ElementTree as ET

    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue
            forms = [] if translation is None else (
                [f.text for f in translation.iter("numerusform")] or [translation.text])
            if kind == "unfinished" or not forms or not all((f or "").strip() for f in forms):
                out.append(f"{context.findtext('name')}: {message.findtext('source')}")
    return out

