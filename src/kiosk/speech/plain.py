"""Free text (a description, a topic's paragraph) rewritten so that a voice reads it right.

What the eye reads at once and a voice stumbles on: phone numbers and codes (said digit by
digit), "24/7", times ("9am-5pm"), days ("Mon-Fri"), street and title abbreviations ("St.",
"Ave.", "Dr."), "CT", "ext.", letters that are not a word ("DCF" is "D.C.F"). Everything else
is left as it was written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kiosk.speech import language
from kiosk.speech.language import DAYS, lang_of

Rewrite = Callable[[re.Match[str]], str]

# -- numbers ------------------------------------------------------------------------------

_EXTENSION = r"(?:\s*(?:,\s*)?(?:ext\.?|extension|extensión|x)\s*(?P<ext>\d{1,6}))?"
_NANP = re.compile(
    r"(?<![\d-])(?P<num>(?:\+?1[-.\s])?(?:\(\d{3}\)\s*|\d{3}[-.\s])\d{3}[-.\s]\d{4})(?![\d-])"
    + _EXTENSION, re.IGNORECASE)
_RUN = re.compile(r"(?<![\d.,$-])(?P<num>1?[2-9]\d{9})(?![\d-])" + _EXTENSION, re.IGNORECASE)
_SPELLED = re.compile(r"(?<![\d-])(?P<num>\d(?:-\d){2,})(?![\d-])")  # 2-1-1
_LONE_EXTENSION = re.compile(r"\b(?:ext\.?|extension|extensión)\s*(\d{1,6})\b", re.IGNORECASE)
_SHORT = re.compile(r"(?<![\d.,$/:-])\b(?P<num>[2-9]11|988|\d{5,6})\b(?![.,:]?\d|\s*%)")

# -- times --------------------------------------------------------------------------------

_AMPM = r"(?P<{0}>[ap])\.?\s?m\b\.?"
_TIME = r"(?P<{0}h>\d{{1,2}})(?::(?P<{0}m>\d{{2}}))?"
_DASH = r"\s*(?:-|\u2013|\u2014|to|a|hasta)\s*"
_TIME_RANGE = re.compile(_TIME.format("a") + r"\s*(?:" + _AMPM.format("ap") + r")?" + _DASH
                         + _TIME.format("b") + r"\s*" + _AMPM.format("bp"), re.IGNORECASE)
_ONE_TIME = re.compile(r"(?<![\d:])" + _TIME.format("a") + r"\s*" + _AMPM.format("ap"),
                       re.IGNORECASE)
_24H_RANGE = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})\s*[-\u2013\u2014]\s*(\d{1,2}):(\d{2})"
                        r"(?![\d:])")

# -- days ---------------------------------------------------------------------------------

_DAY_ABBREVIATIONS = {
    "en": {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
           "fri": 4, "sat": 5, "sun": 6},
    "es": {"lun": 0, "mar": 1, "mié": 2, "mie": 2, "jue": 3, "vie": 4, "sáb": 5, "sab": 5,
           "dom": 6},
}


def _day_patterns(table: dict[str, int]) -> tuple[re.Pattern[str], ...]:
    day = r"(?:" + "|".join(sorted(table, key=len, reverse=True)) + r")"
    return (
        re.compile(r"\b(?P<a>" + day + r")\.?\s*[-\u2013\u2014]\s*(?P<b>" + day + r")\b\.?",
                   re.IGNORECASE),
        # A lone day is only an abbreviation when it plainly is one: followed by a time or
        # another day ("Sat 10am", "Mon, Wed"); "Sun" and "Wed" are also words.
        re.compile(r"\b(?P<a>" + day + r")\.?(?=,?\s+(?:\d|" + day + r"\b))", re.IGNORECASE),
        re.compile(r"(?<=, )(?P<a>" + day + r")\b\.?", re.IGNORECASE),
    )


_DAY_PATTERNS = {lang: _day_patterns(table) for lang, table in _DAY_ABBREVIATIONS.items()}

# -- words --------------------------------------------------------------------------------

_WORDS: dict[str, list[tuple[str, str]]] = {
    "en": [
        (r"\bext\.(?=\s)|\bext\b", "extension"), (r"\bAve\.", "Avenue"), (r"\bRd\.", "Road"),
        (r"\bBlvd\.", "Boulevard"), (r"\bLn\.", "Lane"), (r"\bTpke\.", "Turnpike"),
        (r"\bHwy\.", "Highway"), (r"\bPkwy\.", "Parkway"), (r"\bApt\.", "apartment"),
        (r"\bSte\.", "suite"), (r"\bRm\.", "room"), (r"\bFl\.", "floor"),
        (r"\bMt\.", "Mount"), (r"\bNo\.(?=\s*\d)", "number"), (r"#(?=\s*\d)", "number "),
        (r"\bhrs?\b\.?", "hours"), (r"\bmins?\b\.", "minutes"), (r"\bapprox\.", "about"),
        (r"\bappt\.", "appointment"), (r"\be\.g\.", "for example"), (r"\bi\.e\.", "that is"),
        (r"\betc\.", "and so on"), (r"\bvs\.", "versus"), (r"\bw/o\b", "without"),
        (r"\bw/(?=\s)", "with"), (r"\bU\.S\.(?:A\.)?", "U.S"),
        (r"\bMr\.", "Mister"), (r"\bMrs\.", "Missus"), (r"\bMs\.", "Miz"),
        (r"\s&\s", " and "), (r"\band/or\b", "and or"), (r"\+(?=\s|$)", " plus"),
        (r"§§\s*", "sections "), (r"§\s*", "section "),
    ],
    "es": [
        (r"\bext\.(?=\s)|\bext\b", "extensión"), (r"\bDra\.", "doctora"),
        (r"\bSra\.", "señora"), (r"\bSrta\.", "señorita"),
        (r"\bSr\.", "señor"), (r"\bEE\.\s?UU\.", "Estados Unidos"),
        (r"\b(?:No|Núm|núm)\.(?=\s*\d)", "número"), (r"#(?=\s*\d)", "número "),
        (r"\bhrs?\b\.?", "horas"), (r"\bmin\.", "minutos"), (r"\baprox\.", "aproximadamente"),
        (r"\betc\.", "etcétera"), (r"\b[Tt]el\.", "teléfono"), (r"\bp\.\s?ej\.", "por ejemplo"),
        (r"\bAve\.", "Avenue"), (r"\bRd\.", "Road"), (r"\s&\s", " y "), (r"\by/o\b", "y o"),
        (r"\+(?=\s|$)", " más"), (r"§§\s*", "secciones "), (r"§\s*", "sección "),
    ],
}
_COMPILED = {lang: [(re.compile(p), w) for p, w in pairs] for lang, pairs in _WORDS.items()}

# Capitals said as a word, not letter by letter (text keywords, programmes, Spanish words).
SAID_AS_WORDS = frozenset({
    "AIDS", "SIDA", "SNAP", "WIC", "NAMI", "FEMA", "HUD", "HELP", "HOME", "TALK", "STOP",
    "START", "INFO", "BEFREE", "CONNSACS", "CONNSA", "NOW", "CALL", "TEXT", "FREE", "NO",
    "SI", "SÍ", "AYUDA", "OK", "USA", "NASA", "ASAP", "COVID", "PREP", "PEP", "TANF", "HUSKY",
    "OSHA", "LEAP", "SAFE", "CARE", "HOPE", "LIFE", "DIAL", "LINE",
})
_ONSETS = ("bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "sc", "sh",
           "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr")
_CAPITALS = re.compile(r"(?<![\w.])([A-ZÁÉÍÓÚÑ]{2,7})(?![\w])")
_SPECIAL_WORDS = {"PrEP": "prep", "PEP": "pep", "LGBTQ+": "L.G.B.T.Q plus",
                  "LGBTQIA+": "L.G.B.T.Q.I.A plus", "24/7/365": "24/7"}


def _letters_or_word(word: str) -> str:
    if word in SAID_AS_WORDS:
        return word
    lower = word.lower()
    vowels = sum(c in "aeiouáéíóú" for c in lower)
    # "DMHAS" starts with two consonants no English word starts with: letters.
    unpronounceable = (lower[0] not in "aeiou" and lower[1] not in "aeiouy"
                       and lower[:2] not in _ONSETS)
    if len(word) <= 4 or not vowels or unpronounceable:
        return ".".join(word)
    return word


def _number(lang: str) -> Rewrite:
    def rewrite(m: re.Match[str]) -> str:
        ext = m.groupdict().get("ext") or ""
        return language.phone(m.group("num"), lang, ext)
    return rewrite


def _clock(hours: str, minutes: str | None, half: str) -> int:
    hour = int(hours) % 12 + (12 if half.lower() == "p" else 0)
    return hour * 60 + int(minutes or 0)


def _time_range(lang: str) -> Rewrite:
    def rewrite(m: re.Match[str]) -> str:
        end_half = m.group("bp")
        start_half = m.group("ap") or end_half
        if int(m.group("ah")) > 12 or int(m.group("bh")) > 12:
            return m.group(0)
        return language.span(_clock(m.group("ah"), m.group("am"), start_half),
                             _clock(m.group("bh"), m.group("bm"), end_half), lang)
    return rewrite


def _one_time(lang: str) -> Rewrite:
    def rewrite(m: re.Match[str]) -> str:
        if int(m.group("ah")) > 12:
            return m.group(0)
        return language.clock(_clock(m.group("ah"), m.group("am"), m.group("ap")), lang)
    return rewrite


def _24h_range(lang: str) -> Rewrite:
    def rewrite(m: re.Match[str]) -> str:
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59:
            return m.group(0)
        return language.span(h1 * 60 + m1, h2 * 60 + m2, lang)
    return rewrite


def _day_range(lang: str) -> Rewrite:
    table = _DAY_ABBREVIATIONS[lang]

    def rewrite(m: re.Match[str]) -> str:
        a, b = table[m.group("a").lower()], table[m.group("b").lower()]
        first, last = DAYS[lang][a], DAYS[lang][b]
        return f"de {first} a {last}" if lang == "es" else f"{first} to {last}"
    return rewrite


def _day(lang: str) -> Rewrite:
    table = _DAY_ABBREVIATIONS[lang]

    def rewrite(m: re.Match[str]) -> str:
        word = m.group("a")
        if lang == "en" and not word[:1].isupper():
            return m.group(0)
        return DAYS[lang][table[word.lower()]]
    return rewrite


_TITLE_OR_PLACE = re.compile(r"\b(St|Dr)\.")
_PLACE_BEFORE = re.compile(r"(?:\d|[A-Z][\w'-]*)\s+$")


def _saint_or_street(lang: str) -> Rewrite:
    """ "St. Francis" is a saint and "Main St." a street; "Dr. Lee" a doctor, "Oak Dr." a
    drive: a street word comes after a name or a number."""
    def rewrite(m: re.Match[str]) -> str:
        before = m.string[max(0, m.start() - 40):m.start()]
        after = m.string[m.end():m.end() + 3]
        street = bool(_PLACE_BEFORE.search(before)) or not re.match(r"\s+[A-Z]", after)
        if m.group(1) == "St":
            return "Street" if street else "Saint"
        if lang == "es":
            return "doctor"
        return "Drive" if street else "Doctor"
    return rewrite


def speakable(text: str, lang: str) -> str:
    """`text` with what a voice would misread rewritten as words, in `lang`."""
    lang = lang_of(lang)
    out = text.replace("\u2022", " ").replace("\u00a0", " ")
    for written, said in _SPECIAL_WORDS.items():
        out = out.replace(written, said)
    out = re.sub(r"\b24\s?/\s?7\b", "las veinticuatro horas, los siete días de la semana"
                 if lang == "es" else "twenty-four hours a day, seven days a week", out)
    out = _24H_RANGE.sub(_24h_range(lang), out)
    out = _TIME_RANGE.sub(_time_range(lang), out)
    out = _ONE_TIME.sub(_one_time(lang), out)
    out = _NANP.sub(_number(lang), out)
    out = _RUN.sub(_number(lang), out)
    out = _SPELLED.sub(lambda m: language.digits(m.group("num"), lang), out)
    out = _SHORT.sub(_number(lang), out)
    out = _LONE_EXTENSION.sub(lambda m: ("extensión " if lang == "es" else "extension ")
                              + language.digits(m.group(1), lang), out)
    day_range, day_before, day_in_list = _DAY_PATTERNS[lang]
    out = day_range.sub(_day_range(lang), out)
    out = day_before.sub(_day(lang), out)
    out = day_in_list.sub(_day(lang), out)
    out = _TITLE_OR_PLACE.sub(_saint_or_street(lang), out)
    out = re.sub(r"\bCT\b", "Connecticut", out)
    for pattern, word in _COMPILED[lang]:
        out = pattern.sub(word, out)
    out = _CAPITALS.sub(lambda m: _letters_or_word(m.group(1)), out)
    return re.sub(r"[ \t]+", " ", out).strip()


_STREET_WORDS = {
    "st": "Street", "ave": "Avenue", "av": "Avenue", "rd": "Road", "blvd": "Boulevard",
    "dr": "Drive", "ln": "Lane", "ct": "Court", "pl": "Place", "pkwy": "Parkway",
    "hwy": "Highway", "tpke": "Turnpike", "sq": "Square", "ter": "Terrace", "cir": "Circle",
    "ext": "Extension", "n": "North", "s": "South", "e": "East", "w": "West",
    "apt": "apartment", "ste": "suite", "fl": "floor", "rm": "room", "bldg": "building",
}
_STREET_TOKEN = re.compile(r"(?<=[\w.,])(\s+)([A-Za-z]{1,4})\.?(?=\s|,|$)")


def street(text: str, lang: str) -> str:
    """A street line, its abbreviations written out: "12 Main St, Apt 3" is said "12 Main
    Street, apartment 3". Only words after the first are read as abbreviations, so "E St"
    is "E Street"."""
    def rewrite(m: re.Match[str]) -> str:
        word = _STREET_WORDS.get(m.group(2).lower())
        if word is None or (len(m.group(2)) == 1 and not m.group(2).isupper()):
            return m.group(0)
        return m.group(1) + word

    out = _STREET_TOKEN.sub(rewrite, text.strip())
    out = re.sub(r"#\s*(?=\w)", "número " if lang_of(lang) == "es" else "number ", out)
    return speakable(out, lang)
