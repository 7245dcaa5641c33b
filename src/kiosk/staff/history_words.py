"""A line of history in words: the fields by the names staff know from the form, and the
values as the visitor screens show them ("Phone: (860) 456-2261 -> (860) 456-2260").

History keeps each entry's data as the directory files write it (`kiosk.directory.convert`):
phones as lists of dicts, hours per day, texts in both languages. This turns one field of
that data into a short text in the language on screen. A text in two languages whose English
alone changed reads as one line for the English, not as both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.directory.model import DAYS
from kiosk.i18n import QT_TRANSLATE_NOOP, translate, translated
from kiosk.staff.choices import ACCESS_NAMES, COST_NAMES, DAY_NAMES, KIND_NAMES, choice
from kiosk.staff.history import Change, changed_fields

CONTEXT = "HistoryWords"
FIELD_NAMES = {
    "id": QT_TRANSLATE_NOOP("HistoryWords", "Id"),
    "slug": QT_TRANSLATE_NOOP("HistoryWords", "Id"),
    "name": QT_TRANSLATE_NOOP("HistoryWords", "Name"),
    "discreet_name": QT_TRANSLATE_NOOP("HistoryWords", "Name on discreet sheets"),
    "organization": QT_TRANSLATE_NOOP("HistoryWords", "Organization"),
    "categories": QT_TRANSLATE_NOOP("HistoryWords", "Categories"),
    "description": QT_TRANSLATE_NOOP("HistoryWords", "Description"),
    "phones": QT_TRANSLATE_NOOP("HistoryWords", "Phone"),
    "website": QT_TRANSLATE_NOOP("HistoryWords", "Web address"),
    "email": QT_TRANSLATE_NOOP("HistoryWords", "Email"),
    "address": QT_TRANSLATE_NOOP("HistoryWords", "Address"),
    "area": QT_TRANSLATE_NOOP("HistoryWords", "Who it serves"),
    "hours": QT_TRANSLATE_NOOP("HistoryWords", "Opening hours"),
    "hours_note": QT_TRANSLATE_NOOP("HistoryWords", "Note about hours"),
    "cost": QT_TRANSLATE_NOOP("HistoryWords", "Cost"),
    "languages": QT_TRANSLATE_NOOP("HistoryWords", "Languages spoken"),
    "eligibility": QT_TRANSLATE_NOOP("HistoryWords", "Who can go"),
    "access": QT_TRANSLATE_NOOP("HistoryWords", "How to get in"),
    "confidentiality": QT_TRANSLATE_NOOP("HistoryWords", "Privacy"),
    "tags": QT_TRANSLATE_NOOP("HistoryWords", "Search words"),
    "priority": QT_TRANSLATE_NOOP("HistoryWords", "Priority"),
    "status": QT_TRANSLATE_NOOP("HistoryWords", "Shown to visitors"),
    "sources": QT_TRANSLATE_NOOP("HistoryWords", "Sources"),
    "verified_on": QT_TRANSLATE_NOOP("HistoryWords", "Last checked"),
    "verified_by": QT_TRANSLATE_NOOP("HistoryWords", "Checked by"),
    "review_notes": QT_TRANSLATE_NOOP("HistoryWords", "Notes for staff"),
    "source": QT_TRANSLATE_NOOP("HistoryWords", "Where it comes from"),
    "retired_on": QT_TRANSLATE_NOOP("HistoryWords", "Left the feed on"),
    "icon": QT_TRANSLATE_NOOP("HistoryWords", "Icon"),
    "position": QT_TRANSLATE_NOOP("HistoryWords", "Order"),
    "hidden": QT_TRANSLATE_NOOP("HistoryWords", "Hidden from visitors"),
    "sensitive": QT_TRANSLATE_NOOP("HistoryWords", "Left off discreet sheets"),
    "title": QT_TRANSLATE_NOOP("HistoryWords", "Title"),
    "summary": QT_TRANSLATE_NOOP("HistoryWords", "One line under the title"),
    "body": QT_TRANSLATE_NOOP("HistoryWords", "Text"),
    "related": QT_TRANSLATE_NOOP("HistoryWords", "Related entries"),
}
LANGUAGE_NAMES = {"en": QT_TRANSLATE_NOOP("HistoryWords", "English"),
                  "es": QT_TRANSLATE_NOOP("HistoryWords", "Spanish")}
# Fields kept as {"en": ..., "es": ...} (or one string for both)
LOCAL_FIELDS = {"name", "discreet_name", "description", "hours_note", "eligibility",
                "confidentiality", "title", "summary", "body"}
LONG_TEXT = 160  # a longer value is shortened in a history line (the whole is in the entry)


@dataclass(frozen=True)
class FieldLine:
    """One changed field (or one language of it): its name and both values, in words."""

    key: str  # the field in the data ("phones"), with ".en" or ".es" for one language
    label: str
    before: str
    after: str

    def text(self) -> str:
        return f"{self.label}: {self.before} → {self.after}"


def field_label(key: str) -> str:
    """The field's name as the form calls it, in the language on screen ("phones.1" is
    the second phone, "name.es" the Spanish name)."""
    field, _, lang = key.partition(".")
    if field == "phones" and lang.isdigit():
        return translate("HistoryWords", "Phone %1").replace("%1", str(int(lang) + 1))
    name = translated(CONTEXT, FIELD_NAMES[field]) if field in FIELD_NAMES else field
    if lang in LANGUAGE_NAMES:
        return translate("HistoryWords", "%1 (%2)").replace("%1", name).replace(
            "%2", translated(CONTEXT, LANGUAGE_NAMES[lang]))
    return name


def empty() -> str:
    return translate("HistoryWords", "(empty)")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LONG_TEXT else text[:LONG_TEXT - 3].rstrip() + "..."


def _local(value: Any, lang: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return str(value.get(lang) or "")
    return ""


def _phone(p: Any) -> str:
    if not isinstance(p, Mapping):
        return str(p)
    text = str(p.get("number") or "")
    kind = str(p.get("kind") or "voice")
    if kind != "voice":
        text = f"{text} ({choice(KIND_NAMES, kind)})"
    label = _local(p.get("label"), "en")
    if label:
        text += f", {label}"
    if p.get("message"):
        text += ", " + translate("HistoryWords", "text %1").replace("%1", str(p["message"]))
    return text


def _hours(value: Any) -> str:
    if value == "always":
        return translate("HistoryWords", "Open 24/7")
    if not isinstance(value, Mapping):
        return str(value)
    days = []
    for day in DAYS:
        spans = value.get(day)
        if spans:
            spans = [spans] if isinstance(spans, str) else spans
            days.append(f"{choice(DAY_NAMES, day)} {', '.join(str(s) for s in spans)}")
    return "; ".join(days) or translate("HistoryWords", "Closed every day")


def _address(value: Any) -> str:
    if not isinstance(value, Mapping):
        return str(value)
    town = " ".join(str(value[k]) for k in ("state", "zip") if value.get(k))
    town = ", ".join(p for p in (str(value.get("town") or ""), town) if p)
    return ", ".join(p for p in (str(value.get("street") or ""), town) if p)


def _area(value: Any) -> str:
    if not isinstance(value, Mapping):
        return str(value)
    if value.get("national"):
        return translate("HistoryWords", "The whole country")
    if value.get("statewide"):
        return translate("HistoryWords", "All of Connecticut")
    parts = []
    if value.get("county"):
        parts.append(translate("HistoryWords", "%1 County").replace("%1", str(value["county"])))
    if value.get("towns"):
        parts.append(", ".join(str(t) for t in value["towns"]))
    return "; ".join(parts)


def _source(s: Any) -> str:
    if not isinstance(s, Mapping):
        return str(s)
    text = str(s.get("ref") or "")
    if s.get("read"):
        text += " " + translate("HistoryWords", "(read %1)").replace("%1", str(s["read"]))
    if s.get("facts"):
        text += ": " + ", ".join(field_label(str(f)) for f in s["facts"])
    return text


def show_value(field: str, value: Any, names: Mapping[str, str] | None = None,
               lang: str = "en") -> str:
    """One field's stored value as staff read it; `names` gives the categories' and
    entries' names by id, `lang` the language of a two-language text."""
    if value is None or value == "" or value == [] or value == {}:
        return empty()
    names = names or {}
    if field in LOCAL_FIELDS:
        text = _local(value, lang)
        return _short(text) if text else empty()
    if field == "phones":
        return "; ".join(_phone(p) for p in value) if isinstance(value, list) else str(value)
    if field == "hours":
        return _hours(value)
    if field == "address":
        return _address(value)
    if field == "area":
        return _area(value)
    if field == "cost":
        return ", ".join(choice(COST_NAMES, str(v)) for v in value)
    if field == "access":
        return ", ".join(choice(ACCESS_NAMES, str(v)) for v in value)
    if field == "languages":
        return ", ".join(translated(CONTEXT, LANGUAGE_NAMES[str(v)]) if v in LANGUAGE_NAMES
                         else str(v) for v in value)
    if field in ("categories", "related"):
        return ", ".join(names.get(str(v), str(v)) for v in value)
    if field == "sources":
        return "; ".join(_source(s) for s in value) if isinstance(value, list) else str(value)
    if field == "status":
        return translate("HistoryWords", "Yes") if value == "active" else \
            translate("HistoryWords", "No, hidden")
    if isinstance(value, bool):
        return translate("HistoryWords", "Yes") if value else translate("HistoryWords", "No")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return _short(str(value))


