"""Pictures of every admin screen at kiosk sizes and in both languages, to look at.

Run: QT_QPA_PLATFORM=offscreen python3 scripts/admin_screenshots.py [OUT_DIR]
Every page goes to OUT_DIR (build/admin-screenshots by default) as
admin-<page>-<lang>-<width>x<height>.png; the ones the README and docs/admin.md show are
copied to docs/screenshots as admin-<page>-<lang>.png (1280x800). It builds a throw-away data
folder from the bundled directory, so nothing real is touched.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "screenshots"
SIZES = ((1280, 800), (1920, 1080))
LANGS = ("en", "es")
PIN = "246810"
NOW = dt.datetime(2026, 11, 23, 10, 0)
# Shown in the README and docs/admin.md (1280x800, both languages)
DOC_SHOTS = {"queue", "queue-conflict", "editor-queue", "history", "history-revert", "recent",
             "settings", "keypad", "entries", "editor-problem"}
# Kept under their old names for the pages that link them
OLD_NAMES = {"notices": "admin-notices.png", "import-hsds": "admin-import-hsds.png"}
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


class Camera:
    def __init__(self, app: QApplication, out: Path, lang: str, size: tuple[int, int]) -> None:
        self.app, self.out, self.lang, self.size = app, out, lang, size

    def settle(self) -> None:
        for _ in range(6):
            self.app.processEvents()

    def shoot(self, name: str, widget: QWidget) -> None:
        self.settle()
        path = self.out / f"admin-{name}-{self.lang}-{self.size[0]}x{self.size[1]}.png"
        widget.grab().save(str(path))
        print(path)
        if self.size == SIZES[0]:
            if name in DOC_SHOTS:
                shutil.copyfile(path, DOCS / f"admin-{name}-{self.lang}.png")
            if name in OLD_NAMES and self.lang == "en":
                shutil.copyfile(path, DOCS / OLD_NAMES[name])


def fill(store: object) -> str:
    """Usage, a notice, checks old and new, visitors' reports and a history to revert:
    the work staff would find on a kiosk after some months. Returns the entry whose
    history is shown."""
    from kiosk.backups import add_notice
    from kiosk.directory import usage
    from kiosk.directory.reports import record
    from kiosk.directory.store import Store
    from kiosk.staff import history

    assert isinstance(store, Store)
    resources = store.resources()
    for i, r in enumerate(resources[:6]):
        for _ in range(6 - i):
            usage.count(store, "resource", r.id, NOW.date())
        usage.count(store, "sheet", r.id, NOW.date() - dt.timedelta(days=i))
    for c in store.categories()[:5]:
        usage.count(store, "category", c.slug, NOW.date())
    add_notice(store, "The kiosk's database was damaged (file is not a database). It was "
                      "moved to kiosk.db.damaged-20261123-095812 and the backup of 2026-11-22 "
                      "03:00 was restored; changes made since then are missing.", "warning")
    for i, r in enumerate(resources[6:40]):  # checked by staff over the year
        day = NOW.date() - dt.timedelta(days=7 * i + 3)
        store.write_resource(r.with_changes(verified_on=day, verified_by="JS"))
    # What visitors reported with "Something wrong here?": one counter per entry and reason
    record(store, {(resources[3].id, "number"): 3, (resources[3].id, "other"): 1,
                   (resources[12].id, "closed"): 1})
    # What a 2-1-1 refresh left for staff: a website the feed changed after staff had, and
    # two entries that may be one place
    from kiosk.directory import review
    from kiosk.directory.merge import Conflict

    site = next(r for r in resources[20:] if r.website)
    review.record_conflict(store, Conflict(site.id, "website", site.website,
                                           site.website.rstrip("/") + "/new-clinic-hours"),
                           "211-refresh")
    twin = next(r for r in resources[25:] if r.phones and r.address.town)
    copy = twin.with_changes(id=f"211-windham-{twin.id}", name=twin.name.__class__(
        twin.name.en + " (2-1-1)", (twin.name.es or twin.name.en) + " (2-1-1)"),
        source="211-windham")
    store.write_resource(copy)
    review.record_duplicate(store, copy.id, twin.id,
                            f"same phone number {twin.phones[0].display}", "211-refresh")
    # A phone edit, "Checked today" 20 seconds later, and the same phone changed again by
    # someone else: putting the first edit back names the later one.
    target = next(r for r in resources if r.phones and r.address)
    main = target.phones[0]
    from kiosk.directory.model import Phone

    edited = Phone(main.number[:-1] + "0", main.display[:-1] + "0", main.kind, main.label)
    history.save_resource(store, target.with_changes(phones=(edited, *target.phones[1:])),
                          "AB")
    return target.id


def walk(app: QApplication, out: Path, lang: str, size: tuple[int, int]) -> None:
    from kiosk.admin.entry import open_admin
    from kiosk.datadir import open_data_dir
    from kiosk.directory.files import read_directory, write_directory
    from kiosk.directory.settings import Settings
    from kiosk.staff import history
    from kiosk.staff.pin import PinGuard
    from kiosk.ui.window import KioskWindow

    cam = Camera(app, out, lang, size)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        now = [NOW]
        store = open_data_dir(data_dir, clock=lambda: now[0])
        PinGuard(Settings(store)).set_pin(PIN)
        first = fill(store)
        now[0] = NOW + dt.timedelta(seconds=20)
        history.mark_checked(store, first, "AB", NOW.date())
        now[0] = NOW + dt.timedelta(seconds=41)
        r = store.resource(first)
        assert r is not None
        p = r.phones[0]
        from kiosk.directory.model import Phone

        history.save_resource(store, r.with_changes(phones=(
            Phone(p.number[:-1] + "5", p.display[:-1] + "5", p.kind, p.label),
            *r.phones[1:])), "CD")
        window = KioskWindow(store, data_dir, clock=lambda: now[0])
        window.resize(*size)
        window.show()
        if lang != "en":
            window.set_language(lang)
        shell = open_admin(window, clock=lambda: now[0])
        cam.shoot("pin", window)
        for d in "240":
            shell.pad.press(d)
        shell.pad._submit()
        cam.shoot("pin-wrong", window)
        for d in PIN:
            shell.pad.press(d)
        shell.pad._submit()
        cam.shoot("who", window)
        shell.who_page.name.setText("AB")
        shell.who_page._ok()
        screen = shell.screen
        cam.shoot("notices", window)
        screen.banner.mark_seen()
        cam.shoot("queue", window)
        queue = screen.queue
        for kind in ("conflict", "duplicate"):
            row = next(i for i, line in enumerate(queue.model.lines) if line.kind == kind)
            queue.view.clicked.emit(queue.model.index(row, 0))
            cam.shoot(f"queue-{kind}", window)
        screen.queue.view.clicked.emit(screen.queue.model.index(0, 0))
        cam.shoot("editor-queue", window)
        screen.go("entries")
        cam.shoot("entries", window)
        screen.edit(first)
        editor = screen.editor
        editor.phone_fields["number"].edit.setText("(860) 456-226")
        editor.phones.update(0, "number", "(860) 456-226")
        editor.save()
        editor.scroll_area.ensureWidgetVisible(editor.phone_box, 0, 60)
        cam.shoot("editor-problem", window)
        editor.cancel()
        screen.edit(first)
        editor.scroll_area.ensureWidgetVisible(editor.category_view, 0, 60)
        cam.shoot("editor-categories", window)
        days = editor.findChild(QWidget, "hours-days")
        if days is not None:
            days.click()  # type: ignore[attr-defined]
        editor.scroll_area.ensureWidgetVisible(editor.days_box, 0, 60)
        cam.shoot("editor-hours", window)
        window.activateWindow()
        editor.phone_fields["number"].edit.setFocus()
        cam.shoot("keypad", window)
        editor.cancel()
        screen.show_history(first)
        screen.history.table.selectRow(2)
        cam.shoot("history", window)
        screen.history.revert()
        cam.shoot("history-revert", window)
        screen.history.confirm_revert()
        cam.shoot("history-done", window)
        screen.go("recent")
        cam.shoot("recent", window)
        screen.go("categories")
        cam.shoot("categories", window)
        screen.go("topics")
        cam.shoot("topics", window)
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
        cam.shoot("import", window)
        messy = usb / "food-partners-hsds"
        messy.mkdir()
        for file_name, text in MESSY_HSDS.items():
            (messy / file_name).write_text(text, encoding="utf-8")
        page.picker.open(usb)
        page.set_source(str(messy))
        page.preview()
        cam.shoot("import-hsds", window)
        screen.go("notices")
        cam.shoot("notices-list", window)
        screen.go("usage")
        cam.shoot("usage", window)
        screen.go("settings")
        settings = screen.settings_page
        cam.shoot("settings", window)
        settings.body_scroll.ensureWidgetVisible(settings.printer, 0, 200)
        cam.shoot("settings-printing", window)
        settings.body_scroll.ensureWidgetVisible(settings.exit_button, 0, 40)
        cam.shoot("settings-end", window)
        settings.body_scroll.verticalScrollBar().setValue(0)
        window.activateWindow()
        settings.idle.field.setFocus()
        cam.shoot("settings-keypad", window)
        screen.go("entries")
        window.activateWindow()
        screen.entries.search.setFocus()
        screen.entries.search.setText("health")
        QTest.qWait(400)  # the list filters once typing pauses
        cam.shoot("keyboard", window)
        shell.lock()
        window._may_close = True  # type: ignore[attr-defined]
        window.close()
        store.close()


def main(out: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    out.mkdir(parents=True, exist_ok=True)
    DOCS.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        for size in SIZES:
            walk(app, out, lang, size)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" /
                  "admin-screenshots"))
