"""Imports: a plan before writing, all or nothing, history of each change, round trip."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from kiosk.directory.files import read_directory, write_directory
from kiosk.directory.importer import apply_import, plan_import
from kiosk.directory.store import Store

from .helpers import directory_file, resource_yaml


def kiosk(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=120)


def fingerprint(data_dir: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(data_dir.glob("kiosk.db*"))}


def test_plan_names_new_changed_and_missing(store: Store, tmp_path: Path) -> None:
    first = directory_file(tmp_path, resource_yaml("a") + resource_yaml("b"), "1.yaml")
    apply_import(store, read_directory(first), who="t", source="1")
    second = directory_file(
        tmp_path, resource_yaml("a", name="Clinic A") + resource_yaml("c"), "2.yaml")
    plan = plan_import(store, read_directory(second))
    assert plan.resources.new == ["c"]
    assert plan.resources.changed == {"a": ["name"]}
    assert plan.resources.missing == ["b"]
    assert plan.lines() == [
        "bundled: 1 new, 1 changed, 1 retired (not in the files), 0 unchanged"]


def test_second_import_records_each_change_with_before_and_after(store: Store,
                                                                  tmp_path: Path) -> None:
    apply_import(store, read_directory(directory_file(tmp_path, resource_yaml("a"), "1.yaml")),
                 who="t", source="1")
    assert store.db["changes"].count == 0  # building the first directory changes nothing
    changed = resource_yaml("a").replace("(860) 555-0100", "(860) 555-0199")
    result = apply_import(store, read_directory(directory_file(tmp_path, changed, "2.yaml")),
                          who="Ana", source="2")
    (row,) = store.db["changes"].rows
    assert (row["who"], row["action"], row["entity_id"], row["batch"]) == (
        "Ana", "import", "a", result.batch)
    assert json.loads(row["fields"]) == ["phones"]
    assert json.loads(row["before"])["phones"] == [{"number": "(860) 555-0100"}]
    assert json.loads(row["after"])["phones"] == [{"number": "(860) 555-0199"}]
    resource = store.resource("a")
    assert resource is not None and resource.phones[0].display == "(860) 555-0199"


def test_a_change_of_categories_alone_is_seen(store: Store, tmp_path: Path) -> None:
    apply_import(store, read_directory(directory_file(tmp_path, resource_yaml("a"), "1.yaml")),
                 who="t", source="1")
    moved = resource_yaml("a").replace("[health]", "[health, help-now]")
    plan = plan_import(store, read_directory(directory_file(tmp_path, moved, "2.yaml")))
    assert plan.resources.changed == {"a": ["categories"]}


def test_round_trip_through_files_changes_nothing(tmp_path: Path, sample_dir: Path) -> None:
    data_dir = tmp_path / "data"
    assert kiosk("import", str(sample_dir), data_dir=data_dir).returncode == 0
    assert kiosk("export", str(tmp_path / "out"), data_dir=data_dir).returncode == 0
    store = Store.open(data_dir / "kiosk.db")
    before = store.directory()
    plan = plan_import(store, read_directory(tmp_path / "out"))
    assert not plan.has_changes
    other = Store.memory()
    apply_import(other, read_directory(tmp_path / "out"), who="t", source="t")
    assert other.directory() == before


def test_a_failed_import_leaves_the_database_byte_for_byte_unchanged(
        tmp_path: Path, sample_dir: Path) -> None:
    data_dir = tmp_path / "data"
    assert kiosk("import", str(sample_dir), data_dir=data_dir).returncode == 0
    before = fingerprint(data_dir)
    assert before
    bad = tmp_path / "bad"
    write_directory(read_directory(sample_dir), bad)
    text = (bad / "resources.yaml").read_text()
    (bad / "resources.yaml").write_text(text.replace("(888) 373-7888", "(888) 373-788"))
    result = kiosk("import", str(bad), data_dir=data_dir)
    assert result.returncode == 1
    assert "nothing was imported" in result.stderr
    assert "resources.yaml:40: resources[1].phones[0].number" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(data_dir) == before
