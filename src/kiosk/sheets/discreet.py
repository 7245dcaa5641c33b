"""Words that must not appear on a discreet sheet, in English and Spanish.

A discreet sheet may be found by someone who controls the visitor, so anything that says what
the help is for (trafficking, sex work, abuse) is left off. Matching ignores case and accents,
and catches the usual word forms (trafficked, trafficker, sex worker, prostituta).
"""

from __future__ import annotations

import re
import unicodedata

# Stems and phrases, matched on lower-case text without accents. `\btrata\b` is a whole word:
# "tratamiento" (treatment) must stay.
SENSITIVE_PATTERNS = (
    # trafficking
    r"traffick\w*", r"\btrata\b", r"\btratantes?\b", r"\bt[\s-]visas?\b", r"\bvisas?\W+t\b",
    # selling, buying or trading sex
    r"\bsex\W*work\w*", r"\bsex\W*trade\b", r"\bsex\W*industry\b", r"commercial\W+sex",
    r"\b(sell|sells|selling|sold|buy|buys|buying|bought|trade|trades|trading|traded|exchang\w*)"
    r"\W+sex\b", r"\bfor\W+sex\b", r"\bsex\W+for\W+(money|food|a\W+place)",
    r"\bsexo\W+comercial\b", r"comercio\W+sexual", r"trabaj\w*\W+sexual\w*",
    r"industria\W+del\W+sexo", r"\b(vend\w*|compr\w*|intercambi\w*)\W+sexo\b",
    r"\bsexo\W+a\W+cambio\b", r"\b(para|por)\W+(el\W+)?sexo\b",
    r"prostitu\w*", r"\bpimp\w*", r"proxenet\w*", r"\bescorts?\b", r"\bjohns?\s+school\b",
    # exploitation and sexual abuse
    r"exploit\w*", r"explotaci\w*", r"explotad\w*", r"sexual\w*\W+(assault|abus\w*|violence)",
    r"violencia\W+sexual", r"\brap(e|ed|ist)\b", r"\bviolaci\w*\W+sexual",
    r"\bagresion\W+sexual\b", r"\babus\w*\W+sexual\w*", r"\bdano\W+sexual\w*",
    r"\bsurvivors?\b", r"\bsobrevivientes?\b",
    # violence by a partner
    r"domestic\W+violence", r"intimate\W+partner\W+violence", r"violencia\W+domestica",
    r"violencia\W+de\W+(su\W+)?pareja", r"hurt\w*\W+by\W+(a|your|their)\W+partner",
    r"\bpartner\b.{0,40}\b(hurting|hurts|forces|controls)\b",
    r"\bpareja\b.{0,40}\b(hace|hizo)\W+dano\b", r"safety\W+plan", r"plan\W+de\W+seguridad",
)
_SENSITIVE = re.compile("|".join(SENSITIVE_PATTERNS))


def fold(text: str) -> str:
    """Lower case without accents: "Explotación" -> "explotacion"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_sensitive(text: str) -> bool:
    return bool(text) and _SENSITIVE.search(fold(text)) is not None


def sensitive_words(text: str) -> list[str]:
    """The sensitive words found in `text` (for test messages and staff checks)."""
    return [m.group(0) for m in _SENSITIVE.finditer(fold(text))]


def keep(text: str, discreet: bool) -> str:
    """`text`, or nothing when the sheet is discreet and the text gives the help away."""
    return "" if discreet and is_sensitive(text) else text


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def keep_sentences(text: str, discreet: bool) -> list[str]:
    """The sentences of `text`, without those that would give the help away."""
    return [s for s in sentences(text) if not (discreet and is_sensitive(s))]
