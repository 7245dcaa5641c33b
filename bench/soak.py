"""The soak: seeded random taps on every visitor screen, memory sampled every 1,000 taps.

Each tap is a real mouse press and release on a visible, enabled button or list row of the
screen in front (QTest, offscreen); about one tap in a hundred ends the visit as the
header's Start over does (`quick_exit`), so the soak is many visits, as a kiosk's day is.
Speech is replaced by an engine that finishes at once,
and the print button of the preview is never pressed (no real printing). Every `every` taps
the soak ends the visit in progress, as the idle reset would, and on the home screen, once
the kiosk has given back the memory the visit freed (as it does a moment after every
visit, the event loop running meanwhile), records the
process's resident memory (VmRSS, and its anonymous and file-backed
parts from /proc/self/status), Python's allocated blocks and the Qt objects under the window
and in the application, by class name, so growth can be traced to what grew. Samples
are taken between two visits so that they compare like with like: in the middle of a visit
a sample also counts whatever is on the screen at that moment (a long list, drawn codes, the
pages of a preview), and at 100,000 entries such samples wander by 6 MB either way.

The measured soak runs without a profiler: tracemalloc keeps its own tables in native memory,
and every snapshot it takes holds a copy of all of them (about 10 MB each at 100,000 entries),
so a soak that keeps one snapshot per sample measures its own snapshots. To find what grows
in the Python heap, run the soak alone with `--profile`: it traces, writes each snapshot to a
file and prints the lines that grew most (its memory figures then include the profiler).

Native memory (Qt's, SQLite's, the C library's) is traced from outside: `--no-cleanup` ends
the process at once after printing (`os._exit`), so that a native heap profiler counts all
that is still allocated as not freed, and two soaks of different lengths compared show what
grows (`bench/profiles/soak-heaptrack-100000.txt`; give heaptrack the interpreter itself, not
a wrapper script that starts it):

    heaptrack -o short python3 -m bench.soak DATA_DIR 2000 --no-cleanup
    heaptrack -o long python3 -m bench.soak COPY_OF_DATA_DIR 6000 --no-cleanup
    heaptrack_print -d short.zst long.zst -l 1 -p 0 -a 0 -T 0

    python3 -m bench.soak DATA_DIR [TAPS] [--profile] [--no-cleanup]
"""

from __future__ import annotations

import gc
import json
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.stats import rss_mb

SKIP = ("quick-exit", "admin", "exit", "print-now", "preview-print")


class InstantSpeech:
    """A speech engine that says each script to the end straight away."""

    def available(self) -> bool:
        return True

    def say(self, script: Any, done: Callable[[], None] | None = None) -> None:
        if done is not None:
            done()

    def stop(self) -> None:
        pass


def qt_counts(app: Any, window: Any) -> tuple[int, int, Counter[str]]:
    from PySide6.QtCore import QObject

    children = window.findChildren(QObject)
    return (len(children), len(app.allWidgets()),
            Counter(type(child).__name__ for child in children))


def malloc_parts() -> dict[str, float]:
    """What the C library's malloc holds, in MB (glibc's mallinfo2, over all its arenas):
    handed out and not given back (`malloc_in_use_mb`, the large blocks it maps apart
    included), and free inside its heaps (`malloc_free_mb`: resident or not, what a heap
    keeps between the blocks still in use). Empty where the C library has no mallinfo2."""
    from kiosk.memory import malloc_info

    got = malloc_info()
    if got is None:
        return {}
    mb = 1024 * 1024
    return {"malloc_in_use_mb": (got.uordblks + got.hblkhd) / mb,
            "malloc_free_mb": got.fordblks / mb}


def memory_parts() -> dict[str, float]:
    """The resident memory's anonymous part (heaps) and file-backed part (mapped libraries
    and files), in MB, and malloc's part of it (`malloc_parts`)."""
    parts = {"rss_anon_mb": 0.0, "rss_file_mb": 0.0}
    for line in Path("/proc/self/status").read_text().splitlines():
        key = {"RssAnon:": "rss_anon_mb", "RssFile:": "rss_file_mb"}.get(line.split(":")[0] + ":")
        if key:
            parts[key] = int(line.split()[1]) / 1024
    return {**parts, **malloc_parts()}


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares change per 1,000 taps."""
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den * 1000 if den else 0.0


def targets(window: Any) -> list[Any]:
    from PySide6.QtWidgets import QAbstractButton, QListView

    found: list[Any] = [b for b in window.findChildren(QAbstractButton)
                        if b.isVisible() and b.isEnabled()
                        and not any(word in b.objectName() for word in SKIP)]
    found += [v for v in window.findChildren(QListView)
              if v.isVisible() and v.model() is not None and v.model().rowCount() > 0]
    return found


def tap(target: Any, rng: random.Random) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QListView

    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    if isinstance(target, QListView):
        rows = min(target.model().rowCount(), 8)
        rect = target.visualRect(target.model().index(rng.randrange(rows), 0))
        if not rect.isEmpty():
            QTest.mouseClick(target.viewport(), left, none, rect.center())
    else:
        QTest.mouseClick(target, left, none, QPoint(target.width() // 2, target.height() // 2))


def settle(app: Any) -> None:
    """What the kiosk's event loop does between two taps: posted events, then the deletions
    that `deleteLater` asked for (`processEvents` alone, outside `exec`, never performs
    those, and a soak without them counts widgets the kiosk has already let go of)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()


