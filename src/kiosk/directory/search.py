"""Search as you type, forgiving of spelling, in the visitor's own words.

One `Searcher` serves the search screen and `kiosk search` alike. For each word typed it
looks, in this order of trust, for

1. the word itself, whole or as the beginning of a longer word (results come while the
   visitor is still spelling), and the words that share its stem ("albergues" finds
   "albergue");
2. what the search words file says it means ("narcan" -> naloxone and Staying safer,
   "renta" -> help with housing costs), by the same rules, whole phrases first;
3. only when the directory has no such word: the words within a typo or two ("shleter" ->
   "shelter"; see `kiosk.directory.vocabulary`).

Words that say nothing ("i need", "ayuda con") are dropped. Crisis words ("suicide", "quiero
morir", "overdose") put their crisis lines first (988 for suicide) and then the Help right
now lines, every time. When nothing is found the results still offer a way on: "Did you mean
...?" from the vocabulary, the Help right now lines and the categories.

Speed: the full-text index (FTS5, accents folded) gives at most `CANDIDATES` places for each
of a few reads, plus the first places of each category a word means, and only those are
ranked here; no read grows with the size of the directory. The vocabulary is built once
and again only when the directory changes (counters raised by triggers on every write).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from sys import intern
from typing import Any

from kiosk.directory.schema import RESOURCE_NAMES_FTS
from kiosk.directory.sql_ids import among, ids_param
from kiosk.directory.store import Store
from kiosk.directory.tokens import fold, tokens
from kiosk.directory.vocabulary import MIN_STEM, RARE, Vocabulary, stems, typo_budget
from kiosk.directory.words import Meaning, SearchWords

# Places read from the index for one read, at most.
CANDIDATES = 100
# Places of a category that a word means (the most urgent first), at most.
CATEGORY_CANDIDATES = 30
# Help right now lines put first for a crisis word, after the word's own places.
CRISIS_LINES = 3
HELP_NOW = "help-now"
MAX_WORDS = 12  # words of one search; the rest are ignored
EXPANDED = 64  # words read in place of a beginning of a word, at most
FIELDS_KEPT = 2_000  # places whose name words are kept between keystrokes

# How much a match counts, by where it is (name in the visitor's language, the other name,
# tags and organisation, anywhere else) and how it matched.
_WHOLE, _MEANT, _PREFIX, _TYPO = 4, 3, 2, 1
_FIELD = {"name": 10, "other": 6, "tags": 5, "text": 2}
_KIND = {_WHOLE: 1.0, _MEANT: 0.9, _PREFIX: 0.8, _TYPO: 0.5}
_MEANT_PLACE = 12
_MEANT_CATEGORY = 4


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "resource", "topic" or "category"
    key: str  # resource id, topic slug or category slug
    title_en: str
    title_es: str

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" and self.title_es else self.title_en


@dataclass
class Results:
    """What a search found, and what to offer when it found nothing."""

    text: str
    hits: list[Hit] = field(default_factory=list)
    crisis: bool = False  # crisis lines were put first
    corrected: str = ""  # the words searched for, when typos were forgiven
    did_you_mean: list[str] = field(default_factory=list)  # whole searches to try instead
    help_now: list[Hit] = field(default_factory=list)  # when nothing was found
    categories: list[Hit] = field(default_factory=list)  # when nothing was found

    @property
    def dead_end(self) -> bool:
        return not self.hits


@dataclass
class _Concept:
    """One thing the visitor asked for: a word, or a phrase of the words file."""

    typed: str
    last: bool = False
    whole: set[str] = field(default_factory=set)  # directory words matched whole
    meant: set[str] = field(default_factory=set)  # what the words file says to find
    prefixes: set[str] = field(default_factory=set)  # beginnings of directory words
    typos: dict[str, int] = field(default_factory=dict)  # near strings, typo count
    meanings: list[Meaning] = field(default_factory=list)
    read_as: str = ""  # the word of the words file a typo was read as
    _prefixes: tuple[str, ...] = ()
    _typos: tuple[str, ...] = ()
    _words: set[str] = field(default_factory=set)
    _stars: set[str] = field(default_factory=set)
    _typo_words: set[str] = field(default_factory=set)
    _typo_stars: set[str] = field(default_factory=set)

    def expression(self, typos: bool = True) -> str:
        """The concept as an FTS5 query: any of its words (`typos`: and near strings)."""
        words = self.whole | self.meant | self._words
        stars = set(self._stars)
        if typos:
            words |= self._typo_words
            stars |= self._typo_stars
        parts = [f'"{w}"' for w in sorted(words)] + [f'"{p}"*' for p in sorted(stars)]
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def categories(self) -> set[str]:
        return {c for m in self.meanings for c in m.categories}

    def places(self) -> list[str]:
        return [p for m in self.meanings for p in m.places]

    @property
    def typo_only(self) -> bool:
        return bool(self.typos) and not (self.whole or self.prefixes or self.meanings)

    def empty(self) -> bool:
        return not (self.whole or self.prefixes or self.typos or self.meanings)

    def ready(self, vocabulary: Vocabulary) -> _Concept:
        """Fixes what to read from the index and what to match (once the concept is
        built). A beginning of 4 letters or more is read as the words of the vocabulary
        that start with it, when there are not too many: the index streams a few words
        and stops at its limit, where it would merge the whole list of every word with
        that beginning."""
        self._typos = tuple(t for t in self.typos
                            if not any(t != o and t.startswith(o) for o in self.typos)
                            and not t.startswith(tuple(self.prefixes)))
        self._prefixes = tuple(self.prefixes)
        self._words, self._stars = _expanded(self._prefixes, vocabulary)
        self._typo_words, self._typo_stars = _expanded(self._typos, vocabulary)
        return self

    def match(self, words: frozenset[str]) -> int:
        """How the best of `words` matches: _WHOLE, _MEANT, _PREFIX, _TYPO or 0."""
        if not self.whole.isdisjoint(words):
            return _WHOLE
        if not self.meant.isdisjoint(words):
            return _MEANT
        if self._prefixes and any(w.startswith(self._prefixes) for w in words):
            return _PREFIX
        if self._typos and any(w.startswith(self._typos) for w in words):
            return _TYPO
        return 0


class Searcher:
    """Searches one store; keeps its vocabulary until the directory changes."""

    def __init__(self, store: Store, words: SearchWords | None = None) -> None:
        self.store = store
        if words is None:
            from kiosk.directory.words import load_words
            from kiosk.paths import BUNDLED_DATA

            words = load_words(BUNDLED_DATA)
        self.words = words
        self._version: Any = None
        self._vocabulary: Vocabulary | None = None
        self._category_top: dict[str, list[str]] = {}
        # rowid -> words of the English name, the Spanish name, and tags and organisation
        self._fields: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
        self._say_single: dict[str, list[Meaning]] = {}
        self._say_stems: dict[tuple[int, str], list[Meaning]] = {}
        self._say_multi: dict[str, list[tuple[tuple[str, ...], Meaning]]] = {}
        for key, meaning in words.phrases.items():
            if len(key) == 1:
                self._say_single.setdefault(key[0], []).append(meaning)
                if key[0].isalpha() and len(key[0]) >= MIN_STEM:
                    for lang, stem in enumerate(stems(key[0])):
                        if len(stem) >= MIN_STEM:
                            self._say_stems.setdefault((lang, stem), []).append(meaning)
            else:
                self._say_multi.setdefault(key[0][0], []).append((key, meaning))
        for phrases in self._say_multi.values():
            phrases.sort(key=lambda item: -len(item[0]))
        self._say_words = sorted(self._say_single)

    # -- the vocabulary, kept while the directory does not change ---------------------------

    def _current_version(self) -> Any:
        db = self.store.db
        return (db.execute("select n from list_version").fetchone(),
                db.execute("select n from search_version").fetchone())

    def forget_fields(self) -> None:
        """Drop the words kept of the places the last searches found (the end of a visit)."""
        self._fields = {}

    def vocabulary(self) -> Vocabulary:
        """The vocabulary of the directory as it is now (rebuilt after any change)."""
        version = self._current_version()
        if self._vocabulary is None or version != self._version:
            self._vocabulary = self._build_vocabulary()
            self._category_top = {}
            self._fields = {}
            self._version = version
        return self._vocabulary

    def _build_vocabulary(self) -> Vocabulary:
        db = self.store.db
        counts: dict[str, int] = {}
        for table in ("resources", "topics"):
            db.execute(f"create virtual table if not exists temp.[{table}_search_vocabulary] "
                       f"using fts5vocab(main, [{table}_fts], 'row')")
            for term, docs in db.execute(
                    f"select term, doc from temp.[{table}_search_vocabulary]"):
                counts[term] = counts.get(term, 0) + int(docs)
        for category in self.store.categories(include_hidden=True):
            for text in (category.name.en, category.name.es):
                for word in tokens(text):
                    counts.setdefault(word, 0)
        for meaning in self.words.meanings:
            for text in (*meaning.say, *meaning.find):
                for word in tokens(text):
                    counts.setdefault(word, 0)
        return Vocabulary(counts, self.words.ignore)

    def prepare(self) -> None:
        """Builds the vocabulary and reads the first places of every category now, so that
        no keystroke pays for them (each takes milliseconds at 100,000 places)."""
        self.vocabulary()
        for category in self.store.categories(include_hidden=True):
            self._top_of_category(category.slug)
        self.store.list_ids(HELP_NOW)

    def _top_of_category(self, slug: str) -> list[str]:
        """The first active places of a category, most urgent first (kept per version)."""
        if slug not in self._category_top:
            # Walks the index on (status, priority) from the top and stops when it has
            # enough, whatever the size of the category.
            self._category_top[slug] = [row[0] for row in self.store.db.execute(
                "select r.id from resources r where r.status = 'active' and "
                "r.retired_on is null and exists "
                "(select 1 from resource_categories rc where rc.resource_id = r.id "
                "and rc.category = ?) order by r.priority desc limit ?",
                [slug, CATEGORY_CANDIDATES])]
        return self._category_top[slug]

    # -- reading what was typed -------------------------------------------------------------

    def concepts(self, text: str) -> tuple[list[_Concept], list[str]]:
        """What the visitor asked for, and the words that matched nothing at all."""
        vocabulary = self.vocabulary()
        words = tokens(text)[:MAX_WORDS]
        typing_on = bool(text) and not text[-1].isspace()
        out: list[_Concept] = []
        unknown: list[str] = []
        i = 0
        while i < len(words):
            last = i == len(words) - 1 and typing_on
            phrase = self._phrase_at(words, i, typing_on)
            if phrase is not None:
                length, meaning = phrase
                concept = _Concept(" ".join(words[i:i + length]), i + length == len(words))
                concept.meanings.append(meaning)
                self._add_finds(concept, vocabulary)
                out.append(concept)
                i += length
                continue
            word = words[i]
            i += 1
            if word in self.words.ignore or (len(word) == 1 and not last):
                continue
            concept = self._concept(word, last, vocabulary)
            if concept.empty():
                unknown.append(word)
            else:
                out.append(concept)
        return [c.ready(vocabulary) for c in out], unknown

    def _phrase_at(self, words: list[str], i: int,
                   typing_on: bool) -> tuple[int, Meaning] | None:
        for key, meaning in self._say_multi.get(words[i][0], ()):
            n = len(key)
            if i + n > len(words):
                continue
            if all(_same_word(words[i + j], key[j],
                              typing_on and i + j == len(words) - 1, in_phrase=True)
                   for j in range(n)):
                return n, meaning
        return None

    def _concept(self, word: str, last: bool, vocabulary: Vocabulary) -> _Concept:
        concept = _Concept(word, last)
        known = word in vocabulary and vocabulary.counts[word] > 0
        if known:
            concept.whole.add(word)
        if (last or len(word) >= 3) and vocabulary.has_longer(word):
            concept.prefixes.add(word)
        concept.whole |= {w for w in vocabulary.same_stem(word) if vocabulary.counts[w] > 0}
        # What the words file says the word means: exactly, by stem, or (while typing) by
        # its beginning.
        meanings = list(self._say_single.get(word, ()))
        if not meanings and word.isalpha() and len(word) >= MIN_STEM:
            for lang, stem in enumerate(stems(word)):
                meanings += self._say_stems.get((lang, stem), ())
        if not meanings and last and len(word) >= 4:
            for said in self._say_starting_with(word):
                meanings += self._say_single[said]
        # Typos are looked for only when the directory has neither the word, nor its
        # beginning, nor its stem; or has it whole but rarely, as if misspelt there.
        used = sum(vocabulary.counts[w] for w in concept.whole)
        rare = bool(concept.whole) and not concept.prefixes and used < RARE
        hunt = rare or not (concept.whole or concept.prefixes)
        if not meanings and hunt:
            for said in self._say_near(word):
                meanings += self._say_single[said]
                concept.read_as = concept.read_as or said
        concept.meanings = _unique(meanings)
        self._add_finds(concept, vocabulary)
        if hunt and not concept.meanings:
            near = vocabulary.typos(word)
            if rare:
                # Only words the directory uses more often.
                near = {s: d for s, d in near.items()
                        if vocabulary.counts.get(s, 0) >= max(RARE, 2 * used)}
            concept.typos = near
        return concept

    def _add_finds(self, concept: _Concept, vocabulary: Vocabulary) -> None:
        for meaning in concept.meanings:
            for word in meaning.find:
                for w in tokens(word):
                    if vocabulary.counts.get(w, 0) > 0 and w not in concept.whole:
                        concept.meant.add(w)

    def _say_starting_with(self, prefix: str) -> list[str]:
        import bisect

        start = bisect.bisect_left(self._say_words, prefix)
        out = []
        for said in self._say_words[start:start + 8]:
            if not said.startswith(prefix):
                break
            out.append(said)
        return out

    def _say_near(self, word: str) -> list[str]:
        k = typo_budget(len(word))
        if not k or not self._say_words:
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        found = process.extract(word, self._say_words, scorer=OSA.distance, score_cutoff=k,
                                limit=None)
        best = min((d for _, d, _ in found), default=None)
        return [s for s, d, _ in found if d == best]

    # -- searching --------------------------------------------------------------------------

    def search(self, text: str, lang: str = "en", limit: int = 50,
               topics: bool = True) -> Results:
        results = Results(text)
        if not text.strip():
            return results
        concepts, unknown = self.concepts(text)
        if concepts:
            results.hits, results.crisis = self._hits(concepts, lang, limit, topics)
            results.corrected = _corrected(text, concepts, self.vocabulary())
        if not results.hits:
            results.did_you_mean = self._did_you_mean(text, unknown)
            results.help_now = self._help_now_hits(CRISIS_LINES * 2)
            results.categories = [Hit("category", c.slug, c.name.en, c.name.es)
                                  for c in self.store.categories() if c.slug != HELP_NOW]
        return results

    def _hits(self, concepts: list[_Concept], lang: str, limit: int,
              topics: bool) -> tuple[list[Hit], bool]:
        matched = self._read_index("resources", concepts, CANDIDATES)
        meant: dict[str, set[int]] = {}  # resource id -> concepts that mean its category
        placed: dict[str, set[int]] = {}  # resource id -> concepts that name it
        for i, concept in enumerate(concepts):
            for slug in concept.categories():
                for rid in self._top_of_category(slug):
                    meant.setdefault(rid, set()).add(i)
            for rid in concept.places():
                placed.setdefault(rid, set()).add(i)
        rows = self._rows(list(matched), [*meant, *placed])
        with_categories = any(c.categories() for c in concepts)
        categories = self._categories_of([r[0] for r in rows]) if with_categories else {}
        ranked = []
        for rid, rowid, name_en, name_es, priority, tags, organization in rows:
            words = self._fields.get(rowid)
            if words is None:
                if len(self._fields) > FIELDS_KEPT:
                    self._fields = {}
                words = self._fields[rowid] = (  # the words themselves shared, interned
                    frozenset(map(intern, tokens(name_en))),
                    frozenset(map(intern, tokens(name_es or name_en))),
                    frozenset(map(intern, tokens(f"{tags or ''} {organization or ''}"))))
            english, spanish, tagged = words
            names = {"en": name_en, "es": name_es or name_en}
            fields = {"name": spanish if lang == "es" else english,
                      "other": english if lang == "es" else spanish, "tags": tagged}
            key = _score(concepts, fields, matched.get(rowid, {}), placed.get(rid, set()),
                         set(categories.get(rid, ())))
            if key:
                ranked.append(((*key, -(priority or 0), fold(names[lang])),
                               Hit("resource", rid, name_en, name_es or "")))
        ranked.sort(key=lambda r: r[0])
        crisis_first = self._crisis_lines(concepts)
        first_ids = {h.key for h in crisis_first}
        places = [(key, h) for key, h in ranked if h.key not in first_ids]
        if topics:
            places = _merged(places, self._topics(concepts, lang))
        return (crisis_first + [h for _, h in places])[:limit], bool(crisis_first)

    def _read_index(self, table: str, concepts: list[_Concept],
                    limit: int) -> dict[int, dict[int, bool]]:
        """Rows of the index that match: all concepts (names first), and each one alone.
        Each row maps to {concept index: whether it matched other than by a typo}."""
        db = self.store.db
        matched: dict[int, dict[int, bool]] = {}
        # Names first: resources have an index of their own for names, tags and
        # organisations (reading it stops at the limit); topics are few.
        if table == "resources":
            names, fts, named = RESOURCE_NAMES_FTS, "resources_fts", "{}"
        else:
            names, fts, named = "topics_fts", "topics_fts", "{{title_en title_es}} : ({})"

        def read(index: str, expression: str, count: int, indexes: list[int],
                 exact: bool) -> None:
            if not expression:
                return
            for (rowid,) in db.execute(f"select rowid from [{index}] where [{index}] "
                                       "match ? limit ?", [expression, count]):
                found = matched.setdefault(rowid, {})
                for i in indexes:
                    found[i] = found.get(i, False) or exact

        expressions = [c.expression() for c in concepts]
        searchable = [i for i, e in enumerate(expressions) if e]
        if not searchable:
            return matched
        every = " AND ".join(expressions[i] for i in searchable)
        all_exact = not any(concepts[i].typos for i in searchable)
        read(names, named.format(every), limit, searchable, all_exact)
        read(fts, every, limit, searchable, all_exact)
        for i in searchable:
            concept = concepts[i]
            if len(searchable) > 1:
                read(names, named.format(expressions[i]), limit // 2, [i], not concept.typos)
                read(fts, expressions[i], limit // 2, [i], not concept.typos)
            if concept.typos and not concept.typo_only:
                # A rare word searched for as typed and as a typo: which rows have it as
                # typed.
                read(fts, concept.expression(typos=False), limit, [i], True)
        return matched

    def _topics(self, concepts: list[_Concept], lang: str) -> list[tuple[Any, Hit]]:
        """Matching topics, scored like places on their titles and summaries."""
        matched = self._read_index("topics", concepts, 20)
        if not matched:
            return []
        other = "es" if lang == "en" else "en"
        out = []
        for rowid, slug, title_en, title_es, summary_en, summary_es in self.store.db.execute(
                "select rowid, slug, title_en, title_es, summary_en, summary_es from topics "
                f"where {among('rowid')}", [ids_param(matched)]):
            titles = {"en": title_en, "es": title_es or title_en}
            summaries = {"en": summary_en or "", "es": summary_es or summary_en or ""}
            fields = {"name": frozenset(tokens(titles[lang])),
                      "other": frozenset(tokens(titles[other])),
                      "tags": frozenset(tokens(summaries[lang]))}
            key = _score(concepts, fields, matched[rowid], set(), set())
            if key:
                out.append((key, Hit("topic", slug, title_en, title_es or "")))
        out.sort(key=lambda item: item[0])
        return out

    def _rows(self, rowids: list[int], ids: list[str]) -> list[tuple[Any, ...]]:
        out: dict[str, tuple[Any, ...]] = {}
        columns = "id, rowid, name_en, name_es, priority, tags, organization"
        # "+status": look the rows up by rowid or id, not through the indexes on status and
        # source; entries retired from their feed are hidden like inactive ones.
        for key, values in (("rowid", rowids), ("id", ids)):
            if not values:
                continue
            for row in self.store.db.execute(
                    f"select {columns} from resources where {among(key)} "
                    "and +status = 'active' and +retired_on is null", [ids_param(values)]):
                out[row[0]] = tuple(row)
        return list(out.values())

    def _categories_of(self, ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for rid, slug in self.store.db.execute(
                "select resource_id, category from resource_categories "
                f"where {among('resource_id')}", [ids_param(ids)]):
            out.setdefault(rid, []).append(slug)
        return out

    def _crisis_lines(self, concepts: list[_Concept]) -> list[Hit]:
        """For crisis words: their own lines, then the most urgent Help right now lines."""
        wanted: list[str] = []
        for concept in concepts:
            for meaning in concept.meanings:
                if meaning.crisis:
                    wanted += [p for p in meaning.places if p not in wanted]
        if not wanted and not any(m.crisis for c in concepts for m in c.meanings):
            return []
        found = {h.key: h for h in self._hits_of(wanted)}
        first = [found[p] for p in wanted if p in found]
        lines = [h for h in self._help_now_hits(CRISIS_LINES + len(first))
                 if h.key not in found][:CRISIS_LINES]
        return first + lines

    def _help_now_hits(self, count: int) -> list[Hit]:
        """The first Help right now lines, in the order of the home screen's strip."""
        return self._hits_of(self.store.list_ids(HELP_NOW)[:count])

    def _hits_of(self, ids: list[str]) -> list[Hit]:
        if not ids:
            return []
        rows = {row[0]: row for row in self.store.db.execute(
            f"select id, name_en, name_es from resources where {among('id')} "
            "and +status = 'active' and +retired_on is null", [ids_param(ids)])}
        return [Hit("resource", i, rows[i][1], rows[i][2] or "") for i in ids if i in rows]

    def _did_you_mean(self, text: str, unknown: list[str]) -> list[str]:
        """The search with each word that matched nothing replaced by the nearest words of
        the vocabulary (or left out when none is near)."""
        vocabulary = self.vocabulary()
        near = {w: vocabulary.suggestions(w, 2) for w in unknown}
        if not any(near.values()):
            return []
        words = tokens(text)
        out: list[str] = []
        for choice in (0, 1):
            fixed = []
            for w in words:
                if w not in near:
                    fixed.append(w)
                elif near[w]:
                    fixed.append(near[w][min(choice, len(near[w]) - 1)])
            line = " ".join(fixed)
            if line and line not in out:
                out.append(line)
        return out


