"""Plain-word checks for what staff type into the admin forms.

Each check returns an empty string when the value is fine, or one sentence to show next to
the field, naming the value, so staff see at once what to fix ("This phone number is missing
a digit: (860) 456-226"). The sentences are in the language on screen (`kiosk.i18n`,
context "Checks").
"""

from __future__ import annotations

import re

from kiosk.directory.convert import EMAIL, SLUG, WEBSITE, ZIP
from kiosk.directory.hours import HoursError, parse_span
from kiosk.i18n import QT_TRANSLATE_NOOP, translate, translated

_LETTERS = re.compile(r"[A-Za-z]")
_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)


def phone_problem(text: str) -> str:
    """A US phone number (10 digits, optionally a leading 1 and an extension) or short code."""
    raw = text.strip()
    if not raw:
        return translate("Checks", "Write the phone number.")
    body = _EXTENSION.sub("", raw)
    if _LETTERS.search(body):
        return translate("Checks", "Write this phone number in digits only: %1").replace(
            "%1", raw)
    digits = re.sub(r"\D", "", body)
    if re.fullmatch(r"\d{3,6}", body.strip()):
        return ""  # a short code such as 211 or 233733, written without separators
    national = digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
    if len(national) < 10:
        missing = 10 - len(national)
        text = (translate("Checks", "This phone number is missing a digit: %1") if missing == 1
                else translate("Checks", "This phone number is missing %2 digits: %1"))
        return text.replace("%2", str(missing)).replace("%1", raw)
    if len(national) > 10:
        extra = len(national) - 10
        text = (translate("Checks", "This phone number has one digit too many: %1")
                if extra == 1 else
                translate("Checks", "This phone number has %2 digits too many: %1"))
        return text.replace("%2", str(extra)).replace("%1", raw)
    from kiosk.directory.phones import PhoneError, parse_number

    try:
        parse_number(raw)
    except PhoneError:
        return translate("Checks", "This is not a working US phone number; check the area "
                                   "code: %1").replace("%1", raw)
    return ""


def website_problem(text: str) -> str:
    value = text.strip()
    if not value:
        return ""
    if " " in value:
        return translate("Checks", "A web address has no spaces: %1").replace("%1", value)
    if not WEBSITE.match(value):
        return translate("Checks", "This is not a web address like https://example.org: "
                                   "%1").replace("%1", value)
    return ""


def email_problem(text: str) -> str:
    value = text.strip()
    if value and not EMAIL.match(value):
        return translate("Checks", "This is not an email address like name@example.org: "
                                   "%1").replace("%1", value)
    return ""


def zip_problem(text: str) -> str:
    value = text.strip()
    if value and not ZIP.match(value):
        return translate("Checks", "A ZIP code has 5 digits, like 06226: %1").replace(
            "%1", value)
    return ""


def id_problem(text: str) -> str:
    value = text.strip()
    if not value:
        return translate("Checks", "Write a short id, like windham-clinic.")
    if not SLUG.match(value):
        return translate("Checks", "Use only small letters, digits and dashes, like "
                                   "windham-clinic: %1").replace("%1", value)
    return ""


def spans_problem(text: str) -> str:
    """One day's hours as `09:00-17:00, 18:00-20:00` (empty: closed)."""
    for part in split_list(text):
        try:
            parse_span(part)
        except HoursError:
            return translate("Checks", "Write hours like 09:00-17:00 (several with commas): "
                                       "%1").replace("%1", part)
    return ""


# What a required field asks for, as whole sentences (each language words them its own way).
REQUIRED = {
    "name in English": QT_TRANSLATE_NOOP("Checks", "Write the name in English; it is required."),
    "description in English": QT_TRANSLATE_NOOP(
        "Checks", "Write the description in English; it is required."),
    "title in English": QT_TRANSLATE_NOOP("Checks",
                                          "Write the title in English; it is required."),
    "text in English": QT_TRANSLATE_NOOP("Checks", "Write the text in English; it is required."),
}


def required_problem(text: str, what: str) -> str:
    """`what` is one of `REQUIRED`'s keys."""
    return "" if text.strip() else translated("Checks", REQUIRED[what])


def split_list(text: str) -> list[str]:
    """`a, b,  c` as `["a", "b", "c"]`: how staff type short lists on one line."""
    return [p.strip() for p in re.split(r"[,;\n]", text) if p.strip()]
