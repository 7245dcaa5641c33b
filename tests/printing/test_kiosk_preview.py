"""The kiosk's print preview, driven by touch in the real kiosk window, printing to CUPS."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.directory.usage import daily
from kiosk.printing.kiosk_print import PageModel, PrintPreview, open_print_preview
from kiosk.sheets.discreet import sensitive_words
from kiosk.ui.window import KioskWindow
from tests.printing.conftest import HERE, pdf_text
from tests.services.cups import PrintQueue
from tests.ui.helpers import FakeSpeech, tap, touchscreen
from tests.windows import MakeWindow

MONDAY_10AM = dt.datetime(2026, 11, 23, 10, 0)
SHOTS = os.environ.get("KIOSK_SHEET_SHOTS")  # a folder: save what the tests look at

def swipe(qtbot: QtBot, widget: QWidget, dx: int) -> None:
    window = widget.window().windowHandle()
    start = widget.mapTo(widget.window(), widget.rect().center())
    QTest.touchEvent(window, touchscreen()).press(0, start).commit()
    for step in range(1, 6):
        QTest.touchEvent(window, touchscreen()).move(
            0, start + QPoint(dx * step // 5, 0)).commit()
    QTest.touchEvent(window, touchscreen()).release(0, start + QPoint(dx, 0)).commit()
    qtbot.wait(10)


def shot(widget: QWidget, name: str) -> QImage:
    image = widget.grab().toImage()
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(SHOTS) / f"{name}.png"))
    return image


@pytest.fixture
def kiosk_window(make_window: MakeWindow) -> MakeWindow:
    """The window of tests/windows.py over the print tests' directory, set up to print."""
    def make(size: tuple[int, int] = (1280, 800), printer: str = "", discreet: bool = True,
             bundled: Path | None = None) -> KioskWindow:
        return make_window(size, directory=bundled, speech=FakeSpeech(available=False),
                           settings={"printer": printer, "discreet_default": discreet,
                                     "location_name": "Windham Drop-in Centre"})
    return make


def preview_of(window: QWidget) -> PrintPreview:
    found = window.findChild(PrintPreview, "print-preview")
    assert found is not None
    return found


def start_preview(qtbot: QtBot, window, ids: list[str]) -> PrintPreview:  # type: ignore[no-untyped-def]
    for rid in ids:
        window.handout.add(rid)
    window.open_handout()
    tap(qtbot, window.findChild(QPushButton, "print-handout"))
    qtbot.waitUntil(lambda: window.findChild(PrintPreview, "print-preview") is not None)
    preview = preview_of(window)
    qtbot.waitUntil(preview.isVisible)
    return preview


def test_page_model(qtmodeltester, qapp) -> None:  # type: ignore[no-untyped-def]
    model = PageModel()
    model.set_images([QImage(10, 12, QImage.Format.Format_RGB32) for _ in range(3)])
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(1, 0)) == "Page 2 of 3"
    assert model.data(model.index(2, 0), PageModel.ImageRole).size().height() == 12


def test_preview_by_touch_then_print_to_a_real_queue(qtbot: QtBot, kiosk_window,  # type: ignore[no-untyped-def]
                                                     print_queue: PrintQueue,
                                                     tmp_path: Path) -> None:
    queue = print_queue.name
    print_queue.expect_job()
    window = kiosk_window(printer=queue, discreet=False)
    preview = start_preview(qtbot, window, ["clinic", "trafficking-hotline", "treatment-center"])
    assert preview.geometry() == window.stack.geometry()
    assert preview.page_count == 1
    assert preview.page_label.text() == "Page 1 of 1"
    assert not preview.discreet.isChecked()
    image = shot(window, "preview-1280x800")
    # the page is drawn large: most of the preview's height, on white paper
    page = preview.view.page_rect()
    assert page.height() >= preview.height() * 0.8
    centre = preview.view.mapTo(window, page.center().toPoint())
    assert image.pixelColor(centre.x(), centre.y() - 100).lightness() > 200

    for name in ("print-button", "discreet-toggle", "preview-next", "preview-previous",
                 "preview-back"):
        button = preview.findChild(QPushButton, name)
        assert button is not None and button.accessibleName(), name
        assert button.height() >= 64 and button.width() >= 64, name

    tap(qtbot, preview.print_button)
    qtbot.waitUntil(lambda: preview.area.currentWidget() is preview.done_note)
    assert preview.done_note.text() == "Printing. Take your sheet from the printer."
    shot(window, "printed-1280x800")
    assert window.handout.ids == []
    assert daily(window.store, "sheet") == []  # counted with the visit, when it ends
    assert window.usage.counts[(MONDAY_10AM.date().isoformat(), "sheet", "handout")] == 1

    job = print_queue.wait_for_job()
    copy = tmp_path / "job.pdf"
    copy.write_bytes(job)
    text = " ".join(pdf_text(copy).split())
    for number in ("(860) 555-0100 ext. 12", "(860) 555-0101", "(888) 373-7888",
                   "(860) 555-0177"):
        assert number in text
    assert "National Human Trafficking Hotline" in text
    assert "Windham Drop-in Centre \u00b7 November 23, 2026" in text

    # `kiosk sheet` over the same data folder makes the same pages (the date aside: the
    # command line uses today's, the window its own clock)
    import sys

    out = tmp_path / "same.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "sheet", "--resource", "clinic", "trafficking-hotline",
         "treatment-center", "--data-dir", str(window.data_dir), "--out", str(out)],
        capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr

    def without_date(pdf: Path) -> str:
        lines = [line for line in pdf_text(pdf).split("\n")
                 if "Windham Drop-in Centre" not in line]
        return " ".join(" ".join(lines).split())

    assert "(860) 555-0177" in without_date(out)
    assert without_date(out) == without_date(copy)

    tap(qtbot, preview.back)
    qtbot.waitUntil(lambda: window.findChild(PrintPreview, "print-preview") is None)


