"""A Qt application for drawing sheets from the command line, where no window is shown."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def ensure_gui_app() -> QCoreApplication:
    """The running application, or a new window-less one (fonts need a GUI application)."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["kiosk"])
