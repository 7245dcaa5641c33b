"""Search as visitors type: accents, beginnings of words, typos, word forms, their own words,
crisis words first, and never a dead end."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.model import Category, Directory, LocalText, Resource, Source, Topic
from kiosk.directory.search import CANDIDATES, Searcher, match_expression, search
from kiosk.directory.store import Store
from kiosk.directory.words import SearchWords, load_words
from kiosk.paths import BUNDLED_DATA

from .helpers import CATEGORIES, resource_yaml, write

FIXTURE = Path(__file__).parent / "search_fixture"

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


@pytest.fixture(scope="module")
def directory() -> Store:
    """The search test directory with the bundled search words (read only)."""
    store = Store.memory()
    apply_import(store, read_directory(FIXTURE), who="t", source="t")
    return store


@pytest.fixture(scope="module")
def searcher(directory: Store) -> Searcher:
    return Searcher(directory, load_words(BUNDLED_DATA))


def plain(store: Store) -> Searcher:
    """A searcher without any search words: what the directory's own words find."""
    return Searcher(store, SearchWords())


def keys(store: Store, text: str, lang: str = "en") -> list[str]:
    return [h.key for h in plain(store).search(text, lang, topics=False).hits]


def first(searcher: Searcher, text: str, lang: str = "en", n: int = 5) -> list[str]:
    return [h.key for h in searcher.search(text, lang).hits[:n]]


def categories_of(store: Store, ids: list[str]) -> set[str]:
    found = store.resources([i for i in ids if store.resource(i)])
    topics = [t for t in store.topics() if t.slug in ids]
    return {c for r in found for c in r.categories} | {c for t in topics for c in t.categories}


# -- the directory's own words ----------------------------------------------------------------

def test_accent_insensitive_both_ways(filled: Store) -> None:
    assert set(keys(filled, "clinica")) == {"clinica", "plain-clinic", "legal"}
    assert set(keys(filled, "clínica")) == set(keys(filled, "clinica"))
    assert "clinica" in keys(filled, "CLINICA")


def test_prefix_matching_for_search_as_you_type(filled: Store) -> None:
    assert keys(filled, "c")  # one letter already finds something
    assert set(keys(filled, "cli")) == {"clinica", "plain-clinic", "legal"}
    assert keys(filled, "sou") == ["food"]
    assert keys(filled, "sou kit") == ["food"]
    assert keys(filled, "zzzz") == []


def test_names_rank_above_descriptions_and_inactive_is_hidden(filled: Store) -> None:
    found = keys(filled, "clinic")
    assert found[-1] == "legal"  # only its description says "clinic"
    assert "gone" not in found


def test_spanish_names_are_searched(filled: Store) -> None:
    assert keys(filled, "comedor", "es") == ["food"]
    assert plain(filled).search("comedor", "es").hits[0].title("es") == "Comedor"


def test_punctuation_and_quotes_are_not_fts_syntax(filled: Store) -> None:
    assert keys(filled, "") == []
    assert keys(filled, '"') == []
    assert keys(filled, 'soup" OR *') == ["food"]  # "or" is a word like any other, not syntax
    assert keys(filled, "NEAR(soup kitchen)") == ["food"]  # nor is NEAR; no syntax error
    assert match_expression("st. mary's") == '"st"* "mary"* "s"*'


def test_a_name_match_is_found_among_many_other_matches(store: Store) -> None:
    """More places match than are ranked: those whose names match still come first."""
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


def test_search_the_function_is_the_searcher_with_the_bundled_words(directory: Store) -> None:
    expected = Searcher(directory, load_words(BUNDLED_DATA)).search("narcan", "en").hits
    assert search(directory, "narcan", "en") == expected
    assert expected[0].key == "syringe-services"


# -- typos ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "wanted"), [
    ("shleter", "hope-shelter"),  # a swapped pair is one typo
    ("sheltr", "hope-shelter"),
    ("chelter", "hope-shelter"),  # the first letter, the rest exact
    ("trafic", "survivor-program"),  # on the way to "trafficking"
    ("trafiking", "survivor-program"),  # two typos in a long word
    ("lawer", "legal-aid"),
    ("methadon", "methadone-program"),
    ("dentst", "dental-clinic"),
    ("imigration", "immigrant-rights"),
    ("laundy", "drop-in-center"),
    ("syringe servises", "syringe-services"),
])
def test_typos_are_forgiven_without_any_search_words(directory: Store, typed: str,
                                                     wanted: str) -> None:
    assert wanted in keys(directory, typed)[:3]


