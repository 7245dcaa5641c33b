"""CSV cells that a spreadsheet will not run.

A spreadsheet opening a CSV file treats a cell that starts with `=`, `+`, `-` or `@` (and,
in some, a tab or a carriage return) as a formula: `=HYPERLINK(...)` or `=cmd|...` in a
service's name would run on the coordinator's computer. Following OWASP's advice on CSV
injection, every text cell the kiosk writes that starts with one of these gets a single
quote in front, which spreadsheets show as text. Numbers are left as they are (a longitude
of -72.2 is a number, not a formula). The kiosk's own CSV reader takes the quote off again.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value` as a CSV cell that no spreadsheet runs; text only, numbers unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unquoted(text: str) -> str:
    """A cell read back: the quote `safe_cell` added, taken off."""
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text