def _score(concepts: list[_Concept], fields: dict[str, frozenset[str]],
           in_index: dict[int, bool],
           placed: set[int], categories: set[str]) -> tuple[int, int, float] | None:
    """How well one place or topic matches, as a sort key (smallest first): the concepts
    it matches, those of them matched other than by a typo, and the weight of the matches.
    None when it matches nothing."""
    score, found, exact = 0.0, 0, 0
    for i, concept in enumerate(concepts):
        best, not_typo = 0.0, False
        for where, words in fields.items():
            kind = concept.match(words)
            if kind:
                best = max(best, _FIELD[where] * _KIND[kind])
                not_typo = not_typo or kind > _TYPO
        if i in in_index:
            best = max(best, _FIELD["text"] * (1.0 if in_index[i] else _KIND[_TYPO]))
            not_typo = not_typo or in_index[i]
        if i in placed:
            best = max(best, float(_MEANT_PLACE))
            not_typo = True
        if categories and concept.categories() & categories:
            best = max(best, float(_MEANT_CATEGORY))
            not_typo = True
        if best:
            score += best
            found += 1
            exact += not_typo
    return (-found, -exact, -score) if found else None


def _merged(places: list[tuple[Any, Hit]], topics: list[tuple[Any, Hit]]
            ) -> list[tuple[Any, Hit]]:
    """Places and topics in one list: a topic comes before a place only when it matches
    better (its title, most often); on a tie the place comes first."""
    out: list[tuple[Any, Hit]] = []
    queue = list(topics)
    for key, place in places:
        while queue and queue[0][0] < key[:3]:
            out.append(queue.pop(0))
        out.append((key, place))
    return out + queue