def test_discreet_toggle_changes_the_pages(qtbot: QtBot, kiosk_window) -> None:  # type: ignore[no-untyped-def]
    window = kiosk_window(discreet=True)
    preview = start_preview(qtbot, window, ["trafficking-hotline", "exit-program"])
    assert preview.discreet.isChecked()  # the setting's default
    assert preview.sheet is not None
    assert sensitive_words(preview.sheet.all_text()) == []
    before = preview.view._image.copy()
    tap(qtbot, preview.discreet)
    assert not preview.discreet.isChecked()
    assert "National Human Trafficking Hotline" in preview.sheet.all_text()
    assert preview.view._image != before


def test_many_pages_turned_by_buttons_and_swipes(qtbot: QtBot, kiosk_window,  # type: ignore[no-untyped-def]
                                                 tmp_path: Path) -> None:
    from tests.printing.conftest import many_resources_yaml

    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "a.yaml").write_text((HERE / "directory.yaml").read_text(), encoding="utf-8")
    (folder / "b.yaml").write_text("format: kiosk-directory/1\n" + many_resources_yaml(18),
                                   encoding="utf-8")
    window = kiosk_window(size=(1080, 1920), bundled=folder)
    preview = start_preview(qtbot, window, [f"place-{i:03d}" for i in range(18)])
    count = preview.page_count
    assert count >= 3
    assert preview.page_label.text() == f"Page 1 of {count}"
    assert not preview.previous.isEnabled()
    shot(window, "preview-1080x1920")
    tap(qtbot, preview.next)
    assert preview.page_label.text() == f"Page 2 of {count}"
    swipe(qtbot, preview.view, -300)  # finger right to left: next page
    assert preview.page_label.text() == f"Page 3 of {count}"
    swipe(qtbot, preview.view, 300)
    assert preview.page_label.text() == f"Page 2 of {count}"
    swipe(qtbot, preview.view, 30)  # a small wobble turns nothing
    assert preview.page_label.text() == f"Page 2 of {count}"
    tap(qtbot, preview.previous)
    assert preview.page == 0 and not preview.previous.isEnabled()


def test_no_printer_shows_the_codes_instead(qtbot: QtBot, kiosk_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = kiosk_window(printer="")
    preview = start_preview(qtbot, window, ["clinic", "trafficking-hotline"])
    with qtbot.waitSignal(preview.failed) as failed:
        tap(qtbot, preview.print_button)
    assert failed.args == ["no-printer"]
    message = preview.findChild(QLabel, "print-message")
    assert message is not None and message.isVisible()
    assert message.text() == "There is no printer here. Scan the code instead, or ask staff."
    assert preview.area.currentWidget() is preview.codes
    assert not preview.print_button.isVisible()  # no "Try again": it could only fail again
    image = shot(window, "no-printer-1280x800")
    # the codes on screen are real codes for the handout's main numbers
    codes = preview.findChildren(QLabel, "preview-code")
    assert len(codes) == 2
    path = tmp_path / "screen.png"
    image.save(str(path))
    found = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True,
                           text=True, check=False).stdout.split()
    assert sorted(found) == ["tel:+18605550100;ext=12", "tel:+18883737888"]
    assert window.handout.ids == ["clinic", "trafficking-hotline"]  # kept: nothing printed



