"""Small values: phone numbers, hours, bilingual text, settings and usage counts."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.directory import usage
from kiosk.directory.hours import HoursError, WeeklyHours, parse_span
from kiosk.directory.model import LocalText, Phone
from kiosk.directory.phones import ParsedNumber, PhoneError, parse_number, plain_number
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store


@pytest.mark.parametrize(("text", "number", "display", "ext"), [
    ("860-456-2261", "+18604562261", "(860) 456-2261", ""),
    ("1-888-373-7888", "+18883737888", "(888) 373-7888", ""),
    ("+1 (860) 774-2020", "+18607742020", "(860) 774-2020", ""),
    ("(860) 523-5203 ext. 12", "+18605235203", "(860) 523-5203", "12"),
    ("860.355.3133 x4", "+18603553133", "(860) 355-3133", "4"),
    ("211", "211", "211", ""),
    ("233733", "233733", "233733", ""),
])
def test_phone_numbers_in_common_forms(text: str, number: str, display: str, ext: str) -> None:
    parsed = parse_number(text)
    assert (parsed.number, parsed.display, parsed.extension) == (number, display, ext)


@pytest.mark.parametrize("text", ["860-456-226", "1-800-FLOWERS", "12", "+44 20 7946 0958", ""])
def test_phone_numbers_refused(text: str) -> None:
    with pytest.raises(PhoneError):
        parse_number(text)


@pytest.mark.parametrize("text", ["860-456-2261", "(860) 456-2261", "1-860-456-2261",
                                  "860.456.2261", "(860)4562261"])
def test_a_number_in_the_usual_groups_is_read_in_one_step(text: str) -> None:
    parsed = parse_number(text)
    assert plain_number(text) == (parsed.number, parsed.display) == (
        "+18604562261", "(860) 456-2261")


@pytest.mark.parametrize("text", ["+1 (860) 774-2020", "860-456-2261 x4", "211",
                                  "(800) 370-LEAD", " 860-456-2261", "860-456-226"])
def test_other_forms_are_left_to_parse_number(text: str) -> None:
    assert plain_number(text) is None


def test_a_number_in_the_usual_groups_that_cannot_exist_is_refused() -> None:
    for check in (plain_number, parse_number):
        with pytest.raises(PhoneError, match='"200-555-2261" is not a valid US phone number'):
            check("200-555-2261")


def test_phone_uris() -> None:
    assert Phone("+18604562261", "(860) 456-2261").uri == "tel:+18604562261"
    assert Phone("+18604562261", "", extension="12").uri == "tel:+18604562261;ext=12"
    assert Phone("233733", "233733", kind="text", message="HELP").uri == "sms:233733?body=HELP"


def test_hours_spans_and_days() -> None:
    hours = WeeklyHours.from_data({"mon": ["08:00-12:00", "13:00-17:00"], "sun": "10:00-24:00"})
    monday = dt.datetime(2026, 11, 23, 12, 30)
    assert not hours.is_open(monday)
    assert hours.is_open(monday.replace(hour=13))
    assert hours.day_text(0) == "08:00-12:00, 13:00-17:00"
    assert hours.day_text(6) == "10:00-24:00"
    assert hours.to_data() == {"mon": ["08:00-12:00", "13:00-17:00"], "sun": ["10:00-24:00"]}
    for bad in ("9-5", "25:00-26:00", "09:00-09:00", "09:60-10:00"):
        with pytest.raises(HoursError):
            parse_span(bad)
    with pytest.raises(HoursError, match='"monday" is not a day'):
        WeeklyHours.from_data({"monday": ["09:00-17:00"]})


def test_local_text_falls_back_to_english() -> None:
    assert LocalText("Food", "").get("es") == "Food"
    assert LocalText("Food", "Comida").get("es") == "Comida"
    assert LocalText("Food", "").missing_spanish
    assert LocalText.from_data("Access Agency") == LocalText("Access Agency", "Access Agency")


def test_settings_have_defaults_and_keep_types(store: Store) -> None:
    settings = Settings(store)
    assert settings.get("idle_timeout_s") == 90.0
    settings.set("idle_timeout_s", 30)
    settings.set("town", "Willimantic")
    assert settings.get("idle_timeout_s") == 30.0
    assert Settings(store).get("town") == "Willimantic"


def test_usage_is_a_count_per_day_and_nothing_more(store: Store) -> None:
    day = dt.date(2026, 11, 23)
    for _ in range(3):
        usage.count(store, "resource", "clinic", day)
    usage.count(store, "category", "health", day)
    assert usage.daily(store, "resource") == [("2026-11-23", "clinic", 3)]
    assert set(store.db["usage_daily"].columns_dict) == {"day", "kind", "key", "count"}


def test_the_quick_path_for_us_numbers_agrees_with_phonenumbers() -> None:
    """Numbers in the North American plan are checked once per exchange; the answer
    must be phonenumbers' own for every number, valid or not."""
    import random

    import phonenumbers

    rng = random.Random(7)
    for _ in range(3000):
        digits = f"{rng.randint(100, 999)}{rng.randint(100, 999)}{rng.randint(0, 9999):04d}"
        text = rng.choice(["({}) {}-{}", "{}-{}-{}", "1 {} {} {}", "+1 {}.{}.{}"]).format(
            digits[:3], digits[3:6], digits[6:])
        parsed = phonenumbers.parse(text, "US")
        expected = phonenumbers.is_valid_number(parsed)
        try:
            got = parse_number(text)
        except PhoneError:
            assert not expected, text
        else:
            assert expected, text
            assert got.number == phonenumbers.format_number(
                parsed, phonenumbers.PhoneNumberFormat.E164)


def test_the_quick_nanp_check_agrees_with_phonenumbers() -> None:
    """Every exchange of area codes in Connecticut, toll-free, Canada and the Caribbean."""
    import phonenumbers

    from kiosk.directory.phones import nanp_is_valid

    for area in ("860", "203", "959", "475", "800", "888", "900", "416", "268", "809", "212"):
        for exchange in range(100, 1000):
            for line in ("0000", "2000", "5309"):
                national = f"{area}{exchange}{line}"
                expected = phonenumbers.is_valid_number(
                    phonenumbers.parse("+1" + national, None))
                assert nanp_is_valid(national) == expected, national


def test_numbers_in_the_usual_groups_read_as_the_general_path_reads_them() -> None:
    """(860) 456-2261 and the like are read in one step; the answer must be the one the
    general path gives for the same digits written with +1 (which it alone reads)."""
    import random

    rng = random.Random(11)
    forms = ["({}) {}-{}", "{}-{}-{}", "{}.{}.{}", "({}){}-{}", "{}{}{}", "{} {} {}",
             "({}) {}{}", "1-{}-{}-{}", "1 ({}) {}-{}", "1{}{}{}"]
    for _ in range(2000):
        digits = f"{rng.randint(200, 999)}{rng.randint(100, 999)}{rng.randint(0, 9999):04d}"
        groups = digits[:3], digits[3:6], digits[6:]
        try:
            general: ParsedNumber | None = parse_number("+1 {} {} {}".format(*groups))
        except PhoneError:
            general = None
        for form in forms:
            text = form.format(*groups)
            try:
                got: ParsedNumber | None = parse_number(text)
            except PhoneError:
                got = None
            assert got == general, text
