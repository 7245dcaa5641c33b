"""Kept resource lists are two objects, whatever their length, and behave as lists of ids."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kiosk.directory.files import read_directory
from kiosk.directory.id_list import IdList
from kiosk.directory.importer import apply_import
from kiosk.directory.store import Store

IDS = ["united-way-211", "ct-safe-connect", "apoyo-latino", "x", "hartford-dental-é"]


def test_reads_back_as_the_list_it_was_made_from() -> None:
    ids = IdList(IDS)
    assert len(ids) == len(IDS)
    assert list(ids) == IDS
    assert [ids[i] for i in range(len(IDS))] == IDS
    assert ids[-1] == "hartford-dental-é" and ids[-5] == "united-way-211"
    assert ids[1:3] == ["ct-safe-connect", "apoyo-latino"]
    assert ids[::-2] == IDS[::-2]
    assert ids == IDS and ids == IdList(IDS) and ids != IDS[:-1]
    assert ids != ["united-way-21", "1ct-safe-connect", *IDS[2:]]  # same letters, cut elsewhere
    assert "apoyo-latino" in ids and "apoyo" not in ids
    assert ids.index("x") == 3
    assert IdList() == [] and len(IdList()) == 0


@pytest.mark.parametrize("index", [5, -6, 100])
def test_an_index_past_either_end_is_an_index_error(index: int) -> None:
    with pytest.raises(IndexError):
        IdList(IDS)[index]


@pytest.mark.parametrize("size", [10, 10_000])
def test_holds_two_objects_however_long(size: int) -> None:
    ids = IdList(f"place-{n}" for n in range(size))
    held = [o for o in gc.get_referents(ids) if not isinstance(o, type)]
    assert len(held) == 2  # the text and the ends
    assert ids[size - 1] == f"place-{size - 1}"


def test_the_store_keeps_its_lists_compact(tmp_path: Path, sample_dir: Path) -> None:
    store = Store.open(tmp_path / "kiosk.db")
    apply_import(store, read_directory(sample_dir), who="test", source="sample")
    first = store.list_ids("health")
    assert isinstance(first, IdList) and list(first) == ["clinic"]
    assert store.list_ids("health") is first  # kept, and handed out as it is
    everything = store.list_ids(None)
    assert isinstance(everything, IdList) and len(everything) > 1
    assert set(first) <= set(everything)
