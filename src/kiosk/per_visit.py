"""Caches that last one visit: what the kiosk worked out for a visitor (the QR codes of the
places they looked at, the stems of the words they typed) is kept while they go back and
forth, and dropped when the visit ends.

Two reasons. Nothing about a visitor is remembered after they leave, not even in a cache
nobody can see. And a cache kept across visits only fills: at 100,000 entries every visit
draws codes nobody drew before, so the kiosk's memory crept up over a day of visitors until
each cache was full (the 32 drawn codes alone are about 6 MB).

    @per_visit.forgotten
    @functools.lru_cache(maxsize=64)
    def drawn(uri: str) -> ...

`forget()` clears every cache registered so; the window calls it when a visit ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar


class _Clearable(Protocol):
    def cache_clear(self) -> None: ...


C = TypeVar("C", bound=_Clearable)

_CLEARS: list[Callable[[], None]] = []


def forgotten(cache: C) -> C:
    """Register `cache` (a `functools.lru_cache`) to be cleared when a visit ends."""
    _CLEARS.append(cache.cache_clear)
    return cache


def forget() -> None:
    """Clear every registered cache."""
    for clear in _CLEARS:
        clear()
