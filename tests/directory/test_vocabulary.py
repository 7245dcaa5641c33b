"""The vocabulary: typos counted as a person would, word forms in both languages, and typo
candidates looked for only where they can be."""

from __future__ import annotations

import pytest

from kiosk.directory.tokens import fold, tokens
from kiosk.directory.vocabulary import Vocabulary, stems, typo_budget

WORDS = ["shelter", "shelters", "clinic", "clinica", "clinicas", "trafficking", "counselor",
         "hospital", "lawyer", "naloxone", "refugio", "albergue", "abogada", "abogado",
         "rent", "rest", "food", "for", "fold"]


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary({w: 5 for w in WORDS} | {"for": 900}, ignore=["for"])


def test_fold_and_tokens_match_the_index() -> None:
    assert fold("Clínica NIÑOS") == "clinica ninos"
    assert tokens("St. Mary's — ¿Dónde?") == ["st", "mary", "s", "donde"]
    assert tokens("snake_case") == ["snake", "case"]


def test_typos_forgiven_grow_with_the_word() -> None:
    assert [typo_budget(n) for n in (1, 3, 4, 7, 8, 12)] == [0, 0, 1, 1, 2, 2]


@pytest.mark.parametrize(("typed", "meant", "distance"), [
    ("shleter", "shelter", 1),  # swapped letters are one typo
    ("sheltr", "shelter", 1),
    ("shellter", "shelter", 1),
    ("chelter", "shelter", 1),  # the first letter alone
    ("ospital", "hospital", 1),  # the first letter dropped
    ("nalocsone", "naloxone", 2),  # two typos from 8 letters
    ("cownselr", "counselor", 2),
    ("trafic", "traffic", 1),  # the beginning of a longer word
    ("refujio", "refugio", 1),
])
def test_typos_within_the_budget_are_found(vocabulary: Vocabulary, typed: str, meant: str,
                                           distance: int) -> None:
    assert vocabulary.typos(typed).get(meant) == distance


@pytest.mark.parametrize("typed", [
    "cunsell",  # two typos in 7 letters
    "lwyr",  # two typos in 4 letters
    "fod",  # under 4 letters
    "xhelter zz",
])
def test_typos_beyond_the_budget_are_not(vocabulary: Vocabulary, typed: str) -> None:
    found = vocabulary.typos(typed)
    assert not {w for w in found if w in WORDS}, found


def test_word_forms_in_english_and_spanish(vocabulary: Vocabulary) -> None:
    assert {"shelter", "shelters"} <= vocabulary.same_stem("shelters")
    assert {"clinica", "clinicas"} <= vocabulary.same_stem("clinicas")
    assert "abogado" in vocabulary.same_stem("abogados")
    assert "albergue" in vocabulary.same_stem("albergues")
    assert stems("shelters")[0] == stems("shelter")[0]
    assert vocabulary.same_stem("for") == set()  # too short to share a stem


def test_suggestions_prefer_near_and_used_words_but_never_common_ones(
        vocabulary: Vocabulary) -> None:
    assert vocabulary.suggestions("fod") == ["fold", "food"]  # "for" is ignored
    assert vocabulary.suggestions("lawer")[0] == "lawyer"
    assert vocabulary.suggestions("qqqqqq") == []


def test_beginnings_and_counts(vocabulary: Vocabulary) -> None:
    assert vocabulary.starting_with("clin") == ["clinic", "clinica", "clinicas"]
    assert vocabulary.has_longer("clinic") and not vocabulary.has_longer("clinicas")
    assert vocabulary.entries_starting_with("clin", enough=100) == 15


def test_typo_candidates_are_compared_only_within_their_buckets(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A typed word is compared with strings of its first letter and a length within its
    budget, not with the whole vocabulary."""
    import random

    from rapidfuzz import process

    rng = random.Random(5)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(4, 12))): 1
             for _ in range(20_000)}
    big = Vocabulary(words | {"shelter": 3})
    compared: list[int] = []
    original = process.extract

    def counting(query: str, choices: list[str], **kwargs: object) -> object:
        compared.append(len(choices))
        return original(query, choices, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(process, "extract", counting)
    assert big.typos("shleter")["shelter"] == 1
    strings = sum(len(b) for b in big._buckets.values())
    assert sum(compared) < strings / 20
