"""HSDS import: Open Referral's examples, older CSV packages, messy data, all or nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.datadir import open_data_dir
from kiosk.directory.store import Store
from kiosk.errors import KnownError
from kiosk.exchange import tables
from kiosk.exchange.hsds import read_hsds, write_hsds
from kiosk.paths import database_path
from tests.exchange.helpers import EXAMPLES, errors

MAPPING = """\
format: kiosk-hsds-mapping/1
terms:
  stress: mental-health
  BD-1800.2000: [basic-needs, help-now]
  Food Pantries: basic-needs
keywords:
  counselling: mental-health
  pantry: basic-needs
"""


@pytest.fixture
def mapping(tmp_path: Path) -> Path:
    path = tmp_path / "mapping.yaml"
    path.write_text(MAPPING, encoding="utf-8")
    return path


def test_formats_are_detected(rich_store: Store, tmp_path: Path) -> None:
    write_hsds(rich_store.directory(), tmp_path / "j", "hsds-json")
    write_hsds(rich_store.directory(), tmp_path / "c", "hsds-csv")
    assert tables.detect(tmp_path / "j") == "hsds-json"
    assert tables.detect(tmp_path / "c") == "hsds-csv"
    assert tables.detect(EXAMPLES) == "hsds-json"
    assert tables.detect(EXAMPLES / "csv") == "hsds-csv"
    assert tables.detect(EXAMPLES / "service_full.json") == "hsds-json"
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    (legacy / "services.csv").write_text("id,name\n1,A\n")
    (legacy / "regular_schedules.csv").write_text("service_id,weekday\n")
    assert tables.detect(legacy) == "hsds-legacy-csv"
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.csv").write_text("a\n")
    with pytest.raises(KnownError, match=r"no services\.csv"):
        tables.detect(tmp_path / "other")


def test_the_hsds_json_examples_import_and_export_valid(
        rich_store: Store, mapping: Path, tmp_path: Path) -> None:
    result = read_hsds(EXAMPLES, rich_store.directory(), mapping)
    assert result.format == "hsds-json"
    by_name = {r.name.en: r for r in result.directory.resources}
    assert set(by_name) == {"Community Counselling", "Kitten Time", "Puppy Time"}
    counselling = by_name["Community Counselling"]
    assert counselling.categories == ("mental-health",)
    assert counselling.organization == "Example Organization Inc."
    assert counselling.languages == ("ur",)
    assert counselling.sources[0].note == \
        "HSDS service id ac148810-d857-441c-9679-408f346de14b"
    assert counselling.verified_on is None
    # Mondays to Thursdays, 9-12 and 15-17; the first Saturday of the month is kept as text.
    assert counselling.hours.day_text(0) == "09:00-12:00, 15:00-17:00"
    assert counselling.hours.day_text(5) == ""
    assert "First Saturday of the month" in counselling.hours_note.en
    # The UK number is left out of the entry and said so, with where it was.
    left_out = [str(s) for s in result.left_out]
    assert any('phone 1554f2e2-a373-45db-a3fa-9fc48a61c15e: "+44 1234 234567 ext. 100" is '
               "not a valid US phone number" in r for r in left_out)
    assert counselling.phones == ()
    assert result.skipped == []
    # Kitten Time is on stress (mapped by the file); the other Kitten Time only on
    # WORKPLACE, which maps to nothing, and its words (the default mapping's) place it.
    assert [r.categories for r in result.directory.resources] == [("mental-health",)] * 4
    assert result.unmapped == {}

    store = Store.memory()
    from kiosk.directory.importer import apply_import

    apply_import(store, result.directory, who="test", source=str(EXAMPLES))
    out = tmp_path / "again"
    for path in write_hsds(store.directory(), out, "hsds-json"):
        kind = {"services": "service", "organizations": "organization",
                "taxonomies": "taxonomy", "taxonomy_terms": "taxonomy_term"}[path.parent.name]
        assert errors(kind, json.loads(path.read_text(encoding="utf-8"))) == []
    from frictionless import validate

    write_hsds(store.directory(), tmp_path / "again-csv", "hsds-csv")
    report = validate(tmp_path / "again-csv" / "datapackage.json")
    assert report.valid, [e.message for t in report.tasks for e in t.errors][:5]


def test_the_hsds_csv_examples_import_and_report_unmapped_terms(
        rich_store: Store, mapping: Path) -> None:
    result = read_hsds(EXAMPLES / "csv", rich_store.directory(), mapping)
    assert [r.name.en for r in result.directory.resources] == ["Community Counselling"]
    assert result.skipped == []
    assert [str(s) for s in result.left_out] == [
        'phones.csv, row 2: "+44 1234 234567 ext. 100" is not a valid US phone number']
    result = read_hsds(EXAMPLES / "field-guidance" / "attributes", rich_store.directory())
    assert [r.categories for r in result.directory.resources] == [(), ()]
    assert result.unmapped == {"stress": 2, "WORKPLACE": 2}
    assert "Taxonomy terms that map to no kiosk category (services): stress (2), " \
           "WORKPLACE (2)" in result.lines()


def test_a_mapping_file_naming_an_unknown_category_is_refused(
        rich_store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: kiosk-hsds-mapping/1\nterms:\n  food: groceries\n")
    with pytest.raises(KnownError, match="these categories do not exist on this kiosk: "
                                         "groceries"):
        read_hsds(EXAMPLES / "csv", rich_store.directory(), bad)


LEGACY = {
    "organizations.csv": "id,name,description,url\n"
                         "org1,Windham Food Coalition,Feeds people.,windhamfood.org\n",
    "services.csv": (
        "id,organization_id,name,description,status,url,email\n"
        "S-1,org1,Town Pantry,Free groceries every week.,active,windhamfood.org/pantry,"
        "pantry@windhamfood.org\n"
        "S-2,org1,,A service with no name.,active,,\n"
        "S-3,org1,Hotline Pantry,Call for a food box.,active,,not-an-email\n"
        "S-1,org1,Town Pantry,Free groceries every week.,active,windhamfood.org/pantry,"
        "pantry@windhamfood.org\n"
        "S-4,org1,Pantry Twin,Another pantry.,active,,\n"
        "S-4,org1,Pantry Twin,A different text under the same id.,active,,\n"
        "S-5,org1,Evening Pantry,Groceries in the evening.,defunct,,\n"),
    "locations.csv": "id,organization_id,name\nL1,org1,Main site\n",
    "services_at_location.csv": "id,service_id,location_id\nSAL1,S-1,L1\n",
    "physical_addresses.csv": "id,location_id,address_1,city,state_province,postal_code,"
                              "country\nA1,L1,12 Café Street,Willimantic,CT,6226,US\n",
    "phones.csv": ("id,service_id,number,extension,type\n"
                   "P1,S-1,860-555-0142,7,voice\n"
                   "P2,S-3,1-800-FOOD-NOW,,voice\n"
                   "P3,S-3,(860) 555-0188 x 23,,voice\n"
                   "P4,S-1,860-555-0999,,fax\n"),
    "regular_schedules.csv": ("id,service_id,weekday,opens_at,closes_at\n"
                              "R1,S-1,Monday,9:00 AM,5:00 PM\n"
                              "R2,S-1,3,10:00,14:00\n"
                              "R3,S-3,Tuesday,whenever,later\n"),
    "service_taxonomy.csv": "id,service_id,taxonomy_id\nT1,S-1,tx1\nT2,S-3,tx2\n",
    "taxonomy.csv": "id,name,parent_id,vocabulary\ntx1,Food Pantries,,AIRS\n"
                    "tx2,Emergency Food,,AIRS\n",
    "eligibility.csv": "id,service_id,eligibility\nE1,S-1,Anyone\n",
}


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    folder = tmp_path / "legacy"
    folder.mkdir()
    for name, text in LEGACY.items():
        # Published files come in other encodings: the café is in Windows-1252 here.
        encoding = "cp1252" if name == "physical_addresses.csv" else "utf-8"
        (folder / name).write_bytes(text.encode(encoding))
    return folder


def test_an_older_messy_package_imports_what_is_sound_and_names_the_rest(
        rich_store: Store, legacy: Path, mapping: Path) -> None:
    result = read_hsds(legacy, rich_store.directory(), mapping)
    assert result.format == "hsds-legacy-csv"
    by_id = {r.id: r for r in result.directory.resources}
    # Ids start with the source's name (the folder's, here): two exports never collide.
    assert result.source == "legacy"
    assert set(by_id) == {"legacy-s-1", "legacy-s-3", "legacy-s-5"}
    pantry = by_id["legacy-s-1"]
    assert pantry.categories == ("basic-needs",)
    assert pantry.organization == "Windham Food Coalition"
    assert pantry.website == "windhamfood.org/pantry"
    assert pantry.email == "pantry@windhamfood.org"
    assert [(p.display, p.extension) for p in pantry.phones] == [("(860) 555-0142", "7")]
    assert (pantry.address.street, pantry.address.town, pantry.address.zip) == (
        "12 Café Street", "Willimantic", "06226")
    assert pantry.hours.day_text(0) == "09:00-17:00"
    assert pantry.hours.day_text(2) == "10:00-14:00"  # weekday 3 is Wednesday
    hotline = by_id["legacy-s-3"]
    # A number spelt in words is dialled as digits and shown as written.
    assert [(p.display, p.extension) for p in hotline.phones] == [
        ("(800) FOOD-NOW", ""), ("(860) 555-0188", "23")]
    assert hotline.email == ""
    assert hotline.hours is None and "whenever" in hotline.hours_note.en
    assert by_id["legacy-s-5"].status == "inactive"
    assert sorted(str(s) for s in result.skipped) == [
        "services.csv, row 3: the service has no name",
        "services.csv, row 6: another row has the same service id and different content "
        "(services.csv, row 7)",
        "services.csv, row 7: another row has the same service id and different content "
        "(services.csv, row 6)"]
    lines = result.lines()
    assert "Note: physical_addresses.csv was not UTF-8; it was read as cp1252" in lines
    assert any("services.csv, row 5 repeats services.csv, row 2" in line for line in lines)
    assert any('"not-an-email" is not an email address' in line for line in lines)
    assert pantry.eligibility.en == "Anyone"  # from the 1.x eligibility.csv


def test_without_skip_invalid_nothing_is_written(
        fresh_data_dir: Path, rich_dir: Path, legacy: Path, mapping: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    store = open_data_dir(fresh_data_dir, bundled=rich_dir)
    before = store.directory()
    store.close()
    code = main(["import", str(legacy), "--mapping", str(mapping)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("3 records are invalid, so nothing was imported.")
    assert "services.csv, row 3: the service has no name" in err
    assert "Traceback" not in err
    again = Store.open(database_path(fresh_data_dir))
    assert again.directory() == before
    assert again.db.execute("select count(*) from imports").fetchone()[0] == 1
    assert again.db.execute("select count(*) from changes").fetchone()[0] == 0


def test_with_skip_invalid_the_sound_records_are_imported_with_a_backup_first(
        fresh_data_dir: Path, rich_dir: Path, legacy: Path, mapping: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    open_data_dir(fresh_data_dir, bundled=rich_dir).close()
    assert main(["import", str(legacy), "--mapping", str(mapping), "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert "Read 5 services as hsds-legacy-csv: 3 can be imported, 3 records skipped." in out
    assert out.rstrip().endswith("Imported as the source legacy.")
    conn = sqlite3.connect(database_path(fresh_data_dir))
    names = [r[0] for r in conn.execute("select name_en from resources where source = "
                                        "'legacy' order by name_en")]
    assert names == ["Evening Pantry", "Hotline Pantry", "Town Pantry"]
    # Beside the kiosk's own entries, which stay.
    assert conn.execute("select count(*) from resources where source = 'bundled'"
                        ).fetchone()[0] == 3
    kind, backup = conn.execute(
        "select kind, backup from imports order by at desc, rowid desc limit 1").fetchone()
    assert kind == "hsds-legacy-csv"
    assert Path(backup).exists() and "before-import" in backup
    old = sqlite3.connect(backup)
    assert old.execute("select count(*) from resources").fetchone()[0] == 3
    changes = conn.execute("select count(*) from changes where action = 'import'").fetchone()
    assert changes[0] == 3  # three new, each in the history; the kiosk's own stay as they are


def test_import_speed_design_one_pass_over_each_table(
        rich_store: Store, tmp_path: Path) -> None:
    """Linking rows goes through indexes built once, not a scan per service."""
    from kiosk.directory.model import Directory
    from tests.exchange.generate import big_directory

    directory: Directory = big_directory(300)
    write_hsds(directory, tmp_path / "big", "hsds-csv")
    read_hsds(tmp_path / "big", directory)  # warm up
    from kiosk.exchange import hsds_import

    calls = {"n": 0}
    original = hsds_import._Builder.index

    def counting(self: hsds_import._Builder, table: str, key: str) -> dict:  # type: ignore
        if (table, key) not in self.by:
            calls["n"] += 1
        return original(self, table, key)

    hsds_import._Builder.index = counting  # type: ignore[method-assign]
    try:
        result = read_hsds(tmp_path / "big", directory)
    finally:
        hsds_import._Builder.index = original  # type: ignore[method-assign]
    assert len(result.directory.resources) == 300
    assert calls["n"] < 20


def test_a_package_copied_from_the_examples_keeps_working_after_a_copy(
        rich_store: Store, tmp_path: Path, mapping: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(EXAMPLES / "csv", copy)
    (copy / "services.csv").write_bytes(b"\xef\xbb\xbf" + (copy / "services.csv").read_bytes())
    result = read_hsds(copy, rich_store.directory(), mapping)
    assert [r.name.en for r in result.directory.resources] == ["Community Counselling"]
    assert not any("services.csv was not UTF-8" in n for n in result.notes)


@pytest.mark.parametrize(("encoding", "note"), [
    ("utf-8", ""), ("utf-8-sig", ""), ("utf-16", "read as utf-16"),
    ("cp1252", "read as cp1252")])
def test_published_files_in_other_encodings_are_read_and_said_so(
        rich_store: Store, legacy: Path, mapping: Path, encoding: str, note: str) -> None:
    services = legacy / "services.csv"
    services.write_bytes(services.read_text(encoding="utf-8")
                         .replace("Town Pantry", "Despensa del Pueblo Año")
                         .encode(encoding))
    result = read_hsds(legacy, rich_store.directory(), mapping)
    names = {r.name.en for r in result.directory.resources}
    assert "Despensa del Pueblo Año" in names
    notes = [n for n in result.notes if n.startswith("services.csv was not UTF-8")]
    assert (notes == []) if not note else (note in notes[0])


def test_the_builds_quick_constructors_make_the_same_objects_as_the_classes() -> None:
    import datetime as dt
    from dataclasses import fields

    from kiosk.directory.hours import WeeklyHours
    from kiosk.directory.model import Address, Area, LocalText, Phone, Resource, Source
    from kiosk.exchange.hsds_import import _quick

    text = LocalText("Pantry", "Despensa")
    every = {"id": "x-1", "name": text, "categories": ("food",), "description": text,
             "sources": (Source("ct-211", ("phones",), "note", dt.date(2026, 1, 2)),),
             "discreet_name": text, "organization": "Org", "phones": (Phone(
                 "211", "211", "hotline", text, text, "12", "hi"),),
             "website": "https://example.org", "email": "a@example.org",
             "address": Address("1 Main St", "Hartford", "CT", "06101"),
             "area": Area(county="Hartford"), "hours": WeeklyHours(always=True),
             "hours_note": text, "cost": ("free",), "languages": ("es",),
             "eligibility": text, "access": ("walk_in",), "confidentiality": text,
             "tags": ("food",), "priority": 2, "status": "inactive",
             "verified_on": dt.date(2026, 1, 3), "verified_by": "Ana", "review_notes": "n",
             "source": "ct-211", "retired_on": dt.date(2026, 1, 4)}
    for made, expected in ((_quick(Resource)(**every), Resource(**every)),
                           (_quick(Resource)(id="x", name=text, categories=(),
                                             description=text, sources=()),
                            Resource(id="x", name=text, categories=(), description=text,
                                     sources=())),
                           (_quick(LocalText)("a"), LocalText("a"))):
        assert type(made) is type(expected)
        assert [getattr(made, f.name) for f in fields(made)] == \
            [getattr(expected, f.name) for f in fields(expected)]
        assert made == expected and hash(made) == hash(expected)
    with pytest.raises(AttributeError):
        _quick(LocalText)("a").en = "b"  # type: ignore[misc]
