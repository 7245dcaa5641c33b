"""The command line: counts, checks, search, and plain sentences instead of tracebacks."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk import cli

from .helpers import directory_file, resource_yaml


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_documents_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for command in ("check", "import", "export", "stats", "search", "--data-dir",
                    "--windowed", "--lang"):
        assert command in out


def test_check_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = directory_file(tmp_path, name="good.yaml")
    assert run(capsys, "check", str(good))[0] == 0
    bad = directory_file(tmp_path, resource_yaml().replace("[health]", "[nope]"), "bad.yaml")
    code, _, err = run(capsys, "check", str(bad))
    assert code == 1
    assert f'{bad}:10: resources[0].categories[0]: "nope" is not a known category' in err
    assert "1 problem found." in err


def test_stats_prints_name_count_lines(capsys: pytest.CaptureFixture[str],
                                       sample_dir: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    assert run(capsys, "import", str(sample_dir), "--data-dir", data)[0] == 0
    code, out, _ = run(capsys, "stats", "--data-dir", data)
    assert code == 0
    lines = dict(line.split(": ") for line in out.splitlines())
    assert lines["resources"] == "2"
    assert lines["categories"] == "2"
    assert lines["topics"] == "1"
    assert lines["category health"] == "1"
    assert lines["resources missing Spanish text"] == "1"
    assert lines["unverified resources"] == "2"
    assert lines["active resources with a phone or street address"] == "2 of 2 (100%)"


def test_search_prints_best_first(capsys: pytest.CaptureFixture[str], sample_dir: Path,
                                  tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    run(capsys, "import", str(sample_dir), "--data-dir", data)
    code, out, _ = run(capsys, "search", "clinica", "--lang", "es", "--data-dir", data)
    assert (code, out) == (0, "resource clinic: Clínica de Willimantic\n")
    code, _, err = run(capsys, "search", "zzzz", "--data-dir", data)
    assert (code, err) == (1, "No matches.\n")


SEARCH_FIXTURE = Path(__file__).parent / "search_fixture"


def test_search_forgives_typos_and_says_how_it_read_them(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    run(capsys, "import", str(SEARCH_FIXTURE), "--data-dir", data)
    code, out, err = run(capsys, "search", "shleter", "--data-dir", data)
    assert code == 0
    assert out.splitlines()[0] == "resource hope-shelter: Hope Overnight Shelter"
    assert err == "Showing results for: shelter\n"
    code, out, _ = run(capsys, "search", "quiero", "morir", "--lang", "es", "--data-dir", data)
    assert out.splitlines()[0] == \
        "resource lifeline-988: Línea 988 de Prevención del Suicidio y Crisis"
    code, out, err = run(capsys, "search", "fod", "--data-dir", data)
    assert (code, out) == (1, "")
    assert err.splitlines() == ["No matches.", "Did you mean: food?"]


def test_search_uses_the_kiosk_s_own_search_words(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    data = tmp_path / "d"
    run(capsys, "import", str(SEARCH_FIXTURE), "--data-dir", str(data))
    assert run(capsys, "search", "grub", "--data-dir", str(data))[0] == 1
    (data / "search-words.yaml").write_text(
        "format: kiosk-search-words/1\nwords:\n  - say: [grub]\n    places: [soup-kitchen]\n",
        encoding="utf-8")
    code, out, _ = run(capsys, "search", "grub", "--data-dir", str(data))
    assert (code, out.splitlines()[0]) == (0, "resource soup-kitchen: St. Mary's Soup Kitchen")


def test_check_covers_the_search_words_beside_the_directory(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "dir"
    directory_file(folder, name="directory.yaml")
    words = folder / "search-words.yaml"
    words.write_text("format: kiosk-search-words/1\nwords:\n  - say: [suicide]\n"
                     "    places: [lifeline-988]\n    categories: [help-now]\n"
                     "    crisis: true\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(folder))
    assert code == 0
    assert out == f"{folder}: OK (2 categories, 1 resources, 0 topics; 1 search word entries)\n"
    assert err == (f'Warning: {words}:4: words[0].places[0]: "lifeline-988" is not a resource '
                   "of this directory; search leaves it out until it is added\n")
    words.write_text("format: kiosk-search-words/1\nwords:\n  - say: [suicide]\n"
                     "    crisis: maybe\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(folder))
    assert code == 1
    assert f"{words}:4: words[0].crisis: should be true or false" in err
    code, out, _ = run(capsys, "check", str(cli_bundled_words()))
    assert code == 0 and "search word entries" in out


def cli_bundled_words() -> Path:
    from kiosk.paths import BUNDLED_DATA

    return BUNDLED_DATA / "search-words.yaml"


def test_missing_file_is_one_sentence(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "import", str(tmp_path / "nope.yaml"))
    assert code == 1
    assert err.splitlines() == [
        "The directory files have 1 problem; nothing was imported.",
        f"{tmp_path / 'nope.yaml'}: there is no file or folder here"]


def test_an_unexpected_error_goes_to_the_log_not_the_screen(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        fresh_data_dir: Path) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cli, "cmd_stats", broken)
    code, _, err = run(capsys, "stats")
    log = fresh_data_dir / "logs" / "kiosk.log"
    assert code == 2
    assert "Traceback" not in err and "disk on fire" not in err
    assert err.strip() == f"Something went wrong inside the kiosk. The details are in {log}."
    for handler in logging.getLogger("kiosk").handlers:
        handler.flush()
    text = log.read_text()
    assert "Traceback" in text and "RuntimeError: disk on fire" in text


@pytest.mark.parametrize("argv", [
    [], ["--windowed"], ["--data-dir", "/srv/kiosk", "--windowed"], ["--data-dir=/srv/kiosk"],
    ["--lang", "es", "--exit-after-first-frame"], ["--lang=en", "--windowed", "--windowed"],
    ["--windowed", "--data-dir", "a", "--data-dir", "b"],
])
def test_a_start_s_options_are_read_as_the_whole_parser_reads_them(argv: list[str]) -> None:
    quick = cli._kiosk_run(argv)
    assert quick is not None
    whole = vars(cli.build_parser().parse_args(argv))
    assert whole.pop("command") is None
    assert vars(quick) == whole


@pytest.mark.parametrize("argv", [
    ["--help"], ["-h"], ["stats"], ["--wind"], ["--lang", "fr"], ["--lang"],
    ["--data-dir"], ["--data-dir", "--windowed"], ["--windowed=yes"], ["x"],
])
def test_anything_else_goes_to_the_whole_parser(argv: list[str]) -> None:
    assert cli._kiosk_run(argv) is None
