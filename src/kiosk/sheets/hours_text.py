"""Weekly hours as a visitor reads them: "Mon-Fri 9 AM-5 PM; Sat 10 AM-2 PM"."""

from __future__ import annotations

from typing import Any

from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.sheets.words import Words

DASH = "\u2013"


def clock(minutes: int, words: Words) -> str:
    """9 AM, 5:30 PM, 12 PM (noon), 12 AM (midnight), with AM/PM in the sheet's language."""
    minutes %= 1440
    hour, minute = divmod(minutes, 60)
    suffix = words.text(QT_TRANSLATE_NOOP("Sheet", "AM") if hour < 12
                        else QT_TRANSLATE_NOOP("Sheet", "PM"))
    hour12 = hour % 12 or 12
    return f"{hour12}:{minute:02d} {suffix}" if minute else f"{hour12} {suffix}"


def spans_text(spans: tuple[Any, ...], words: Words) -> str:
    return ", ".join(f"{clock(s.start, words)}{DASH}{clock(s.end, words)}" for s in spans)


def weekly_text(hours: Any, words: Words) -> str:
    """One line for a `WeeklyHours`; runs of days with the same hours are joined."""
    if hours is None:
        return ""
    if hours.always:
        return words.text(QT_TRANSLATE_NOOP("Sheet", "Open 24 hours, every day"))
    groups: list[tuple[int, int, tuple[Any, ...]]] = []
    for day, spans in enumerate(hours.days):
        if not spans:
            continue
        if groups and groups[-1][1] == day - 1 and groups[-1][2] == spans:
            groups[-1] = (groups[-1][0], day, spans)
        else:
            groups.append((day, day, spans))
    if not groups:
        return words.text(QT_TRANSLATE_NOOP("Sheet", "Closed"))
    parts = []
    for first, last, spans in groups:
        days = words.weekday(first)
        if last > first:
            days += (", " if last == first + 1 else DASH) + words.weekday(last)
        parts.append(f"{days} {spans_text(spans, words)}")
    return "; ".join(parts)
