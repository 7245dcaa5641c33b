"""2-1-1 packages as they come: made-up exports with the shapes real ones have, imported with
no mapping file beside the kiosk's own directory."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.datadir import open_data_dir
from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import, plan_import
from kiosk.directory.store import Store
from kiosk.errors import KnownError
from kiosk.exchange import tables
from kiosk.exchange.hsds import read_hsds
from kiosk.paths import BUNDLED_DATA, database_path
from kiosk.staff import history
from tests.exchange.helpers import EXAMPLES
from tests.exchange.packages import write_package

BUNDLED_COUNT = len(read_directory(BUNDLED_DATA).resources)


@pytest.fixture(scope="module")
def base() -> Store:
    """The kiosk's bundled directory, for its categories."""
    from kiosk.directory.files import read_directory

    store = Store.memory()
    apply_import(store, read_directory(BUNDLED_DATA), who="kiosk", source="bundled")
    return store


@pytest.mark.parametrize(("taxonomy", "layout"), [
    ("airs", "flat"), ("airs-2", "data"), ("airs-ids", "nested"), ("oe", "zip"),
    ("none", "flat")])
def test_a_package_imports_with_no_mapping_file(
        base: Store, tmp_path: Path, taxonomy: str, layout: str) -> None:
    package = write_package(tmp_path, 1200, taxonomy=taxonomy, layout=layout)
    result = read_hsds(package.path, base.directory())
    assert result.format == "hsds-legacy-csv"
    assert result.source == f"ct-211-{taxonomy}"  # the name its datapackage.json gives
    resources = result.directory.resources
    # Only the nameless service is skipped; the repeated row is read once.
    assert result.services == 1200
    assert [s.reason for s in result.skipped] == ["the service has no name"]
    assert len(resources) == 1199
    with_category = sum(1 for r in resources if r.categories)
    share = with_category / len(resources)
    # AIRS codes and Open Eligibility terms file nearly all; words alone most of them.
    assert share >= (0.90 if taxonomy != "none" else 0.70), share
    if taxonomy.startswith("airs"):
        by_sid = {r.sources[0].note.removeprefix("HSDS service id "): r for r in resources}
        wrong = [sid for sid, r in by_sid.items()
                 if package.expected[sid] and package.expected[sid] not in r.categories]
        assert wrong == []
        # Named by the term's name, or by its code when the package gives no names.
        assert set(result.unmapped) == ({"DT-8900.1000", "PX-8500.9000"}
                                        if taxonomy == "airs-ids" else
                                        {"Tax Preparation Assistance",
                                         "Volunteer Opportunities"})
    assert all(r.id.startswith(f"ct-211-{taxonomy}-") and r.source == result.source
               for r in resources)


