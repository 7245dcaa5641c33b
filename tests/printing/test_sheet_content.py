"""What goes on a sheet, checked without Qt: words, numbers, discreet mode, kinds of sheet."""

from __future__ import annotations

import ast
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kiosk.sheets
from kiosk.directory.model import Address, Source
from kiosk.directory.store import Store
from kiosk.errors import KnownError
from kiosk.sheets import discreet
from kiosk.sheets.build import (
    Selection,
    SheetOptions,
    build_sheet,
    category_sheet,
    directory_sheet,
    handout_sheet,
    resource_sheet,
    resources_sheet,
    topic_sheet,
)
from kiosk.sheets.content import HeadingBlock, ParagraphBlock
from kiosk.sheets.hours_text import weekly_text
from kiosk.sheets.words import PlainWords
from tests.printing.conftest import TODAY

SENSITIVE_EXAMPLES = ["trafficking", "Trafficked", "sex work", "sex workers", "prostitution",
                      "Prostitución", "exploitation", "explotación", "trata de personas",
                      "trabajo sexual", "trabajadoras sexuales", "human trafficking hotline",
                      "Sexual violence hotline", "violencia sexual", "if you were raped"]


def options(**kw: object) -> SheetOptions:
    kw.setdefault("today", TODAY)
    kw.setdefault("location", "Windham Drop-in Centre")
    return SheetOptions(**kw)  # type: ignore[arg-type]


def test_sensitive_words_in_both_languages_are_caught() -> None:
    for text in SENSITIVE_EXAMPLES:
        assert discreet.is_sensitive(text), text


# Each word with its plural, as the directory writes them and without the accents a visitor
# or a staff member may leave off.
FORMS = [("condom", "condoms"), ("condón", "condones"), ("condon", "condones"),
         ("preservativo", "preservativos"), ("needle", "needles"), ("aguja", "agujas"),
         ("syringe", "syringes"), ("jeringa", "jeringas"), ("overdose", "overdoses"),
         ("drug", "drugs"), ("droga", "drogas"), ("opioid", "opioids"),
         ("opioide", "opioides"), ("victim", "victims"), ("víctima", "víctimas"),
         ("victima", "victimas"), ("survivor", "survivors"),
         ("sobreviviente", "sobrevivientes"), ("prostituta", "prostitutas"),
         ("trabajadora sexual", "trabajadoras sexuales"), ("sex worker", "sex workers"),
         ("adicción", "adicciones"), ("addiction", "addictions"), ("abuso", "abusos"),
         ("explotación", "explotaciones"), ("tratante", "tratantes"), ("suicidio", "suicidios"),
         ("inmigrante", "inmigrantes"), ("aborto", "abortos"), ("abortion", "abortions"),
         ("prueba de embarazo", "pruebas de embarazo"), ("inyección", "inyecciones")]


@pytest.mark.parametrize(("singular", "plural"), FORMS)
def test_both_forms_of_each_word_are_caught_in_any_case(singular: str, plural: str) -> None:
    for form in (singular, plural):
        for text in (form, form.upper(), form.title(), f"Free {form} here."):
            assert discreet.is_sensitive(text), text


def test_every_word_of_the_list_is_caught_as_written() -> None:
    for lang, words in discreet.WORDS.items():
        for word in words:
            text = "human" + word.strip("*") + "ing" if word.startswith("*") else \
                word.replace("*", "ing")
            assert discreet.is_sensitive(f"We offer {text} help."), (lang, word)
    for acronym in discreet.ACRONYMS:
        assert discreet.is_sensitive(f"Free {acronym} tests"), acronym


def test_the_spanish_harm_reduction_sentence_is_left_off() -> None:
    """What a discreet Spanish sheet once said."""
    said = "Ofrecen condones gratis, naloxona (Narcan) para detener una sobredosis, y agujas " \
           "limpias."
    assert set(discreet.sensitive_words(said)) >= {"condones", "naloxona", "narcan",
                                                  "sobredosis", "agujas"}
    assert discreet.keep_sentences(f"Abierto todos los días. {said}", True) == [
        "Abierto todos los días."]


def test_ordinary_words_are_not_sensitive() -> None:
    for text in ["Tratamiento ambulatorio", "Treatment", "Free tests", "Work training",
                 "Health clinic", "Food pantry", "Trato digno", "Violación de la ley",
                 "Grapes", "Its doors open at 9", "Clínica de salud", "Dental care",
                 "Drugstore hours", "Refugio para familias"]:
        assert not discreet.is_sensitive(text), text


