"""The floor for start-up: a bare PySide6 window (a QLabel) shown, first frame, exit.

Prints the time of its first frame (`first_frame_at=`, as `kiosk --exit-after-first-frame`
does) and its resident memory then, the floor for the kiosk's own.

    python3 -m bench.bare                          the bare window
    python3 -m bench.bare --classes FILE           the same, having first made each PySide6
                                                   class FILE names (one "module.Class" a line)
    python3 -m bench.bare --kiosk-classes DIR FILE the kiosk on DIR to its first frame; writes
                                                   the PySide6 classes made by then to FILE

PySide6 makes a class (and every enum in it) the first time it is used; the Qt namespace's
93 enums alone take 15-20 ms. The bare window with the classes the kiosk's first frame
uses measures what those cost any program that shows such a window, apart from the
kiosk's own work (`bench.__main__.cold_start`).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg")


class _FirstFrame(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self._painted)  # once the frame is painted, as the kiosk
        return False

    def _painted(self) -> None:
        import time

        from bench.stats import rss_mb

        print(f"first_frame_at={time.time():.6f} rss_mb={rss_mb():.1f}", flush=True)
        self.app.exit(0)


def made_classes() -> list[str]:
    """The PySide6 classes made so far in this process ("module.Class"), the Qt namespace
    among them: those not used yet are placeholders of another type."""
    made = []
    for name in MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        for key, value in list(module.__dict__.items()):
            if type(value).__name__ == "ObjectType" or (key == "Qt" and isinstance(value, type)):
                made.append(f"{name}.{key}")
    return made


def make_classes(file: Path) -> None:
    for line in file.read_text().split():
        module, _, name = line.rpartition(".")
        getattr(importlib.import_module(module), name)


def write_kiosk_classes(data_dir: Path, file: Path) -> int:
    """Run the kiosk on `data_dir` to its first frame; write the classes made by then."""
    import kiosk.app

    def painted(frame: QObject) -> None:
        file.write_text("\n".join(made_classes()) + "\n")
        frame.app.exit(0)  # type: ignore[attr-defined]

    kiosk.app._FirstFrame._painted = painted  # type: ignore[method-assign,assignment]
    return kiosk.app.run(data_dir, windowed=True, exit_after_first_frame=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--kiosk-classes"] and len(argv) == 3:
        return write_kiosk_classes(Path(argv[1]), Path(argv[2]))
    if argv[:1] == ["--classes"] and len(argv) == 2:
        make_classes(Path(argv[1]))
    elif argv:
        print(__doc__.strip().split("\n\n")[2], file=sys.stderr)
        return 2
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    label = QLabel("Find help near you")
    label.installEventFilter(_FirstFrame(app))
    label.resize(1280, 800)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
