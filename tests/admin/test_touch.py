"""Touch first: the keyboard never covers the field being typed or Save, every list scrolls
under a finger (and a drag chooses nothing), numbers are set with big steppers, and the
import picker offers USB sticks and the update folder, nothing above them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScroller,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.admin.folder_picker import FolderPicker, removable_media
from tests.admin.helpers import child, tap
from tests.ui.helpers import drag, touchscreen


def _on_screen(widget: QWidget, admin: AdminShell) -> QRect:
    """The part of `widget` a person can see: inside every scroll area it is in."""
    top_left = widget.mapTo(admin, QPoint(0, 0))
    seen = QRect(top_left, widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not admin:
        if parent.objectName() == "qt_scrollarea_viewport":
            seen = seen.intersected(QRect(parent.mapTo(admin, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return seen


def _fields(page: QWidget) -> list[QWidget]:
    return [w for w in page.findChildren(QWidget)
            if isinstance(w, QLineEdit | QPlainTextEdit) and w.isVisibleTo(page)
            and not w.isReadOnly()]


def _check_typing(qtbot: QtBot, admin: AdminShell, page: QWidget, save: QWidget | None) -> int:
    keyboard = admin.keyboard
    checked = 0
    for field in _fields(page):
        field.setFocus()
        qtbot.waitUntil(keyboard.isVisible)
        for _ in range(5):
            QApplication.processEvents()
        top = keyboard.mapTo(admin, QPoint(0, 0)).y()
        seen = _on_screen(field, admin)
        name = field.objectName()
        if isinstance(field, QPlainTextEdit):  # at least the line being typed
            line = field.cursorRect().translated(field.viewport().mapTo(admin, QPoint(0, 0)))
            assert seen.contains(line.center()), (name, seen, line)
        else:
            assert seen.height() >= min(field.height(), 40), (name, seen)  # in view
        assert seen.bottom() <= top, (name, seen, top)  # above the keyboard
        if save is not None:
            saved = _on_screen(save, admin)
            assert saved.height() == save.height() and saved.bottom() <= top, name
        checked += 1
    return checked


def test_the_keyboard_never_covers_the_field_or_save(qtbot: QtBot, admin: AdminShell) -> None:
    screen = admin.screen
    checked = 0
    screen.edit("windham-clinic")
    for mode in ("hours-days",):  # every day's field shown
        tap(qtbot, child(screen.editor, mode))
    checked += _check_typing(qtbot, admin, screen.editor, child(screen.editor, "edit-save"))
    for key, save in (("settings", "settings-save"), ("categories", "category-save"),
                      ("topics", "topic-save"), ("entries", None)):
        screen.go(key)
        page = screen.page(key)
        checked += _check_typing(qtbot, admin, page, child(page, save) if save else None)
    assert checked > 40


def test_the_navigation_shows_no_scroll_bar_while_the_keyboard_is_up(
        qtbot: QtBot, admin: AdminShell) -> None:
    screen = admin.screen
    screen.go("settings")
    child(screen.settings_page, "settings-town").setFocus()
    qtbot.waitUntil(admin.keyboard.isVisible)
    nav = child(screen, "admin-nav-scroll")
    assert not nav.verticalScrollBar().isVisible()  # type: ignore[attr-defined]
    assert QScroller.hasScroller(nav.viewport())  # type: ignore[attr-defined]


def test_number_fields_bring_the_number_pad(qtbot: QtBot, admin: AdminShell) -> None:
    screen = admin.screen
    screen.edit("windham-clinic")
    keyboard = admin.keyboard
    for name, pad in (("phone-number", "digits"), ("edit-zip", "digits"),
                      ("edit-priority", "digits"), ("edit-street", "letters")):
        field = child(screen.editor, name)
        tap(qtbot, field)
        qtbot.waitUntil(keyboard.isVisible)
        assert keyboard.showing == pad, name
    tap(qtbot, child(screen.editor, "phone-number"))
    tap(qtbot, child(keyboard, "staff-pad-letters"))  # "ABC": letters on the same field
    assert keyboard.showing == "letters"


def test_steppers_replace_spin_boxes(qtbot: QtBot, admin: AdminShell) -> None:
    screen = admin.screen
    for key in ("settings", "categories", "topics"):
        screen.go(key)
        assert screen.page(key).findChildren(QAbstractSpinBox) == [], key
    screen.edit("windham-clinic")
    assert screen.editor.findChildren(QAbstractSpinBox) == []
    screen.go("settings")
    page = screen.settings_page
    less = child(page, "settings-idle-timeout-less")
    more = child(page, "settings-idle-timeout-more")
    assert less.height() >= 64 and less.width() >= 64  # a finger's size, not a few pixels
    tap(qtbot, more)
    assert page.idle.value() == 100
    tap(qtbot, less)
    tap(qtbot, less)
    assert page.idle.value() == 80
    value = child(page, "settings-idle-timeout")
    tap(qtbot, value)
    value.selectAll()  # type: ignore[attr-defined]
    for key in "5":
        tap(qtbot, child(admin.keyboard, f"staff-pad-{key}"))
    tap(qtbot, child(page, "settings-save"))  # under the lowest: the lowest
    assert page.ctx.settings.get("idle_timeout_s") == 20


def test_every_list_scrolls_under_a_finger(qtbot: QtBot, admin: AdminShell) -> None:
    screen = admin.screen
    views: list[QAbstractItemView] = []
    for key in ("queue", "entries", "recent", "categories", "topics", "import", "usage",
                "settings", "notices"):
        screen.go(key)
        views += [v for v in screen.page(key).findChildren(QAbstractItemView)
                  if v.isVisibleTo(screen.page(key)) and not v.objectName().startswith("qt_")]
    screen.edit("windham-clinic")
    views += [v for v in screen.editor.findChildren(QAbstractItemView) if v.isVisibleTo(
        screen.editor)]
    screen.show_history("windham-clinic")
    views += screen.history.findChildren(QAbstractItemView)
    views = [v for v in views if not isinstance(v, QHeaderView)]
    names = {v.objectName() for v in views}
    assert {"queue-list", "admin-entries", "picker-list", "history-table", "usage-table",
            "settings-printer", "edit-categories", "category-icon"} <= names
    missing = sorted(v.objectName() for v in views if not QScroller.hasScroller(v.viewport()))
    assert missing == []


def test_a_drag_on_the_folder_list_scrolls_and_opens_nothing(
        qtbot: QtBot, admin: AdminShell, tmp_path: Path) -> None:
    usb = tmp_path / "STICK"
    for i in range(30):
        (usb / f"folder-{i:02}").mkdir(parents=True)
    screen = admin.screen
    screen.go("import")
    picker = screen.imports.picker
    picker.set_places([usb])
    view = picker.view
    for _ in range(3):
        QApplication.processEvents()
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    first = view.visualRect(picker.model.index(0, 0)).center()
    drag(qtbot, view.viewport(), first + QPoint(0, 200), first)
    qtbot.waitUntil(lambda: bar.value() > 0)
    qtbot.wait(300)
    assert picker.model.folder == usb  # still the stick: the drag opened no folder


def test_the_picker_offers_sticks_and_the_update_folder_and_nothing_above(
        qtbot: QtBot, tmp_path: Path) -> None:
    media = tmp_path / "media"
    (media / "kiosk" / "STICK-A" / "updates").mkdir(parents=True)
    (tmp_path / "mnt" / "STICK-B").mkdir(parents=True)
    (tmp_path / "run-media" / "kiosk" / "STICK-C").mkdir(parents=True)
    update = tmp_path / "synced" / "kiosk-updates"
    update.mkdir(parents=True)
    roots = (str(media), str(tmp_path / "mnt"))
    assert removable_media(roots) in ([media / "kiosk", tmp_path / "mnt" / "STICK-B"],
                                      [media / "kiosk" / "STICK-A",
                                       tmp_path / "mnt" / "STICK-B"])
    picker = FolderPicker(extra=[str(update)], roots=roots)
    qtbot.addWidget(picker)
    buttons = [b.text() for b in picker.findChildren(QPushButton)
               if b.objectName().startswith("picker-place-")]
    assert buttons[-2:] == ["STICK-B", "kiosk-updates"]
    picker.open(update)
    assert not picker.up.isEnabled()  # nothing above the update folder
    stick = tmp_path / "mnt" / "STICK-B"
    (stick / "inner").mkdir()
    picker.open(stick / "inner")
    assert picker.up.isEnabled()
    picker.up.click()
    assert picker.model.folder == stick and not picker.up.isEnabled()
    empty = FolderPicker(roots=(str(tmp_path / "nothing-here"),))
    qtbot.addWidget(empty)
    assert not empty.none.isHidden() and not empty.use.isEnabled()


def test_no_spin_box_or_drop_down_list_is_left(qtbot: QtBot, admin: AdminShell) -> None:
    """Steppers and lists of big rows where spin boxes and drop-down lists were."""
    from PySide6.QtWidgets import QComboBox, QListView

    from kiosk.admin.widgets import PickButton

    screen = admin.screen
    stock: list[str] = []
    picks: list[str] = []
    for key in ("queue", "entries", "recent", "categories", "topics", "import", "usage",
                "settings", "notices"):
        screen.go(key)
        page = screen.page(key)
        stock += [w.objectName() for kind in (QComboBox, QAbstractSpinBox)
                  for w in page.findChildren(kind)]
        picks += [p.objectName() for p in page.findChildren(PickButton)]
    screen.edit("windham-clinic")
    stock += [w.objectName() for kind in (QComboBox, QAbstractSpinBox)
              for w in screen.editor.findChildren(kind)]
    assert stock == []
    assert picks == ["entries-filter", "entries-category", "entries-town", "recent-who"]
    # A choice is a tap on the button, then a tap on a big row.
    screen.go("entries")
    which = child(screen.entries, "entries-filter")
    assert which.text() == "All entries  ▾"  # type: ignore[attr-defined]
    tap(qtbot, which)
    rows = admin.window().findChild(QListView, "entries-filter-rows")
    assert rows is not None and rows.isVisible()
    assert rows.visualRect(rows.model().index(2, 0)).height() >= 56
    assert rows.model().index(2, 0).data() == "Not checked in 180 days"
    tap(qtbot, rows.viewport(), rows.visualRect(rows.model().index(2, 0)).center())
    assert screen.entries.proxy.which == "stale" and which.text().startswith("Not checked")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: admin.window().findChild(QListView, "entries-filter-rows") is None)
    tap(qtbot, which)  # a tap beside the rows closes them and changes nothing
    overlay = admin.window().findChild(QWidget, "entries-filter-choices")
    assert overlay is not None
    corner = overlay.mapTo(overlay.window(), QPoint(5, overlay.height() - 5))
    handle = overlay.window().windowHandle()
    QTest.touchEvent(handle, touchscreen()).press(0, corner).commit()
    QTest.touchEvent(handle, touchscreen()).release(0, corner).commit()
    qtbot.waitUntil(lambda: admin.window().findChild(QWidget, "entries-filter-choices") is None)
    assert screen.entries.proxy.which == "stale"