@pytest.mark.parametrize(("typed", "wanted"), [
    ("refujio", "hope-shelter"),
    ("abogao", "legal-aid"),
    ("clinca", "willimantic-clinic"),
    ("desintoxicasion", "recovery-center"),
    ("inmigrasion", "immigrant-rights"),
    ("despensaa", "food-pantry"),
])
def test_spanish_typos_are_forgiven(directory: Store, typed: str, wanted: str) -> None:
    assert wanted in keys(directory, typed, "es")[:3]


def test_short_words_are_not_guessed(directory: Store) -> None:
    """Under 4 letters a typo is not forgiven (too many words are one letter apart)."""
    assert keys(directory, "fod") == []
    assert keys(directory, "lwa") == []


def test_a_word_the_directory_has_is_not_read_as_a_typo(directory: Store) -> None:
    # "rent" is one letter from "rest" and "dent"; it is a word of the directory.
    found = keys(directory, "rent")
    assert found == ["rent-help"]


def test_exact_and_prefix_matches_rank_above_typo_matches(store: Store) -> None:
    """A word the directory has only once (perhaps misspelt there) is searched for as
    typed and as a typo: the entry that has it exactly comes first."""
    base = Resource(id="x", name=LocalText("Shelter", "Refugio"), categories=("c",),
                    description=LocalText("Beds.", "Camas."), sources=(Source("t"),))
    shelters = [replace(base, id=f"shelter-{i}", name=LocalText(f"North Shelter {i}"))
                for i in range(4)]
    odd = replace(base, id="odd", name=LocalText("Night Place"),
                  description=LocalText("A shleter for the night."))
    apply_import(store, Directory(categories=[Category("c", LocalText("C", "C"))],
                                  resources=[*shelters, odd]), who="t", source="t")
    found = keys(store, "shleter")
    assert found[0] == "odd"
    assert set(found[1:]) == {s.id for s in shelters}


def test_corrections_are_told(directory: Store) -> None:
    results = plain(directory).search("shleter", "en")
    assert results.corrected == "shelter"
    assert plain(directory).search("shelter", "en").corrected == ""


# -- word forms -----------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "lang", "wanted"), [
    ("shelters", "en", "hope-shelter"),
    ("lawyers", "en", "legal-aid"),
    ("clinics", "en", "willimantic-clinic"),
    ("clinicas", "es", "willimantic-clinic"),
    ("refugios", "es", "hope-shelter"),
    ("abogados", "es", "legal-aid"),
    ("jeringas", "es", "syringe-services"),
    ("pruebas", "es", "willimantic-clinic"),
])
def test_plurals_and_other_forms_find_the_word(directory: Store, typed: str, lang: str,
                                               wanted: str) -> None:
    assert wanted in keys(directory, typed, lang)[:3]


# -- the visitor's own words -----------------------------------------------------------------

EVERYDAY = [
    # misspelt, in English
    ("shleter", "en", "safety-shelter"),
    ("homless", "en", "safety-shelter"),
    ("docter", "en", "health"),
    ("councelor", "en", "mental-health"),
    ("detx", "en", "treatment"),
    ("narcon", "en", "harm-reduction"),
    ("pantyr", "en", "basic-needs"),
    ("sucide", "en", "help-now"),
    # misspelt, in Spanish
    ("refujio", "es", "safety-shelter"),
    ("ambre", "es", "basic-needs"),
    ("abogao", "es", "legal"),
    ("embarasada", "es", "health"),
    ("sobredosiss", "es", "help-now"),
    # word forms
    ("albergues", "es", "safety-shelter"),
    ("abogadas", "es", "legal"),
    ("clínicas", "es", "health"),
    ("shelters", "en", "safety-shelter"),
    # what people say, in English
    ("i need food", "en", "basic-needs"),
    ("hungry", "en", "basic-needs"),
    ("help paying rent", "en", "basic-needs"),
    ("pregnant", "en", "health"),
    ("std", "en", "health"),
    ("narcan", "en", "harm-reduction"),
    ("detox", "en", "treatment"),
    ("rehab", "en", "treatment"),
    ("lawyer", "en", "legal"),
    ("eviction", "en", "legal"),
    ("shower", "en", "basic-needs"),
    ("someone to talk to", "en", "mental-health"),
    ("my boyfriend hits me", "en", "safety-shelter"),
    ("trafic", "en", "trafficking"),
    ("sex work", "en", "leaving-sex-work"),
    ("ged", "en", "jobs-education"),
    # what people say, in Spanish
    ("necesito comida", "es", "basic-needs"),
    ("ayuda con la renta", "es", "basic-needs"),
    ("alquiler", "es", "basic-needs"),
    ("embarazada", "es", "health"),
    ("ets", "es", "health"),
    ("abogado", "es", "legal"),
    ("desalojo", "es", "legal"),
    ("ducha", "es", "basic-needs"),
    ("trafico", "es", "trafficking"),
    ("trabajo", "es", "jobs-education"),
    ("me pega", "es", "safety-shelter"),
    ("deprimida", "es", "mental-health"),
]


