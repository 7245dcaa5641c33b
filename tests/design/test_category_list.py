"""A category of thousands of places is one view over a model, never a widget per row."""

from __future__ import annotations

from pathlib import Path

from bench import generate
from PySide6.QtWidgets import QListView, QWidget
from pytestqt.qtbot import QtBot

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.store import ListFilter, Store
from kiosk.paths import database_path
from kiosk.ui.category import PAGE, IdRole
from kiosk.ui.window import KioskWindow

SIZE = 3000


def _window(qtbot: QtBot, tmp_path: Path) -> KioskWindow:
    generate.write(tmp_path / "yaml", SIZE, per_file=1500)
    data_dir = tmp_path / "data"
    store = Store.open(database_path(data_dir))
    apply_import(store, read_directory(tmp_path / "yaml"), who="test", source="generated")
    window = KioskWindow(store, data_dir, windowed=True, idle_timeout_s=3600)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_opening_a_big_category_adds_no_widget_per_row(qtbot: QtBot, tmp_path: Path,
                                                        qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path)
    rows = len(window.store.list_ids(generate.LARGEST, ListFilter()))
    assert rows > 900
    window.open_category(generate.LARGEST)
    qtbot.waitUntil(lambda: window.category.isVisible())
    window.open_category("legal")  # build whatever a category screen builds once
    window.open_category(generate.LARGEST)
    before = len(window.findChildren(QWidget))
    window.show_home()
    window.open_category(generate.LARGEST)
    qtbot.waitUntil(lambda: window.category.view.isVisible())
    window.category.view.viewport().repaint()
    after = len(window.findChildren(QWidget))
    assert after - before < 10
    view = window.findChild(QListView, "resource-list")
    assert view is window.category.view
    assert len(view.viewport().findChildren(QWidget)) < 10
    model = view.model()
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_the_rows_are_fetched_in_blocks_not_all_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    window.open_category(generate.LARGEST)
    model = window.category.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    qtbot.waitUntil(lambda: len(model._entries) > 0)  # painted rows ask for their data
    window.category.view.viewport().repaint()
    total = len(window.store.list_ids(generate.LARGEST, ListFilter()))
    assert total > 900
    fetched = len(model._entries)  # rows whose data came from the store
    assert 0 < fetched < 300  # a few screens' worth, not the whole category
    assert model.fetches <= 3


def test_a_category_not_read_yet_shows_its_first_screenful_and_reads_the_rest_in_steps(
        qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    store = window.store
    whole = store._list_ids(generate.LARGEST, ListFilter(), None, "en")
    assert len(whole) > 3 * PAGE
    window.open_category(generate.LARGEST)
    model = window.category.model
    assert len(model.ids) == PAGE  # only the first screenful was read before it was shown
    assert model.total == len(whole)
    assert window.category.count.text() == f"{len(whole)} places"
    qtbot.waitUntil(lambda: len(model.ids) == model.total)  # the rest, in turns of the loop
    assert list(model.ids) == list(whole)
    assert store.list_ids(generate.LARGEST, ListFilter()) is model.ids  # kept for next time


def test_scrolling_past_the_first_screenful_before_the_rest_is_read_reads_it_then(
        qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    whole = window.store._list_ids(generate.LARGEST, ListFilter(), None, "en")
    window.open_category(generate.LARGEST)
    model, view = window.category.model, window.category.view
    assert len(model.ids) == PAGE
    view.doItemsLayout()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the view asks its model for more rows at the bottom
    assert model.rowCount() > PAGE
    assert [model.index(r).data(IdRole) for r in range(model.rowCount())] == \
        list(whole[:model.rowCount()])


def test_a_list_whose_rest_changed_while_it_was_read_is_shown_again(
        qtbot: QtBot, tmp_path: Path) -> None:
    window = _window(qtbot, tmp_path)
    store = window.store
    whole = store._list_ids(generate.LARGEST, ListFilter(), None, "en")
    window.open_category(generate.LARGEST)
    model = window.category.model
    assert len(model.ids) == PAGE
    gone = whole[-1]  # past the first screenful: the rows on screen stay as they are
    store.db.execute("update resources set status = 'inactive' where id = ?", [gone])
    qtbot.waitUntil(lambda: model.total == len(whole) - 1 and len(model.ids) == model.total)
    assert gone not in model.ids
    assert window.category.count.text() == f"{len(whole) - 1} places"
