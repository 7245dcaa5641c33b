"""Does every text fit where it is shown? Measured as Qt lays it out.

A label's text is laid out at the label's own width with Qt's text layout (the same line
breaking the label uses), and a tile's words where the tile draws them: a line wider than
its room, or more lines than the room's height holds, is text a visitor cannot read. A
button's text must fit inside its contents rectangle (borders and padding from the
stylesheet taken off), in the font its state draws it in. Used by the tests of tests/ui and
by scripts/screenshots.py --check.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from kiosk.ui.home import PhoneTile
from kiosk.ui.widgets import TileButton

SLACK = 1.0  # px: rounding between layout and paint


def lines(text: str, font: QFont, width: float, wrap: bool) -> tuple[float, float]:
    """(widest line, total height) of `text` laid out at `width`."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap if wrap else QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    widest, height = 0.0, 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        widest = max(widest, line.naturalTextWidth())
        height += line.height()
    layout.endLayout()
    return widest, height


def label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    rect = label.contentsRect()
    width = rect.width() - 2 * label.margin()
    font = label.font()
    if label.wordWrap():
        widest, _ = lines(text, font, width, wrap=True)
        if widest > width + SLACK:
            return f"a word is {widest:.0f} px wide, the label {width} px"
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return f"wrapped text needs {needed} px of height, has {label.height()}"
        return None
    metrics = QFontMetricsF(font)
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if widest > width + SLACK:
        return f"needs {widest:.0f} px, has {width}"
    height = metrics.lineSpacing() * (text.count("\n") + 1)
    if height > rect.height() + SLACK + metrics.leading():
        return f"needs {height:.0f} px of height, has {rect.height()}"
    return None


def button_problem(button: QPushButton) -> str | None:
    text = button.text()
    if not text:
        return None
    option = QStyleOptionButton()
    button.initStyleOption(option)
    rect = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                         button)
    font = QFont(button.font())
    if button.isChecked():
        font.setBold(True)  # kiosk.qss: a checked button is drawn in bold
    needed = QFontMetricsF(font).horizontalAdvance(text)
    if not button.icon().isNull():
        needed += button.iconSize().width() + 4
    if needed > rect.width() + SLACK:
        return f"needs {needed:.0f} px, has {rect.width()}"
    return None


def _inside(inner: QRect, *rects: QRect) -> bool:
    return all(r.isEmpty() or inner.contains(r) for r in rects)


def tile_problem(tile: TileButton) -> str | None:
    """A tile draws its own icon and words: both inside its margins, apart, and its words,
    laid out where it draws them, no wider and no taller than the room it gives them."""
    text = tile.shown_text()
    if not text:
        return None
    m = tile.margin
    inner = tile.rect().marginsRemoved(QMargins(m, m, m, m))
    icon, words = tile.icon_rect(), tile.text_rect()
    if not _inside(inner, icon, words):
        return f"draws outside its margins: icon {icon}, words {words} in {inner}"
    if icon.intersects(words):
        return f"words {words} over the icon {icon}"
    widest, height = lines(text, tile.font(), words.width(), wrap=True)
    if widest > words.width() + SLACK:
        return f"a word is {widest:.0f} px wide, the room {words.width()} px"
    if height > words.height() + SLACK:
        return f"wrapped words need {height:.0f} px of height, have {words.height()}"
    return None


def line_problem(tile: PhoneTile) -> str | None:
    """A crisis line's tile: its name, wrapped, and its number, on one line, each inside
    the tile's margins, apart, and within its own part of the tile."""
    (name, number), (name_at, number_at) = tile.texts(), tile.text_rects()
    inner = tile.rect().marginsRemoved(tile.MARGINS)
    if not _inside(inner, name_at, number_at):
        return f"draws outside its margins: {name_at}, {number_at} in {inner}"
    if name_at.intersects(number_at):
        return f"the name {name_at} over the number {number_at}"
    widest, height = lines(name, tile.font(), name_at.width(), wrap=True)
    if widest > name_at.width() + SLACK or height > name_at.height() + SLACK:
        return f"the name needs {widest:.0f} x {height:.0f} px, has {name_at.size()}"
    widest, height = lines(number, tile.number_font(), number_at.width(), wrap=False)
    if widest > number_at.width() + SLACK or height > number_at.height() + SLACK:
        return f"the number needs {widest:.0f} x {height:.0f} px, has {number_at.size()}"
    return None


def on_view(root: QWidget, cls: type) -> list:  # type: ignore[type-arg]
    """Widgets of `cls` a person can see under `root` (the question "Are you still there?"
    alone, when it covers the screen)."""
    still = root.findChild(QWidget, "still-there-dialog")
    if still is not None and still.isVisible():
        root = still
    return [w for w in root.findChildren(cls) if w.isVisible() and w.width() > 0
            and w.visibleRegion().boundingRect().width() > 0]


def problems(root: QWidget) -> list[tuple[str, str]]:
    """(widget, what is wrong) for every text on view under `root` that does not fit."""
    for _ in range(3):  # layouts settle over a few turns of the event loop
        QApplication.processEvents()
    out = []
    for label in on_view(root, QLabel):
        problem = label_problem(label)
        if problem:
            out.append((_name(label), problem))
    for button in on_view(root, QPushButton):
        if isinstance(button, TileButton):
            problem = tile_problem(button)
        elif isinstance(button, PhoneTile):
            problem = line_problem(button)
        else:
            problem = button_problem(button)
        if problem:
            out.append((_name(button), problem))
    return out


def _name(widget: QWidget) -> str:
    name = widget.objectName()
    parent = widget.parentWidget()
    if not name and isinstance(parent, QAbstractButton):
        name = parent.objectName() + " label"
    if isinstance(widget, TileButton):
        text = widget.shown_text()
    elif isinstance(widget, PhoneTile):
        text = " ".join(widget.texts())
    else:
        text = getattr(widget, "text", lambda: "")()
    return f"{name or type(widget).__name__} {text[:40]!r}"
