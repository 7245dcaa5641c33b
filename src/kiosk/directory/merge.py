"""A feed's new version of an entry, merged with what staff changed since its last version.

Three versions of one entry meet on a refresh: `base`, what the feed gave last time;
`ours`, the entry as the kiosk holds it (with any staff edits); `theirs`, what the feed gives
now. Field by field: what the feed did not change stays as staff left it; what staff did not
change takes the feed's new value; a field both changed, to different values, keeps the
staff's value and is returned as a `Conflict`, for staff to decide, never silently.

Texts in two languages are two fields (`description.en`, `description.es`), so a Spanish
translation staff wrote survives a feed that corrects the English.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from kiosk.directory.model import LocalText, Resource

# Not content: which source holds it, and whether it left the feed, are the import's own.
_NOT_MERGED = ("id", "source", "retired_on")
_LOCAL = tuple(f.name for f in dataclasses.fields(Resource)
               if f.name not in _NOT_MERGED and f.type in ("LocalText", LocalText))
_OTHER = tuple(f.name for f in dataclasses.fields(Resource)
               if f.name not in _NOT_MERGED and f.name not in _LOCAL)


@dataclass(frozen=True)
class Conflict:
    resource_id: str
    field: str  # a Resource field, or "<field>.en" / "<field>.es" for texts
    ours: Any
    theirs: Any


def field_values(r: Resource) -> dict[str, Any]:
    """The entry as flat fields, each text split in its two languages."""
    out: dict[str, Any] = {}
    for name in _LOCAL:
        text: LocalText = getattr(r, name)
        out[f"{name}.en"] = text.en
        out[f"{name}.es"] = text.es
    for name in _OTHER:
        out[name] = getattr(r, name)
    return out


def _rebuild(template: Resource, values: dict[str, Any]) -> Resource:
    changes: dict[str, Any] = {}
    for name in _LOCAL:
        text = LocalText(values[f"{name}.en"], values[f"{name}.es"])
        if text != getattr(template, name):
            changes[name] = text
    for name in _OTHER:
        if values[name] != getattr(template, name):
            changes[name] = values[name]
    return dataclasses.replace(template, **changes) if changes else template


def merge(base: Resource, ours: Resource, theirs: Resource) -> tuple[Resource, list[Conflict]]:
    """`ours` with the feed's changes from `base` to `theirs`, and the fields both changed."""
    old, mine, new = field_values(base), field_values(ours), field_values(theirs)
    result = dict(mine)
    conflicts: list[Conflict] = []
    for key, value in new.items():
        if value == old[key] or value == mine[key]:
            continue  # the feed did not change it, or staff already made the same change
        if mine[key] == old[key]:
            result[key] = value
        else:
            conflicts.append(Conflict(ours.id, key, mine[key], value))
    return _rebuild(ours, result), conflicts


def changed_fields(before: Resource, after: Resource) -> list[str]:
    """Names of the fields (texts per language) that differ."""
    a, b = field_values(before), field_values(after)
    out = [k for k in a if a[k] != b[k]]
    if before.retired_on != after.retired_on:
        out.append("retired_on")
    return out


def with_field(r: Resource, key: str, value: Any) -> Resource:
    """`r` with one flat field (as `field_values` names it) set to `value`."""
    values = field_values(r)
    if key not in values:
        raise KeyError(key)
    values[key] = value
    return _rebuild(r, values)