def test_the_done_when_package_beside_the_bundled_directory(
        fresh_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Thousands of services with AIRS codes, no mapping file, the kiosk's own entries kept;
    a second import changes nothing; a staff edit survives a refresh."""
    package = write_package(tmp_path, 3000, taxonomy="airs", layout="zip")
    assert main(["import", str(package.path), "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert "Read 3000 services as hsds-legacy-csv: 2999 can be imported, 1 records skipped." \
        in out
    assert "ct-211-airs: 2999 new, 0 changed, 0 retired" in out
    store = Store.open(database_path(fresh_data_dir))
    counts = dict(store.db.execute("select source, count(*) from resources group by source"))
    assert counts == {"bundled": BUNDLED_COUNT, "ct-211-airs": 2999}
    categorised = store.db.execute(
        "select count(distinct resource_id) from resource_categories c join resources r on "
        "r.id = c.resource_id where r.source = 'ct-211-airs'").fetchone()[0]
    assert categorised / 2999 > 0.9
    store.close()

    assert main(["import", str(package.path), "--skip-invalid"]) == 0
    assert "No changes: the files hold the same directory as this kiosk." in \
        capsys.readouterr().out

    store = Store.open(database_path(fresh_data_dir))
    target = store.db.execute("select id from resources where source = 'ct-211-airs' "
                              "order by id limit 1").fetchone()[0]
    resource = store.resource(target)
    assert resource is not None
    history.save_resource(store, resource.with_changes(
        review_notes="Called: open on Saturdays too."), "AB")
    store.close()
    # Next month's export, unzipped this time: the same source (its datapackage.json says
    # so), with the edited service's description changed by the feed.
    refreshed = write_package(tmp_path / "next", 3000, taxonomy="airs", layout="nested")
    services = next(refreshed.path.rglob("services.csv"))
    sid = target.removeprefix("ct-211-airs-")
    with services.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows:
        if row[0] == sid:
            row[4] = "Now: " + row[4]
    with services.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    capsys.readouterr()
    assert main(["import", str(refreshed.path), "--skip-invalid"]) == 0
    assert "ct-211-airs: 0 new, 1 changed, 0 retired" in capsys.readouterr().out
    store = Store.open(database_path(fresh_data_dir))
    kept = store.resource(target)
    assert kept is not None and kept.review_notes == "Called: open on Saturdays too."
    assert kept.description.en.startswith("Now: ")
    store.close()


def test_messy_values_come_out_clean(base: Store, tmp_path: Path) -> None:
    folder = tmp_path / "messy"
    folder.mkdir()
    files = {
        "organizations.csv": "id,name,description,url\n"
                             "O1,Windham Helpers Inc.,We help.,windhamhelpers.example.org\n",
        "services.csv": (
            "id,organization_id,name,description,url,status\n"
            "1,O1,Quiet Corner Food Pantry,Groceries on Fridays.\\nBring a bag. ###MON###,"
            "www.pantry.example.org,active\n"
            "2,O1,Hope Legal Aid,Free legal help &ndash; call&nbsp;first. Tenant&rsquo;s "
            "rights.,http//legal.example.org,active\n"
            "3,O-MISSING,Northeast Shelter,Beds for the night.,,active\n"
            "4,O1,Recovery Line,A crisis line: call any time.,,active,too,many\n"),
        "locations.csv": "id,organization_id,name\nL1,O1,Main site\nL3,O1,Shelter\n",
        "services_at_location.csv": "id,service_id,location_id\nSAL1,1,L1\nSAL3,3,L3\n",
        "physical_addresses.csv": "id,location_id,address_1,city,state_province,postal_code\n"
                                  "A1,L1,12 Main St,Putnam,CT   ,6260\n"
                                  "A3,L3,4 Elm St,Danielson, conn ,062391234\n",
        "phones.csv": ("id,service_id,location_id,organization_id,number,extension,type\n"
                       "P1,1,,,(860) 928-4112 x57471,,voice\n"
                       "P2,,L1,,(860) 928-4112 x57471,,voice\n"
                       "P3,,,O1,(860) 928-4112 x57471,,voice\n"
                       "P4,2,,,(800) 370-LEAD,,voice\n"
                       "P5,2,,,(860) 928-5000 xOPT2,,voice\n"
                       "P6,3,,,(   ) -  -,,voice\n"
                       '"P7","3, 4",,,860-774-2020,,hotline\n'),
        "service_taxonomy.csv": "id,service_id,taxonomy_id\nT1,1,BD-1800.2000-200\n"
                                "T2,2,FT-4500\nT3,3,BH-1800.8500\n",
        "taxonomy.csv": "id,name,parent_id,vocabulary\nBD-1800.2000-200,Food Pantries,,AIRS\n"
                        "FT-4500,Legal Aid,,AIRS\nBH-1800.8500,Homeless Shelter,,AIRS\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = read_hsds(folder, base.directory(), source="windham-test")
    by_sid = {r.sources[0].note.removeprefix("HSDS service id "): r
              for r in result.directory.resources}
    pantry, legal, shelter, line = by_sid["1"], by_sid["2"], by_sid["3"], by_sid["4"]
    assert pantry.description.en == "Groceries on Fridays.\nBring a bag."
    assert pantry.website == "www.pantry.example.org"
    assert pantry.categories == ("basic-needs",)
    assert pantry.address.state == "CT" and pantry.address.zip == "06260"
    # The same number on the service, its location and its organisation: shown once.
    assert [(p.display, p.extension) for p in pantry.phones] == [("(860) 928-4112", "57471")]
    assert legal.description.en == "Free legal help \u2013 call first. Tenant\u2019s rights."
    assert legal.website == "http://legal.example.org"
    spelt, option = legal.phones
    assert (spelt.display, spelt.number) == ("(800) 370-LEAD", "+18003705323")
    assert (option.display, option.label.en, option.label.es) == (
        "(860) 928-5000", "Option 2", "Opción 2")
    assert shelter.organization == ""  # its organisation is not in the file
    assert (shelter.address.state, shelter.address.zip) == ("CT", "06239-1234")
    assert [p.display for p in shelter.phones] == ["(860) 774-2020"]
    assert [p.display for p in line.phones] == ["(860) 774-2020"]  # "3, 4" names both
    assert line.categories == ("help-now",)  # from its words: no taxonomy
    left_out = [str(s) for s in result.left_out]
    assert "phones.csv, row 7: the number is blank (an empty input mask)" in left_out
    notes = "\n".join(result.notes)
    assert "services.csv: 1 rows have more cells than the header" in notes
    assert "1 services name an organisation that is not in the package (O-MISSING)" in notes


def test_a_service_with_no_category_is_imported_for_staff_to_file(
        base: Store, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "services.csv").write_text(
        "id,name,description\n1,Quiet Corner Book Club,Monthly meetings.\n", encoding="utf-8")
    (folder / "regular_schedules.csv").write_text("id,service_id,weekday\n")
    result = read_hsds(folder, base.directory())
    (resource,) = result.directory.resources
    assert resource.categories == () and result.skipped == []
    store = Store.memory()
    apply_import(store, base.directory(), who="t", source="t")
    plan = plan_import(store, result.directory, source=result.source, categories=False,
                       topics=False)
    assert plan.sources[result.source].unmapped == [resource.id]
    apply_import(store, result.directory, who="t", source="t", plan=plan)
    from kiosk.directory.search import search

    assert [h.key for h in search(store, "quiet corner book club", "en")][:1] == [resource.id]
    from kiosk.staff import work_queue

    (line,) = work_queue.lines(store, work_queue.NEEDS_CATEGORY)
    assert line.resource_id == resource.id
    work_queue.assign_category(store, resource.id, "jobs-education", "AB")
    assert store.resource(resource.id).categories == ("jobs-education",)  # type: ignore[union-attr]
    assert work_queue.lines(store, work_queue.NEEDS_CATEGORY) == []


@pytest.mark.parametrize("cut", [0.35, 0.6, 0.97])
def test_a_csv_file_cut_short_is_refused_as_truncated(
        base: Store, tmp_path: Path, cut: float) -> None:
    package = write_package(tmp_path, 40, taxonomy="airs", messy=False)
    services = package.path / "services.csv"
    data = services.read_bytes()
    at = int(len(data) * cut)
    while data[at - 1:at] in (b"\n", b"\r"):
        at += 1  # cut inside a record, not between two
    services.write_bytes(data[:at])
    with pytest.raises(KnownError, match=r"services\.csv, line \d+: the file ends in the "
                                         r"middle of a record, so it was cut short"):
        read_hsds(package.path, base.directory())


def test_a_quoted_value_cut_short_is_refused(base: Store, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "services.csv").write_text('id,name,description\n1,Pantry,"Groceries on\n'
                                         "Fridays and", encoding="utf-8")
    (folder / "regular_schedules.csv").write_text("id,service_id,weekday\n")
    with pytest.raises(KnownError, match="cut short"):
        read_hsds(folder, base.directory())
    # A stray quote inside a cell is not a cut.
    (folder / "services.csv").write_text('id,name,description\n1,Pantry,A 5" sign\n',
                                         encoding="utf-8")
    assert len(read_hsds(folder, base.directory()).directory.resources) == 1


def test_hostile_files_get_a_sentence(base: Store, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "regular_schedules.csv").write_text("id,service_id,weekday\n")
    (folder / "services.csv").write_bytes(b"id,name\n1,\x00\x01\x02\xff\xfe" * 50)
    with pytest.raises(KnownError, match=r"services\.csv: this is not a text file"):
        read_hsds(folder, base.directory())
    deep = tmp_path / "deep.json"
    deep.write_text('{"services": ' + "[" * 600 + "]" * 600 + "}", encoding="utf-8")
    with pytest.raises(KnownError, match="nests lists and objects"):
        read_hsds(deep, base.directory())
    # A cell of a million characters is read (the CSV field limit is the file's), and left
    # out of the entry, which allows 20,000 for a description, with a sentence.
    long = "x" * 1_000_000
    (folder / "services.csv").write_text(f"id,name,description\n1,Pantry,{long}\n",
                                         encoding="utf-8")
    result = read_hsds(folder, base.directory())
    (resource,) = result.directory.resources
    assert resource.description.en == ""
    assert [str(s) for s in result.left_out] == [
        "services.csv, row 2: the description is 1,000,000 characters long; at most 20,000 "
        "are allowed"]
    # Control and text-direction characters are refused in every text, as in the kiosk's
    # own files: a name that hides its direction is not shown at all.
    (folder / "services.csv").write_text("id,name,description\n"
                                         "1,Pantry\u202egnirts,Food.\n"
                                         "2,Shelter,Beds\u0007 tonight.\n", encoding="utf-8")
    result = read_hsds(folder, base.directory())
    assert [str(s) for s in result.skipped] == [
        "services.csv, row 2: the service has no name the kiosk can show"]
    (shelter,) = result.directory.resources
    assert shelter.name.en == "Shelter" and shelter.description.en == ""
    # A bad value is quoted short in the report.
    (folder / "services.csv").write_text(f"id,name,description,email\n1,P,D,{long}\n",
                                         encoding="utf-8")
    report = read_hsds(folder, base.directory()).lines()
    (line,) = [x for x in report if "is not an email address" in x]
    assert len(line) < 200


def test_a_zip_that_would_unpack_too_large_is_refused_before_unpacking(
        base: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "MAX_TABLE_BYTES", 10_000)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pkg/services.csv", "id,name,description\n" + "1,a,b\n" * 20_000)
        archive.writestr("pkg/regular_schedules.csv", "id,service_id,weekday\n")
    with pytest.raises(KnownError, match="larger than 0 MB"):
        read_hsds(bomb, base.directory())


def test_layouts_are_found_from_the_files(tmp_path: Path) -> None:
    for layout in ("flat", "data", "nested", "zip"):
        package = write_package(tmp_path / layout, 5, layout=layout)
        assert tables.detect(package.path) == "hsds-legacy-csv", layout
    # A datapackage.json beside a data/ folder is not taken for HSDS JSON.
    data = write_package(tmp_path / "d2", 5, layout="data")
    assert (data.path / "datapackage.json").exists() and (data.path / "data").is_dir()
    assert json.loads((data.path / "datapackage.json").read_text())["resources"][0][
        "path"] == "organizations.csv"


def test_each_distinct_phone_number_is_checked_once(
        base: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The design that makes a large import quick: one check per distinct number."""
    from kiosk.exchange import hsds_import

    package = write_package(tmp_path, 300, taxonomy="airs")
    calls: list[str] = []
    real, real_plain = hsds_import.parse_number, hsds_import.plain_number

    def counting(text: str, words: bool = False) -> object:
        calls.append(text)
        return real(text, words)

    plain: list[str] = []

    def counting_plain(text: str) -> object:
        plain.append(text)
        return real_plain(text)

    monkeypatch.setattr(hsds_import, "parse_number", counting)
    monkeypatch.setattr(hsds_import, "plain_number", counting_plain)
    read_hsds(package.path, base.directory())
    assert calls and len(calls) == len(set(calls))
    assert plain and len(plain) == len(set(plain))


def test_the_import_page_report_is_bounded(base: Store, tmp_path: Path) -> None:
    package = write_package(tmp_path, 2000, taxonomy="airs")
    result = read_hsds(package.path, base.directory())
    assert len(result.lines(limit=50)) < 120


def test_dry_run_and_allow_removals_on_the_command_line(
        fresh_data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = write_package(tmp_path / "a", 200, taxonomy="airs", messy=False, name="w211")
    assert main(["import", str(first.path)]) == 0
    smaller = write_package(tmp_path / "b", 100, taxonomy="airs", messy=False, name="w211")
    capsys.readouterr()
    assert main(["import", str(smaller.path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^w211: 0 new, \d+ changed, 100 retired", out, re.MULTILINE)
    assert "Needs --allow-removals: 100 of the 200 entries of w211 are not in these files" \
        in out
    assert main(["import", str(smaller.path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("This import would remove part of the directory, so nothing was "
                          "changed.")
    conn = sqlite3.connect(database_path(fresh_data_dir))
    assert conn.execute("select count(*) from resources where retired_on is not null"
                        ).fetchone()[0] == 0
    assert main(["import", str(smaller.path), "--allow-removals"]) == 0
    assert conn.execute("select count(*) from resources where retired_on is not null"
                        ).fetchone()[0] == 100


def test_sources_commands(fresh_data_dir: Path, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    package = write_package(tmp_path, 50, taxonomy="airs", messy=False, name="w211")
    assert main(["import", str(package.path)]) == 0
    capsys.readouterr()
    assert main(["sources"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"bundled: {BUNDLED_COUNT} entries, {BUNDLED_COUNT} shown; "
                               "last read ")
    assert lines[1] == "staff: 0 entries, 0 shown; made on this kiosk"
    assert lines[2].startswith("w211: 50 entries, 50 shown; last read ")
    assert lines[2].endswith(f"hsds-legacy-csv from {package.path}")
    assert main(["sources", "remove", "nope"]) == 1
    assert 'There is no source "nope"' in capsys.readouterr().err
    assert main(["sources", "remove", "w211"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Removed the source w211 (50 entries).")
    backups = list((fresh_data_dir / "backups").glob("*-before-removing-w211.db"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute(
        "select count(*) from resources where source = 'w211'").fetchone()[0] == 50
    store = open_data_dir(fresh_data_dir)
    assert store.db.execute("select count(*) from resources").fetchone()[0] == BUNDLED_COUNT


def test_each_distinct_list_of_terms_is_mapped_once(
        base: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of services share a few hundred lists of terms: each list is looked up in
    the mapping once, while what is counted per service (terms that map to nothing) still
    counts every service."""
    from kiosk.exchange import hsds_import

    package = write_package(tmp_path, 600, taxonomy="airs")
    calls: list[tuple[tuple[str, str], ...]] = []
    real = hsds_import._Builder._listed_categories

    def counting(self: hsds_import._Builder, listed: list[tuple[str, str]],
                 known: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        calls.append(tuple(listed))
        return real(self, listed, known)

    monkeypatch.setattr(hsds_import._Builder, "_listed_categories", counting)
    result = read_hsds(package.path, base.directory())
    services = len(result.directory.resources)
    assert calls and len(calls) == len(set(calls)) and len(calls) < services / 2

    # Worked out afresh for every service, the categories and the counts are the same.
    def afresh(self: hsds_import._Builder, listed: list[tuple[str, str]],
               known: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        self.listed_cache.clear()
        return real(self, listed, known)

    monkeypatch.setattr(hsds_import._Builder, "_listed_categories", afresh)
    again = read_hsds(package.path, base.directory())
    assert result.unmapped and again.unmapped == result.unmapped
    assert [r.categories for r in again.directory.resources] == [
        r.categories for r in result.directory.resources]


def test_a_service_finds_its_linked_rows_in_one_look_up(base: Store, tmp_path: Path) -> None:
    """The rows each service is given together (`link_services`) are the rows an index of
    each table by the service's id gives, in the same order, a cell naming several services
    (`000006,000008`) under each of them."""
    from kiosk.exchange import hsds_import

    package = write_package(tmp_path, 300, taxonomy="airs")
    found = tables.read(package.path, tables.detect(package.path))
    builder = hsds_import._Builder(found, base.directory(), None, "w211")
    sids = [r.get("id") for r in found.of("service") if r.get("id")]
    builder.link_services(sids)
    shared = 0
    for slot, (table, key) in enumerate(hsds_import.SERVICE_LINKS):
        by_id = builder.index(table, key)
        for sid in sids:
            assert list(builder.links_of[sid][slot]) == by_id.get(sid, [])
        shared += sum(1 for r in found.of(table) if "," in r.raw(key))
    assert shared  # the package has a phone shared by two services


def test_the_tables_know_their_columns_without_a_look_at_every_row(tmp_path: Path) -> None:
    """`Tables.columns_of` names every key any row of a table has, as the rows were read
    (a header's columns, those an older table's rows gain in their 3.0 form, the ids a
    JSON object gets from the objects nested in it), so the build asks it instead of
    looking through every row."""
    package = write_package(tmp_path, 60, taxonomy="airs")
    for path in (package.path, EXAMPLES, EXAMPLES / "csv"):
        found = tables.read(path, tables.detect(path))
        assert found.rows
        for table, rows in found.rows.items():
            keys = set().union(*(r.as_dict() for r in rows))
            assert keys <= found.columns_of(table), (path, table)
    schedules = tables.read(package.path, "hsds-legacy-csv").columns_of("schedule")
    assert {"weekday", "opens_at", "freq", "byday"} <= schedules


def test_rows_are_tuples_in_one_layout_per_file(tmp_path: Path) -> None:
    """A CSV file's rows are tuples placed by one layout (not a dict each); a row as a dict
    is still what it was: its own cells (a short row without the missing ones), and the
    cells an older table's 3.0 form gives it."""
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "services.csv").write_text(
        "id,name,website,url\nS1,Food,www.a.org,\nS2,Rides\nS3,null,'=x,www.c.org\n",
        encoding="utf-8")
    (folder / "regular_schedules.csv").write_text(
        "id,service_id,weekday,opens_at,closes_at\nR1,S1,Monday,9:00,17:00\nR2,S2,tue\n",
        encoding="utf-8")
    found = tables.read(folder, tables.detect(folder))
    services = found.of("service")
    assert all(isinstance(r.values, tuple) for r in services)
    assert services[0].layout is services[2].layout
    assert [r.as_dict() for r in services] == [
        {"id": "S1", "name": "Food", "website": "www.a.org", "url": "www.a.org"},
        {"id": "S2", "name": "Rides"},
        {"id": "S3", "name": "null", "website": "'=x", "url": "www.c.org"}]
    assert services[2].cells(("name", "website", "url", "email")) == ("", "=x", "www.c.org", "")
    assert services[0].cells(("id", "url")) == ("S1", "www.a.org")
    assert [r.as_dict() for r in found.of("schedule")] == [
        {"id": "R1", "service_id": "S1", "weekday": "Monday", "opens_at": "9:00",
         "closes_at": "17:00", "freq": "WEEKLY", "byday": "MO"},
        {"id": "R2", "service_id": "S2", "weekday": "tue", "freq": "WEEKLY", "byday": "TU"}]
    assert found.column("schedule", "opens_at") == ["9:00", ""]
