"""Directory files (`format: kiosk-directory/1`): read, check and write.

Reading is fast on good files: PyYAML's C loader parses each file once. Only when something
is wrong are files parsed a second time as a node tree, to find the line of each problem.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from kiosk.directory.bulk import no_cycle_collection
from kiosk.directory.convert import (
    Reader,
    category_to_data,
    info_to_data,
    resource_to_data,
    topic_to_data,
)
from kiosk.directory.model import Directory
from kiosk.directory.problems import DirectoryError, FieldPath, Problem, excerpt

FORMAT = "kiosk-directory/1"
FORMAT_FAMILY = "kiosk-directory/"
SECTIONS = ("directory", "categories", "resources", "topics")
MAX_FILE_BYTES = 128 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


def _yaml() -> Any:
    import yaml

    return yaml


_LOADER: Any = None

# What the format needs is a few levels (resources > a resource > phones > a phone > label);
# PyYAML's C parser builds its node tree by recursion and crashes the process far deeper.
MAX_DEPTH = 48
MAX_INDENT = 256  # block nesting needs indentation: a line indented this far is refused
_DEEP_BLOCK = re.compile(rf"^[ \-]{{{MAX_INDENT}}}", re.MULTILINE)
_FLOW_CHARS = re.compile(r"[\[\]{}]")
# Characters that could hide or reorder text, or break a record, in any text of a file:
# C0 and C1 controls (tab and new line aside), bidirectional overrides and isolates, the
# byte-order mark, line and paragraph separators, noncharacters and lone surrogates.
CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]")


class Refused(Exception):
    """A file the loader will not read further, with the line where it stopped."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _line(node: Any) -> int | None:
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else None


def character_name(char: str) -> str:
    import unicodedata

    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


def _loader() -> Any:
    """PyYAML's C safe loader, made strict for files that reach a kiosk from anywhere.

    - no aliases (`*name`): the format never needs them, and expanded they make a few
      hundred bytes into gigabytes;
    - a key given twice in one mapping is refused, not quietly overwritten;
    - no control or bidirectional characters in any text (written raw or as an escape);
    - keys are plain words, never lists or mappings;
    - a date which does not exist stays text (the stock loader raises a bare ValueError for
      `2026-13-45`, with no line; as text it reaches the field check, which names the file,
      line and field).

    Each refusal names its line. Collections are built the way PyYAML builds them (one
    generator per collection, run in turn), so deep input takes no recursion here.
    """
    global _LOADER
    if _LOADER is None:
        yaml = _yaml()
        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        scalar_node, sequence_node, mapping_node = (yaml.ScalarNode, yaml.SequenceNode,
                                                    yaml.MappingNode)
        bad = CONTROL_CHARACTERS.search

        def expect(node: Any, kind: type, what: str) -> None:
            if not isinstance(node, kind):  # a tag such as !!str on a list
                tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
                raise Refused(f"{what} is expected here (the tag {excerpt(tag)} does not fit "
                              "what follows it)", _line(node))

        class Loader(base):  # type: ignore[misc, valid-type]
            def construct_yaml_timestamp(self, node: Any) -> Any:
                try:
                    return super().construct_yaml_timestamp(node)
                except ValueError:
                    return self.construct_scalar(node)

            def construct_yaml_str(self, node: Any) -> Any:
                expect(node, scalar_node, "a text")
                value = node.value
                found = bad(value)
                if found:
                    raise Refused(f"the text holds {character_name(found.group())}, which "
                                  "could hide or reorder what staff and visitors read; "
                                  "delete it", _line(node))
                return value

            def construct_yaml_seq(self, node: Any) -> Any:
                expect(node, sequence_node, "a list")
                data: list[Any] = []
                yield data
                made = self.constructed_objects
                construct = self.construct_object
                for i, child in enumerate(node.value):
                    if child in made:  # where the alias is: just after the item before it
                        raise _alias(node.value[i - 1].end_mark if i else node.start_mark)
                    data.append(construct(child))

            def construct_yaml_map(self, node: Any) -> Any:
                expect(node, mapping_node, "a mapping")
                data: dict[Any, Any] = {}
                yield data
                made = self.constructed_objects
                construct = self.construct_object
                for key_node, value_node in node.value:
                    if key_node in made or value_node in made:
                        raise _alias(key_node.start_mark if key_node not in made
                                     else node.start_mark)
                    if type(key_node) is not scalar_node:
                        raise Refused("a key must be a plain word, not a list or a mapping",
                                      _line(key_node))
                    key = construct(key_node)
                    if key in data:
                        raise Refused(f'"{excerpt(str(key))}" is given twice in this '
                                      "mapping (a second value would silently win); keep "
                                      "one", _line(key_node))
                    data[key] = construct(value_node)

        def _alias(mark: Any) -> Refused:
            return Refused("this repeats another part of the file with a YAML alias "
                           "(*name), which directory files may not use; write the value out",
                           mark.line + 1)

        def refuse_kind(self: Any, node: Any) -> Any:
            tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            raise Refused(f"the YAML type {excerpt(tag)} is not used in directory files",
                          _line(node))

        def checked(method: Any, what: str) -> Any:
            """PyYAML's own constructor for `what`, with the KeyError or ValueError it
            raises for a tag that does not fit (`!!bool 2`, `!!float x`) made a refusal."""
            def construct(self: Any, node: Any) -> Any:
                try:
                    return method(self, node)
                except (ValueError, KeyError, TypeError, OverflowError):
                    raise Refused(f'"{excerpt(str(node.value))}" is not {what}',
                                  _line(node)) from None
            return construct

        for tag, what in (("bool", "true or false"), ("int", "a whole number"),
                          ("float", "a number"), ("null", "empty")):
            name = f"construct_yaml_{tag}"
            Loader.add_constructor(f"tag:yaml.org,2002:{tag}",
                                   checked(getattr(base, name), what))
        for tag, method in (("timestamp", Loader.construct_yaml_timestamp),
                            ("str", Loader.construct_yaml_str),
                            ("seq", Loader.construct_yaml_seq),
                            ("map", Loader.construct_yaml_map),
                            ("omap", refuse_kind), ("pairs", refuse_kind),
                            ("set", refuse_kind), ("binary", refuse_kind)):
            Loader.add_constructor(f"tag:yaml.org,2002:{tag}", method)
        _LOADER = Loader
    return _LOADER