def soak(app: Any, window: Any, taps: int, every: int = 1000, seed: int = 211,
         profile: Path | None = None) -> dict[str, Any]:
    """`taps` random taps; samples at 0, every, 2*every ... and growth after the first.

    With `profile` (a folder), tracemalloc traces the heap and each sample's snapshot is
    written there, so that no snapshot stays in memory between samples."""
    from PySide6.QtTest import QTest

    from kiosk.ui.read_aloud import ReadAloud
    from kiosk.ui.window import FREE_MEMORY_AFTER_MS

    window.speech = InstantSpeech()
    for box in window.findChildren(ReadAloud):  # each box keeps the engine it was made with
        box.speech = window.speech
    rng = random.Random(seed)
    screens: Counter[str] = Counter()
    samples: list[dict[str, Any]] = []
    if profile is not None:
        tracemalloc.start(1)

    def sample(done: int) -> None:
        nonlocal visits
        if done:
            window.quick_exit()  # between two visits (the next tap starts a new one)
            settle(app)
            QTest.qWait(FREE_MEMORY_AFTER_MS + 250)  # home shown, as between two visitors,
            visits += 1  # until the kiosk has given the visit's memory back
        gc.collect()
        settle(app)
        children, widgets, by_class = qt_counts(app, window)
        samples.append({"taps": done, "rss_mb": rss_mb(), **memory_parts(),
                        "python_blocks": sys.getallocatedblocks(),
                        "qt_objects": children, "widgets": widgets,
                        "by_class": dict(by_class.most_common(15))})
        if profile is not None:
            samples[-1]["heap_mb"] = tracemalloc.get_traced_memory()[0] / 1024 / 1024
            tracemalloc.take_snapshot().dump(str(profile / f"heap-{done}.snapshot"))
            gc.collect()

    start = time.perf_counter()
    visits = 1
    sample(0)
    for i in range(1, taps + 1):
        found = targets(window)
        if not found or rng.random() < 0.01:  # Start over, as a visitor leaving does:
            window.quick_exit()  # the visit is forgotten (what the header's button does)
            settle(app)
            visits += 1
            found = targets(window)
        tap(rng.choice(found), rng)
        settle(app)
        screens[window.screen_name()] += 1
        if i % every == 0:
            sample(i)
    seconds = time.perf_counter() - start
    after = [s for s in samples if s["taps"] >= every]
    first, last = (after[0], after[-1]) if after else (samples[0], samples[-1])
    out = {"taps": taps, "every": every, "seed": seed, "seconds": seconds,
           "taps_per_s": taps / seconds if seconds else 0.0, "samples": samples,
           "profiled": profile is not None,
           "growth_mb": last["rss_mb"] - first["rss_mb"],
           "anon_growth_mb": last["rss_anon_mb"] - first["rss_anon_mb"],
           "python_blocks_growth": last["python_blocks"] - first["python_blocks"],
           "qt_objects_growth": last["qt_objects"] - first["qt_objects"],
           "slope_mb_per_1000": slope([(s["taps"], s["rss_mb"]) for s in after]),
           "anon_slope_mb_per_1000": slope([(s["taps"], s["rss_anon_mb"]) for s in after]),
           "screens_seen": dict(screens), "visits": visits}
    if profile is not None:
        tracemalloc.stop()
        out["heap_growth_mb"] = last["heap_mb"] - first["heap_mb"]
        out["heap_grew_most"] = heap_grew_most(profile, first["taps"], last["taps"])
    return out


def heap_grew_most(folder: Path, first: int, last: int, lines: int = 10) -> list[str]:
    before = tracemalloc.Snapshot.load(str(folder / f"heap-{first}.snapshot"))
    after = tracemalloc.Snapshot.load(str(folder / f"heap-{last}.snapshot"))
    return [f"{stat.traceback}: {stat.size_diff / 1024:+.1f} KiB"
            for stat in after.compare_to(before, "lineno")[:lines]]


def main(argv: list[str]) -> int:
    """A soak on its own, on the visitor window of DATA_DIR, printed as JSON."""
    from PySide6.QtWidgets import QApplication

    args = [a for a in argv if not a.startswith("--")]
    if not args:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    data_dir, taps = Path(args[0]), int(args[1]) if len(args) > 1 else 10_000
    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    from kiosk.app import create_main_window

    window = create_main_window(data_dir, windowed=True, idle_timeout_s=24 * 3600)
    window.resize(1920, 1080)
    window.show()
    settle(app)
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as folder:
        profile = Path(folder) if "--profile" in argv else None
        result = soak(app, window, taps, every=max(min(1000, taps // 5), 1), profile=profile)
    if "--no-cleanup" in argv:
        print(json.dumps(result, indent=1), flush=True)
        os._exit(0)  # nothing freed: what is still allocated is what the soak left
    window.close()
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
