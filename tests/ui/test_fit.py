"""Every screen, at every text size, in both languages, landscape and portrait: no text is
wider or taller than the widget that shows it (measured by tests/ui/fit.py as Qt lays it
out), and no page is wider than the screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ui.theme import TEXT_SCALES
from kiosk.ui.window import KioskWindow
from tests.ui.fit import problems

SIZES = [(1280, 800), (1920, 1080), (1080, 1920)]


def walk(window: KioskWindow) -> Iterator[str]:
    """Shows each screen in turn, in the states a visitor brings it to."""
    window.handout.add("willimantic-clinic")
    window.handout.add("trafficking-hotline")

    def search() -> None:
        window.open_search()
        window.search.clear()
        for char in "clinic":
            window.search.type_text(char)

    def keyboard_hidden() -> None:
        search()
        window.search.hide_keyboard()

    def reporting() -> None:
        window.open_resource("willimantic-clinic")
        window.resource_screen.report.open_choices()

    steps: list[tuple[str, Callable[[], None]]] = [
        ("home", window.show_home),
        ("category", lambda: window.open_category("health")),
        ("category-filtered", lambda: window.category.filters["near"].setChecked(True)),
        ("resource", lambda: window.open_resource("willimantic-clinic")),
        ("resource-text-line", lambda: window.open_resource("trafficking-hotline")),
        ("resource-unchecked", lambda: window.open_resource("hartford-clinic")),
        ("resource-no-phone", lambda: window.open_resource("no-phone-pantry")),
        ("resource-report", reporting),
        ("topic", lambda: window.open_topic("your-rights")),
        ("search", search),
        ("search-no-keyboard", keyboard_hidden),
        ("handout", window.open_handout),
        ("still-there", lambda: window.still_there.ask(15)),
    ]
    for name, show in steps:
        show()
        for _ in range(3):
            QApplication.processEvents()
        yield name
    window.still_there.dismiss()
    window.search.show_keyboard()


def everything_fits(window: KioskWindow) -> list[tuple[object, ...]]:
    found: list[tuple[object, ...]] = []
    for step in range(len(TEXT_SCALES)):
        while window.theme.text_step != step:
            window.cycle_text_size()
        for name in walk(window):
            found += [(f"text size {step + 1}", name, *p) for p in problems(window)]
            page = window.stack.currentWidget()
            if page.minimumSizeHint().width() > page.width():
                found.append((step, name, "page", "wider than the screen"))
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_text_fits_on_every_screen_at_every_text_size(
        make_window, size: tuple[int, int], lang: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size=size, lang=lang, idle_timeout_s=3600)
    assert everything_fits(window) == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_text_fits_in_high_contrast(make_window, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """High contrast draws every edge: the borders must not eat into the words."""
    window = make_window(size=size, lang="es", idle_timeout_s=3600)
    window.toggle_contrast()
    assert everything_fits(window) == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_long_numbers_move_the_code_under_them_and_stay_on_one_line(
        make_window, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """A number with its extension and a text line are wider than the room beside the QR
    code at a large text size: the code goes under them, and no number breaks or is cut."""
    from dataclasses import replace

    from kiosk.directory.model import LocalText, Phone
    from kiosk.ui.line_breaks import plain

    window = make_window(size=size, lang="es", idle_timeout_s=3600)
    clinic = window.store.resource("willimantic-clinic")
    phones = (Phone("+18604507400", "(860) 450-7400", extension="7495"),
              Phone("+18604121600", "(860) 412-1600", label=LocalText("Evenings", "Noches")),
              Phone("+18603003845", "(860) 300-3845", kind="text", message="APPLY"))
    window.store.write_resource(replace(clinic, phones=phones))
    window.refresh()
    found = []
    for step in range(len(TEXT_SCALES)):
        while window.theme.text_step != step:
            window.cycle_text_size()
        window.open_resource("willimantic-clinic")
        found += [(step, *p) for p in problems(window)]
        card = window.resource_screen.call_card
        for label in window.resource_screen.phone_labels:
            assert "(860)\u00a0" in label.text()  # the number is one unbreakable piece
            assert label.height() >= label.heightForWidth(label.width()), plain(label.text())
    assert card.box.direction().name == "TopToBottom"  # at the largest text, on any screen
    assert found == []
