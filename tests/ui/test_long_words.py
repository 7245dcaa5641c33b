"""A word of 5,000 letters (a pasted address, a name typed without spaces) wraps at the edge
on every visitor screen: the title of a place, its description, a topic, a tile on the
home screen and a row of the handout with its Remove button."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.directory.model import LocalText
from kiosk.ui.line_breaks import BREAK_OPPORTUNITY, LONG_WORD, break_long_words, for_display
from kiosk.ui.window import KioskWindow
from tests.ui.fit import problems

WORD = "Supercalifragilistic" * 250  # 5,000 letters, no space


def test_only_words_longer_than_any_real_word_are_broken() -> None:
    assert break_long_words("Responsabilidades y confidencialidad") == \
        "Responsabilidades y confidencialidad"
    broken = break_long_words(f"see {WORD} now")
    assert broken.startswith("see S\u200bu\u200bp") and broken.endswith("c now")
    assert broken.replace(BREAK_OPPORTUNITY, "") == f"see {WORD} now"
    assert break_long_words("x" * LONG_WORD) == "x" * LONG_WORD


def test_phone_numbers_in_running_text_are_kept_whole() -> None:
    assert for_display("Call (860) 456-2261 ext. 12 or 1 (800) 799-7233.") == \
        "Call (860)\u00a0456-2261\u00a0ext.\u00a012 or 1\u00a0(800)\u00a0799-7233."
    assert for_display("open 9 to 5, 7 days") == "open 9 to 5, 7 days"


def long_everything(window: KioskWindow) -> None:
    store = window.store
    clinic = store.resource("willimantic-clinic")
    assert clinic is not None
    phone = replace(clinic.phones[0], label=LocalText(WORD, WORD))
    store.write_resource(replace(
        clinic, name=LocalText(WORD, WORD), organization=WORD,
        description=LocalText(f"{WORD} {WORD}", WORD), phones=(phone, *clinic.phones[1:]),
        hours_note=LocalText(WORD, WORD)))
    topic = store.topic("your-rights")
    assert topic is not None
    store.write_topic(replace(topic, title=LocalText(WORD, WORD),
                              summary=LocalText(WORD, WORD),
                              body=LocalText(f"{WORD}\n\n- {WORD}", f"{WORD}\n\n- {WORD}")))
    window.refresh()


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)], ids=["landscape", "portrait"])
def test_a_5000_letter_word_wraps_on_every_screen(
        make_window, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size=size, lang="es")
    long_everything(window)
    window.handout.add("willimantic-clinic")
    window.cycle_text_size()
    window.cycle_text_size()  # the largest text
    found = []
    for name, show in (("home", window.show_home),
                       ("resource", lambda: window.open_resource("willimantic-clinic")),
                       ("topic", lambda: window.open_topic("your-rights")),
                       ("handout", window.open_handout)):
        show()
        for _ in range(3):
            QApplication.processEvents()
        found += [(name, *p) for p in problems(window)]
        page = window.stack.currentWidget()
        if page.minimumSizeHint().width() > page.width():
            found.append((name, "page", page.minimumSizeHint().width()))
    assert found == []
    remove = window.findChild(QPushButton, "remove-willimantic-clinic")
    assert remove.isVisible() and remove.width() >= 64
    on_screen = QRect(remove.mapTo(window, remove.rect().topLeft()), remove.size())
    assert on_screen.left() >= 0 and on_screen.right() < window.width()  # not pushed off
    row = remove.parentWidget()
    assert remove.y() < row.height() // 4  # beside the name's first lines, not far below
