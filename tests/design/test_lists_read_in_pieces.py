"""A long list is read into the store piece by piece (`Store.read_list_in_steps`, and
`list_ids` when it is not kept) without ever being a list of str objects: one object per id,
33,000 of them for a category at 100,000 entries, held over several turns of the event loop
while the window allocates among them. When they go, the interpreter's small-object arenas
they shared stay half full (the soak at 100,000 entries: 31 -> 33 arenas, resident memory
+2 MB that never went back). Checked by the most memory the interpreter held (tracemalloc's
peak) while a list of 3,000 ids is read in pieces of 100."""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.store import ListFilter, Store

IDS = 3000  # as str objects about 200 KB; joined, with their ends, about 60 KB


def _store(tmp_path: Path) -> Store:
    folder = tmp_path / "directory"
    folder.mkdir()
    lines = ["format: kiosk-directory/1", "categories:", "  - slug: health",
             "    name: {en: Health}", "    position: 1", "resources:"]
    for i in range(IDS):
        lines += [f"  - id: place-{i:05d}", f"    name: {{en: Place {i:05d}}}",
                  "    categories: [health]", "    description: {en: Help.}",
                  f"    sources: [seeds/{i}.txt]"]
    (folder / "a.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = Store.open(tmp_path / "kiosk.db")
    apply_import(store, read_directory(folder), who="test", source="test")
    return store


def _peak_kb(read: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        read()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def test_a_list_read_in_steps_never_holds_an_object_per_id(tmp_path: Path) -> None:
    store = _store(tmp_path)
    before, held = sys.getallocatedblocks(), []
    for _ in store.read_list_in_steps("health", ListFilter(), rows=100):
        held.append(sys.getallocatedblocks() - before)  # between two pieces
    assert len(held) == IDS // 100 and max(held) < 300, held  # as str: 3,000 by the end
    assert store.list_ids("health", ListFilter()) == [f"place-{i:05d}" for i in range(IDS)]


def test_a_list_read_at_once_is_read_in_pieces_too(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import kiosk.directory.store as module

    store = _store(tmp_path)
    monkeypatch.setattr(module, "READ_AHEAD_ROWS", 100)
    got: list[object] = []
    peak = _peak_kb(lambda: got.append(store.list_ids("health", ListFilter())))
    assert peak < 180, peak  # as str objects: about 260 KB
    assert got == [[f"place-{i:05d}" for i in range(IDS)]]
