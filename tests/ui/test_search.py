from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kiosk.directory.search import Hit, Results, Searcher
from kiosk.directory.store import Store
from kiosk.ui.keyboard import LAYOUTS
from kiosk.ui.search import CATEGORY, LINE, SUGGESTION, HitModel, SearchRunner
from kiosk.ui.window import KioskWindow
from tests.ui.helpers import MONDAY_10AM, FakeSpeech, tap, tap_row

SEARCH_FIXTURE = Path(__file__).parents[1] / "directory" / "search_fixture"


@pytest.fixture
def search_window(qtbot: QtBot, fresh_data_dir: Path, speech: FakeSpeech):  # type: ignore[no-untyped-def]
    """A kiosk window over the search test directory (which has the 988 line)."""
    from kiosk.datadir import open_data_dir

    store = open_data_dir(fresh_data_dir, bundled=SEARCH_FIXTURE, clock=lambda: MONDAY_10AM)
    window = KioskWindow(store, fresh_data_dir, speech=speech, clock=lambda: MONDAY_10AM)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window._may_close = True
    window.close()
    window.store.close()


def type_on_screen(qtbot: QtBot, window: KioskWindow, text: str) -> None:
    for char in text:
        name = "space" if char == " " else char
        tap(qtbot, window.findChild(QPushButton, f"keyboard-key-{name}"))
    settle(qtbot, window)


def settle(qtbot: QtBot, window: KioskWindow) -> None:
    """Wait until the list shows the results of what the field says."""
    qtbot.waitUntil(window.search.settled, timeout=5000)


def titles(window: KioskWindow) -> list[str]:
    model = window.findChild(QListView, "search-results").model()
    return [model.index(r).data() for r in range(model.rowCount())]


def test_hit_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = HitModel()
    model.set_hits([Hit("resource", "a", "A", "Á"), Hit("topic", "t", "T", "")], "es")
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(1)) == "Information: T"
    model.set_rows([(SUGGESTION, Hit("suggestion", "food", "food", "food")),
                    (LINE, Hit("resource", "a", "A", "Á")),
                    (CATEGORY, Hit("category", "health", "Health", "Salud"))], "es",
                   {"a": "Hartford"})
    qtmodeltester.check(model, force_py=True)
    assert [model.data(model.index(r)) for r in range(3)] == [
        "Did you mean: food?", "Help right now: Á  \u2022  Hartford", "See: Salud"]


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
    assert "Willimantic Community Clinic  \u2022  Willimantic" in titles(window)  # name, town
    type_on_screen(qtbot, window, "xq")
    assert window.search.hint.text() == "Nothing found. Try one of these:"
    assert any(t.startswith("Help right now: Crisis line 988") for t in titles(window))
    tap(qtbot, window.findChild(QPushButton, "keyboard-key-backspace"))
    tap(qtbot, window.findChild(QPushButton, "keyboard-key-backspace"))
    settle(qtbot, window)
    assert field.text() == "wil" and "Willimantic" in titles(window)[0]
    tap(qtbot, window.findChild(QPushButton, "keyboard-key-clear"))
    settle(qtbot, window)
    assert field.text() == "" and results.model().rowCount() == 0


