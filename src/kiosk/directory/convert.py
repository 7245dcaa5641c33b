"""Plain data (as read from YAML) to directory objects and back, with every problem named.

`Reader` turns the parsed data of one file into model objects, collecting a `Problem` for
each field it cannot accept instead of stopping at the first, so that staff can fix a file in
one go. `to_data` is the exact inverse used when writing files.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

from kiosk.directory.hours import HoursError, WeeklyHours
from kiosk.directory.model import (
    ACCESS,
    COSTS,
    PHONE_KINDS,
    STATUSES,
    Address,
    Area,
    Category,
    DirectoryInfo,
    LocalText,
    Phone,
    Resource,
    Source,
    Topic,
    is_web_address,
)
from kiosk.directory.phones import PhoneError, display_number, parse_number
from kiosk.directory.problems import FieldPath, Problem, excerpt

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_NAME = SLUG
SPELT = re.compile(r"^\(\d{3}\) (?=[0-9-]*[A-Z]{3})[A-Z0-9]+(?:-[A-Z0-9]+)*$")
ZIP = re.compile(r"^\d{5}(?:-\d{4})?$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WEBSITE = re.compile(r"^(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$")

CATEGORY_FIELDS = ("slug", "name", "description", "icon", "position", "hidden", "sensitive")
RESOURCE_FIELDS = (
    "id", "name", "discreet_name", "organization", "categories", "description", "phones",
    "website", "email", "address", "area", "hours", "hours_note", "cost", "languages",
    "eligibility", "access", "confidentiality", "tags", "priority", "status", "sources",
    "verified_on", "verified_by", "review_notes", "source", "retired_on",
)
TOPIC_FIELDS = (
    "slug", "title", "summary", "body", "position", "sensitive", "related", "categories",
    "sources", "verified_on", "verified_by", "review_notes",
)
PHONE_FIELDS = ("number", "label", "kind", "hours", "message")
ADDRESS_FIELDS = ("street", "town", "state", "zip")
AREA_FIELDS = ("statewide", "national", "county", "towns")
SOURCE_FIELDS = ("ref", "read", "facts", "note")
INFO_FIELDS = ("name", "region", "published")


# The longest text each kind of field may hold, in characters. Generous for real entries
# (a long description is 2,000), and small enough that no field can fill a screen, a sheet
# or the memory of the kiosk.
MAX_ID = 100
MAX_SHORT = 300  # names, labels, towns, words
MAX_LONG = 20_000  # descriptions, notes, eligibility
MAX_BODY = 100_000  # a topic's body
MAX_ITEMS = 200  # entries in any one list (phones, categories, tags, towns, sources)
MAX_NUMBER = 1_000_000  # positions and priorities: far below SQLite's 2^63
LONG_FIELDS = {"description", "eligibility", "confidentiality", "hours_note", "summary",
               "review_notes", "note", "message", "ref"}
# The same characters the YAML loader refuses (kiosk.directory.files), for data that
# comes by another way (HSDS CSV and JSON).
CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]")


def limit_of(key: str) -> int:
    if key == "body":
        return MAX_BODY
    return MAX_LONG if key in LONG_FIELDS else MAX_SHORT


class Reader:
    """Reads one file's data; problems accumulate in `problems`.

    `checked_characters` says the loader already refused control and bidirectional
    characters in every text (the YAML loader does; data from elsewhere is checked here).
    `published` relaxes two rules for services read from another system's directory: they
    may come without a kiosk category (staff are asked to give one) and without a
    description. Everything else is checked the same.
    """

    def __init__(self, file: Path | None = None, checked_characters: bool = False,
                 published: bool = False) -> None:
        self.file = file
        self.published = published
        self.problems: list[Problem] = []
        self._control = None if checked_characters else CONTROL_CHARACTERS.search

    def problem(self, path: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.file, path, message))

    def _checked(self, value: str, path: FieldPath, limit: int) -> str:
        """`value` when its length and characters are acceptable, else "" and a problem."""
        if len(value) > limit:
            self.problem(path, f"is {len(value):,} characters long; at most {limit:,} are "
                               "allowed here")
            return ""
        if self._control is not None:
            found = self._control(value)
            if found:
                self.problem(path, f"holds the character U+{ord(found.group()):04X}, which "
                                   "could hide or reorder the text; delete it")
                return ""
        return value

    # -- small field readers -------------------------------------------------------------

    def mapping(self, value: Any, path: FieldPath, allowed: tuple[str, ...]) -> dict | None:
        if not isinstance(value, dict):
            self.problem(path, f"should be a mapping of fields, not {_kind(value)}")
            return None
        for key in value:
            if key not in allowed:
                name = excerpt(str(key))
                hint = difflib.get_close_matches(name, allowed, n=1)
                extra = f'; did you mean "{hint[0]}"?' if hint else ""
                self.problem((*path, name), f"is not a known field{extra}")
        return value

    def text(self, data: dict, key: str, path: FieldPath, required: bool = False) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem((*path, key), "is required")
            return ""
        if isinstance(value, bool | dict | list | tuple | set):
            self.problem((*path, key), f"should be text, not {_kind(value)}")
            return ""
        text = value if isinstance(value, str) else str(value)
        return self._checked(text.strip(), (*path, key), limit_of(key))

    def local(self, data: dict, key: str, path: FieldPath, required: bool = False) -> LocalText:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem((*path, key), "is required (in English at least)")
            return LocalText()
        limit = limit_of(key)
        if isinstance(value, str):
            text = self._checked(value.strip(), (*path, key), limit)
            return LocalText(text, text)
        if isinstance(value, dict):
            for lang in value:
                if lang not in ("en", "es"):
                    self.problem((*path, key, excerpt(str(lang))),
                                 'is not a language; use "en" or "es"')
            en, es = value.get("en"), value.get("es")
            before = len(self.problems)
            for lang, given in (("en", en), ("es", es)):
                if given is not None and not isinstance(given, str):
                    self.problem((*path, key, lang), f"should be text, not {_kind(given)}")
            en = self._checked(en.strip(), (*path, key, "en"), limit) \
                if isinstance(en, str) else ""
            es = self._checked(es.strip(), (*path, key, "es"), limit) \
                if isinstance(es, str) else ""
            if not en and (required or es) and len(self.problems) == before:
                self.problem((*path, key, "en"), "the English text is missing")
            return LocalText(en, es)
        self.problem((*path, key), f"should be text or an en/es mapping, not {_kind(value)}")
        return LocalText()

    def boolean(self, data: dict, key: str, path: FieldPath) -> bool:
        value = data.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem((*path, key), f"should be true or false, not {_kind(value)}")
            return False
        return value

    def integer(self, data: dict, key: str, path: FieldPath) -> int:
        value = data.get(key, 0)
        if value is None:
            return 0
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem((*path, key), f"should be a whole number, not {_kind(value)}")
            return 0
        if not -MAX_NUMBER <= value <= MAX_NUMBER:
            self.problem((*path, key), f"should be a whole number from -{MAX_NUMBER:,} to "
                                       f"{MAX_NUMBER:,}")
            return 0
        return value

    def words(self, data: dict, key: str, path: FieldPath,
              choices: tuple[str, ...] | None = None, ids: bool = False) -> tuple[str, ...]:
        """A list of short texts; `ids` lists (categories, related) take only text, since
        a number there is a typing slip (`0x1F` would become 31)."""
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem((*path, key), f"should be a list, not {_kind(value)}")
            return ()
        if len(value) > MAX_ITEMS:
            self.problem((*path, key), f"has {len(value):,} entries; at most {MAX_ITEMS} are "
                                       "allowed")
            return ()
        out = []
        kinds = str if ids else str | int
        for i, item in enumerate(value):
            if not isinstance(item, kinds) or isinstance(item, bool) or item == "":
                self.problem((*path, key, i), f"should be text, not {_kind(item)}")
                continue
            item = self._checked(str(item).strip(), (*path, key, i), MAX_ID if ids else MAX_SHORT)
            if not item:
                continue
            if choices and item not in choices:
                self.problem((*path, key, i),
                             f'"{excerpt(item)}" is not one of {", ".join(choices)}')
                continue
            out.append(item)
        return tuple(out)

    def date(self, data: dict, key: str, path: FieldPath) -> dt.date | None:
        value = data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.problem((*path, key), f"{_kind(value)} is not a date; write it as 2026-11-23")
        return None

    def slug(self, data: dict, key: str, path: FieldPath) -> str:
        """An id or a slug: text in the documented form, never a number or a list."""
        value = data.get(key)
        if value is None or value == "":
            self.problem((*path, key), "is required")
            return ""
        if not isinstance(value, str):
            self.problem((*path, key), f'should be text such as "windham-clinic", not '
                                       f"{_kind(value)} (put it in quotes if it is right)")
            return ""
        value = self._checked(value.strip(), (*path, key), MAX_ID)
        if value and not SLUG.match(value):
            self.problem((*path, key),
                         f'"{excerpt(value)}" may hold only lowercase letters, digits and -')
            return ""
        return value

    # -- records ---------------------------------------------------------------------------

    def info(self, value: Any, path: FieldPath) -> DirectoryInfo:
        data = self.mapping(value, path, INFO_FIELDS)
        if data is None:
            return DirectoryInfo()
        return DirectoryInfo(
            name=self.text(data, "name", path),
            region=self.text(data, "region", path),
            published=self.date(data, "published", path),
        )

    def category(self, value: Any, path: FieldPath) -> Category | None:
        data = self.mapping(value, path, CATEGORY_FIELDS)
        if data is None:
            return None
        return Category(
            slug=self.slug(data, "slug", path),
            name=self.local(data, "name", path, required=True),
            description=self.local(data, "description", path),
            icon=self.text(data, "icon", path),
            position=self.integer(data, "position", path),
            hidden=self.boolean(data, "hidden", path),
            sensitive=self.boolean(data, "sensitive", path),
        )

    def phone(self, value: Any, path: FieldPath) -> Phone | None:
        if isinstance(value, str | int) and not isinstance(value, bool):
            value = {"number": str(value)}
        data = self.mapping(value, path, PHONE_FIELDS)
        if data is None:
            return None
        raw = self.text(data, "number", path, required=True)
        kind = self.text(data, "kind", path) or "voice"
        if kind not in PHONE_KINDS:
            self.problem((*path, "kind"),
                         f'"{excerpt(kind)}" is not one of {", ".join(PHONE_KINDS)}')
        if not raw:
            return None
        try:
            parsed = parse_number(raw, words=self.published or bool(SPELT.match(raw)))
        except PhoneError as error:
            self.problem((*path, "number"), f"{error}.")
            return None
        return Phone(
            number=parsed.number,
            display=parsed.display,
            kind=kind,
            label=self.local(data, "label", path),
            hours=self.local(data, "hours", path),
            extension=parsed.extension,
            message=self.text(data, "message", path),
        )

    def address(self, value: Any, path: FieldPath) -> Address:
        if value is None:
            return Address()
        data = self.mapping(value, path, ADDRESS_FIELDS)
        if data is None:
            return Address()
        zip_code = self.text(data, "zip", path)
        if zip_code and not ZIP.match(zip_code):
            self.problem((*path, "zip"), f'"{excerpt(zip_code)}" is not a ZIP code like 06226')
        state = self.text(data, "state", path) or "CT"
        return Address(self.text(data, "street", path), self.text(data, "town", path),
                       state, zip_code)

    def area(self, value: Any, path: FieldPath) -> Area:
        if value is None:
            return Area()
        data = self.mapping(value, path, AREA_FIELDS)
        if data is None:
            return Area()
        return Area(
            statewide=self.boolean(data, "statewide", path),
            national=self.boolean(data, "national", path),
            county=self.text(data, "county", path),
            towns=self.words(data, "towns", path),
        )

    def sources(self, data: dict, path: FieldPath, required: bool) -> tuple[Source, ...]:
        value = data.get("sources")
        if not value:
            if required:
                self.problem((*path, "sources"), "is required: say where the facts came from")
            return ()
        if not isinstance(value, list):
            self.problem((*path, "sources"), f"should be a list, not {_kind(value)}")
            return ()
        if len(value) > MAX_ITEMS:
            self.problem((*path, "sources"), f"has {len(value):,} entries; at most "
                                             f"{MAX_ITEMS} are allowed")
            return ()
        out = []
        for i, item in enumerate(value):
            at = (*path, "sources", i)
            if isinstance(item, str) and item.strip():
                item = {"ref": item.strip()}
            source = self.mapping(item, at, SOURCE_FIELDS)
            if source is None:
                continue
            ref = self.text(source, "ref", at, required=True)
            read = self.date(source, "read", at)
            if ref and read is None and is_web_address(ref) and not source.get("read"):
                self.problem((*at, "read"), "a web page needs the day it was read, "
                                            "like read: 2026-12-01")
            if ref:
                out.append(Source(ref, self.words(source, "facts", at),
                                  self.text(source, "note", at), read))
        return tuple(out)

    def hours(self, value: Any, path: FieldPath) -> WeeklyHours | None:
        if value is None:
            return None
        try:
            return WeeklyHours.from_data(value)
        except HoursError as error:
            self.problem(path, f"{error}.")
            return None

    def resource(self, value: Any, path: FieldPath) -> Resource | None:
        data = self.mapping(value, path, RESOURCE_FIELDS)
        if data is None:
            return None
        phones_data = data.get("phones") or []
        phones: list[Phone] = []
        if not isinstance(phones_data, list):
            self.problem((*path, "phones"), f"should be a list, not {_kind(phones_data)}")
        elif len(phones_data) > MAX_ITEMS:
            self.problem((*path, "phones"), f"has {len(phones_data):,} entries; at most "
                                            f"{MAX_ITEMS} are allowed")
        else:
            for i, item in enumerate(phones_data):
                phone = self.phone(item, (*path, "phones", i))
                if phone:
                    phones.append(phone)
        source = self.text(data, "source", path)
        # An entry from an imported directory may be waiting for staff to give it a
        # category, or may have come without a description; one of the kiosk's own may not.
        published = self.published or source not in ("", "bundled", "staff")
        before = len(self.problems)
        categories = self.words(data, "categories", path, ids=True)
        if not categories and len(self.problems) == before and not published:
            self.problem((*path, "categories"), "is required: name at least one category")
        website = self.text(data, "website", path)
        if website and not WEBSITE.match(website):
            self.problem((*path, "website"), f'"{excerpt(website)}" is not a web address')
        email = self.text(data, "email", path)
        if email and not EMAIL.match(email):
            self.problem((*path, "email"), f'"{excerpt(email)}" is not an email address')
        status = self.text(data, "status", path) or "active"
        if status not in STATUSES:
            self.problem((*path, "status"),
                         f'"{excerpt(status)}" is not one of active, inactive')
        if source and not SOURCE_NAME.match(source):
            self.problem((*path, "source"),
                         f'"{excerpt(source)}" may hold only lowercase letters, digits and -')
        return Resource(
            id=self.slug(data, "id", path),
            name=self.local(data, "name", path, required=True),
            discreet_name=self.local(data, "discreet_name", path),
            organization=self.text(data, "organization", path),
            categories=categories,
            description=self.local(data, "description", path, required=not published),
            phones=tuple(phones),
            website=website,
            email=email,
            address=self.address(data.get("address"), (*path, "address")),
            area=self.area(data.get("area"), (*path, "area")),
            hours=self.hours(data.get("hours"), (*path, "hours")),
            hours_note=self.local(data, "hours_note", path),
            cost=self.words(data, "cost", path, COSTS),
            languages=self.words(data, "languages", path),
            eligibility=self.local(data, "eligibility", path),
            access=self.words(data, "access", path, ACCESS),
            confidentiality=self.local(data, "confidentiality", path),
            tags=self.words(data, "tags", path),
            priority=self.integer(data, "priority", path),
            status=status,
            sources=self.sources(data, path, required=True),
            verified_on=self.date(data, "verified_on", path),
            verified_by=self.text(data, "verified_by", path),
            review_notes=self.text(data, "review_notes", path),
            source=source,
            retired_on=self.date(data, "retired_on", path),
        )

    def topic(self, value: Any, path: FieldPath) -> Topic | None:
        data = self.mapping(value, path, TOPIC_FIELDS)
        if data is None:
            return None
        return Topic(
            slug=self.slug(data, "slug", path),
            title=self.local(data, "title", path, required=True),
            summary=self.local(data, "summary", path),
            body=self.local(data, "body", path, required=True),
            position=self.integer(data, "position", path),
            sensitive=self.boolean(data, "sensitive", path),
            related=self.words(data, "related", path, ids=True),
            categories=self.words(data, "categories", path, ids=True),
            sources=self.sources(data, path, required=False),
            verified_on=self.date(data, "verified_on", path),
            verified_by=self.text(data, "verified_by", path),
            review_notes=self.text(data, "review_notes", path),
        )


def _kind(value: Any) -> str:
    """What a value is, in a few words: never the whole of a long or nested value."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple | set):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "nothing"
    if isinstance(value, int):
        digits = len(str(abs(value))) if abs(value) < 10 ** 60 else 61
        return f"the number {value}" if digits <= 20 else "a number of more than 20 digits"
    if isinstance(value, str):
        return repr(excerpt(value))
    return excerpt(repr(value))


