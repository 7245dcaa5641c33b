from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QListView, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kiosk.directory.model import Category, LocalText, Phone, Resource
from kiosk.directory.store import Store
from kiosk.ui.category import ResourceListModel
from kiosk.ui.window import KioskWindow
from tests.ui.helpers import MONDAY_10AM, drag, grab, tap, tap_row


def _many(store: Store, n: int) -> None:
    store.write_category(Category("big", LocalText("Big", "Grande")))
    with store.db.atomic():
        store.insert_resources([
            Resource(f"r{i:05d}", LocalText(f"Place {i:05d}"), ("big",),
                     LocalText("x"), (), phones=(Phone("+18605550100", "(860) 555-0100"),))
            for i in range(n)])


def test_list_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    store = Store.memory(lambda: MONDAY_10AM)
    _many(store, 300)
    model = ResourceListModel(store, lambda: MONDAY_10AM)
    model.set_ids(store.list_ids("big"))
    assert model.rowCount() == 200 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)  # also fetches the rest
    assert model.rowCount() == 300 and not model.canFetchMore(QModelIndex())


def test_list_model_fetches_only_the_rows_it_is_asked_for() -> None:
    store = Store.memory(lambda: MONDAY_10AM)
    _many(store, 30_000)
    model = ResourceListModel(store, lambda: MONDAY_10AM)
    model.set_ids(store.list_ids("big"))
    assert model.fetches == 0  # no row data until a row is painted
    assert model.rowCount() == 200  # the view lays out a page of rows, not 30,000
    while model.rowCount() <= 15_030:
        model.fetchMore(QModelIndex())
    assert model.fetches == 0
    assert model.data(model.index(15_000)) == "Place 15000"
    assert model.fetches == 1 and len(model._entries) <= 60
    for row in range(15_000, 15_030):
        model.data(model.index(row))
    assert model.fetches == 1  # the block around the first row serves its neighbours


def test_rows_show_name_town_phone_badge_and_chips(window: KioskWindow) -> None:
    window.open_category("health")
    model = window.category.model
    rows = {model.ids[r]: model.describe(r) for r in range(model.rowCount())}
    assert rows["willimantic-clinic"] == [
        "Willimantic Community Clinic", "Willimantic", "(860) 555-0142", "Open now", "Free",
        "Español"]
    assert rows["hartford-clinic"] == ["Hartford Family Health", "Hartford",
                                       "(860) 555-0199", "Closed"]
    assert rows["statewide-testing"][1] == "Statewide"
    assert "Open now" not in rows["statewide-testing"]  # no hours: no badge


def test_the_open_badge_is_painted_in_its_colours(window: KioskWindow) -> None:
    window.open_category("health")
    view = window.findChild(QListView, "resource-list")
    row = window.category.model.ids.index("willimantic-clinic")
    view.scrollTo(window.category.model.index(row))
    rect = view.visualRect(window.category.model.index(row))
    image = grab(view.viewport()).copy(rect)
    colours = {image.pixelColor(x, y).name().upper()
               for x in range(image.width()) for y in range(image.height())}
    assert window.theme.colors["open_bg"] in colours
    assert window.theme.colors["chip_bg"] in colours


