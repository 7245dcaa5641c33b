"""The few values of Qt's own flags that the first frame needs, without reading `Qt`.

PySide6 makes its `Qt` namespace, about ninety enums, the first time anything reads it:
15-20 ms on the kiosk's 2-core machine, more than every other Qt class the home screen uses
together, and the bare window the start-up is measured against never pays it. So what runs
before the first frame takes these numbers where Qt takes an `int` (drawing text), and sets
a widget's enum properties by their names (`set_by_name`); the screens made after the first
frame read `Qt` as usual. `tests/ui/test_qt_values.py` checks each number against Qt's.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter: centred both ways
TEXT_WORD_WRAP = 0x1000  # Qt.TextFlag.TextWordWrap: broken at spaces and break chances


def set_by_name(target: QObject, prop: str, value: str) -> None:
    """Set the enum or flags property `prop` of `target` to the value(s) named, as in
    Qt's own names ("PlainText", "AlignTop|AlignHCenter"). A name Qt does not know is a
    bug in the caller, so it raises rather than leave the property as it was."""
    if not target.setProperty(prop, value):
        raise ValueError(f"{type(target).__name__} has no {prop!r} value named {value!r}")
