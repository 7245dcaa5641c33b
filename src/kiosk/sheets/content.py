"""The description of a printed sheet: plain values, already in the sheet's language."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("handout", "resource", "category", "topic", "all")


@dataclass(frozen=True, slots=True)
class PhoneLine:
    number: str  # "(860) 555-0100 ext. 12", printed large
    label: str = ""  # "Main line · Mon-Fri 8-5", printed small beside it


@dataclass(frozen=True, slots=True)
class ResourceBlock:
    """One place or line on the sheet; never split across two pages."""

    id: str
    name: str
    phones: tuple[PhoneLine, ...] = ()
    texts: tuple[str, ...] = ()  # "Text HELP to 233733"
    details: tuple[str, ...] = ()  # address, hours, cost, languages, website
    description: tuple[str, ...] = ()  # one or two sentences
    # how far to trust it: "Checked by staff: November 23, 2026 (Ana)",
    # "From an official web page, read December 1, 2026 · Call first", ...
    checked: str = ""
    qr_uri: str = ""  # tel: or sms: of the main number; empty when it has none
    qr_caption: str = ""

    def words(self) -> list[str]:
        out = [self.name, self.checked, self.qr_caption, *self.texts, *self.details,
               *self.description]
        for phone in self.phones:
            out += [phone.number, phone.label]
        return [w for w in out if w]


@dataclass(frozen=True, slots=True)
class HeadingBlock:
    text: str

    def words(self) -> list[str]:
        return [self.text]


@dataclass(frozen=True, slots=True)
class ParagraphBlock:
    text: str
    bullet: bool = False

    def words(self) -> list[str]:
        return [self.text]


Block = ResourceBlock | HeadingBlock | ParagraphBlock


@dataclass(frozen=True, slots=True)
class Sheet:
    kind: str
    lang: str
    discreet: bool
    title: str
    subtitle: str  # "Windham Drop-in Centre · November 23, 2026"
    footer: str  # "In danger now: call 911 · Free help 24/7: dial 2-1-1"
    blocks: tuple[Block, ...] = field(default=())

    @property
    def resources(self) -> list[ResourceBlock]:
        return [b for b in self.blocks if isinstance(b, ResourceBlock)]

    def all_text(self) -> str:
        """Every word printed on the sheet, for checks such as discreet mode."""
        parts = [self.title, self.subtitle, self.footer]
        for block in self.blocks:
            parts += block.words()
        return "\n".join(p for p in parts if p)
