"""Each visitor screen is a component: made from a `ScreenContext` over an in-memory store
and a fake clock, with no window, asking for other screens only through its signals."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.store import Store
from kiosk.ui.category import CategoryScreen
from kiosk.ui.handout import HandoutScreen
from kiosk.ui.home import HomeScreen
from kiosk.ui.resource import ResourceScreen
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.search import SearchScreen
from kiosk.ui.topic import TopicScreen
from kiosk.ui.visit import Visit
from kiosk.ui.window import SCREENS, KioskWindow
from tests.ui.helpers import FIXTURE, MONDAY_10AM, FakeSpeech, visible_texts


@pytest.fixture
def ctx() -> Iterator[ScreenContext]:
    store = Store.memory(clock=lambda: MONDAY_10AM)
    apply_import(store, read_directory(FIXTURE), who="test", source="fixture")
    yield ScreenContext(store, lambda: MONDAY_10AM, FakeSpeech(), Visit("en"))
    store.close()


def _made(qtbot: QtBot, kind: type[Screen], ctx: ScreenContext) -> Screen:
    screen = kind(ctx)
    qtbot.addWidget(screen)
    screen.resize(1280, 700)
    screen.retranslate()
    return screen


def _button(screen: QWidget, name: str) -> QPushButton:
    found = screen.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_home_asks_for_a_category_a_place_a_topic_and_search(
        qtbot: QtBot, ctx: ScreenContext) -> None:
    home = _made(qtbot, HomeScreen, ctx)
    home.enter()
    with qtbot.waitSignal(home.category_wanted) as wanted:
        _button(home, "category-health").click()
    assert wanted.args == ["health"]
    with qtbot.waitSignal(home.resource_wanted) as wanted:
        _button(home, "help-now-crisis-988").click()
    assert wanted.args == ["crisis-988"]
    with qtbot.waitSignal(home.topic_wanted) as wanted:
        _button(home, "topic-your-rights").click()
    assert wanted.args == ["your-rights"]
    with qtbot.waitSignal(home.search_wanted):
        _button(home, "search-button").click()


def test_a_category_lists_its_places_by_the_injected_clock(
        qtbot: QtBot, ctx: ScreenContext) -> None:
    screen = _made(qtbot, CategoryScreen, ctx)
    assert isinstance(screen, CategoryScreen)
    screen.enter("health")
    assert screen.model.rowCount() >= 2
    opened = [screen.model.is_open(r) for r in range(screen.model.rowCount())]
    assert True in opened  # Monday 10:00, by the fake clock, not the machine's
    with qtbot.waitSignal(screen.resource_wanted) as wanted:
        screen._open_row(screen.model.index(0))
    assert wanted.args == [screen.model.ids[0]]


def test_a_place_and_its_handout_button_use_the_visit(qtbot: QtBot, ctx: ScreenContext) -> None:
    screen = _made(qtbot, ResourceScreen, ctx)
    screen.enter("willimantic-clinic")
    assert "Willimantic Community Clinic" in visible_texts(screen)
    _button(screen, "add-to-handout").click()
    assert ctx.visit.handout.ids == ["willimantic-clinic"]
    _button(screen, "read-aloud").click()
    speech = ctx.speech
    assert isinstance(speech, FakeSpeech)
    assert speech.said and speech.said[0][1] == "en"
    assert "Willimantic Community Clinic" in speech.said[0][0]


def test_a_topic_asks_for_the_places_it_names(qtbot: QtBot, ctx: ScreenContext) -> None:
    screen = _made(qtbot, TopicScreen, ctx)
    screen.enter("your-rights")
    with qtbot.waitSignal(screen.resource_wanted) as wanted:
        _button(screen, "related-willimantic-clinic").click()
    assert wanted.args == ["willimantic-clinic"]


def test_search_asks_for_what_was_found(qtbot: QtBot, ctx: ScreenContext) -> None:
    screen = _made(qtbot, SearchScreen, ctx)
    assert isinstance(screen, SearchScreen)
    for char in "clinic":
        screen.type_text(char)
    assert not screen.pristine()
    row = next(i for i, hit in enumerate(screen.model.hits) if hit.kind == "resource")
    with qtbot.waitSignal(screen.resource_wanted) as wanted:
        screen._open(screen.model.index(row))
    assert wanted.args == [screen.model.hits[row].key]
    screen.reset()
    assert screen.pristine()


def test_the_handout_screen_asks_the_window_to_print(qtbot: QtBot, ctx: ScreenContext) -> None:
    ctx.visit.handout.add("willimantic-clinic")
    screen = _made(qtbot, HandoutScreen, ctx)
    screen.enter()
    assert "Willimantic Community Clinic" in visible_texts(screen)
    assert isinstance(screen, HandoutScreen)
    with qtbot.waitSignal(screen.print_wanted):
        _button(screen, "print-handout").click()
    _button(screen, "remove-willimantic-clinic").click()
    assert ctx.visit.handout.ids == []


def test_the_window_builds_only_home_before_it_is_shown(window: KioskWindow) -> None:
    """The other screens are made the first time a visitor opens them."""
    assert list(window.screens) == ["home"]
    window.open_search()
    assert set(window.screens) == {"home", "search"}
    window.open_category("health")
    assert set(window.screens) == {"home", "search", "category"}
    assert set(SCREENS) == {"home", "category", "resource", "topic", "search", "handout"}