def too_deep(text: str) -> Refused | None:
    """Whether `text` nests deeper than `MAX_DEPTH`, found without parsing it.

    Block collections nest by indentation, so a line indented `MAX_INDENT` columns is
    refused. Flow collections (`[`, `{`) are stripped pair by pair, innermost first, at the
    speed of `str.replace`: a directory file needs a few rounds; more than `MAX_DEPTH`, or
    more than `MAX_DEPTH` brackets left unmatched, is refused.
    """
    deep = _DEEP_BLOCK.search(text)
    if deep:
        return Refused(f"this line is indented more than {MAX_INDENT - 1} columns; directory "
                       "files nest only a few levels", text.count("\n", 0, deep.start()) + 1)
    flow = "".join(_FLOW_CHARS.findall(text)) if "[" in text or "{" in text else ""
    if not flow:
        return None
    flow = flow.replace("[", "(").replace("{", "(").replace("]", ")").replace("}", ")")
    for _ in range(MAX_DEPTH):
        shorter = flow.replace("()", "")
        if shorter == flow:
            break
        flow = shorter
    else:
        if flow:
            return Refused(f"brackets are nested more than {MAX_DEPTH} levels deep",
                           _deep_line(text))
    if flow.count("(") > MAX_DEPTH:
        return Refused(f"more than {MAX_DEPTH} brackets are opened and never closed",
                       _deep_line(text))
    return None


def _deep_line(text: str) -> int | None:
    """The line where brackets first nest past `MAX_DEPTH` (only looked for on refusal)."""
    depth = 0
    for found in _FLOW_CHARS.finditer(text):
        depth += 1 if found.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return text.count("\n", 0, found.start()) + 1
    return None


def directory_files(path: Path) -> list[Path]:
    """The files that make up the directory at `path` (a file or a folder of files). The
    search words file that may sit beside them is not one (`kiosk.directory.words`)."""
    from kiosk.directory.words import FILE_NAME as SEARCH_WORDS

    if path.is_dir():
        # Anything named .yaml is read, so that a folder or a pipe with that name is
        # refused by name rather than silently left out (leaving out its entries).
        return sorted(p for p in path.iterdir()
                      if p.suffix.lower() in YAML_SUFFIXES and p.name != SEARCH_WORDS)
    return [path]


def read_directory(path: Path) -> Directory:
    """Read and check a directory; raises `DirectoryError` listing every problem."""
    directory, problems = check_directory(path)
    if problems:
        raise DirectoryError(problems)
    return directory


def check_directory(path: Path) -> tuple[Directory, list[Problem]]:
    with no_cycle_collection():
        return _check_directory(Path(path))


