"""The work queue's freshness lines: reported, past due, never checked, unreachable, English
only; each kind one query with a limit, and the reports tolerated when absent."""

from __future__ import annotations

import datetime as dt

from kiosk.directory.model import LocalText
from kiosk.staff import freshness
from kiosk.staff.freshness import (
    CONFLICT,
    DUPLICATE,
    NEEDS_CATEGORY,
    NEEDS_SPANISH,
    NEVER_CHECKED,
    REPORTED,
    STALE,
    UNREACHABLE,
)
from tests.staff.helpers import filled_store, resource

TODAY = dt.date(2026, 11, 23)


def _kinds(store) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(line.kind, line.resource_id) for line in freshness.lines(store, TODAY, 180)]


def test_each_kind_once_in_the_order_staff_work_it() -> None:
    store = filled_store()
    store.write_resource(resource("old", "Old Place", verified_on=dt.date(2026, 1, 5)))
    store.write_resource(resource("nowhere", "Nowhere").with_changes(
        phones=(), address=resource().address.__class__()))
    store.write_resource(resource("english", "English Only", verified_on=TODAY).with_changes(
        description=LocalText("Only English.", "")))
    store.write_resource(resource("hidden", "Hidden", status="inactive"))
    # hotline: checked 2026-01-05, 322 days ago; clinic: never checked
    assert _kinds(store) == [(STALE, "hotline"), (STALE, "old"), (NEVER_CHECKED, "clinic"),
                             (NEVER_CHECKED, "nowhere"), (NEEDS_SPANISH, "english")]
    # An entry shows once, under its first kind; the counts count every kind.
    assert freshness.counts(store, TODAY, 180) == {
        REPORTED: 0, CONFLICT: 0, STALE: 2, NEVER_CHECKED: 2, UNREACHABLE: 1, DUPLICATE: 0,
        NEEDS_CATEGORY: 0, NEEDS_SPANISH: 1}
    [line] = freshness.lines(store, TODAY, 180, kind=UNREACHABLE)
    assert line.resource_id == "nowhere" and "no way to reach" in line.detail
    stale = freshness.lines(store, TODAY, 180, kind=STALE)[0]
    assert stale.detail == "Last checked 2026-01-05, 322 days ago"
    assert [x.resource_id for x in freshness.lines(store, TODAY, 400, kind=STALE)] == []


def test_reports_come_first_most_reported_first_and_go_when_checked() -> None:
    from kiosk.directory.reports import record
    from kiosk.staff.reported import clear_reported

    store = filled_store()
    assert freshness.reports(store) == []
    record(store, {("hotline", "number"): 3, ("clinic", "closed"): 1,
                   ("hotline", "other"): 1, ("gone", "number"): 9})
    lines = freshness.lines(store, TODAY, 180)
    assert [(x.kind, x.resource_id) for x in lines[:2]] == [(REPORTED, "hotline"),
                                                           (REPORTED, "clinic")]
    assert lines[0].detail == ("Reported wrong by visitors 4 times: the number did not "
                               "work (3), something else (1)")
    assert lines[1].detail == "Reported wrong by a visitor once: closed or gone (1)"
    assert freshness.counts(store, TODAY, 180)[REPORTED] == 2  # "gone" is not an entry
    clear_reported(store, "hotline")
    assert [r.resource_id for r in freshness.reports(store)] == ["clinic"]


def test_import_lines_sit_in_the_queue_in_their_place() -> None:
    from kiosk.directory import review
    from kiosk.directory.merge import Conflict

    store = filled_store()
    store.write_resource(resource("211-a", "Imported Pantry", verified_on=TODAY).with_changes(
        categories=()))
    review.record_conflict(store, Conflict("clinic", "phones", [], []), "batch-1")
    kinds = _kinds(store)
    assert kinds.index((CONFLICT, "clinic")) < kinds.index((STALE, "hotline"))
    assert (NEEDS_CATEGORY, "211-a") in kinds
    counts = freshness.counts(store, TODAY, 180)
    assert counts[CONFLICT] == 1 and counts[NEEDS_CATEGORY] == 1 and counts[DUPLICATE] == 0
    [line] = freshness.lines(store, TODAY, 180, kind=CONFLICT, lang="es")
    assert line.title == "Clinic es" and line.item_id is not None


def test_the_limit_holds_for_each_kind() -> None:
    store = filled_store()
    for i in range(30):
        store.write_resource(resource(f"place-{i:02}", f"Place {i:02}"))
    lines = freshness.lines(store, TODAY, 180, kind=NEVER_CHECKED, limit=10)
    assert len(lines) == 10
    assert freshness.counts(store, TODAY, 180)[NEVER_CHECKED] == 31


def test_names_in_the_staffs_language() -> None:
    store = filled_store()
    [line] = freshness.lines(store, TODAY, 180, kind=NEVER_CHECKED, lang="es")
    assert line.title == "Clinic es"
    [line] = freshness.lines(store, TODAY, 180, kind=NEVER_CHECKED)
    assert line.title == "Clinic"