# -- objects back to plain data --------------------------------------------------------------

def _put(out: dict[str, Any], key: str, value: Any) -> None:
    """Leave empty values out so that written files stay short."""
    if isinstance(value, LocalText):
        if value:
            out[key] = value.to_data()
    elif isinstance(value, tuple):
        if value:
            out[key] = list(value)
    elif value not in (None, "", False, 0):
        out[key] = value


def category_to_data(c: Category) -> dict[str, Any]:
    out: dict[str, Any] = {"slug": c.slug}
    for key in ("name", "description", "icon", "position", "hidden", "sensitive"):
        _put(out, key, getattr(c, key))
    return out


def phone_to_data(p: Phone) -> dict[str, Any]:
    # A number spelt in words is written as the kiosk shows it, "(800) 370-LEAD", which
    # reads back the same (see SPELT); any other letters in a number are refused.
    number = p.display if SPELT.match(p.display) else display_number(p.number)
    if p.extension:
        number += f" ext. {p.extension}"
    out: dict[str, Any] = {"number": number}
    if p.kind != "voice":
        out["kind"] = p.kind
    for key in ("label", "hours", "message"):
        _put(out, key, getattr(p, key))
    return out


def resource_to_data(r: Resource) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.id}
    _put(out, "name", r.name)
    _put(out, "discreet_name", r.discreet_name)
    _put(out, "organization", r.organization)
    _put(out, "categories", r.categories)
    _put(out, "description", r.description)
    if r.phones:
        out["phones"] = [phone_to_data(p) for p in r.phones]
    _put(out, "website", r.website)
    _put(out, "email", r.email)
    if r.address:
        address = {k: getattr(r.address, k) for k in ADDRESS_FIELDS if getattr(r.address, k)}
        if address.get("state") == "CT":
            del address["state"]
        out["address"] = address
    area = r.area.to_data()
    if area:
        out["area"] = area
    if r.hours is not None:
        out["hours"] = r.hours.to_data()
    for key in ("hours_note", "cost", "languages", "eligibility", "access", "confidentiality",
                "tags", "priority"):
        _put(out, key, getattr(r, key))
    if r.status != "active":
        out["status"] = r.status
    out["sources"] = [s.to_data() for s in r.sources]
    for key in ("verified_on", "verified_by", "review_notes", "source", "retired_on"):
        _put(out, key, getattr(r, key))
    return out


def topic_to_data(t: Topic) -> dict[str, Any]:
    out: dict[str, Any] = {"slug": t.slug}
    for key in ("title", "summary", "body", "position", "sensitive", "related", "categories"):
        _put(out, key, getattr(t, key))
    if t.sources:
        out["sources"] = [s.to_data() for s in t.sources]
    for key in ("verified_on", "verified_by", "review_notes"):
        _put(out, key, getattr(t, key))
    return out


def info_to_data(info: DirectoryInfo) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in INFO_FIELDS:
        _put(out, key, getattr(info, key))
    return out
