"""The bundled Connecticut directory: loads cleanly, both languages, a source for every fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.datadir import open_data_dir
from kiosk.directory.files import check_directory
from kiosk.directory.model import Directory
from kiosk.paths import BUNDLED_DATA

SEEDS = {"000_ad4b4c85c7210c60.txt", "001_29ea12d40663e493.txt", "002_8a63ab1b7e7e8044.txt",
         "003_a0e6a082c81b0e15.txt", "004_8c7bc5e38123135a.txt"}
TOPICS = {"is-it-legal", "clearing-your-record", "signs-of-trafficking", "if-you-are-arrested",
          "staying-safer"}


@pytest.fixture(scope="module")
def bundled() -> Directory:
    directory, problems = check_directory(BUNDLED_DATA)
    assert [str(p) for p in problems] == []
    return directory


def test_loads_with_no_problems_and_enough_entries(bundled: Directory) -> None:
    assert len(bundled.resources) > 50
    assert {t.slug for t in bundled.topics} >= TOPICS
    assert len(bundled.categories) >= 10


def test_every_text_is_in_english_and_spanish(bundled: Directory) -> None:
    for c in bundled.categories:
        assert c.name.en and c.name.es and c.description.es, c.slug
    for r in bundled.resources:
        assert not r.missing_spanish(), r.id
        assert r.description.es != r.description.en, r.id
    for t in bundled.topics:
        assert not t.missing_spanish(), t.slug
        assert t.body.es != t.body.en, t.slug


def test_every_resource_names_its_sources_and_none_is_verified_yet(bundled: Directory) -> None:
    for item in [*bundled.resources, *bundled.topics]:
        refs = {Path(s.ref).name for s in item.sources}
        assert refs and refs <= SEEDS, item
        assert item.verified_on is None


def test_crisis_lines_are_there(bundled: Directory) -> None:
    numbers = {p.number for r in bundled.resources if "help-now" in r.categories
               for p in r.phones}
    assert {"911", "211", "+18883737888"} <= numbers


def test_a_fresh_data_folder_is_built_from_it(fresh_data_dir: Path, bundled: Directory) -> None:
    store = open_data_dir(fresh_data_dir)
    assert store.counts()["resources"] == len(bundled.resources)
    assert store.counts()["unverified resources"] == len(bundled.resources)
