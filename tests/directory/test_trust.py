"""The three trust levels, and when a visitor is told to call first."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.directory.model import Address, LocalText, Phone, Resource, Source
from kiosk.directory.trust import (
    ARTICLE,
    BY_ADDRESS,
    BY_OUTREACH,
    BY_PHONE,
    PUBLISHED,
    STAFF,
    THROUGH_211,
    reachable,
    trust,
)

ARTICLE_SOURCE = Source("seeds/000.txt", ("phones", "address"))
PAGE = "https://example.org/contact"
DEC_1 = dt.date(2026, 12, 1)


def phone(number: str = "+18605550100", display: str = "(860) 555-0100") -> Phone:
    return Phone(number, display)


def resource(*sources: Source, phones: tuple[Phone, ...] = (phone(),), street: str = "",
             access: tuple[str, ...] = (), **changes: object) -> Resource:
    r = Resource(id="place", name=LocalText("Place", "Lugar"), categories=("health",),
                 description=LocalText("A place.", "Un lugar."), sources=sources or
                 (ARTICLE_SOURCE,), phones=phones, address=Address(street, "Willimantic"),
                 access=access)
    return r.with_changes(**changes)


def test_staff_checked_wins_and_never_says_call_first() -> None:
    t = trust(resource(verified_on=dt.date(2026, 11, 23), verified_by="Ana"))
    assert (t.level, t.date, t.by, t.call_first) == (STAFF, dt.date(2026, 11, 23), "Ana", False)


def test_a_dated_page_that_vouches_for_the_phones_is_published() -> None:
    older = Source(PAGE, ("phones",), read=dt.date(2026, 6, 1))
    newer = Source("https://example.org/news", ("phones", "hours"), read=DEC_1)
    t = trust(resource(ARTICLE_SOURCE, older, newer))
    assert (t.level, t.date, t.reach) == (PUBLISHED, DEC_1, BY_PHONE)
    assert t.pages == (PAGE, "https://example.org/news")
    assert t.call_first  # an ordinary number, not yet checked by staff


def test_a_page_naming_no_facts_vouches_for_all_of_them() -> None:
    assert trust(resource(Source(PAGE, read=DEC_1))).level == PUBLISHED


def test_a_page_that_vouches_only_for_something_else_leaves_the_phone_at_article_level() -> None:
    t = trust(resource(ARTICLE_SOURCE, Source(PAGE, ("hours", "website"), read=DEC_1)))
    assert (t.level, t.date, t.pages, t.call_first) == (ARTICLE, None, (), True)


def test_an_article_alone_says_call_first() -> None:
    t = trust(resource())
    assert (t.level, t.call_first, t.reachable) == (ARTICLE, True, True)


@pytest.mark.parametrize("short", ["911", "988", "211"])
def test_national_emergency_and_crisis_lines_never_say_call_first(short: str) -> None:
    for r in (resource(phones=(phone(short, short),)),
              resource(Source(PAGE, ("phones",), read=DEC_1), phones=(phone(short, short),))):
        assert trust(r).call_first is False


def test_another_short_code_is_not_a_national_line() -> None:
    assert trust(resource(phones=(phone("233733", "233733"),))).call_first is True


def test_an_entry_without_a_phone_never_says_call_first_and_says_how_to_reach_it() -> None:
    walk = trust(resource(Source(PAGE, ("address",), read=DEC_1), phones=(),
                          street="433 Valley Street"))
    assert (walk.level, walk.reach, walk.call_first, walk.reachable) == (
        PUBLISHED, BY_ADDRESS, False, True)
    outreach = trust(resource(phones=(), access=("outreach",)))
    assert (outreach.reach, outreach.call_first, outreach.reachable) == (
        BY_OUTREACH, False, False)
    nothing = trust(resource(phones=()))
    assert (nothing.reach, nothing.call_first, nothing.reachable) == (THROUGH_211, False, False)


def test_without_phone_or_address_a_page_must_vouch_for_the_name() -> None:
    about = Source(PAGE, ("description",), read=DEC_1)
    assert trust(resource(about, phones=())).level == ARTICLE
    named = Source(PAGE, ("name", "description"), read=DEC_1)
    assert trust(resource(named, phones=())).level == PUBLISHED


def test_reachable_means_a_phone_or_a_street_address() -> None:
    assert reachable(resource())
    assert reachable(resource(phones=(), street="40 Main Street"))
    assert not reachable(resource(phones=()))  # a town alone is not an address


def test_stats_count_active_places_with_a_phone_or_street_address() -> None:
    from kiosk.directory.model import Category
    from kiosk.directory.store import Store

    store = Store.memory()
    store.write_category(Category("health", LocalText("Health", "Salud")))
    for rid, r in (("call", resource()), ("walk", resource(phones=(), street="1 Main St")),
                   ("none", resource(phones=())),
                   ("gone", resource(status="inactive"))):
        store.write_resource(r.with_changes(id=rid))
    counts = store.counts()
    assert counts["active resources"] == 3
    assert counts["active resources with a phone or street address"] == 2


def test_an_imported_entry_says_which_directory_it_came_from() -> None:
    from kiosk.directory.trust import DIRECTORY

    imported = resource(Source("211-windham"), source="211-windham")
    t = trust(imported)
    assert (t.level, t.origin, t.call_first) == (DIRECTORY, "211-windham", True)
    # The kiosk's own entries stay at the article level; a dated page or staff still win.
    assert trust(resource(source="bundled")).level == ARTICLE
    assert trust(resource(Source(PAGE, ("phones",), read=DEC_1),
                          source="211-windham")).level == PUBLISHED
    assert trust(imported.with_changes(verified_on=DEC_1, verified_by="AB")).level == STAFF
