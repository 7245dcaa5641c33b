"""The two kinds of failure: ones a person can act on, and bugs.

A `KnownError` carries a sentence written for staff; it is printed or shown as it is. Anything
else is a bug: it goes to the log with its traceback, and people see a short apology.
"""

from __future__ import annotations


class KnownError(Exception):
    """A problem with what someone gave the kiosk (a file, a setting, a number)."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []

    def __str__(self) -> str:
        return self.message
