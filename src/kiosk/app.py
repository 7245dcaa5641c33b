"""Starting the kiosk's window (the visitor screens live in `kiosk.ui`)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from kiosk.directory.bootstrap import open_data_dir


def create_main_window(data_dir: Path, *, windowed: bool = True,
                       idle_timeout_s: float | None = None,
                       lang: str | None = None) -> QMainWindow:
    """The kiosk's main window over `data_dir` (created and filled from the bundled
    directory when empty)."""
    store = open_data_dir(Path(data_dir))
    window = QMainWindow()
    counts = store.counts()
    window.setCentralWidget(QLabel(f"{counts['resources']} resources"))
    window.setProperty("store", store)
    return window


def run(data_dir: Path, *, windowed: bool = False, lang: str | None = None,
        exit_after_first_frame: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = create_main_window(data_dir, windowed=windowed, lang=lang)
    window.show()
    return app.exec()
