"""Every change is recorded before and after, and any of them can be reverted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.directory.files import read_directory, write_directory
from kiosk.directory.importer import apply_import
from kiosk.staff import history
from kiosk.staff.history import HistoryError, LaterChangeError
from tests.staff.helpers import filled_store, phone
from tests.windows import Clock


def test_an_edit_is_recorded_with_before_after_and_fields() -> None:
    store = filled_store()
    clinic = store.resource("clinic")
    assert clinic is not None
    history.save_resource(store, clinic.with_changes(phones=(phone("(860) 456-9999"),)), "AB")
    [line] = history.changes_for(store, "resource", "clinic")
    assert (line.who, line.action, line.fields) == ("AB", "edit", ("phones",))
    assert line.before["phones"][0]["number"] == "(860) 456-2261"  # type: ignore[index]
    assert line.after["phones"][0]["number"] == "(860) 456-9999"  # type: ignore[index]


def test_revert_puts_back_only_its_own_fields_and_is_itself_recorded() -> None:
    store = filled_store()
    clinic = store.resource("clinic")
    assert clinic is not None
    edit = history.save_resource(
        store, clinic.with_changes(phones=(phone("(860) 456-9999"),)), "AB")
    checked = history.mark_checked(store, "clinic", "AB", dt.date(2026, 11, 23))
    assert store.resource("clinic").verified_on == dt.date(2026, 11, 23)  # type: ignore[union-attr]
    plan = history.revert_plan(store, edit)
    assert [(b.field, b.now[0]["number"], b.back_to[0]["number"], b.later)  # type: ignore[index]
            for b in plan.fields] == [("phones", "(860) 456-9999", "(860) 456-2261", ())]
    assert plan.overlapping == () and [c.id for c in plan.later] == [checked]
    history.revert_change(store, edit, "CD")
    after = store.resource("clinic")
    assert after is not None and after.main_phone.display == "(860) 456-2261"  # type: ignore[union-attr]
    # The later "Checked today" touched other fields: it stays.
    assert after.verified_on == dt.date(2026, 11, 23) and after.verified_by == "AB"
    newest = history.changes_for(store, "resource", "clinic")[0]
    assert (newest.action, newest.who, newest.reverts, newest.fields) == (
        "revert", "CD", edit, ("phones",))
    # And the revert can itself be reverted.
    history.revert_change(store, newest.id, "CD")
    assert store.resource("clinic").main_phone.display == "(860) 456-9999"  # type: ignore[union-attr]


def test_revert_asks_before_undoing_a_later_change_to_the_same_field() -> None:
    store = filled_store()
    clinic = store.resource("clinic")
    assert clinic is not None
    first = history.save_resource(
        store, clinic.with_changes(phones=(phone("(860) 456-1111"),), website="https://a.org"),
        "AB")
    second = history.save_resource(store, store.resource("clinic").with_changes(  # type: ignore[union-attr]
        phones=(phone("(860) 456-2222"),)), "CD")
    plan = history.revert_plan(store, first)
    assert [c.id for c in plan.overlapping] == [second]
    phones = next(b for b in plan.fields if b.field == "phones")
    assert [c.id for c in phones.later] == [second]
    assert next(b for b in plan.fields if b.field == "website").later == ()
    with pytest.raises(LaterChangeError, match="changed the same field later"):
        history.revert_change(store, first, "EF")
    # Refused: nothing changed, no line written.
    assert store.resource("clinic").main_phone.display == "(860) 456-2222"  # type: ignore[union-attr]
    assert len(history.changes_for(store, "resource", "clinic")) == 2
    # Staff saw the plan and said yes.
    history.revert_change(store, first, "EF", overwrite_later=True)
    after = store.resource("clinic")
    assert after is not None and after.main_phone.display == "(860) 456-2261"  # type: ignore[union-attr]
    assert after.website == ""


def test_reverting_twice_says_there_is_nothing_left_to_put_back() -> None:
    store = filled_store()
    clinic = store.resource("clinic")
    assert clinic is not None
    edit = history.save_resource(store, clinic.with_changes(website="https://a.org"), "AB")
    history.revert_change(store, edit, "AB")
    plan = history.revert_plan(store, edit)
    assert plan.nothing_to_do
    # The revert line itself changed the website later, so it is named ...
    assert len(plan.overlapping) == 1
    with pytest.raises(HistoryError, match="already as they were"):
        history.revert_change(store, edit, "AB", overwrite_later=True)


def test_a_creation_put_back_removes_the_entry_and_names_every_later_change() -> None:
    store = filled_store()
    new_id = history.duplicate_resource(store, "clinic", "AB")
    [created] = history.changes_for(store, "resource", new_id)
    history.mark_checked(store, new_id, "AB", dt.date(2026, 11, 23))
    plan = history.revert_plan(store, created.id)
    assert plan.removes and len(plan.overlapping) == 1
    history.revert_change(store, created.id, "AB", overwrite_later=True)
    assert store.resource(new_id) is None


def test_recent_changes_across_the_directory() -> None:
    clock = Clock(dt.datetime(2026, 11, 16, 9, 0))
    store = filled_store(clock)
    history.mark_checked(store, "clinic", "AB", clock().date())
    clock.advance(6 * 24 * 3600)  # six days later
    history.mark_checked(store, "hotline", "CD", clock().date())
    clock.advance(5)
    history.set_active(store, "clinic", False, "CD")
    since = dt.datetime(2026, 11, 20).isoformat()
    recent = history.recent_changes(store, since)
    assert [(c.entity_id, c.who, c.action) for c in recent] == [
        ("clinic", "CD", "deactivate"), ("hotline", "CD", "checked")]
    assert [c.entity_id for c in history.recent_changes(store, "2026-11-01")] == [
        "clinic", "hotline", "clinic"]
    assert history.recent_changes(store, since, who="AB") == []
    assert history.people(store, "2026-11-01") == ["AB", "CD"]
    assert history.people(store, since) == ["CD"]


def test_deactivate_reactivate_duplicate() -> None:
    store = filled_store()
    history.set_active(store, "clinic", False, "AB")
    assert "clinic" not in store.list_ids(None)
    history.set_active(store, "clinic", True, "AB")
    assert "clinic" in store.list_ids(None)
    new_id = history.duplicate_resource(store, "clinic", "AB")
    assert new_id == "clinic-copy"
    assert history.duplicate_resource(store, "clinic", "AB") == "clinic-copy-2"
    actions = [c.action for c in history.changes_for(store, "resource", "clinic")]
    assert actions == ["reactivate", "deactivate"]
    [dup] = history.changes_for(store, "resource", "clinic-copy")
    assert dup.action == "duplicate" and dup.before is None
    history.revert_change(store, dup.id, "AB")  # reverting a creation removes the entry
    assert store.resource("clinic-copy") is None


def test_revert_of_an_unknown_change_says_so() -> None:
    with pytest.raises(HistoryError, match="not in the history"):
        history.revert_change(filled_store(), 999, "AB")


def test_import_then_undo_puts_everything_back(tmp_path: Path) -> None:
    store = filled_store()
    before = store.directory()
    folder = tmp_path / "usb"
    write_directory(before, folder)
    changed = read_directory(folder)
    changed.resources[0] = changed.resources[0].with_changes(
        phones=(phone("(860) 456-0000"),))
    changed.resources.pop()  # one missing from the file
    changed.resources.append(changed.resources[0].with_changes(id="new-place"))
    result = apply_import(store, changed, who="AB", source=str(folder))
    assert store.resource("new-place") is not None
    record = history.last_undoable_import(store)
    assert record is not None and record.id == result.batch
    history.undo_import(store, result.batch, "AB")
    after = store.directory()
    assert [r.id for r in after.resources] == [r.id for r in before.resources]
    assert after.resources == before.resources
    assert history.last_undoable_import(store) is None
    with pytest.raises(HistoryError, match="already undone"):
        history.undo_import(store, result.batch, "AB")


def test_undo_is_refused_when_an_entry_was_edited_after_the_import(tmp_path: Path) -> None:
    store = filled_store()
    write_directory(store.directory(), tmp_path / "usb")
    changed = read_directory(tmp_path / "usb")
    changed.resources[0] = changed.resources[0].with_changes(phones=(phone("(860) 456-0000"),))
    batch = apply_import(store, changed, who="AB", source="usb").batch
    rid = changed.resources[0].id
    history.mark_checked(store, rid, "AB", dt.date(2026, 11, 23))
    with pytest.raises(HistoryError, match="was changed after this import"):
        history.undo_import(store, batch, "AB")
    assert store.resource(rid).main_phone.display == "(860) 456-0000"  # type: ignore[union-attr]
