"""The staff's work queue, read and acted on without Qt: conflicts, duplicates, entries
without a category, entries without Spanish (most viewed first)."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.directory import usage
from kiosk.directory.importer import apply_import, plan_import
from kiosk.directory.model import Directory, LocalText, Resource
from kiosk.directory.store import Store
from kiosk.staff import freshness, history, work_queue
from kiosk.staff.history import HistoryError
from tests.directory.test_refresh import entry, feed
from tests.staff.helpers import phone

TODAY = dt.datetime(2026, 11, 23, 10, 0)


def import_feed(store: Store, *resources: Resource) -> None:
    directory = Directory(resources=list(resources))
    plan = plan_import(store, directory, source="211-windham", categories=False, topics=False)
    apply_import(store, directory, who="test", source="/usb", plan=plan,
                 source_name="211-windham")


@pytest.fixture
def store() -> Store:
    s = Store.memory(lambda: TODAY)
    apply_import(s, feed(entry("clinic", "Windham Clinic").with_changes(
        description=LocalText("Free tests.", "Pruebas gratis."))),
        who="kiosk", source="bundled")
    return s


def test_an_entry_without_a_category_is_filed_with_one_tap(store: Store) -> None:
    import_feed(store, entry("211-windham-1", "Book Club", "(860) 423-1111", categories=()))
    (line,) = work_queue.lines(store, work_queue.NEEDS_CATEGORY)
    assert (line.kind, line.resource_id, line.title) == ("needs-category", "211-windham-1",
                                                         "Book Club")
    assert line.detail.startswith("from 211-windham: in no category yet")
    assert "211-windham-1" not in store.list_ids("legal")
    change = work_queue.assign_category(store, "211-windham-1", "legal", "AB")
    assert change > 0
    assert store.list_ids("legal") == ["211-windham-1"]
    assert work_queue.lines(store, work_queue.NEEDS_CATEGORY) == []
    assert history.changes_for(store, "resource", "211-windham-1")[0].action == "categorize"
    with pytest.raises(HistoryError, match='There is no category "nope"'):
        work_queue.assign_category(store, "211-windham-1", "nope", "AB")
    # The category staff gave survives the next refresh of the same feed.
    import_feed(store, entry("211-windham-1", "Book Club", "(860) 423-1111", categories=()))
    assert store.resource("211-windham-1").categories == ("legal",)  # type: ignore[union-attr]


def test_a_feed_conflict_shows_both_values_and_either_can_win(store: Store) -> None:
    import_feed(store, entry("211-windham-1", "Pantry", "(860) 423-1111"))
    pantry = store.resource("211-windham-1")
    assert pantry is not None
    history.save_resource(store, pantry.with_changes(phones=(phone("(860) 423-9999"),)), "AB")
    import_feed(store, entry("211-windham-1", "Pantry", "(860) 423-7777"))
    (line,) = work_queue.lines(store, work_queue.CONFLICT)
    assert line.detail == ("phones: staff wrote (860) 423-9999; the feed now says "
                           "(860) 423-7777")
    assert line.item_id is not None
    work_queue.take_feed_value(store, line.item_id, "AB")
    assert store.resource("211-windham-1").phones[0].display == "(860) 423-7777"  # type: ignore[union-attr]
    assert work_queue.lines(store, work_queue.CONFLICT) == []
    with pytest.raises(HistoryError, match="not in the work queue"):
        work_queue.take_feed_value(store, 999, "AB")


def test_keeping_the_staff_value_is_not_asked_again(store: Store) -> None:
    import_feed(store, entry("211-windham-1", "Pantry", "(860) 423-1111"))
    pantry = store.resource("211-windham-1")
    assert pantry is not None
    history.save_resource(store, pantry.with_changes(phones=(phone("(860) 423-9999"),)), "AB")
    import_feed(store, entry("211-windham-1", "Pantry", "(860) 423-7777"))
    (line,) = work_queue.lines(store, work_queue.CONFLICT)
    assert line.item_id is not None
    work_queue.keep_staff_value(store, line.item_id, "AB")
    import_feed(store, entry("211-windham-1", "Pantry", "(860) 423-7777"))
    assert work_queue.lines(store, work_queue.CONFLICT) == []
    assert store.resource("211-windham-1").phones[0].display == "(860) 423-9999"  # type: ignore[union-attr]


def test_a_duplicate_is_shown_and_settled_by_staff_never_merged(store: Store) -> None:
    import_feed(store, entry("211-windham-1", "Generations Clinic", "(860) 456-2261"))
    (line,) = work_queue.lines(store, work_queue.DUPLICATE)
    assert (line.resource_id, line.other_id) == ("211-windham-1", "clinic")
    assert line.detail == ("same phone number (860) 456-2261: Windham Clinic [clinic] "
                           "from bundled")
    assert line.item_id is not None
    with pytest.raises(HistoryError, match="Keep one of the two"):
        work_queue.keep_one(store, line.item_id, "someone-else", "AB")
    work_queue.keep_one(store, line.item_id, "clinic", "AB")
    hidden = store.resource("211-windham-1")
    assert hidden is not None and hidden.status == "inactive"
    assert store.resource("clinic").active  # type: ignore[union-attr]
    assert work_queue.lines(store, work_queue.DUPLICATE) == []
    # Settled pairs are not raised again by the next refresh.
    import_feed(store, entry("211-windham-1", "Generations Clinic", "(860) 456-2261"))
    assert work_queue.lines(store, work_queue.DUPLICATE) == []


def test_the_staff_queue_words_a_duplicate_and_a_conflict(store: Store) -> None:
    import_feed(store, entry("211-windham-1", "Generations Clinic", "(860) 456-2261"))
    (line,) = freshness.lines(store, TODAY.date(), 365, work_queue.DUPLICATE)
    assert line.detail == ("same phone number (860) 456-2261: Windham Clinic, from the "
                           "kiosk's own directory")
    assert line.item_id is not None
    work_queue.not_duplicates(store, line.item_id, "AB")
    pantry = store.resource("211-windham-1")
    assert pantry is not None
    history.save_resource(store, pantry.with_changes(phones=(phone("(860) 423-9999"),)), "AB")
    import_feed(store, entry("211-windham-1", "Generations Clinic", "(860) 423-7777"))
    (line,) = freshness.lines(store, TODAY.date(), 365, work_queue.CONFLICT)
    assert line.detail.startswith("Phone: staff wrote ")
    assert "4239999; the feed now says " in line.detail and line.detail.endswith("4237777")


def test_not_duplicates(store: Store) -> None:
    import_feed(store, entry("211-windham-1", "Windham Clinic", "(860) 423-5555"))
    (line,) = work_queue.lines(store, work_queue.DUPLICATE)
    assert line.item_id is not None
    work_queue.not_duplicates(store, line.item_id, "AB")
    assert work_queue.lines(store, work_queue.DUPLICATE) == []
    assert store.resource("211-windham-1").active  # type: ignore[union-attr]


def test_entries_without_spanish_most_viewed_first(store: Store) -> None:
    import_feed(store, entry("211-windham-1", "Pantry", "(860) 423-1111"),
                entry("211-windham-2", "Shelter", "(860) 423-2222"))
    for _ in range(3):
        usage.count(store, "resource", "211-windham-2")
    usage.count(store, "resource", "211-windham-1")
    lines = work_queue.lines(store, work_queue.NEEDS_SPANISH)
    assert [line.resource_id for line in lines] == ["211-windham-2", "211-windham-1"]
    assert lines[0].detail == "from 211-windham: the text is in English only; viewed 3 times"
    assert "clinic" not in [line.resource_id for line in lines]  # it has its Spanish
    counts = work_queue.counts(store)
    assert counts == {"conflict": 0, "duplicate": 0, "needs-category": 0, "needs-spanish": 2}
    pantry = store.resource("211-windham-1")
    assert pantry is not None
    assert pantry.english_only
    history.save_resource(store, pantry.with_changes(
        description=LocalText(pantry.description.en, "Comida gratis.")), "AB")
    assert [line.resource_id for line in work_queue.lines(store, work_queue.NEEDS_SPANISH)
            ] == ["211-windham-2"]


def test_the_queue_lists_conflicts_first(store: Store) -> None:
    import_feed(store, entry("211-windham-1", "Generations Clinic", "(860) 456-2261",
                             categories=()))
    kinds = [line.kind for line in work_queue.lines(store)]
    assert kinds == ["duplicate", "needs-category", "needs-spanish"]
    assert work_queue.lines(store, limit=1, kind="needs-spanish")[0].resource_id == \
        "211-windham-1"
