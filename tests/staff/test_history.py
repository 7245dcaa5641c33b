"""Every change is recorded before and after, and any of them can be reverted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.directory.files import read_directory, write_directory
from kiosk.directory.importer import apply_import
from kiosk.staff import history
from kiosk.staff.history import HistoryError
from tests.staff.helpers import filled_store, phone


def test_an_edit_is_recorded_with_before_after_and_fields() -> None:
    store = filled_store()
    clinic = store.resource("clinic")
    assert clinic is not None
    history.save_resource(store, clinic.with_changes(phones=(phone("(860) 456-9999"),)), "AB")
    [line] = history.changes_for(store, "resource", "clinic")
    assert (line.who, line.action, line.fields) == ("AB", "edit", ("phones",))
    assert line.before["phones"][0]["number"] == "(860) 456-2261"  # type: ignore[index]
    assert line.after["phones"][0]["number"] == "(860) 456-9999"  # type: ignore[index]


def test_revert_puts_the_old_number_back_and_is_itself_recorded() -> None:
    store = filled_store()
    clinic = store.resource("clinic")
    assert clinic is not None
    edit = history.save_resource(
        store, clinic.with_changes(phones=(phone("(860) 456-9999"),)), "AB")
    checked = history.mark_checked(store, "clinic", "AB", dt.date(2026, 11, 23))
    assert store.resource("clinic").verified_on == dt.date(2026, 11, 23)  # type: ignore[union-attr]
    history.revert_change(store, edit, "CD")
    after = store.resource("clinic")
    assert after is not None and after.main_phone.display == "(860) 456-2261"  # type: ignore[union-attr]
    # Reverting the edit restores the record as it was before the edit, check included.
    assert after.verified_on is None
    newest = history.changes_for(store, "resource", "clinic")[0]
    assert (newest.action, newest.who, newest.reverts) == ("revert", "CD", edit)
    # And the revert can itself be reverted.
    history.revert_change(store, newest.id, "CD")
    assert store.resource("clinic").main_phone.display == "(860) 456-9999"  # type: ignore[union-attr]
    assert checked < newest.id


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
