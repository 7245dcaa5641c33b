"""A whole visit by touch alone, as the README promises a newcomer can do it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ui.window import KioskWindow
from tests.ui.helpers import tap, tap_row, visible_texts


def button(window: KioskWindow, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_find_sti_testing_near_willimantic_in_spanish_then_leave_no_trace(
        qtbot: QtBot, window: KioskWindow) -> None:
    db = window.store.db
    tables = [r[0] for r in db.execute(
        "select name from sqlite_master where type='table' and name != 'usage_daily'")]
    before = {t: db.execute(f"select * from [{t}]").fetchall() for t in tables}

    tap(qtbot, button(window, "language-toggle"))
    assert "¿Qué necesita?" in visible_texts(window)

    tap(qtbot, button(window, "category-health"))
    tap(qtbot, button(window, "filter-near"))
    assert button(window, "filter-near").text() == "Cerca de Windham"
    view = window.findChild(QListView, "resource-list")
    model = view.model()
    rows = [model.index(r).data() for r in range(model.rowCount())]
    assert rows == ["Clínica Comunitaria de Willimantic"]
    assert "Abierto ahora" in window.category.model.describe(0)

    tap_row(qtbot, view, 0)
    assert window.findChild(QLabel, "resource-phone").text() == "(860)\u00a0555-0142"
    assert "Pruebas gratis y privadas de ETS y VIH. No necesita seguro." in \
        visible_texts(window)
    tap(qtbot, button(window, "add-to-handout"))
    assert button(window, "handout-button").label() == "Mi hoja (1)"

    tap(qtbot, button(window, "handout-button"))
    assert "Clínica Comunitaria de Willimantic" in visible_texts(window.handout_screen)

    tap(qtbot, button(window, "quick-exit"))
    assert window.screen_name() == "home" and window.lang == "en"
    assert window.handout.ids == []
    assert button(window, "handout-button").label() == "Handout (0)"
    assert [f.text() for f in window.findChildren(QLineEdit, "search-field")] in ([], [""])
    assert not any(b.isChecked() for b in window.category.filters.values())
    texts = " ".join(visible_texts(window))
    assert "Willimantic" not in texts and "Clínica" not in texts
    assert not button(window, "back-button").isEnabled()  # no way back into the visit

    after = {t: db.execute(f"select * from [{t}]").fetchall() for t in tables}
    assert after == before
    assert sorted(tuple(r[1:]) for r in db.execute("select * from usage_daily")) == [
        ("category", "health", 1), ("resource", "willimantic-clinic", 1)]


def test_find_it_by_typing_on_the_screen_keyboard(qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, button(window, "language-toggle"))
    tap(qtbot, button(window, "search-button"))
    for char in "ets":
        tap(qtbot, button(window, f"keyboard-key-{char}"))
    qtbot.waitUntil(window.search.settled)  # the search runs on a thread of its own
    results = window.findChild(QListView, "search-results")
    titles = [results.model().index(r).data() for r in range(results.model().rowCount())]
    assert titles[0] == "Clínica Comunitaria de Willimantic  \u2022  Willimantic"
    tap_row(qtbot, results, 0)
    tap(qtbot, button(window, "add-to-handout"))
    tap(qtbot, button(window, "quick-exit"))
    assert window.handout.ids == [] and window.search.text() == ""
    assert window.search.model.rowCount() == 0


def test_the_same_visit_on_the_bundled_directory(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What a newcomer does after the README's run command: the real factory, the real
    bundled Connecticut directory (only its shape is assumed, not its counts)."""
    from kiosk.app import create_main_window

    window = create_main_window(tmp_path / "fresh-kiosk", windowed=True)
    assert isinstance(window, KioskWindow)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        tap(qtbot, button(window, "language-toggle"))
        tap(qtbot, button(window, "category-health"))
        tap(qtbot, button(window, "filter-near"))
        model = window.category.model
        towns = [model.entry(r).town for r in range(model.rowCount())]  # type: ignore[union-attr]
        assert "Willimantic" in towns
        row = towns.index("Willimantic")
        tap_row(qtbot, window.findChild(QListView, "resource-list"), row)
        assert window.screen_name() == "resource"
        tap(qtbot, button(window, "add-to-handout"))
        assert len(window.handout.ids) == 1
        tap(qtbot, button(window, "quick-exit"))
        assert window.handout.ids == [] and window.lang == "en"
        assert window.screen_name() == "home"
    finally:
        window._may_close = True
        window.close()
        window.store.close()
