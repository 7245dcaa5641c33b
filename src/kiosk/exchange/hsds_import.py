"""HSDS data (any form `tables` reads) to a kiosk `Directory`, with a report of what was left.

Published data is messy, and a wrong phone number on a crisis line is the worst thing the
kiosk can show, so every value goes through the kiosk's own checks (the phone parser, the
web, email and ZIP patterns, the hours): a value that fails is left out of its entry and
named (file, row, reason). A service is skipped only when it cannot be shown at all (it has
no name, or two rows give it different content); the caller decides whether anything skipped
stops the import. A service that maps to no kiosk category is still imported, with none, for
staff to give it one.

Records the kiosk itself exported carry its own record in an attribute and come back
exactly, except for fields someone changed in HSDS since.

Native services are built straight into `Resource` objects, and everything a directory
repeats (phone numbers, schedules, taxonomy terms) is worked out once per distinct value:
a county's export of thousands of services reads in well under a second.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import MISSING, dataclass, field, fields
from itertools import compress
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.directory.convert import (
    CONTROL_CHARACTERS,
    EMAIL,
    MAX_LONG,
    MAX_SHORT,
    WEBSITE,
    ZIP,
    Reader,
)
from kiosk.directory.hours import Span, WeeklyHours
from kiosk.directory.model import Address, Category, Directory, LocalText, Phone, Resource, Source
from kiosk.directory.phones import PhoneError, parse_number, plain_number
from kiosk.directory.problems import path_text
from kiosk.exchange import clean
from kiosk.exchange import hsds_export as out
from kiosk.exchange.mapping import Mapping
from kiosk.exchange.tables import Row, Tables, excerpt

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

ICAL_TO_DAY = dict(zip(out.ICAL_DAYS, ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                       strict=True))
DAY_INDEX = {code: i for i, code in enumerate(out.ICAL_DAYS)}
LANGUAGE_CODES = {"english": "en", "eng": "en", "spanish": "es", "español": "es",
                  "espanol": "es", "spa": "es", "portuguese": "pt", "por": "pt",
                  "french": "fr", "fra": "fr", "haitian creole": "ht", "hat": "ht",
                  "chinese": "zh", "zho": "zh", "vietnamese": "vi", "vie": "vi",
                  "arabic": "ar", "ara": "ar", "polish": "pl", "pol": "pl",
                  "russian": "ru", "rus": "ru", "american sign language": "asl"}
PHONE_TYPES = {"voice": "voice", "cell": "voice", "": "voice", "hotline": "hotline",
               "text": "text", "sms": "text", "textphone": "tty", "tty": "tty",
               "main": "voice", "toll free": "voice", "toll-free": "voice",
               "phone": "voice", "office": "voice", "intake": "voice", "crisis": "hotline"}
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?(?::\d{2}(?:\.\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?"
                   r"\s*(?:z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)
_FREE = re.compile(r"\b(?:free|no cost|no charge|gratis|gratuito)\b", re.IGNORECASE)
MAX_KEYWORD_TAGS = 8
SHORT_TEXT = 200  # texts up to this long are cleaned once per distinct value (`_Builder.text`)
# The cells of the rows the build reads.
TERM_CELLS = ("taxonomy_ids", "taxonomy_codes")  # a service's own taxonomy columns
SERVICE_CELLS = ("name", "organization_id", "description", "keywords", "url", "email",
                 "status", "eligibility_description", "fees_description", "fees", *TERM_CELLS)
ADDRESS_CELLS = ("address_type", "address_1", "address_2", "postal_code", "state_province",
                 "city")
PHONE_CELLS = ("number", "type", "extension", "description")
ATTRIBUTE_CELLS = ("link_entity", "taxonomy_term_id", "taxonomy_detail")
SAL_CELLS = ("id", "location_id")
LANGUAGE_CELLS = ("code", "name")
# The tables linked to a service by its id, in the order of a service's links.
SERVICE_LINKS = (("service_at_location", "service_id"), ("attribute", "link_id"),
                 ("phone", "service_id"), ("schedule", "service_id"),
                 ("language", "service_id"), ("eligibility", "service_id"))
_NO_LINKS: tuple[Sequence[Row], ...] = ((),) * len(SERVICE_LINKS)
# The columns that link rows of a table to a service's places (`_Builder.related`) or to
# its organisation.
LINKS = {"phone": ("service_at_location_id", "location_id", "organization_id"),
         "schedule": ("service_at_location_id", "location_id")}
_NO_TEXT = LocalText()
_T = TypeVar("_T", bound="DataclassInstance")
_NO_ADDRESS = Address()
_VALUES = attrgetter("values")
SCHEDULE_FIELDS = ("freq", "interval", "byday", "opens_at", "closes_at", "bymonthday",
                   "description", "notes")


@dataclass
class Skipped:
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class HsdsResult:
    directory: Directory
    format: str
    source: str = ""  # the source the package's own services belong to
    services: int = 0  # service records read
    skipped: list[Skipped] = field(default_factory=list)  # records not imported
    left_out: list[Skipped] = field(default_factory=list)  # values left out of entries
    notes: list[str] = field(default_factory=list)
    unmapped: Counter[str] = field(default_factory=Counter)  # term -> services
    has_kiosk_categories: bool = False  # the package is the kiosk's own export

    @property
    def without_category(self) -> int:
        return sum(1 for r in self.directory.resources if not r.categories)

    def lines(self, limit: int = 400) -> list[str]:
        n = len(self.directory.resources)
        lines = [f"Read {self.services} services as {self.format}: "
                 f"{n} can be imported, {len(self.skipped)} records skipped."]
        if n:
            given = n - self.without_category
            lines.append(f"{given} of {n} ({given / n:.0%}) have a kiosk category; "
                         f"{self.without_category} have none yet (staff are asked to give "
                         "them one).")
        lines += [f"Note: {n}" for n in self.notes]
        if self.unmapped:
            terms = ", ".join(f"{t} ({n})" for t, n in self.unmapped.most_common(30))
            more = len(self.unmapped) - 30
            lines.append("Taxonomy terms that map to no kiosk category (services): " + terms
                         + (f", and {more} more" if more > 0 else ""))
        lines += [f"Skipped {s}" for s in self.skipped[:limit]]
        if len(self.skipped) > limit:
            lines.append(f"... and {len(self.skipped) - limit} more skipped.")
        lines += [f"Left out {s}" for s in self.left_out[:limit]]
        if len(self.left_out) > limit:
            lines.append(f"... and {len(self.left_out) - limit} more values left out.")
        return lines


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    lower = text.lower()
    if lower.isascii() and lower.isalnum():  # most ids: nothing to replace
        return lower
    return _NOT_SLUG.sub("-", lower).strip("-")


def _has_controls(value: str) -> bool:
    """`CONTROL_CHARACTERS` in `value`; a printable text (most are) has none of them, and
    that is quicker to ask."""
    return not value.isprintable() and CONTROL_CHARACTERS.search(value) is not None


def _minutes(text: str) -> int | None:
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    half = (match.group(3) or "").lower().replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 24 or minute > 59:
        return None
    return hour * 60 + minute


def _quick(cls: type[_T]) -> Callable[..., _T]:
    """A constructor of the frozen slotted dataclass `cls`, called as `cls` is, that sets
    each slot directly: a frozen class's own `__init__` goes through `object.__setattr__`
    for every field, which takes about twice as long (a 100,000-service import builds half
    a million of these objects). The object is the same: `cls` has no `__post_init__`, and
    each field's default is its own."""
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__ that this would not run")
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    parameters, body = [], []
    for f in fields(cls):
        namespace[f"set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is MISSING:
            parameters.append(f.name)
        else:
            namespace[f"default_{f.name}"] = f.default
            parameters.append(f"{f.name}=default_{f.name}")
        body.append(f"    set_{f.name}(obj, {f.name})")
    exec(f"def make({', '.join(parameters)}):\n    obj = new(cls)\n" + "\n".join(body)
         + "\n    return obj\n", namespace)
    return namespace["make"]  # type: ignore[no-any-return]


_resource = _quick(Resource)
_phone = _quick(Phone)
_address = _quick(Address)
_text = _quick(LocalText)
_source = _quick(Source)


def _first_id(value: str) -> str:
    """The first id of a foreign-key cell ("" when it has none)."""
    if "," not in value and ";" not in value:
        return value
    return next(iter(_ids(value)), "")


def _ids(value: str) -> list[str]:
    """A foreign-key cell, which some exports fill with several ids: `S-1, S-2`."""
    if "," not in value and ";" not in value:
        return [value] if value else []
    return [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]


class _Builder:
    def __init__(self, tables: Tables, base: Directory, mapping: Mapping | None,
                 source: str) -> None:
        self.t = tables
        self.base = base
        self.source = source
        self.mapping = mapping or Mapping()
        self.result = HsdsResult(Directory(base.info, [], [], list(base.topics)), tables.format,
                                 source)
        self.result.notes += tables.notes
        self.reported: set[tuple[str, str]] = set()
        self.kiosk_categories = {out.uid("taxonomy", out.CATEGORY_TAXONOMY)}
        self.terms = {r.get("id"): r for r in tables.of("taxonomy_term") if r.get("id")}
        self.by: dict[tuple[str, str], dict[str, list[Row]]] = {}
        # The columns of the tables that were looked at whole: no index of a column that
        # none of their rows has is built row by row.
        self.columns: dict[str, set[str]] = {}
        self.paths: dict[str, Path] = {}
        self.record_term = out.uid("term", out.RECORD_TERM)
        # Only the kiosk's own exports carry its records: other packages skip the look-up.
        self.has_records = self.record_term in tables.column("attribute", "taxonomy_term_id")
        self.term_slugs: dict[str, tuple[tuple[str, ...] | None, str]] = {}
        self.phone_cache: dict[tuple[str, str], tuple[str, str, str, str, str]] = {}
        self.hours_cache: dict[tuple[Any, ...], WeeklyHours] = {}
        self.week_cache: dict[tuple[Any, ...], tuple[WeeklyHours | None, tuple[str, ...]]] = {}
        self.languages_cache: dict[tuple[Any, ...], tuple[str, ...]] = {}
        self.town_cache: dict[str, str] = {}
        self.clean_texts: dict[str, str] = {}  # a short published text -> clean.text of it
        self.state_cache: dict[str, str] = {}
        self.zip_cache: dict[str, tuple[str, str]] = {}
        self.cost_cache: dict[str, tuple[str, ...]] = {}
        self.org_names: dict[Row, str] = {}  # by the organisation's row
        self.source_refs: dict[str, str] = {}
        # A list of terms -> (its categories this kiosk has, whether it maps to any at
        # all, names of its terms that map to nothing).
        self.listed_cache: dict[tuple[tuple[str, str], ...],
                                tuple[tuple[str, ...], bool, tuple[str, ...]]] = {}
        self.schedule_cache: dict[tuple[str | None, ...], tuple[tuple[tuple[int, int, int], ...],
                                                         str]] = {}
        # The schedule fields this package has at all (a 1.x one has four of the eight).
        present = tables.columns_of("schedule")
        self.schedule_keys = tuple(k for k in SCHEDULE_FIELDS if k in present)
        self.columns["schedule"] = present
        self.schedule_cells = self._schedule_cells()
        self.missing_orgs: Counter[str] = Counter()
        self.place_links: dict[str, tuple[dict[str, list[Row]], dict[str, list[Row]]]] = {}
        # The tables a service is linked through, each indexed once.
        self.links_of: dict[str, list[Sequence[Row]]] = {}
        self.orgs = self.index("organization", "id")
        self.org_phones = self.index("phone", "organization_id")
        self.addresses_of = self.index("address", "location_id")

    def index(self, table: str, key: str) -> dict[str, list[Row]]:
        """Rows of `table` by the value of `key`, built once (a cell may name several).

        A table a service is linked to by several columns (`LINKS`) is indexed by all of
        them in one pass over its rows."""
        found = self.by.get((table, key))
        if found is None:
            keys = LINKS.get(table, ())
            if key not in keys:
                keys = (key,)
            for k in keys:
                self.by[table, k] = {}
            columns = self.columns.get(table)
            if columns is not None:  # nothing to look at in a column none of its rows has
                keys = tuple(k for k in keys if k in columns)
            if keys:
                self._index(table, keys)
            found = self.by[table, key]
        return found

    def _index(self, table: str, keys: tuple[str, ...]) -> None:
        rows = self.t.of(table)
        for key in keys:
            cells = self.t.column(table, key)
            group: defaultdict[str, list[Row]] = defaultdict(list)
            for value, row in zip(compress(cells, cells), compress(rows, cells), strict=True):
                group[value].append(row)
            found = dict(group)
            joined = "".join(found)
            if key != "id" and ("," in joined or ";" in joined):
                found = {}  # some cells name several: each row under each of its ids, in order
                for value, row in zip(cells, rows, strict=True):
                    for one in _ids(value):
                        found.setdefault(one, []).append(row)
            self.by[table, key] = found

    def link_services(self, sids: Iterable[str]) -> None:
        """Each service's rows in the tables linked to it by its id (`SERVICE_LINKS`), kept
        together: a service looks itself up once, not once per table, and finds the very
        string it is given (no text compared). Rows are in table order, as `index` keeps
        them, a row under each of the ids its cell names."""
        links: dict[str, list[Sequence[Row]]] = {sid: list(_NO_LINKS) for sid in sids}
        find = links.get
        for slot, (table, key) in enumerate(SERVICE_LINKS):
            rows = self.t.of(table)
            cells = self.t.column(table, key)
            grouped: defaultdict[str, list[Row]] = defaultdict(list)
            for value, row in zip(compress(cells, cells), compress(rows, cells), strict=True):
                grouped[value].append(row)
            joined = "".join(grouped)
            if "," in joined or ";" in joined:  # some cells name several services
                grouped = defaultdict(list)
                for value, row in zip(compress(cells, cells), compress(rows, cells),
                                      strict=True):
                    for one in _ids(value):
                        grouped[one].append(row)
            for sid, linked in grouped.items():
                entry = find(sid)
                if entry is not None:
                    entry[slot] = linked
        self.links_of = links

    def skip(self, row: Row, reason: str) -> None:
        if (row.where, reason) not in self.reported:
            self.reported.add((row.where, reason))
            self.result.skipped.append(Skipped(row.where, reason))

    def leave_out(self, row: Row, reason: str) -> None:
        if (row.where, reason) not in self.reported:
            self.reported.add((row.where, reason))
            self.result.left_out.append(Skipped(row.where, reason))

    def text(self, row: Row, value: str, what: str, limit: int = MAX_SHORT) -> str:
        """A published text cleaned (`clean.text`), or "" and a reason when it is longer
        than the kiosk allows or holds control or direction characters (the same rules as
        the kiosk's own files)."""
        if not value:
            return ""
        cleaned = self.clean_texts.get(value)
        if cleaned is None:
            cleaned = self._cleaned(value)
        if len(cleaned) > limit:
            self.leave_out(row, f"the {what} is {len(cleaned):,} characters long; at most "
                                f"{limit:,} are allowed")
            return ""
        if not cleaned.isprintable() and CONTROL_CHARACTERS.search(cleaned):
            self.leave_out(row, f"the {what} holds control or text-direction characters "
                                f'("{excerpt(cleaned, 40)}")')
            return ""
        return cleaned

    def _cleaned(self, value: str) -> str:
        """`clean.text` of a published text, kept when it is short: names, labels, streets
        and towns repeat across a directory's rows (long texts rarely do, and are not
        kept)."""
        cleaned = clean.text(value)
        if len(value) <= SHORT_TEXT:
            self.clean_texts[value] = cleaned
        return cleaned

    def note(self, text: str) -> None:
        if text not in self.result.notes:
            self.result.notes.append(text)

    def _record_of(self, link_id: str) -> dict[str, Any] | None:
        for row in self.index("attribute", "link_id").get(link_id, []):
            if row.get("taxonomy_term_id") == self.record_term and row.get("value"):
                try:
                    value = json.loads(row.get("value"))
                except json.JSONDecodeError:
                    self.skip(row, "the kiosk record in this attribute is not valid JSON")
                    return None
                return value if isinstance(value, dict) else None
        return None

    # -- categories -------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        found: list[Category] = []
        for term in self.t.of("taxonomy_term"):
            if term.get("taxonomy_id") not in self.kiosk_categories and \
                    term.get("code") != out.RECORD_TERM and \
                    term.get("taxonomy") != out.CATEGORY_TAXONOMY:
                continue
            record = self._record_of(term.get("id"))
            if record is None or any(c.slug == record.get("slug") for c in found):
                continue
            reader = Reader(Path(term.file))
            category = reader.category(record, ())
            if reader.problems or category is None:
                self.skip(term, "; ".join(p.message for p in reader.problems))
                continue
            # A name changed in HSDS since the export wins over the kiosk's copy.
            if term.get("name") and term.get("name") != category.name.en:
                category = Category(category.slug, type(category.name)(
                    term.get("name"), category.name.es), category.description,
                    category.icon, category.position, category.hidden, category.sensitive)
            found.append(category)
        self.result.has_kiosk_categories = bool(found)
        return found or list(self.base.categories)

    def term_categories(self, term_id: str, detail: str) -> tuple[tuple[str, ...] | None, str]:
        """(categories or None, the term's name) for one taxonomy term, its parents asked
        when the mapping does not know it; worked out once per term."""
        key = term_id or detail
        if key in self.term_slugs:
            return self.term_slugs[key]
        seen: set[str] = set()
        term = self.terms.get(term_id)
        name = term.get("name") if term else (detail or term_id)
        found: tuple[str, ...] | None = None
        if term is None:
            found = self.mapping.for_term(term_id, detail)
        while term is not None and found is None:
            found = self.mapping.for_term(term.get("code") or term.get("id"), term.get("name"))
            parent = term.get("parent_id")
            if found is not None or not parent or parent in seen:
                break
            seen.add(parent)
            term = self.terms.get(parent)
        self.term_slugs[key] = (found, name)
        return found, name

    def service_categories(self, row: Row, attributes: Sequence[Row], known: set[str],
                           keywords: str, own_terms: Sequence[str]) -> tuple[str, ...]:
        """The kiosk categories of a service, from the terms its attributes and its own
        taxonomy cells (`own_terms`, `TERM_CELLS`) list, else from its words."""
        listed: list[tuple[str, str]] = []
        for attribute in attributes:
            entity, term, detail = attribute.cells(ATTRIBUTE_CELLS)
            if entity in ("", "service"):
                listed.append((term, detail))
        for cell in own_terms:
            if cell:
                listed += [(t, "") for t in _ids(cell)]
        key = tuple(listed)
        found = self.listed_cache.get(key)
        if found is None:
            mapped_to, unmapped = self._listed_categories(listed, known)
            found = self.listed_cache[key] = (tuple(s for s in mapped_to if s in known),
                                              bool(mapped_to), unmapped)
        kept, mapped, unmapped = found
        if mapped:
            return kept
        slugs = self.mapping.for_text(" ".join((row.get("name"), row.get("description"),
                                                keywords)))
        if not slugs:
            for term_name in dict.fromkeys(unmapped):
                self.result.unmapped[term_name] += 1
            slugs = list(self.mapping.default)
        return tuple(s for s in slugs if s in known)

    def _listed_categories(self, listed: list[tuple[str, str]], known: set[str]
                           ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(categories, names of terms that map to nothing) of the terms a service lists;
        worked out once per distinct list (a directory has a few hundred)."""
        slugs: list[str] = []
        unmapped: list[str] = []
        for term_id, detail in listed:
            term = self.terms.get(term_id)
            if term is not None and (term.get("code") == out.RECORD_TERM or
                                     term.get("id") == self.record_term):
                continue
            if term is not None and term.get("code") in known and (
                    term.get("taxonomy_id") in self.kiosk_categories or
                    term.get("taxonomy") == out.CATEGORY_TAXONOMY):
                if term.get("code") not in slugs:
                    slugs.append(term.get("code"))
                continue
            found, name = self.term_categories(term_id, detail)
            if found:
                slugs += [s for s in found if s not in slugs]
            elif found is None and name:
                unmapped.append(name)
        return tuple(slugs), tuple(unmapped)

    # -- one service ------------------------------------------------------------------------

    def related(self, table: str, own: Sequence[Row], sid: str, sal_ids: list[str],
                location_ids: list[str]) -> Sequence[Row]:
        """Rows of `table` (phone, schedule) for a service: `own`, those linked by its id,
        then those of its service_at_location ids and of its locations (those of the
        location alone)."""
        by = self.place_links.get(table)
        if by is None:
            by = self.place_links[table] = (self.index(table, "service_at_location_id"),
                                            self.index(table, "location_id"))
        by_sal, by_location = by
        rows: list[Row] = []
        more = False
        if by_sal:
            for sal in sal_ids:
                found = by_sal.get(sal)
                if found:
                    rows += found
                    more = True
        if by_location:
            for lid in location_ids:
                found = by_location.get(lid)
                if found:
                    rows += [r for r in found if not r.get("service_id")
                             or sid in _ids(r.get("service_id"))]
                    more = True
        if not more:
            return own  # most services: their rows as they were linked (not to be changed)
        rows = [*own, *rows]
        if len(rows) < 2:
            return rows
        seen: set[int] = set()
        unique = []
        for row in rows:
            if id(row) not in seen:
                seen.add(id(row))
                unique.append(row)
        return unique

    def _parsed(self, raw: str, extension: str) -> tuple[str, str, str, str, str]:
        """(number, display, extension, option, problem) for a number as published, worked
        out once per distinct cell; a number left out has a problem and no number."""
        key = (raw, extension)
        found = self.phone_cache.get(key)
        if found is None:
            found = self.phone_cache[key] = self._parse(raw, extension)
        return found

    def _parse(self, raw: str, extension: str) -> tuple[str, str, str, str, str]:
        if not extension:  # most numbers: (860) 456-2261 as it is, nothing to clean
            try:
                plain = plain_number(raw)
            except PhoneError as error:
                return "", "", "", "", str(error)
            if plain is not None:
                return plain[0], plain[1], "", "", ""
        number, option, problem = clean.phone(raw)
        if extension and not extension.isdigit():
            _, ext_option, _ = clean.phone("x" + extension)
            option, extension = option or ext_option, ""
        if problem:
            return "", "", "", option, problem
        text = f"{number} ext. {extension}" if extension and \
            "ext" not in number.lower() else number
        try:
            parsed = parse_number(text, words=True)
        except PhoneError as error:
            return "", "", "", option, str(error)
        return parsed.number, parsed.display, parsed.extension, option, ""

    def phones(self, rows: Sequence[Row]) -> tuple[Phone, ...]:
        phones: list[Phone] = []
        seen: set[tuple[str, str, str]] = set()
        cache = self.phone_cache
        for row in rows:
            raw, type_cell, extension, label = row.cells(PHONE_CELLS)
            if not raw:
                self.leave_out(row, "the phone has no number")
                continue
            kind_text = type_cell.lower()
            kind = PHONE_TYPES.get(kind_text)
            if kind is None:
                if kind_text != "fax":
                    self.note(f'phones of type "{excerpt(type_cell, 30)}" were left out')
                continue
            if extension:
                extension = extension.removesuffix(".0")
            number, display, extension, option, problem = \
                cache.get((raw, extension)) or self._parsed(raw, extension)
            if problem:
                self.leave_out(row, problem)
                continue
            key = (number, extension, option)
            if key in seen:
                continue  # the same number on the service, its location and organisation
            seen.add(key)
            en = self.text(row, label, "phone's label") if label and len(label) <= 40 else ""
            if option:
                text = (LocalText(f"{en}, option {option}") if en else
                        LocalText(f"Option {option}", f"Opción {option}"))
            else:
                text = _text(en) if en else _NO_TEXT
            phones.append(_phone(number, display, kind, text, _NO_TEXT, extension))
        return tuple(phones)

    def _schedule(self, row: Row) -> tuple[tuple[tuple[int, int, int], ...], str]:
        """One schedule row as weekly spans (day, start, end), or as a note in words; the
        same row text (most directories have a few dozen) is worked out once."""
        key = row.cells(self.schedule_keys)
        found = self.schedule_cache.get(key)
        if found is not None:
            return found
        freq, interval, byday, opens, closes, monthday, description, notes = (
            row.get(k) for k in ("freq", "interval", "byday", "opens_at", "closes_at",
                                 "bymonthday", "description", "notes"))
        codes = [c.strip().upper() for c in byday.split(",") if c.strip()]
        start, end = _minutes(opens), _minutes(closes)
        plain = (freq.upper() in ("", "WEEKLY") and interval.removesuffix(".0") in ("", "1")
                 and codes and all(c in DAY_INDEX for c in codes) and start is not None
                 and end is not None and start != end and not monthday and start < 1440)
        if plain:
            assert start is not None and end is not None
            if end == 1439 and start == 0:
                end = 1440
            if end < start:
                end += 1440
            found = (tuple((DAY_INDEX[code], start, end) for code in codes), "")
        else:
            text = description or " ".join(p for p in (byday, opens, closes, notes) if p)
            found = ((), clean.text(text))
        self.schedule_cache[key] = found
        return found

    def hours(self, rows: Sequence[Row]) -> tuple[WeeklyHours | None, tuple[str, ...]]:
        """A service's weekly hours and the notes its schedules give in words, worked out
        once per distinct set of schedule cells (services share a few hundred)."""
        if not rows:
            return None, ()
        if self.schedule_cells is not None:
            key = tuple(map(self.schedule_cells, map(_VALUES, rows)))
        else:
            key = tuple([row.cells(self.schedule_keys) for row in rows])
        found = self.week_cache.get(key)
        if found is None:
            found = self.week_cache[key] = self._week(rows)
        return found

    def _schedule_cells(self) -> Callable[[tuple[str, ...]], Any] | None:
        """The schedule cells of a row's tuple, as read, when every schedule row places its
        columns alike (a package's one schedules file): a service's schedules are then told
        apart in one step (`hours`). None when they are placed in several ways."""
        layouts = self.t.layouts.get("schedule", [])
        if len({id(layout.index) for layout in layouts}) != 1:
            return None
        index = layouts[0].index
        return itemgetter(*[index.get(k, -1) for k in self.schedule_keys] or [-1])

    def _week(self, rows: Sequence[Row]) -> tuple[WeeklyHours | None, tuple[str, ...]]:
        spans: list[tuple[int, int, int]] = []
        notes: list[str] = []
        for row in rows:
            row_spans, text = self._schedule(row)
            if row_spans:
                spans += row_spans
            elif text and text not in notes:
                notes.append(text)
        if not spans:
            return None, tuple(notes)
        key = tuple(sorted(set(spans)))
        hours = self.hours_cache.get(key)
        if hours is None:
            days: list[list[Span]] = [[] for _ in range(7)]
            for day, start, end in key:
                days[day].append(Span(start, end))
            if all(d == [Span(0, 1440)] for d in days):
                hours = WeeklyHours(always=True)
            else:
                hours = WeeklyHours(tuple(tuple(d) for d in days))
            self.hours_cache[key] = hours
        return hours, tuple(notes)

    def service(self, row: Row, sid: str, known: set[str]) -> Resource | None:
        links = self.links_of.get(sid) or _NO_LINKS
        sals = links[0]
        if not sals:
            sal_ids: list[str] = []
            location_ids: list[str] = []
        elif len(sals) == 1:  # most services: at one place
            sal_id, location_cell = sals[0].cells(SAL_CELLS)
            sal_ids = [sal_id] if sal_id else []
            location_ids = _ids(location_cell)
        else:
            sal_ids = [s.get("id") for s in sals if s.get("id")]
            location_ids = [lid for s in sals for lid in _ids(s.get("location_id"))]
        if not location_ids and row.get("location_id"):
            location_ids = _ids(row.get("location_id"))
        record = self._record_of(sid) if self.has_records else None
        if record is None:
            return self.native(row, sid, links, sal_ids, location_ids, known)
        data = self.merge(record, row, known)
        reader = Reader(self.paths.setdefault(row.file, Path(row.file)), published=True)
        resource = reader.resource(data, ())
        if reader.problems or resource is None:
            self.skip(row, "; ".join(f"{path_text(p.path) or 'record'} {p.message}"
                                     for p in reader.problems))
            return None
        return resource

    def native(self, row: Row, sid: str, links: Sequence[Sequence[Row]], sal_ids: list[str],
               location_ids: list[str], known: set[str]) -> Resource | None:
        _, attributes, own_phones, own_schedules, language_rows, eligibility_rows = links
        (name_cell, org_cell, description_cell, keywords, url, email, status_cell,
         eligibility_cell, fees_description, fees_cell, term_ids, term_codes) = \
            row.cells(SERVICE_CELLS)
        name = self.text(row, name_cell, "name")
        if not name:
            self.skip(row, "the service has no name" if not name_cell else
                      "the service has no name the kiosk can show")
            return None
        org_id = _first_id(org_cell)
        org_rows = self.orgs.get(org_id, ()) if org_id else ()
        org = org_rows[0] if org_rows else None
        if org_id and org is None:
            self.missing_orgs[org_id] += 1  # a dangling key: the service's own name stands
        description = self.text(row, description_cell, "description", MAX_LONG) or (
            self.text(org, org.get("description"), "description", MAX_LONG) if org else "")
        categories = self.service_categories(row, attributes, known, keywords,
                                             (term_ids, term_codes))
        org_name = ""
        if org is not None:
            org_name = self.org_names.get(org)  # type: ignore[assignment]
            if org_name is None:
                org_name = self.org_names[org] = self.text(org, org.get("name"),
                                                           "organisation's name")
        website = clean.website(url or (org.get("website") if org else ""))
        if website and (not WEBSITE.match(website) or _has_controls(website)
                        or len(website) > MAX_SHORT):
            self.leave_out(row, f'"{excerpt(website)}" is not a web address')
            website = ""
        if email and (not EMAIL.match(email) or _has_controls(email)
                      or len(email) > MAX_SHORT):
            self.leave_out(row, f'"{excerpt(email)}" is not an email address')
            email = ""
        status = status_cell.lower()
        if status in ("inactive", "defunct", "temporarily closed"):
            status = "inactive"
        else:
            if status not in ("", "active"):
                self.note(f'{row.where}: status "{excerpt(status_cell, 30)}" was read '
                          "as active")
            status = "active"
        eligibility = self.text(row, eligibility_cell, "eligibility", MAX_LONG)
        if not eligibility:
            eligibility = "; ".join(self.text(e, e.get("eligibility"), "eligibility",
                                              MAX_LONG) for e in
                                    eligibility_rows if e.get("eligibility"))
        phone_rows = self.related("phone", own_phones, sid, sal_ids, location_ids)
        if not phone_rows and org is not None:  # the organisation's line, when it has none
            phone_rows = list(self.org_phones.get(org.get("id"), ()))
        phones = self.phones(phone_rows)
        hours, notes = self.hours(self.related("schedule", own_schedules, sid, sal_ids,
                                               location_ids))
        hours_note = self.text(row, " ".join(n if n.endswith((".", "!", "?")) else n + "."
                                             for n in notes), "hours note", MAX_LONG) \
            if notes else ""
        fees = fees_description or fees_cell
        cost = self.cost_cache.get(fees)
        if cost is None:  # a directory has a few dozen ways of saying what a service costs
            cost = self.cost_cache[fees] = ("free",) if fees and _FREE.search(fees) else ()
        tags: tuple[str, ...] = ()
        if keywords:
            tags = tuple(dict.fromkeys(k.lower() for k in _ids(keywords)
                                       if len(k) <= 40 and not _has_controls(k)
                                       ))[:MAX_KEYWORD_TAGS]
        ref = self.source_refs.get(row.file)
        if ref is None:
            ref = self.source_refs[row.file] = \
                f"{self.source}: {row.file}" if self.source else row.file
        return _resource(
            id=f"{self.source}-{_slug(sid)}" if self.source else _slug(sid),
            name=_text(name),
            categories=categories,
            description=_text(description) if description else _NO_TEXT,
            sources=(_source(ref, (), f"HSDS service id {sid}"),),
            organization=org_name if org_name and org_name != name else "",
            phones=phones,
            website=website,
            email=email,
            address=self.address(location_ids) or _NO_ADDRESS,
            hours=hours,
            hours_note=_text(hours_note) if hours_note else _NO_TEXT,
            cost=cost,
            languages=self.languages(language_rows),
            eligibility=_text(eligibility) if eligibility else _NO_TEXT,
            tags=tags,
            status=status,
            source=self.source,
        )

    def address(self, location_ids: list[str]) -> Address | None:
        for lid in location_ids:
            for row in self.addresses_of.get(lid, ()):
                kind, first, second, postal_code, raw_state, city = row.cells(ADDRESS_CELLS)
                if kind and kind.lower() != "physical":
                    continue
                if first and second:
                    street = ", ".join((self.text(row, first, "street"),
                                        self.text(row, second, "street")))
                else:
                    street = self.text(row, first or second, "street")
                zip_code, problem = self.zip_code(postal_code)
                if problem:
                    self.leave_out(row, problem)
                state = self.state_cache.get(raw_state)
                if state is None:
                    state = self.state_cache[raw_state] = clean.state(raw_state) or "CT"
                town = self.town_cache.get(city)
                if town is None:
                    town = self.text(row, city, "town")
                    if town or not city:  # a town left out is named for every row
                        self.town_cache[city] = town
                return _address(street, town, state, zip_code)
        return None

    def zip_code(self, value: str) -> tuple[str, str]:
        """(ZIP code, or "" and why), worked out once per distinct cell."""
        found = self.zip_cache.get(value)
        if found is None:
            zip_code = clean.zip_code(value)
            if zip_code and not ZIP.match(zip_code):
                found = ("", f'"{excerpt(zip_code, 20)}" is not a US ZIP code')
            else:
                found = (zip_code, "")
            self.zip_cache[value] = found
        return found

    def languages(self, rows: Sequence[Row]) -> tuple[str, ...]:
        """A service's language codes; each distinct set of cells (a directory has a few
        dozen) is worked out once."""
        key = tuple([r.cells(LANGUAGE_CELLS) for r in rows])
        found = self.languages_cache.get(key)
        if found is None:
            found = self.languages_cache[key] = self._languages(rows)
        return found

    def _languages(self, rows: Sequence[Row]) -> tuple[str, ...]:
        codes: list[str] = []
        for row in rows:
            for value in (row.get("code"), row.get("name")):
                for part in _ids(value):
                    code = LANGUAGE_CODES.get(part.lower(), part.lower() if
                                              len(part) == 2 and part.isalpha() else "")
                    if code and code not in codes:
                        codes.append(code)
        return tuple(codes)

    def merge(self, record: dict[str, Any], row: Row, known: set[str]) -> dict[str, Any]:
        """The kiosk's record, with what was changed in HSDS since it was exported.

        Each HSDS field is compared with what the export writes for the record, so that
        only a value someone changed replaces the kiosk's (and its Spanish stays).
        """
        merged = dict(record)
        name = _as_local(record.get("name"))
        if row.get("name") and row.get("name") != name["en"]:
            merged["name"] = {**name, "en": row.get("name")}
        description = _as_local(record.get("description"))
        if row.get("description") and row.get("description") != description["en"]:
            merged["description"] = {**description, "en": row.get("description")}
        if row.get("url") != out.web(str(record.get("website") or "")):
            _set(merged, "website", row.get("url"))
        if row.get("email") != str(record.get("email") or ""):
            _set(merged, "email", row.get("email"))
        status = row.get("status").lower()
        if status and status != str(record.get("status") or "active"):
            merged["status"] = "active" if status == "active" else "inactive"
        sid = row.get("id")
        phone_rows = self.index("phone", "service_id").get(sid, [])
        incoming = [_digits(p.get("number")) + _digits(p.get("extension").removesuffix(".0"))
                    for p in phone_rows]
        kept = [_digits(p["number"] if isinstance(p, dict) else str(p))
                for p in record.get("phones") or []]
        if incoming != kept:
            merged["phones"] = [_phone_data(p) for p in self.phones(list(phone_rows))]
        categories = self.service_categories(
            row, self.index("attribute", "link_id").get(sid, ()), known, "",
            row.cells(TERM_CELLS))
        if categories and set(categories) != set(record.get("categories") or []):
            merged["categories"] = list(categories)
        if not merged.get("source") and self.source:
            merged["source"] = self.source
        return merged


def _phone_data(p: Phone) -> dict[str, Any]:
    number = p.display + (f" ext. {p.extension}" if p.extension else "")
    data: dict[str, Any] = {"number": number, "kind": p.kind}
    if p.label:
        data["label"] = p.label.to_data()
    return data


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _as_local(value: Any) -> dict[str, str]:
    if isinstance(value, dict):
        return dict(value)
    return {"en": str(value or ""), "es": str(value or "")}


def _set(data: dict[str, Any], key: str, value: Any) -> None:
    if value:
        data[key] = value
    else:
        data.pop(key, None)


def to_directory(tables: Tables, base: Directory, mapping: Mapping | None = None,
                 source: str = "") -> HsdsResult:
    """The directory HSDS `tables` describe; `base` gives the categories when HSDS has none
    of the kiosk's, and the topics and directory details (HSDS has no place for them).
    Services the package itself describes belong to `source`, and their ids start with it."""
    builder = _Builder(tables, base, mapping, source)
    result = builder.result
    result.directory.categories = builder.categories()
    known = {c.slug for c in result.directory.categories}
    seen: dict[str, Row] = {}
    conflicts: dict[str, list[Row]] = {}
    ids: dict[str, Row] = {}
    for row in tables.of("service"):
        sid = row.get("id")
        if not sid:
            builder.skip(row, "the service has no id")
            continue
        first = seen.get(sid)
        if first is None:
            seen[sid] = row
            continue
        if row.file.endswith(".csv") and first.as_dict() != row.as_dict():
            # Which of the two is right cannot be known: neither is imported.
            conflicts.setdefault(sid, [first]).append(row)
        elif row.file.endswith(".csv"):
            builder.note(f"{row.where} repeats {first.where}; it was read once")
        else:  # the same object nested in several JSON files: take every field given
            merged = first.as_dict()
            for key, value in row.as_dict().items():
                if not first.get(key) and value:
                    merged[key] = value
            tables.replace_values(first, merged)
    result.services = len(seen)
    builder.link_services(seen)
    for rows in conflicts.values():
        for row in rows:
            others = [r.where for r in rows if r is not row]
            shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more"
                                             if len(others) > 3 else "")
            builder.skip(row, f"another row has the same service id and different "
                              f"content ({shown})")
    for sid, row in seen.items():
        if sid in conflicts:
            continue
        resource = builder.service(row, sid, known)
        if resource is None:
            continue
        if resource.id in ids:
            builder.skip(row, f'its id becomes "{resource.id}", like the service at '
                              f"{ids[resource.id].where}")
            continue
        ids[resource.id] = row
        result.directory.resources.append(resource)
    if builder.missing_orgs:
        n = sum(builder.missing_orgs.values())
        builder.note(f"{n} services name an organisation that is not in the package "
                     f"({', '.join(excerpt(k, 20) for k in list(builder.missing_orgs)[:5])}"
                     f"{', ...' if len(builder.missing_orgs) > 5 else ''}); they show their "
                     "own name")
    return result
