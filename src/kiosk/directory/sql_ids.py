"""Lists of ids bound to SQL as one parameter: a JSON array read with `json_each`.

`where id in (?, ?, ...)` with a mark per id is a different statement for every length of
list, and the sqlite3 module keeps the last 128 statements it compiled on each connection.
A statement of 500 marks holds about 40 KB of SQLite's memory, so over a kiosk's weeks the
lists of every length that visitors happened to open and search fill that cache, on the
window's connection and the search thread's: about 5 MB each, taken a little at a time
(the soak at 100,000 entries saw the resident memory creep up by 0.3 MB per 1,000 taps).
Bound as one array, the statement is the same whatever the length, compiled once and kept;
SQLite still looks each id up through the table's key or index.
"""

from __future__ import annotations

import json
from collections.abc import Iterable


def among(column: str) -> str:
    """The condition that `column` is one of the ids bound as `ids_param(...)`."""
    return f"{column} in (select value from json_each(?))"


def ids_param(ids: Iterable[str] | Iterable[int]) -> str:
    """The ids as the one parameter `among` binds."""
    return json.dumps(list(ids), ensure_ascii=False)
