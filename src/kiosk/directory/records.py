"""What the directory's frozen dataclasses share: comparison, hash and repr as three methods
of one base class instead of three made for each class.

`dataclasses.dataclass` writes each method it adds as source text and compiles it when the
class is made, at every start of the kiosk: for a class of twenty fields about 1.3 ms, of it
0.4 ms for `__repr__`, `__eq__` and `__hash__`. The kiosk's first frame needs seventeen such
classes (the entries, their parts, settings, the theme, the database's health). A class
declared `@dataclass(frozen=True, eq=False, repr=False)` on `Record` gets these three from
here, compiled once with the module, and they behave as the generated ones do: equal when
of the same class with equal compared fields, hashed on them, shown as `Name(field=...)`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any

Key = Callable[[Any], tuple[Any, ...]]


class Record:
    """The base of a frozen dataclass made with `eq=False, repr=False`."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            key = _compared(self.__class__)
            return key(self) == key(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_hashed(self.__class__)(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _shown(self.__class__))
        return f"{self.__class__.__qualname__}({shown})"


_COMPARED: dict[type, Key] = {}
_HASHED: dict[type, Key] = {}
_SHOWN: dict[type, tuple[str, ...]] = {}


def _compared(cls: type) -> Key:
    key = _COMPARED.get(cls)
    if key is None:
        key = _COMPARED[cls] = _key([f.name for f in dataclasses.fields(cls) if f.compare])
    return key


def _hashed(cls: type) -> Key:
    key = _HASHED.get(cls)
    if key is None:
        names = [f.name for f in dataclasses.fields(cls)
                 if (f.compare if f.hash is None else f.hash)]
        key = _HASHED[cls] = _key(names)
    return key


def _shown(cls: type) -> tuple[str, ...]:
    shown = _SHOWN.get(cls)
    if shown is None:
        shown = _SHOWN[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.repr)
    return shown


def _key(names: list[str]) -> Key:
    """The fields `names` of an object as a tuple (what the generated methods compare)."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return attrgetter(*names)
