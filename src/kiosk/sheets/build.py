"""Turning the directory into sheets: a handout, one resource, a category, a topic, or all.

Fixed words come from the injected `Words`; directory text is taken in the sheet's language.
In discreet mode nothing on the page says what the help is for: the discreet name is used, a
name that still gives it away is replaced by a neutral one, and sentences, labels and titles
with a sensitive word are left off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from kiosk.directory.model import Category, Phone, Resource, Topic
from kiosk.directory.store import Store
from kiosk.directory.trust import (
    BY_OUTREACH,
    DIRECTORY,
    PUBLISHED,
    STAFF,
    THROUGH_211,
    trust,
)
from kiosk.errors import KnownError
from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.sheets import discreet as dsc
from kiosk.sheets.content import (
    Block,
    HeadingBlock,
    ParagraphBlock,
    PhoneLine,
    ResourceBlock,
    Sheet,
)
from kiosk.sheets.hours_text import weekly_text
from kiosk.sheets.words import PlainWords, Words

MAX_DESCRIPTION = 180  # characters: one or two printed lines

COSTS = {
    "free": QT_TRANSLATE_NOOP("Sheet", "Free"),
    "sliding_scale": QT_TRANSLATE_NOOP("Sheet", "Sliding-scale fees"),
    "insurance": QT_TRANSLATE_NOOP("Sheet", "Takes insurance"),
    "fee": QT_TRANSLATE_NOOP("Sheet", "Fee"),
}
ACCESS = {
    "walk_in": QT_TRANSLATE_NOOP("Sheet", "Walk in"),
    "appointment": QT_TRANSLATE_NOOP("Sheet", "By appointment"),
    "call_first": QT_TRANSLATE_NOOP("Sheet", "Call first"),
    "outreach": QT_TRANSLATE_NOOP("Sheet", "Outreach"),
}
LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("Sheet", "English"),
    "es": QT_TRANSLATE_NOOP("Sheet", "Spanish"),
    "pt": QT_TRANSLATE_NOOP("Sheet", "Portuguese"),
    "fr": QT_TRANSLATE_NOOP("Sheet", "French"),
    "ht": QT_TRANSLATE_NOOP("Sheet", "Haitian Creole"),
    "pl": QT_TRANSLATE_NOOP("Sheet", "Polish"),
    "zh": QT_TRANSLATE_NOOP("Sheet", "Chinese"),
    "ar": QT_TRANSLATE_NOOP("Sheet", "Arabic"),
    "vi": QT_TRANSLATE_NOOP("Sheet", "Vietnamese"),
    "ru": QT_TRANSLATE_NOOP("Sheet", "Russian"),
    "asl": QT_TRANSLATE_NOOP("Sheet", "American Sign Language"),
}


@dataclass(frozen=True)
class SheetOptions:
    lang: str = "en"
    discreet: bool = True
    location: str = ""  # the kiosk's location name, from the settings
    today: dt.date = field(default_factory=dt.date.today)
    words: Words = field(default_factory=PlainWords)


@dataclass(frozen=True)
class Selection:
    """What to print, as the command line names it; exactly one part is set."""

    resources: tuple[str, ...] = ()
    category: str = ""
    topic: str = ""
    everything: bool = False
    kind: str = ""  # "handout" when `resources` came from a visitor's handout

    def describe(self) -> str:
        if self.category:
            return f"category {self.category}"
        if self.topic:
            return f"topic {self.topic}"
        if self.everything:
            return "the whole directory"
        return "resources " + ", ".join(self.resources)


class _Writer:
    """Fixed words and directory text in one language, cleaned when discreet."""

    def __init__(self, options: SheetOptions) -> None:
        self.o = options
        self.lang = options.lang
        self.discreet = options.discreet
        self.w = options.words

    def t(self, source: str) -> str:
        return self.w.text(source)

    def keep(self, text: str) -> str:
        return dsc.keep(text, self.discreet)

    # -- page parts --------------------------------------------------------------------------

    def default_title(self) -> str:
        return self.t(QT_TRANSLATE_NOOP("Sheet", "Community resources"))

    def subtitle(self) -> str:
        parts = [self.keep(self.o.location), self.w.date(self.o.today)]
        return " \u00b7 ".join(p for p in parts if p)

    def footer(self) -> str:
        return self.t(QT_TRANSLATE_NOOP(
            "Sheet", "In danger now: call 911 \u00b7 Free help 24/7: dial 2-1-1"))

    def sheet(self, kind: str, blocks: Iterable[Block], title: str = "") -> Sheet:
        return Sheet(kind=kind, lang=self.lang, discreet=self.discreet,
                     title=title or self.default_title(), subtitle=self.subtitle(),
                     footer=self.footer(), blocks=tuple(blocks))

    # -- one resource ------------------------------------------------------------------------

    def name(self, r: Resource) -> str:
        if not self.discreet:
            return r.name.get(self.lang)
        for candidate in (r.discreet_name.get(self.lang), r.name.get(self.lang), r.organization):
            if candidate and not dsc.is_sensitive(candidate):
                return candidate
        if any(p.kind == "hotline" for p in r.phones):
            return self.t(QT_TRANSLATE_NOOP("Sheet", "Help line"))
        return self.t(QT_TRANSLATE_NOOP("Sheet", "Support service"))

    def number(self, phone: Phone) -> str:
        ext = self.t(QT_TRANSLATE_NOOP("Sheet", "ext."))
        # a no-break space keeps "ext. 12" together when a narrow space wraps the line
        return phone.display + (f" {ext}\u00a0{phone.extension}" if phone.extension else "")

    def phone_label(self, phone: Phone) -> str:
        label = self.keep(phone.label.get(self.lang))
        if not label:
            if phone.kind == "hotline":
                label = self.t(QT_TRANSLATE_NOOP("Sheet", "24 hours a day"))
            elif phone.kind == "tty":
                label = self.t(QT_TRANSLATE_NOOP("Sheet", "TTY (deaf or hard of hearing)"))
        hours = self.keep(phone.hours.get(self.lang))
        return " \u00b7 ".join(p for p in (label, hours) if p)

    def text_line(self, phone: Phone) -> str:
        if phone.message and not (self.discreet and dsc.is_sensitive(phone.message)):
            return (self.t(QT_TRANSLATE_NOOP("Sheet", "Text %1 to %2"))
                    .replace("%1", phone.message).replace("%2", self.number(phone)))
        return self.t(QT_TRANSLATE_NOOP("Sheet", "Text %1")).replace("%1", self.number(phone))

    def details(self, r: Resource) -> list[str]:
        out = []
        if r.address:
            out.append(self.keep(r.address.one_line()))
        hours = weekly_text(r.hours, self.w)
        note = self.keep(r.hours_note.get(self.lang))
        if hours or note:
            label = self.t(QT_TRANSLATE_NOOP("Sheet", "Hours:"))
            out.append(f"{label} " + "; ".join(p for p in (hours, note) if p))
        ways = [self.t(COSTS[c]) for c in r.cost if c in COSTS]
        ways += [self.t(ACCESS[a]) for a in r.access if a in ACCESS]
        if ways:
            out.append(" \u00b7 ".join(ways))
        if r.languages:
            label = self.t(QT_TRANSLATE_NOOP("Sheet", "Languages:"))
            names = [self.t(LANGUAGE_NAMES[c]) if c in LANGUAGE_NAMES else c.upper()
                     for c in r.languages]
            out.append(f"{label} " + ", ".join(names))
        if r.website:
            site = r.website.removeprefix("https://").removeprefix("http://").rstrip("/")
            out.append(self.keep(site))
        return [line for line in out if line]

    def description(self, r: Resource) -> tuple[str, ...]:
        kept: list[str] = []
        for sentence in dsc.keep_sentences(r.description.get(self.lang), self.discreet):
            if kept and len(" ".join([*kept, sentence])) > MAX_DESCRIPTION:
                break
            kept.append(sentence)
        return (" ".join(kept),) if kept else ()

    def checked(self, r: Resource) -> str:
        """Where the way to reach it comes from (`kiosk.directory.trust`), then what to do."""
        t = trust(r)
        if t.level == STAFF and t.date is not None:
            text = (self.t(QT_TRANSLATE_NOOP("Sheet", "Checked by staff: %1 (%2)")) if t.by
                    else self.t(QT_TRANSLATE_NOOP("Sheet", "Checked by staff: %1")))
            parts = [text.replace("%1", self.w.date(t.date)).replace("%2", t.by)]
        elif t.level == PUBLISHED and t.date is not None:
            parts = [self.t(QT_TRANSLATE_NOOP("Sheet", "From an official web page, read %1"))
                     .replace("%1", self.w.date(t.date))]
        elif t.level == DIRECTORY:
            text = QT_TRANSLATE_NOOP("Sheet", "From a community directory (%1), not yet checked")
            parts = [self.t(text).replace("%1", t.origin)]
        else:
            parts = [self.t(QT_TRANSLATE_NOOP("Sheet", "From an article only, not yet checked"))]
        if t.call_first:
            parts.append(self.t(ACCESS["call_first"]))
        if t.reach == THROUGH_211:
            parts.append(self.t(QT_TRANSLATE_NOOP(
                "Sheet", "No phone listed: dial 2-1-1 and ask how to reach them")))
        elif t.reach == BY_OUTREACH:
            parts.append(self.t(QT_TRANSLATE_NOOP(
                "Sheet", "No phone listed: their outreach workers come to you")))
        return " \u00b7 ".join(parts)

    def resource(self, r: Resource) -> ResourceBlock:
        voice = [p for p in r.phones if p.kind != "text"]
        texts = [p for p in r.phones if p.kind == "text"]
        main = r.main_phone
        caption = ""
        if main is not None:
            caption = self.t(QT_TRANSLATE_NOOP("Sheet", "Scan to text") if main.kind == "text"
                             else QT_TRANSLATE_NOOP("Sheet", "Scan to call"))
        return ResourceBlock(
            id=r.id, name=self.name(r),
            phones=tuple(PhoneLine(self.number(p), self.phone_label(p)) for p in voice),
            texts=tuple(self.text_line(p) for p in texts),
            details=tuple(self.details(r)), description=self.description(r),
            checked=self.checked(r), qr_uri=main.uri if main else "", qr_caption=caption)

    # -- titles ------------------------------------------------------------------------------

    def category_title(self, category: Category) -> str:
        """A category's name unless it is marked sensitive or would give the help away."""
        name = category.name.get(self.lang)
        if category.sensitive or dsc.is_sensitive(name):
            return ""
        return name

    def topic_title(self, topic: Topic) -> str:
        """A topic the visitor chose keeps its title, except on a discreet sheet."""
        title = topic.title.get(self.lang)
        if self.discreet and (topic.sensitive or dsc.is_sensitive(title)):
            return ""
        return title


