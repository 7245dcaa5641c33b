"""Problems found in directory files, each tied to a file, a line and a field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import KnownError

FieldPath = tuple[str | int, ...]
EXCERPT = 40  # characters of a value quoted back in a message; the rest is "..."


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """At most `limit` characters of `text`, so that a 10 MB value is never echoed whole."""
    return text if len(text) <= limit else text[:limit] + "..."


def path_text(path: FieldPath) -> str:
    """`("resources", 3, "phones", 0, "number")` as `resources[3].phones[0].number`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            part = excerpt(part)
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True, slots=True)
class Problem:
    file: Path | None
    path: FieldPath
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = str(self.file) if self.file else "<input>"
        if self.line:
            where += f":{self.line}"
        field = path_text(self.path)
        return f"{where}: {field}: {self.message}" if field else f"{where}: {self.message}"


class DirectoryError(KnownError):
    """Directory files that cannot be imported; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(
            f"The directory files have {count} {noun}; nothing was imported.",
            [str(p) for p in problems],
        )
        self.problems = problems
