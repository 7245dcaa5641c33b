"""Numbers, times, days and dates in words, as the voice says them."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.directory.hours import WeeklyHours
from kiosk.speech import language


@pytest.mark.parametrize(("number", "lang", "said"), [
    ("(860) 456-2261", "en", "eight six zero, four five six, two two six one"),
    ("(860) 456-2261", "es", "ocho seis cero, cuatro cinco seis, dos dos seis uno"),
    ("1-800-273-8255", "en", "one, eight zero zero, two seven three, eight two five five"),
    ("+18604562261", "en", "one, eight six zero, four five six, two two six one"),
    ("8604562261", "es", "ocho seis cero, cuatro cinco seis, dos dos seis uno"),
    ("988", "en", "nine eight eight"),
    ("233733", "es", "dos tres tres, siete tres tres"),
])
def test_phone_numbers_are_said_digit_by_digit_in_their_groups(number: str, lang: str,
                                                               said: str) -> None:
    assert language.phone(number, lang) == said


def test_an_extension_follows_the_number() -> None:
    assert language.phone("(860) 555-0100", "en", "12").endswith(", extension one two")
    assert language.phone("(860) 555-0100", "es", "12").endswith(", extensión uno dos")


@pytest.mark.parametrize(("minutes", "en", "es"), [
    (9 * 60, "9 A M", "9 de la mañana"),
    (17 * 60 + 30, "5 30 P M", "5 y media de la tarde"),
    (13 * 60, "1 P M", "una de la tarde"),
    (9 * 60 + 5, "9 oh 5 A M", "9 y 5 de la mañana"),
    (12 * 60, "noon", "mediodía"),
    (0, "midnight", "medianoche"),
    (24 * 60, "midnight", "medianoche"),
    (21 * 60, "9 P M", "9 de la noche"),
])
def test_times_are_said_as_people_say_them(minutes: int, en: str, es: str) -> None:
    assert language.clock(minutes, "en") == en
    assert language.clock(minutes, "es") == es


def test_a_week_is_said_in_runs_of_days() -> None:
    hours = WeeklyHours.from_data({"mon": ["09:00-17:00"], "tue": ["09:00-17:00"],
                                   "wed": ["09:00-17:00"], "sat": ["10:00-14:00"]})
    assert language.weekly(hours, "en") == ("Monday to Wednesday, 9 A M to 5 P M; "
                                            "Saturday, 10 A M to 2 P M")
    assert language.weekly(hours, "es") == (
        "de lunes a miércoles, de 9 de la mañana a 5 de la tarde; "
        "sábado, de 10 de la mañana a 2 de la tarde")
    assert language.weekly(WeeklyHours(always=True), "en") == \
        "open twenty-four hours, every day"
    assert language.weekly(WeeklyHours(), "es") == "cerrado"
    assert language.today(hours, 3, "en") == "closed"


def test_dates_in_each_language() -> None:
    assert language.date(dt.date(2026, 3, 3), "en") == "March 3, 2026"
    assert language.date(dt.date(2026, 3, 3), "es") == "3 de marzo de 2026"
