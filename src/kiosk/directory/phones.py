"""Reading and writing US phone numbers and short codes.

The `phonenumbers` metadata is large, so it is imported only when a number is checked
(importing or editing), never when the kiosk starts: the display form is stored with the
number.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_SHORT_CODE = re.compile(r"^\d{3,6}$")
_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)


class PhoneError(ValueError):
    """A number that is not a US phone number or short code; the message is for staff."""


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    number: str  # E.164 or a short code
    display: str  # (860) 456-2261, 211
    extension: str = ""


def parse_number(text: str) -> ParsedNumber:
    """Check a phone number as staff or a file wrote it and give its stored forms."""
    raw = str(text).strip()
    if not raw:
        raise PhoneError("the phone number is empty")
    digits_only = re.sub(r"[\s\-().]", "", raw)
    if _SHORT_CODE.match(digits_only):
        return ParsedNumber(digits_only, digits_only)
    extension = ""
    ext_match = _EXTENSION.search(raw)
    if ext_match:
        extension = ext_match.group(1)
        raw = raw[: ext_match.start()]
    if re.search(r"[A-Za-z]", raw):
        raise PhoneError(f'"{text}" has letters in it; write the number in digits')
    nanp = _NANP.match(re.sub(r"[\s\-().+]", "", raw))
    plus = raw.lstrip().startswith("+")
    if nanp and (not plus or raw.lstrip().startswith("+1")):
        area, exchange, line = nanp.groups()
        if not _exchange_is_valid(area, exchange):
            raise PhoneError(f'"{text}" is not a valid US phone number')
        number = f"+1{area}{exchange}{line}"
        return ParsedNumber(number, display_number(number), extension)

    import phonenumbers

    try:
        parsed = phonenumbers.parse(raw, "US")
    except phonenumbers.NumberParseException:
        raise PhoneError(f'"{text}" is not a phone number') from None
    if not phonenumbers.is_valid_number(parsed) or parsed.country_code != 1:
        raise PhoneError(f'"{text}" is not a valid US phone number')
    number = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return ParsedNumber(number, display_number(number), extension)


_NANP = re.compile(r"^1?([2-9]\d{2})([2-9]\d{2})(\d{4})$")


@functools.lru_cache(maxsize=65536)
def _exchange_is_valid(area: str, exchange: str) -> bool:
    """phonenumbers' answer for an area code and exchange, worked out once per pair.

    In the North American plan the validity of a number depends on its area code and
    exchange only (every pattern in the US metadata ends in four free digits), so a whole
    directory of numbers costs one metadata check per exchange instead of one per number.
    """
    import phonenumbers

    parsed = phonenumbers.parse(f"+1{area}{exchange}2000", None)
    return bool(phonenumbers.is_valid_number(parsed))


def display_number(number: str) -> str:
    """`+18604562261` as `(860) 456-2261`; short codes as they are."""
    if number.startswith("+1") and len(number) == 12:
        d = number[2:]
        return f"({d[:3]}) {d[3:6]}-{d[6:]}"
    return number
