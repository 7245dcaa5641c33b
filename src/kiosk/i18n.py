"""Translation, in one place: the languages, the marker for strings the Qt-free core
writes, and the `.ts` source the Spanish comes from.

Qt's tools do the work: `pyside6-lupdate` collects every `self.tr("...")`,
`QCoreApplication.translate("Context", "...")` and `QT_TRANSLATE_NOOP("Context", "...")`
into `src/kiosk/resources/translations/kiosk_es.ts`, and `pyside6-lrelease` compiles it.
The `.qm` is not kept in the repository: it is built into a cache folder the first time it
is needed, and again whenever the `.ts` is newer, so a fresh checkout works as it is.

This module imports no Qt, so the core (`kiosk.staff`, `kiosk.sheets`, `kiosk.errors`) can
mark its sentences with `QT_TRANSLATE_NOOP` here, and the Qt layer translates them with
`QCoreApplication.translate(context, text)` when it shows them.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.paths import RESOURCES

log = logging.getLogger(__name__)

LANGUAGES = ("en", "es")  # English is the source language; Spanish comes from kiosk_es.ts
TRANSLATIONS = RESOURCES / "translations"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` and return it unchanged.

    `pyside6-lupdate` finds the call by its name, so the literal lands in the `.ts` file;
    whoever shows the text translates it then, in the language on screen."""
    return text


def ts_file(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"kiosk_{lang}.ts"


def _qt_tool(name: str) -> str | None:
    """A Qt tool shipped inside the PySide6 wheel, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    tool = Path(spec.origin).parent / (f"{name}.exe" if sys.platform == "win32" else name)
    return str(tool) if tool.exists() else None


def lrelease_command() -> list[str]:
    """pyside6-lrelease, found beside PySide6 itself or on the PATH."""
    bundled = _qt_tool("lrelease")
    if bundled:
        return [bundled]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else []


def lupdate_command() -> list[str]:
    """pyside6-lupdate, found the same way."""
    bundled = _qt_tool("lupdate")
    if bundled:
        return [bundled]
    found = shutil.which("pyside6-lupdate") or shutil.which("lupdate")
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
