"""The directory's data: categories, resources and topics, as plain values.

Everything here is free of Qt and of the database so that the files, the store, the
printed sheets and the exchange formats all speak about the same objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any

from kiosk.directory.records import Record

LANGUAGES = ("en", "es")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PHONE_KINDS = ("voice", "text", "hotline", "tty")
COSTS = ("free", "sliding_scale", "insurance", "fee")
ACCESS = ("walk_in", "appointment", "call_first", "outreach")
STATUSES = ("active", "inactive")


def is_web_address(ref: str) -> bool:
    return ref.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class LocalText(Record):
    """A text a visitor reads, in English and (when written) in Spanish."""

    en: str = ""
    es: str = ""

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to English when that language is missing."""
        if lang == "es" and self.es:
            return self.es
        return self.en

    def __bool__(self) -> bool:
        return bool(self.en or self.es)

    @property
    def missing_spanish(self) -> bool:
        return bool(self.en) and not self.es

    def to_data(self) -> dict[str, str] | str:
        if self.en == self.es:
            return self.en
        out = {"en": self.en}
        if self.es:
            out["es"] = self.es
        return out

    @classmethod
    def from_data(cls, value: Any) -> LocalText:
        if value is None:
            return cls()
        if isinstance(value, str):
            return cls(value, value)
        return cls(str(value.get("en") or ""), str(value.get("es") or ""))


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Phone(Record):
    """A number to call or text. `number` is E.164 (`+18604562261`) or a short code (`211`)."""

    number: str
    display: str
    kind: str = "voice"
    label: LocalText = LocalText()
    hours: LocalText = LocalText()
    extension: str = ""
    message: str = ""

    @property
    def uri(self) -> str:
        """What a phone does with it: `tel:` to call, `sms:` to text."""
        if self.kind == "text":
            uri = f"sms:{self.number}"
            return f"{uri}?body={self.message}" if self.message else uri
        return f"tel:{self.number}" + (f";ext={self.extension}" if self.extension else "")


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Address(Record):
    """Where a place is: its street, town, state and ZIP code (empty when it has none)."""

    street: str = ""
    town: str = ""
    state: str = "CT"
    zip: str = ""

    def __bool__(self) -> bool:
        return bool(self.street or self.town or self.zip)

    def one_line(self) -> str:
        town = ", ".join(p for p in (self.town, f"{self.state} {self.zip}".strip()) if p)
        return ", ".join(p for p in (self.street, town) if p)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Area(Record):
    """Who a resource serves."""

    statewide: bool = False
    national: bool = False
    county: str = ""
    towns: tuple[str, ...] = ()

    def covers(self, town: str, county: str = "") -> bool:
        if self.statewide or self.national:
            return True
        if county and self.county and self.county.lower() == county.lower():
            return True
        return town.lower() in (t.lower() for t in self.towns)

    def to_data(self) -> dict[str, Any]:
        if self.national:
            return {"national": True}
        if self.statewide:
            return {"statewide": True}
        out: dict[str, Any] = {}
        if self.county:
            out["county"] = self.county
        if self.towns:
            out["towns"] = list(self.towns)
        return out


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Source(Record):
    """Where facts came from: an article, a file, a call, or a web page and the day it was
    read (a page changes, so a fact from it is only as good as the day someone looked)."""

    ref: str
    facts: tuple[str, ...] = ()
    note: str = ""
    read: dt.date | None = None

    @property
    def is_web_page(self) -> bool:
        return is_web_address(self.ref)

    def supports(self, fact: str) -> bool:
        """True when this source vouches for `fact` (a source naming no facts vouches for all)."""
        return not self.facts or fact in self.facts

    def to_data(self) -> dict[str, Any] | str:
        if not self.facts and not self.note and self.read is None:
            return self.ref
        out: dict[str, Any] = {"ref": self.ref}
        if self.read is not None:
            out["read"] = self.read
        if self.facts:
            out["facts"] = list(self.facts)
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Category(Record):
    """A visitor's way in: a tile on the home screen and the list behind it."""

    slug: str
    name: LocalText
    description: LocalText = LocalText()
    icon: str = ""
    position: int = 0
    hidden: bool = False
    sensitive: bool = False


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Resource(Record):
    """One entry of the directory: a service, what it offers, how to reach it and where
    its facts come from."""

    id: str
    name: LocalText
    categories: tuple[str, ...]
    description: LocalText
    sources: tuple[Source, ...]
    discreet_name: LocalText = LocalText()
    organization: str = ""
    phones: tuple[Phone, ...] = ()
    website: str = ""
    email: str = ""
    address: Address = Address()
    area: Area = Area()
    hours: Any = None  # kiosk.directory.hours.WeeklyHours, or None when unknown
    hours_note: LocalText = LocalText()
    cost: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    eligibility: LocalText = LocalText()
    access: tuple[str, ...] = ()
    confidentiality: LocalText = LocalText()
    tags: tuple[str, ...] = ()
    priority: int = 0
    status: str = "active"
    verified_on: dt.date | None = None
    verified_by: str = ""
    review_notes: str = ""
    # Which source the entry belongs to (the bundled directory, staff, or a named import;
    # see kiosk.directory.sources); empty when not said, and the store then keeps the one
    # it has. The day the entry left its source's feed (it is kept, hidden from visitors).
    # Neither is the entry's content, so two entries that say the same are equal wherever
    # they come from; code that cares compares them itself.
    source: str = field(default="", compare=False)
    retired_on: dt.date | None = field(default=None, compare=False)

    @property
    def active(self) -> bool:
        """Shown to visitors: not hidden by staff, not retired from its feed."""
        return self.status == "active" and self.retired_on is None

    @property
    def main_phone(self) -> Phone | None:
        return self.phones[0] if self.phones else None

    @property
    def town(self) -> str:
        """The town to show in a list: where it is, or who it serves."""
        if self.address.town:
            return self.address.town
        if len(self.area.towns) == 1:
            return self.area.towns[0]
        return ""

    @property
    def is_free(self) -> bool:
        return "free" in self.cost

    @property
    def speaks_spanish(self) -> bool:
        return "es" in self.languages

    def missing_spanish(self) -> bool:
        texts = (self.name, self.description, self.eligibility, self.confidentiality,
                 self.hours_note, self.discreet_name)
        return any(t.missing_spanish for t in texts) or any(
            p.label.missing_spanish or p.hours.missing_spanish for p in self.phones
        )

    @property
    def english_only(self) -> bool:
        """Its description has no Spanish (as published directories mostly have none): a
        Spanish reader is told so, in Spanish."""
        return self.description.missing_spanish

    def with_changes(self, **changes: Any) -> Resource:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Topic(Record):
    """A page of plain facts to read (rights, health), with entries that help with it."""

    slug: str
    title: LocalText
    body: LocalText
    summary: LocalText = LocalText()
    position: int = 0
    sensitive: bool = False
    related: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    verified_on: dt.date | None = None
    verified_by: str = ""
    review_notes: str = ""

    def missing_spanish(self) -> bool:
        return any(t.missing_spanish for t in (self.title, self.body, self.summary))


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class DirectoryInfo(Record):
    """What a directory says of itself: its name, its region and when it was published."""

    name: str = ""
    region: str = ""
    published: dt.date | None = None


@dataclass(slots=True)
class Directory:
    """A whole directory, as read from files or from the database."""

    info: DirectoryInfo = field(default_factory=DirectoryInfo)
    categories: list[Category] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)

    def category_slugs(self) -> set[str]:
        return {c.slug for c in self.categories}


def field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]
