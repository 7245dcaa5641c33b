"""The search words file: checked like the directory, extended by staff, never a crash."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from kiosk.directory.files import check_directory, directory_files
from kiosk.directory.importer import apply_import
from kiosk.directory.search import Searcher
from kiosk.directory.store import Store
from kiosk.directory.words import (
    FILE_NAME,
    MAX_FILE_BYTES,
    check_words,
    load_words,
    read_words,
)
from kiosk.paths import BUNDLED_DATA

HEAD = "format: kiosk-search-words/1\n"


def words_file(folder: Path, body: str, head: str = HEAD) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    path.write_text(head + textwrap.dedent(body), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    return [str(p) for p in read_words(path)[1]]


def test_the_bundled_words_have_no_problems_and_only_missing_places_warn() -> None:
    directory, problems = check_directory(BUNDLED_DATA)
    assert problems == []
    words, problems, warnings = check_words(BUNDLED_DATA / FILE_NAME, directory)
    assert problems == []
    assert len(words.meanings) >= 30
    slugs = directory.category_slugs()
    assert {c for m in words.meanings for c in m.categories} <= slugs
    ids = {r.id for r in directory.resources}
    missing = {p for m in words.meanings for p in m.places} - ids
    assert len(warnings) == sum(1 for m in words.meanings for p in m.places if p in missing)
    assert all("is not a resource of this directory" in str(w) for w in warnings)


def test_the_bundled_words_cover_the_words_visitors_use() -> None:
    words = load_words(BUNDLED_DATA)
    for said in ("narcan", "rent", "renta", "alquiler", "std", "ets", "detox", "rehab",
                 "lawyer", "abogado", "eviction", "desalojo", "pregnant", "embarazada",
                 "shower", "ducha", "suicide", "suicidio", "kill myself", "quiero morir",
                 "overdose", "raped", "violación"):
        assert tuple(said.replace("ó", "o").split()) in words.phrases, said
    crisis = {k for k, m in words.phrases.items() if m.crisis}
    assert {("suicide",), ("quiero", "morir"), ("overdose",), ("violacion",)} <= crisis
    assert words.phrases[("suicide",)].places[0] == "lifeline-988"
    assert {"i", "need", "necesito", "ayuda", "con", "help", "with"} <= words.ignore


def test_the_words_file_is_not_a_directory_file() -> None:
    assert BUNDLED_DATA / FILE_NAME not in directory_files(BUNDLED_DATA)


@pytest.mark.parametrize(("body", "expected"), [
    ("words:\n  - say: [rent]\n    category: [basic-needs]\n",
     ":4: words[0].category: is not a known field; use say, find, categories, places, crisis"),
    ("words:\n  - say: [rent]\n", ":3: words[0]: says what people type but not what to show"),
    ("words:\n  - find: [rent]\n", ":3: words[0]: has no 'say'"),
    ("words:\n  - say: [suicide]\n    find: [crisis]\n    crisis: true\n",
     ":5: words[0].crisis: needs the 'places' or 'categories'"),
    ("words:\n  - say: [suicide]\n    categories: [help-now]\n    crisis: yes please\n",
     ":5: words[0].crisis: should be true or false"),
    ("words:\n  - say: [rent]\n    categories: [basic-needs]\n"
     "  - say: [Rent]\n    categories: [legal]\n",
     ':5: words[1].say[0]: "Rent" is already said in words[0]'),
    ("words:\n  - say: [rent]\n    categories: [Basic Needs]\n",
     ":4: words[0].categories[0]: should be an id like 'help-now'"),
    ("words:\n  - say: [rent]\n    find: [help with rent]\n    categories: [basic-needs]\n",
     ":4: words[0].find[0]: should be one word"),
    ("words:\n  - say: ['!!!']\n    categories: [basic-needs]\n",
     ":3: words[0].say[0]: has no letters or digits"),
    ("words:\n  - say: [rent, [nested]]\n    categories: [basic-needs]\n",
     ":3: words[0].say[1]: should be a word, not a list"),
    ("ignore:\n  fr: [le]\n", ":3: ignore.fr: is not a language; use en or es"),
    ("ignore:\n  en: [no, i]\n", ":3: ignore.en[0]: should be a word, not true/false"),
    ("words: {say: rent}\n", ":2: words: should be a list of entries"),
    ("synonyms: []\n", ":2: synonyms: is not a section; use format, ignore, words"),
])
def test_mistakes_are_named_with_file_line_and_field(tmp_path: Path, body: str,
                                                     expected: str) -> None:
    path = words_file(tmp_path, body)
    found = problems_of(path)
    assert any(p.startswith(str(path)) and expected in p for p in found), found


@pytest.mark.parametrize(("text", "expected"), [
    ("format: kiosk-search-words/2\n", "is newer than this kiosk understands"),
    ("format: kiosk-directory/1\n", "is not a search words format"),
    ("words: []\n", "the 'format: kiosk-search-words/1' line is missing"),
    ("- just\n- a list\n", "this is not a search words file"),
    ("words: [unclosed\n", "this is not valid YAML"),
])
def test_not_a_words_file(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(text, encoding="utf-8")
    assert expected in " ".join(problems_of(path))


def test_hostile_files_get_one_sentence_fast(tmp_path: Path) -> None:
    big = tmp_path / "big" / FILE_NAME
    big.parent.mkdir()
    with open(big, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES * 200)
    assert "a search words file can be at most" in problems_of(big)[0]
    binary = tmp_path / "bin" / FILE_NAME
    binary.parent.mkdir()
    binary.write_bytes(b"format: x\x00\x01\x02")
    assert "binary data" in problems_of(binary)[0]
    latin = tmp_path / "latin" / FILE_NAME
    latin.parent.mkdir()
    latin.write_bytes(HEAD.encode() + "words:\n  - say: [violación]\n".encode("latin-1"))
    assert problems_of(latin) == [f"{latin}:3: the file is not UTF-8 text; save it as UTF-8"]
    deep = tmp_path / "deep" / FILE_NAME
    deep.parent.mkdir()
    deep.write_text(HEAD + "words: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    assert problems_of(deep) == [f"{deep}: this is not a search words file (it is nested "
                                 "far too deeply)"]
    block = tmp_path / "block" / FILE_NAME
    block.parent.mkdir()
    block.write_text(HEAD + "words:\n" + "- " * 100_000 + "x\n", encoding="utf-8")
    assert "nested far too deeply" in problems_of(block)[0]
    fifo = tmp_path / "fifo" / FILE_NAME
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    assert problems_of(fifo) == [f"{fifo}: this is not a regular file"]


def test_aliases_cannot_make_a_file_grow(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 9):
        bomb += f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}" if n > 1 else "*a"] * 10) + "]\n"
    path = words_file(tmp_path, bomb + "words:\n  - say: *a8\n    categories: [health]\n")
    found = problems_of(path)
    assert any("is not a section" in p for p in found)
    assert any("say[0]: should be a word, not a list" in p for p in found)


def test_staff_words_extend_and_replace_the_bundled_ones(tmp_path: Path, store: Store) -> None:
    data_dir = tmp_path / "data"
    words_file(data_dir, """\
        ignore:
          en: [kindly]
        words:
          - say: [grub]
            categories: [basic-needs]
          - say: [narcan]
            categories: [health]
    """)
    words = load_words(BUNDLED_DATA, data_dir)
    assert words.phrases[("grub",)].categories == ("basic-needs",)
    assert words.phrases[("narcan",)].categories == ("health",)
    assert words.phrases[("naloxone",)].categories == ("harm-reduction",)  # kept
    assert "kindly" in words.ignore and "necesito" in words.ignore


def test_staff_words_with_a_mistake_are_left_out_and_logged(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data_dir = tmp_path / "data"
    path = words_file(data_dir, "words:\n  - say: [grub]\n")
    words = load_words(BUNDLED_DATA, data_dir)
    assert ("grub",) not in words.phrases
    assert ("narcan",) in words.phrases
    assert f"{path}:3: words[0]: says what people type" in caplog.text


def test_staff_words_change_what_a_search_finds(tmp_path: Path, store: Store) -> None:
    fixture = Path(__file__).parent / "search_fixture"
    from kiosk.directory.files import read_directory

    apply_import(store, read_directory(fixture), who="t", source="t")
    data_dir = tmp_path / "data"
    words_file(data_dir, """\
        words:
          - say: [grub]
            places: [soup-kitchen]
            categories: [basic-needs]
    """)
    assert Searcher(store, load_words(BUNDLED_DATA)).search("grub").hits == []
    hits = Searcher(store, load_words(BUNDLED_DATA, data_dir)).search("grub").hits
    assert hits[0].key == "soup-kitchen"