def _expanded(beginnings: Iterable[str], vocabulary: Vocabulary) -> tuple[set[str], set[str]]:
    """Beginnings of words as the words that start with them (few enough), and the rest
    as beginnings for the index (those of 1 to 3 letters have prefix indexes)."""
    words: set[str] = set()
    stars: set[str] = set()
    for beginning in beginnings:
        if len(beginning) <= 3:
            stars.add(beginning)
            continue
        found = [w for w in vocabulary.starting_with(beginning, EXPANDED + 1)
                 if vocabulary.counts[w] > 0]
        if len(found) > EXPANDED:
            stars.add(beginning)
        else:
            words.update(found)
    return words, stars


def _same_word(typed: str, said: str, typing: bool, in_phrase: bool = False) -> bool:
    """Whether a typed word is the word of a phrase, forgiving what the search forgives."""
    if typed == said:
        return True
    if len(typed) >= 3 and said.startswith(typed) and (typing or in_phrase):
        return True
    if len(typed) >= MIN_STEM and typed.isalpha() and said.isalpha():
        a, b = stems(typed), stems(said)
        if any(x == y and len(x) >= MIN_STEM for x, y in zip(a, b, strict=True)):
            return True
    k = typo_budget(len(typed))
    if k and abs(len(typed) - len(said)) <= k:
        from rapidfuzz.distance import OSA

        return int(OSA.distance(typed, said, score_cutoff=k)) <= k
    return False