def _check_directory(path: Path) -> tuple[Directory, list[Problem]]:
    if not path.exists():
        return Directory(), [Problem(path, (), "there is no file or folder here")]
    files = directory_files(path)
    if not files:
        return Directory(), [Problem(path, (), "this folder has no .yaml files")]
    directory = Directory()
    problems: list[Problem] = []
    texts: dict[Path, str] = {}
    seen: dict[str, dict[str, tuple[Path, FieldPath]]] = {
        "categories": {}, "resources": {}, "topics": {}}
    info_file: Path | None = None
    for file in files:
        text, problem = _read_text(file)
        if problem:
            problems.append(problem)
            continue
        texts[file] = text
        data, problem = _parse(file, text)
        if problem:
            problems.append(problem)
            continue
        reader = Reader(file, checked_characters=True)  # the loader has refused them
        _read_sections(reader, data, directory, seen)
        if isinstance(data, dict) and "directory" in data:
            if info_file:
                reader.problem(("directory",), f"is already given in {info_file.name}")
            info_file = file
        problems.extend(reader.problems)
    problems.extend(_cross_check(directory, seen))
    if problems:
        problems = _with_lines(problems, texts)
    return directory, problems


def _read_text(file: Path) -> tuple[str, Problem | None]:
    def too_big(size: int) -> Problem:
        return Problem(file, (), f"the file is {size / (1024 * 1024):.0f} MB; directory files "
                                 f"can be at most {MAX_FILE_BYTES // (1024 * 1024)} MB (split "
                                 "it into a folder of files)")

    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)  # a pipe must not hang the reader
    except OSError as error:
        return "", Problem(file, (), f"the file cannot be read ({error.strerror or error})")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return "", Problem(file, (), "this is not a regular file (a folder, a pipe or a "
                                         "device); directory files are plain text files")
        if info.st_size > MAX_FILE_BYTES:
            return "", too_big(info.st_size)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since
    except OSError as error:
        return "", Problem(file, (), f"the file cannot be read ({error.strerror or error})")
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        return "", too_big(len(raw))
    nul = raw.find(b"\x00", 0, 65536)
    if nul >= 0:
        return "", Problem(file, (), "this is not a text file (it holds binary data)",
                           raw.count(b"\n", 0, nul) + 1)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return "", Problem(file, (), "the file is not UTF-8 text; save it as UTF-8", line)


def load_strict(text: str) -> Any:
    """YAML text parsed as directory files are: no aliases, no key twice, no control or
    bidirectional characters, bounded nesting. For any YAML file the kiosk takes from
    outside (search words, HSDS mappings). Raises `Refused` (with `message` and `line`) or
    PyYAML's `YAMLError`."""
    deep = too_deep(text)
    if deep is not None:
        raise deep
    return _yaml().load(text, Loader=_loader())


def _parse(file: Path, text: str) -> tuple[Any, Problem | None]:
    yaml = _yaml()
    try:
        data = load_strict(text)
    except Refused as refused:
        return None, Problem(file, (), refused.message, refused.line)
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, raw
        at = text.count("\n", 0, error.position) + 1
        char = character_name(chr(error.character)) if isinstance(error.character, int) \
            else "a character"
        return None, Problem(file, (), f"the text holds {char}, which YAML does not allow; "
                                       "delete it", at)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else None
        reason = excerpt(str(getattr(error, "problem", None) or "the text cannot be read"), 80)
        return None, Problem(file, (), f"this is not valid YAML ({reason})", line)
    if not isinstance(data, dict):
        return None, Problem(file, (), "this is not a directory file: it should start with "
                                       f"'format: {FORMAT}'", 1)
    fmt = data.get("format")
    if fmt != FORMAT:
        if isinstance(fmt, str) and fmt.startswith(FORMAT_FAMILY):
            message = (f'format "{excerpt(fmt)}" is newer than this kiosk understands '
                       f"({FORMAT}); update the kiosk first")
        elif fmt is None:
            message = f"the 'format: {FORMAT}' line is missing"
        else:
            message = f'"{excerpt(str(fmt))}" is not a directory format this kiosk reads ' \
                      f"({FORMAT})"
        return None, Problem(file, ("format",), message)
    return data, None


def _read_sections(reader: Reader, data: dict, directory: Directory,
                   seen: dict[str, dict[str, tuple[Path, FieldPath]]]) -> None:
    for key in data:
        if key != "format" and key not in SECTIONS:
            reader.problem((str(key),), "is not a section; use " + ", ".join(SECTIONS))
    if "directory" in data:
        directory.info = reader.info(data["directory"], ("directory",))
    for section, read, out, key in (
        ("categories", reader.category, directory.categories, "slug"),
        ("resources", reader.resource, directory.resources, "id"),
        ("topics", reader.topic, directory.topics, "slug"),
    ):
        items = data.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            reader.problem((section,), "should be a list")
            continue
        for i, item in enumerate(items):
            record = read(item, (section, i))
            if record is None:
                continue
            ident = getattr(record, key)
            if not ident:
                continue  # a record without its id: that problem is already reported
            if ident in seen[section]:
                first_file, first_path = seen[section][ident]
                where = "" if first_file == reader.file else f" in {first_file.name}"
                reader.problem((section, i, key),
                               f'"{ident}" is used twice (first at {_brief(first_path)}{where})')
                continue
            seen[section][ident] = (reader.file, (section, i))  # type: ignore[assignment]
            out.append(record)  # type: ignore[arg-type]


