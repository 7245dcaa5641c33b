"""HSDS on the admin's import page: found by what the folder holds, the reader's report in
the preview, records that cannot be imported named and left out only when staff tick the
box, then the same backup, all-or-nothing apply and undo as the kiosk's own files."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.admin.import_page import ImportPage
from kiosk.ui.line_breaks import plain
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import child, tap
from tests.exchange.helpers import EXAMPLES

MESSY = {
    "organizations.csv": "id,name,description\norg1,Windham Food Coalition,Feeds people.\n",
    "services.csv": ("id,organization_id,name,description,status\n"
                     "S-1,org1,Town Pantry,Free groceries every week.,active\n"
                     "S-2,org1,,A service with no name.,active\n"
                     "S-3,org1,Evening Meal,A hot meal at six.,active\n"),
    "phones.csv": "id,service_id,number,type\nP1,S-1,860-555-0142,voice\n"
                  "P3,S-3,860-555-0188,voice\n",
    "regular_schedules.csv": "id,service_id,weekday,opens_at,closes_at\n"
                             "R1,S-1,Monday,9:00 AM,5:00 PM\n",
    "service_taxonomy.csv": "id,service_id,taxonomy_id\nT1,S-1,basic-needs\n"
                            "T2,S-2,basic-needs\nT3,S-3,basic-needs\n",
    "taxonomy.csv": "id,name,parent_id,vocabulary\nbasic-needs,Basic needs,,kiosk-categories\n",
}


def pick(qtbot: QtBot, page: ImportPage, usb: Path) -> None:
    """Tap into the only folder on the stick, then "Use this folder"."""
    page.picker.open(usb)
    view = page.picker.view
    tap(qtbot, view.viewport(), view.visualRect(page.picker.model.index(0, 0)).center())
    tap(qtbot, child(page, "picker-use"))


def test_a_messy_older_csv_package_imports_only_when_the_bad_row_is_left_out(
        qtbot: QtBot, admin: AdminShell, window: KioskWindow, tmp_path: Path,
        fresh_data_dir: Path) -> None:
    folder = tmp_path / "usb" / "food-partners"
    folder.mkdir(parents=True)
    for name, text in MESSY.items():
        (folder / name).write_text(text, encoding="utf-8")
    before = window.store.directory()
    admin.screen.go("import")
    page = admin.screen.imports
    skip = child(page, "import-skip-invalid")
    apply = child(page, "import-apply")
    pick(qtbot, page, tmp_path / "usb")
    assert plain(page.chosen.text()) == f"Chosen: {folder}"
    tap(qtbot, child(page, "import-preview"))

    # Beside the kiosk's own entries: nothing of theirs is missing.
    assert page.name_field.text() == "food-partners"
    assert page.summary.text() == "food-partners: 2 new, 0 changed, 0 retired, 0 unchanged."
    assert not page.review.isVisible()
    details = page.details.toPlainText().splitlines()
    assert details[0] == ("Read 3 services as hsds-legacy-csv: 2 can be imported, "
                          "1 records skipped.")
    assert "Skipped services.csv, row 3: the service has no name" in details
    assert "New: Town Pantry  [food-partners-s-1]" in details
    assert "New: Evening Meal  [food-partners-s-3]" in details
    assert page.message.text().startswith("1 record(s) cannot be imported")
    assert page.message.property("role") == "problem"  # drawn as a problem, not as done
    assert skip.isVisible() and not skip.isChecked()
    assert not apply.isEnabled()
    assert window.store.directory() == before  # the preview wrote nothing

    tap(qtbot, skip)
    assert skip.isChecked() and apply.isEnabled()
    tap(qtbot, skip)
    assert not apply.isEnabled()
    tap(qtbot, skip)
    tap(qtbot, apply)
    assert page.message.text().startswith("Imported.")
    assert page.message.property("role") == "status"
    pantry = window.store.resource("food-partners-s-1")
    assert pantry is not None and pantry.main_phone.display == "(860) 555-0142"  # type: ignore[union-attr]
    assert pantry.hours is not None and pantry.hours.day_text(0) == "09:00-17:00"
    assert window.store.resource("food-partners-s-2") is None
    assert pantry.source == "food-partners"
    assert window.store.resource("windham-clinic") is not None  # the kiosk's own stay
    backups = list((fresh_data_dir / "backups").glob("*-before-import.db"))
    assert len(backups) == 1
    row = window.store.db.execute(
        "select who, kind, backup from imports where kind != 'bundled'").fetchone()
    assert row == ("AB", "hsds-legacy-csv", str(backups[0]))
    assert not skip.isVisible() and not apply.isEnabled()

    tap(qtbot, child(page, "undo-import"))
    assert page.message.text().startswith("The import of ")
    assert window.store.directory().resources == before.resources


def test_the_open_referral_csv_example_is_read_and_its_report_shown(
        qtbot: QtBot, admin: AdminShell, window: KioskWindow, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES / "csv", tmp_path / "usb" / "hsds-3-example")
    before = window.store.directory()
    admin.screen.go("import")
    page = admin.screen.imports
    pick(qtbot, page, tmp_path / "usb")
    tap(qtbot, child(page, "import-preview"))
    # Its one service maps to no kiosk category: it comes in without one, for staff to
    # file, and is named in the preview.
    assert page.summary.text() == "hsds-3-example: 1 new, 0 changed, 0 retired, 0 unchanged."
    assert page.review.text() == ("hsds-3-example, to review after the import: 1 without a "
                                  "category.")
    details = page.details.toPlainText().splitlines()
    assert details[0] == "Read 1 services as hsds-csv: 1 can be imported, 0 records skipped."
    assert any(line.startswith("Note: not read (the kiosk has no place for them): "
                               "accessibility.csv") for line in details)
    assert any(line.startswith("Without a category: Community Counselling  "
                               "[hsds-3-example-") for line in details)
    assert child(page, "import-apply").isEnabled()
    assert not child(page, "import-skip-invalid").isVisible()
    assert window.store.directory() == before


def test_a_folder_that_is_neither_is_named(qtbot: QtBot, admin: AdminShell,
                                           tmp_path: Path) -> None:
    folder = tmp_path / "usb" / "spreadsheets"
    folder.mkdir(parents=True)
    (folder / "budget.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    admin.screen.go("import")
    page = admin.screen.imports
    pick(qtbot, page, tmp_path / "usb")
    tap(qtbot, child(page, "import-preview"))
    assert plain(page.summary.text()) == (
        f"{folder}: this folder has CSV files but no services.csv, "
        "so it is not an HSDS package.")
    assert not child(page, "import-apply").isEnabled()


def test_an_hsds_json_folder_of_this_directory_changes_nothing(
        qtbot: QtBot, admin: AdminShell, window: KioskWindow, tmp_path: Path) -> None:
    from kiosk.exchange.hsds import write_hsds

    write_hsds(window.store.directory(), tmp_path / "usb" / "hsds-json", "hsds-json")
    count = len(window.store.directory().resources)
    admin.screen.go("import")
    page = admin.screen.imports
    pick(qtbot, page, tmp_path / "usb")
    tap(qtbot, child(page, "import-preview"))
    assert page.details.toPlainText().splitlines()[0] == (
        f"Read {count} services as hsds-json: {count} can be imported, 0 records skipped.")
    assert page.summary.text() == f"bundled: 0 new, 0 changed, 0 retired, {count} unchanged."
    assert page.message.text() == "Nothing to do: the files hold the same directory."
    assert not child(page, "import-skip-invalid").isVisible()
    assert not child(page, "import-apply").isEnabled()
