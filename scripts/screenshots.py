#!/usr/bin/env python3
"""Pictures of every visitor screen, and a walk that checks that every text fits.

Writes PNGs of every screen in English and Spanish at 1920x1080 ("landscape"), 1280x800
("small") and 1080x1920 ("portrait") to docs/screenshots/ (or the folder given), from the
bundled directory, with the clock set to a weekday morning so open/closed badges show. The
same pictures at the largest text size end in "-largest", in high contrast in "-hc".

    python3 scripts/screenshots.py [OUT_DIR] [--data DIRECTORY_FILES]
    python3 scripts/screenshots.py /tmp/walk --all      # every text size, and high contrast
    python3 scripts/screenshots.py /tmp/walk --check    # and say what does not fit

With --check, every screen of the walk and every place and topic of the directory (at every
size, language and text size) is measured as tests/ui/fit.py measures it: a text wider or
taller than its widget, a page wider than the screen, or a header button that moved is
printed, and the script exits 1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # tests/ui/fit.py, for --check

from kiosk.paths import BUNDLED_DATA  # noqa: E402

SIZES = {"landscape": (1920, 1080), "small": (1280, 800), "portrait": (1080, 1920)}
MORNING = dt.datetime(2026, 11, 23, 10, 30)  # a Monday
# The looks a picture is taken in: (suffix, text size step, high contrast).
LOOKS = {"": (0, False), "-largest": (2, False), "-hc": (0, True)}
ALL_LOOKS = {"": (0, False), "-text2": (1, False), "-largest": (2, False),
             "-hc": (0, True), "-hc-largest": (2, True)}
# In the docs, the largest text and high contrast for these screens only.
DOCS_LOOKS = ("home", "category", "resource", "topic", "search", "handout")


def _first(items: list[str], fallback: str = "") -> str:
    return items[0] if items else fallback


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--data", type=Path, default=BUNDLED_DATA)
    parser.add_argument("--all", action="store_true",
                        help="every text size and high contrast, for every screen")
    parser.add_argument("--check", action="store_true",
                        help="measure every text on every screen; exit 1 if one does not fit")
    parser.add_argument("--no-pictures", action="store_true", help="with --check: only check")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from kiosk.datadir import open_data_dir
    from kiosk.directory.store import ListFilter
    from kiosk.directory.trust import ARTICLE, PUBLISHED, STAFF, trust
    from kiosk.ui.speech import NoSpeech
    from kiosk.ui.window import KioskWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        store = open_data_dir(data_dir, bundled=args.data, clock=lambda: MORNING)
        categories = [c.slug for c in store.categories() if c.slug != "help-now"]
        health = "health" if "health" in categories else _first(categories)
        ids = store.list_ids(health, ListFilter(), MORNING)
        active = store.resources(include_inactive=False)
        # A place with a street address and opening hours through the week shows the most.
        rich = [r.id for r in store.resources(ids) if r.phones and r.address
                and r.hours is not None and not r.hours.always]
        local = [r.id for r in store.resources(ids) if r.phones and r.address]
        place = _first(rich, _first(local, _first(ids)))
        unchecked = _first([r.id for r in store.resources(ids)
                            if r.verified_on is None and r.id != place], place)
        topic = _first([t.slug for t in store.topics()])
        by_trust = {level: _first([r.id for r in active if r.phones and trust(r).level == level])
                    for level in (STAFF, PUBLISHED, ARTICLE)}
        by_trust["no-phone"] = _first([r.id for r in active if not r.phones])

        window = KioskWindow(store, data_dir, windowed=True, idle_timeout_s=3600,
                             clock=lambda: MORNING, speech=NoSpeech())

        def settle() -> None:
            for _ in range(5):
                app.processEvents()

        def typing(text: str) -> Callable[[], None]:
            def show() -> None:
                window.open_search()
                for char in text:
                    window.search.type_text(char)
                while not window.search.settled():  # the search runs on its own thread
                    app.processEvents()
            return show

        def search() -> None:
            typing("clinic" if window.lang == "en" else "clínica")()

        def search_no_keyboard() -> None:
            search()
            window.search.hide_keyboard()

        def still_there() -> None:
            window.open_resource(place)
            window.still_there.ask(15)

        def handout() -> None:
            for rid in ids[:3]:
                window.handout.add(rid)
            window.open_handout()

        def filtered() -> None:
            window.open_category(health)
            window.category.filters["near"].setChecked(True)

        def reporting() -> None:
            window.open_resource(place)
            window.resource_screen.report.open_choices()
            settle()
            window.resource_screen.scroll_area.ensureWidgetVisible(
                window.resource_screen.report.cancel)

        def reported() -> None:
            reporting()
            window.resource_screen.report.choices["number"].click()

        screens: dict[str, Callable[[], None]] = {
            "home": window.show_home,
            "category": lambda: window.open_category(health),
            "category-filtered": filtered,
            "resource": lambda: window.open_resource(place),
            "resource-unchecked": lambda: window.open_resource(unchecked),
            "resource-report": reporting,
            "resource-reported": reported,
            "topic": lambda: window.open_topic(topic),
            "search": search,
            "search-no-keyboard": search_no_keyboard,
            "search-typo": lambda: typing("shleter" if window.lang == "en" else "refujio")(),
            "search-dead-end": lambda: typing("fod" if window.lang == "en" else "rpa")(),
            "search-crisis": lambda: typing("sucide" if window.lang == "en" else
                                            "quiero morir")(),
            "handout": handout,
            "handout-empty": window.open_handout,
            "still-there": still_there,
        }
        for level, rid in by_trust.items():
            if rid:
                screens[f"trust-{level}"] = (lambda r=rid: window.open_resource(r))

        def header_places() -> dict[str, QRect]:
            return {b.objectName(): QRect(b.mapTo(window, b.rect().topLeft()), b.size())
                    for b in window.header.buttons()}

        def check(where: str, first: dict[str, dict[str, QRect]], size_name: str) -> None:
            from tests.ui.fit import problems as fit_problems

            for widget, problem in fit_problems(window):
                problems.append(f"{where}: {widget}: {problem}")
            page = window.stack.currentWidget()
            if page.minimumSizeHint().width() > page.width():
                problems.append(f"{where}: the page is wider than the screen")
            places = header_places()
            if first.setdefault(size_name, places) != places:
                problems.append(f"{where}: a header button moved")

        def look(step: int, high_contrast: bool) -> None:
            """From the visit's first look (Start over puts it back), as a visitor taps."""
            for _ in range(step):
                window.cycle_text_size()
            if high_contrast:
                window.toggle_contrast()

        looks = ALL_LOOKS if args.all else LOOKS
        first_places: dict[str, dict[str, QRect]] = {}
        for lang in ("en", "es"):
            for size_name, size in SIZES.items():
                for suffix, (step, high_contrast) in looks.items():
                    for name, show in screens.items():
                        docs = not args.all
                        if docs and suffix and name not in DOCS_LOOKS:
                            continue
                        if docs and name.startswith("trust-") and size_name != "small":
                            continue
                        window.quick_exit()
                        window.set_language(lang)
                        look(step, high_contrast)
                        window.resize(*size)
                        window.show()
                        show()
                        settle()
                        stem = f"{name}-{lang}-{size_name}{suffix}"
                        if name.startswith("trust-"):
                            stem = f"{name}-{lang}-{size[0]}x{size[1]}{suffix}"
                        if args.check:
                            check(stem, first_places, size_name)
                        if not args.no_pictures:
                            path = args.out / f"{stem}.png"
                            window.grab().save(str(path), "PNG", 0)  # 0: smallest file
                            written.append(path)
        if args.check:
            for where in _every_place(window, store, settle):
                check(where, first_places, where.split()[2])
        window.leave()
        store.close()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    for problem in problems:
        print("does not fit:", problem)
    if args.check:
        print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


def _every_place(window: object, store: object, settle: Callable[[], None]) -> Iterator[str]:
    """Every place and topic of the directory, at every size, language and text size."""
    from kiosk.ui.theme import TEXT_SCALES
    from kiosk.ui.window import KioskWindow

    assert isinstance(window, KioskWindow)
    resources = [r.id for r in window.store.resources(include_inactive=False)]
    topics = [t.slug for t in window.store.topics()]
    for lang in ("en", "es"):
        for size_name, size in SIZES.items():
            for step in range(len(TEXT_SCALES)):
                window.quick_exit()
                window.set_language(lang)
                for _ in range(step):
                    window.cycle_text_size()
                window.resize(*size)
                for rid in resources:
                    window.open_resource(rid)
                    settle()
                    yield f"resource {lang} {size_name} text-{step + 1} {rid}"
                for slug in topics:
                    window.open_topic(slug)
                    settle()
                    yield f"topic {lang} {size_name} text-{step + 1} {slug}"


if __name__ == "__main__":
    raise SystemExit(main())
