"""The mapping in force: the shipped default (AIRS codes by prefix, Open Eligibility terms
and their parents, English and Spanish words), a mapping file extending it, and
`kiosk mapping show`."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kiosk.cli import main
from kiosk.errors import KnownError
from kiosk.exchange.mapping import (
    DEFAULT_FILE,
    code_parents,
    default_mapping,
    mapping_in_force,
    read_mapping,
)

KNOWN = {"help-now", "health", "harm-reduction", "treatment", "mental-health",
         "safety-shelter", "trafficking", "leaving-sex-work", "legal", "basic-needs",
         "jobs-education", "report"}


def test_airs_codes_are_matched_by_their_longest_listed_prefix() -> None:
    m = default_mapping()
    assert code_parents("BD-1800.2000-200") == ["BD-1800.2000-200", "BD-1800.2000",
                                                "BD-1800", "BD", "B"]
    assert m.for_code("BD-1800.2000-200") == ("basic-needs",)
    assert m.for_code("bh-1800.8500") == ("safety-shelter",)  # BH-1800, not BH
    assert m.for_code("BH-3800.7000") == ("basic-needs",)  # housing: BH
    assert m.for_code("RP-1500.1400-200") == ("help-now", "safety-shelter")
    assert m.for_code("RP-6400") == ("mental-health",)
    assert m.for_code("RX-8470.1900-550") == ("harm-reduction",)  # longer than RX
    assert m.for_code("RX-8450.1150") == ("treatment",)
    assert m.for_code("LV-1600.1500") == ("health",)
    assert m.for_code("YF-1800") is None  # a target population, no service
    assert m.for_code("Food") is None  # not a code


def test_open_eligibility_terms_and_their_parents() -> None:
    m = default_mapping()
    assert m.for_term("", "Emergency Shelter") == ("safety-shelter",)
    assert m.for_term("", "FOOD PANTRY") == ("basic-needs",)
    assert m.for_term("", "Addiction & Recovery") == ("treatment",)
    assert m.for_term("", "Sexual Health") is None  # not listed: its parent (Health) decides


def test_words_in_english_and_spanish() -> None:
    m = default_mapping()
    assert m.for_text("Comedor comunitario: comida caliente") == ["basic-needs"]
    assert m.for_text("Albergue para víctimas de violencia domestica") == ["safety-shelter"]
    assert m.for_text("Free STD testing") == ["health"]
    assert m.for_text("Standard office hours") == []  # std matches the whole word only
    assert m.for_text("Detox and legal aid") == ["treatment", "legal"]


def test_a_mapping_file_extends_and_overrides_the_default(tmp_path: Path) -> None:
    file = tmp_path / "m.yaml"
    file.write_text("format: kiosk-hsds-mapping/1\n"
                    "codes:\n  BD-1800.2000: [basic-needs, help-now]\n  RX: []\n"
                    "terms:\n  Quiet Corner Programs: jobs-education\n"
                    "keywords:\n  book club: jobs-education\n", encoding="utf-8")
    m = mapping_in_force(file, KNOWN)
    assert m.for_code("BD-1800.2000-200") == ("basic-needs", "help-now")
    assert m.for_code("RX-1700") == ("treatment",)  # its own line still decides
    assert m.for_code("RX-9000") == ()  # mapped to nothing on purpose
    assert m.for_term("", "quiet corner programs") == ("jobs-education",)
    assert m.for_text("A monthly book club") == ["jobs-education"]
    assert m.for_code("RP-1500") == ("help-now",)  # the default's line stays


def test_a_kiosk_without_a_category_drops_the_default_lines_for_it() -> None:
    m = mapping_in_force(None, KNOWN - {"harm-reduction"})
    assert m.for_code("RX-8470.1900-550") == ("treatment",)


def test_a_bad_mapping_file_is_named(tmp_path: Path) -> None:
    file = tmp_path / "m.yaml"
    file.write_text("format: kiosk-hsds-mapping/1\ncodes:\n  BD: groceries\n")
    with pytest.raises(KnownError, match="these categories do not exist on this kiosk: "
                                         "groceries"):
        read_mapping(file, KNOWN)
    file.write_text("format: kiosk-hsds-mapping/1\nterms: &a {x: health}\nkeywords: *a\n")
    with pytest.raises(KnownError, match=r"line 2: a mapping file has no use for YAML "
                                         r"anchors"):
        read_mapping(file, KNOWN)
    file.write_text("format: kiosk-hsds-mapping/1\nwords: {}\n")
    with pytest.raises(KnownError, match="words: is not a known field"):
        read_mapping(file, KNOWN)


def test_the_default_mapping_names_only_categories_the_bundled_directory_has() -> None:
    data = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    assert default_mapping().slugs() <= KNOWN
    assert len(data["codes"]) >= 30 and len(data["keywords"]) >= 60


def test_mapping_show_prints_the_mapping_in_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "m.yaml"
    file.write_text("format: kiosk-hsds-mapping/1\nkeywords:\n  book club: jobs-education\n",
                    encoding="utf-8")
    assert main(["mapping", "show", "--mapping", str(file)]) == 0
    shown = capsys.readouterr().out
    assert "  book club: jobs-education  # m.yaml\n" in shown
    assert "  RP-1500: help-now  # default\n" in shown
    # What it prints is a mapping file the kiosk reads.
    again = tmp_path / "again.yaml"
    again.write_text(shown, encoding="utf-8")
    back = read_mapping(again, KNOWN)
    assert back.for_code("BD-1800.2000-200") == ("basic-needs",)
    assert back.for_text("book club") == ["jobs-education"]
    assert len(back.keywords) == len(mapping_in_force(file, KNOWN).keywords)


def test_keywords_found_as_by_trying_each_in_order() -> None:
    """The grouped keyword pattern finds what one alternation of every keyword, longest
    first, finds: the longest keyword at the start of a word, short ones as whole words."""
    import random
    import re

    from kiosk.exchange.mapping import _keyword_pattern, fold

    keywords = sorted(default_mapping().keywords, key=len, reverse=True)
    plain = re.compile(r"\b(?:" + "|".join(re.escape(k) + (r"\b" if len(k) <= 3 else "")
                                          for k in keywords) + ")")
    grouped = _keyword_pattern(keywords)
    rng = random.Random(7)
    words = [*keywords, "the", "xfood", "std.", "a-std", "_std", "sstd", "médico", "niños"]
    texts = [fold(" ".join(rng.choice(words) + rng.choice(("", " ", ".", "-", "s", "_"))
                           for _ in range(rng.randint(1, 12)))) for _ in range(2000)]
    found = [[m.group(0) for m in grouped.finditer(t)] for t in texts]
    assert found == [[m.group(0) for m in plain.finditer(t)] for t in texts]
    assert sum(map(len, found)) > 2000