def test_tags_find_a_place_and_a_tap_opens_it(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_search()
    type_on_screen(qtbot, window, "sti")
    results = window.findChild(QListView, "search-results")
    tap_row(qtbot, results, 0)
    assert window.current == ("resource", "willimantic-clinic")


def test_a_typo_is_forgiven_and_said(qtbot: QtBot, search_window: KioskWindow) -> None:
    window = search_window
    window.open_search()
    type_on_screen(qtbot, window, "shleter")
    assert titles(window)[0] == "Hope Overnight Shelter  \u2022  Willimantic"
    assert window.search.hint.text() == "Results for \u201cshelter\u201d"


def test_a_crisis_word_puts_988_first(qtbot: QtBot, search_window: KioskWindow) -> None:
    window = search_window
    window.open_search()
    type_on_screen(qtbot, window, "sucide")
    assert titles(window)[0] == "988 Suicide & Crisis Lifeline"
    assert titles(window)[1] == "Emergency (911)"
    assert window.search.hint.text() == "Call or text now. These lines can help right away."
    window.set_language("es")
    settle(qtbot, window)
    assert titles(window)[0] == "Línea 988 de Prevención del Suicidio y Crisis"


def test_a_dead_end_offers_a_word_the_lines_and_the_categories(
        qtbot: QtBot, search_window: KioskWindow) -> None:
    window = search_window
    window.open_search()
    type_on_screen(qtbot, window, "fod")
    shown = titles(window)
    assert shown[0] == "Did you mean: food?"
    assert shown[1:3] == ["Help right now: Emergency (911)",
                          "Help right now: 988 Suicide & Crisis Lifeline"]
    assert "See: Food, housing, money" in shown and "See: Help right now" not in shown
    results = window.findChild(QListView, "search-results")
    tap_row(qtbot, results, 0)
    settle(qtbot, window)
    assert window.search.text() == "food"
    assert titles(window)[0] == "Covenant Food Pantry"
    tap(qtbot, window.findChild(QPushButton, "keyboard-key-clear"))
    type_on_screen(qtbot, window, "qqq")
    row = next(i for i, t in enumerate(titles(window)) if t == "See: Health and testing")
    tap_row(qtbot, results, row)
    assert window.current == ("category", "health")


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
    assert "Clínica Comunitaria de Willimantic  \u2022  Willimantic" in titles(window)


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
    shown = set(titles(window))
    assert "Statewide HIV testing line  \u2022  Statewide" in shown
    assert "Willimantic Community Clinic  \u2022  Willimantic" in shown


# -- off the screen's thread, and only the newest results ---------------------------------------

def test_the_search_runs_off_the_screen_s_thread(qtbot: QtBot, window: KioskWindow,
                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    threads: list[threading.Thread] = []
    original = Searcher.search

    def spying(self: Searcher, *args: object, **kwargs: object) -> Results:
        threads.append(threading.current_thread())
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Searcher, "search", spying)
    window.open_search()
    assert window.search.runner.threaded()
    type_on_screen(qtbot, window, "clinic")
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_results_overtaken_by_a_newer_key_are_dropped(qtbot: QtBot,
                                                      window: KioskWindow) -> None:
    window.open_search()
    screen = window.search
    type_on_screen(qtbot, window, "food")
    shown = titles(window)
    first = screen.runner.latest
    type_on_screen(qtbot, window, "x")  # "foodx": a newer request
    stale = Results("food", [Hit("resource", "crisis-988", "Stale", "Stale")])
    screen._show(first, stale)
    assert "Stale" not in titles(window)
    assert shown  # "food" did find something before


def test_a_search_still_running_when_the_visit_ends_is_not_shown(
        qtbot: QtBot, window: KioskWindow) -> None:
    window.open_search()
    type_on_screen(qtbot, window, "food")
    number = window.search.runner.latest
    window.quick_exit()
    window.search._show(number, Results("food", [Hit("resource", "food-pantry", "F", "F")]))
    assert window.search.model.rowCount() == 0 and window.search.text() == ""


def test_a_store_in_memory_is_searched_in_place(qtbot: QtBot) -> None:
    from kiosk.directory.files import read_directory
    from kiosk.directory.importer import apply_import

    store = Store.memory()
    apply_import(store, read_directory(SEARCH_FIXTURE), who="t", source="t")
    runner = SearchRunner(store, None)
    got: list[Results] = []
    runner.found.connect(lambda n, r: got.append(r))
    runner.request("shleter", "en")
    assert not runner.threaded()
    assert got[0].hits[0].key == "hope-shelter"


def test_opening_the_screen_builds_the_vocabulary_before_the_first_key(
        qtbot: QtBot, window: KioskWindow) -> None:
    assert not window.search.runner.ready()
    window.open_search()
    qtbot.waitUntil(window.search.runner.ready, timeout=5000)


def test_a_long_search_does_not_hold_up_the_keys(qtbot: QtBot, window: KioskWindow,
                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    original = Searcher.search

    def slow(self: Searcher, *args: object, **kwargs: object) -> Results:
        time.sleep(0.3)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    window.open_search()
    qtbot.waitUntil(window.search.runner.ready, timeout=5000)
    monkeypatch.setattr(Searcher, "search", slow)
    start = time.perf_counter()
    window.search.type_text("f")
    window.search.type_text("o")
    assert time.perf_counter() - start < 0.2  # each key waited its short moment only
    assert not window.search.settled()
    settle(qtbot, window)
    assert window.search.results_for == ("fo", "en")
    assert titles(window)[0].startswith("Windham Food Pantry")


def full_rows(window: KioskWindow) -> int:
    """Result rows wholly on view."""
    QApplication.processEvents()
    view = window.search.results
    room = view.viewport().rect()
    model = view.model()
    return sum(1 for r in range(model.rowCount())
               if room.contains(view.visualRect(model.index(r, 0))))


def many_results(window: KioskWindow) -> None:
    hits = [Hit("resource", f"place-{i}", f"Place number {i}", f"Lugar número {i}")
            for i in range(20)]
    window.search.model.set_hits(hits, window.lang)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_results_have_room_above_the_keyboard_at_1280x800(
        qtbot: QtBot, make_window, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The Spanish keyboard's letters cost no extra row: four results show above the keys
    in both languages, and hiding the keyboard shows seven or more."""
    window = make_window(size=(1280, 800), lang=lang)
    tap(qtbot, window.findChild(QPushButton, "search-button"))
    many_results(window)
    assert window.search.keyboard.grid.rowCount() == 4
    assert full_rows(window) >= 4
    tap(qtbot, window.findChild(QPushButton, "keyboard-key-hide"))
    assert not window.search.keyboard.isVisible()
    assert full_rows(window) >= 7
    show = window.findChild(QPushButton, "show-keyboard")
    assert show.isVisible() and show.height() >= 64
    tap(qtbot, show)
    assert window.search.keyboard.isVisible() and not show.isVisible()
    assert full_rows(window) >= 4


def test_a_tap_on_the_field_brings_the_keyboard_back(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_search()
    window.search.hide_keyboard()
    tap(qtbot, window.findChild(QLineEdit, "search-field"))
    assert window.search.keyboard.isVisible()


def test_start_over_brings_the_keyboard_back(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_search()
    window.search.hide_keyboard()
    assert not window.is_pristine()
    window.quick_exit()
    window.open_search()
    assert window.search.keyboard.isVisible()

