"""Entry text is data: `<img src=x> <b>Call</b>` shows as exactly those characters on every
screen, for staff and for visitors; no label anywhere interprets markup."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.directory import usage
from kiosk.ui.home import PhoneTile
from kiosk.ui.widgets import TileButton
from kiosk.ui.window import KioskWindow

MARKUP = "<img src=x> <b>Call</b>"
TOPIC = "<u>Topic</u> <img src=x>"


def shown_texts(root: QWidget) -> list[str]:
    """Every text a person sees under `root`; fails on any label that reads markup."""
    out: list[str] = []
    for label in root.findChildren(QLabel):
        if label.text():  # (labels that hold only an icon have no text to read)
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
        if label.isVisible() and label.text():
            out.append(label.text())
    # Tiles draw their own words, always as plain text (QStyle.drawItemText)
    out += [t.shown_text() for t in root.findChildren(TileButton) if t.isVisible()]
    out += [w for t in root.findChildren(PhoneTile) if t.isVisible() for w in t.texts()]
    for view in root.findChildren(QAbstractItemView):
        if not view.isVisible() or view.model() is None:
            continue
        model = view.model()
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
        for row in range(model.rowCount()):
            for column in range(columns):
                value = model.index(row, column).data()
                if isinstance(value, str):
                    out.append(value)
    for edit in root.findChildren(QLineEdit):
        if edit.isVisible():
            out.append(edit.text())
    for box in root.findChildren(QPlainTextEdit):
        if box.isVisible():
            out.append(box.toPlainText())
    return out


def _somewhere(texts: list[str], wanted: str) -> bool:
    return any(wanted in t for t in texts)


def test_admin_screens_show_markup_as_text(qtbot: QtBot, admin: AdminShell,
                                           window: KioskWindow) -> None:
    screen = admin.screen
    screen.go("entries")
    assert MARKUP in shown_texts(screen.entries)
    screen.entries.select("markup-test")
    screen.entries.checked_today()
    screen.edit("markup-test")
    texts = shown_texts(screen.editor)
    assert f"Edit: {MARKUP}" in texts and MARKUP in texts
    assert "<i>not italic</i> & plain" in texts
    screen.editor.cancel()
    screen.show_history("markup-test")
    texts = shown_texts(screen.history)
    assert f"History: {MARKUP}" in texts
    screen.go("topics")
    screen.topics.load("markup-topic")
    texts = shown_texts(screen.topics)
    assert TOPIC in texts and f"Topic: {TOPIC}" in texts and "<b>Not bold</b>" in texts
    usage.count(window.store, "resource", "markup-test")
    screen.go("usage")
    assert MARKUP in shown_texts(screen.usage)
    for key in ("entries", "categories", "import", "settings"):
        screen.go(key)
        shown_texts(screen.page(key))  # every label plain


def test_import_preview_shows_markup_as_text(qtbot: QtBot, admin: AdminShell,
                                             window: KioskWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.directory.files import read_directory, write_directory

    write_directory(window.store.directory(), tmp_path / "usb")
    d = read_directory(tmp_path / "usb")
    d.resources = [r.with_changes(id="markup-2") if r.id == "markup-test" else r
                   for r in d.resources]
    d.topics = [t for t in d.topics if t.slug != "markup-topic"]
    write_directory(d, tmp_path / "usb")
    screen = admin.screen
    screen.go("import")
    screen.imports.set_source(str(tmp_path / "usb"))
    screen.imports.preview()
    texts = shown_texts(screen.imports)
    assert _somewhere(texts, f"New: {MARKUP}  [markup-2]")
    assert _somewhere(texts, f"Retired, no longer in the files: {MARKUP}  [markup-test]")
    assert _somewhere(texts, "topic missing: markup-topic")


def test_visitor_screens_show_markup_as_text(qtbot: QtBot, window: KioskWindow) -> None:
    assert TOPIC in " ".join(shown_texts(window.home))
    window.open_category("health")
    assert _somewhere(shown_texts(window.category), MARKUP)
    window.open_resource("markup-test")
    texts = shown_texts(window.resource_screen)
    assert MARKUP in texts and _somewhere(texts, "<i>not italic</i> & plain")
    window.open_topic("markup-topic")
    texts = shown_texts(window.topic_screen)
    assert _somewhere(texts, TOPIC) and _somewhere(texts, "<b>Not bold</b>")
    assert _somewhere(texts, MARKUP)  # the related entry
    window.open_search()
    window.search.type_text("call")
    qtbot.waitUntil(lambda: _somewhere(shown_texts(window.search), MARKUP), timeout=3000)
    window.handout.add("markup-test")
    window.open_handout()
    assert _somewhere(shown_texts(window.handout_screen), MARKUP)
