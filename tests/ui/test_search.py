from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QListView, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kiosk.directory.search import Hit
from kiosk.ui.keyboard import LAYOUTS
from kiosk.ui.search import HitModel
from kiosk.ui.window import KioskWindow
from tests.ui.helpers import tap, tap_row


def type_on_screen(qtbot: QtBot, window: KioskWindow, text: str) -> None:
    for char in text:
        name = "space" if char == " " else char
        tap(qtbot, window.findChild(QPushButton, f"keyboard-key-{name}"))


def test_hit_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = HitModel()
    model.set_hits([Hit("resource", "a", "A", "Á"), Hit("topic", "t", "T", "")], "es")
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1)) == "Information: T"


def test_results_update_with_each_key(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.findChild(QPushButton, "search-button"))
    assert window.screen_name() == "search"
    field = window.findChild(QLineEdit, "search-field")
    results = window.findChild(QListView, "search-results")
    counts = []
    for char in "wil":
        type_on_screen(qtbot, window, char)
        counts.append(results.model().rowCount())
    assert field.text() == "wil"
    assert counts[-1] >= 1
    titles = [results.model().index(r).data() for r in range(results.model().rowCount())]
    assert "Willimantic Community Clinic  \u2022  Willimantic" in titles  # name and town
    type_on_screen(qtbot, window, "x")
    assert results.model().rowCount() == 0
    assert window.search.hint.text() == "Nothing found. Try a shorter word."
    tap(qtbot, window.findChild(QPushButton, "keyboard-key-backspace"))
    assert field.text() == "wil" and results.model().rowCount() >= 1
    tap(qtbot, window.findChild(QPushButton, "keyboard-key-clear"))
    assert field.text() == "" and results.model().rowCount() == 0


def test_tags_find_a_place_and_a_tap_opens_it(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_search()
    type_on_screen(qtbot, window, "sti")
    results = window.findChild(QListView, "search-results")
    tap_row(qtbot, results, 0)
    assert window.current == ("resource", "willimantic-clinic")


def test_spanish_layout_has_accented_keys(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_search()
    assert window.findChild(QPushButton, "keyboard-key-ñ") is None
    window.set_language("es")
    for char in "áéíóúñü":
        key = window.findChild(QPushButton, f"keyboard-key-{char}")
        assert key is not None, char
        qtbot.waitUntil(key.isVisible)
    assert set("áéíóúñü") <= set("".join(LAYOUTS["es"]))
    type_on_screen(qtbot, window, "clínica")
    assert window.findChild(QLineEdit, "search-field").text() == "clínica"
    model = window.findChild(QListView, "search-results").model()
    titles = [model.index(r).data() for r in range(model.rowCount())]
    assert "Clínica Comunitaria de Willimantic  \u2022  Willimantic" in titles


def test_keys_are_large(window: KioskWindow) -> None:
    window.open_search()
    keys = window.search.keyboard.keys
    assert len(keys) >= 29
    for key in keys.values():
        assert key.width() >= 64 and key.height() >= 64, key.objectName()


def test_keys_never_overlap_with_the_largest_text_on_a_small_screen(
        make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    window = make_window(size=(1280, 800), lang="es")
    window.cycle_text_size()
    window.cycle_text_size()
    window.open_search()
    for _ in range(3):
        QApplication.processEvents()
    rects = [k.geometry() for k in window.search.keyboard.keys.values()]
    for i, a in enumerate(rects):
        assert a.height() >= 64 and a.width() >= 64
        for b in rects[i + 1:]:
            assert not a.intersects(b)
    assert window.search.results.height() >= 64


def test_results_say_where_each_place_is(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_search()
    type_on_screen(qtbot, window, "hiv")
    model = window.findChild(QListView, "search-results").model()
    titles = {model.index(r).data() for r in range(model.rowCount())}
    assert "Statewide HIV testing line  \u2022  Statewide" in titles
    assert "Willimantic Community Clinic  \u2022  Willimantic" in titles
