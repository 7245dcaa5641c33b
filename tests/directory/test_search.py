"""Search as you type: accents ignored both ways, prefixes match, best first."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.search import match_expression, search
from kiosk.directory.store import Store

from .helpers import CATEGORIES, resource_yaml, write

RESOURCES = (
    resource_yaml("clinica", "Clínica del Pueblo", "Clínica del Pueblo")
    + resource_yaml("plain-clinic", "Town Clinic", "Clínica del pueblo")
    + resource_yaml("food", "Soup Kitchen", "Comedor")
    + resource_yaml("gone", "Old Clinic", "Clínica vieja").replace(
        "    sources:", "    status: inactive\n    sources:")
    + "  - id: legal\n    name: Legal Aid\n    categories: [health]\n"
      "    description: {en: Help with a clinic bill., es: Ayuda con una cuenta.}\n"
      "    sources: [x]\n"
)


@pytest.fixture
def filled(store: Store, tmp_path: Path) -> Store:
    path = write(tmp_path / "d.yaml", CATEGORIES + "resources:\n" + RESOURCES)
    apply_import(store, read_directory(path), who="t", source="t")
    return store


def keys(store: Store, text: str, lang: str = "en") -> list[str]:
    return [h.key for h in search(store, text, lang, topics=False)]


def test_accent_insensitive_both_ways(filled: Store) -> None:
    assert set(keys(filled, "clinica")) == {"clinica", "plain-clinic"}
    assert set(keys(filled, "clínica")) == set(keys(filled, "clinica"))
    assert "clinica" in keys(filled, "CLINICA")


def test_prefix_matching_for_search_as_you_type(filled: Store) -> None:
    assert keys(filled, "c")  # one letter already finds something
    assert set(keys(filled, "cli")) == {"clinica", "plain-clinic", "legal"}
    assert keys(filled, "sou") == ["food"]
    assert keys(filled, "sou kit") == ["food"]
    assert keys(filled, "soupx") == []


def test_names_rank_above_descriptions_and_inactive_is_hidden(filled: Store) -> None:
    found = keys(filled, "clinic")
    assert found[-1] == "legal"  # only its description says "clinic"
    assert "gone" not in found


def test_spanish_names_are_searched(filled: Store) -> None:
    assert keys(filled, "comedor", "es") == ["food"]
    assert search(filled, "comedor", "es")[0].title("es") == "Comedor"


def test_punctuation_and_quotes_are_not_fts_syntax(filled: Store) -> None:
    assert keys(filled, "") == []
    assert keys(filled, '"') == []
    assert keys(filled, 'soup" OR *') == []  # no match for the word "or"; no syntax error
    assert match_expression("st. mary's") == '"st"* "mary"* "s"*'


def test_a_name_match_is_found_among_many_other_matches(store: Store) -> None:
    """More places match than are ranked: those whose names match still come first."""
    from dataclasses import replace

    from kiosk.directory.model import Category, Directory, LocalText, Resource, Source
    from kiosk.directory.search import CANDIDATES

    base = Resource(id="x", name=LocalText("Food pantry", "Despensa"), categories=("c",),
                    description=LocalText("Near the clinic.", "Cerca de la clínica."),
                    sources=(Source("t"),))
    many = [replace(base, id=f"pantry-{i:04d}") for i in range(CANDIDATES * 3)]
    named = replace(base, id="named", name=LocalText("Clinic on Main", "Clínica en Main"))
    apply_import(store, Directory(categories=[Category("c", LocalText("C", "C"))],
                                  resources=[*many, named]), who="t", source="t")
    assert keys(store, "cl")[0] == "named"
    assert keys(store, "clí", "es")[0] == "named"
    assert len(keys(store, "cl")) == 50


def test_the_index_keeps_prefixes_of_one_to_three_letters(store: Store) -> None:
    sql = store.db.execute("select sql from sqlite_master where name = 'resources_fts'")
    assert "prefix='1 2 3'" in sql.fetchone()[0]