def test_filters_narrow_the_list(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_category("health")
    ids = lambda: set(window.category.model.ids)  # noqa: E731
    assert ids() == {"willimantic-clinic", "hartford-clinic", "statewide-testing"}
    near = window.findChild(QPushButton, "filter-near")
    assert near.text() == "Near Windham"
    tap(qtbot, near)
    assert ids() == {"willimantic-clinic"}
    tap(qtbot, window.findChild(QPushButton, "filter-statewide"))
    assert not near.isChecked()  # one or the other
    assert ids() == {"statewide-testing"}
    tap(qtbot, window.findChild(QPushButton, "filter-statewide"))
    tap(qtbot, window.findChild(QPushButton, "filter-open"))
    assert ids() == {"willimantic-clinic"}
    tap(qtbot, window.findChild(QPushButton, "filter-open"))
    tap(qtbot, window.findChild(QPushButton, "filter-free"))
    assert ids() == {"willimantic-clinic", "statewide-testing"}
    tap(qtbot, window.findChild(QPushButton, "filter-spanish"))
    tap(qtbot, near)
    assert ids() == {"willimantic-clinic"}
    assert window.category.count.text() == "1 place"


def test_no_match_says_so(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_category("basic-needs")
    tap(qtbot, window.findChild(QPushButton, "filter-spanish"))
    assert window.category.empty.isVisible()
    assert not window.findChild(QListView, "resource-list").isVisible()


def test_tapping_a_row_opens_the_place(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_category("health")
    view = window.findChild(QListView, "resource-list")
    row = window.category.model.ids.index("hartford-clinic")
    tap_row(qtbot, view, row)
    assert window.current == ("resource", "hartford-clinic")


def test_a_mouse_click_on_a_row_opens_it_too(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_category("health")
    view = window.findChild(QListView, "resource-list")
    rect = view.visualRect(window.category.model.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.screen_name() == "resource"


def test_a_finger_drag_scrolls_a_long_list(qtbot: QtBot, window: KioskWindow) -> None:
    _many(window.store, 500)
    window.open_category("big")
    view = window.findChild(QListView, "resource-list")
    bar = view.verticalScrollBar()
    assert bar.value() == 0
    h = view.viewport().height()
    drag(qtbot, view.viewport(), QPoint(200, h - 40), QPoint(200, 60))
    qtbot.waitUntil(lambda: bar.value() > 200, timeout=3000)
    assert window.screen_name() == "category"  # a drag is not a tap


def test_entry_text_is_never_read_as_markup(window: KioskWindow) -> None:
    window.open_resource("markup-test")
    assert window.resource_screen.name.text() == "<img src=x> <b>Call</b>"
    assert window.resource_screen.name.textFormat() == Qt.TextFormat.PlainText
    window.open_category("basic-needs")
    model = window.category.model
    row = model.ids.index("markup-test")
    assert model.data(model.index(row)) == "<img src=x> <b>Call</b>"


def test_open_now_follows_the_clock(make_window) -> None:  # type: ignore[no-untyped-def]
    saturday = dt.datetime(2026, 11, 28, 10, 0)
    window = make_window(clock=lambda: saturday)
    window.open_category("health")
    model = window.category.model
    rows = {model.ids[r]: model.is_open(r) for r in range(model.rowCount())}
    assert rows == {"willimantic-clinic": False, "hartford-clinic": True,
                    "statewide-testing": None}


def test_a_category_links_its_information_pages(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_category("health")
    link = window.findChild(QPushButton, "category-topic-your-rights")
    assert link.text() == "Good to know: Your rights at a clinic"
    tap(qtbot, link)
    assert window.current == ("topic", "your-rights")
    window.open_category("basic-needs")
    assert window.findChild(QPushButton, "category-topic-your-rights") is None


def test_a_row_never_cuts_its_number_only_the_town(window: KioskWindow) -> None:
    from PySide6.QtGui import QFontMetrics

    from kiosk.ui.category import ResourceDelegate

    metrics = QFontMetrics(window.font())
    number = "(860) 555-0142"
    phone_width = metrics.horizontalAdvance(f"   \u2022   {number}")
    line = ResourceDelegate.second_line(metrics, "North Stonington Village Green", number,
                                        phone_width + 40)
    assert line.endswith(number) and "\u2026" in line
    assert metrics.horizontalAdvance(line) <= phone_width + 40
    assert ResourceDelegate.second_line(metrics, "Statewide", "", 400) == "Statewide"


def test_a_filter_keeps_its_place_and_size_when_tapped(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    """Checked, a filter is drawn in bold with a check mark; it was already sized for that."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from tests.ui.helpers import tap

    for size, steps, rows in (((1280, 800), 0, 1), ((1080, 1920), 2, 2)):
        window = make_window(size=size, lang="es")
        for _ in range(steps):
            window.cycle_text_size()
        window.open_category("health")
        QApplication.processEvents()

        def places(window: KioskWindow = window) -> dict[str, QRect]:
            QApplication.processEvents()
            return {name: QRect(b.mapTo(window, b.rect().topLeft()), b.size())
                    for name, b in window.category.filters.items()}

        before = places()
        assert len({r.y() for r in before.values()}) == rows, size
        tap(qtbot, window.category.filters["near"])
        assert window.category.filters["near"].isChecked()
        assert places() == before, size
        assert window.category.filters["near"].text() == "Cerca de Windham"  # not cut
