"""Plain-word checks for what staff type into the admin forms.

Each check returns an empty string when the value is fine, or one sentence to show next to
the field, naming the value, so staff see at once what to fix ("This phone number is missing
a digit: (860) 456-226").
"""

from __future__ import annotations

import re

from kiosk.directory.convert import EMAIL, SLUG, WEBSITE, ZIP
from kiosk.directory.hours import HoursError, parse_span

_LETTERS = re.compile(r"[A-Za-z]")
_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)


def phone_problem(text: str) -> str:
    """A US phone number (10 digits, optionally a leading 1 and an extension) or short code."""
    raw = text.strip()
    if not raw:
        return "Write the phone number."
    body = _EXTENSION.sub("", raw)
    if _LETTERS.search(body):
        return f"Write this phone number in digits only: {raw}"
    digits = re.sub(r"\D", "", body)
    if re.fullmatch(r"\d{3,6}", body.strip()):
        return ""  # a short code such as 211 or 233733, written without separators
    national = digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
    if len(national) < 10:
        missing = 10 - len(national)
        what = "a digit" if missing == 1 else f"{missing} digits"
        return f"This phone number is missing {what}: {raw}"
    if len(national) > 10:
        extra = len(national) - 10
        what = "one digit" if extra == 1 else f"{extra} digits"
        return f"This phone number has {what} too many: {raw}"
    from kiosk.directory.phones import PhoneError, parse_number

    try:
        parse_number(raw)
    except PhoneError:
        return f"This is not a working US phone number; check the area code: {raw}"
    return ""


def website_problem(text: str) -> str:
    value = text.strip()
    if not value:
        return ""
    if " " in value:
        return f"A web address has no spaces: {value}"
    if not WEBSITE.match(value):
        return f"This is not a web address like https://example.org: {value}"
    return ""


def email_problem(text: str) -> str:
    value = text.strip()
    if value and not EMAIL.match(value):
        return f"This is not an email address like name@example.org: {value}"
    return ""


def zip_problem(text: str) -> str:
    value = text.strip()
    if value and not ZIP.match(value):
        return f"A ZIP code has 5 digits, like 06226: {value}"
    return ""


def id_problem(text: str) -> str:
    value = text.strip()
    if not value:
        return "Write a short id, like windham-clinic."
    if not SLUG.match(value):
        return f"Use only small letters, digits and dashes, like windham-clinic: {value}"
    return ""


def spans_problem(text: str) -> str:
    """One day's hours as `09:00-17:00, 18:00-20:00` (empty: closed)."""
    for part in split_list(text):
        try:
            parse_span(part)
        except HoursError:
            return f"Write hours like 09:00-17:00 (several with commas): {part}"
    return ""


def required_problem(text: str, what: str) -> str:
    return "" if text.strip() else f"Write the {what}; it is required."


def split_list(text: str) -> list[str]:
    """`a, b,  c` as `["a", "b", "c"]`: how staff type short lists on one line."""
    return [p.strip() for p in re.split(r"[,;\n]", text) if p.strip()]
