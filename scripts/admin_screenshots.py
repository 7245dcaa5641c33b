"""Pictures of every admin screen at kiosk sizes, for docs/screenshots/admin-*.png.

Run: QT_QPA_PLATFORM=offscreen python3 scripts/admin_screenshots.py [OUT_DIR]
It builds a throw-away data folder from the bundled directory, so nothing real is touched.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1280, 800), (1920, 1080))
PIN = "246810"
NOW = dt.datetime(2026, 11, 23, 10, 0)
DOC_SHOTS = {"notices", "import-hsds"}  # also saved as admin-<name>.png at 1280x800
MESSY_HSDS = {  # an older HSDS CSV package with one service that has no name
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


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(app: QApplication, out: Path, name: str, size: tuple[int, int],
          widget: object) -> None:
    settle(app)
    path = out / f"admin-{name}-{size[0]}x{size[1]}.png"
    widget.grab().save(str(path))  # type: ignore[attr-defined]
    print(path)
    if name in DOC_SHOTS and size == SIZES[0]:
        widget.grab().save(str(out / f"admin-{name}.png"))  # type: ignore[attr-defined]


def main(out: Path) -> int:
    from kiosk.admin.entry import open_admin
    from kiosk.backups import add_notice
    from kiosk.datadir import open_data_dir
    from kiosk.directory import usage
    from kiosk.directory.files import read_directory, write_directory
    from kiosk.directory.settings import Settings
    from kiosk.staff import history
    from kiosk.staff.pin import PinGuard
    from kiosk.ui.window import KioskWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp) / "data"
            store = open_data_dir(data_dir, clock=lambda: NOW)
            PinGuard(Settings(store)).set_pin(PIN)
            ids = [r.id for r in store.resources()[:6]]
            for i, rid in enumerate(ids):
                for _ in range(6 - i):
                    usage.count(store, "resource", rid, NOW.date())
                usage.count(store, "sheet", rid, NOW.date() - dt.timedelta(days=i))
            for c in store.categories()[:5]:
                usage.count(store, "category", c.slug, NOW.date())
            add_notice(store, "The kiosk's database was damaged (file is not a database). "
                              "It was moved to kiosk.db.damaged-20261123-095812 and the backup "
                              "of 2026-11-22 03:00 was restored; changes made since then are "
                              "missing.", "warning")
            window = KioskWindow(store, data_dir, clock=lambda: NOW)
            window.resize(*size)
            window.show()
            shell = open_admin(window, clock=lambda: NOW)
            shoot(app, out, "pin", size, window)
            for d in "24":
                shell.pad.press(d)
            shell.pad.press("0")
            shell.pad._submit()
            shoot(app, out, "pin-wrong", size, window)
            for d in PIN:
                shell.pad.press(d)
            shell.pad._submit()
            shoot(app, out, "who", size, window)
            shell.who_page.name.setText("AB")
            shell.who_page._ok()
            screen = shell.screen
            shoot(app, out, "notices", size, window)
            screen.banner.mark_seen()
            shoot(app, out, "entries", size, window)
            first = next(r.id for r in store.resources() if r.phones)
            screen.edit(first)
            editor = screen.editor
            editor.phone_fields["number"].edit.setText("(860) 456-226")
            editor.phones.update(0, "number", "(860) 456-226")
            editor.save()
            editor.scroll_area.ensureWidgetVisible(editor.phone_box, 0, 60)
            shoot(app, out, "editor-problem", size, window)
            editor.cancel()
            resource = store.resource(first)
            assert resource is not None
            history.save_resource(store, resource.with_changes(website="https://example.org"),
                                  "AB")
            history.mark_checked(store, first, "AB", NOW.date())
            screen.show_history(first)
            screen.history.table.selectRow(1)
            shoot(app, out, "history", size, window)
            screen.go("categories")
            shoot(app, out, "categories", size, window)
            screen.go("topics")
            shoot(app, out, "topics", size, window)
            usb = Path(tmp) / "USB-STICK"
            write_directory(store.directory(), usb / "directory-update")
            d = read_directory(usb / "directory-update")
            d.resources = d.resources[1:]
            d.resources[0] = d.resources[0].with_changes(website="https://changed.example.org")
            write_directory(d, usb / "directory-update")
            screen.go("import")
            page = screen.imports
            page.picker.set_places([usb])
            page.set_source(str(usb / "directory-update"))
            page.preview()
            shoot(app, out, "import", size, window)
            messy = usb / "food-partners-hsds"
            messy.mkdir()
            for file_name, text in MESSY_HSDS.items():
                (messy / file_name).write_text(text, encoding="utf-8")
            page.picker.open(usb)
            page.set_source(str(messy))
            page.preview()
            shoot(app, out, "import-hsds", size, window)
            screen.go("notices")
            shoot(app, out, "notices-list", size, window)
            screen.go("usage")
            shoot(app, out, "usage", size, window)
            screen.go("settings")
            shoot(app, out, "settings", size, window)
            screen.go("entries")
            screen.entries.search.setFocus()
            screen.entries.search.setText("health")
            shoot(app, out, "keyboard", size, window)
            shell.lock()
            window._may_close = True  # type: ignore[attr-defined]
            window.close()
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