def _unique(meanings: list[Meaning]) -> list[Meaning]:
    out: list[Meaning] = []
    for m in meanings:
        if not any(m is o for o in out):
            out.append(m)
    return out


def _corrected(text: str, concepts: list[_Concept], vocabulary: Vocabulary) -> str:
    """The search as the typos were read ("shleter" -> "shelter"), or "" if none were."""
    fixes = {}
    for concept in concepts:
        if concept.read_as:
            fixes[concept.typed] = concept.read_as
        elif concept.typo_only:
            words = [s for s in concept.typos if s in vocabulary.counts
                     and vocabulary.counts[s] > 0]
            pool = words or list(concept.typos)
            best = min(pool, key=lambda s: (concept.typos[s], -vocabulary.counts.get(s, 0), s))
            fixes[concept.typed] = best
    if not fixes:
        return ""
    return " ".join(fixes.get(w, w) for w in tokens(text))


_SEARCHERS: weakref.WeakKeyDictionary[Store, Searcher] = weakref.WeakKeyDictionary()


def searcher_for(store: Store) -> Searcher:
    """The store's searcher with the bundled search words (made on first use)."""
    found = _SEARCHERS.get(store)
    if found is None:
        found = _SEARCHERS[store] = Searcher(store)
    return found


def search(store: Store, text: str, lang: str = "en", limit: int = 50,
           topics: bool = True) -> list[Hit]:
    """The hits of `searcher_for(store).search(...)`, best first."""
    return searcher_for(store).search(text, lang, limit, topics).hits


def match_expression(text: str) -> str:
    """Visitor's text as a plain FTS5 query: every word as a prefix, all required (what the
    index alone can do; the benchmark's floor)."""
    return " ".join(f'"{w}"*' for w in tokens(text))