@pytest.mark.parametrize(("typed", "lang", "wanted"), EVERYDAY)
def test_everyday_words_and_typos_find_the_right_kind_of_help(
        directory: Store, searcher: Searcher, typed: str, lang: str, wanted: str) -> None:
    top = first(searcher, typed, lang)
    assert top, typed
    assert wanted in categories_of(directory, top), (typed, top)


def test_places_come_before_topics_unless_a_title_matches_better(searcher: Searcher) -> None:
    hits = searcher.search("clinica", "es").hits
    assert hits[0].kind == "resource"
    lawyer = searcher.search("lawyer", "en").hits
    assert lawyer[0].kind == "resource"
    assert "if-you-are-arrested" in [h.key for h in lawyer]  # its summary says "lawyer"
    arrested = searcher.search("arrested", "en").hits
    assert arrested[0] == next(h for h in arrested if h.kind == "topic")
    assert arrested[0].key == "if-you-are-arrested"  # the title says "arrested"


def test_words_that_say_nothing_are_ignored(searcher: Searcher) -> None:
    assert first(searcher, "i need food") == first(searcher, "food")
    assert first(searcher, "help with food please") == first(searcher, "food")
    assert first(searcher, "necesito ayuda con comida", "es") == first(searcher, "comida",
                                                                        "es")
    assert searcher.search("i need help", "en").hits == []


# -- crisis words ---------------------------------------------------------------------------

CRISIS = [
    ("suicide", "en", "lifeline-988"),
    ("suicidal", "en", "lifeline-988"),
    ("sucide", "en", "lifeline-988"),
    ("suic", "en", "lifeline-988"),  # while still typing
    ("i want to kill myself", "en", "lifeline-988"),
    ("kil myself", "en", "lifeline-988"),
    ("want to die", "en", "lifeline-988"),
    ("suicidio", "es", "lifeline-988"),
    ("quiero morir", "es", "lifeline-988"),
    ("me quiero matar", "es", "lifeline-988"),
    ("overdose", "en", "emergency-911"),
    ("overdoes", "en", "emergency-911"),
    ("sobredosis", "es", "emergency-911"),
    ("raped", "en", "ct-alliance-to-end-sexual-violence"),
    ("violación", "es", "ct-alliance-to-end-sexual-violence"),
    ("violacion", "es", "ct-alliance-to-end-sexual-violence"),
    ("me violaron", "es", "ct-alliance-to-end-sexual-violence"),
]


@pytest.mark.parametrize(("typed", "lang", "line"), CRISIS)
def test_crisis_words_put_their_line_first_then_the_help_right_now_lines(
        directory: Store, searcher: Searcher, typed: str, lang: str, line: str) -> None:
    results = searcher.search(typed, lang)
    assert results.crisis
    assert results.hits[0].key == line
    help_now = set(directory.list_ids("help-now"))
    assert [h.key in help_now for h in results.hits[:4]] == [True] * 4


def test_988_comes_first_for_suicide_although_911_is_more_urgent(directory: Store,
                                                                 searcher: Searcher) -> None:
    assert directory.list_ids("help-now")[0] == "emergency-911"
    assert first(searcher, "suicide", n=2) == ["lifeline-988", "emergency-911"]


def test_without_988_the_help_right_now_lines_come_first(store: Store,
                                                         directory: Store) -> None:
    without = [r for r in directory.resources() if r.id != "lifeline-988"]
    apply_import(store, Directory(categories=directory.categories(include_hidden=True),
                                  resources=without), who="t", source="t")
    hits = Searcher(store, load_words(BUNDLED_DATA)).search("suicide", "en").hits
    assert [h.key for h in hits[:3]] == store.list_ids("help-now")[:3]


def test_crisis_words_come_first_whatever_else_is_typed(searcher: Searcher) -> None:
    assert first(searcher, "hartford clinic suicide")[0] == "lifeline-988"
    assert first(searcher, "food overdose")[0] == "emergency-911"


# -- never a dead end -----------------------------------------------------------------------

def test_nothing_found_offers_did_you_mean_help_now_and_categories(
        directory: Store, searcher: Searcher) -> None:
    results = searcher.search("fod", "en")
    assert results.dead_end
    assert results.did_you_mean[0] == "food"
    assert [h.key for h in results.help_now][:2] == ["emergency-911", "lifeline-988"]
    slugs = [h.key for h in results.categories]
    assert "basic-needs" in slugs and "help-now" not in slugs
    assert {h.kind for h in results.categories} == {"category"}


def test_did_you_mean_replaces_the_words_that_found_nothing(searcher: Searcher) -> None:
    assert searcher.search("xqzt fod", "en").did_you_mean[0] == "food"
    assert searcher.search("i need fod", "en").did_you_mean[0] == "i need food"
    assert searcher.search("comeda", "es").hits  # a typo of 6 letters is not a dead end


