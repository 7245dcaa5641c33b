"""The floor for start-up: a bare PySide6 window (a QLabel) shown, first frame, exit.

Prints the time of its first frame (`first_frame_at=`, as `kiosk --exit-after-first-frame`
does) and its resident memory then, the floor for the kiosk's own.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


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


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    label = QLabel("Find help near you")
    label.installEventFilter(_FirstFrame(app))
    label.resize(1280, 800)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
