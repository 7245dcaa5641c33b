"""Many sources in one directory: refreshing one leaves the others, staff edits survive a
refresh, a field both changed goes to review, entries that leave the feed are retired,
removals need a yes, and everything an import did can be undone."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.directory import review, schema
from kiosk.directory.importer import RemovalsNotAllowed, apply_import, plan_import
from kiosk.directory.merge import Conflict, merge
from kiosk.directory.model import Category, Directory, LocalText, Resource, Source
from kiosk.directory.sources import list_sources, remove_source
from kiosk.directory.store import Store
from kiosk.staff import history
from tests.staff.helpers import phone

TODAY = dt.datetime(2026, 11, 23, 10, 0)


def entry(rid: str, name: str, number: str = "(860) 456-2261", town: str = "Windham",
          categories: tuple[str, ...] = ("health",), description: str = "Free tests.",
          source: str = "") -> Resource:
    from kiosk.directory.model import Address

    return Resource(id=rid, name=LocalText(name, ""), categories=categories,
                    description=LocalText(description, ""), sources=(Source("feed"),),
                    phones=(phone(number),), address=Address("1 Main St", town, "CT", "06226"),
                    source=source)


CATEGORIES = [Category("health", LocalText("Health", "Salud")),
              Category("legal", LocalText("Legal help", "Ayuda legal"))]


def feed(*resources: Resource) -> Directory:
    return Directory(categories=CATEGORIES, resources=list(resources))


@pytest.fixture
def kiosk() -> Store:
    """A kiosk with its bundled directory (two entries) and one staff entry."""
    store = Store.memory(lambda: TODAY)
    apply_import(store, feed(entry("clinic", "Windham Clinic"),
                             entry("aid", "Legal Aid", "(860) 423-0100", categories=("legal",))),
                 who="kiosk", source="bundled", kind="bundled")
    history.save_resource(store, entry("staff-made", "Drop-in Center", "(860) 456-3000"),
                          "AB", "new")
    return store


def import_feed(store: Store, *resources: Resource, name: str = "211-windham",
                allow: bool = False) -> str:
    directory = Directory(resources=list(resources))
    plan = plan_import(store, directory, source=name, categories=False, topics=False)
    return apply_import(store, directory, who="test", source=f"/usb/{name}", kind="hsds",
                        plan=plan, source_name=name, allow_removals=allow).batch


FEED = (entry("211-windham-1", "Food Pantry", "(860) 423-1111", description="Groceries."),
        entry("211-windham-2", "Counseling", "(860) 423-2222", description="Talk to us."))


def test_an_import_is_a_source_beside_the_others(kiosk: Store) -> None:
    import_feed(kiosk, *FEED)
    sources = {s.name: s for s in list_sources(kiosk)}
    assert [s.name for s in list_sources(kiosk)] == ["bundled", "staff", "211-windham"]
    assert (sources["bundled"].entries, sources["staff"].entries,
            sources["211-windham"].entries) == (2, 1, 2)
    assert sources["211-windham"].kind == "hsds"
    assert sources["211-windham"].location == "/usb/211-windham"
    assert sources["211-windham"].refreshed_at == TODAY.isoformat(timespec="seconds")
    assert kiosk.resource("clinic") is not None and kiosk.resource("staff-made") is not None
    assert kiosk.resource("211-windham-1").source == "211-windham"  # type: ignore[union-attr]
    assert kiosk.resource("staff-made").source == "staff"  # type: ignore[union-attr]


def test_importing_the_same_package_twice_changes_nothing(kiosk: Store) -> None:
    import_feed(kiosk, *FEED)
    before = (kiosk.directory(), kiosk.db.execute("select count(*) from changes").fetchone())
    plan = plan_import(kiosk, Directory(resources=list(FEED)), source="211-windham",
                       categories=False, topics=False)
    assert not plan.has_changes
    assert plan.sources["211-windham"].unchanged == 2
    assert (kiosk.directory(), kiosk.db.execute("select count(*) from changes").fetchone()) \
        == before


def test_a_staff_edit_survives_a_refresh_that_changes_other_fields(kiosk: Store) -> None:
    import_feed(kiosk, *FEED)
    pantry = kiosk.resource("211-windham-1")
    assert pantry is not None
    # Staff correct the phone, add Spanish, and check it today.
    history.save_resource(kiosk, pantry.with_changes(
        phones=(phone("(860) 423-9999"),), description=LocalText("Groceries.", "Comida."),
        verified_on=TODAY.date(), verified_by="AB"), "AB")
    # The feed changes the name; the phone and description are as before.
    renamed = FEED[0].with_changes(name=LocalText("Town Food Pantry", ""))
    import_feed(kiosk, renamed, FEED[1])
    after = kiosk.resource("211-windham-1")
    assert after is not None
    assert after.name.en == "Town Food Pantry"
    assert after.phones[0].display == "(860) 423-9999"
    assert after.description == LocalText("Groceries.", "Comida.")
    assert (after.verified_on, after.verified_by) == (TODAY.date(), "AB")
    assert review.open_items(kiosk, review.CONFLICT) == []
    # And again the same package: nothing changes, the edit stays.
    plan = plan_import(kiosk, Directory(resources=[renamed, FEED[1]]), source="211-windham",
                       categories=False, topics=False)
    assert not plan.has_changes


def test_a_field_both_changed_keeps_the_staff_value_and_asks(kiosk: Store) -> None:
    import_feed(kiosk, *FEED)
    pantry = kiosk.resource("211-windham-1")
    assert pantry is not None
    history.save_resource(kiosk, pantry.with_changes(phones=(phone("(860) 423-9999"),)), "AB")
    moved = FEED[0].with_changes(phones=(phone("(860) 423-7777"),))
    batch = import_feed(kiosk, moved, FEED[1])
    after = kiosk.resource("211-windham-1")
    assert after is not None and after.phones[0].display == "(860) 423-9999"
    (item,) = review.open_items(kiosk, review.CONFLICT)
    assert (item.resource_id, item.field, item.batch) == ("211-windham-1", "phones", batch)
    assert item.ours[0]["display"] == "(860) 423-9999"
    assert item.theirs[0]["display"] == "(860) 423-7777"
    # The same feed again does not ask twice.
    import_feed(kiosk, moved, FEED[1])
    assert len(review.open_items(kiosk, review.CONFLICT)) == 1


def test_an_entry_that_leaves_the_feed_is_retired_with_a_notice_and_comes_back(
        kiosk: Store) -> None:
    import_feed(kiosk, *FEED)
    with pytest.raises(RemovalsNotAllowed) as refused:
        import_feed(kiosk, FEED[0])  # half of the source would go
    assert refused.value.lines == ["1 of the 2 entries of 211-windham are not in these "
                                   "files; they would be retired (hidden from visitors)."]
    assert kiosk.resource("211-windham-2").retired_on is None  # type: ignore[union-attr]
    import_feed(kiosk, FEED[0], allow=True)
    gone = kiosk.resource("211-windham-2")
    assert gone is not None and gone.retired_on == TODAY.date() and not gone.active
    assert "211-windham-2" not in kiosk.list_ids(None)
    assert "211-windham-2" not in [r.id for r in kiosk.directory().resources]
    (notice,) = [r[0] for r in kiosk.db.execute("select text from notices")]
    assert notice.startswith("1 entries of 211-windham are no longer in its feed, so they "
                             "were retired") and "Counseling" in notice
    import_feed(kiosk, *FEED)
    back = kiosk.resource("211-windham-2")
    assert back is not None and back.retired_on is None and back.active


def test_staff_entries_are_never_retired_by_an_import(kiosk: Store) -> None:
    plan = plan_import(kiosk, Directory(resources=[entry("other", "Other", source="staff")]),
                       categories=False, topics=False)
    assert plan.sources["staff"].new == ["other"]
    assert plan.sources["staff"].retired == []


def test_an_id_held_by_another_source_is_not_taken(kiosk: Store) -> None:
    plan = plan_import(kiosk, Directory(resources=[entry("clinic", "Clinic")]),
                       source="211-windham", categories=False, topics=False)
    assert plan.sources["211-windham"].taken == {"clinic": "bundled"}
    assert "Not imported: clinic is already an entry of bundled" in plan.lines()
    assert plan.writes == {}


def test_duplicates_across_sources_are_found_by_phone_and_by_name(kiosk: Store) -> None:
    same_phone = entry("211-windham-9", "Generations Health", "(860) 456-2261")
    same_name = entry("211-windham-8", "Windham Clinic", "(860) 423-5555")
    elsewhere = entry("211-windham-7", "Windham Clinic", "(203) 555-0123", town="Hartford")
    import_feed(kiosk, same_phone, same_name, elsewhere)
    pairs = {(i.resource_id, i.other_id, i.detail)
             for i in review.open_items(kiosk, review.DUPLICATE)}
    assert pairs == {("211-windham-9", "clinic", "same phone number (860) 456-2261"),
                     ("211-windham-8", "clinic", "similar name in Windham")}
    # Never merged: both entries are there, shown.
    assert kiosk.resource("clinic").active and kiosk.resource("211-windham-8").active  # type: ignore[union-attr]


def test_names_are_compared_without_accents_case_or_filler_words() -> None:
    assert review.name_words("Clínica Hispana & Services") == {"clinica", "hispana"}
    assert review.name_words("CLINICA hispana and the Center") == {"clinica", "hispana"}
    assert review.name_words("Niños") == review.name_words("ninos") == {"ninos"}


def test_undoing_an_import_puts_back_entries_and_the_feed_s_version(kiosk: Store) -> None:
    import_feed(kiosk, *FEED)
    pantry = kiosk.resource("211-windham-1")
    assert pantry is not None
    history.save_resource(kiosk, pantry.with_changes(phones=(phone("(860) 423-9999"),)), "AB")
    kept = kiosk.feed_record("211-windham-1")
    assert kept is not None
    before = kiosk.directory(include_retired=True)
    batch = import_feed(kiosk, FEED[0].with_changes(name=LocalText("Renamed", "")),
                        allow=True)
    assert kiosk.feed_record("211-windham-1") != kept
    assert kiosk.resource("211-windham-2").retired_on is not None  # type: ignore[union-attr]
    history.undo_import(kiosk, batch, "AB")
    assert kiosk.directory(include_retired=True) == before
    assert kiosk.resource("211-windham-2").retired_on is None  # type: ignore[union-attr]
    assert kiosk.feed_record("211-windham-1") == kept
    # Importing the same package again applies it again (the undo did not stick).
    plan = plan_import(kiosk, Directory(resources=[
        FEED[0].with_changes(name=LocalText("Renamed", ""))]), source="211-windham",
        categories=False, topics=False)
    assert plan.sources["211-windham"].changed == {"211-windham-1": ["name"]}


def test_removing_a_source_takes_only_its_entries_and_can_be_undone(kiosk: Store) -> None:
    import_feed(kiosk, *FEED)
    before = kiosk.directory()
    batch = remove_source(kiosk, "211-windham", who="AB", backup="/b.db")
    assert sorted(r.id for r in kiosk.directory().resources) == ["aid", "clinic", "staff-made"]
    assert "211-windham" not in [s.name for s in list_sources(kiosk)]
    kind, backup = kiosk.db.execute("select kind, backup from imports where id = ?",
                                    [batch]).fetchone()
    assert (kind, backup) == ("remove-source", "/b.db")
    history.undo_import(kiosk, batch, "AB")
    assert sorted(r.id for r in kiosk.directory().resources) == sorted(
        r.id for r in before.resources)
    assert kiosk.resource("211-windham-1").source == "211-windham"  # type: ignore[union-attr]


def test_removing_a_category_needs_a_yes_and_leaves_other_sources_without_it(
        kiosk: Store) -> None:
    import_feed(kiosk, entry("211-windham-5", "Lawyers", categories=("legal",)))
    smaller = Directory(categories=CATEGORIES[:1],
                        resources=[entry("clinic", "Windham Clinic"),
                                   entry("aid", "Legal Aid", "(860) 423-0100")])
    plan = plan_import(kiosk, smaller)
    assert plan.removals() == ["1 categories would be removed: legal."]
    with pytest.raises(RemovalsNotAllowed):
        apply_import(kiosk, smaller, who="t", source="t", plan=plan, allow_removals=False)
    apply_import(kiosk, smaller, who="t", source="t", plan=plan)
    lawyers = kiosk.resource("211-windham-5")
    assert lawyers is not None and lawyers.categories == ()
    assert kiosk.category("legal") is None


def test_an_import_with_a_small_share_of_removals_needs_no_yes(kiosk: Store) -> None:
    many = [entry(f"211-windham-{i}", f"Service {i}", f"(860) 423-{1000 + i}")
            for i in range(20)]
    import_feed(kiosk, *many)
    import_feed(kiosk, *many[1:])  # one of twenty: 5%
    assert kiosk.resource("211-windham-0").retired_on == TODAY.date()  # type: ignore[union-attr]


def test_merge_takes_the_feed_s_changes_and_keeps_the_staff_s() -> None:
    base = entry("x", "Pantry", description="Food.")
    ours = base.with_changes(description=LocalText("Food.", "Comida."),
                             phones=(phone("(860) 423-9999"),))
    theirs = base.with_changes(name=LocalText("Town Pantry", ""),
                               description=LocalText("Food on Fridays.", ""),
                               phones=(phone("(860) 423-7777"),))
    merged, conflicts = merge(base, ours, theirs)
    assert merged.name.en == "Town Pantry"
    assert merged.description == LocalText("Food on Fridays.", "Comida.")
    assert merged.phones == ours.phones
    assert conflicts == [Conflict("x", "phones", ours.phones, theirs.phones)]
    same, none = merge(base, theirs, theirs)
    assert same == theirs and none == []


def test_a_staff_change_to_a_bundled_entry_survives_a_yaml_refresh(kiosk: Store) -> None:
    clinic = kiosk.resource("clinic")
    assert clinic is not None
    history.save_resource(kiosk, clinic.with_changes(review_notes="Called them."), "AB")
    refreshed = feed(entry("clinic", "Windham Clinic", "(860) 456-0000"),
                     entry("aid", "Legal Aid", "(860) 423-0100", categories=("legal",)))
    apply_import(kiosk, refreshed, who="t", source="files")
    after = kiosk.resource("clinic")
    assert after is not None
    assert after.phones[0].display == "(860) 456-0000" and after.review_notes == "Called them."


# -- the migration ------------------------------------------------------------------------------

def test_the_sources_migration_gives_every_entry_its_source(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.db")
    schema.migrations.apply(db, stop_before="m007_sources")
    rows = [("clinic", '[{"ref": "seeds/000.txt"}]'),
            ("s-1", '[{"ref": "services.csv", "note": "HSDS service id S-1"}]'),
            ("mine", '[{"ref": "called them"}]')]
    for rid, sources in rows:
        db.table("resources").insert({"id": rid, "name_en": rid, "status": "active",
                                      "sources": sources, "digest": "x"})
    db.table("changes").insert({"at": "2026-01-01T00:00:00", "who": "AB", "action": "new",
                                "entity": "resource", "entity_id": "mine",
                                "before": None, "after": "{}", "fields": "[]", "batch": ""})
    db.table("imports").insert({"id": "b1", "at": "2026-02-01T00:00:00", "who": "x",
                                "source": "/media/usb/Windham 211 Export/", "kind":
                                "hsds-legacy-csv", "summary": "{}", "undone": 0})
    store = Store(db)
    assert schema.pending(db) == []
    got = dict(db.execute("select id, source from resources").fetchall())
    assert got == {"clinic": "bundled", "s-1": "windham-211-export", "mine": "staff"}
    names = {s.name: s for s in list_sources(store)}
    assert set(names) == {"bundled", "staff", "windham-211-export"}
    assert names["windham-211-export"].location == "/media/usb/Windham 211 Export/"
    # Digests are worked out again, as the planner makes them: the first import after the
    # upgrade sees no change that is not there.
    from kiosk.directory import rows

    for resource in store.resources():
        stored = db.execute("select digest from resources where id = ?",
                            [resource.id]).fetchone()[0]
        assert stored == rows.resource_row(resource)["digest"]


def test_feed_records_and_review_items_start_empty_from_every_earlier_version(
        tmp_path: Path) -> None:
    names = [m.name for m in schema.migrations._migrations]
    for i, name in enumerate(names):
        db = Database(tmp_path / f"v{i}.db")
        schema.migrations.apply(db, stop_before=name)
        Store(db)
        for table in ("sources", "feed_records", "review_items"):
            assert db.table(table).exists()
        assert {"source", "retired_on"} <= set(db.table("resources").columns_dict)
        assert [s.name for s in list_sources(Store(db))] == ["bundled", "staff"]


def test_a_retired_entry_keeps_its_status_for_when_it_comes_back(kiosk: Store) -> None:
    import_feed(kiosk, *FEED)
    history.set_active(kiosk, "211-windham-2", False, "AB")  # staff hid it
    import_feed(kiosk, FEED[0], allow=True)
    import_feed(kiosk, *FEED)
    back = kiosk.resource("211-windham-2")
    assert back is not None and back.retired_on is None and back.status == "inactive"
    assert replace(back, status="active").active


def test_a_kiosk_upgraded_with_its_directory_sees_no_change_in_the_same_files(
        tmp_path: Path) -> None:
    from kiosk.directory import rows
    from kiosk.directory.files import read_directory
    from kiosk.paths import BUNDLED_DATA

    directory = read_directory(BUNDLED_DATA)
    db = Database(tmp_path / "old.db")
    schema.migrations.apply(db, stop_before="m007_sources")
    for c in directory.categories:
        db.table("categories").insert(rows.category_row(c))
    for r in directory.resources:
        row = rows.resource_row(r)
        for key in ("source", "retired_on"):
            row.pop(key)
        db.table("resources").insert({**row, "digest": "made-by-an-older-version"})
        db.table("resource_categories").insert_all(
            {"resource_id": r.id, "category": c, "position": i}
            for i, c in enumerate(r.categories))
    for t in directory.topics:
        db.table("topics").insert({**rows.topic_row(t), "digest": "older"})
    store = Store(db)
    assert not plan_import(store, directory).has_changes
    # The search index still finds every entry (its trigger was set aside, not lost).
    from kiosk.directory.search import search

    assert search(store, directory.resources[0].name.en, "en")
    assert db.execute("select count(*) from sqlite_master where name = 'resources_au'"
                      ).fetchone()[0] == 1
