"""The held-out queries (search_heldout.yaml, written before the search and never tuned
on), scored against the bundled directory: the right kind of help in the first five for at
least nine in ten, and a Help right now line first for every crisis query."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.search import Searcher
from kiosk.directory.store import Store
from kiosk.directory.words import load_words
from kiosk.paths import BUNDLED_DATA

QUERIES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "search_heldout.yaml").read_text(encoding="utf-8"))["queries"]


@pytest.fixture(scope="module")
def bundled() -> Store:
    store = Store.memory()
    apply_import(store, read_directory(BUNDLED_DATA), who="t", source="t")
    return store


def kinds_in_first_five(store: Store, searcher: Searcher, query: dict[str, Any]) -> set[str]:
    kinds: set[str] = set()
    for hit in searcher.search(query["q"], query["lang"]).hits[:5]:
        if hit.kind == "resource":
            found = store.resource(hit.key)
            kinds |= set(found.categories) if found else set()
        else:
            topic = store.topic(hit.key)
            kinds |= set(topic.categories) if topic else set()
    return kinds


def test_the_held_out_list_is_varied_and_big_enough() -> None:
    assert len(QUERIES) >= 60
    assert {q["lang"] for q in QUERIES} == {"en", "es"}
    assert sum(1 for q in QUERIES if q.get("crisis")) >= 10


def test_nine_in_ten_held_out_queries_find_the_right_kind_of_help(bundled: Store) -> None:
    searcher = Searcher(bundled, load_words(BUNDLED_DATA))
    misses = [q["q"] for q in QUERIES
              if not kinds_in_first_five(bundled, searcher, q) & set(q["want"])]
    score = 1 - len(misses) / len(QUERIES)
    assert score >= 0.9, misses


def test_every_held_out_crisis_query_puts_a_help_right_now_line_first(bundled: Store) -> None:
    searcher = Searcher(bundled, load_words(BUNDLED_DATA))
    help_now = set(bundled.list_ids("help-now"))
    for query in (q for q in QUERIES if q.get("crisis")):
        hits = searcher.search(query["q"], query["lang"]).hits
        assert hits and hits[0].key in help_now, query["q"]
