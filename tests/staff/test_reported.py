"""What visitors reported wrong: counts per place and reason, most reported first."""

from __future__ import annotations

import pytest

from kiosk.directory.reports import CLOSED, NUMBER, OTHER, VisitReports, record
from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.staff.reported import Reported, clear_reported, reported_wrong
from tests.staff.helpers import filled_store


def test_a_visit_reports_a_place_once_and_writes_nothing_until_it_ends() -> None:
    store = filled_store()
    visit = VisitReports()
    assert visit.add("clinic", NUMBER)
    assert not visit.add("clinic", CLOSED)  # one visitor, one report per place
    assert visit.add("hotline", OTHER)
    assert store.db.execute("select count(*) from reported_wrong").fetchone()[0] == 0
    visit.flush(store)
    assert len(visit) == 0
    assert store.db.execute(
        "select resource_id, reason, count from reported_wrong order by rowid").fetchall() == [
        ("clinic", "number", 1), ("hotline", "other", 1)]


def test_the_table_holds_a_count_per_place_and_reason_and_nothing_else() -> None:
    store = filled_store()
    assert set(store.db["reported_wrong"].columns_dict) == {"resource_id", "reason", "count"}


def test_unknown_reasons_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown reason"):
        VisitReports().add("clinic", "rude")
    with pytest.raises(ValueError, match="unknown reason"):
        record(filled_store(), {("clinic", "rude"): 1})


def test_most_reported_first_with_each_reason_counted() -> None:
    store = filled_store()
    record(store, {("clinic", NUMBER): 1, ("hotline", NUMBER): 2, ("hotline", CLOSED): 1})
    record(store, {("clinic", OTHER): 1, ("gone-place", CLOSED): 1})
    rows = reported_wrong(store)
    assert [(r.resource_id, r.total) for r in rows] == [
        ("hotline", 3), ("clinic", 2), ("gone-place", 1)]
    hotline, clinic, gone = rows
    assert hotline.counts == (("number", 2), ("closed", 1))
    assert clinic.count(OTHER) == 1 and clinic.count(CLOSED) == 0
    assert hotline.name == "Crisis Line" and gone.name == "gone-place"  # no longer listed
    assert hotline.sentence() == ("Reported wrong by visitors 3 times: "
                                  "the number did not work (2), closed or gone (1)")
    assert gone.sentence() == "Reported wrong by a visitor once: closed or gone (1)"


def test_clearing_a_place_once_staff_checked_it() -> None:
    store = filled_store()
    record(store, {("clinic", NUMBER): 4, ("hotline", OTHER): 1})
    clear_reported(store, "clinic")
    assert [r.resource_id for r in reported_wrong(store)] == ["hotline"]


def test_the_sentence_is_in_the_language_on_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk import i18n

    spanish = {"Reported wrong by visitors %1 times": "Los visitantes dijeron %1 veces",
               QT_TRANSLATE_NOOP("ReportedWrong", "closed or gone"): "cerrado"}
    monkeypatch.setattr(i18n, "_translator",
                        lambda context, source, disambiguation, n: spanish.get(source, source))
    row = Reported("clinic", "Clinic", (("closed", 2),))
    assert row.sentence() == "Los visitantes dijeron 2 veces: cerrado (2)"
