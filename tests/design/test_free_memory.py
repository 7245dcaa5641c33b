"""When a visit ends, the memory it freed goes back to the system (`return_free_memory`),
and so do the database pages SQLite kept for it (`Store.shrink_memory`): checked by the
resident memory of child processes, whose heap holds freed pages between blocks still in
use, or a page cache full of a table read, and by the window asking for both once the
visit was forgotten, only once what the visit let go of is gone."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import weakref

from PySide6.QtGui import QPixmap, QPixmapCache
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

import kiosk.memory
from kiosk.ui.window import KioskWindow

CHILD = """
import json
from pathlib import Path
from kiosk.memory import return_free_memory

def anon_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024

blocks = [bytearray(2000) for _ in range(40000)]  # 80 MB in blocks malloc hands out
blocks = blocks[::8]  # seven in eight freed: free pages between blocks still in use
before = anon_mb()
given = return_free_memory()
after = anon_mb()
print(json.dumps([given, before, after, len(blocks)]))
"""


def test_freed_pages_between_blocks_in_use_go_back_to_the_system() -> None:
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    given, before, after, kept = json.loads(done.stdout)
    assert kept == 5000
    assert given is True
    assert before - after > 30, (before, after)  # about 70 MB was free, in runs of pages


SQLITE_CHILD = """
import json, tempfile
from pathlib import Path
from kiosk.directory.store import Store
from kiosk.memory import return_free_memory

def anon_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024

with tempfile.TemporaryDirectory() as folder:
    store = Store.open(Path(folder) / "kiosk.db")
    store.db.execute("create table filler (t text)")
    store.db.conn.executemany("insert into filler values (?)",
                              ((f"place {i} " * 20,) for i in range(100000)))
    store.db.conn.commit()
    store.close()
    store = Store.open(Path(folder) / "kiosk.db")
    store.db.execute("pragma cache_size = -200000")  # room for the whole table
    store.db.execute("select count(*), sum(length(t)) from filler").fetchall()
    return_free_memory()
    before = anon_mb()
    store.shrink_memory()
    return_free_memory()
    print(json.dumps([before, anon_mb()]))
    store.close()
"""


def test_the_pages_sqlite_kept_go_back_to_the_system() -> None:
    done = subprocess.run([sys.executable, "-c", SQLITE_CHILD], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    before, after = json.loads(done.stdout)
    assert before - after > 15, (before, after)  # the table is about 25 MB of pages


def test_the_window_gives_memory_back_once_a_visit_is_forgotten(
        qtbot: QtBot, window: KioskWindow, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(kiosk.memory, "return_free_memory",
                        lambda: asked.append(window.screen_name()) or True)
    window.open_category("health")
    qtbot.wait(20)
    assert asked == []  # not while a visit goes on
    statements: list[str] = []
    window.store.db.conn.set_trace_callback(statements.append)
    window.quick_exit()
    window.store.db.conn.set_trace_callback(None)
    assert "pragma shrink_memory" in statements
    qtbot.waitUntil(lambda: asked == ["home"], timeout=2000)


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_memory_goes_back_after_what_the_visit_let_go_of_is_gone(
        qtbot: QtBot, window: KioskWindow, monkeypatch) -> None:
    """The preview over the handout closes with the visit and is deleted on the event
    loop's next turn (`deleteLater`); the pixmaps drawn for the visit and its Python cycles
    go too. Given back before all that, the pages they held stay resident until the next
    visit ends."""
    from kiosk.printing.kiosk_print import PrintPreview

    window.open_category("health")
    window.visit.handout.add(window.store.directory().resources[0].id)
    window.print_handout()
    preview = window.findChild(PrintPreview, "print-preview")
    assert preview is not None and preview.isVisible()
    assert QPixmapCache.insert("drawn-for-the-visit", QPixmap(40, 40))
    cycle = weakref.ref(_Cycle())
    gc.disable()  # the cycle is left for the kiosk to collect
    seen: list[tuple[bool, bool, bool]] = []
    monkeypatch.setattr(kiosk.memory, "return_free_memory", lambda: seen.append((
        isValid(preview), QPixmapCache.find("drawn-for-the-visit") is not None,
        cycle() is not None)) or True)
    try:
        assert cycle() is not None
        window.header.quick_exit.emit()  # the header's Start over
        qtbot.waitUntil(lambda: seen != [], timeout=3000)
    finally:
        gc.enable()
    assert seen == [(False, False, False)]  # the preview, the pixmaps, the cycle: all gone
