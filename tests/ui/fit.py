"""Does every text fit where it is shown? Measured as Qt lays it out.

A label's text is laid out at the label's own width with Qt's text layout (the same line
breaking the label uses): a line wider than the label, or more lines than its height holds,
is text a visitor cannot read. A button's text must fit inside its contents rectangle
(borders and padding from the stylesheet taken off), in the font its state draws it in.
Used by the tests of tests/ui and by scripts/screenshots.py --check.
"""

from __future__ import annotations

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
        problem = button_problem(button)
        if problem:
            out.append((_name(button), problem))
    return out


def _name(widget: QWidget) -> str:
    name = widget.objectName()
    parent = widget.parentWidget()
    if not name and isinstance(parent, QAbstractButton):
        name = parent.objectName() + " label"
    text = getattr(widget, "text", lambda: "")()
    return f"{name or type(widget).__name__} {text[:40]!r}"
