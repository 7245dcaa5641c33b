#!/usr/bin/env python3
"""Pictures of every visitor screen, in English and Spanish, landscape and portrait.

Writes PNGs to docs/screenshots/ (or the folder given) from the bundled directory, with the
clock set to a weekday morning so open/closed badges show. Runs offscreen:

    python3 scripts/screenshots.py [OUT_DIR] [--data DIRECTORY_FILES]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kiosk.paths import BUNDLED_DATA  # noqa: E402

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920), "small": (1280, 800)}
MORNING = dt.datetime(2026, 11, 23, 10, 30)  # a Monday


def _first(items: list[str], fallback: str = "") -> str:
    return items[0] if items else fallback


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--data", type=Path, default=BUNDLED_DATA)
    parser.add_argument("--high-contrast", action="store_true")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from kiosk.datadir import open_data_dir
    from kiosk.directory.store import ListFilter
    from kiosk.ui.speech import NoSpeech
    from kiosk.ui.window import KioskWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        store = open_data_dir(data_dir, bundled=args.data, clock=lambda: MORNING)
        categories = [c.slug for c in store.categories() if c.slug != "help-now"]
        health = "health" if "health" in categories else _first(categories)
        ids = store.list_ids(health, ListFilter(), MORNING)
        rich = [r.id for r in store.resources(include_inactive=False)
                if r.phones and r.hours is not None and not r.area.national]
        local = [r.id for r in store.resources(ids) if r.phones and r.address]
        place = _first(rich, _first(local, _first(ids)))
        unchecked = _first([r.id for r in store.resources(ids) if r.verified_on is None],
                           place)
        topic = _first([t.slug for t in store.topics()])

        window = KioskWindow(store, data_dir, windowed=True, idle_timeout_s=3600,
                             clock=lambda: MORNING, speech=NoSpeech())

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

        def still_there() -> None:
            window.open_resource(place)
            window.still_there.ask(15)

        def handout() -> None:
            for rid in ids[:3]:
                window.handout.add(rid)
            window.open_handout()

        screens: dict[str, Callable[[], None]] = {
            "home": window.show_home,
            "category": lambda: window.open_category(health),
            "resource": lambda: window.open_resource(place),
            "resource-unchecked": lambda: window.open_resource(unchecked),
            "topic": lambda: window.open_topic(topic),
            "search": search,
            "search-typo": lambda: typing("shleter" if window.lang == "en" else "refujio")(),
            "search-dead-end": lambda: typing("fod" if window.lang == "en" else "rpa")(),
            "search-crisis": lambda: typing("sucide" if window.lang == "en" else
                                            "quiero morir")(),
            "handout": handout,
            "still-there": still_there,
        }
        written = []
        for lang in ("en", "es"):
            for size_name, size in SIZES.items():
                for name, show in screens.items():
                    if size_name == "small" and name not in (
                            "home", "category", "resource", "search-typo", "search-dead-end",
                            "search-crisis"):
                        continue
                    window.quick_exit()
                    window.set_language(lang)
                    if args.high_contrast:
                        window.toggle_contrast()
                    window.resize(*size)
                    window.show()
                    show()
                    for _ in range(5):
                        app.processEvents()
                    suffix = "-hc" if args.high_contrast else ""
                    path = args.out / f"{name}-{lang}-{size_name}{suffix}.png"
                    window.grab().save(str(path), "PNG", 0)  # 0: smallest file
                    written.append(path)
        window.leave()
        store.close()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
