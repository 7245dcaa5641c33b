"""Which kiosk categories a published service belongs in: the mapping file.

Published directories classify services with their own taxonomies (AIRS/211 codes, local
terms) or not at all. A small YAML file, kept by the coordinator, says which terms and which
words in a service's name or description put it in which kiosk category; see docs/hsds.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.errors import KnownError

FORMAT = "kiosk-hsds-mapping/1"


@dataclass
class Mapping:
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lower-case code or name
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    default: tuple[str, ...] = ()

    def slugs(self) -> set[str]:
        out = set(self.default)
        for values in (*self.terms.values(), *self.keywords.values()):
            out.update(values)
        return out

    def for_terms(self, terms: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
        """Categories for (code, name) pairs, and the terms that map to nothing."""
        found: list[str] = []
        unmapped: list[str] = []
        for code, name in terms:
            slugs = self.terms.get(code.lower()) or self.terms.get(name.lower())
            if slugs:
                found += [s for s in slugs if s not in found]
            else:
                unmapped.append(name or code)
        return found, unmapped

    def for_text(self, text: str) -> list[str]:
        words = text.lower()
        found: list[str] = []
        for keyword, slugs in self.keywords.items():
            if re.search(rf"\b{re.escape(keyword)}", words):
                found += [s for s in slugs if s not in found]
        return found


def _slugs(value: Any, file: Path, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise KnownError(f"{file}, {where}: should be a category slug or a list of them.")


def read_mapping(file: Path, known: set[str]) -> Mapping:
    """Read and check a mapping file against the kiosk's category slugs."""
    import yaml

    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnownError(f"{file}: there is no mapping file here.") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark else ""
        raise KnownError(f"{file}{line}: this is not valid YAML.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KnownError(f"{file}: a mapping file starts with the line 'format: {FORMAT}'.")
    mapping = Mapping()
    for section in ("terms", "keywords"):
        value = data.get(section) or {}
        if not isinstance(value, dict):
            raise KnownError(f"{file}, {section}: should be a mapping of term to category.")
        target = mapping.terms if section == "terms" else mapping.keywords
        for key, slugs in value.items():
            target[str(key).strip().lower()] = _slugs(slugs, file, f'{section} "{key}"')
    mapping.default = _slugs(data.get("default") or [], file, "default")
    unknown = [k for k in data if k not in ("format", "terms", "keywords", "default")]
    if unknown:
        raise KnownError(f'{file}, {unknown[0]}: is not a known field (use terms, keywords, '
                         "default).")
    missing = sorted(mapping.slugs() - known)
    if missing:
        raise KnownError(f"{file}: these categories do not exist on this kiosk: "
                         f"{', '.join(missing)}.")
    return mapping