def test_handout_has_title_location_date_footer_and_every_number(print_store: Store) -> None:
    sheet = handout_sheet(print_store, ["clinic", "trafficking-hotline"], options(discreet=False))
    assert sheet.title == "Community resources"
    assert sheet.subtitle == "Windham Drop-in Centre \u00b7 November 23, 2026"
    assert sheet.footer == "In danger now: call 911 \u00b7 Free help 24/7: dial 2-1-1"
    clinic, hotline = sheet.resources
    assert [p.number for p in clinic.phones] == ["(860) 555-0100 ext.\u00a012",
                                                 "(860) 555-0101"]
    assert clinic.phones[0].label == "Main line \u00b7 Mon-Fri 8-5"
    assert clinic.qr_uri == "tel:+18605550100;ext=12"
    assert hotline.qr_uri == "tel:+18883737888"
    assert hotline.texts == ("Text HELP to 233733",)
    assert hotline.phones[0].label == "24 hours a day"
    assert "1 Main St, Willimantic, CT 06226" in clinic.details
    assert ("Hours: Mon, Tue 9 AM\u20135 PM; Wed 9 AM\u201312 PM, 1 PM\u20137:30 PM; "
            "Sat 10 AM\u20132 PM; Closed on holidays") in clinic.details
    assert "Free \u00b7 Sliding-scale fees \u00b7 Walk in" in clinic.details
    assert "Languages: English, Spanish" in clinic.details
    assert "clinic.example.org" in clinic.details
    assert clinic.checked == "Checked by staff: October 15, 2026"
    assert clinic.description == (
        "Free, private tests for HIV and other infections. No insurance needed.",)


def test_unchecked_resource_says_where_it_comes_from_and_call_first(print_store: Store) -> None:
    sheet = resource_sheet(print_store, ["treatment-center"], options())
    assert sheet.resources[0].checked == "From an article only, not yet checked \u00b7 Call first"


def test_each_trust_level_reads_differently_on_paper(print_store: Store) -> None:
    clinic = print_store.resource("treatment-center")
    assert clinic is not None
    page = clinic.with_changes(sources=(*clinic.sources, Source(
        "https://example.org/contact", ("phones",), read=dt.date(2026, 12, 1))))
    staff = clinic.with_changes(verified_on=dt.date(2026, 11, 20), verified_by="Ana")
    silent = clinic.with_changes(phones=(), address=Address(town="Willimantic"))
    outreach = silent.with_changes(access=("outreach",))
    imported = clinic.with_changes(source="211-windham")
    line = resources_sheet([page, staff, silent, outreach, imported], options()).resources
    assert [b.checked for b in line] == [
        "From an official web page, read December 1, 2026 \u00b7 Call first",
        "Checked by staff: November 20, 2026 (Ana)",
        "From an article only, not yet checked \u00b7 No phone listed: dial 2-1-1 and ask how "
        "to reach them",
        "From an article only, not yet checked \u00b7 No phone listed: their outreach workers "
        "come to you",
        "From a community directory (211-windham), not yet checked \u00b7 Call first"]
    for block in line[2:4]:
        assert "Call first" not in " ".join(block.words())


def test_description_is_cut_to_one_or_two_lines(print_store: Store) -> None:
    long = print_store.resource("clinic")
    assert long is not None
    text = "This sentence is about forty characters. " * 10
    print_store.write_resource(long.with_changes(
        description=long.description.__class__(text, text)))
    block = handout_sheet(print_store, ["clinic"], options()).resources[0]
    assert 0 < len(block.description[0]) <= 180


def test_non_discreet_sheet_keeps_real_names(print_store: Store) -> None:
    sheet = handout_sheet(print_store, ["trafficking-hotline", "exit-program"],
                          options(discreet=False))
    assert sheet.resources[0].name == "National Human Trafficking Hotline"
    assert sheet.resources[1].name == "Sex Work Exit Program"
    assert sheet.title == "Community resources"


def test_discreet_sheet_has_no_sensitive_word_anywhere(print_store: Store) -> None:
    for lang in ("en", "es"):
        sheet = handout_sheet(print_store, ["trafficking-hotline", "exit-program", "clinic"],
                              options(discreet=True, lang=lang))
        assert discreet.sensitive_words(sheet.all_text()) == [], lang
        hotline, program, clinic = sheet.resources
        # the discreet name is used; a name that still gives it away falls back to the
        # organisation; the numbers stay
        assert hotline.name == ("National help line" if lang == "en"
                                else "Línea nacional de ayuda")
        assert program.name == "Windham Community Services"
        assert program.phones[0].number == "(860) 555-0142"
        assert program.phones[0].label == ""  # "Prostitution diversion line" is left off
        assert "Housing help" in program.description[0] or lang == "es"
        assert clinic.name.startswith(("Willimantic", "Clínica"))


