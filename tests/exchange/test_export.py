"""HSDS export: valid against Open Referral's schemas, stable ids, and read back unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.datadir import open_data_dir
from kiosk.directory.model import Directory, LocalText
from kiosk.directory.store import Store
from kiosk.exchange import hsds_export
from kiosk.exchange.hsds import read_hsds, write_hsds
from tests.exchange.helpers import errors


def sorted_directory(d: Directory) -> Directory:
    return Directory(d.info, sorted(d.categories, key=lambda c: c.slug),
                     sorted(d.resources, key=lambda r: r.id),
                     sorted(d.topics, key=lambda t: t.slug))


def test_every_exported_json_object_is_valid_hsds(rich_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "json"
    written = write_hsds(rich_store.directory(), out, "hsds-json")
    schema_of = {"services": "service", "organizations": "organization",
                 "taxonomies": "taxonomy", "taxonomy_terms": "taxonomy_term"}
    counts = {folder: len(list((out / folder).glob("*.json"))) for folder in schema_of}
    assert counts == {"services": 3, "organizations": 3, "taxonomies": 2,
                      "taxonomy_terms": 5}
    assert len(written) == sum(counts.values())
    for path in written:
        obj = json.loads(path.read_text(encoding="utf-8"))
        assert errors(schema_of[path.parent.name], obj) == [], path
        assert path.stem == obj["id"]


def test_the_validator_does_reject_bad_objects(rich_store: Store) -> None:
    service = hsds_export.service(rich_store.resource("clinic"))  # type: ignore[arg-type]
    service["id"] = "clinic"
    service["phones"][0].pop("number")
    service["email"] = "not an email"
    found = errors("service", service)
    assert any("'clinic' is not a 'uuid'" in e for e in found)
    assert any("'number' is a required property" in e for e in found)
    assert any("not a 'email'" in e for e in found)


def test_a_service_carries_what_visitors_need_in_plain_hsds(rich_store: Store) -> None:
    service = hsds_export.service(rich_store.resource("clinic"))  # type: ignore[arg-type]
    assert service["name"] == "Willimantic Clinic"
    assert service["organization"]["name"] == "Generations Family Health"
    assert service["url"] == "https://www.example.org/clinic"
    assert [(p["number"], p.get("extension"), p["type"]) for p in service["phones"]] == [
        ("(860) 555-0100", 12, "voice"), ("(860) 555-0199", None, "textphone")]
    spans = sorted((s["byday"], s["opens_at"], s["closes_at"]) for s in service["schedules"])
    assert spans == [("FR", "22:00:00", "02:00:00"), ("MO", "09:00:00", "17:00:00"),
                     ("TU", "09:00:00", "12:00:00"), ("TU", "13:00:00", "17:00:00")]
    address = service["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["city"], address["state_province"],
            address["postal_code"]) == ("1 Main St", "Willimantic", "CT", "06226")
    assert {lang["code"] for lang in service["languages"]} == {"en", "es"}
    categories = [a["value"] for a in service["attributes"] if a["link_type"] == "category"]
    assert categories == ["health", "mental-health"]
    record = next(a for a in service["attributes"] if a["link_type"] == "kiosk_record")
    kept = json.loads(record["value"])
    assert kept["name"]["es"] == "Clínica de Willimantic"
    assert kept["review_notes"] == "Check the Friday hours in spring."
    assert kept["verified_on"] == "2026-10-01"


def test_uuids_stay_the_same_from_one_export_to_the_next(
        rich_store: Store, tmp_path: Path) -> None:
    one = {p.relative_to(tmp_path / "a") for p in
           write_hsds(rich_store.directory(), tmp_path / "a", "hsds-json")}
    two = {p.relative_to(tmp_path / "b") for p in
           write_hsds(rich_store.directory(), tmp_path / "b", "hsds-json")}
    assert one == two
    for rel in one:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    other = hsds_export.uid("resource", "clinic")
    assert other == hsds_export.service(rich_store.resource("clinic"))["id"]  # type: ignore


def test_exporting_again_removes_services_that_are_gone(
        rich_store: Store, tmp_path: Path) -> None:
    directory = rich_store.directory()
    write_hsds(directory, tmp_path / "out", "hsds-json")
    directory.resources = [r for r in directory.resources if r.id != "hotline"]
    write_hsds(directory, tmp_path / "out", "hsds-json")
    assert len(list((tmp_path / "out" / "services").glob("*.json"))) == 2


def test_csv_package_is_valid_against_its_datapackage(rich_store: Store, tmp_path: Path) -> None:
    from frictionless import validate

    out = tmp_path / "csv"
    write_hsds(rich_store.directory(), out, "hsds-csv")
    report = validate(out / "datapackage.json")
    assert report.valid, [e.message for t in report.tasks for e in t.errors][:5]
    assert len(report.tasks) == 21
    services = (out / "services.csv").read_text(encoding="utf-8").splitlines()
    assert len(services) == 4
    # The checker does catch a broken package: a phone pointing at no service.
    phones = (out / "phones.csv").read_text(encoding="utf-8")
    first_service = services[1].split(",")[0]
    (out / "phones.csv").write_text(
        phones.replace(first_service, "00000000-0000-4000-8000-000000000000"),
        encoding="utf-8")
    assert not validate(out / "datapackage.json").valid


@pytest.mark.parametrize("fmt", ["hsds-json", "hsds-csv"])
def test_round_trip_gives_the_same_directory(
        rich_store: Store, tmp_path: Path, fmt: str) -> None:
    from kiosk.directory.importer import apply_import

    before = rich_store.directory()
    write_hsds(before, tmp_path / "out", fmt)
    # Into a kiosk that has since drifted: one entry removed, one phone changed.
    rich_store.delete_resources(["hotline"])
    clinic = rich_store.resource("clinic")
    assert clinic is not None
    rich_store.write_resource(clinic.with_changes(name=LocalText("Changed", "Cambiado")))
    result = read_hsds(tmp_path / "out", rich_store.directory())
    assert result.skipped == []
    apply_import(rich_store, result.directory, who="test", source="hsds")
    assert sorted_directory(rich_store.directory()) == sorted_directory(before)
    # And into a new, empty kiosk: the same categories and resources.
    fresh = Store.memory()
    result = read_hsds(tmp_path / "out", fresh.directory())
    apply_import(fresh, result.directory, who="test", source="hsds")
    after = sorted_directory(fresh.directory())
    assert after.categories == sorted_directory(before).categories
    assert after.resources == sorted_directory(before).resources


def test_a_change_made_in_hsds_since_the_export_is_kept(
        rich_store: Store, tmp_path: Path) -> None:
    before = rich_store.directory()
    out = tmp_path / "out"
    write_hsds(before, out, "hsds-json")
    path = out / "services" / f"{hsds_export.uid('resource', 'clinic')}.json"
    service = json.loads(path.read_text(encoding="utf-8"))
    service["name"] = "Willimantic Community Clinic"
    service["phones"][0]["number"] = "(860) 555-0123"
    path.write_text(json.dumps(service), encoding="utf-8")
    clinic = next(r for r in read_hsds(out, before).directory.resources if r.id == "clinic")
    assert clinic.name.en == "Willimantic Community Clinic"
    assert clinic.name.es == "Clínica de Willimantic"  # still the kiosk's own
    assert [p.number for p in clinic.phones] == ["+18605550123", "+18605550199"]
    assert clinic.review_notes == "Check the Friday hours in spring."


def test_command_line_export_both_formats(
        fresh_data_dir: Path, rich_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    open_data_dir(fresh_data_dir, bundled=rich_dir).close()
    assert main(["export", "--format", "hsds-json", str(tmp_path / "j")]) == 0
    assert main(["export", "--format", "hsds-csv", str(tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    assert f"Wrote 13 files into {tmp_path / 'j'}." in out
    assert f"Wrote 22 files into {tmp_path / 'c'}." in out
    (tmp_path / "file").write_text("x")
    assert main(["export", "--format", "hsds-csv", str(tmp_path / "file")]) == 1
    assert "this is a file" in capsys.readouterr().err


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(
        rich_store: Store, tmp_path: Path) -> None:
    import csv
    import io

    clinic = rich_store.resource("clinic")
    assert clinic is not None
    rich_store.write_resource(clinic.with_changes(
        name=LocalText("=HYPERLINK(\"http://x\",\"y\")", "Clínica"),
        organization="+1+2", description=LocalText("-2+3", "=cmd|' /C calc'!A0"),
        eligibility=LocalText("\rReturn", "")))
    write_hsds(rich_store.directory(), tmp_path / "c", "hsds-csv")
    cells = [cell for path in (tmp_path / "c").glob("*.csv")
             for row in csv.reader(io.StringIO(path.read_bytes().decode(), newline=""))
             for cell in row]
    starts = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert starts == []
    assert "'=HYPERLINK(\"http://x\",\"y\")" in cells and "'+1+2" in cells
    assert "'-2+3" in cells and "'\rReturn" in cells
    # Numbers stay numbers, and the kiosk reads its own export back unchanged.
    result = read_hsds(tmp_path / "c", rich_store.directory())
    back = next(r for r in result.directory.resources if r.id == "clinic")
    assert back.name.en == "=HYPERLINK(\"http://x\",\"y\")"
    assert back.organization == "+1+2" and back.description.en == "-2+3"


def test_the_usage_report_csv_is_neutralised_too(rich_store: Store) -> None:
    from kiosk.staff.usage_report import UsageRow, usage_csv

    text = usage_csv([UsageRow("2026-11-23", "resource", "=1+1", "@cmd", 3)])
    assert text.splitlines()[1] == "2026-11-23,entry viewed,'=1+1,'@cmd,3"


def test_export_names_each_entry_s_source_and_can_keep_to_one(
        fresh_data_dir: Path, rich_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.directory.files import read_directory
    from kiosk.staff import history
    from tests.exchange.packages import write_package

    store = open_data_dir(fresh_data_dir, bundled=rich_dir)
    clinic = store.resource("clinic")
    assert clinic is not None
    history.save_resource(store, clinic.with_changes(id="clinic-annex", source=""), "AB",
                          "new")
    store.close()
    package = write_package(tmp_path, 30, taxonomy="airs", messy=False, name="w211")
    assert main(["import", str(package.path)]) == 0
    assert main(["export", str(tmp_path / "all")]) == 0
    assert main(["export", str(tmp_path / "one"), "--source", "w211"]) == 0
    assert main(["export", str(tmp_path / "x"), "--source", "nope"]) == 1
    assert 'There is no source "nope"' in capsys.readouterr().err
    everything = read_directory(tmp_path / "all")
    by_source: dict[str, int] = {}
    for r in everything.resources:
        by_source[r.source] = by_source.get(r.source, 0) + 1
    assert by_source == {"bundled": 3, "staff": 1, "w211": 30}
    assert {r.source for r in read_directory(tmp_path / "one").resources} == {"w211"}
    # Importing the export into a new kiosk gives the same directory, source by source.
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", str(tmp_path / "all")]) == 0
    again = Store.open(other / "kiosk.db")
    before = Store.open(fresh_data_dir / "kiosk.db")
    assert sorted_directory(again.directory()) == sorted_directory(before.directory())
    assert {r.id: r.source for r in again.directory().resources} == \
        {r.id: r.source for r in before.directory().resources}
    # And into the kiosk it came from: nothing changes.
    capsys.readouterr()
    assert main(["import", str(tmp_path / "all"), "--dry-run"]) == 0
    assert "No changes" in capsys.readouterr().out
