"""Every word the directory uses, in both languages, to forgive how a visitor spells.

The vocabulary holds the folded words of the search index (with how many entries use each),
of the category names and of the search words file. For a typed word it finds

- the words that share its stem in English or Spanish ("albergues" -> "albergue",
  "shelters" -> "shelter"), with the Snowball stemmers;
- the words, and beginnings of words, within a few typos: the Damerau-Levenshtein distance
  in its optimal-string-alignment form (a swapped pair of letters is one typo), at most 1
  from 4 letters and 2 from 8, as Algolia allows.

Typo candidates are kept in buckets by first letter and length, so a typed word is compared
with only the strings that can be near it (rapidfuzz's bit-parallel distance, with a
cut-off). A slip of the first letter alone ("ospital", "chelter") is found by looking up the
rest of the word, which is exact.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Mapping
from typing import Any

from kiosk import per_visit

MIN_TYPO_LENGTH = 4
TWO_TYPOS_LENGTH = 8
MAX_PREFIX = 14  # beginnings of longer words are not kept for typo matching
MIN_STEM = 4  # shorter stems join unrelated words (Spanish "com": comida, como)
RARE = 3  # a word found in fewer entries than this may itself be a typo in the directory


def typo_budget(length: int) -> int:
    """Typos forgiven in a word of `length` letters."""
    if length < MIN_TYPO_LENGTH:
        return 0
    return 1 if length < TWO_TYPOS_LENGTH else 2


_STEMMERS: dict[str, Any] = {}


def stemmer(lang: str) -> Any:
    """The snowball stemmer of `lang`, made once, with PyStemmer's own cache of words off
    (size 0): that cache outlived visits, holding up to 10,000 of the words visitors typed
    and the directory's, in no order the kiosk controls. Repeats within a visit are
    `stems`'s to keep, and forgotten with it."""
    if lang not in _STEMMERS:
        import Stemmer

        _STEMMERS[lang] = Stemmer.Stemmer("spanish" if lang == "es" else "english", 0)
    return _STEMMERS[lang]


@per_visit.forgotten
@functools.lru_cache(maxsize=8192)
def stems(word: str) -> tuple[str, str]:
    """The English and Spanish stems of a folded word."""
    return stemmer("en").stemWord(word), stemmer("es").stemWord(word)


class Vocabulary:
    """Folded words with the number of directory entries that use each (0 for words that
    only the search words file or a category name use)."""

    def __init__(self, counts: Mapping[str, int], ignore: Iterable[str] = ()) -> None:
        """`ignore`: words that carry no meaning; they share no stem and are never
        suggested."""
        self.counts: dict[str, int] = dict(counts)
        ignore = frozenset(ignore)
        self.ignore = ignore
        self._sorted = sorted(self.counts)
        self._by_stem: dict[tuple[int, str], list[str]] = {}
        en, es = stemmer("en"), stemmer("es")
        words = [w for w in self._sorted if len(w) >= MIN_STEM and w.isalpha()
                 and w not in ignore]
        for lang, stemmed in ((0, en.stemWords(words)), (1, es.stemWords(words))):
            for word, stem in zip(words, stemmed, strict=True):
                if len(stem) >= MIN_STEM:
                    self._by_stem.setdefault((lang, stem), []).append(word)
        strings: set[str] = set()
        for word in self._sorted:
            if len(word) < MIN_TYPO_LENGTH - 2 or not word.isalpha():
                continue
            strings.add(word)
            for end in range(MIN_TYPO_LENGTH - 2, min(len(word), MAX_PREFIX + 1)):
                strings.add(word[:end])
        self._strings = strings
        self._buckets: dict[tuple[str, int], list[str]] = {}
        self._tails: dict[str, list[str]] = {}
        for s in sorted(strings):
            self._buckets.setdefault((s[0], len(s)), []).append(s)
            self._tails.setdefault(s[1:], []).append(s)

    @classmethod
    def of_words(cls, words: Iterable[str]) -> Vocabulary:
        return cls(dict.fromkeys(words, 1))

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def __len__(self) -> int:
        return len(self.counts)

    def starting_with(self, prefix: str, limit: int = 50) -> list[str]:
        """Up to `limit` words that start with `prefix`, in alphabetical order."""
        start = bisect.bisect_left(self._sorted, prefix)
        out = []
        for word in self._sorted[start:start + limit]:
            if not word.startswith(prefix):
                break
            out.append(word)
        return out

    def entries_starting_with(self, prefix: str, enough: int = RARE) -> int:
        """How many entries use words starting with `prefix` (counted up to `enough`)."""
        start = bisect.bisect_left(self._sorted, prefix)
        total = 0
        for word in self._sorted[start:]:
            if not word.startswith(prefix) or total >= enough:
                break
            total += self.counts[word]
        return total

    def has_longer(self, prefix: str) -> bool:
        """Whether some word the directory uses is `prefix` and more."""
        start = bisect.bisect_left(self._sorted, prefix)
        for word in self._sorted[start:]:
            if not word.startswith(prefix):
                return False
            if word != prefix and self.counts[word] > 0:
                return True
        return False

    def same_stem(self, word: str) -> set[str]:
        """Words of the vocabulary that share `word`'s English or Spanish stem."""
        if len(word) < MIN_STEM or not word.isalpha():
            return set()
        en, es = stems(word)
        return set(self._by_stem.get((0, en), ())) | set(self._by_stem.get((1, es), ()))

    def typos(self, word: str, budget: int | None = None) -> dict[str, int]:
        """Words and beginnings of words within the typo budget of `word`, with their
        distance. Beginnings count: a visitor who types "trafic" is on the way to
        "trafficking"."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        k = typo_budget(len(word)) if budget is None else budget
        if k <= 0 or not word.isalpha():
            return {}
        out: dict[str, int] = {}
        n = len(word)
        for length in range(max(1, n - k), n + k + 1):
            bucket = self._buckets.get((word[0], length))
            if not bucket:
                continue
            for found, distance, _ in process.extract(word, bucket, scorer=OSA.distance,
                                                      score_cutoff=k, limit=None):
                out[found] = int(distance)
        # A slip of the first letter, the rest exact: swapped, replaced, dropped or added.
        slips = [*self._tails.get(word[1:], ()), *self._tails.get(word, ())]
        if len(word) > 1:
            for s in (word[1:], word[1] + word[0] + word[2:]):
                if s in self._strings:
                    slips.append(s)
        for s in slips:
            out.setdefault(s, 1)
        # Not what was typed, its beginnings or words it begins (those match anyway), nor a
        # short beginning of some other word.
        return {s: d for s, d in out.items()
                if not s.startswith(word)
                and (s in self.counts or (len(s) >= MIN_TYPO_LENGTH and
                                          not word.startswith(s)))}

    def suggestions(self, word: str, limit: int = 3) -> list[str]:
        """Whole words a visitor may have meant, nearest first, then the most used: for a
        "Did you mean" when nothing was found. A little looser than the search itself."""
        budget = max(1, typo_budget(len(word)) + (1 if len(word) >= 5 else 0))
        if len(word) < 3:
            return []
        near = self.typos(word, budget)
        ranked = sorted(((d, -self.counts.get(s, 0), s) for s, d in near.items()
                         if s in self.counts and len(s) >= 3 and s not in self.ignore),
                        key=lambda r: r)
        return [s for _, _, s in ranked[:limit]]