def _active(resources: list[Resource]) -> list[Resource]:
    return [r for r in resources if r.active]


def resources_sheet(resources: list[Resource], options: SheetOptions,
                    kind: str = "handout") -> Sheet:
    w = _Writer(options)
    return w.sheet(kind, (w.resource(r) for r in resources))


def handout_sheet(store: Store, ids: list[str], options: SheetOptions) -> Sheet:
    """The visitor's chosen places, in the order they added them (inactive ones left out)."""
    return resources_sheet(_active(store.resources(list(dict.fromkeys(ids)))), options)


def resource_sheet(store: Store, ids: list[str], options: SheetOptions) -> Sheet:
    """One or more resources named by id; an unknown id is a staff-facing error."""
    ids = list(dict.fromkeys(ids))
    found = store.resources(ids)
    missing = sorted(set(ids) - {r.id for r in found})
    if missing:
        raise KnownError(f"There is no resource with the id {', '.join(missing)}.")
    return resources_sheet(found, options, kind="resource")


def category_sheet(store: Store, slug: str, options: SheetOptions) -> Sheet:
    category = store.category(slug)
    if category is None:
        raise KnownError(f'There is no category "{slug}".')
    w = _Writer(options)
    blocks: list[Block] = []
    description = w.keep(category.description.get(w.lang)) if w.category_title(category) \
        else ""
    if description:
        blocks.append(ParagraphBlock(description))
    blocks += [w.resource(r) for r in store.resources(store.list_ids(slug))]
    return w.sheet("category", blocks, title=w.category_title(category))


