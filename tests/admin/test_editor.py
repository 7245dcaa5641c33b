"""The entry form: every problem in plain words next to its field, and nothing saved until
the form is right; new, duplicate, hide and show again; categories and topics."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.staff import history
from kiosk.ui.line_breaks import plain
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import child, tap, tap_row_of


def _problem(root: QLabel, name: str) -> str:
    label = child(root, name)
    assert isinstance(label, QLabel)
    return plain(label.text()) if label.isVisible() else ""


def test_problems_are_shown_next_to_their_fields(qtbot: QtBot, admin: AdminShell,
                                                 window: KioskWindow) -> None:
    screen = admin.screen
    screen.edit("windham-clinic")
    editor = screen.editor
    before = window.store.resource("windham-clinic")
    editor.fields["website"].edit.setText("www example org")  # type: ignore[union-attr]
    editor.fields["zip"].edit.setText("6226")  # type: ignore[union-attr]
    editor.fields["email"].edit.setText("clinic@")  # type: ignore[union-attr]
    editor.fields["name_en"].edit.setText("")  # type: ignore[union-attr]
    editor.fields["hours.mon"].edit.setText("9 to 5")  # type: ignore[union-attr]
    tap_row_of(qtbot, editor.category_view, "Health and testing")  # untick the only one
    tap(qtbot, child(editor, "edit-save"))
    assert _problem(editor, "edit-website-problem") == (
        "A web address has no spaces: www example org")
    assert _problem(editor, "edit-zip-problem") == "A ZIP code has 5 digits, like 06226: 6226"
    assert _problem(editor, "edit-email-problem") == (
        "This is not an email address like name@example.org: clinic@")
    assert _problem(editor, "edit-name-en-problem") == (
        "Write the name in English; it is required.")
    assert _problem(editor, "edit-hours-mon-problem") == (
        "Write hours like 09:00-17:00 (several with commas): 9 to 5")
    assert _problem(editor, "edit-categories-problem") == "Tick at least one category."
    assert _problem(editor, "edit-summary") == (
        "Nothing was saved. Fix the 6 fields marked in red.")
    assert window.store.resource("windham-clinic") == before
    assert history.changes_for(window.store, "resource", "windham-clinic") == []
    tap(qtbot, child(editor, "edit-cancel"))
    assert screen.entries.isVisible()
    assert window.store.resource("windham-clinic") == before


def test_a_phone_number_is_checked_as_it_is_typed(qtbot: QtBot, admin: AdminShell) -> None:
    admin.screen.edit("hartford-pantry")
    editor = admin.screen.editor
    tap(qtbot, child(editor, "phone-add"))
    number = child(editor, "phone-number")
    qtbot.keyClicks(number, "860 555 01234")
    assert _problem(editor, "phone-number-problem") == (
        "This phone number has one digit too many: 860 555 01234")
    number.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(number, "1-800-273-8255")
    assert _problem(editor, "phone-number-problem") == ""
    tap(qtbot, child(editor, "edit-save"))
    saved = admin.ctx.store.resource("hartford-pantry")
    assert saved is not None and [p.display for p in saved.phones] == [
        "(860) 522-0100", "(800) 273-8255"]


def test_new_entry_with_every_kind_of_field(qtbot: QtBot, admin: AdminShell,
                                            window: KioskWindow) -> None:
    screen = admin.screen
    screen.go("entries")
    tap(qtbot, child(screen.entries, "entry-new"))
    editor = screen.editor
    values = {"id": "mansfield-food", "name_en": "Mansfield Food Bank",
              "name_es": "Banco de comida de Mansfield", "description_en": "Food on Fridays.",
              "description_es": "Comida los viernes.", "street": "4 South Eagleville Rd",
              "town": "Mansfield", "zip": "06268", "website": "https://mansfield.example.org",
              "languages": "en, es", "tags": "pantry, comida", "hours.fri": "10:00-14:00"}
    qtbot.keyClicks(editor.fields["id"].edit, values.pop("id"))
    for key, text in values.items():
        editor.fields[key].set_text(text)
    tap_row_of(qtbot, editor.category_view, "Food and basic needs")
    tap(qtbot, child(editor, "hours-days"))
    tap(qtbot, child(editor, "cost-free"))
    tap(qtbot, child(editor, "phone-add"))
    qtbot.keyClicks(child(editor, "phone-number"), "(860) 429-3384")
    tap(qtbot, child(editor, "source-add"))
    editor.sources.setData(editor.sources.index(0, 0), "call on 2026-11-23")
    tap(qtbot, child(editor, "edit-save"))
    qtbot.waitUntil(screen.entries.isVisible)
    r = window.store.resource("mansfield-food")
    assert r is not None
    assert r.categories == ("basic-needs",) and r.is_free and r.speaks_spanish
    assert r.hours.day_text(4) == "10:00-14:00" and r.hours.day_text(0) == ""
    assert r.main_phone.display == "(860) 429-3384"  # type: ignore[union-attr]
    assert r.sources[0].ref == "call on 2026-11-23"
    [line] = history.changes_for(window.store, "resource", "mansfield-food")
    assert (line.action, line.who, line.before) == ("new", "AB", None)
    assert screen.entries.current_id() == "mansfield-food"


def test_duplicate_hide_and_show_again(qtbot: QtBot, admin: AdminShell,
                                       window: KioskWindow) -> None:
    page = admin.screen.entries
    admin.screen.go("entries")
    tap_row_of(qtbot, page.table, "Windham Clinic")
    tap(qtbot, child(page, "entry-deactivate"))
    assert "windham-clinic" not in window.store.list_ids(None)
    assert page.message.text().startswith("Hidden from visitors")
    tap(qtbot, child(page, "entry-reactivate"))
    assert "windham-clinic" in window.store.list_ids(None)
    tap(qtbot, child(page, "entry-duplicate"))
    assert admin.screen.editor.isVisible()
    assert admin.screen.editor.resource_id == "windham-clinic-copy"
    copy = window.store.resource("windham-clinic-copy")
    assert copy is not None and copy.verified_on is None
    actions = [c.action for c in history.changes_for(window.store, "resource", "windham-clinic")]
    assert actions == ["reactivate", "deactivate"]


def test_checked_today_in_the_form(qtbot: QtBot, admin: AdminShell,
                                   window: KioskWindow) -> None:
    admin.screen.edit("hartford-pantry")
    editor = admin.screen.editor
    tap(qtbot, child(editor, "checked-today"))
    r = window.store.resource("hartford-pantry")
    assert r is not None and (r.verified_on, r.verified_by) == (dt.date(2026, 11, 23), "AB")
    assert child(editor, "edit-verified").text() == (  # type: ignore[attr-defined]
        "Last checked 2026-11-23 by AB")
    [line] = history.changes_for(window.store, "resource", "hartford-pantry")
    assert line.action == "checked" and line.fields == ("verified_on", "verified_by")


def test_categories_page(qtbot: QtBot, admin: AdminShell, window: KioskWindow) -> None:
    admin.screen.go("categories")
    page = admin.screen.categories
    tap_row_of(qtbot, page.list, "Food and basic needs")
    page.fields["name_es"].edit.setText("Comida y más")  # type: ignore[union-attr]
    tap(qtbot, child(page, "category-hidden"))
    tap(qtbot, child(page, "category-save"))
    c = window.store.category("basic-needs")
    assert c is not None and c.name.es == "Comida y más" and c.hidden
    assert "basic-needs" not in [x.slug for x in window.store.categories()]
    [line] = history.changes_for(window.store, "category", "basic-needs")
    assert set(line.fields) == {"name", "hidden"}
    tap(qtbot, child(page, "category-new"))
    qtbot.keyClicks(page.fields["slug"].edit, "legal")
    tap(qtbot, child(page, "category-save"))
    assert page.fields["name_en"].problem.text() == "Write the name in English; it is required."
    qtbot.keyClicks(page.fields["name_en"].edit, "Legal help")
    icon = page.icons.index(page.icons.row_of("legal.svg"), 0)
    tap(qtbot, page.icon_view.viewport(), page.icon_view.visualRect(icon).center())
    tap(qtbot, child(page, "category-save"))
    new = window.store.category("legal")
    assert new is not None and new.icon == "legal.svg" and new.position == 4


def test_topics_page(qtbot: QtBot, admin: AdminShell, window: KioskWindow) -> None:
    admin.screen.go("topics")
    page = admin.screen.topics
    tap_row_of(qtbot, page.list, "Your rights")
    assert page.slug == "your-rights"
    page.fields["related"].edit.setText("windham-clinic, nowhere")  # type: ignore[union-attr]
    tap(qtbot, child(page, "topic-save"))
    assert page.fields["related"].problem.text() == "There is no entry with this id: nowhere"
    page.fields["related"].edit.setText("windham-clinic, hartford-pantry")  # type: ignore[union-attr]
    tap(qtbot, child(page, "topic-checked-today"))
    t = window.store.topic("your-rights")
    assert t is not None and t.related == ("windham-clinic", "hartford-pantry")
    assert t.verified_on == dt.date(2026, 11, 23) and t.verified_by == "AB"


def test_a_bug_while_saving_is_one_sentence_and_changes_nothing(
        qtbot: QtBot, admin: AdminShell, window: KioskWindow, monkeypatch,  # type: ignore[no-untyped-def]
        caplog) -> None:
    def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(history, "save_resource", broken)
    before = window.store.resource("windham-clinic")
    admin.screen.edit("windham-clinic")
    editor = admin.screen.editor
    editor.fields["organization"].set_text("Windham Health")
    tap(qtbot, child(editor, "edit-save"))
    assert editor.isVisible()
    assert _problem(editor, "edit-summary") == (
        "Something went wrong inside the kiosk, so nothing was changed. The details are in "
        "the kiosk's log.")
    assert window.store.resource("windham-clinic") == before
    assert "disk on fire" in caplog.text
