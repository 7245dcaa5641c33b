"""Hostile directory files are refused with FILE:LINE, fast and in bounded memory: aliases,
deep nesting, duplicate keys, control characters, ids that are not ids, huge values, pipes."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.directory.files import check_directory

from .helpers import CATEGORIES, HEAD, directory_file, resource_yaml, write

ALIAS_BOMB = HEAD + "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
    for i in range(9)) + "resources:\n  - id: bomb\n    name: *j\n"


def problems_of(path: Path) -> list[str]:
    _, problems = check_directory(path)
    return [str(p) for p in problems]


def kiosk_check(path: Path, memory_mb: int = 1024,
                timeout: float = 60) -> tuple[subprocess.CompletedProcess[str], float]:
    """`kiosk check PATH` in a child with at most `memory_mb` of address space."""
    def limit() -> None:
        size = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "kiosk", "check", str(path)],
                            capture_output=True, text=True, timeout=timeout, check=False,
                            preexec_fn=limit)
    return result, time.monotonic() - start


def test_an_alias_bomb_is_refused_at_once_in_little_memory(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.yaml", "", head=ALIAS_BOMB)
    assert path.stat().st_size < 800
    result, seconds = kiosk_check(path, memory_mb=1024, timeout=60)
    assert result.returncode == 1, result.stderr[-500:]
    assert "Traceback" not in result.stderr and len(result.stderr) < 1000
    assert f"{path}:3: " in result.stderr and "alias" in result.stderr
    assert seconds < 20


@pytest.mark.parametrize(("nesting", "line"), [
    ("resources: " + "[" * 200_000 + "]" * 200_000 + "\n", 2),
    ("resources:\n" + "".join(" " * i + f"k{i}:\n" for i in range(300)), 259),
    ("resources: [" + "{a: [" * 40 + "x" + "]}" * 40 + "]\n", 2),
], ids=["flow-200000", "block-300", "mixed-80"])
def test_deep_nesting_is_refused_without_crashing(tmp_path: Path, nesting: str,
                                                  line: int) -> None:
    path = write(tmp_path / "deep.yaml", "", head=HEAD + nesting)
    result, _ = kiosk_check(path)
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])
    assert result.stderr.startswith(f"{path}:{line}: ") and "Traceback" not in result.stderr


def test_a_key_given_twice_is_refused_with_the_line_of_the_second(tmp_path: Path) -> None:
    body = resource_yaml().replace("    sources:", '    phones: ["(860) 555-0199"]\n    sources:')
    path = directory_file(tmp_path, body)
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:13: ") and '"phones" is given twice' in problem


@pytest.mark.parametrize("text", [
    "\\u202eenilnoH", "\\e[2J", "\\0", "\\ufeffClinic", "Clinic\\u2028Free", "\\x85x",
    "\\u2066Clinic\\u2069", "\\x7f",
])
def test_control_and_bidi_characters_are_refused_in_any_text(tmp_path: Path,
                                                             text: str) -> None:
    path = directory_file(tmp_path, resource_yaml().replace(
        "{en: Clinic, es: Clínica}", f'{{en: "{text}", es: Clínica}}'))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:9: ") and "U+" in problem


def test_a_lone_surrogate_is_refused(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml().replace("{en: Clinic, es: Clínica}",
                                                            '{en: "\\ud800", es: Clínica}'))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:9: ")


def test_a_raw_right_to_left_override_in_a_key_is_refused(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml().replace("    categories:",
                                                            "    catego\u202eries:"))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:10: ") and "U+202E" in problem


@pytest.mark.parametrize(("value", "reason"), [
    ('""', "is required"),
    ("~", "is required"),
    ("[clinic]", "should be text"),
    ("{a: b}", "should be text"),
    ("0x1F", "not the number 31"),
    ("2024", "not the number 2024"),
    ("true", "not true/false"),
    ("Clinic One", "may hold only lowercase letters"),
])
def test_ids_must_be_text_in_the_documented_form(tmp_path: Path, value: str,
                                                 reason: str) -> None:
    path = directory_file(tmp_path, resource_yaml().replace("id: clinic", f"id: {value}"))
    result = main(["check", str(path)])
    assert result == 1
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:8: resources[0].id: ") and reason in problem


def test_a_resource_without_an_id_is_refused_not_crashed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = directory_file(tmp_path, resource_yaml().replace("  - id: clinic\n    name:",
                                                            "  - name:"))
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:8: resources[0].id: is required" in err and "Traceback" not in err


@pytest.mark.parametrize("number", ["9223372036854775808", "-9223372036854775809",
                                    "1" + "0" * 400])
def test_a_huge_number_is_refused_not_crashed(tmp_path: Path, number: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = directory_file(tmp_path, resource_yaml() + f"    priority: {number}\n")
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:14: resources[0].priority: should be a whole number" in err
    assert "Traceback" not in err and len(err) < 400


def test_a_10_mb_bad_value_is_quoted_in_a_few_words(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml().replace(
        "[seeds/000.txt]", "[seeds/000.txt]\n    website: " + "x" * 10_000_000))
    (problem,) = problems_of(path)
    assert len(problem) < 300 and "characters long" in problem


def test_every_field_has_a_length_limit(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml().replace(
        "{en: Free tests., es: Pruebas gratis.}", "{en: " + "word " * 5000 + "}"))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:11: resources[0].description.en: is 2")
    assert "at most 20,000" in problem


def test_checking_many_bad_records_composes_each_file_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    bad = "".join(resource_yaml(f"r{i}").replace("[health]", "[nowhere]") for i in range(2000))
    path = directory_file(tmp_path, bad)
    calls = []
    real = yaml.compose
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: calls.append(1) or real(*a, **k))
    problems = problems_of(path)
    assert len(problems) == 2000 and len(calls) == 1
    assert problems[-1].startswith(f"{path}:{8 + 6 * 1999 + 2}: resources[1999].categories[0]")


def test_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "d.yaml"
    os.mkfifo(fifo)
    result, seconds = kiosk_check(fifo, timeout=30)
    assert result.returncode == 1 and "not a regular file" in result.stderr
    folder = tmp_path / "folder"
    write(folder / "a.yaml", CATEGORIES)
    os.mkfifo(folder / "b.yaml")
    result, seconds = kiosk_check(folder, timeout=30)
    assert result.returncode == 1 and f"{folder / 'b.yaml'}: this is not a regular file" in \
        result.stderr
    assert seconds < 20


def test_the_kiosk_s_own_files_never_use_aliases(tmp_path: Path) -> None:
    from kiosk.directory.files import read_directory, write_directory

    directory = read_directory(directory_file(tmp_path, resource_yaml() + """\
    hours: {mon: ["09:00-17:00"]}
"""))
    clinic = directory.resources[0]
    directory.resources.append(clinic.with_changes(id="second-clinic"))  # shares its hours
    written = write_directory(directory, tmp_path / "out")
    assert not any("*id" in p.read_text(encoding="utf-8") for p in written)
    assert [r.id for r in read_directory(tmp_path / "out").resources] == [
        "clinic", "second-clinic"]


def test_a_raw_control_character_is_refused_with_its_line(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml().replace("Free tests.", "Free\x03 tests."))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:11: ") and "U+0003" in problem


@pytest.mark.parametrize("value", ["!!seq abc", "!!map [a]", "!!str [a]", "!!str {a: b}",
                                   "!!int [1]", "!!timestamp {}", "!!binary aGk=",
                                   "!!python/object:os.system ls", "!!bool 2", "!!float x",
                                   "!!int x", "!!null [a]"])
def test_a_tag_that_does_not_fit_its_value_is_refused(tmp_path: Path, value: str) -> None:
    path = directory_file(tmp_path, resource_yaml().replace("[health]", value))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:10: ")