def topic_sheet(store: Store, slug: str, options: SheetOptions) -> Sheet:
    topic = store.topic(slug)
    if topic is None:
        raise KnownError(f'There is no topic "{slug}".')
    w = _Writer(options)
    blocks: list[Block] = []
    summary = w.keep(topic.summary.get(w.lang))
    if summary:
        blocks.append(ParagraphBlock(summary))
    for paragraph in topic.body.get(w.lang).split("\n\n"):
        for line in _body_lines(paragraph):
            bullet = line.startswith("- ")
            text = line[2:].strip() if bullet else line
            kept = " ".join(dsc.keep_sentences(text, w.discreet))
            if kept:
                blocks.append(ParagraphBlock(kept, bullet=bullet))
    related = _active(store.resources(list(topic.related)))
    if related:
        blocks.append(HeadingBlock(w.t(QT_TRANSLATE_NOOP("Sheet", "Places that can help"))))
        blocks += [w.resource(r) for r in related]
    return w.sheet("topic", blocks, title=w.topic_title(topic))


def _body_lines(paragraph: str) -> list[str]:
    """List items stay separate; other lines of a paragraph are joined."""
    out: list[str] = []
    for raw in paragraph.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("- ") or not out or out[-1].startswith("- "):
            out.append(line)
        else:
            out[-1] += " " + line
    return out


def directory_sheet(store: Store, options: SheetOptions) -> Sheet:
    """Every active resource once, under its first visible category."""
    w = _Writer(options)
    blocks: list[Block] = []
    seen: set[str] = set()
    other = w.t(QT_TRANSLATE_NOOP("Sheet", "More services"))
    for category in store.categories():
        ids = [i for i in store.list_ids(category.slug) if i not in seen]
        if not ids:
            continue
        seen.update(ids)
        title = w.category_title(category) if not w.discreet or not category.sensitive else ""
        blocks.append(HeadingBlock(title or other))
        blocks += [w.resource(r) for r in store.resources(ids)]
    return w.sheet("all", blocks)


def build_sheet(store: Store, selection: Selection, options: SheetOptions) -> Sheet:
    if selection.category:
        return category_sheet(store, selection.category, options)
    if selection.topic:
        return topic_sheet(store, selection.topic, options)
    if selection.everything:
        return directory_sheet(store, options)
    if selection.kind == "handout":
        return handout_sheet(store, list(selection.resources), options)
    return resource_sheet(store, list(selection.resources), options)
