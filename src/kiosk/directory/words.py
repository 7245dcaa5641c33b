"""What people type, mapped to what the directory calls it: the search words file.

`search-words.yaml` (`format: kiosk-search-words/1`) ships beside the bundled directory, and
staff may add a file of the same name to the kiosk's data folder: its entries are added to
the bundled ones, and replace a bundled entry that says the same words. It holds

- `ignore`: words that carry no meaning in a search ("i need", "help with", "necesito"),
  by language;
- `words`: entries of what people `say` (words or short phrases, any language), each with
  the directory words to `find` instead, the `categories` it means, the `places` (resource
  ids) to put first, and `crisis: true` for words that must bring the crisis lines to the
  top, every time.

Places and categories missing from a given directory are left out when searching it; `kiosk
check` warns about them (another region's directory may not have them), while a wrongly typed
field or a phrase said twice is a problem to fix.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.directory.model import Directory
from kiosk.directory.problems import FieldPath, Problem
from kiosk.directory.tokens import tokens

log = logging.getLogger(__name__)

FILE_NAME = "search-words.yaml"
FORMAT = "kiosk-search-words/1"
FORMAT_FAMILY = "kiosk-search-words/"
LANGS = ("en", "es")
TOP_FIELDS = ("format", "ignore", "words")
ENTRY_FIELDS = ("say", "find", "categories", "places", "crisis")
MAX_FILE_BYTES = 1024 * 1024
MAX_ENTRIES = 5000
MAX_LIST = 200  # items in any one list
MAX_PHRASE_WORDS = 6
MAX_TERM_CHARS = 80
MAX_DEPTH = 64  # brackets within brackets
MAX_INDENT = 512  # columns of indent and list markers before a line's text


@dataclass(frozen=True, slots=True)
class Meaning:
    """One entry: what people say and what the search does with it."""

    say: tuple[str, ...]
    find: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    crisis: bool = False


@dataclass(frozen=True)
class SearchWords:
    ignore: frozenset[str] = frozenset()  # folded words, both languages
    meanings: tuple[Meaning, ...] = ()
    phrases: dict[tuple[str, ...], Meaning] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, ignore: Iterable[str], meanings: Iterable[Meaning]) -> SearchWords:
        meanings = tuple(meanings)
        phrases: dict[tuple[str, ...], Meaning] = {}
        for meaning in meanings:
            for said in meaning.say:
                key = tuple(tokens(said))
                if key:
                    phrases[key] = meaning
        folded = frozenset(t for word in ignore for t in tokens(word))
        return cls(folded, meanings, phrases)

    def plus(self, other: SearchWords) -> SearchWords:
        """These words with `other`'s added; a phrase both say is `other`'s."""
        kept = []
        for meaning in self.meanings:
            say = tuple(s for s in meaning.say if tuple(tokens(s)) not in other.phrases)
            if say == meaning.say:
                kept.append(meaning)
            elif say:
                kept.append(replace(meaning, say=say))
        return SearchWords.of(self.ignore | other.ignore, [*kept, *other.meanings])

    def longest_phrase(self) -> int:
        return max((len(k) for k in self.phrases), default=0)


# -- reading --------------------------------------------------------------------------------

def read_words(path: Path) -> tuple[SearchWords, list[Problem]]:
    """The words of one file, and every problem found in it (nothing is kept if any)."""
    text, problem = _read_text(path)
    if problem:
        return SearchWords(), [problem]
    data, problem = _parse(path, text)
    if problem:
        return SearchWords(), [problem]
    reader = _Reader(path)
    words = reader.words(data)
    if reader.problems:
        from kiosk.directory.files import line_of

        return SearchWords(), [Problem(p.file, p.path, p.message, p.line or line_of(text, p.path))
                               for p in reader.problems]
    return words, []


def load_words(bundled_dir: Path, data_dir: Path | None = None) -> SearchWords:
    """The bundled words plus the kiosk's own file, if it has one. A file with problems is
    left out (and the problems logged), so that a mistake never stops the search."""
    words = SearchWords()
    paths = [bundled_dir / FILE_NAME]
    if data_dir is not None:
        paths.append(data_dir / FILE_NAME)
    for path in paths:
        if not path.exists():
            continue
        found, problems = read_words(path)
        for problem in problems:
            log.warning("search words left out: %s", problem)
        if not problems:
            words = words.plus(found)
    return words


def check_words(path: Path, directory: Directory | None = None
                ) -> tuple[SearchWords, list[Problem], list[Problem]]:
    """A words file's entries, its problems, and (given the directory it is for) warnings
    for the places and categories that directory does not have."""
    words, problems = read_words(path)
    if problems or directory is None:
        return words, problems, []
    return words, [], check_against(words, path, directory.category_slugs(),
                                    (r.id for r in directory.resources))


def check_against(words: SearchWords, path: Path, categories: Iterable[str],
                  resources: Iterable[str]) -> list[Problem]:
    """Warnings for the places and categories of `words` that this directory does not have
    (search leaves them out); `path` is the words file, to name lines."""
    known_categories, known_resources = set(categories), set(resources)
    warnings: list[Problem] = []
    for i, meaning in enumerate(words.meanings):
        for j, slug in enumerate(meaning.categories):
            if slug not in known_categories:
                warnings.append(Problem(path, ("words", i, "categories", j),
                                        f'"{slug}" is not a category of this directory; '
                                        "search leaves it out"))
        for j, ident in enumerate(meaning.places):
            if ident not in known_resources:
                warnings.append(Problem(path, ("words", i, "places", j),
                                        f'"{ident}" is not a resource of this directory; '
                                        "search leaves it out until it is added"))
    if not warnings:
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return warnings
    from kiosk.directory.files import line_of

    return [Problem(w.file, w.path, w.message, line_of(text, w.path)) for w in warnings]


def _read_text(path: Path) -> tuple[str, Problem | None]:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return "", Problem(path, (), "this is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            return "", Problem(path, (), f"the file is {info.st_size // 1024} KB; a search "
                                         f"words file can be at most {MAX_FILE_BYTES // 1024} KB")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return "", Problem(path, (), f"the file cannot be read ({error.strerror or error})")
    if len(raw) > MAX_FILE_BYTES:
        return "", Problem(path, (), f"the file is larger than {MAX_FILE_BYTES // 1024} KB")
    if b"\x00" in raw:
        return "", Problem(path, (), "this is not a text file (it holds binary data)")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return "", Problem(path, (), "the file is not UTF-8 text; save it as UTF-8", line)


def _nesting(text: str) -> tuple[int, int]:
    """How deep the text nests, roughly: the deepest flow brackets ([ {) outside quotes,
    and the line that starts deepest (indent and "- " markers). The C parser recurses per
    level and would crash the process on a deep enough file, so depth is checked first."""
    depth = deepest = 0
    quote = ""
    for char in text:
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
        elif char == "\n":
            quote = ""
    widest = 0
    for line in text.splitlines():
        body = line.lstrip(" \t-?:")
        widest = max(widest, len(line) - len(body))
    return deepest, widest


def _parse(path: Path, text: str) -> tuple[Any, Problem | None]:
    import yaml

    brackets, indent = _nesting(text)
    if brackets > MAX_DEPTH or indent > MAX_INDENT:
        return None, Problem(path, (), "this is not a search words file (it is nested far "
                                       "too deeply)")

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or "the text cannot be read"
        return None, Problem(path, (), f"this is not valid YAML ({reason})",
                             mark.line + 1 if mark else None)
    except RecursionError:
        return None, Problem(path, (), "this is not a search words file (it is nested too "
                                       "deeply)")
    if not isinstance(data, dict):
        return None, Problem(path, (), f"this is not a search words file: it should start "
                                       f"with 'format: {FORMAT}'", 1)
    fmt = data.get("format")
    if fmt != FORMAT:
        if isinstance(fmt, str) and fmt.startswith(FORMAT_FAMILY):
            message = (f'format "{fmt}" is newer than this kiosk understands ({FORMAT}); '
                       "update the kiosk first")
        elif fmt is None:
            message = f"the 'format: {FORMAT}' line is missing"
        else:
            message = f'"{fmt}" is not a search words format this kiosk reads ({FORMAT})'
        return None, Problem(path, ("format",), message)
    return data, None


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, where: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.path, where, message))

    def words(self, data: dict[Any, Any]) -> SearchWords:
        for key in data:
            if key not in TOP_FIELDS:
                self.problem((str(key),), "is not a section; use " + ", ".join(TOP_FIELDS))
        ignore: list[str] = []
        raw_ignore = data.get("ignore")
        if raw_ignore is not None:
            if not isinstance(raw_ignore, dict):
                self.problem(("ignore",), "should be a mapping of languages (en, es) to "
                                          "lists of words")
            else:
                for lang, items in raw_ignore.items():
                    if lang not in LANGS:
                        self.problem(("ignore", str(lang)), "is not a language; use en or es")
                        continue
                    ignore += self.texts(items, ("ignore", lang), single_words=True)
        meanings: list[Meaning] = []
        raw_words = data.get("words")
        if raw_words is not None:
            if not isinstance(raw_words, list):
                self.problem(("words",), "should be a list of entries")
            elif len(raw_words) > MAX_ENTRIES:
                self.problem(("words",), f"has {len(raw_words)} entries; at most "
                                         f"{MAX_ENTRIES} fit in one file")
            else:
                seen: dict[tuple[str, ...], int] = {}
                for i, item in enumerate(raw_words):
                    meaning = self.meaning(item, ("words", i))
                    if meaning is None:
                        continue
                    for j, said in enumerate(meaning.say):
                        key = tuple(tokens(said))
                        if key in seen:
                            self.problem(("words", i, "say", j),
                                         f'"{said}" is already said in words[{seen[key]}]')
                        seen[key] = i
                    meanings.append(meaning)
        return SearchWords.of(ignore, meanings)

    def meaning(self, item: Any, where: FieldPath) -> Meaning | None:
        if not isinstance(item, dict):
            self.problem(where, f"should be a mapping with 'say', not {_kind(item)}")
            return None
        for key in item:
            if key not in ENTRY_FIELDS:
                self.problem((*where, str(key)),
                             "is not a known field; use " + ", ".join(ENTRY_FIELDS))
        if "say" not in item:
            self.problem(where, "has no 'say': the words people type")
            return None
        say = self.texts(item["say"], (*where, "say"))
        find = self.texts(item.get("find", []), (*where, "find"), single_words=True)
        categories = self.slugs(item.get("categories", []), (*where, "categories"))
        places = self.slugs(item.get("places", []), (*where, "places"))
        crisis = item.get("crisis", False)
        if not isinstance(crisis, bool):
            self.problem((*where, "crisis"), "should be true or false")
            crisis = False
        if not any(k in item for k in ("find", "categories", "places")):
            self.problem(where, "says what people type but not what to show: add 'find', "
                                "'categories' or 'places'")
        if crisis and not (categories or places):
            self.problem((*where, "crisis"), "needs the 'places' or 'categories' of the "
                                             "crisis lines to put first")
        return Meaning(tuple(say), tuple(find), tuple(categories), tuple(places), crisis)

    def texts(self, value: Any, where: FieldPath, single_words: bool = False) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(where, f"should be a list of words, not {_kind(value)}")
            return []
        if len(value) > MAX_LIST:
            self.problem(where, f"has {len(value)} items; at most {MAX_LIST}")
            return []
        out = []
        for i, text in enumerate(value):
            if isinstance(text, int | float) and not isinstance(text, bool):
                text = str(text)
            if not isinstance(text, str):
                self.problem((*where, i), f"should be a word, not {_kind(text)}")
                continue
            words = tokens(text)
            if not words:
                self.problem((*where, i), "has no letters or digits")
            elif len(text) > MAX_TERM_CHARS:
                self.problem((*where, i), f"is longer than {MAX_TERM_CHARS} characters")
            elif single_words and len(words) > 1:
                self.problem((*where, i), "should be one word (write each word on its own)")
            elif len(words) > MAX_PHRASE_WORDS:
                self.problem((*where, i), f"has more than {MAX_PHRASE_WORDS} words")
            else:
                out.append(text.strip())
        return out

    def slugs(self, value: Any, where: FieldPath) -> list[str]:
        from kiosk.directory.convert import SLUG

        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(where, f"should be a list, not {_kind(value)}")
            return []
        if len(value) > MAX_LIST:
            self.problem(where, f"has {len(value)} items; at most {MAX_LIST}")
            return []
        out = []
        for i, slug in enumerate(value):
            if not isinstance(slug, str) or not SLUG.match(slug):
                self.problem((*where, i), "should be an id like 'help-now' (lowercase letters, "
                                          "digits and dashes)")
            else:
                out.append(slug)
        return out


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
