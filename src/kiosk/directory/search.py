"""Search as you type over the directory, in both languages, ignoring accents.

The FTS5 index uses the `unicode61 remove_diacritics 2` tokenizer, so "clinica" finds
"clínica" and the other way round; every word typed is matched as a prefix, so results come
while the visitor is still spelling the word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kiosk.directory.store import Store

_WORD = re.compile(r"\w+", re.UNICODE)

# Places read from the index for one search, at most, for each of two reads.
CANDIDATES = 100
# bm25 weights for topics (a handful of pages: ranking all matches is cheap), in the order of
# schema.TOPIC_SEARCH_COLUMNS.
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


def fold(text: str) -> str:
    """Lowercase without accents, as the index compares words."""
    text = text.casefold()
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _name_score(words: list[str], name: str) -> int:
    """How many typed words start a word of `name`."""
    name_words = _WORD.findall(fold(name))
    return sum(1 for w in words if any(n.startswith(w) for n in name_words))


def search(store: Store, text: str, lang: str = "en", limit: int = 50,
           topics: bool = True) -> list[Hit]:
    """Active resources (and topics) matching `text`, best first.

    Ranking every match costs time in proportion to the matches, and one typed letter
    matches most of a big directory. So the index gives at most `CANDIDATES` places whose
    names match and as many matching anywhere (both cheap: the index is read only that
    far), and those are ranked here: names in the visitor's language that start with what
    was typed first, then names in the other language, then matches in other fields; crisis
    lines before others. In a directory with fewer matches than that, the ranking is over
    all of them.
    """
    query = match_expression(text)
    if not query:
        return []
    rowids: dict[int, None] = {}
    for expression in ("{name_en name_es} : (" + query + ")", query):
        for (rowid,) in store.db.execute(
                "select rowid from resources_fts where resources_fts match ? limit ?",
                [expression, CANDIDATES]):
            rowids[rowid] = None
    words = [fold(w) for w in _WORD.findall(text)]
    other = "en" if lang == "es" else "es"
    ranked = []
    keys = list(rowids)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        marks = ",".join("?" * len(chunk))
        # "+status": look the rows up by rowid, not through the indexes on status and source.
        for rid, name_en, name_es, priority in store.db.execute(
                "select id, name_en, name_es, priority from resources "
                f"where rowid in ({marks}) and +status = 'active' and +retired_on is null",
                chunk):
            names = {"en": name_en, "es": name_es or name_en}
            score = (3 * _name_score(words, names[lang]) + _name_score(words, names[other]))
            ranked.append((-score, -(priority or 0), fold(names[lang]),
                           Hit("resource", rid, name_en, name_es or "")))
    ranked.sort(key=lambda r: r[:3])
    hits = [r[3] for r in ranked[:limit]]
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
