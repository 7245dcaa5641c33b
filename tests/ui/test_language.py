from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.translations import Translations
from kiosk.ui.window import KioskWindow
from tests.ui.helpers import tap, visible_texts


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


def _address(widget: QWidget) -> int:
    import shiboken6

    return int(shiboken6.getCppPointer(widget)[0])


def _widgets(root: QWidget) -> set[int]:
    """Every widget under `root`, by the address of its C++ object."""
    return {_address(w) for w in root.findChildren(QWidget)}


@pytest.mark.parametrize("name", ["home", "category", "resource", "topic", "search",
                                  "handout"])
def test_a_language_switch_sets_the_texts_again_on_the_same_widgets(
        qtbot: QtBot, window: KioskWindow, name: str) -> None:
    window.handout.add("willimantic-clinic")
    dict(_screens(window))[name]()  # type: ignore[operator]
    screen = window.stack.currentWidget()
    QApplication.processEvents()
    before, english = _widgets(screen), visible_texts(screen)
    window.set_language("es")
    assert window.stack.currentWidget() is screen
    after, spanish = _widgets(screen), visible_texts(screen)
    assert spanish != english
    assert before <= after  # nothing was deleted
    added = {w.objectName() for w in screen.findChildren(QWidget)
             if _address(w) in after - before}
    # Only the Spanish keyboard's extra letters are new, made the first time they are needed.
    assert added <= {f"keyboard-key-{c}" for c in "ñáéíóúü"}, added
    window.set_language("en")
    assert _widgets(screen) == after and visible_texts(screen) == english


def test_screens_out_of_view_follow_the_language_when_shown(window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    window.show_home()
    window.set_language("es")
    resource = window.resource_screen
    assert resource.read_button.text() == "Read aloud"  # not on view: left as it was
    window.open_resource("willimantic-clinic")
    assert resource.read_button.text() == "Leer en voz alta"
    assert resource.name.text() == "Clínica Comunitaria de Willimantic"


def test_a_screen_follows_qt_language_change_events(qtbot: QtBot, tmp_path: Path) -> None:
    """A screen with no window retranslates itself on the LanguageChange event Qt sends
    when a translator is installed."""
    from PySide6.QtWidgets import QLayout, QMainWindow

    from kiosk.directory.files import read_directory
    from kiosk.directory.importer import apply_import
    from kiosk.directory.store import Store
    from kiosk.ui.home import HomeScreen
    from kiosk.ui.screen import ScreenContext
    from tests.ui.helpers import FIXTURE, MONDAY_10AM

    store = Store.memory(clock=lambda: MONDAY_10AM)
    apply_import(store, read_directory(FIXTURE), who="test", source="fixture")
    ctx = ScreenContext(store, lambda: MONDAY_10AM)
    holder = QMainWindow()
    qtbot.addWidget(holder)
    home = HomeScreen(ctx)
    holder.setCentralWidget(home)
    layout = holder.layout()
    assert layout is not None
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    holder.resize(1280, 800)
    home.show_for("")
    holder.show()
    assert home.help_title.text() == "Help right now"
    translations = Translations(tmp_path / "cache")
    ctx.visit.lang = "es"
    try:
        assert translations.install("es")
        qtbot.waitUntil(lambda: home.help_title.text() == "Ayuda ahora mismo", timeout=2000)
        assert home.findChild(QPushButton, "category-health").label() == "Salud y pruebas"
    finally:
        translations.uninstall()
        store.close()


def test_staff_words_from_the_core_and_the_tables_follow_the_language(
        window: KioskWindow) -> None:
    """Strings once hidden from lupdate (table headers, choices, form checks, the bug
    sentence) are shown in Spanish with the rest."""
    from PySide6.QtCore import Qt

    from kiosk.admin.entries_model import EntriesModel
    from kiosk.admin.usage_page import UsageModel
    from kiosk.admin.widgets import run_safely
    from kiosk.staff import checks
    from kiosk.staff.choices import DAY_NAMES, choice

    def fail() -> None:
        raise RuntimeError("a bug")

    shown: list[str] = []
    window.set_language("es")
    horizontal = Qt.Orientation.Horizontal
    assert EntriesModel().headerData(0, horizontal) == "Nombre"
    assert UsageModel().headerData(3, horizontal) == "Veces"
    assert choice(DAY_NAMES, "wed") == "Miércoles"
    assert checks.phone_problem("(860) 456-226") == \
        "A este número de teléfono le falta un dígito: (860) 456-226"
    assert checks.phone_problem("860-456") == \
        "A este número de teléfono le faltan 4 dígitos: 860-456"
    assert not run_safely(fail, shown.append)
    assert shown == ["Algo falló dentro del quiosco, así que no se cambió nada. Los detalles "
                     "están en el registro del quiosco."]
    window.set_language("en")
    assert checks.phone_problem("860-456") == "This phone number is missing 4 digits: 860-456"
