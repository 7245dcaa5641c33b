"""Directory files: every malformed input is refused with FILE:LINE: field: message."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.directory.files import check_directory, read_directory, write_directory
from kiosk.directory.problems import DirectoryError

from .helpers import CATEGORIES, directory_file, resource_yaml, write


def problems_of(path: Path) -> list[str]:
    _, problems = check_directory(path)
    return [str(p) for p in problems]


def test_a_good_file_reads_into_objects(tmp_path: Path) -> None:
    directory = read_directory(directory_file(tmp_path))
    assert [c.slug for c in directory.categories] == ["health", "help-now"]
    (clinic,) = directory.resources
    assert clinic.name.get("es") == "Clínica"
    assert clinic.phones[0].display == "(860) 555-0100"
    assert clinic.phones[0].number == "+18605550100"


def test_unknown_category_names_file_line_and_field(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml().replace("[health]", "[helth]"))
    assert problems_of(path) == [
        f'{path}:10: resources[0].categories[0]: "helth" is not a known category']


def test_duplicate_id(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml() + resource_yaml())
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:14: resources[1].id:")
    assert '"clinic" is used twice (first at resources[0])' in problem


def test_duplicate_id_across_files_of_a_folder(tmp_path: Path) -> None:
    write(tmp_path / "dir" / "a.yaml", CATEGORIES + "resources:\n" + resource_yaml())
    write(tmp_path / "dir" / "b.yaml", "resources:\n" + resource_yaml())
    (problem,) = problems_of(tmp_path / "dir")
    assert problem.startswith(f"{tmp_path / 'dir' / 'b.yaml'}:3: resources[0].id:")
    assert "in a.yaml" in problem


@pytest.mark.parametrize(("number", "reason"), [
    ("860-555-010", "is not a valid US phone number"),
    ("call us", "has letters in it"),
    ("+44 20 7946 0958", "is not a valid US phone number"),
    ("", "is required"),
])
def test_bad_phone_number(tmp_path: Path, number: str, reason: str) -> None:
    path = directory_file(tmp_path, resource_yaml().replace('"(860) 555-0100"',
                                                            f'{{number: "{number}"}}'))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:12: resources[0].phones[0].number: ")
    assert reason in problem


def test_missing_english_name(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml().replace("{en: Clinic, es: Clínica}",
                                                            "{es: Clínica}"))
    assert problems_of(path) == [
        f"{path}:9: resources[0].name.en: the English text is missing"]


def test_a_date_that_is_not_a_date(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml() + "    verified_on: 2026-13-45\n")
    assert problems_of(path) == [
        f"{path}:14: resources[0].verified_on: '2026-13-45' is not a date; "
        "write it as 2026-11-23"]


def test_unknown_and_newer_format_versions(tmp_path: Path) -> None:
    newer = write(tmp_path / "newer.yaml", CATEGORIES, head="format: kiosk-directory/2\n")
    other = write(tmp_path / "other.yaml", CATEGORIES, head="format: hsds/3.0\n")
    none = write(tmp_path / "none.yaml", CATEGORIES, head="")
    assert problems_of(newer) == [
        f'{newer}:1: format: format "kiosk-directory/2" is newer than this kiosk understands '
        "(kiosk-directory/1); update the kiosk first"]
    assert problems_of(other) == [
        f'{other}:1: format: "hsds/3.0" is not a directory format this kiosk reads '
        "(kiosk-directory/1)"]
    assert problems_of(none) == [
        f"{none}:1: format: the 'format: kiosk-directory/1' line is missing"]


def test_not_yaml_at_all(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.yaml", "categories:\n  - slug: [unclosed\n")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:4: this is not valid YAML")


def test_yaml_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path / "list.yaml", "- just\n- a list\n", head="")
    assert problems_of(path) == [
        f"{path}:1: this is not a directory file: it should start with "
        "'format: kiosk-directory/1'"]


def test_a_file_of_200_mb_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: the size is real, the disk is not used
    assert problems_of(path) == [
        f"{path}: the file is 200 MB; directory files can be at most 128 MB "
        "(split it into a folder of files)"]


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "junk.yaml"
    path.write_bytes(bytes(range(256)) * 40)
    assert problems_of(path) == [f"{path}:1: this is not a text file (it holds binary data)"]


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"format: kiosk-directory/1\ncategories:\n  - slug: cl\xednica\n")
    assert problems_of(path) == [f"{path}:3: the file is not UTF-8 text; save it as UTF-8"]


def test_unknown_field_suggests_the_right_one(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml() + '    phone: "(860) 555-0101"\n')
    assert problems_of(path) == [
        f'{path}:14: resources[0].phone: is not a known field; did you mean "phones"?']


def test_bad_hours_zip_email_and_web_address(tmp_path: Path) -> None:
    extra = (
        "    hours: {mon: ['9-5']}\n"
        "    address: {town: Willimantic, zip: '6226'}\n"
        "    email: nobody-at-example\n"
        "    website: not a web address\n"
    )
    path = directory_file(tmp_path, resource_yaml() + extra)
    assert problems_of(path) == [
        f'{path}:17: resources[0].website: "not a web address" is not a web address',
        f'{path}:16: resources[0].email: "nobody-at-example" is not an email address',
        f'{path}:15: resources[0].address.zip: "6226" is not a ZIP code like 06226',
        f'{path}:14: resources[0].hours: "9-5" is not a time span like "09:00-17:00".',
    ]


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    bad = (resource_yaml("a").replace("[health]", "[nope]")
           + resource_yaml("b").replace('"(860) 555-0100"', '"12"')
           + resource_yaml("c").replace("    sources: [seeds/000.txt]\n", ""))
    path = directory_file(tmp_path, bad)
    fields = [p.split(": ")[1] for p in problems_of(path)]
    assert sorted(fields) == ["resources[0].categories[0]", "resources[1].phones[0].number",
                              "resources[2].sources"]


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}: there is no file or folder here"]
    (tmp_path / "empty").mkdir()
    assert problems_of(tmp_path / "empty") == [
        f"{tmp_path / 'empty'}: this folder has no .yaml files"]


def test_read_directory_raises_with_every_problem(tmp_path: Path) -> None:
    path = directory_file(tmp_path, resource_yaml().replace("[health]", "[x, y]"))
    with pytest.raises(DirectoryError) as raised:
        read_directory(path)
    assert raised.value.message == "The directory files have 2 problems; nothing was imported."
    assert len(raised.value.details) == 2


def test_written_files_read_back_the_same(tmp_path: Path, sample_dir: Path) -> None:
    directory = read_directory(sample_dir)
    for target in (tmp_path / "folder", tmp_path / "one.yaml"):
        write_directory(directory, target)
        again = read_directory(target)
        assert again.resources == directory.resources
        assert again.categories == directory.categories
        assert again.topics == directory.topics
        assert again.info == directory.info
