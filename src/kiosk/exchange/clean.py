"""Published values as a visitor should read them.

Directories exported from 2-1-1 systems carry the marks of the databases they came from:
`\\n` written out instead of new lines, HTML entities (`&rsquo;`) and tags, markers such as
`###MON###` left at the end of a text, state codes padded with spaces, web addresses without
`https://`, phone numbers with `x57471` extensions, phone-tree options (`xOPT2`) and empty
input masks (`(   ) -  -`). Each function here takes one such value and gives it back clean,
leaving alone what it does not recognise. They are quick on clean values, which most are.
"""

from __future__ import annotations

import html
import re

_MARKERS = re.compile(r"(?:\s*#{2,}[^#\n]{0,30}#{2,})+\s*$")
_TAGS = re.compile(r"</?(?:p|div|span|b|i|u|em|strong|font|li|ul|ol)\b[^>]*>", re.IGNORECASE)
_BREAKS = re.compile(r"<br\s*/?>|</p>|</li>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_OPTION = re.compile(r"\s*(?:,|;)?\s*(?:x\s*)?(?:opt(?:ion)?\.?|press)\s*#?\s*(\d{1,2})\s*$",
                     re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[A-Za-z]{3}")
_OPTION_HINT = re.compile(r"opt|press", re.IGNORECASE)
STATES = {"connecticut": "CT", "conn": "CT", "conn.": "CT", "ct.": "CT",
          "massachusetts": "MA", "new york": "NY", "rhode island": "RI"}


def text(value: str) -> str:
    """A name, description or note: real new lines, entities decoded, markers dropped."""
    if not value:
        return value
    if value.isprintable() and "\\" not in value and "<" not in value and "&" not in value \
            and "#" not in value and "  " not in value:
        return value.strip()  # most texts: nothing to mend (no new line, tab or odd space)
    if "\\" in value:
        value = value.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\r", "\n") \
            .replace("\\t", " ")
    if "<" in value:
        value = _TAGS.sub("", _BREAKS.sub("\n", value))
    if "&" in value:
        value = html.unescape(value)
    if "#" in value:
        value = _MARKERS.sub("", value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if "  " in value or "\t" in value or "\u00a0" in value or "\n" in value:
        lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
        value = _BLANK_LINES.sub("\n\n", "\n".join(lines))
    return value.strip()


def state(value: str) -> str:
    """A state as its two-letter code: ` ct  ` and `Connecticut` are CT."""
    value = value.strip()
    if len(value) == 2 and value.isalpha():
        return value.upper()
    return STATES.get(value.lower(), value.upper() if len(value) == 2 else "")


def zip_code(value: str) -> str:
    """A ZIP code with its leading zero back (`6226`) and ZIP+4 dashed (`062261234`)."""
    value = value.strip()
    digits = value.replace("-", "").replace(" ", "")
    if not digits.isdigit():
        return value
    if len(digits) == 4:
        return "0" + digits  # a spreadsheet ate the leading zero
    if len(digits) == 9:
        return f"{digits[:5]}-{digits[5:]}"
    if len(digits) == 8:
        return f"0{digits[:4]}-{digits[4:]}"
    return value


def website(value: str) -> str:
    """A web address as published, with an obvious slip mended (`http//`, spaces)."""
    value = value.strip().replace(" ", "")
    if value.startswith(("https://", "http://")) or not value.lower().startswith("http"):
        return value  # most addresses: nothing to mend
    lower = value.lower()
    for broken, fixed in (("http//", "http://"), ("https//", "https://"),
                          ("http:/", "http://"), ("https:/", "https://")):
        if lower.startswith(broken) and not lower.startswith(fixed):
            return fixed + value[len(broken):]
    return value


def phone(value: str) -> tuple[str, str, str]:
    """A published phone number as (number to check, phone-tree option, problem).

    The number keeps its extension for the phone parser; an option (`xOPT2`, `opt 3`,
    `press 1`) is taken off and given back on its own; a value with no digits at all (an
    input mask nobody filled in) gives a problem instead.
    """
    raw = value.strip().strip("\"'").strip()
    if not _DIGIT.search(raw) and not _WORD.search(raw):
        return "", "", "the number is blank (an empty input mask)"
    option = ""
    found = _OPTION.search(raw) if _OPTION_HINT.search(raw) else None
    if found:
        option = found.group(1)
        raw = raw[:found.start()].rstrip(" ,;-")
    return raw, option, ""
