"""The header's buttons keep their place and size: in both languages, at every text size,
in both themes, on every screen and at every number of places in the handout."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ui import header
from kiosk.ui.visit import MAX_ITEMS
from kiosk.ui.window import KioskWindow
from tests.ui.fit import problems
from tests.ui.helpers import tap

SIZES = [(1280, 800), (1920, 1080), (1080, 1920), (1280, 720)]


def places(window: KioskWindow) -> dict[str, QRect]:
    QApplication.processEvents()
    return {b.objectName(): QRect(b.mapTo(window, b.rect().topLeft()), b.size())
            for b in window.header.buttons()} | {"header": window.header.geometry()}


@pytest.mark.parametrize("width", [864, 1024, 1080, 1280, 1366, 1920, 2560])
def test_slots_share_the_width_and_keep_the_staff_corner_free(width: int) -> None:
    slots = header.slots(width)
    assert len(slots) == header.COUNT
    assert len({w for _, w in slots}) == 1  # one width for every button
    assert slots[0][0] >= header.ADMIN_CORNER
    assert slots[-1][0] + slots[-1][1] == width - header.RIGHT
    for (x, w), (next_x, _) in itertools.pairwise(slots):
        assert x + w + header.GAP <= next_x  # never touching
    assert slots[0][1] >= 64


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_choice_of_the_visitor_moves_a_header_button(
        make_window, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size=size)
    first = places(window)
    window.toggle_language()
    assert places(window) == first, "language"
    for step in range(3):
        window.cycle_text_size()
        assert places(window) == first, f"text size {step}"
    window.toggle_contrast()
    assert places(window) == first, "contrast"
    for show in (lambda: window.open_category("health"),
                 lambda: window.open_resource("willimantic-clinic"),
                 window.open_search, lambda: window.open_topic("your-rights"),
                 window.open_handout):
        show()
        assert places(window) == first, window.screen_name()
    for rid in [r.id for r in window.store.resources()][:MAX_ITEMS]:
        window.handout.add(rid)
    assert places(window) == first, "handout count"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_label_fits_its_slot(make_window, size: tuple[int, int], lang: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size=size, lang=lang)
    window.visit.handout.ids = [f"place-{i}" for i in range(MAX_ITEMS)]
    window.header.set_handout_count(MAX_ITEMS)  # the longest count
    window.cycle_text_size()
    window.cycle_text_size()
    assert problems(window.header) == []


def test_tapping_the_same_spot_twice_switches_the_language_back(
        qtbot: QtBot, window: KioskWindow) -> None:
    """The complaint: after "Español" the spot held "Tamaño de letra"."""
    toggle = window.header.language_button
    spot = toggle.rect().center()
    tap(qtbot, toggle, spot)
    assert window.lang == "es"
    target = window.childAt(toggle.mapTo(window, spot))
    while target is not None and target is not toggle:
        target = target.parentWidget()
    assert target is toggle
    tap(qtbot, toggle, spot)
    assert window.lang == "en"


def test_start_over_has_an_icon_like_every_other_button(window: KioskWindow) -> None:
    for button in window.header.buttons():
        name = button.objectName()
        assert not button.icon_pixmap().isNull(), name
        icon, words = button.icon_rect(), button.text_rect()
        assert button.rect().contains(icon) and not icon.intersects(words), (name, icon, words)
        image = button.grab().toImage()
        paper = image.pixelColor(icon.left(), icon.top() - 2)  # just above the icon
        inked = sum(1 for x in range(icon.left(), icon.right() + 1)
                    for y in range(icon.top(), icon.bottom() + 1)
                    if image.pixelColor(x, y) != paper)
        assert inked > icon.width() * icon.height() // 20, (name, inked)  # drawn, and seen


def test_back_looks_unavailable_where_there_is_nothing_to_go_back_to(
        window: KioskWindow) -> None:
    """On home, Back is disabled: its words are drawn in the muted colour and its icon
    greyed, where Home beside it is in full ink."""
    window.show_home()
    QApplication.processEvents()

    def darkest(button_name: str) -> int:
        button = window.findChild(QPushButton, button_name)
        image = button.grab().toImage()
        area = button.text_rect().united(button.icon_rect())
        return min(image.pixelColor(x, y).lightness() for x in range(area.left(), area.right())
                   for y in range(area.top(), area.bottom()))

    assert not window.findChild(QPushButton, "back-button").isEnabled()
    assert darkest("back-button") > darkest("home-button") + 40
