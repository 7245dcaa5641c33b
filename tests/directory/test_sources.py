"""Sources: a web page is only as good as the day it was read, so it must say that day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.directory.files import check_directory, read_directory, write_directory
from kiosk.directory.model import Source
from kiosk.directory.store import Store
from kiosk.staff.forms import resource_from_form, resource_to_form

from .helpers import directory_file, resource_yaml

PAGE = "https://example.org/contact"


def with_sources(tmp_path: Path, sources: str) -> Path:
    return directory_file(tmp_path, resource_yaml().replace("sources: [seeds/000.txt]",
                                                            f"sources: {sources}"))


def problems_of(path: Path) -> list[str]:
    return [str(p) for p in check_directory(path)[1]]


def test_a_web_page_with_its_day_read_is_kept(tmp_path: Path) -> None:
    path = with_sources(tmp_path, f"[{{ref: '{PAGE}', read: 2026-12-01, facts: [phones]}}]")
    (clinic,) = read_directory(path).resources
    (source,) = clinic.sources
    assert source == Source(PAGE, ("phones",), "", dt.date(2026, 12, 1))
    assert source.is_web_page and source.supports("phones") and not source.supports("address")


def test_a_web_page_without_its_day_read_is_refused(tmp_path: Path) -> None:
    path = with_sources(tmp_path, f"[{{ref: '{PAGE}', facts: [phones]}}]")
    assert problems_of(path) == [
        f"{path}:13: resources[0].sources[0].read: a web page needs the day it was read, "
        "like read: 2026-12-01"]


def test_a_bare_web_address_is_refused_too(tmp_path: Path) -> None:
    path = with_sources(tmp_path, f"['{PAGE}']")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:13: resources[0].sources[0].read: ")


def test_a_day_read_that_is_not_a_date_is_named(tmp_path: Path) -> None:
    path = with_sources(tmp_path, f"[{{ref: '{PAGE}', read: last week}}]")
    assert problems_of(path) == [
        f"{path}:13: resources[0].sources[0].read: 'last week' is not a date; "
        "write it as 2026-11-23"]


def test_an_article_or_a_call_needs_no_day(tmp_path: Path) -> None:
    path = with_sources(tmp_path, "[seeds/000.txt, {ref: call to the front desk}]")
    assert problems_of(path) == []


def test_the_day_read_survives_files_the_database_and_the_admin_form(tmp_path: Path) -> None:
    path = with_sources(tmp_path, f"[{{ref: '{PAGE}', read: 2026-12-01, note: footer}}]")
    directory = read_directory(path)
    written = write_directory(directory, tmp_path / "out.yaml")
    assert "read: 2026-12-01" in written[0].read_text(encoding="utf-8")
    assert read_directory(written[0]).resources == directory.resources

    store = Store.memory()
    for category in directory.categories:
        store.write_category(category)
    store.write_resource(directory.resources[0])
    stored = store.resource("clinic")
    assert stored is not None and stored.sources == directory.resources[0].sources

    form = resource_to_form(stored)
    assert form["sources"][0]["read"] == "2026-12-01"
    back, problems = resource_from_form(form)
    assert problems == {} and back is not None and back.sources == stored.sources

    form["sources"][0]["read"] = ""
    _, problems = resource_from_form(form)
    assert problems["sources.0.read"] == "Say on which day the web page was read."
    form["sources"][0]["read"] = "01/12/2026"
    _, problems = resource_from_form(form)
    assert problems["sources.0.read"] == "Write the day the page was read as 2026-12-01."