def test_discreet_stand_in_when_nothing_neutral_is_left(print_store: Store) -> None:
    program = print_store.resource("exit-program")
    assert program is not None
    print_store.write_resource(program.with_changes(organization=""))
    block = handout_sheet(print_store, ["exit-program"], options(discreet=True)).resources[0]
    assert block.name == "Support service"


def test_category_sheet_title_and_order(print_store: Store) -> None:
    sheet = category_sheet(print_store, "health", options())
    assert sheet.title == "Health and testing"
    assert isinstance(sheet.blocks[0], ParagraphBlock)
    assert [b.id for b in sheet.resources] == ["clinic"]


def test_sensitive_category_never_names_itself(print_store: Store) -> None:
    for flag in (True, False):
        sheet = category_sheet(print_store, "trafficking", options(discreet=flag))
        assert sheet.title == "Community resources"
        assert [b.id for b in sheet.resources] == ["trafficking-hotline"]


def test_topic_sheet_keeps_its_title_only_when_not_discreet(print_store: Store) -> None:
    open_sheet = topic_sheet(print_store, "what-is-trafficking", options(discreet=False))
    assert open_sheet.title == "What is human trafficking?"
    assert any(isinstance(b, ParagraphBlock) and b.bullet for b in open_sheet.blocks)
    assert [b.id for b in open_sheet.resources] == ["trafficking-hotline", "clinic"]
    assert any(isinstance(b, HeadingBlock) for b in open_sheet.blocks)

    hidden = topic_sheet(print_store, "what-is-trafficking", options(discreet=True))
    assert hidden.title == "Community resources"
    assert discreet.sensitive_words(hidden.all_text()) == []
    assert "You can get help even if you are not sure." in hidden.all_text()


def test_whole_directory_lists_each_resource_once(print_store: Store) -> None:
    sheet = directory_sheet(print_store, options(discreet=True))
    ids = [b.id for b in sheet.resources]
    assert sorted(ids) == sorted(set(ids))
    assert set(ids) == {"trafficking-hotline", "clinic", "treatment-center", "exit-program"}
    headings = [b.text for b in sheet.blocks if isinstance(b, HeadingBlock)]
    assert "More services" in headings
    assert discreet.sensitive_words(sheet.all_text()) == []


def test_inactive_resources_are_left_off_a_handout(print_store: Store) -> None:
    clinic = print_store.resource("clinic")
    assert clinic is not None
    print_store.write_resource(clinic.with_changes(status="inactive"))
    sheet = handout_sheet(print_store, ["clinic", "treatment-center"], options())
    assert [b.id for b in sheet.resources] == ["treatment-center"]


def test_unknown_things_are_clear_errors(print_store: Store) -> None:
    with pytest.raises(KnownError, match="no resource with the id nope"):
        build_sheet(print_store, Selection(resources=("nope",)), options())
    with pytest.raises(KnownError, match='no category "nope"'):
        build_sheet(print_store, Selection(category="nope"), options())
    with pytest.raises(KnownError, match='no topic "nope"'):
        build_sheet(print_store, Selection(topic="nope"), options())


class FakeSpanish(PlainWords):
    lang = "es"

    def text(self, source: str) -> str:
        return {"Community resources": "Recursos de la comunidad", "PM": "p. m.",
                "AM": "a. m."}.get(source, source)

    def weekday(self, index: int) -> str:
        return ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"][index]


def test_spanish_sheet_takes_spanish_text_and_words(print_store: Store) -> None:
    sheet = handout_sheet(print_store, ["clinic"], options(lang="es", words=FakeSpanish(),
                                                           discreet=False))
    assert sheet.title == "Recursos de la comunidad"
    block = sheet.resources[0]
    assert block.name == "Clínica de Salud de Willimantic"
    assert block.phones[0].label == "Línea principal \u00b7 lun-vie 8-5"
    assert block.description[0].startswith("Pruebas gratis")
    assert any(d.startswith("Hours: lun, mar 9 a. m.\u20135 p. m.") for d in block.details)
    hidden = handout_sheet(print_store, ["clinic"], options(lang="es", words=FakeSpanish()))
    assert hidden.resources[0].description == ("No necesita seguro.",)  # not what it tests for


