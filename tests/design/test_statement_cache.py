"""A list of ids reaches SQLite as one parameter, so the statement is the same whatever the
list's length. With a mark per id every length was a statement of its own, compiled and kept
in the connection's cache of 128: lists opened and searched over weeks filled it with
statements of up to 500 marks, about 5 MB of SQLite's memory on each connection."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.search import Searcher
from kiosk.directory.store import ListFilter, Store
from kiosk.directory.words import load_words
from kiosk.paths import BUNDLED_DATA

MARK_LIST = re.compile(r"\?\s*,\s*\?")


@pytest.fixture(scope="module")
def bundled() -> Store:
    store = Store.memory()
    apply_import(store, read_directory(BUNDLED_DATA), who="t", source="t")
    return store


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []
    with store.db.tracer(lambda sql, params: seen.append(sql)):
        yield seen


@pytest.mark.parametrize(("read", "all_found"), [
    (lambda store, ids: store.resources(ids), True),
    (lambda store, ids: store.list_entries(ids), True),
    (lambda store, ids: store.open_ids(ids, dt.datetime(2026, 12, 1, 11, 0)), False),
], ids=["resources", "list_entries", "open_ids"])
def test_lists_of_every_length_are_read_by_one_statement(
        bundled: Store, read: Callable[[Store, list[str]], Any], all_found: bool) -> None:
    ids = [r.id for r in bundled.resources()]
    assert len(ids) > 40
    with statements(bundled) as seen:
        sizes = [len(read(bundled, ids[:n])) for n in range(1, 41)]
    if all_found:
        assert sizes == list(range(1, 41))
    else:  # a Tuesday morning: some are open, more as the list grows
        assert sizes == sorted(sizes) and 0 < sizes[-1] < 40
    assert len(set(seen)) <= 2, sorted(set(seen))[:3]
    assert not any(MARK_LIST.search(sql) for sql in seen)


def test_searches_with_any_number_of_hits_share_their_statements(bundled: Store) -> None:
    searcher = Searcher(bundled, load_words(BUNDLED_DATA))
    words = ["food", "clinic", "shelter", "help", "narcan", "legal", "crisis", "rent",
             "testing", "hartford", "comida", "ayuda"]
    with statements(bundled) as seen:
        counts = {len(searcher.search(word).hits) for word in words}
        bundled.list_ids("health", ListFilter())
    assert len(counts) > 3  # the searches found lists of many lengths
    assert not any(MARK_LIST.search(sql) for sql in seen), \
        [sql for sql in seen if MARK_LIST.search(sql)][:2]
