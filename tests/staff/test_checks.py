"""Form checks say in plain words what is wrong, naming the value."""

from __future__ import annotations

import pytest

from kiosk.staff import checks


@pytest.mark.parametrize(("text", "message"), [
    ("(860) 456-226", "This phone number is missing a digit: (860) 456-226"),
    ("860-456", "This phone number is missing 4 digits: 860-456"),
    ("860-456-22611", "This phone number has one digit too many: 860-456-22611"),
    ("860-CALL-NOW", "Write this phone number in digits only: 860-CALL-NOW"),
    ("(123) 456-7890", "This is not a working US phone number; check the area code: "
                       "(123) 456-7890"),
    ("", "Write the phone number."),
])
def test_bad_phone_numbers(text: str, message: str) -> None:
    assert checks.phone_problem(text) == message


@pytest.mark.parametrize("text", ["(860) 456-2261", "1-888-373-7888", "+1 860 456 2261",
                                  "860-456-2261 ext. 12", "211", "233733"])
def test_good_phone_numbers(text: str) -> None:
    assert checks.phone_problem(text) == ""


def test_web_email_zip_id_hours_required() -> None:
    assert checks.website_problem("https://ct.gov/dph") == ""
    assert checks.website_problem("not a site") == "A web address has no spaces: not a site"
    assert "not a web address" in checks.website_problem("htp//x")
    assert checks.email_problem("a@b.org") == ""
    assert checks.email_problem("a@b") == (
        "This is not an email address like name@example.org: a@b")
    assert checks.zip_problem("06226") == "" and checks.zip_problem("06226-1234") == ""
    assert checks.zip_problem("6226") == "A ZIP code has 5 digits, like 06226: 6226"
    assert checks.id_problem("Windham Clinic").startswith("Use only small letters")
    assert checks.spans_problem("09:00-17:00, 18:00-20:00") == ""
    assert checks.spans_problem("9 to 5") == (
        "Write hours like 09:00-17:00 (several with commas): 9 to 5")
    assert checks.required_problem("  ", "name in English") == (
        "Write the name in English; it is required.")
