"""Numbers, times, days and dates as a voice should say them, in English and Spanish.

Phone numbers and codes are said digit by digit in the groups they are written in ("eight six
zero, four five six, two two six one"), with the digits written out as words so that no voice
reads them as amounts. Times are said the way people say them: "9 A M" / "9 de la mañana".
"""

from __future__ import annotations

import datetime as dt
import re

from kiosk.directory.hours import Span, WeeklyHours

DIGITS = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    "es": ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"),
}
DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}


def lang_of(lang: str) -> str:
    return "es" if lang == "es" else "en"


def digits(number: str, lang: str) -> str:
    """Each digit as a word: "860" -> "eight six zero"."""
    words = DIGITS[lang_of(lang)]
    return " ".join(words[int(d)] for d in number if d.isdigit())


def _groups(number: str) -> list[str]:
    """The digit groups a person reads a number in, from how it is written."""
    written = [g for g in re.split(r"\D+", number) if g]
    if len(written) > 1:
        return written
    run = written[0] if written else ""
    if len(run) == 10:
        return [run[:3], run[3:6], run[6:]]
    if len(run) == 11 and run.startswith("1"):
        return [run[0], run[1:4], run[4:7], run[7:]]
    if len(run) == 6:
        return [run[:3], run[3:]]
    if len(run) > 6:
        return [run[i:i + 3] for i in range(0, len(run), 3)]
    return [run] if run else []


def phone(number: str, lang: str, extension: str = "") -> str:
    """A phone number or short code, digit by digit in groups; with its extension."""
    text = ", ".join(digits(group, lang) for group in _groups(number.lstrip("+")))
    if extension:
        text += ", " + ("extensión " if lang_of(lang) == "es" else "extension ") + \
            digits(extension, lang)
    return text


def clock(minutes: int, lang: str) -> str:
    """A time of day: "9 A M", "5 30 P M", "noon"; "9 de la mañana", "5 y media de la tarde"."""
    minutes %= 1440
    hour, minute = divmod(minutes, 60)
    if lang_of(lang) == "es":
        if minutes == 0:
            return "medianoche"
        if minutes == 720:
            return "mediodía"
        hour12 = hour % 12 or 12
        said = "una" if hour12 == 1 else str(hour12)
        if minute == 30:
            said += " y media"
        elif minute == 15:
            said += " y cuarto"
        elif minute:
            said += f" y {minute}"
        if hour < 6:
            part = "de la madrugada"
        elif hour < 12:
            part = "de la mañana"
        elif hour < 20:
            part = "de la tarde"
        else:
            part = "de la noche"
        return f"{said} {part}"
    if minutes == 0:
        return "midnight"
    if minutes == 720:
        return "noon"
    hour12 = hour % 12 or 12
    said = str(hour12)
    if minute:
        said += f" {minute}" if minute >= 10 else f" oh {minute}"
    return f"{said} {'A M' if hour < 12 else 'P M'}"


def span(start: int, end: int, lang: str) -> str:
    """An opening span: "9 A M to 5 P M"; "de 9 de la mañana a 5 de la tarde"."""
    if lang_of(lang) == "es":
        return f"de {clock(start, lang)} a {clock(end, lang)}"
    return f"{clock(start, lang)} to {clock(end, lang)}"


def day_range(first: int, last: int, lang: str) -> str:
    """Days of the week, Monday = 0: "Monday", "Monday and Tuesday", "Monday to Friday"."""
    names = DAYS[lang_of(lang)]
    es = lang_of(lang) == "es"
    if first == last:
        return names[first]
    if last == first + 1:
        return f"{names[first]} {'y' if es else 'and'} {names[last]}"
    return f"de {names[first]} a {names[last]}" if es else f"{names[first]} to {names[last]}"


def date(day: dt.date, lang: str) -> str:
    """ "March 3, 2026"; "3 de marzo de 2026"."""
    month = MONTHS[lang_of(lang)][day.month - 1]
    if lang_of(lang) == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{month} {day.day}, {day.year}"


def weekly(hours: WeeklyHours | None, lang: str) -> str:
    """A `WeeklyHours` for the ear: runs of days with the same hours said once.

    "Monday to Friday, 9 A M to 5 P M; Saturday, 10 A M to 2 P M"."""
    if hours is None:
        return ""
    es = lang_of(lang) == "es"
    if hours.always:
        return ("abierto las veinticuatro horas, todos los días" if es
                else "open twenty-four hours, every day")
    groups: list[tuple[int, int, tuple[Span, ...]]] = []
    for day, spans in enumerate(hours.days):
        if not spans:
            continue
        if groups and groups[-1][1] == day - 1 and groups[-1][2] == spans:
            groups[-1] = (groups[-1][0], day, spans)
        else:
            groups.append((day, day, spans))
    if not groups:
        return "cerrado" if es else "closed"
    joiner = " y " if es else " and "
    parts = []
    for first, last, spans in groups:
        said = joiner.join(span(s.start, s.end, lang) for s in spans)
        parts.append(f"{day_range(first, last, lang)}, {said}")
    return "; ".join(parts)


def today(hours: WeeklyHours, weekday: int, lang: str) -> str:
    """One day's hours: "9 A M to 5 P M", or "closed"."""
    es = lang_of(lang) == "es"
    if hours.always:
        return "abierto las veinticuatro horas" if es else "open twenty-four hours"
    spans = hours.days[weekday]
    if not spans:
        return "cerrado" if es else "closed"
    return (" y " if es else " and ").join(span(s.start, s.end, lang) for s in spans)
