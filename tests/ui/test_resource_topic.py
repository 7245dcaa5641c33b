from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ui.window import KioskWindow
from tests.ui.helpers import FakeSpeech, tap, visible_texts


def test_resource_shows_big_phone_hours_and_details(window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    screen = window.resource_screen
    phone = window.findChild(QLabel, "resource-phone")
    assert phone.text() == "(860)\u00a0555-0142"  # one piece: it never breaks
    assert phone.font().pixelSize() >= 40 or phone.fontInfo().pixelSize() >= 40
    texts = visible_texts(screen)
    for expected in ("Front desk", "Open now", "Today: 09:00-17:00", "Hours", "Monday",
                     "09:00-19:00", "12 Main St, Willimantic, CT 06226", "Free",
                     "English, Spanish", "Walk in, no appointment needed",
                     "Anyone 13 or older.", "You can stay anonymous.",
                     "Free and private STI and HIV testing. No insurance needed.",
                     "Last checked by staff: November 2, 2026"):
        assert expected in texts, expected


def test_unchecked_entry_says_call_first(window: KioskWindow) -> None:
    window.open_resource("hartford-clinic")
    verified = window.findChild(QLabel, "verified")
    assert verified.text() == "From an article only. Not yet checked by staff: call first."
    assert verified.property("trust") == "article"
    assert window.findChild(QLabel, "open-badge").text() == "Closed"


def test_qr_code_puts_the_number_on_a_phone(window: KioskWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.open_resource("willimantic-clinic")
    qr = window.findChild(QLabel, "resource-qr")
    path = tmp_path / "qr.png"
    qr.pixmap().save(str(path))
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "tel:+18605550142"


def test_text_lines_say_what_to_text(window: KioskWindow) -> None:
    window.open_resource("trafficking-hotline")
    assert window.findChild(QLabel, "resource-phone-2").text() == "Text HELP to 233733"


def test_add_to_handout_and_count_on_every_screen(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_resource("willimantic-clinic")
    add = window.findChild(QPushButton, "add-to-handout")
    tap(qtbot, add)
    assert window.handout.ids == ["willimantic-clinic"]
    assert add.text() == "Added to my handout \u2713"
    handout_button = window.findChild(QPushButton, "handout-button")
    assert handout_button.label() == "Handout (1)"
    window.open_topic("naloxone")
    assert handout_button.isVisible() and handout_button.label() == "Handout (1)"
    tap(qtbot, handout_button)
    assert window.screen_name() == "handout"
    assert "Willimantic Community Clinic" in visible_texts(window.handout_screen)
    tap(qtbot, window.findChild(QPushButton, "remove-willimantic-clinic"))
    assert window.handout.ids == []
    assert window.handout_screen.empty.isVisible()
    assert handout_button.label() == "Handout (0)"


def test_print_opens_the_preview_over_the_screens(
        qtbot: QtBot, window: KioskWindow) -> None:
    from kiosk.printing.kiosk_print import PrintPreview

    window.handout.add("willimantic-clinic")
    window.open_handout()
    printing = window.findChild(QPushButton, "print-handout")
    assert printing.isEnabled()
    tap(qtbot, printing)
    preview = window.findChild(PrintPreview, "print-preview")
    assert preview is not None and preview.isVisible()
    assert preview.ids == ["willimantic-clinic"]
    assert preview.geometry() == window.stack.geometry()  # the header stays in reach


def test_topic_shows_paragraphs_list_items_and_related_places(
        qtbot: QtBot, window: KioskWindow) -> None:
    tap(qtbot, window.findChild(QPushButton, "topic-your-rights"))
    texts = visible_texts(window.topic_screen)
    assert "Your rights at a clinic" in texts
    assert "You do not need to give your real name." in texts
    assert "\u2022  You can ask for an interpreter." in texts
    related = window.findChild(QPushButton, "related-willimantic-clinic")
    tap(qtbot, related)
    assert window.current == ("resource", "willimantic-clinic")
    tap(qtbot, window.findChild(QPushButton, "back-button"))
    assert window.current == ("topic", "your-rights")


def test_read_aloud_speaks_the_screen(qtbot: QtBot, window: KioskWindow,
                                      speech: FakeSpeech) -> None:
    window.open_resource("willimantic-clinic")
    button = window.findChild(QPushButton, "read-aloud")
    assert button.isVisible()
    tap(qtbot, button)
    text, lang = speech.said[-1]
    assert lang == "en"
    assert "Willimantic Community Clinic" in text
    assert "eight six zero, five five five, zero one four two" in text and "(860)" not in text
    window.open_topic("naloxone")
    tap(qtbot, window.findChild(QPushButton, "read-aloud-topic"))
    assert "Give one spray in the nose." in speech.said[-1][0]


def test_read_aloud_is_hidden_without_an_engine(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(speech=FakeSpeech(available=False))
    window.open_resource("willimantic-clinic")
    assert not window.findChild(QPushButton, "read-aloud").isVisible()
    window.open_topic("naloxone")
    assert not window.findChild(QPushButton, "read-aloud-topic").isVisible()


def test_opening_counts_usage_and_nothing_else(window: KioskWindow) -> None:
    window.open_category("health")
    window.open_resource("willimantic-clinic")
    window.open_resource("willimantic-clinic")
    window.open_topic("naloxone")
    query = "select kind, key, count from usage_daily order by kind, key"
    assert window.store.db.execute(query).fetchall() == []  # not while the visit goes on
    window.quick_exit()
    rows = window.store.db.execute(query).fetchall()
    assert rows == [("category", "health", 1), ("resource", "willimantic-clinic", 2),
                    ("topic", "naloxone", 1)]


def test_back_walks_the_history(qtbot: QtBot, window: KioskWindow) -> None:
    back = window.findChild(QPushButton, "back-button")
    assert not back.isEnabled()
    window.open_category("health")
    window.open_resource("willimantic-clinic")
    tap(qtbot, back)
    assert window.current == ("category", "health")
    tap(qtbot, window.findChild(QPushButton, "home-button"))
    assert window.current == ("home", "") and not back.isEnabled()
    assert Qt.TextFormat.PlainText == window.category.title.textFormat()


def test_a_place_without_a_number_says_to_ask_staff(window: KioskWindow) -> None:
    window.open_resource("no-phone-pantry")
    assert window.findChild(QLabel, "resource-phone") is None
    assert window.findChild(QLabel, "resource-qr") is None
    assert ("No phone number listed. Ask staff here, or dial 2-1-1, how to reach them."
            in visible_texts(window))


def test_a_line_open_day_and_night_says_so_without_a_week_table(window: KioskWindow) -> None:
    window.open_resource("crisis-988")
    texts = visible_texts(window)
    assert "Open now" in texts and "Open 24 hours, every day" in texts
    assert "Hours" not in texts and "Monday" not in texts
    assert "Call, day or night" in texts  # a hotline's number is labelled as such


def test_the_three_trust_levels_read_and_look_different(window: KioskWindow) -> None:
    import datetime as dt

    from kiosk.directory.model import Source

    store = window.store
    clinic = store.resource("hartford-clinic")
    assert clinic is not None
    page = Source("https://example.org/contact", ("phones",), read=dt.date(2026, 12, 1))
    store.write_resource(clinic.with_changes(id="from-page", sources=(page,)))
    store.write_resource(clinic.with_changes(id="from-staff", verified_on=dt.date(2026, 11, 20),
                                             verified_by="Ana"))
    store.write_resource(clinic.with_changes(id="from-211", source="211-windham"))
    seen = {}
    for rid in ("from-staff", "from-page", "hartford-clinic", "from-211"):
        window.open_resource(rid)
        label = window.findChild(QLabel, "verified")
        seen[label.property("trust")] = label.text()
    assert seen == {
        "staff": "Last checked by staff: November 20, 2026 (Ana)",
        "published": "From an official web page, read on December 1, 2026. Not yet checked "
                     "by staff: call first.",
        "article": "From an article only. Not yet checked by staff: call first.",
        "directory": "From a community directory (211-windham). Not yet checked by staff: "
                     "call first."}


def test_a_national_line_never_says_call_first(window: KioskWindow) -> None:
    store = window.store
    line = store.resource("crisis-988")
    assert line is not None
    store.write_resource(line.with_changes(verified_on=None))
    window.open_resource("crisis-988")
    assert window.findChild(QLabel, "verified").text() == (
        "From an article only. Not yet checked by staff.")


def test_a_place_without_a_phone_says_how_to_reach_it(window: KioskWindow) -> None:
    window.open_resource("no-phone-pantry")
    reach = window.findChild(QLabel, "how-to-reach")
    assert reach.text() == ("No phone number listed. Ask staff here, or dial 2-1-1, how to "
                            "reach them.")
    assert "call first" not in window.findChild(QLabel, "verified").text()
    assert window.findChild(QLabel, "resource-qr") is None


def test_an_entry_in_english_only_says_so_to_a_spanish_reader(window: KioskWindow) -> None:
    from kiosk.directory.model import LocalText

    store = window.store
    clinic = store.resource("willimantic-clinic")
    assert clinic is not None
    store.write_resource(clinic.with_changes(
        id="pantry-211", description=LocalText("Free groceries on Fridays.", "")))
    window.open_resource("pantry-211")
    note = window.findChild(QLabel, "english-only")
    assert note is not None and not note.isVisible()  # said only to a Spanish reader
    window.set_language("es")
    assert note.isVisible() and note.text() == "Esta información solo está en inglés."
    assert "Free groceries on Fridays." in visible_texts(window.resource_screen)
    window.open_resource("willimantic-clinic")  # it has its Spanish
    assert window.findChild(QLabel, "english-only") is None
