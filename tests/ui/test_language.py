from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.i18n import TRANSLATIONS, untranslated
from kiosk.ui.translations import Translations
from kiosk.ui.window import KioskWindow
from tests.ui.helpers import tap, visible_texts

UI_SOURCES = Path(__file__).resolve().parents[2] / "src" / "kiosk" / "ui"


def _ui_contexts() -> set[str]:
    """Class names of the visitor screens: the contexts their strings are filed under."""
    import ast

    names = set()
    for file in UI_SOURCES.glob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        names |= {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    return names


def test_every_interface_string_is_translated() -> None:
    """Visitors', printed sheets' and staff screens' strings: none waits for Spanish."""
    ts = TRANSLATIONS / "kiosk_es.ts"
    root = ET.parse(ts).getroot()
    contexts = {c.findtext("name") for c in root.iter("context")}
    assert _ui_contexts() & contexts  # the visitor screens are in it
    assert {"AdminScreen", "Sheet"} & contexts
    assert untranslated(ts) == []


def test_the_qm_is_built_from_the_ts_into_the_cache(tmp_path: Path) -> None:
    translations = Translations(tmp_path / "cache")
    qm = translations.qm_for("es")
    assert qm is not None and qm.exists() and qm.parent == tmp_path / "cache"
    built = qm.stat().st_mtime
    assert translations.qm_for("es") == qm and qm.stat().st_mtime == built  # not rebuilt


def _screens(window: KioskWindow) -> list[tuple[str, object]]:
    return [("home", window.show_home),
            ("category", lambda: window.open_category("health")),
            ("resource", lambda: window.open_resource("willimantic-clinic")),
            ("topic", lambda: window.open_topic("your-rights")),
            ("search", window.open_search),
            ("handout", window.open_handout)]


def test_switching_to_spanish_changes_every_screen_live(
        qtbot: QtBot, window: KioskWindow) -> None:
    window.handout.add("willimantic-clinic")
    english = {}
    for name, show in _screens(window):
        show()  # type: ignore[operator]
        english[name] = set(visible_texts(window))
    window.show_home()
    tap(qtbot, window.findChild(QPushButton, "language-toggle"))
    assert window.lang == "es"
    spanish = {}
    for name, show in _screens(window):
        show()  # type: ignore[operator]
        spanish[name] = set(visible_texts(window))
        assert english[name] != spanish[name], name
    assert {"Inicio", "Atrás", "Empezar de nuevo", "Mi hoja (1)", "English"} <= spanish["home"]
    assert {"Ayuda ahora mismo", "¿Qué necesita?", "Salud y pruebas"} <= spanish["home"]
    assert {"Abierto ahora", "Hoy: 09:00-17:00", "Lunes", "Puede llegar sin cita",
            "Clínica Comunitaria de Willimantic"} <= spanish["resource"]
    assert "Sus derechos en una clínica" in spanish["topic"]
    assert "Mi hoja para llevar" in spanish["handout"]


def test_switching_language_on_a_screen_stays_on_it(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    tap(qtbot, window.findChild(QPushButton, "language-toggle"))
    assert window.current == ("resource", "willimantic-clinic")
    assert window.findChild(QLabel, "verified").text() == \
        "Revisado por el personal: 2 de noviembre de 2026"
    tap(qtbot, window.findChild(QPushButton, "language-toggle"))
    assert window.lang == "en"
    assert window.findChild(QLabel, "verified").text() == \
        "Last checked by staff: November 2, 2026"


def test_missing_spanish_text_falls_back_to_english(window: KioskWindow) -> None:
    window.set_language("es")
    window.open_resource("crisis-988")
    assert window.resource_screen.name.text() == "Línea de crisis 988"
    window.open_topic("naloxone")
    assert window.topic_screen.title.text() == "Cómo usar la naloxona"
