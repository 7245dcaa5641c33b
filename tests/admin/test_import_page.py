"""Import from a USB stick: a summary before anything is written, a backup, all or nothing,
and "Undo last import"; export to a folder."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.directory.files import read_directory, write_directory
from kiosk.directory.phones import parse_number
from kiosk.ui.line_breaks import plain
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import child, tap


def _usb_with_changes(window: KioskWindow, usb: Path) -> Path:
    folder = usb / "update"
    write_directory(window.store.directory(), folder)
    d = read_directory(folder)
    clinic = next(r for r in d.resources if r.id == "windham-clinic")
    parsed = parse_number("(860) 456-0000")
    phone = clinic.phones[0].__class__(parsed.number, parsed.display)
    d.resources = [r for r in d.resources if r.id != "hartford-pantry"]
    d.resources = [clinic.with_changes(phones=(phone,), website="https://clinic.example.org")
                   if r.id == "windham-clinic" else r for r in d.resources]
    d.resources.append(clinic.with_changes(id="new-clinic"))
    (folder / "resources.yaml").unlink()
    write_directory(d, folder)
    return folder


def test_preview_then_apply_then_undo(qtbot: QtBot, admin: AdminShell, window: KioskWindow,
                                      tmp_path: Path, fresh_data_dir: Path) -> None:
    folder = _usb_with_changes(window, tmp_path / "usb")
    before = window.store.directory()
    admin.screen.go("import")
    page = admin.screen.imports
    assert not child(page, "import-apply").isEnabled()
    assert not child(page, "undo-import").isEnabled()
    page.picker.open(tmp_path / "usb")
    tap(qtbot, page.picker.view.viewport(),
        page.picker.view.visualRect(page.picker.model.index(0, 0)).center())
    assert plain(page.picker.here.text()) == str(folder)
    tap(qtbot, child(page, "picker-use"))
    tap(qtbot, child(page, "import-preview"))
    assert page.name_field.text() == "bundled"  # the kiosk's own files refresh its own
    assert page.summary.text() == "bundled: 1 new, 1 changed, 1 retired, 3 unchanged."
    details = page.details.toPlainText().splitlines()
    assert details[0] == ("1 of the 5 entries of bundled are not in these files; they would "
                          "be retired (hidden from visitors).")
    assert "New: Windham Clinic  [new-clinic]" in details
    assert "Changed: Windham Clinic  [windham-clinic] (phones, website)" in details
    assert "Retired, no longer in the files: Hartford Pantry  [hartford-pantry]" in details
    assert window.store.directory() == before  # the preview wrote nothing
    # A fifth of the source would go: one more tap says that is meant.
    confirm = child(page, "import-allow-removals")
    assert confirm.isVisible() and not child(page, "import-apply").isEnabled()
    assert page.message.property("role") == "problem"
    tap(qtbot, confirm)
    assert child(page, "import-apply").isEnabled()

    tap(qtbot, child(page, "import-apply"))
    retired = window.store.resource("hartford-pantry")
    assert retired is not None and retired.retired_on is not None and not retired.active
    assert window.store.resource("windham-clinic").main_phone.display == "(860) 456-0000"  # type: ignore[union-attr]
    backups = list((fresh_data_dir / "backups").glob("*-before-import.db"))
    assert len(backups) == 1 and str(backups[0]) in plain(page.message.text())
    row = window.store.db.execute(
        "select who, backup from imports where kind != 'bundled'").fetchone()
    assert row == ("AB", str(backups[0]))
    assert not child(page, "import-apply").isEnabled()

    tap(qtbot, child(page, "undo-import"))
    assert page.message.text().startswith("The import of ")
    after = window.store.directory()
    assert after.resources == before.resources
    assert not child(page, "undo-import").isEnabled()


def test_bad_files_are_named_and_nothing_changes(qtbot: QtBot, admin: AdminShell,
                                                 window: KioskWindow, tmp_path: Path) -> None:
    bad = tmp_path / "usb" / "bad.yaml"
    bad.parent.mkdir()
    bad.write_text("format: kiosk-directory/1\ncategories: [{slug: health, name: H}]\n"
                   "resources:\n  - id: x\n    name: X\n"
                   "    categories: [health]\n    description: D\n"
                   "    phones: ['860-456-226']\n    sources: [s]\n", encoding="utf-8")
    before = window.store.directory()
    admin.screen.go("import")
    page = admin.screen.imports
    page.set_source(str(bad))
    tap(qtbot, child(page, "import-preview"))
    assert page.summary.text() == ("These files have 1 problem(s); nothing can be imported "
                                   "until they are fixed.")
    assert page.details.toPlainText() == (
        f'{bad}:8: resources[0].phones[0].number: "860-456-226" is not a valid US phone '
        "number.")
    assert not child(page, "import-apply").isEnabled()
    assert window.store.directory() == before


def test_import_is_refused_without_a_backup(qtbot: QtBot, admin: AdminShell,
                                            window: KioskWindow, tmp_path: Path,
                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kiosk import backups

    def broken(*_args: object, **_kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "backup_now", broken)
    folder = _usb_with_changes(window, tmp_path / "usb")
    before = window.store.directory()
    admin.screen.go("import")
    page = admin.screen.imports
    page.set_source(str(folder))
    tap(qtbot, child(page, "import-preview"))
    tap(qtbot, child(page, "import-allow-removals"))
    tap(qtbot, child(page, "import-apply"))
    assert page.message.text().startswith("The database could not be backed up, so nothing "
                                          "was changed.")
    assert window.store.directory() == before


def test_export_to_the_chosen_folder(qtbot: QtBot, admin: AdminShell, window: KioskWindow,
                                     tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    admin.screen.go("import")
    page = admin.screen.imports
    page.set_source(str(tmp_path / "usb"))
    tap(qtbot, child(page, "export-directory"))
    target = tmp_path / "usb" / "kiosk-directory-2026-11-23"
    assert read_directory(target).resources == window.store.directory().resources
    assert plain(page.message.text()) == f"Exported 4 file(s) to {target}."
