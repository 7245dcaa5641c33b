from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListView, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.directory.store import ListFilter
from kiosk.directory.vocabulary import stemmer, stems
from kiosk.printing.render import _unit_qr_path
from kiosk.qr import qr_modules
from kiosk.ui.home import HELP_NOW
from kiosk.ui.resource import qr_pixmap
from kiosk.ui.theme import Theme
from kiosk.ui.window import KioskWindow
from tests.ui.helpers import drag, grab, tap


def _look_around(qtbot: QtBot, window: KioskWindow, typed: str) -> None:
    """Search for `typed`, open health with a filter, and add a place to the handout."""
    window.open_search()
    for char in typed:
        tap(qtbot, window.findChild(QPushButton, f"keyboard-key-{char}"))
    window.open_category("health")
    tap(qtbot, window.findChild(QPushButton, "filter-free"))
    window.open_resource("willimantic-clinic")
    tap(qtbot, window.findChild(QPushButton, "add-to-handout"))


def _dirty(qtbot: QtBot, window: KioskWindow) -> None:
    window.set_language("es")
    window.cycle_text_size()
    window.toggle_contrast()
    _look_around(qtbot, window, "cli")
    window.resource_screen.scroll_area.verticalScrollBar().setValue(200)


def _assert_clean(window: KioskWindow) -> None:
    assert window.current == ("home", "") and window.history == []
    assert window.stack.currentWidget() is window.home
    assert window.handout.ids == []
    assert window.lang == "en"
    assert window.theme == Theme(False, 0)
    assert window.findChild(QLineEdit, "search-field").text() == ""
    assert not window.findChild(QLineEdit, "search-field").isUndoAvailable()
    assert not any(b.isChecked() for b in window.category.filters.values())
    assert window.category.model.rowCount() == 0
    assert window.resource_screen.resource is None
    assert window.resource_screen.scroll_area.verticalScrollBar().value() == 0
    assert window.home.scrolled_to_top()
    assert window.findChild(QPushButton, "handout-button").label() == "Handout (0)"
    assert window.findChild(QPushButton, "language-toggle").label() == "Español"
    assert not window.findChild(QFrame, "still-there-dialog").isVisible()
    assert window.is_pristine()


def test_quick_exit_forgets_everything_in_one_tap(qtbot: QtBot, window: KioskWindow) -> None:
    _dirty(qtbot, window)
    quick_exit = window.findChild(QPushButton, "quick-exit")
    assert quick_exit.label() == "Empezar de nuevo"
    with qtbot.waitSignal(window.reset_done, timeout=1000):
        tap(qtbot, quick_exit)
    _assert_clean(window)


def test_what_was_worked_out_for_the_visit_goes_with_it(qtbot: QtBot,
                                                       window: KioskWindow) -> None:
    """The codes drawn for the places a visitor looked at, on the screen and on the handout,
    and the stems of the words they typed, are not kept for the next visitor."""
    _look_around(qtbot, window, "clinic")
    window.open_handout()
    window.print_handout()
    searcher = window.search.runner._searcher
    assert searcher is not None and searcher._fields  # the words of the places it found
    assert {key[0] for key in window.store._lists} > {HELP_NOW}
    kept = {"drawn codes": qr_pixmap, "codes": qr_modules, "printed codes": _unit_qr_path,
            "stems": stems}
    assert all(cache.cache_info().currsize > 0 for cache in kept.values())
    with qtbot.waitSignal(window.reset_done, timeout=1000):
        tap(qtbot, window.findChild(QPushButton, "quick-exit"))
    assert {name: cache.cache_info().currsize for name, cache in kept.items()} == dict.fromkeys(
        kept, 0)
    assert all(key[0] == HELP_NOW and key[1] == ListFilter()  # the lists it opened: gone
               for key in window.store._lists)
    searcher = window.search.runner._searcher
    assert searcher is not None
    qtbot.waitUntil(lambda: searcher._fields == {}, timeout=2000)  # dropped on its thread
    # The stemmers behind `stems` keep no words of their own: PyStemmer's cache (10,000
    # words unless told otherwise) would hold the typed words past the visit.
    assert stemmer("en").maxCacheSize == stemmer("es").maxCacheSize == 0


