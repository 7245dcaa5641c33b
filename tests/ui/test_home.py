from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.app import create_main_window
from kiosk.datadir import open_data_dir
from kiosk.directory.store import ListFilter
from kiosk.ui.window import KioskWindow
from tests.ui.helpers import FIXTURE, drag, grab, tap, visible_texts


def test_create_main_window_fills_an_empty_folder_and_shows_home(
        qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "new-kiosk"
    open_data_dir(data_dir, bundled=FIXTURE).close()
    window = create_main_window(data_dir, windowed=True, idle_timeout_s=30, lang="es")
    qtbot.addWidget(window)
    assert isinstance(window, QMainWindow) and isinstance(window, KioskWindow)
    assert window.data_dir == data_dir and window.lang == "es"
    assert window.idle.idle_timer.interval() == 30_000  # the timer that fires, not a copy
    window.show()
    assert window.findChild(QPushButton, "category-health").accessibleName() == \
        "Salud y pruebas"


class _FirstPaint(QObject):
    """Notes, at a window's first paint, whether home's lower sections are shown."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lower_shown: bool | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.lower_shown is None:
            self.lower_shown = self.window.home.lower_sections.isVisible()
        return False


# The test directory's three crisis lines leave room for What do you need? at 1280x800.
@pytest.mark.parametrize(("size", "in_first_frame"), [((1280, 480), False),
                                                      ((1280, 800), True),
                                                      ((1080, 1920), True)])
def test_the_start_leaves_what_is_below_the_first_screenful_for_after_the_first_frame(
        qtbot: QtBot, tmp_path: Path, size: tuple[int, int], in_first_frame: bool) -> None:
    data_dir = tmp_path / "kiosk"
    open_data_dir(data_dir, bundled=FIXTURE).close()
    window = create_main_window(data_dir, windowed=True)
    qtbot.addWidget(window)
    first_paint = _FirstPaint(window)
    window.installEventFilter(first_paint)
    window.resize(*size)
    with qtbot.waitSignal(window.first_frame, timeout=5000):
        window.show()
    assert first_paint.lower_shown is in_first_frame  # on a tall screen it is in view
    qtbot.waitUntil(lambda: window.home.lower_sections.isVisible(), timeout=1000)
    tile = window.findChild(QPushButton, "category-health")
    assert tile.isVisible() and tile.height() > 0
    window._may_close = True


def test_home_shows_crisis_lines_by_priority_with_911_first(window: KioskWindow) -> None:
    tiles = window.home.phone_tiles
    assert [t.objectName() for t in tiles] == [
        "help-now-911", "help-now-crisis-988", "help-now-trafficking-hotline"]
    assert tiles[2].texts()[1] == "(888)\u00a0373-7888"  # one piece: it never breaks
    texts = visible_texts(window.home)
    assert "Help right now" in texts and "911" in texts


def test_home_has_a_button_for_each_visible_category_and_topic(window: KioskWindow) -> None:
    names = {b.objectName() for b in window.home.findChildren(QPushButton)}
    for slug in ("health", "harm-reduction", "safety-shelter", "trafficking", "basic-needs"):
        assert f"category-{slug}" in names
    assert "category-help-now" not in names  # it is the strip at the top
    assert {"topic-your-rights", "topic-naloxone", "search-button"} <= names


def test_tapping_a_category_opens_its_list(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.findChild(QPushButton, "category-health"))
    assert window.screen_name() == "category"
    assert window.category.title.text() == "Health and testing"


def test_tapping_a_crisis_line_opens_it(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.findChild(QPushButton, "help-now-crisis-988"))
    assert window.screen_name() == "resource"
    assert window.findChild(QPushButton, "add-to-handout").isVisible()


def test_header_buttons_stay_in_the_same_place_on_every_screen(
        qtbot: QtBot, window: KioskWindow) -> None:
    def places() -> dict[str, tuple[int, int]]:
        return {b.objectName(): (b.mapTo(window, b.rect().topLeft()).x(), b.width())
                for b in window.header.buttons()}

    home = places()
    window.open_category("health")
    assert places() == home
    window.open_resource("willimantic-clinic")
    assert places() == home
    window.open_search()
    assert places() == home
    window.open_topic("your-rights")
    assert places() == home
    window.open_handout()
    assert places() == home


def _add_crisis_lines(store: Any, count: int) -> None:
    """`count` more crisis lines like 988, named Line 00, Line 01..."""
    from dataclasses import replace

    from kiosk.directory.model import LocalText

    template = store.resource("crisis-988")
    assert template is not None
    for i in range(count):
        store.write_resource(replace(template, id=f"line-{i:02d}", priority=0,
                                     name=LocalText(f"Line {i:02d}", f"Línea {i:02d}")))


def test_a_long_list_of_crisis_lines_shows_the_first_few_and_a_way_to_all(
        qtbot: QtBot, window: KioskWindow) -> None:
    from kiosk.ui.home import HELP_NOW_TILES

    store = window.store
    _add_crisis_lines(store, 40)
    total = len(store.list_ids("help-now"))
    window.refresh()
    window.show_home()
    names = [t.objectName() for t in window.home.phone_tiles]
    assert names[0] == "help-now-911"
    assert len(names) == HELP_NOW_TILES + 1 and names[-1] == "help-now-more"
    assert window.home.phone_tiles[-1].texts()[1] == f"See all {total}"
    tap(qtbot, window.findChild(QPushButton, "help-now-more"))
    assert window.screen_name() == "category"
    assert window.category.model.rowCount() == total


def test_home_reads_only_the_first_crisis_lines_and_their_count(
        monkeypatch: pytest.MonkeyPatch, window: KioskWindow) -> None:
    """Before the first frame home needs six lines and a count, not the whole list in order
    (thousands of ids at 100,000 entries): the sorted list is read when the category opens."""
    store = window.store
    _add_crisis_lines(store, 40)
    whole = store._list_ids("help-now", ListFilter(), None, "en")

    def whole_list(*args: Any) -> Any:
        raise AssertionError("home read the whole list of crisis lines")

    monkeypatch.setattr(store, "_list_ids", whole_list)
    window.refresh()
    window.show_home()
    tiles = window.home.phone_tiles
    assert [t.objectName() for t in tiles[1:-1]] == [f"help-now-{rid}" for rid in whole[:5]]
    assert tiles[-1].texts()[1] == f"See all {len(whole)}"


def test_a_finger_scroll_leaves_no_tile_drawn_as_pressed(
        qtbot: QtBot, window: KioskWindow) -> None:
    tile = window.findChild(QPushButton, "category-health")
    other = window.findChild(QPushButton, "category-basic-needs")
    area = window.home.scroll_area
    qtbot.waitUntil(lambda: window.home._scroller is not None)  # once the first frame is up
    start = tile.mapTo(area.viewport(), tile.rect().center())
    drag(qtbot, area.viewport(), start, start - QPoint(0, 200))
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 0, timeout=1000)
    qtbot.wait(50)
    assert [b.objectName() for b in window.findChildren(QPushButton) if b.isDown()] == []
    inside = QPoint(12, tile.height() // 2)  # the tile's own background, by its edge
    assert grab(tile).pixel(inside) == grab(other).pixel(inside)
    assert window.screen_name() == "home"  # and the drag opened nothing


def test_finger_scrolling_on_home_waits_for_the_first_frame(qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    """The gesture machinery's first use costs milliseconds of every start: home's drag
    and fling are switched on once the first frame is up, and a home made later (after
    the database was restored) has them at once."""
    from kiosk.ui.speech import NoSpeech

    store = open_data_dir(tmp_path / "data", bundled=FIXTURE)
    window = KioskWindow(store, tmp_path / "data", speech=NoSpeech())
    qtbot.addWidget(window)
    assert window.home._scroller is None
    assert window.home.scroll_area.horizontalScrollBarPolicy() == \
        Qt.ScrollBarPolicy.ScrollBarAlwaysOff  # laid out as it will scroll
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.first_frame, timeout=5000):
        pass
    assert window.home._scroller is not None
    window.start_again()
    assert window.home._scroller is not None
    window.close()
    store.close()


def test_after_the_first_frame_every_screen_is_made_then_started_is_told(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What waits for the first frame runs one step per turn of the event loop and ends
    with every visitor screen made, and the database's check on its thread ends with the
    day's backup; `started` says when both are done (the benchmark measures from then)."""
    import kiosk.app

    checked = kiosk.app._deep_check
    go_on = threading.Event()

    def slow_check(*args: Any) -> Any:  # a large database: the screens are made first
        go_on.wait(10)
        return checked(*args)

    monkeypatch.setattr(kiosk.app, "_deep_check", slow_check)
    data_dir = tmp_path / "data"
    open_data_dir(data_dir, bundled=FIXTURE).close()
    window = create_main_window(data_dir, windowed=True)
    qtbot.addWidget(window)
    assert not window.settled()
    told: list[bool] = []
    window.started.connect(lambda: told.append(True))
    with qtbot.waitSignal(window.first_frame, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: set(window.screens) == set(window._screen_types), timeout=15000)
    qtbot.wait(50)
    assert not window.settled()  # the check is still going
    go_on.set()
    qtbot.waitUntil(window.settled, timeout=15000)
    assert told == [True]
    assert len(list((data_dir / "backups").glob("*-daily.db"))) == 1
    window._may_close = True
    window.close()
    window.store.close()


def test_home_draws_each_icon_once_and_again_when_its_colour_or_size_changes(
        make_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawing an SVG icon is a good part of building home before the first frame: a tile
    draws its icon when first styled, not again for the same colour and size."""
    import kiosk.ui.widgets as widgets

    drawn: list[tuple[str, str, int]] = []
    real = widgets.icon_pixmap

    def counting(name: str, color: str, size: int, *args: Any) -> Any:
        drawn.append((name, color, size))
        return real(name, color, size, *args)

    monkeypatch.setattr(widgets, "icon_pixmap", counting)
    window = make_window()
    QApplication.processEvents()  # painted
    tiles = window.home.category_buttons
    assert tiles and drawn
    # the header's icons are on the first screenful, drawn; the categories' are below it
    assert {b.icon_name for b in window.header.buttons()} <= {name for name, _, _ in drawn}
    viewport = window.home.scroll_area.viewport()
    below = [t for t in tiles if t.mapTo(viewport, t.rect().topLeft()).y() > viewport.height()]
    assert below, "at 1280 x 800 some category tiles are below the first screenful"
    assert not {t.icon_name for t in below} & {name for name, _, _ in drawn}
    for tile in tiles:
        assert not tile.icon_pixmap().isNull()  # drawn when wanted (painted, or asked)
    assert len(drawn) == len(set(drawn)), sorted(drawn)
    health = window.findChild(QPushButton, "category-health")
    health.recolor(window.theme.colors["ink"], window.theme.scale)  # the same: kept
    assert not health.icon_pixmap().isNull()
    assert sum(1 for name, _, _ in drawn if name == health.icon_name) == 1

    drawn.clear()
    window.cycle_text_size()  # bigger icons: every tile draws again
    for tile in tiles:
        tile.icon_pixmap()
    assert {name for name, _, _ in drawn} >= {t.icon_name for t in tiles}
    assert len(drawn) == len(set(drawn))
    scale = window.theme.scale
    assert health.icon_pixmap().width() == round(health.icon_size * scale) > health.icon_size