def _brief(path: FieldPath) -> str:
    return f"{path[0]}[{path[1]}]"


def _cross_check(directory: Directory,
                 seen: dict[str, dict[str, tuple[Path, FieldPath]]]) -> list[Problem]:
    problems = []
    slugs = directory.category_slugs()
    resource_ids = {r.id for r in directory.resources}
    for resource in directory.resources:
        file, path = seen["resources"][resource.id]
        for i, slug in enumerate(resource.categories):
            if slug not in slugs:
                problems.append(Problem(file, (*path, "categories", i),
                                        f'"{slug}" is not a known category'))
    for topic in directory.topics:
        file, path = seen["topics"][topic.slug]
        for i, slug in enumerate(topic.categories):
            if slug not in slugs:
                problems.append(Problem(file, (*path, "categories", i),
                                        f'"{slug}" is not a known category'))
        for i, ident in enumerate(topic.related):
            if ident not in resource_ids:
                problems.append(Problem(file, (*path, "related", i),
                                        f'"{ident}" is not a known resource'))
    return problems


def _with_lines(problems: list[Problem], texts: dict[Path, str]) -> list[Problem]:
    """The problems with their lines, each file's node tree composed once for all of them
    (once per problem made checking N bad records take N^2 time)."""
    trees: dict[Path, Any] = {}
    out = []
    for problem in problems:
        if problem.line is not None or problem.file is None or problem.file not in texts:
            out.append(problem)
            continue
        if problem.file not in trees:
            trees[problem.file] = _compose(texts[problem.file])
        line = _line_in(trees[problem.file], problem.path)
        out.append(Problem(problem.file, problem.path, problem.message, line))
    return out


def _compose(text: str) -> Any:
    yaml = _yaml()
    try:
        return yaml.compose(text, Loader=_loader())
    except yaml.YAMLError:
        return None


def line_of(text: str, path: FieldPath) -> int | None:
    """The line where the value at `path` starts (or the nearest enclosing value)."""
    return _line_in(_compose(text), path)


def _line_in(node: Any, path: FieldPath) -> int | None:
    yaml = _yaml()
    line = node.start_mark.line + 1 if node else None
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    child = value_node if not isinstance(value_node, yaml.ScalarNode) or \
                        value_node.value != "" else key_node
                    break
        elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
              and 0 <= part < len(node.value)):
            child = node.value[part]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


# -- writing ----------------------------------------------------------------------------------

def directory_to_data(directory: Directory) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT}
    info = info_to_data(directory.info)
    if info:
        data["directory"] = info
    data["categories"] = [category_to_data(c) for c in directory.categories]
    data["resources"] = [resource_to_data(r) for r in directory.resources]
    data["topics"] = [topic_to_data(t) for t in directory.topics]
    return data


_DUMPER: Any = None


def _dumper() -> Any:
    """PyYAML's C safe dumper, writing every value out: it would otherwise write a value
    two records share (the same hours, say) once with an anchor and then as an alias,
    which the loader refuses."""
    global _DUMPER
    if _DUMPER is None:
        yaml = _yaml()

        class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
            def ignore_aliases(self, data: Any) -> bool:
                return True

        _DUMPER = Dumper
    return _DUMPER


def dump_yaml(data: Any) -> str:
    yaml = _yaml()
    return yaml.dump(data, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=100)


def write_directory(directory: Directory, path: Path) -> list[Path]:
    """Write `directory` as one file (PATH ends in .yaml) or as a folder of four files."""
    path = Path(path)
    data = directory_to_data(directory)
    if path.suffix.lower() in YAML_SUFFIXES:
        write_atomically(path, dump_yaml(data))
        return [path]
    path.mkdir(parents=True, exist_ok=True)
    written = []
    head = {"format": FORMAT}
    parts = {"directory.yaml": {**head, **({"directory": data["directory"]}
                                           if "directory" in data else {})}}
    for section in ("categories", "resources", "topics"):
        parts[f"{section}.yaml"] = {**head, section: data[section]}
    for name, part in parts.items():
        write_atomically(path / name, dump_yaml(part))
        written.append(path / name)
    return written


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write the whole file or nothing: a temporary file beside it, then a rename.
    Text is written as UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
