"""A list of resource ids kept as one string and the offsets where each id ends.

The lists a visitor opens hold up to a third of the directory (33,000 ids at 100,000
places). As Python strings, each kept list is 33,000 small objects, and lists replacing one
another over thousands of visits leave the interpreter's small-object arenas half full
(the soak saw its resident memory creep up by megabytes). Here a list is two objects
whatever its length: the ids joined, and an array of where each ends. An id is cut out of
the text when it is read, which the screens do only for the rows they show.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import overload


class IdList(Sequence[str]):
    """An immutable sequence of ids; equal to any sequence of the same ids."""

    __slots__ = ("_ends", "_text")

    def __init__(self, ids: Iterable[str] = ()) -> None:
        ids = ids if isinstance(ids, list) else list(ids)
        self._text = "".join(ids)
        self._ends = array("L", accumulate(map(len, ids)))

    @classmethod
    def joined(cls, parts: Iterable[IdList]) -> IdList:
        """The ids of `parts`, one after the other: a long list read piece by piece is
        never a list of str objects, only one piece's at a time."""
        joined, offset = cls(), 0
        texts: list[str] = []
        for part in parts:
            joined._ends.extend(end + offset for end in part._ends)
            texts.append(part._text)
            offset += len(part._text)
        joined._text = "".join(texts)
        return joined

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self._ends)))]
        if index < 0:
            index += len(self._ends)
        if not 0 <= index < len(self._ends):
            raise IndexError("id list index out of range")
        return self._at(index)

    def _at(self, i: int) -> str:
        return self._text[self._ends[i - 1] if i else 0:self._ends[i]]

    def __iter__(self) -> Iterator[str]:
        text, start = self._text, 0
        for end in self._ends:
            yield text[start:end]
            start = end

    def __eq__(self, other: object) -> bool:
        if isinstance(other, IdList):
            return self._ends == other._ends and self._text == other._text
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other,
                                                                             strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to lists, which are not hashable

    def __repr__(self) -> str:
        return f"IdList({list(self)!r})"
