"""Structured weekly opening hours, and whether a place is open at a given moment."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from kiosk.directory.model import DAYS
from kiosk.directory.records import Record

_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class HoursError(ValueError):
    """A span or a day that cannot be read; the message is meant for staff."""


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Span(Record):
    """Open from `start` to `end` on one day."""

    start: int  # minutes after midnight
    end: int  # minutes after midnight; may exceed 1440 when it runs past midnight

    def text(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end if self.end <= 1440 else self.end - 1440)}"


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_span(text: str) -> Span:
    match = _SPAN.match(str(text))
    if not match:
        raise HoursError(f'"{text}" is not a time span like "09:00-17:00"')
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
        raise HoursError(f'"{text}" has a time that does not exist')
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if end == start:
        raise HoursError(f'"{text}" starts and ends at the same time')
    if end < start:
        end += 1440
    return Span(start, end)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class WeeklyHours(Record):
    """Opening spans for each day of the week (Monday first); `always` means 24/7."""

    days: tuple[tuple[Span, ...], ...] = ((),) * 7
    always: bool = False

    @classmethod
    def from_data(cls, value: Any) -> WeeklyHours:
        if value == "always":
            return cls(always=True)
        if not isinstance(value, dict):
            raise HoursError('hours must be "always" or a list of spans for each day')
        unknown = [k for k in value if k not in DAYS]
        if unknown:
            raise HoursError(f'"{unknown[0]}" is not a day; use {", ".join(DAYS)}')
        days = []
        for day in DAYS:
            spans = value.get(day) or []
            if isinstance(spans, str):
                spans = [spans]
            if not isinstance(spans, list):
                raise HoursError(f"{day} must be a list of time spans")
            days.append(tuple(parse_span(s) for s in spans))
        return cls(tuple(days))

    def to_data(self) -> str | dict[str, list[str]]:
        if self.always:
            return "always"
        return {day: [s.text() for s in spans] for day, spans in zip(DAYS, self.days, strict=True)
                if spans}

    def is_open(self, when: dt.datetime) -> bool:
        if self.always:
            return True
        weekday = when.weekday()
        minute = when.hour * 60 + when.minute
        if any(s.start <= minute < s.end for s in self.days[weekday]):
            return True
        yesterday = self.days[(weekday - 1) % 7]
        return any(s.end > 1440 and minute < s.end - 1440 for s in yesterday)

    def spans_on(self, weekday: int) -> tuple[Span, ...]:
        return self.days[weekday]

    def day_text(self, weekday: int) -> str:
        """`09:00-17:00, 18:00-20:00` for that day, or an empty string when closed."""
        if self.always:
            return "00:00-24:00"
        return ", ".join(s.text() for s in self.days[weekday])
