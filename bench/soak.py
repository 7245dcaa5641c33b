"""The soak: seeded random taps on every visitor screen, memory sampled every 1,000 taps.

Each tap is a real mouse press and release on a visible, enabled button or list row of the
screen in front (QTest, offscreen). Speech is replaced by an engine that finishes at once,
and the print button of the preview is never pressed (no real printing). Every `every` taps
the soak records the process's resident memory (/proc/self/statm), the Python heap
(tracemalloc) and the Qt objects under the window and in the application, by class name,
so growth can be traced to what grew.
"""

from __future__ import annotations

import gc
import random
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
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


def soak(app: Any, window: Any, taps: int, every: int = 1000, seed: int = 211) -> dict[str, Any]:
    """`taps` random taps; samples at 0, every, 2*every ... and growth after the first."""
    from kiosk.ui.read_aloud import ReadAloud

    window.speech = InstantSpeech()
    for box in window.findChildren(ReadAloud):  # each box keeps the engine it was made with
        box.speech = window.speech
    rng = random.Random(seed)
    screens: Counter[str] = Counter()
    samples: list[dict[str, Any]] = []
    tracemalloc.start(1)
    snapshots = []

    def sample(done: int) -> None:
        gc.collect()
        settle(app)
        children, widgets, by_class = qt_counts(app, window)
        samples.append({"taps": done, "rss_mb": rss_mb(),
                        "heap_mb": tracemalloc.get_traced_memory()[0] / 1024 / 1024,
                        "qt_objects": children, "widgets": widgets,
                        "by_class": dict(by_class.most_common(15))})
        snapshots.append(tracemalloc.take_snapshot())

    start = time.perf_counter()
    sample(0)
    for i in range(1, taps + 1):
        found = targets(window)
        if not found or rng.random() < 0.01:  # Start over, as a visitor leaving does
            window.show_home()
            found = targets(window)
        tap(rng.choice(found), rng)
        settle(app)
        screens[window.screen_name()] += 1
        if i % every == 0:
            sample(i)
    seconds = time.perf_counter() - start
    grew = []
    if len(snapshots) > 2:
        for stat in snapshots[-1].compare_to(snapshots[1], "lineno")[:10]:
            grew.append(f"{stat.traceback}: {stat.size_diff / 1024:+.1f} KiB")
    tracemalloc.stop()
    after = [s for s in samples if s["taps"] >= every]
    first, last = (after[0], after[-1]) if after else (samples[0], samples[-1])
    return {"taps": taps, "every": every, "seed": seed, "seconds": seconds,
            "taps_per_s": taps / seconds if seconds else 0.0, "samples": samples,
            "growth_mb": last["rss_mb"] - first["rss_mb"],
            "heap_growth_mb": last["heap_mb"] - first["heap_mb"],
            "qt_objects_growth": last["qt_objects"] - first["qt_objects"],
            "slope_mb_per_1000": slope([(s["taps"], s["rss_mb"]) for s in after]),
            "heap_slope_mb_per_1000": slope([(s["taps"], s["heap_mb"]) for s in after]),
            "heap_grew_most": grew, "screens_seen": dict(screens)}
