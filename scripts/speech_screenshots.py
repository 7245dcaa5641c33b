#!/usr/bin/env python3
"""Pictures of Read aloud on the home, resource and topic screens, in English and Spanish,
at 1280x800: the button, then Stop in its place while the kiosk speaks.

Speech is a silent stand-in that speaks until stopped, so the pictures can be made on a
machine without a sound device:

    python3 scripts/speech_screenshots.py [OUT_DIR]
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
MORNING = dt.datetime(2026, 11, 23, 10, 30)  # a Monday


class HeldSpeech:
    """Available, and speaking from `say` until `stop`."""

    def __init__(self) -> None:
        self.done: Callable[[], None] | None = None

    def available(self) -> bool:
        return True

    def say(self, script: object, done: Callable[[], None] | None = None) -> None:
        self.stop()
        self.done = done

    def stop(self) -> None:
        done, self.done = self.done, None
        if done is not None:
            done()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication, QPushButton

    from kiosk.datadir import open_data_dir
    from kiosk.paths import BUNDLED_DATA
    from kiosk.ui.window import KioskWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_data_dir(Path(tmp), bundled=BUNDLED_DATA, clock=lambda: MORNING)
        places = [r for r in store.resources(include_inactive=False) if r.phones]
        place = max(places, key=lambda r: (r.address.town == "Willimantic",
                                           r.hours is not None, bool(r.address))).id
        topic = next(t.slug for t in store.topics() if t.related)
        window = KioskWindow(store, Path(tmp), windowed=True, idle_timeout_s=3600,
                             clock=lambda: MORNING, speech=HeldSpeech())
        screens: dict[str, tuple[Callable[[], None], str]] = {
            "home": (window.show_home, "read-aloud-help-now"),
            "resource": (lambda: window.open_resource(place), "read-aloud"),
            "topic": (lambda: window.open_topic(topic), "read-aloud-topic"),
        }
        for lang in ("en", "es"):
            for name, (show, button_name) in screens.items():
                for state in ("read", "stop"):
                    window.quick_exit()
                    window.set_language(lang)
                    window.resize(1280, 800)
                    window.show()
                    show()
                    for _ in range(5):
                        app.processEvents()
                    if state == "stop":
                        button = window.findChild(QPushButton, button_name)
                        assert button is not None and button.isVisible(), button_name
                        button.click()
                        for _ in range(5):
                            app.processEvents()
                    path = args.out / f"read-aloud-{name}-{state}-{lang}.png"
                    window.grab().save(str(path), "PNG", 0)
                    written.append(path)
        window.leave()
        store.close()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
