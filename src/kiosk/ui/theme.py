"""Look and feel from one place: Fusion, a QPalette from the palette, and the one QSS.

The visitor's text size scales every font size and minimum size in the stylesheet, so the
whole interface grows together and touch targets never shrink below 64 px.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.directory.records import Record
from kiosk.paths import RESOURCES
from kiosk.ui import palette

STYLESHEET = RESOURCES / "styles" / "kiosk.qss"
TEXT_SCALES = (1.0, 1.2, 1.4)
# Sizes followed by /* fixed */ keep their value (keys of the on-screen keyboard must fit).
_SIZED = re.compile(r"(font-size|min-height|min-width)\s*:\s*(\d+)px(?!;?\s*/\*\s*fixed)")
# A widget's own size in px set through the stylesheet (`qproperty-numberSize: 30;`) grows
# with the text too.
_SIZED_PROPERTY = re.compile(r"(qproperty-\w+Size)\s*:\s*(\d+)(?![\w.])")
_TOKEN = re.compile(r"@([a-z_]+)")


@lru_cache(maxsize=4)
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True, eq=False, repr=False)
class Theme(Record):
    """The visitor's look: warm or high contrast, and one of the three text sizes."""

    high_contrast: bool = False
    text_step: int = 0

    @property
    def colors(self) -> dict[str, str]:
        return palette.colors(self.high_contrast)

    @property
    def scale(self) -> float:
        return TEXT_SCALES[self.text_step]

    def px(self, size: float) -> int:
        return round(size * self.scale)

    def color(self, name: str) -> QColor:
        return QColor(self.colors[name])

    def stylesheet(self, path: Path = STYLESHEET) -> str:
        text = _read(path)
        colors = self.colors

        def token(match: re.Match[str]) -> str:
            return colors.get(match.group(1), match.group(0))

        def sized(match: re.Match[str]) -> str:
            return f"{match.group(1)}: {self.px(int(match.group(2)))}px"

        def sized_property(match: re.Match[str]) -> str:
            return f"{match.group(1)}: {self.px(int(match.group(2)))}"

        return _SIZED_PROPERTY.sub(sized_property, _SIZED.sub(sized, _TOKEN.sub(token, text)))

    def qpalette(self) -> QPalette:
        c = self.color
        pal = QPalette()
        role = QPalette.ColorRole
        for r, name in ((role.Window, "bg"), (role.WindowText, "ink"), (role.Base, "surface"),
                        (role.AlternateBase, "surface_alt"), (role.Text, "ink"),
                        (role.Button, "surface"), (role.ButtonText, "ink"),
                        (role.Highlight, "primary"), (role.HighlightedText, "on_primary"),
                        (role.ToolTipBase, "surface"), (role.ToolTipText, "ink"),
                        (role.PlaceholderText, "muted"), (role.BrightText, "on_primary"),
                        (role.Light, "surface"), (role.Midlight, "surface_alt"),
                        (role.Mid, "line"), (role.Dark, "line"), (role.Shadow, "ink")):
            pal.setColor(r, c(name))
        return pal

    def apply(self, app: QApplication, window: QWidget) -> None:
        """Style `window` and everything in it; other top-level windows (staff screens,
        print preview) call `apply_to` on themselves or are created as its children."""
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        app.setPalette(self.qpalette())
        self.apply_to(window)

    def apply_to(self, widget: QWidget) -> None:
        sheet = self.stylesheet()
        if widget.styleSheet() != sheet:  # re-polishing is the costly part
            widget.setStyleSheet(sheet)
