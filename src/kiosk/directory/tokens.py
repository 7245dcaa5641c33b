"""Words as the search index sees them: lowercase, without accents, split at anything that is
not a letter or a digit (what FTS5's `unicode61 remove_diacritics 2` tokenizer does)."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lowercase without accents: "Clínica" -> "clinica", "niño" -> "nino"."""
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return _TOKEN.findall(fold(text))
