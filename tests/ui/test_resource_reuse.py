"""The place screen is filled in, not built, for each place: the same widgets show every
place (rows a place does not have are hidden), its QR codes are drawn once, and a change of
language sets words only on the screen in view."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.resource import QR_PIXMAPS, qr_pixmap
from kiosk.ui.window import KioskWindow
from tests.ui.helpers import visible_texts

# From the most numbers (two) to none, with and without hours, address and QR code.
PLACES = ("trafficking-hotline", "willimantic-clinic", "crisis-988", "no-phone-pantry",
          "statewide-testing", "hartford-clinic", "trafficking-hotline")


def _widgets(window: KioskWindow) -> set[QWidget]:
    return set(window.resource_screen.findChildren(QWidget))


def test_opening_places_in_turn_makes_no_new_widgets(window: KioskWindow) -> None:
    window.open_resource(PLACES[0])  # the most numbers: every row is there after it
    before = _widgets(window)
    phone = window.findChild(QLabel, "resource-phone")
    for rid in PLACES[1:]:
        window.open_resource(rid)
        assert _widgets(window) == before, rid
    assert window.findChild(QLabel, "resource-phone") is phone


def test_a_place_with_more_numbers_adds_one_row_per_number(window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")  # one number
    before = _widgets(window)
    window.open_resource("trafficking-hotline")  # two
    made = _widgets(window) - before
    assert len(made) == 3  # what the number is, the number, when it answers
    assert {w.objectName() for w in made} >= {"resource-phone-2"}


def test_rows_a_place_lacks_are_hidden_and_nameless(window: KioskWindow) -> None:
    window.open_resource("trafficking-hotline")
    assert window.findChild(QLabel, "resource-phone-2").isVisible()
    window.open_resource("no-phone-pantry")
    assert window.findChild(QLabel, "resource-phone") is None
    assert window.findChild(QLabel, "resource-phone-2") is None
    assert window.findChild(QLabel, "resource-qr") is None
    texts = visible_texts(window.resource_screen)
    assert "Text HELP to 233733" not in texts and "Hours" not in texts
    assert "Church Street Pantry" in texts


def test_a_place_shown_again_keeps_its_drawn_qr_code(window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    first = window.findChild(QLabel, "resource-qr").pixmap().cacheKey()
    window.open_resource("hartford-clinic")
    other = window.findChild(QLabel, "resource-qr").pixmap().cacheKey()
    window.open_resource("willimantic-clinic")
    again = window.findChild(QLabel, "resource-qr").pixmap().cacheKey()
    assert again == first != other
    assert qr_pixmap.cache_info().maxsize == QR_PIXMAPS


def test_a_change_of_language_sets_words_only_on_the_screen_in_view(
        window: KioskWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.open_resource("willimantic-clinic")
    window.open_category("health")
    screen = window.resource_screen
    widgets = _widgets(window)
    screens = dict(window.screens)
    calls: list[str] = []
    monkeypatch.setattr(screen, "retranslate", lambda: calls.append(screen.lang))
    window.set_language("es")
    assert calls == [] and screen.words_in == "en"  # not in view: it waits
    assert window.screens == screens  # no screen made again
    assert window.category.words_in == "es"
    monkeypatch.undo()
    window.open_resource("willimantic-clinic")
    assert screen.words_in == "es" and _widgets(window) == widgets
    assert "Recepción" in visible_texts(screen)


def test_a_category_reads_the_other_languages_order_ahead(window: KioskWindow) -> None:
    """So that a change of language on the list does not read and sort it again."""
    from PySide6.QtWidgets import QApplication

    window.open_category("health")
    QApplication.processEvents()  # a piece per turn: the fixture's list is one piece
    assert window.category._read_ahead == []  # read and kept
    statements: list[str] = []
    window.store.db.conn.set_trace_callback(statements.append)
    window.set_language("es")
    window.store.db.conn.set_trace_callback(None)
    assert not any("resource_categories_list_es" in s for s in statements), statements
    assert window.category.model.rowCount() > 0
