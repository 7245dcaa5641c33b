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
_SEPARATORS = re.compile(r"[\s\-().]")
_SEPARATORS_PLUS = re.compile(r"[\s\-().+]")
_LETTER = re.compile(r"[A-Za-z]")
_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)


class PhoneError(ValueError):
    """A number that is not a US phone number or short code; the message is for staff."""


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    number: str  # E.164 or a short code
    display: str  # (860) 456-2261, 211
    extension: str = ""


def parse_number(text: str, words: bool = False) -> ParsedNumber:
    """Check a phone number as staff or a file wrote it and give its stored forms.

    With `words`, a number spelt in letters (`(800) 370-LEAD`, as published directories
    print them) is read too; the kiosk's own files and forms want digits.
    """
    raw = str(text).strip()
    if not raw:
        raise PhoneError("the phone number is empty")
    plain = _plain(raw, text)
    if plain is not None:
        return ParsedNumber(*plain)
    digits_only = _SEPARATORS.sub("", raw)
    if _SHORT_CODE.match(digits_only):
        return ParsedNumber(digits_only, digits_only)
    extension = ""
    ext_match = _EXTENSION.search(raw)
    if ext_match:
        extension = ext_match.group(1)
        raw = raw[: ext_match.start()]
    if _LETTER.search(raw):
        vanity = _vanity(raw) if words else None
        if vanity is None:
            raise PhoneError(f'"{text}" has letters in it; write the number in digits')
        return ParsedNumber(*vanity, extension)
    nanp = _NANP.match(_SEPARATORS_PLUS.sub("", raw))
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


def plain_number(text: str) -> tuple[str, str] | None:
    """`parse_number` of a number in the usual groups, as (number, display), in one step;
    None when `text` is written any other way (so that `parse_number` reads it)."""
    return _plain(text, text)


def _plain(raw: str, text: str) -> tuple[str, str] | None:
    # (860) 456-2261, 1-860-456-2261, 860.456.2261: most numbers.
    plain = _PLAIN.fullmatch(raw)
    if plain is None:
        return None
    area, exchange, line = plain.groups()
    if not _exchange_is_valid(area, exchange):
        raise PhoneError(f'"{text}" is not a valid US phone number')
    return f"+1{area}{exchange}{line}", f"({area}) {exchange}-{line}"


_NANP = re.compile(r"^1?([2-9]\d{2})([2-9]\d{2})(\d{4})$")
# Ten digits in the usual groups, separated only by what the general path strips: such a
# number has no extension, no letters and no plus, so that path would end in _NANP too.
_PLAIN = re.compile(r"(?:1[ .-]?)?\(?([2-9]\d{2})\)?[ .-]?([2-9]\d{2})[ .-]?(\d{4})")
_KEYPAD = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999", strict=True))
_WORD = re.compile(r"[A-Z]{3,}")


def _vanity(raw: str) -> tuple[str, str] | None:
    """A number spelt in letters, `(800) 370-LEAD`: dialled as digits, shown as written.

    Only whole words of three letters or more count, after the area code: a single letter
    among digits (an O for a 0) is a typo, not a word, and is refused.
    """
    text = raw.upper().strip()
    if re.search(r"[A-Z]", _WORD.sub("", text)):
        return None
    chars = [c for c in text if c.isalnum()]
    if len(chars) >= 11 and chars[0] == "1":
        chars = chars[1:]
    area = "".join(chars[:3])
    if len(chars) < 10 or not area.isdigit() or "".join(chars[:10]).isdigit():
        return None  # no word among the digits that are dialled (x123, OPT2 come after)
    digits = "".join(_KEYPAD.get(c, c) for c in chars[:10])
    nanp = _NANP.match(digits)
    if not nanp or not _exchange_is_valid(nanp.group(1), nanp.group(2)):
        return None
    # What follows the area code, as written, with its words (a word may run past the
    # seventh digit, as in 1-800-CONTACTS; only the first ten digits are dialled).
    rest = text[text.index(area) + 3:] if area in text else "".join(chars[3:])
    rest = re.sub(r"[^A-Z0-9]+", "-", rest).strip("-")
    return f"+1{digits}", f"({area}) {rest}"


@functools.lru_cache(maxsize=65536)
def _exchange_is_valid(area: str, exchange: str) -> bool:
    """phonenumbers' answer for an area code and exchange, worked out once per pair.

    In the North American plan the validity of a number depends on its area code and
    exchange only (every pattern in the US metadata ends in four free digits), so a whole
    directory of numbers costs one check per exchange instead of one per number.
    """
    return nanp_is_valid(f"{area}{exchange}2000")


@functools.lru_cache(maxsize=1)
def _nanp_rules() -> tuple[tuple[re.Pattern[str] | None, re.Pattern[str], re.Pattern[str]],
                           ...]:
    """phonenumbers' metadata for the +1 regions, each region's patterns compiled into one:
    (leading digits, general pattern, any number type's pattern), in phonenumbers' order."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE
    from phonenumbers.phonemetadata import PhoneMetadata

    rules = []
    for region in COUNTRY_CODE_TO_REGION_CODE[1]:
        meta = PhoneMetadata.metadata_for_region(region, None)
        if meta is None:
            continue
        types = [meta.premium_rate, meta.toll_free, meta.shared_cost, meta.voip,
                 meta.personal_number, meta.pager, meta.uan, meta.voicemail,
                 meta.fixed_line, meta.mobile]
        patterns = [d.national_number_pattern for d in types
                    if d is not None and d.national_number_pattern
                    and (not d.possible_length or 10 in d.possible_length)]
        general = meta.general_desc
        general_pattern = "(?!)"  # matches nothing
        if general is not None and general.national_number_pattern and (
                not general.possible_length or 10 in general.possible_length):
            general_pattern = str(general.national_number_pattern)
        rules.append((re.compile(meta.leading_digits) if meta.leading_digits else None,
                      re.compile(general_pattern),
                      re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)")))
    return tuple(rules)


def nanp_is_valid(national: str) -> bool:
    """`phonenumbers.is_valid_number` for a 10-digit +1 number, without its per-call cost.

    The same decision, region by region in phonenumbers' order: a region with leading
    digits that match decides alone; another region accepts a number its patterns match.
    (tests/directory/test_values.py checks it against phonenumbers on every exchange of
    several area codes.)
    """
    for leading, general, kinds in _nanp_rules():
        if leading is not None:
            if leading.match(national):
                return bool(general.fullmatch(national) and kinds.fullmatch(national))
        elif general.fullmatch(national) and kinds.fullmatch(national):
            return True
    return False


def display_number(number: str) -> str:
    """`+18604562261` as `(860) 456-2261`; short codes as they are."""
    if number.startswith("+1") and len(number) == 12:
        d = number[2:]
        return f"({d[:3]}) {d[3:6]}-{d[6:]}"
    return number
