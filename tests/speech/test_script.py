"""What each screen says, in which order and which voice."""

from __future__ import annotations

from dataclasses import replace

from kiosk.directory.model import Directory, LocalText, Phone, Resource, Topic
from kiosk.speech.script import help_now_script, resource_script, topic_script
from tests.speech.conftest import MONDAY_10AM


def _resource(directory: Directory, rid: str) -> Resource:
    return next(r for r in directory.resources if r.id == rid)


def _topic(directory: Directory, slug: str) -> Topic:
    return next(t for t in directory.topics if t.slug == slug)


def _order(text: str, *pieces: str) -> list[int]:
    at = [text.find(p) for p in pieces]
    assert -1 not in at, [p for p, i in zip(pieces, at, strict=True) if i < 0]
    return at


def test_a_place_is_said_name_offer_reach_hours_checked(directory: Directory) -> None:
    text = resource_script(_resource(directory, "willimantic-clinic"), "en", MONDAY_10AM).text
    at = _order(text, "Willimantic Community Clinic.", "S.T.I and H.I.V testing",
                "Front desk: eight six zero, five five five, zero one four two.",
                "Address: 12 Main Street, Willimantic, Connecticut, zero six two two six.",
                "Open now. Today: 9 A M to 5 P M.",
                "Hours: Monday and Tuesday, 9 A M to 5 P M; Wednesday, 9 A M to 7 P M;",
                "Last checked by staff: November 2, 2026.")
    assert at == sorted(at)
    assert "(860)" not in text and "555-" not in text


def test_in_spanish_the_fixed_words_and_numbers_are_spanish(directory: Directory) -> None:
    script = resource_script(_resource(directory, "willimantic-clinic"), "es", MONDAY_10AM)
    assert {p.lang for p in script.parts} == {"es"}
    at = _order(script.text, "Clínica Comunitaria de Willimantic.",
                "Recepción: ocho seis cero, cinco cinco cinco, cero uno cuatro dos.",
                "Dirección: 12 Main Street, Willimantic, Connecticut, cero seis dos dos seis.",
                "Abierto ahora. Hoy: de 9 de la mañana a 5 de la tarde.",
                "Revisado por el personal: 2 de noviembre de 2026.")
    assert at == sorted(at)


def test_a_text_line_and_a_round_the_clock_line(directory: Directory) -> None:
    text = resource_script(_resource(directory, "trafficking-hotline"), "es", MONDAY_10AM).text
    assert "Envíe HELP al dos tres tres, siete tres tres." in text
    assert "Llamar: ocho ocho ocho, tres siete tres, siete ocho ocho ocho." \
        in text  # as the screen shows it: (888) 373-7888
    assert "Abierto ahora. Abierto las 24 horas, todos los días." in text


def test_text_with_no_spanish_is_said_by_the_english_voice(directory: Directory) -> None:
    r = _resource(directory, "willimantic-clinic")
    r = replace(r, description=LocalText("Walk in Mon-Fri."),
                phones=(Phone("+18605550142", "(860) 555-0142", label=LocalText("Front desk")),))
    script = resource_script(r, "es", MONDAY_10AM)
    langs = [(p.lang, p.text) for p in script.parts]
    assert ("en", "Walk in Monday to Friday.") in langs
    assert ("en", "Front desk.") in langs  # the label in its own voice,
    assert ("es", "ocho seis cero, cinco cinco cinco, cero uno cuatro dos.") in langs  # the number
    assert [run.lang for run in script.runs()].count("en") == 2


def test_a_topic_then_its_places(directory: Directory) -> None:
    topic = _topic(directory, "your-rights")
    related = [_resource(directory, "willimantic-clinic")]
    text = topic_script(topic, related, "en").text
    at = _order(text, "Your rights at a clinic.", "You can ask for an interpreter.",
                "Places that can help.", "Willimantic Community Clinic.",
                "eight six zero, five five five, zero one four two.")
    assert at == sorted(at)
    assert "\u2022" not in text
    naloxone = topic_script(_topic(directory, "naloxone"), [], "es").text
    assert naloxone == "Cómo usar la naloxona. Llame al nueve uno uno. Dé un rociado en la nariz."


def test_the_help_right_now_strip(directory: Directory) -> None:
    lines = [_resource(directory, "crisis-988"), _resource(directory, "trafficking-hotline")]
    text = help_now_script(lines, "en", emergency=True).text
    at = _order(text, "Help right now.", "Emergency: nine one one.",
                "Crisis line nine eight eight. nine eight eight.",
                "National Human Trafficking Hotline. eight eight eight")
    assert at == sorted(at)
    assert help_now_script(lines, "es").text.startswith(
        "Ayuda ahora mismo. Gratis y privado. Alguien le contestará, de día y de noche. "
        "Línea de crisis nueve ocho ocho. nueve ocho ocho.")