def test_hours_text() -> None:
    from kiosk.directory.hours import WeeklyHours

    words = PlainWords()
    assert weekly_text(None, words) == ""
    assert weekly_text(WeeklyHours(always=True), words) == "Open 24 hours, every day"
    hours = WeeklyHours.from_data({"fri": ["22:00-02:00"], "sat": ["12:00-24:00"]})
    assert weekly_text(hours, words) == "Fri 10 PM\u20132 AM; Sat 12 PM\u201312 AM"
    pair = WeeklyHours.from_data({"mon": ["08:30-12:00"], "tue": ["08:30-12:00"]})
    assert weekly_text(pair, words) == "Mon, Tue 8:30 AM\u201312 PM"


def test_sheets_package_never_imports_qt() -> None:
    folder = Path(kiosk.sheets.__file__).parent
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("PySide6", "shiboken6", "kiosk.ui",
                                            "kiosk.printing")), f"{path.name}: {name}"
    code = ("import sys, kiosk.sheets.build, kiosk.sheets.discreet\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'segno', 'yaml')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_plain_words_dates() -> None:
    assert PlainWords().date(dt.date(2026, 1, 5)) == "January 5, 2026"


def test_printing_keeps_none_alive_through_many_qt_calls() -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None on every void call."""
    code = ("import kiosk.printing\n"
            "from PySide6.QtCore import QObject\n"
            "o = QObject()\n"
            "for _ in range(50000):\n"
            "    o.setObjectName('x')\n"
            "print('alive')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"


# Checked with patterns of their own, independently of the word list the sheets use.
GIVEAWAYS = [r"traffick", r"prostitu", r"pimp", r"sex work", r"trabajo sexual", r"trata de",
             r"explotaci", r"exploitation", r"for sex\b", r"para sexo", r"por sexo",
             r"sell sex", r"buy sex", r"trade sex", r"intercambian sexo", r"comercio sexual",
             r"t visa", r"visa t\b", r"domestic violence", r"violencia domestica", r"survivor",
             r"sexual violence", r"violencia sexual", r"sexual assault", r"agresion sexual",
             # drugs and harm reduction, sexual health, suicide, immigration
             r"condon", r"condom", r"preservativo", r"naloxon", r"narcan", r"sobredosis",
             r"overdos", r"aguja", r"needle", r"jering", r"syring", r"drogas?\b", r"drugs?\b",
             r"opioid", r"fentan", r"harm reduction", r"reduccion de danos", r"adicci",
             r"addict", r"hiv\b", r"vih\b", r"sida\b", r"aids\b", r"prep\b", r"sifilis",
             r"syphilis", r"abort", r"suicid", r"victim", r"abus", r"violen", r"immigra",
             r"inmigra", r"deport", r"std\b", r"sexual", r"transmision sexual"]


def test_bundled_directory_discreet_sheets_give_nothing_away(tmp_path: Path) -> None:
    """Every discreet sheet of the Connecticut directory, in both languages."""
    from kiosk.datadir import open_data_dir
    from kiosk.paths import BUNDLED_DATA

    store = open_data_dir(tmp_path / "bundled")
    assert store.counts()["resources"] > 0, BUNDLED_DATA
    sensitive = [c.slug for c in store.categories(include_hidden=True) if c.sensitive]
    assert sensitive  # the directory marks its trafficking and sex-work categories
    for lang in ("en", "es"):
        o = options(discreet=True, lang=lang)
        sheets = [directory_sheet(store, o)]
        sheets += [category_sheet(store, c.slug, o) for c in store.categories(True)]
        sheets += [topic_sheet(store, t.slug, o) for t in store.topics()]
        sheets += [handout_sheet(store, [r.id], o) for r in store.resources()]
        assert len(sheets) > 70
        for sheet in sheets:
            where = (lang, sheet.kind, sheet.title, [b.id for b in sheet.resources][:1])
            text = discreet.fold(sheet.all_text())
            found = [w for w in GIVEAWAYS if re.search(r"\b" + w, text)]
            assert found == [], (*where, found)
            assert discreet.sensitive_words(sheet.all_text()) == [], where  # the sheets' list
        for r in store.resources(include_inactive=False):  # and every number is still there
            block = handout_sheet(store, [r.id], o).resources[0]
            assert len(block.phones) + len(block.texts) == len(r.phones), (lang, r.id)
        # the numbers are still all there
        everything = directory_sheet(store, o)
        assert len(everything.resources) == store.counts()["active resources"]
    store.close()
