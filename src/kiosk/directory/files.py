"""Directory files (`format: kiosk-directory/1`): read, check and write.

Reading is fast on good files: PyYAML's C loader parses each file once. Only when something
is wrong are files parsed a second time as a node tree, to find the line of each problem.
"""

from __future__ import annotations

import os
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
from kiosk.directory.problems import DirectoryError, FieldPath, Problem

FORMAT = "kiosk-directory/1"
FORMAT_FAMILY = "kiosk-directory/"
SECTIONS = ("directory", "categories", "resources", "topics")
MAX_FILE_BYTES = 128 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


def _yaml() -> Any:
    import yaml

    return yaml


_LOADER: Any = None


def _loader() -> Any:
    """PyYAML's C safe loader, except that a date which does not exist stays text.

    (The stock loader raises a bare ValueError for `2026-13-45`, with no line; as text it
    reaches the field check, which names the file, line and field.)
    """
    global _LOADER
    if _LOADER is None:
        yaml = _yaml()
        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class Loader(base):  # type: ignore[misc, valid-type]
            def construct_yaml_timestamp(self, node: Any) -> Any:
                try:
                    return super().construct_yaml_timestamp(node)
                except ValueError:
                    return self.construct_scalar(node)

        Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
        _LOADER = Loader
    return _LOADER


def directory_files(path: Path) -> list[Path]:
    """The files that make up the directory at `path` (a file or a folder of files). The
    search words file that may sit beside them is not one (`kiosk.directory.words`)."""
    from kiosk.directory.words import FILE_NAME as SEARCH_WORDS

    if path.is_dir():
        return sorted(p for p in path.iterdir()
                      if p.suffix.lower() in YAML_SUFFIXES and p.is_file()
                      and p.name != SEARCH_WORDS)
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
        reader = Reader(file)
        _read_sections(reader, data, directory, seen)
        if isinstance(data, dict) and "directory" in data:
            if info_file:
                reader.problem(("directory",), f"is already given in {info_file.name}")
            info_file = file
        problems.extend(reader.problems)
    problems.extend(_cross_check(directory, seen))
    if problems:
        problems = [_with_line(p, texts.get(p.file) if p.file else None) for p in problems]
    return directory, problems


def _read_text(file: Path) -> tuple[str, Problem | None]:
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            mb = size / (1024 * 1024)
            limit = MAX_FILE_BYTES // (1024 * 1024)
            return "", Problem(file, (), f"the file is {mb:.0f} MB; directory files can be at "
                                         f"most {limit} MB (split it into a folder of files)")
        raw = file.read_bytes()
    except OSError as error:
        return "", Problem(file, (), f"the file cannot be read ({error.strerror or error})")
    if b"\x00" in raw[:65536]:
        return "", Problem(file, (), "this is not a text file (it holds binary data)")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return "", Problem(file, (), "the file is not UTF-8 text; save it as UTF-8", line)


def _parse(file: Path, text: str) -> tuple[Any, Problem | None]:
    yaml = _yaml()
    try:
        data = yaml.load(text, Loader=_loader())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(error, "problem", None) or "the text cannot be read"
        return None, Problem(file, (), f"this is not valid YAML ({reason})", line)
    if not isinstance(data, dict):
        return None, Problem(file, (), "this is not a directory file: it should start with "
                                       f"'format: {FORMAT}'", 1)
    fmt = data.get("format")
    if fmt != FORMAT:
        if isinstance(fmt, str) and fmt.startswith(FORMAT_FAMILY):
            message = (f'format "{fmt}" is newer than this kiosk understands ({FORMAT}); '
                       "update the kiosk first")
        elif fmt is None:
            message = f"the 'format: {FORMAT}' line is missing"
        else:
            message = f'"{fmt}" is not a directory format this kiosk reads ({FORMAT})'
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
            if ident and ident in seen[section]:
                first_file, first_path = seen[section][ident]
                where = "" if first_file == reader.file else f" in {first_file.name}"
                reader.problem((section, i, key),
                               f'"{ident}" is used twice (first at {_brief(first_path)}{where})')
                continue
            if ident:
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


def _with_line(problem: Problem, text: str | None) -> Problem:
    if problem.line is not None or text is None:
        return problem
    line = line_of(text, problem.path)
    return Problem(problem.file, problem.path, problem.message, line)


def line_of(text: str, path: FieldPath) -> int | None:
    """The line where the value at `path` starts (or the nearest enclosing value)."""
    yaml = _yaml()
    try:
        node = yaml.compose(text, Loader=_loader())
    except yaml.YAMLError:
        return None
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


def dump_yaml(data: Any) -> str:
    yaml = _yaml()
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


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
