"""Measures on the real visitor window, offscreen: opening screens, typing, memory, a soak.

Run by the benchmark in a child process per directory size:
`python3 -m bench.ui DATA_DIR RUNS SOAK_TAPS`. Every action goes through the window's own
methods or real mouse clicks on its widgets (QTest), and each timing ends only when the
window has painted the result, as a visitor would see it.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.stats import rss_mb, summary

SEARCH_WORD = "clinic"
# Words typed on the screen's keyboard, by the path each takes through the search (see
# bench.core.SEARCH_PATHS): every keystroke is timed from the tap to the new results.
SEARCH_PATHS = {"prefix and exact": ["clinic", "shelter"], "typo": ["shleter", "recovry"],
                "crisis": ["suicide", "overdose"], "everyday": ["i need food"]}


def _painted(app: Any, window: Any) -> None:
    """Let queued work run, then paint the window now (offscreen, into its backing store)."""
    app.processEvents()
    window.repaint()


def _time_ms(app: Any, window: Any, action: Any) -> float:
    start = time.perf_counter()
    action()
    _painted(app, window)
    return (time.perf_counter() - start) * 1000


def _largest_category(store: Any) -> tuple[str, list[str]]:
    from kiosk.directory.store import ListFilter

    best = max(((c.slug, store.list_ids(c.slug, ListFilter())) for c in store.categories()),
               key=lambda item: len(item[1]))
    return best


def measure(data_dir: Path, runs: int, soak_taps: int) -> dict[str, Any]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    from kiosk.app import create_main_window

    none_refs_at_start = sys.getrefcount(None)

    window = create_main_window(data_dir, windowed=True, idle_timeout_s=24 * 3600)
    window.resize(1920, 1080)
    window.show()
    _painted(app, window)
    out: dict[str, Any] = {"rss_after_start_mb": rss_mb(), "none_refs_at_start": none_refs_at_start}

    store = window.store
    slug, ids = _largest_category(store)
    out["largest_category"] = {"slug": slug, "rows": len(ids)}
    # A tap right after the first frame: the category screen is made for it, and the work
    # that waits for the first frame runs in the same turns of the event loop.
    out["open_category_first_ms"] = _time_ms(app, window, lambda: window.open_category(slug))
    # The rest is measured as a visitor meets the kiosk: once that work is done.
    start = time.perf_counter()
    while not window.settled():
        if time.perf_counter() - start > 120:
            raise SystemExit("the kiosk's work after its first frame did not end in 120 s")
        app.processEvents()
    out["settled_after_first_frame_ms"] = (time.perf_counter() - start) * 1000

    samples = []
    for _ in range(runs):
        window.show_home()
        _painted(app, window)
        samples.append(_time_ms(app, window, lambda: window.open_category(slug)))
    out["open_category_ms"] = summary(samples)
    samples = []
    for _ in range(max(3, runs // 3)):
        window.show_home()
        _painted(app, window)
        store._lists.clear()  # as on the first visit, or after the directory changed
        samples.append(_time_ms(app, window, lambda: window.open_category(slug)))
    out["open_category_uncached_ms"] = summary(samples)
    out["rss_after_category_mb"] = rss_mb()

    rng = random.Random(7)
    picks = [ids[rng.randrange(len(ids))] for _ in range(runs)]
    samples = []
    for rid in picks:
        samples.append(_time_ms(app, window, lambda r=rid: window.open_resource(r)))
    out["open_resource_ms"] = summary(samples)

    window.open_category(slug)
    _painted(app, window)
    samples = []
    for i in range(runs):
        lang = "es" if i % 2 == 0 else "en"
        samples.append(_time_ms(app, window, lambda lg=lang: window.set_language(lg)))
    window.set_language("en")
    out["language_switch_ms"] = summary(samples)

    window.open_search()
    _painted(app, window)
    screen = window.search
    start = time.perf_counter()
    while not screen.runner.ready():  # the vocabulary is built when the screen opens
        app.processEvents()
    out["search_ready_after_opening_ms"] = (time.perf_counter() - start) * 1000
    updated: list[int] = []
    screen.model.modelReset.connect(lambda: updated.append(1))
    clear = window.findChild(type(screen.keyboard.keys["clear"]), "keyboard-key-clear")
    per_length: dict[str, list[float]] = {SEARCH_WORD[:n]: [] for n in range(1, 7)}
    painted_per_length: dict[str, list[float]] = {k: [] for k in per_length}
    for _ in range(runs):
        QTest.mouseClick(clear, Qt.MouseButton.LeftButton)
        _painted(app, window)
        for n, char in enumerate(SEARCH_WORD, start=1):
            key = window.findChild(type(clear), f"keyboard-key-{char}")
            updated.clear()
            start = time.perf_counter()
            QTest.mouseClick(key, Qt.MouseButton.LeftButton)
            while not updated:
                app.processEvents()
            model_ms = (time.perf_counter() - start) * 1000
            screen.results.viewport().repaint()
            painted_ms = (time.perf_counter() - start) * 1000
            per_length[SEARCH_WORD[:n]].append(model_ms)
            painted_per_length[SEARCH_WORD[:n]].append(painted_ms)
    out["key_to_results_ms"] = {k: summary(v) for k, v in per_length.items()}
    out["key_to_results_painted_ms"] = {k: summary(v) for k, v in painted_per_length.items()}
    out["key_to_results_p95_worst_ms"] = max(s["p95"] for s in out["key_to_results_ms"].values())
    paths: dict[str, Any] = {}
    for path, words in SEARCH_PATHS.items():
        samples = []
        for _ in range(max(5, runs // 2)):
            for word in words:
                QTest.mouseClick(clear, Qt.MouseButton.LeftButton)
                _painted(app, window)
                for char in word:
                    name = "space" if char == " " else char
                    key = window.findChild(type(clear), f"keyboard-key-{name}")
                    updated.clear()
                    start = time.perf_counter()
                    QTest.mouseClick(key, Qt.MouseButton.LeftButton)
                    while not updated:
                        app.processEvents()
                    samples.append((time.perf_counter() - start) * 1000)
        paths[path] = summary(samples)
    out["key_to_results_paths_ms"] = paths
    out["key_to_results_p95_worst_ms"] = max(out["key_to_results_p95_worst_ms"],
                                             *(s["p95"] for s in paths.values()))

    if soak_taps:
        from bench.soak import soak as soak_run

        out["soak"] = soak_run(app, window, soak_taps)
    window.close()
    return out


BIG = 50_000
BIG_RUNS = 10


def main(argv: list[str]) -> int:
    data_dir, runs, soak_taps = Path(argv[0]), int(argv[1]), int(argv[2])
    import sqlite3

    from kiosk.paths import database_path

    with sqlite3.connect(database_path(data_dir)) as db:
        size = db.execute("select count(*) from resources").fetchone()[0]
    if size >= BIG:
        runs = min(runs, BIG_RUNS)  # some actions take seconds here; keep the run short
    print(json.dumps(measure(data_dir, runs, soak_taps)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