def test_quick_exit_looks_like_every_other_header_button(window: KioskWindow) -> None:
    quick_exit = window.findChild(QPushButton, "quick-exit")
    home = window.findChild(QPushButton, "home-button")
    assert quick_exit.property("variant") == home.property("variant") == "bar"
    assert quick_exit.height() == home.height()
    image = quick_exit.grab().toImage()
    background = image.pixelColor(quick_exit.width() // 2, 6).name().upper()
    assert background == window.theme.colors["surface"]  # not red, not highlighted
    assert "exit" not in quick_exit.label().lower()


def test_idle_asks_then_starts_over(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(idle_timeout_s=0.3)
    window.settings.set("still_there_s", 0.6)
    window.idle.still_there_s = 0.6
    _dirty(qtbot, window)
    dialog = window.findChild(QFrame, "still-there-dialog")
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert window.still_there.title.text() == "¿Sigue ahí?"
    assert dialog.geometry() == window.centralWidget().rect()  # covers the whole screen
    with qtbot.waitSignal(window.reset_done, timeout=3000):
        pass
    _assert_clean(window)


def test_any_touch_answers_are_you_still_there(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(idle_timeout_s=0.2)
    window.idle.still_there_s = 30
    window.open_resource("willimantic-clinic")
    dialog = window.findChild(QFrame, "still-there-dialog")
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert "30 seconds" in window.still_there.countdown.text()
    tap(qtbot, dialog, QPoint(20, 20))
    assert not dialog.isVisible()
    assert window.current == ("resource", "willimantic-clinic")


def test_countdown_counts_down(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(idle_timeout_s=0.1)
    window.idle.still_there_s = 2.5
    window.open_topic("naloxone")
    qtbot.waitUntil(window.still_there.isVisible, timeout=3000)
    first = window.still_there.remaining
    qtbot.waitUntil(lambda: window.still_there.remaining < first, timeout=3000)
    assert window.still_there.remaining >= 1


def test_nobody_is_asked_when_there_is_nothing_to_forget(
        qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    """The quiet spell does end (twice here), and each time the kiosk, finding nothing to
    forget, asks no one and waits again."""
    window = make_window(idle_timeout_s=0.1)
    for _ in range(2):
        with qtbot.waitSignal(window.idle.ask, timeout=2000):
            pass
        assert not window.still_there.isVisible()
        assert window.idle.idle_timer.isActive() and not window.idle.countdown.isActive()
    window.open_resource("willimantic-clinic")  # now there is something: it asks
    qtbot.waitUntil(window.still_there.isVisible, timeout=2000)


def test_idle_times_come_from_the_settings(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(settings={"idle_timeout_s": 45, "still_there_s": 8})
    assert window.idle.timeout_s == 45 and window.idle.still_there_s == 8
    assert window.idle.idle_timer.interval() == 45_000


def test_nothing_but_daily_counts_is_written(qtbot: QtBot, window: KioskWindow) -> None:
    db = window.store.db

    def snapshot() -> dict[str, list[tuple]]:
        tables = [r[0] for r in db.execute(
            "select name from sqlite_master where type = 'table' "
            "and name not like '%fts%' and name != 'usage_daily'")]
        return {t: db.execute(f"select * from [{t}]").fetchall() for t in tables}

    before = snapshot()
    files_before = sorted(p.name for p in window.data_dir.rglob("*") if p.is_file())
    _dirty(qtbot, window)
    window.quick_exit()
    assert snapshot() == before
    usage = db.execute("select * from usage_daily").fetchall()
    assert {tuple(r[1:]) for r in usage} == {("category", "health", 1),
                                             ("resource", "willimantic-clinic", 1)}
    assert all(len(r) == 4 for r in usage)  # day, kind, key, count: no time, no order
    files_after = sorted(p.name for p in window.data_dir.rglob("*") if p.is_file())
    assert set(files_after) - set(files_before) <= {"kiosk.db-wal", "kiosk.db-shm",
                                                    "kiosk_es.qm"}


def test_the_kiosk_cannot_be_closed_by_a_visitor(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(windowed=False)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted()
    window.close()
    assert window.isVisible()
    target = window.findChild(QPushButton, "home-button")
    for key, mods in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)):
        qtbot.keyClick(target, key, mods)
        assert window.isVisible()


def test_windowed_closes_normally(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(windowed=True)
    qtbot.keyClick(window.findChild(QPushButton, "home-button"), Qt.Key.Key_Q,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=1000)


def test_holding_the_corner_asks_for_the_staff_screens(
        qtbot: QtBot, window: KioskWindow) -> None:
    opened: list[bool] = []
    window.admin_wanted.connect(lambda: opened.append(True))
    corner = window.findChild(QWidget, "admin-corner")
    assert corner.geometry().topLeft() == QPoint(0, 0) and corner.width() == 96
    assert corner.timer.interval() == 3000 and corner.timer.isSingleShot()  # three seconds
    corner.timer.setInterval(200)  # (held for real in tests/admin/test_getting_in.py)
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.wait(300)
    assert opened == []  # a tap is not enough
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(lambda: opened == [True], timeout=2000)
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def test_a_finger_drag_scrolls_the_home_screen(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size=(1280, 800))
    qtbot.waitUntil(lambda: window.home._scroller is not None)  # once the first frame is up
    bar = window.home.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    viewport = window.home.scroll_area.viewport()
    h = viewport.height()
    drag(qtbot, viewport, QPoint(640, h * 3 // 4), QPoint(640, h // 4))
    qtbot.waitUntil(lambda: bar.value() > 50, timeout=3000)
    assert window.screen_name() == "home"


def test_refresh_shows_a_staff_edit_at_once(window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    resource = window.store.resource("willimantic-clinic")
    assert resource is not None
    from kiosk.directory.model import LocalText

    window.store.write_resource(resource.with_changes(name=LocalText("Renamed Clinic")))
    window.refresh()
    assert window.resource_screen.name.text() == "Renamed Clinic"
    window.open_category("health")
    view = window.findChild(QListView, "resource-list")
    names = [view.model().index(r).data() for r in range(view.model().rowCount())]
    assert "Renamed Clinic" in names


def test_run_exits_after_the_first_frame(tmp_path: Path) -> None:
    import subprocess

    from kiosk.datadir import open_data_dir
    from tests.ui.helpers import FIXTURE

    data_dir = tmp_path / "run"
    open_data_dir(data_dir, bundled=FIXTURE).close()
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), "--windowed",
         "--exit-after-first-frame"], capture_output=True, text=True, timeout=60,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr


def test_are_you_still_there_hides_what_was_on_screen(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    window.still_there.ask(15)
    qtbot.waitUntil(window.still_there.isVisible)
    image = grab(window)
    phone = window.findChild(QLabel, "resource-phone")
    rect = phone.rect().translated(phone.mapTo(window, QPoint(0, 0)))
    colours = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right(), 3)
               for y in range(rect.top(), rect.bottom(), 3)
               if not window.findChild(QFrame, "still-there-card").geometry().contains(
                   window.still_there.mapFrom(window, QPoint(x, y)))}
    assert colours == {window.theme.colors["overlay"].lower()}


def test_screens_rebuilt_again_and_again_do_not_pile_up_widgets(
        qtbot: QtBot, window: KioskWindow) -> None:
    from PySide6.QtWidgets import QApplication

    def visit() -> None:
        window.toggle_language()
        window.open_category("health")
        window.open_resource("willimantic-clinic")
        window.open_topic("your-rights")
        window.cycle_text_size()
        window.show_home()
        QApplication.processEvents()  # driven without an event loop, like a benchmark

    visit()
    before = len(QApplication.allWidgets())
    for _ in range(5):
        visit()
    assert len(QApplication.allWidgets()) <= before + 5
