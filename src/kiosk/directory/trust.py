"""How far a visitor can trust an entry's way to reach it, decided once for every screen and
sheet.

A wrong number sends a person in crisis nowhere, so the kiosk says plainly where each entry's
contact details come from, in four levels a visitor can tell apart:

- `STAFF`: staff checked the entry (`verified_on`, `verified_by`);
- `PUBLISHED`: an official web page (the organisation's own, the state's or the town's) vouches
  for its phones, or for its address when it has no phone, or for its name when it has
  neither, and says on which day it was read;
- `DIRECTORY`: the entry came in with a community directory the kiosk imported (a 2-1-1
  export, say), named by `Trust.origin`, and nothing better vouches for it;
- `ARTICLE`: nothing better than an article or a file vouches for them.

Below the staff level an entry with a number says "call first" before anyone travels, except
the national emergency and crisis lines, which are always answered. An entry with no phone is
never shown as if it had one: `reach` says how a visitor gets there instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.directory.model import Resource

STAFF = "staff"
PUBLISHED = "published"
DIRECTORY = "directory"
ARTICLE = "article"
LEVELS = (STAFF, PUBLISHED, DIRECTORY, ARTICLE)

# Sources that are the kiosk's own: anything else is a directory imported by name.
OWN_SOURCES = frozenset({"", "bundled", "staff"})

# 911, the 988 Suicide & Crisis Lifeline and 2-1-1: short codes answered day and night
# everywhere in Connecticut, so a visitor never needs to be told to check them first.
NATIONAL_LINES = frozenset({"911", "988", "211"})

# How a visitor reaches an entry, best first.
BY_PHONE = "phone"
BY_ADDRESS = "address"
BY_OUTREACH = "outreach"
THROUGH_211 = "ask-211"


@dataclass(frozen=True, slots=True)
class Trust:
    level: str
    date: dt.date | None = None  # the day staff checked it, or the day the page was read
    by: str = ""  # who checked it (staff level only)
    pages: tuple[str, ...] = ()  # the web pages that vouch for the way to reach it
    reach: str = THROUGH_211
    call_first: bool = False
    origin: str = ""  # the imported directory it came with (directory level only)

    @property
    def reachable(self) -> bool:
        """True when the entry itself gives a phone or a street address."""
        return self.reach in (BY_PHONE, BY_ADDRESS)


def reachable(r: Resource) -> bool:
    """A phone, or a street address to walk to: what `kiosk stats` counts."""
    return bool(r.phones) or bool(r.address.street)


def is_national_line(r: Resource) -> bool:
    main = r.main_phone
    return main is not None and main.number in NATIONAL_LINES


def how_to_reach(r: Resource) -> str:
    if r.phones:
        return BY_PHONE
    if r.address.street:
        return BY_ADDRESS
    if "outreach" in r.access:
        return BY_OUTREACH
    return THROUGH_211


def trust(r: Resource) -> Trust:
    """The trust level of `r` and what follows from it for the screen and the sheet."""
    reach = how_to_reach(r)
    # Without a phone or an address, a page must at least vouch that the place is what its
    # name says.
    fact = {BY_PHONE: "phones", BY_ADDRESS: "address"}.get(reach, "name")
    pages = [s for s in r.sources if s.is_web_page and s.read is not None and s.supports(fact)]
    warn = reach == BY_PHONE and not is_national_line(r)
    if r.verified_on is not None:
        return Trust(STAFF, r.verified_on, r.verified_by, tuple(s.ref for s in pages), reach,
                     call_first=False)
    if pages:
        newest = max(s.read for s in pages if s.read is not None)
        return Trust(PUBLISHED, newest, "", tuple(s.ref for s in pages), reach, warn)
    if r.source not in OWN_SOURCES:
        return Trust(DIRECTORY, None, "", (), reach, warn, origin=r.source)
    return Trust(ARTICLE, None, "", (), reach, warn)
