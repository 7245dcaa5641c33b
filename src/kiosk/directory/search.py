"""Search as you type over the directory, in both languages, ignoring accents.

The FTS5 index uses the `unicode61 remove_diacritics 2` tokenizer, so "clinica" finds
"clínica" and the other way round; every word typed is matched as a prefix, so results come
while the visitor is still spelling the word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.directory.store import Store

_WORD = re.compile(r"\w+", re.UNICODE)

# bm25 weights per column, in the order of schema.RESOURCE_SEARCH_COLUMNS:
# names first, then organisation, places and tags, then descriptions.
_RESOURCE_WEIGHTS = {"en": (10, 6, 5, 3, 4, 1, 0.5), "es": (6, 10, 5, 3, 4, 0.5, 1)}
_TOPIC_WEIGHTS = {"en": (10, 6, 3, 2, 1, 0.5), "es": (6, 10, 2, 3, 0.5, 1)}


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "resource" or "topic"
    key: str  # resource id or topic slug
    title_en: str
    title_es: str

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" and self.title_es else self.title_en


def match_expression(text: str) -> str:
    """Visitor's text as an FTS5 query: every word, as a prefix, all required."""
    words = _WORD.findall(text)
    return " ".join(f'"{w}"*' for w in words)


def search(store: Store, text: str, lang: str = "en", limit: int = 50,
           topics: bool = True) -> list[Hit]:
    """Active resources (and topics) matching `text`, best first."""
    query = match_expression(text)
    if not query:
        return []
    weights = ", ".join(str(w) for w in _RESOURCE_WEIGHTS.get(lang, _RESOURCE_WEIGHTS["en"]))
    hits = [
        Hit("resource", row[0], row[1], row[2] or "")
        for row in store.db.execute(
            "select r.id, r.name_en, r.name_es from resources_fts f "
            "join resources r on r.rowid = f.rowid "
            f"where resources_fts match ? and r.status = 'active' "
            f"order by bm25(resources_fts, {weights}) - r.priority * 0.01 limit ?",
            [query, limit])
    ]
    if topics:
        tweights = ", ".join(str(w) for w in _TOPIC_WEIGHTS.get(lang, _TOPIC_WEIGHTS["en"]))
        topic_hits = [
            Hit("topic", row[0], row[1], row[2] or "")
            for row in store.db.execute(
                "select t.slug, t.title_en, t.title_es from topics_fts f "
                "join topics t on t.rowid = f.rowid where topics_fts match ? "
                f"order by bm25(topics_fts, {tweights}) limit 5", [query])
        ]
        hits = topic_hits + hits
    return hits
