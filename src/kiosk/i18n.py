"""Translation, in one place: the languages, the calls `pyside6-lupdate` reads, and the
`.ts` source the Spanish comes from.

Every string a person reads is written as a literal in one of these calls, so lupdate
collects it into `src/kiosk/resources/translations/kiosk_es.ts`:

- in Qt code, `self.tr("...")` or `QCoreApplication.translate("Context", "...")`;
- in the Qt-free core (`kiosk.staff`, `kiosk.sheets`, ...), `translate("Context", "...")`
  from this module, which answers in English until the Qt layer routes it through Qt's
  installed translators (`route_through`, done when the visitor's language is installed);
- for a constant chosen at run time (a table's column names, a choice's label),
  `QT_TRANSLATE_NOOP("Context", "...")` where it is written, and `translated(context,
  value)` where it is shown.

Values go in with `%1`, `%2` and `.replace()` after translating, never by formatting the
source string: the source must stay the literal lupdate saw.

This module imports no Qt. The `.qm` is not kept in the repository: it is built into a
cache folder the first time it is needed, and again whenever the `.ts` is newer, so a fresh
checkout works as it is.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.paths import RESOURCES

log = logging.getLogger(__name__)

LANGUAGES = ("en", "es")  # English is the source language; Spanish comes from kiosk_es.ts
TRANSLATIONS = RESOURCES / "translations"


Translator = Callable[[str, str, "str | None", int], str]


def _english(context: str, source: str, disambiguation: str | None = None,
             n: int = -1) -> str:
    return source.replace("%n", str(n)) if n >= 0 else source


_translator: Translator = _english


def route_through(translator: Translator) -> None:
    """Send `translate` and `translated` through `translator` from now on: the Qt layer
    passes `QCoreApplication.translate`, so the core's sentences follow the translators
    installed on the application."""
    global _translator
    _translator = translator


def translate(context: str, source: str, disambiguation: str | None = None,
              n: int = -1) -> str:
    """`source` in the language on screen. Call it with literals only (lupdate reads them);
    for plurals, write the singular and the plural as two literals."""
    return _translator(context, source, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` and return it unchanged.

    lupdate finds the call by its name, so the literal lands in the `.ts` file; whoever shows
    the text translates it then, with `translated`."""
    return text


def translated(context: str, marked: str) -> str:
    """A string marked with `QT_TRANSLATE_NOOP(context, ...)`, in the language on screen.
    The one place where a translation's source is not a literal."""
    return _translator(context, marked, None, -1)


def ts_file(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"kiosk_{lang}.ts"


def compiled(lang: str, cache: Path, folder: Path = TRANSLATIONS) -> Path | None:
    """`kiosk_<lang>.qm` in `cache`, built from `folder`'s `.ts` when needed; None when
    there is no `.ts` for `lang` or it cannot be built."""
    ts = ts_file(lang, folder)
    if not ts.exists():
        return None
    qm = cache / f"kiosk_{lang}.qm"
    return qm if build_qm(ts, qm) else None


def _qt_tool(name: str) -> str | None:
    """A Qt tool shipped inside the PySide6 wheel, found without importing Qt."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    tool = Path(spec.origin).parent / (f"{name}.exe" if sys.platform == "win32" else name)
    return str(tool) if tool.exists() else None


def lrelease_command() -> list[str]:
    """pyside6-lrelease, found beside PySide6 itself or on the PATH."""
    import shutil

    bundled = _qt_tool("lrelease")
    if bundled:
        return [bundled]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else []


def lupdate_command() -> list[str]:
    """pyside6-lupdate, found the same way."""
    import shutil

    bundled = _qt_tool("lupdate")
    if bundled:
        return [bundled]
    found = shutil.which("pyside6-lupdate") or shutil.which("lupdate")
    return [found] if found else []


def collect(sources: Path, ts: Path, keep_obsolete: bool = False) -> None:
    """Run pyside6-lupdate over every Python file under `sources`, into `ts` (created, or
    updated keeping its translations; new strings come in as unfinished)."""
    import subprocess

    command = lupdate_command()
    if not command:
        raise FileNotFoundError("pyside6-lupdate was not found; install PySide6-Essentials")
    files = sorted(str(p.relative_to(sources)) for p in sources.rglob("*.py"))
    subprocess.run([*command, *([] if keep_obsolete else ["-no-obsolete"]), "-silent",
                    "-locations", "none", "-source-language", "en_US",
                    "-target-language", "es_US", *files, "-ts", str(ts.resolve())],
                   cwd=sources, check=True, capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) of every current message of a .ts file, with its translation
    (None while unfinished or empty)."""
    import xml.etree.ElementTree as ET

    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue
            forms = [] if translation is None else (
                [f.text for f in translation.iter("numerusform")] or [translation.text])
            done = kind != "unfinished" and forms and all((f or "").strip() for f in forms)
            out[name, message.findtext("source") or ""] = (
                " | ".join(f or "" for f in forms) if done else None)
    return out


def build_qm(ts: Path, qm: Path) -> bool:
    """Compile `ts` into `qm` when missing or older; False when it cannot be built."""
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return True
    import subprocess  # only when the .qm is missing or older: not at every start

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
    return [f"{context}: {source}" for (context, source), translation in messages(ts).items()
            if translation is None]
