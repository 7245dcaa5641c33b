"""The words staff see for the directory's fixed choices: days, cost, access, kinds of phone
number. Marked for lupdate here and translated where they are shown (context "Choices")."""

from __future__ import annotations

from kiosk.i18n import QT_TRANSLATE_NOOP, translated

CONTEXT = "Choices"
DAY_NAMES = {"mon": QT_TRANSLATE_NOOP("Choices", "Monday"),
             "tue": QT_TRANSLATE_NOOP("Choices", "Tuesday"),
             "wed": QT_TRANSLATE_NOOP("Choices", "Wednesday"),
             "thu": QT_TRANSLATE_NOOP("Choices", "Thursday"),
             "fri": QT_TRANSLATE_NOOP("Choices", "Friday"),
             "sat": QT_TRANSLATE_NOOP("Choices", "Saturday"),
             "sun": QT_TRANSLATE_NOOP("Choices", "Sunday")}
COST_NAMES = {"free": QT_TRANSLATE_NOOP("Choices", "Free"),
              "sliding_scale": QT_TRANSLATE_NOOP("Choices", "Sliding scale"),
              "insurance": QT_TRANSLATE_NOOP("Choices", "Insurance"),
              "fee": QT_TRANSLATE_NOOP("Choices", "Fee")}
ACCESS_NAMES = {"walk_in": QT_TRANSLATE_NOOP("Choices", "Walk in"),
                "appointment": QT_TRANSLATE_NOOP("Choices", "By appointment"),
                "call_first": QT_TRANSLATE_NOOP("Choices", "Call first"),
                "outreach": QT_TRANSLATE_NOOP("Choices", "Outreach")}
KIND_NAMES = {"voice": QT_TRANSLATE_NOOP("Choices", "Call"),
              "text": QT_TRANSLATE_NOOP("Choices", "Text message"),
              "hotline": QT_TRANSLATE_NOOP("Choices", "24-hour hotline"),
              "tty": QT_TRANSLATE_NOOP("Choices", "TTY")}


def choice(names: dict[str, str], key: str) -> str:
    """The word for `key` in the language on screen; an unknown key as it is."""
    return translated(CONTEXT, names[key]) if key in names else key