def test_gibberish_still_offers_the_help_right_now_lines(searcher: Searcher) -> None:
    results = searcher.search("qqqqqq", "en")
    assert results.hits == [] and results.did_you_mean == []
    assert results.help_now and results.categories


# -- the vocabulary follows the directory ------------------------------------------------------

def test_the_vocabulary_follows_staff_edits_and_imports(store: Store, directory: Store) -> None:
    apply_import(store, Directory(categories=directory.categories(include_hidden=True),
                                  resources=directory.resources(), topics=directory.topics()),
                 who="t", source="t")
    searcher = plain(store)
    assert searcher.search("quokka", "en").hits == []
    assert "quokka" not in searcher.vocabulary()
    added = replace(store.resources()[0], id="quokka-house",
                    name=LocalText("Quokka House", "Casa Quokka"))
    store.write_resource(added)
    assert [h.key for h in searcher.search("qoukka", "en").hits] == ["quokka-house"]
    topic = Topic(slug="wombat-facts", title=LocalText("Wombat facts", "Datos del wombat"),
                  body=LocalText("About wombats.", "Sobre wombats."), sources=(Source("t"),))
    store.write_topic(topic)
    assert "wombat-facts" in [h.key for h in searcher.search("wombta", "en").hits]
    apply_import(store, Directory(categories=directory.categories(include_hidden=True),
                                  resources=directory.resources()), who="t", source="t")
    assert searcher.search("qoukka", "en").hits == []


def test_the_vocabulary_is_kept_while_nothing_changes(directory: Store) -> None:
    searcher = plain(directory)
    assert searcher.vocabulary() is searcher.vocabulary()


# -- what keeps it fast at 100,000 entries ------------------------------------------------------

def test_names_tags_and_organisations_have_an_index_of_their_own(store: Store,
                                                                 directory: Store) -> None:
    sql = store.db.execute("select sql from sqlite_master where name = 'resource_names_fts'")
    text = sql.fetchone()[0]
    assert "prefix='1 2 3'" in text and "description" not in text
    triggers = {row[0] for row in store.db.execute(
        "select name from sqlite_master where type = 'trigger' and name like 'resource_names_%'")}
    assert triggers == {"resource_names_ai", "resource_names_ad", "resource_names_au"}
    count = directory.db.execute("select count(*) from resource_names_fts where "
                                 "resource_names_fts match 'shelter'").fetchone()[0]
    assert count == 2  # in names and tags; "shelter" in a description is not there


def test_a_search_ranks_a_bounded_number_of_places_whatever_the_directory_size(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    base = Resource(id="x", name=LocalText("Clinic", "Clínica"), categories=("health",),
                    description=LocalText("Food, shelter and a clinic.", "Comida."),
                    sources=(Source("t"),))
    apply_import(store, Directory(
        categories=[Category("health", LocalText("Health", "Salud"))],
        resources=[replace(base, id=f"c-{i:05d}") for i in range(3000)]), who="t", source="t")
    searcher = Searcher(store, load_words(BUNDLED_DATA))
    ranked: list[int] = []
    original = Searcher._rows

    def counting(self: Searcher, rowids: list[int], ids: list[str]) -> list[object]:
        ranked.append(len(set(rowids)) + len(set(ids)))
        return original(self, rowids, ids)  # type: ignore[return-value]

    monkeypatch.setattr(Searcher, "_rows", counting)
    for text in ("c", "clinic", "clinc", "food shelter clinic", "suicide", "pregnant"):
        searcher.search(text, "en")
    assert len(ranked) == 6 and max(ranked) <= 4 * CANDIDATES


def test_long_beginnings_are_read_as_the_words_that_start_with_them(directory: Store) -> None:
    """The index merges every word of a prefix query it has no prefix index for; a few
    words are read as words instead."""
    searcher = plain(directory)
    concepts, _ = searcher.concepts("shel")
    assert concepts[0].expression() == '"shelter"'
    short, _ = searcher.concepts("sh")
    assert short[0].expression() == '"sh"*'


def test_prepare_reads_everything_a_first_keystroke_would(directory: Store,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    searcher = Searcher(directory, load_words(BUNDLED_DATA))
    searcher.prepare()
    assert set(searcher._category_top) == {c.slug for c in directory.categories(True)}
    statements: list[str] = []
    directory.db.conn.set_trace_callback(statements.append)
    try:
        searcher.search("pregnant", "en")
        searcher.search("suicide", "en")
    finally:
        directory.db.conn.set_trace_callback(None)
    assert not any("fts5vocab" in s or "priority desc limit" in s for s in statements)
