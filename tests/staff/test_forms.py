"""Form values go to checked directory objects and back without losing a field."""

from __future__ import annotations

from kiosk.directory.convert import resource_to_data, topic_to_data
from kiosk.directory.model import Category, LocalText
from kiosk.staff.forms import (
    category_from_form,
    category_to_form,
    empty_resource_form,
    resource_from_form,
    resource_to_form,
    topic_from_form,
    topic_to_form,
)
from tests.directory.helpers import directory_file  # noqa: F401  (shared helpers import)
from tests.staff.helpers import filled_store


def test_a_resource_survives_the_form_round_trip(sample_dir) -> None:  # type: ignore[no-untyped-def]
    from kiosk.directory.files import read_directory

    for r in read_directory(sample_dir).resources:
        back, problems = resource_from_form(resource_to_form(r))
        assert problems == {}
        assert back is not None and resource_to_data(back) == resource_to_data(r)


def test_every_problem_is_keyed_by_its_field() -> None:
    form = empty_resource_form()
    form.update(id="Bad Id", website="no way", zip="123", email="x@",
                phones=[{"number": "(860) 456-226", "kind": "voice"}],
                hours_mode="days", hours={"mon": "9-5"})
    resource, problems = resource_from_form(form, {"health"})
    assert resource is None
    assert problems["phones.0.number"] == "This phone number is missing a digit: (860) 456-226"
    assert problems["name_en"] == "Write the name in English; it is required."
    assert problems["description_en"] == "Write the description in English; it is required."
    assert problems["categories"] == "Tick at least one category."
    assert problems["sources"].startswith("Add at least one source")
    assert set(problems) >= {"id", "website", "zip", "email", "hours.mon"}


def test_hours_modes() -> None:
    store = filled_store()
    form = resource_to_form(store.resource("clinic"))  # type: ignore[arg-type]
    form["hours_mode"] = "always"
    r, _ = resource_from_form(form)
    assert r is not None and r.hours.always
    form["hours_mode"] = "unknown"
    r, _ = resource_from_form(form)
    assert r is not None and r.hours is None
    form["hours_mode"] = "days"
    form["hours"] = {"mon": "08:00-12:00, 13:00-17:00", "sat": "22:00-02:00"}
    r, _ = resource_from_form(form)
    assert r is not None and r.hours.day_text(0) == "08:00-12:00, 13:00-17:00"
    assert r.hours.day_text(5) == "22:00-02:00"


def test_unknown_category_is_named() -> None:
    form = resource_to_form(filled_store().resource("clinic"))  # type: ignore[arg-type]
    _, problems = resource_from_form(form, {"help-now"})
    assert problems == {"categories": "This category does not exist any more: health"}


def test_category_and_topic_forms() -> None:
    c = Category("food", LocalText("Food", "Comida"), icon="basic-needs.svg", position=4,
                 hidden=True)
    assert category_from_form(category_to_form(c)) == (c, {})
    _, problems = category_from_form({"slug": "", "name_en": ""})
    assert set(problems) == {"slug", "name_en"}
    topic = filled_store().topic("is-it-legal")
    assert topic is not None
    back, problems = topic_from_form(topic_to_form(topic), {"clinic"})
    assert problems == {} and back is not None and topic_to_data(back) == topic_to_data(topic)
    form = topic_to_form(topic)
    form["related"] = "clinic, nowhere"
    assert topic_from_form(form, {"clinic"})[1] == {
        "related": "There is no entry with this id: nowhere"}
