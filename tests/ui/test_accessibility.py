"""What a person with poor sight, shaky hands or a screen reader meets on every screen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.ui import palette
from kiosk.ui.home import PhoneTile
from kiosk.ui.widgets import TileButton
from kiosk.ui.window import KioskWindow
from tests.ui.fit import line_problem, tile_problem
from tests.ui.helpers import grab

SIZES = [(1920, 1080), (1280, 800), (1080, 1920)]


def screens(window: KioskWindow) -> Iterator[str]:
    """Shows each screen in turn (with something in the handout)."""
    window.handout.add("willimantic-clinic")
    steps: list[tuple[str, Callable[[], None]]] = [
        ("home", window.show_home),
        ("category", lambda: window.open_category("health")),
        ("resource", lambda: window.open_resource("willimantic-clinic")),
        ("resource-unchecked", lambda: window.open_resource("hartford-clinic")),
        ("topic", lambda: window.open_topic("your-rights")),
        ("search", window.open_search),
        ("handout", window.open_handout),
        ("still-there", lambda: window.still_there.ask(15)),
    ]
    for name, show in steps:
        show()
        for _ in range(3):  # layouts settle over a few turns of the event loop
            QApplication.processEvents()
        yield name


def on_screen(window: KioskWindow, cls: type) -> list:  # type: ignore[type-arg]
    """Visible widgets a person can see (only the question, when it covers the screen)."""
    root = window.still_there if window.still_there.isVisible() else window
    return [w for w in root.findChildren(cls) if w.isVisible() and w.width() > 0
            and w.visibleRegion().boundingRect().width() > 0]


def test_every_palette_pair_meets_aa_in_both_themes() -> None:
    for high_contrast in (False, True):
        colors = palette.colors(high_contrast)
        for ink, bg in palette.TEXT_PAIRS:
            ratio = palette.contrast(palette.rgb(colors[ink]), palette.rgb(colors[bg]))
            assert ratio >= palette.AA_TEXT, (high_contrast, ink, bg, ratio)


def _words(widget: QWidget) -> str:
    if isinstance(widget, TileButton):
        return widget.shown_text()
    if isinstance(widget, PhoneTile):
        return " ".join(widget.texts())
    return widget.text()


def _text_area(widget: QWidget, window: QWidget) -> QRect | None:
    """Where `widget` shows its words, in the window's coordinates; None without words. A
    tile draws its own words (under its icon): only that part of it is measured."""
    if not _words(widget).strip():
        return None
    region = widget.visibleRegion().boundingRect()
    if isinstance(widget, (TileButton, PhoneTile)):
        region = region & widget.text_rect()
    return QRect(widget.mapTo(window, region.topLeft()), region.size())


def _text_contrast(image: QImage, rect: QRect) -> float:
    """Background = the commonest colour; text = the colour furthest from it in contrast
    that covers a few pixels (glyph stems are drawn in the full text colour)."""
    crop = image.copy(rect)
    counts = Counter(crop.pixel(x, y) for x in range(crop.width())
                     for y in range(crop.height()))
    bg_pixel = counts.most_common(1)[0][0]

    def rgb(p: int) -> tuple[int, int, int]:
        return (p >> 16) & 255, (p >> 8) & 255, p & 255

    bg = rgb(bg_pixel)
    return max((palette.contrast(rgb(p), bg) for p, n in counts.items() if n >= 3),
               default=1.0)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["warm", "high-contrast"])
def test_text_on_every_screen_meets_aa_contrast(
        make_window, high_contrast: bool) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size=(1280, 800))
    if high_contrast:
        window.toggle_contrast()
    checked = 0
    for name in screens(window):
        image = grab(window)
        for widget in on_screen(window, QLabel) + on_screen(window, QPushButton):
            rect = _text_area(widget, window)
            if rect is None or rect.height() < 12:
                continue
            ratio = _text_contrast(image, rect)
            assert ratio >= palette.AA_TEXT, (name, widget.objectName(), _words(widget), ratio)
            checked += 1
    assert checked > 60


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_touch_target_is_at_least_64_px(make_window, size) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size=size)
    for name in screens(window):
        for button in on_screen(window, QAbstractButton):
            assert button.width() >= 64 and button.height() >= 64, (
                name, button.objectName(), button.size())
        for view in on_screen(window, QListView):
            model = view.model()
            if model.rowCount():
                assert view.visualRect(model.index(0, 0)).height() >= 64, name


def _clipped(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return None
        rect = widget.contentsRect()
        if widget.wordWrap():
            if widget.heightForWidth(widget.width()) > widget.height() + 1:
                return f"wrapped text needs {widget.heightForWidth(widget.width())} px, " \
                       f"has {widget.height()}"
            longest = max(widget.fontMetrics().horizontalAdvance(w) for w in text.split())
            if longest > rect.width() + 1:
                return f"a word is wider ({longest}) than the label ({rect.width()})"
            return None
        needed = max(widget.fontMetrics().horizontalAdvance(line)
                     for line in text.split("\n"))
        if needed > rect.width() + 1:
            return f"needs {needed} px, has {rect.width()}"
    elif isinstance(widget, TileButton):
        return tile_problem(widget)
    elif isinstance(widget, PhoneTile):
        return line_problem(widget)
    elif isinstance(widget, QPushButton):
        text = widget.text()
        if text and widget.fontMetrics().horizontalAdvance(text) + 16 > widget.width():
            return f"needs {widget.fontMetrics().horizontalAdvance(text)}, has {widget.width()}"
    return None


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_text_is_clipped(make_window, size, lang: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size=size, lang=lang)
    problems = []
    for name in screens(window):
        for widget in on_screen(window, QLabel) + on_screen(window, QPushButton):
            problem = _clipped(widget)
            if problem:
                problems.append((name, widget.objectName() or _words(widget), problem))
    assert problems == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_is_clipped_or_too_small_at_the_largest_text_size(
        make_window, size) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size=size, lang="es")
    window.cycle_text_size()
    window.cycle_text_size()
    problems = []
    for name in screens(window):
        for widget in on_screen(window, QLabel) + on_screen(window, QPushButton):
            problem = _clipped(widget)
            if problem:
                problems.append((name, widget.objectName() or _words(widget), problem))
        for button in on_screen(window, QAbstractButton):
            if button.width() < 64 or button.height() < 64:
                problems.append((name, button.objectName(), "smaller than 64 px"))
        page = window.stack.currentWidget()
        if page.minimumSizeHint().width() > page.width():
            problems.append((name, "page", "wider than the screen"))
    assert problems == []


def test_every_control_has_an_accessible_name(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size=(1280, 800))
    for name in screens(window):
        for control in on_screen(window, QAbstractButton) + on_screen(window, QLineEdit) + \
                on_screen(window, QListView):
            label = control.accessibleName() or getattr(control, "text", lambda: "")()
            assert label.strip(), (name, control.objectName())


def test_text_size_grows_the_whole_interface_in_three_steps(
        qtbot: QtBot, window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    add = window.findChild(QPushButton, "add-to-handout")
    sizes = []
    for _ in range(3):
        QApplication.processEvents()
        phone = window.findChild(QLabel, "resource-phone")
        sizes.append((phone.fontInfo().pixelSize(), add.height(),
                      window.category.delegate.theme.px(24)))
        window.findChild(QPushButton, "text-size-button").click()
    assert sizes[0] < sizes[1] < sizes[2]
    QApplication.processEvents()
    phone = window.findChild(QLabel, "resource-phone")
    assert (phone.fontInfo().pixelSize(), add.height()) == sizes[0][:2]  # wraps around


def test_high_contrast_puts_every_text_at_seven_to_one(window: KioskWindow) -> None:
    """Measured as the AA test does, over each text's own area against the background
    around it (not one pixel of the screen): in high contrast every text on every screen
    reaches 7:1, on a black screen."""
    AAA_TEXT = 7.0
    window.findChild(QPushButton, "contrast-button").click()
    checked = 0
    for name in screens(window):
        image = grab(window)
        commonest = Counter(image.pixel(x, y) for x in range(0, image.width(), 8)
                            for y in range(0, image.height(), 8)).most_common(1)[0][0]
        assert commonest & 0xFFFFFF == 0, name  # black paper
        for widget in on_screen(window, QLabel) + on_screen(window, QPushButton):
            rect = _text_area(widget, window)
            if rect is None or rect.height() < 12:
                continue
            ratio = _text_contrast(image, rect)
            assert ratio >= AAA_TEXT, (name, widget.objectName(), _words(widget), ratio)
            checked += 1
    assert checked > 60
