"""The admin opens on its work queue, and keeping entries fresh is its fastest path: tap a
line, check the entry, one tap on "Checked today, next", and the next entry is open."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.directory.reports import record
from kiosk.staff import freshness
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import child, tap
from tests.ui.helpers import tap_row


def test_open_check_next(qtbot: QtBot, admin: AdminShell, window: KioskWindow) -> None:
    screen = admin.screen
    queue = screen.queue
    assert queue.isVisible() and child(screen, "nav-queue").isChecked()  # type: ignore[attr-defined]
    assert [(line.kind, line.resource_id) for line in queue.model.lines] == [
        ("stale", "windham-clinic"), ("never-checked", "markup-test"),
        ("never-checked", "hartford-pantry")]
    assert queue.model.index(0, 0).data() == (
        "Windham Clinic\nLast checked 2026-01-10, 317 days ago")
    tap_row(qtbot, queue.view, 0)
    editor = screen.editor
    assert editor.isVisible() and editor.resource_id == "windham-clinic"
    assert editor.queue_where.text().startswith("Work queue: 1 of 3")
    next_button = child(editor, "checked-today")
    assert next_button.text() == "Checked today, next"  # type: ignore[attr-defined]
    tap(qtbot, next_button)
    saved = window.store.resource("windham-clinic")
    assert saved is not None and saved.verified_on == dt.date(2026, 11, 23)
    assert saved.verified_by == "AB"
    assert editor.resource_id == "markup-test"  # the next one, at once
    assert editor.queue_where.text().startswith("Work queue: 2 of 3")
    tap(qtbot, child(editor, "edit-queue-skip"))
    assert editor.resource_id == "hartford-pantry"
    assert window.store.resource("markup-test").verified_on is None  # type: ignore[union-attr]
    tap(qtbot, child(editor, "checked-today"))
    qtbot.waitUntil(queue.isVisible)
    assert queue.message.text() == "That was the last one of the 3 in the list."
    assert [line.resource_id for line in queue.model.lines] == ["markup-test"]
    assert child(screen, "nav-queue").isChecked()  # type: ignore[attr-defined]


def test_leaving_the_queue_for_another_section_ends_it(qtbot: QtBot, admin: AdminShell) -> None:
    screen = admin.screen
    tap_row(qtbot, screen.queue.view, 0)
    assert screen.editor.in_queue
    tap(qtbot, child(screen, "nav-entries"))
    screen.edit("windham-clinic")
    assert not screen.editor.in_queue and not screen.editor.queue_bar.isVisible()
    assert child(screen.editor, "checked-today").text() == "Checked today"  # type: ignore[attr-defined]


def test_what_visitors_reported_comes_first_and_goes_once_checked(
        qtbot: QtBot, window: KioskWindow, clock) -> None:  # type: ignore[no-untyped-def]
    from tests.windows import sign_in

    store = window.store
    record(store, {("crisis-line", "number"): 2})
    admin = sign_in(window, clock=clock)
    queue = admin.screen.queue
    first = queue.model.lines[0]
    assert (first.kind, first.resource_id) == ("reported", "crisis-line")
    assert child(queue, "queue-kind-reported").text() == "Reported wrong (1)"  # type: ignore[attr-defined]
    tap(qtbot, child(queue, "queue-kind-reported"))
    assert [line.resource_id for line in queue.model.lines] == ["crisis-line"]
    tap(qtbot, child(queue, "queue-start"))
    tap(qtbot, child(admin.screen.editor, "checked-today"))
    qtbot.waitUntil(queue.isVisible)
    assert freshness.reports(store) == []  # checked: what visitors said is dealt with
    assert queue.model.lines == [] and queue.empty.isVisible()


def test_a_feed_conflict_is_settled_from_its_line(
        qtbot: QtBot, window: KioskWindow, clock) -> None:  # type: ignore[no-untyped-def]
    from kiosk.directory import review
    from kiosk.directory.merge import Conflict
    from tests.windows import sign_in

    store = window.store
    review.record_conflict(store, Conflict("crisis-line", "website", "https://a.example",
                                           "https://b.example"), "batch-1")
    admin = sign_in(window, clock=clock)
    queue = admin.screen.queue
    assert child(queue, "queue-kind-imported").text() == "From an import (1)"  # type: ignore[attr-defined]
    row = next(i for i, line in enumerate(queue.model.lines) if line.kind == "conflict")
    assert not queue.settle.isVisible()
    tap_row(qtbot, queue.view, row)
    # A tap shows the question and its answers; it opens nothing yet.
    assert queue.isVisible() and queue.settle.isVisible()
    assert not child(queue, "queue-keep-this").isVisible()
    assert queue.settle_text.text() == (  # type: ignore[attr-defined]
        "Crisis Line: Web address: staff wrote https://a.example; the feed now says "
        "https://b.example")
    tap(qtbot, child(queue, "queue-keep-ours"))
    assert review.open_items(store, review.CONFLICT) == []
    assert all(line.kind != "conflict" for line in queue.model.lines)
    assert not queue.settle.isVisible()
    assert queue.message.text().startswith("Settled: ")