def field_lines(field: str, before: Any, after: Any,
                names: Mapping[str, str] | None = None) -> list[FieldLine]:
    """The field's change as one line, or one line per language whose text changed."""
    if field in LOCAL_FIELDS:
        out = []
        for lang in ("en", "es"):
            old, new = _local(before, lang), _local(after, lang)
            if old != new:
                out.append(FieldLine(f"{field}.{lang}", field_label(f"{field}.{lang}"),
                                     show_value(field, old, names, lang),
                                     show_value(field, new, names, lang)))
        return out
    if field == "phones" and isinstance(before or [], list) and isinstance(after or [], list):
        was, now = list(before or []), list(after or [])
        if max(len(was), len(now)) > 1:  # one line per number that changed
            return [FieldLine(f"phones.{i}", field_label(f"phones.{i}"),
                              _phone(was[i]) if i < len(was) else empty(),
                              _phone(now[i]) if i < len(now) else empty())
                    for i in range(max(len(was), len(now)))
                    if (was[i] if i < len(was) else None) != (now[i] if i < len(now) else None)]
    if field == "status" and (before is None or after is None):
        before, after = before or "active", after or "active"
    return [FieldLine(field, field_label(field), show_value(field, before, names),
                      show_value(field, after, names))]


def change_lines(c: Change, names: Mapping[str, str] | None = None) -> list[FieldLine]:
    """Every field the change touched, in words (nothing for a creation or a removal: the
    history shows those as one sentence)."""
    if c.before is None or c.after is None:
        return []
    out: list[FieldLine] = []
    for field in c.fields or changed_fields(c.before, c.after):
        out += field_lines(field, c.before.get(field), c.after.get(field), names)
    return out


def fields_text(c: Change) -> str:
    """The names of the fields a change touched, for a column of the history table."""
    if c.before is None:
        return translate("HistoryWords", "New")
    if c.after is None:
        return translate("HistoryWords", "Removed")
    return ", ".join(dict.fromkeys(field_label(f) for f in c.fields))