@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
def test_codes_fit_on_screen(qtbot: QtBot, kiosk_window, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    window = kiosk_window(size=size, printer="")
    window.toggle_contrast()
    preview = start_preview(qtbot, window, ["clinic", "trafficking-hotline", "treatment-center"])
    tap(qtbot, preview.print_button)
    qtbot.waitUntil(lambda: preview.area.currentWidget() is preview.codes)
    shot(window, f"codes-high-contrast-{size[0]}x{size[1]}")
    viewport = preview.codes.viewport()
    cards = [c for c in preview.codes.inner.findChildren(QFrame) if c.property("role") == "card"]
    assert len(cards) == 3
    for card in cards:
        rect = card.rect().translated(card.mapTo(viewport, QPoint(0, 0)))
        assert rect.left() >= 0 and rect.right() <= viewport.width(), (size, rect)


def test_stopped_printer_is_a_plain_message(qtbot: QtBot, kiosk_window,  # type: ignore[no-untyped-def]
                                            print_queue: PrintQueue) -> None:
    queue = print_queue.name
    window = kiosk_window(printer=queue)
    preview = start_preview(qtbot, window, ["clinic"])
    print_queue.disable()
    try:
        with qtbot.waitSignal(preview.failed) as failed:
            tap(qtbot, preview.print_button)
    finally:
        print_queue.enable()
    assert failed.args == ["off"]
    assert preview.message.isVisible()
    assert preview.print_button.isVisible() and preview.print_button.text() == "Try again"
    assert window.handout.ids == ["clinic"]


def test_quick_exit_closes_the_preview(qtbot: QtBot, kiosk_window) -> None:  # type: ignore[no-untyped-def]
    window = kiosk_window()
    start_preview(qtbot, window, ["clinic"])
    window.quick_exit()
    qtbot.waitUntil(lambda: window.findChild(PrintPreview, "print-preview") is None)
    assert window.handout.ids == []


def test_back_button_and_spanish(qtbot: QtBot, kiosk_window) -> None:  # type: ignore[no-untyped-def]
    window = kiosk_window()
    window.set_language("es")
    preview = start_preview(qtbot, window, ["clinic"])
    assert preview.lang == "es"
    assert preview.sheet is not None
    assert preview.sheet.resources[0].name == "Clínica de Salud de Willimantic"
    # fixed words from the kiosk's own Spanish translation file
    assert preview.sheet.title == "Recursos de la comunidad"
    assert preview.sheet.subtitle.endswith("23 de noviembre de 2026")
    assert preview.sheet.resources[0].qr_caption == "Escanee para llamar"
    assert preview.print_button.text() == "Imprimir"
    shot(window, "preview-es-1280x800")
    tap(qtbot, preview.back)
    qtbot.waitUntil(lambda: window.findChild(PrintPreview, "print-preview") is None)
    assert window.handout.ids == ["clinic"]


def test_open_print_preview_over_a_plain_window(qtbot: QtBot, print_store) -> None:  # type: ignore[no-untyped-def]
    """The preview needs only store, settings, handout and lang from its window."""
    from kiosk.directory.settings import Settings
    from kiosk.ui.visit import Handout

    class Plain(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.store = print_store
            self.settings = Settings(print_store)
            self.handout = Handout(self)
            self.lang = "en"

    window = Plain()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    preview = open_print_preview(window, ["clinic"], "en")
    assert preview.geometry() == window.rect()
    assert preview.page_count == 1
    assert Qt.AlignmentFlag.AlignCenter


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
def test_preview_fits_every_kiosk_screen(qtbot: QtBot, kiosk_window,  # type: ignore[no-untyped-def]
                                         size: tuple[int, int], lang: str) -> None:
    window = kiosk_window(size=size)
    window.set_language(lang)
    preview = start_preview(qtbot, window, ["clinic", "trafficking-hotline"])
    shot(window, f"preview-{lang}-{size[0]}x{size[1]}")
    for button in preview.findChildren(QPushButton):
        if button.isVisible():
            # inside the preview and inside every box it sits in: nothing clipped
            parent = button.parentWidget()
            while parent is not None and parent is not preview.parentWidget():
                rect = button.rect().translated(button.mapTo(parent, QPoint(0, 0)))
                assert parent.rect().contains(rect), (size, lang, button.objectName(),
                                                      parent.objectName())
                parent = parent.parentWidget()
            assert button.height() >= 64 and button.width() >= 64
            # the words fit: a button narrower than it asks for cuts its text off
            assert button.width() >= button.sizeHint().width(), (button.text(), lang)
    page = preview.view.page_rect()
    assert page.height() >= 0.4 * size[1]
    assert preview.view.rect().toRectF().contains(page)
