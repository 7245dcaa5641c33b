""""Something wrong here?" on every place: one tap, a reason, and a count for that place and
reason written when the visit ends, with nothing else."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ui.window import KioskWindow
from tests.ui.helpers import tap


def button(window: KioskWindow, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def rows(window: KioskWindow) -> list[tuple[str, str, int]]:
    return [tuple(r) for r in window.store.db.execute(  # type: ignore[misc]
        "select resource_id, reason, count from reported_wrong order by rowid")]


def test_every_place_offers_it(window: KioskWindow) -> None:
    ids = [r.id for r in window.store.resources(include_inactive=False)]
    assert len(ids) >= 6
    for rid in ids:
        window.open_resource(rid)
        report = window.resource_screen.report
        assert report.ask.isVisibleTo(window), rid
        assert not report.choosing(), rid


def test_one_tap_then_a_reason_counts_once_when_the_visit_ends(
        qtbot: QtBot, window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    tap(qtbot, button(window, "report-wrong"))
    for reason in ("number", "closed", "other"):
        assert button(window, f"report-{reason}").isVisible()
    tap(qtbot, button(window, "report-number"))
    thanks = window.findChild(QLabel, "report-thanks")
    assert thanks.isVisible() and "Staff will check" in thanks.text()
    assert not button(window, "report-wrong").isVisible()
    assert rows(window) == []  # nothing written while the visit goes on
    window.go_back()
    window.open_resource("willimantic-clinic")  # the same visit, back on the same place
    assert thanks.isVisible() and not button(window, "report-wrong").isVisible()
    assert not window.is_pristine()
    window.quick_exit()
    assert rows(window) == [("willimantic-clinic", "number", 1)]
    window.open_resource("willimantic-clinic")  # the next visitor may report it again
    assert button(window, "report-wrong").isVisible() and not thanks.isVisible()


def test_nothing_chosen_counts_nothing(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    tap(qtbot, button(window, "report-wrong"))
    tap(qtbot, button(window, "report-cancel"))
    assert button(window, "report-wrong").isVisible()
    assert not button(window, "report-number").isVisible()
    window.quick_exit()
    assert rows(window) == []


def test_the_choices_follow_the_language_on_the_same_widgets(
        qtbot: QtBot, window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    tap(qtbot, button(window, "report-wrong"))
    number = button(window, "report-number")
    assert number.text() == "The number did not work"
    window.set_language("es")
    assert button(window, "report-number") is number
    assert number.text() == "El número no funcionó" and number.isVisible()


def test_the_write_keeps_no_order_and_no_trace_of_the_visit(
        qtbot: QtBot, window: KioskWindow) -> None:
    """Reports in an order that is not alphabetical: nothing written while the visit goes
    on, one transaction when it ends with the rows in sorted order, and the write-ahead log
    emptied after."""
    said: list[str] = []
    window.store.db.conn.set_trace_callback(said.append)
    for rid, reason in (("willimantic-clinic", "other"), ("hartford-clinic", "closed"),
                        ("food-pantry", "number")):
        window.open_resource(rid)
        tap(qtbot, button(window, "report-wrong"))
        tap(qtbot, button(window, f"report-{reason}"))
    assert not [sql for sql in said if "reported_wrong" in sql]
    said.clear()
    window.quick_exit()
    window.store.db.conn.set_trace_callback(None)
    first = next(i for i, sql in enumerate(said) if "reported_wrong" in sql)
    begin = max(i for i, sql in enumerate(said[:first]) if sql.upper().startswith("BEGIN"))
    commit = next(i for i, sql in enumerate(said) if i > first and sql.upper() == "COMMIT")
    assert all(i in range(begin, commit) for i, sql in enumerate(said)
               if "reported_wrong" in sql)  # one transaction
    assert rows(window) == [("food-pantry", "number", 1), ("hartford-clinic", "closed", 1),
                            ("willimantic-clinic", "other", 1)]
    wal = window.data_dir / "kiosk.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def test_reports_from_many_visits_add_up(qtbot: QtBot, window: KioskWindow) -> None:
    for reason in ("number", "number", "closed"):
        window.open_resource("hartford-clinic")
        window.resource_screen.report.open_choices()
        button(window, f"report-{reason}").click()
        window.quick_exit()
    assert sorted(rows(window)) == [("hartford-clinic", "closed", 1),
                                    ("hartford-clinic", "number", 2)]


def test_a_disk_that_cannot_take_the_reports_never_stops_start_over(
        qtbot: QtBot, window: KioskWindow) -> None:
    window.open_resource("hartford-clinic")
    window.resource_screen.report.open_choices()
    button(window, "report-other").click()
    window.store.db.execute("drop table reported_wrong")  # any write now fails
    with qtbot.waitSignal(window.reset_done):
        window.quick_exit()
    assert window.screen_name() == "home" and window.visit.pristine()
