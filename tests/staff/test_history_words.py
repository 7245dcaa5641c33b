"""History in words: field names as the form calls them, values as visitors see them."""

from __future__ import annotations

import datetime as dt

from kiosk.directory.hours import WeeklyHours
from kiosk.directory.model import Address, LocalText
from kiosk.staff import history
from kiosk.staff.history_words import change_lines, field_label, fields_text, show_value
from tests.staff.helpers import filled_store, phone


def test_a_phone_edit_reads_as_the_numbers_visitors_see() -> None:
    store = filled_store()
    clinic = store.resource("clinic")
    assert clinic is not None
    edit = history.save_resource(
        store, clinic.with_changes(phones=(phone("(860) 456-2260"),)), "AB")
    c = history.change(store, edit)
    assert c is not None
    assert [line.text() for line in change_lines(c)] == [
        "Phone: (860) 456-2261 → (860) 456-2260"]
    assert fields_text(c) == "Phone"


def test_only_the_language_that_changed_is_shown() -> None:
    store = filled_store()
    clinic = store.resource("clinic")
    assert clinic is not None
    edit = history.save_resource(store, clinic.with_changes(
        description=LocalText("Free tests, Mondays.", "Pruebas gratis."),
        address=Address("2 Main St", "Windham", "CT", "06226")), "AB")
    c = history.change(store, edit)
    assert c is not None
    assert [line.text() for line in change_lines(c)] == [
        "Description (English): Free tests. → Free tests, Mondays.",
        "Address: 1 Main St, Windham, 06226 → 2 Main St, Windham, 06226"]


def test_hours_checks_choices_and_categories_in_words() -> None:
    store = filled_store()
    clinic = store.resource("clinic")
    assert clinic is not None
    edit = history.save_resource(store, clinic.with_changes(
        hours=WeeklyHours.from_data({"mon": ["09:00-17:00"], "sat": ["10:00-12:00"]}),
        cost=("free", "sliding_scale"), categories=("health", "help-now"),
        verified_on=dt.date(2026, 11, 23), verified_by="AB", status="inactive"), "AB")
    c = history.change(store, edit)
    assert c is not None
    names = {"health": "Health and testing", "help-now": "Help right now"}
    lines = {line.key: (line.before, line.after) for line in change_lines(c, names)}
    assert lines["hours"] == ("Monday 09:00-17:00", "Monday 09:00-17:00; Saturday 10:00-12:00")
    assert lines["cost"] == ("(empty)", "Free, Sliding scale")
    assert lines["categories"] == ("Health and testing", "Health and testing, Help right now")
    assert lines["verified_on"] == ("(empty)", "2026-11-23")
    assert lines["status"] == ("Yes", "No, hidden")
    assert field_label("verified_on") == "Last checked"
    assert "verified_on" not in fields_text(c)  # never the raw names


def test_values_nobody_stored_by_hand() -> None:
    assert show_value("phones", [{"number": "741741", "kind": "text", "message": "HOME"}]) == \
        "741741 (Text message), text HOME"
    assert show_value("hours", "always") == "Open 24/7"
    assert show_value("area", {"statewide": True}) == "All of Connecticut"
    source = {"ref": "https://x.org", "read": "2026-11-01", "facts": ["phones"]}
    assert show_value("sources", [source]) == "https://x.org (read 2026-11-01): Phone"
    assert show_value("description", "x" * 500).endswith("...")
    assert field_label("something_new") == "something_new"
