"""Which kiosk categories a published service belongs in: the mapping.

Published directories classify services with their own taxonomies (the AIRS/211 LA codes,
Open Eligibility terms, local terms) or not at all. The kiosk ships a mapping for the common
ones (`default-mapping.yaml`, next to this file); a coordinator's mapping file adds to it and
overrides its lines. A mapping says:

- `codes`: AIRS-style codes, matched by prefix through the hierarchy (`BD-1800.2000-200`
  is under `BD-1800.2000`, `BD-1800`, `BD` and `B`); the longest listed code decides;
- `terms`: a term's code or name, any case; a term listed nowhere takes its parent's
  categories when the package names its parent;
- `keywords`: words at the start of a word in a service's name or description, for the
  services whose taxonomy maps to nothing (many exports have none);
- `default`: categories for services nothing maps (empty: staff give them one).

A key that looks like an AIRS code is a code in either section. Mapping a key to `[]`
stops it (and its children) from taking any category. See docs/hsds.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.errors import KnownError

FORMAT = "kiosk-hsds-mapping/1"
DEFAULT_FILE = Path(__file__).with_name("default-mapping.yaml")
SECTIONS = ("codes", "terms", "keywords", "default")
AIRS_CODE = re.compile(r"^[A-Z]{1,2}(?:-\d{4}(?:\.\d{4}(?:-\d{3}(?:\.\d{2,3})?)?)?)?$")
_CODE_IN_TEXT = re.compile(r"\b([A-Z]{2}-\d{4}(?:\.\d{4}(?:-\d{3}(?:\.\d{2,3})?)?)?)\b")
DEFAULT_ORIGIN = "default"


def fold(text: str) -> str:
    """Lower case without accents, as keywords are matched."""
    if text.isascii():  # nothing to take apart, no accents
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def code_parents(code: str) -> list[str]:
    """`BD-1800.2000-200` and every level above it, longest first."""
    out = [code]
    while len(code) > 2:
        cut = max(code.rfind("."), code.rfind("-"))
        if cut <= 0:
            break
        code = code[:cut]
        out.append(code)
    if len(code) == 2:
        out.append(code[0])
    return out


@dataclass
class Mapping:
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # upper case
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lower case
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded
    default: tuple[str, ...] = ()
    origins: dict[tuple[str, str], str] = field(default_factory=dict)  # line -> file
    _by_code: dict[str, tuple[str, ...] | None] = field(default_factory=dict, repr=False)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    def slugs(self) -> set[str]:
        out = set(self.default)
        for values in (*self.codes.values(), *self.terms.values(), *self.keywords.values()):
            out.update(values)
        return out

    def for_code(self, code: str) -> tuple[str, ...] | None:
        """Categories of an AIRS code by its longest listed prefix; None when none is."""
        code = code.strip().upper()
        if code not in self._by_code:
            found = None
            if AIRS_CODE.match(code):
                found = next((self.codes[c] for c in code_parents(code) if c in self.codes),
                             None)
            self._by_code[code] = found
        return self._by_code[code]

    def for_term(self, code: str, name: str) -> tuple[str, ...] | None:
        """Categories of one taxonomy term, or None when the mapping does not know it."""
        for key in (code, name):
            if key:
                found = self.terms.get(key.lower())
                if found is not None:
                    return found
        if code:
            found = self.for_code(code)
            if found is not None:
                return found
        in_name = _CODE_IN_TEXT.search(name) if name else None
        if in_name and not code:
            return self.for_code(in_name.group(1))
        return None

    def for_terms(self, terms: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
        """Categories for (code, name) pairs, and the terms that map to nothing."""
        found: list[str] = []
        unmapped: list[str] = []
        for code, name in terms:
            slugs = self.for_term(code, name)
            if slugs:
                found += [s for s in slugs if s not in found]
            elif slugs is None:
                unmapped.append(name or code)
        return found, unmapped

    def for_text(self, text: str) -> list[str]:
        """Categories of the keywords found at the start of words in `text`."""
        if not self.keywords:
            return []
        if self._pattern is None:
            self._pattern = _keyword_pattern(sorted(self.keywords, key=len, reverse=True))
        found: list[str] = []
        for match in self._pattern.finditer(fold(text)):
            found += [s for s in self.keywords[match.group(0)] if s not in found]
        return found

    def restricted(self, known: set[str]) -> Mapping:
        """The same mapping with only the categories this kiosk has."""
        def keep(values: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(v for v in values if v in known)

        # A line left with no category it names here is dropped; one that maps to [] on
        # purpose stays, and keeps its term (and the terms below it) from any category.
        return Mapping({k: keep(v) for k, v in self.codes.items() if keep(v) or not v},
                       {k: keep(v) for k, v in self.terms.items() if keep(v) or not v},
                       {k: keep(v) for k, v in self.keywords.items() if keep(v)},
                       keep(self.default), dict(self.origins))

    def extended(self, other: Mapping) -> Mapping:
        """This mapping with `other`'s lines added, `other` winning where both have one."""
        out = Mapping({**self.codes, **other.codes}, {**self.terms, **other.terms},
                      {**self.keywords, **other.keywords},
                      other.default or self.default, {**self.origins, **other.origins})
        return out

    def to_yaml(self) -> str:
        """The mapping as a mapping file, each line saying where it comes from."""
        def value(slugs: tuple[str, ...]) -> str:
            return slugs[0] if len(slugs) == 1 else "[" + ", ".join(slugs) + "]"

        def quoted(key: str) -> str:
            plain = re.fullmatch(r"[A-Za-z][\w .&/()'-]*", key) and ": " not in key
            return key if plain else '"' + key.replace('"', '\\"') + '"'

        out = [f"format: {FORMAT}"]
        for section in ("codes", "terms", "keywords"):
            lines: dict[str, tuple[str, ...]] = getattr(self, section)
            out.append(f"{section}:")
            for key in sorted(lines, key=str.casefold):
                origin = self.origins.get((section, key), DEFAULT_ORIGIN)
                out.append(f"  {quoted(key)}: {value(lines[key])}  # {origin}")
        out.append(f"default: {value(self.default) if self.default else '[]'}")
        return "\n".join(out) + "\n"


def _keyword_pattern(keywords: list[str]) -> re.Pattern[str]:
    """Any of `keywords` at the start of a word, the first of them in this order that is
    there (the longest, as they are sorted); three letters or fewer only as a whole word.

    The keywords are grouped by their first letter, each group keeping their order: where
    a text has a word, only one group can match, so the regex tries a few dozen
    alternatives there instead of every keyword (twice as quick on a description).
    """
    def part(rest: str, keyword: str) -> str:
        return re.escape(rest) + (r"\b" if len(keyword) <= 3 else "")

    groups: dict[str, list[str]] = {}
    for keyword in keywords:
        groups.setdefault(keyword[:1], []).append(keyword)
    if "" in groups:  # an empty keyword has no first letter: one plain alternation
        return re.compile(r"\b(?:" + "|".join(part(k, k) for k in keywords) + ")")
    return re.compile(r"\b(?:" + "|".join(
        re.escape(first) + "(?:" + "|".join(part(k[1:], k) for k in group) + ")"
        for first, group in groups.items()) + ")")


def _slugs(value: Any, file: Path, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise KnownError(f"{file}, {where}: should be a category slug or a list of them.")


def _load(file: Path) -> dict[str, Any]:
    import yaml

    from kiosk.exchange.tables import excerpt

    try:
        if file.stat().st_size > 1024 * 1024:
            raise KnownError(f"{file}: a mapping file is a few pages at most; this one is "
                             "over 1 MB.")
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnownError(f"{file}: there is no mapping file here.") from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise KnownError(f"{file}: this is not a mapping file (it is not UTF-8 text).") from None
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        # A mapping file needs no aliases: refusing them stops a small file from
        # expanding into a huge one.
        for token in yaml.scan(text, Loader=loader):
            if isinstance(token, yaml.AliasToken | yaml.AnchorToken):
                mark = token.start_mark
                raise KnownError(f"{file}, line {mark.line + 1}: a mapping file has no use "
                                 "for YAML anchors and aliases (& and *); write the values "
                                 "out.")
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark else ""
        raise KnownError(f"{file}{line}: this is not valid YAML.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KnownError(f"{file}: a mapping file starts with the line 'format: {FORMAT}'.")
    unknown = [k for k in data if k != "format" and k not in SECTIONS]
    if unknown:
        raise KnownError(f'{file}, {excerpt(str(unknown[0]), 40)}: is not a known field '
                         "(use codes, terms, keywords, default).")
    return data


def parse_mapping(data: dict[str, Any], file: Path, origin: str) -> Mapping:
    mapping = Mapping()
    for section in ("codes", "terms", "keywords"):
        value = data.get(section) or {}
        if not isinstance(value, dict):
            raise KnownError(f"{file}, {section}: should be a mapping of term to category.")
        for key, slugs in value.items():
            text = str(key).strip()
            values = _slugs(slugs, file, f'{section} "{text[:40]}"')
            if section == "keywords":
                target, name, kind = mapping.keywords, fold(text), section
            elif AIRS_CODE.match(text.upper()) and (section == "codes" or text.isupper()):
                target, name, kind = mapping.codes, text.upper(), "codes"
            else:
                target, name, kind = mapping.terms, text.lower(), "terms"
            target[name] = values
            mapping.origins[kind, name] = origin
    mapping.default = _slugs(data.get("default") or [], file, "default")
    return mapping


_DEFAULT: Mapping | None = None


def default_mapping() -> Mapping:
    """The mapping the kiosk ships (read once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = parse_mapping(_load(DEFAULT_FILE), DEFAULT_FILE, DEFAULT_ORIGIN)
    return _DEFAULT


def read_mapping(file: Path, known: set[str]) -> Mapping:
    """A mapping file checked against the kiosk's category slugs (its lines alone)."""
    mapping = parse_mapping(_load(file), file, file.name)
    missing = sorted(mapping.slugs() - known)
    if missing:
        raise KnownError(f"{file}: these categories do not exist on this kiosk: "
                         f"{', '.join(missing)}.")
    return mapping


def mapping_in_force(file: Path | None, known: set[str]) -> Mapping:
    """The default mapping, extended by `file` when given, for a kiosk with `known`
    categories (default lines naming a category this kiosk lacks are left out)."""
    mapping = default_mapping()
    if file is not None:
        mapping = mapping.extended(read_mapping(file, known))
    return mapping.restricted(known)
