"""Small building blocks shared by the screens: big buttons, plain-text labels, finger
scrolling and recoloured icons."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import (
    QByteArray,
    QMargins,
    QRect,
    QRectF,
    QSize,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from kiosk.layouts import empty_layout
from kiosk.paths import RESOURCES
from kiosk.ui.line_breaks import for_display
from kiosk.ui.qt_values import ALIGN_CENTER, TEXT_WORD_WRAP, set_by_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScroller

ICONS = RESOURCES / "icons"


@lru_cache(maxsize=256)
def _svg_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _icon_file(name: str, folder: Path = ICONS) -> Path:
    return folder / (name if name.endswith(".svg") else f"{name}.svg")


def has_icon(name: str, folder: Path = ICONS) -> bool:
    """Whether the icon `name` has a file to draw (read once, kept for drawing)."""
    return bool(_svg_bytes(_icon_file(name, folder)))


def icon_pixmap(name: str, color: str, size: int, folder: Path = ICONS) -> QPixmap:
    """An icon drawn in `color` (icons are drawn in #000000); a null pixmap when missing."""
    data = _svg_bytes(_icon_file(name, folder))
    if not data:
        return QPixmap()
    svg = data.replace(b"#000000", color.encode()).replace(b"#000", color.encode())
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        return QPixmap()
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(QColor(0, 0, 0, 0))  # transparent
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


class TextLabel(QLabel):
    """A label for plain text: never markup (directory text is data), phone numbers kept
    whole and words too long for any line broken at the edge (`kiosk.ui.line_breaks`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_by_name(self, "textFormat", "PlainText")

    def setText(self, text: str) -> None:
        super().setText(for_display(text))

    def heightForWidth(self, width: int) -> int:
        """At most as wide as it may be: a layout asks a label of fixed width how tall it is
        at the layout's width, and would give it too little height."""
        return super().heightForWidth(min(width, self.maximumWidth()))


def text_label(text: str = "", role: str = "", wrap: bool = True,
               parent: QWidget | None = None) -> QLabel:
    """A `TextLabel`, wrapped unless `wrap` is false, with its `role` for the stylesheet."""
    label = TextLabel(parent)
    label.setText(text)
    label.setWordWrap(wrap)
    if role:
        label.setProperty("role", role)
    return label


class TileButton(QPushButton):
    """A large button with an icon above wrapping text (Spanish labels run long), or beside
    it (`horizontal`), drawn by the button itself.

    One widget per tile, not a button holding a layout and two labels: home has two dozen
    tiles, and before the first frame every widget is polished against the stylesheet,
    laid out and painted (three widgets a tile cost home's first frame about 10 ms).
    The words are drawn as a word-wrapped plain-text label draws them (`QStyle.drawItemText`
    with the button's own font and text colour from the stylesheet), after `for_display`
    has kept phone numbers whole and made long words breakable; the icon is drawn greyed
    while the button is disabled, as a label's picture is.
    """

    def __init__(self, object_name: str, icon: str = "", variant: str = "tile",
                 icon_size: int = 56, parent: QWidget | None = None,
                 horizontal: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("variant", variant)
        self.icon_name = icon
        self.icon_size = icon_size
        self.horizontal = horizontal
        self.margin = 4 if variant == "bar" else 8
        self.spacing = 4
        self._words = ""  # as shown (`for_display`)
        self._label = ""  # as given
        self._pixmap: QPixmap | None = QPixmap()  # None: to be drawn when next wanted
        self._drawn: tuple[str, str, int] | None = None  # the icon's name, colour and size
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # its words wrap: narrower means taller
        self.setSizePolicy(policy)
        set_by_name(self, "focusPolicy", "NoFocus")  # a touch screen: no focus ring on taps

    def set_label(self, text: str, accessible: str | None = None) -> None:
        self._label = text
        self._words = for_display(text)
        self.setAccessibleName(accessible or text.replace("\n", " "))
        self.updateGeometry()
        self.update()

    def label(self) -> str:
        return self._label

    def shown_text(self) -> str:
        """The words as drawn (phone numbers kept whole, long words made breakable)."""
        return self._words

    def icon_pixmap(self) -> QPixmap:
        """The icon in its colour and size (null when the tile has none), drawn the first
        time it is wanted: home's category tiles are below the first screenful, and their
        dozen SVG icons need not be drawn before the first frame."""
        if self._pixmap is None:
            self._pixmap = icon_pixmap(*self._drawn) if self._drawn else QPixmap()
            if self._pixmap.isNull():
                self.updateGeometry()  # a file that would not draw: no room kept for it
        return self._pixmap

    def recolor(self, color: str, scale: float = 1.0) -> None:
        """The icon in `color` at its size times `scale`, drawn again (when next wanted)
        only when either changed (home restyles its tiles as it builds them and once
        more after)."""
        if not self.icon_name:
            return
        drawn = (self.icon_name, color, round(self.icon_size * scale))
        if drawn == self._drawn:
            return
        self._drawn = drawn
        self._pixmap = None
        self.updateGeometry()
        self.update()

    # -- geometry ---------------------------------------------------------------------------

    def _icon_size(self) -> QSize:
        pixmap = self._pixmap
        if pixmap is None:  # not drawn yet: the size it will have, if it has a file
            if self._drawn is None or not has_icon(self._drawn[0]):
                return QSize(0, 0)
            return QSize(self._drawn[2], self._drawn[2])
        if pixmap.isNull():
            return QSize(0, 0)
        return pixmap.deviceIndependentSize().toSize()

    def _text_size(self, width: int) -> QSize:
        return wrapped_size(self.fontMetrics(), self._words, width)

    def _natural_text_size(self) -> QSize:
        return preferred_size(self.fontMetrics(), self._words)

    def _combined(self, icon: QSize, text: QSize) -> QSize:
        gap = self.spacing if not icon.isEmpty() and not text.isEmpty() else 0
        if self.horizontal:
            size = QSize(icon.width() + gap + text.width(), max(icon.height(), text.height()))
        else:
            size = QSize(max(icon.width(), text.width()), icon.height() + gap + text.height())
        return size.grownBy(self._margins())

    def _margins(self) -> QMargins:
        return QMargins(self.margin, self.margin, self.margin, self.margin)

    def _text_width(self, width: int) -> int:
        """The room for the words in a button `width` wide."""
        room = width - 2 * self.margin
        if self.horizontal:
            icon = self._icon_size()
            if not icon.isEmpty():
                room -= icon.width() + self.spacing
        return room

    def sizeHint(self) -> QSize:
        self.ensurePolished()
        hint = self._combined(self._icon_size(), self._natural_text_size())
        return hint.expandedTo(self.minimumSizeHint())

    def minimumSizeHint(self) -> QSize:
        self.ensurePolished()
        text = QSize(self._text_size(0).width(), self._text_size(100_000).height())
        return self._combined(self._icon_size(), text)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """As tall as its words need at `width` (a grid then gives the row that height, so a
        label that wraps to three lines is never cut to two)."""
        self.ensurePolished()
        text = self._text_size(self._text_width(width))
        return max(self._combined(self._icon_size(), text).height(), self.minimumHeight())

    def icon_rect(self) -> QRect:
        """Where the icon is drawn, in the button's coordinates (empty without one)."""
        return self._placed()[0]

    def text_rect(self) -> QRect:
        """Where the words are drawn, in the button's coordinates."""
        return self._placed()[1]

    def _placed(self) -> tuple[QRect, QRect]:
        """(icon, words): each centred, the two together in the middle."""
        inner = self.rect().marginsRemoved(self._margins())
        icon = self._icon_size()
        text = self._text_size(self._text_width(self.width())).boundedTo(inner.size())
        gap = self.spacing if not icon.isEmpty() and not text.isEmpty() else 0
        if self.horizontal:
            left = inner.left() + (inner.width() - icon.width() - gap - text.width()) // 2
            icon_rect = QRect(left, inner.top() + (inner.height() - icon.height()) // 2,
                              icon.width(), icon.height())
            text_rect = QRect(left + icon.width() + gap,
                              inner.top() + (inner.height() - text.height()) // 2,
                              text.width(), text.height())
        else:
            top = inner.top() + (inner.height() - icon.height() - gap - text.height()) // 2
            icon_rect = QRect(inner.left() + (inner.width() - icon.width()) // 2, top,
                              icon.width(), icon.height())
            text_rect = QRect(inner.left(), top + icon.height() + gap, inner.width(),
                              text.height())
        return icon_rect, text_rect

    # -- drawing ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        option.icon = QIcon()
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)  # background, border
        icon_rect, text_rect = self._placed()
        pixmap = self.icon_pixmap()
        if not pixmap.isNull():
            if not self.isEnabled():
                pixmap = self.style().generatedIconPixmap(QIcon.Mode.Disabled, pixmap, option)
            painter.drawPixmap(icon_rect.topLeft(), pixmap)
        if self._words:
            self.style().drawItemText(painter, text_rect, WRAPPED, option.palette,
                                      self.isEnabled(), self._words,
                                      QPalette.ColorRole.ButtonText)


# How a tile's words are laid out: centred and wrapped at spaces and break opportunities, as
# a word-wrapped label's are.
WRAPPED = ALIGN_CENTER | TEXT_WORD_WRAP


def wrapped_size(metrics: QFontMetrics, text: str, width: int) -> QSize:
    """The size of `text` wrapped at `width` (at most; 0: the longest word's width)."""
    if not text:
        return QSize(0, 0)
    return metrics.boundingRect(0, 0, max(width, 0), 100_000, WRAPPED, text).size()


def preferred_size(metrics: QFontMetrics, text: str) -> QSize:
    """What a word-wrapped label prefers for `text`: lines of at most 80 average characters,
    narrowed to 40 and to 20 while that keeps it to a few lines (as QLabel does)."""
    if not text:
        return QSize(0, 0)
    width = metrics.averageCharWidth() * 80
    size = wrapped_size(metrics, text, width)
    if size.height() < 4 * metrics.lineSpacing() and size.width() > width // 2:
        size = wrapped_size(metrics, text, width // 2)
    if size.height() < 2 * metrics.lineSpacing() and size.width() > width // 4:
        size = wrapped_size(metrics, text, width // 4)
    return size


class ChipButton(QPushButton):
    """A filter a visitor turns on and off. On, it is drawn in bold with a check mark (the
    stylesheet's `:checked`), so its size is worked out for that look in both states: it
    never grows when tapped, and its neighbours never move. Words that still do not fit
    the room it is given end in an ellipsis (the full words stay its accessible name)."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("variant", "filter")
        self.setCheckable(True)
        self.full_text = ""
        self._check = QIcon()

    def set_label(self, text: str, accessible: str | None = None) -> None:
        self.full_text = text
        self.setAccessibleName(accessible or text)
        self._fit()
        self.updateGeometry()

    def recolor(self, color: str, scale: float = 1.0) -> None:
        size = round(22 * scale)
        self.setIconSize(QSize(size, size))
        self._check = QIcon(icon_pixmap("check", color, size * 2))
        self._show_state(self.isChecked())

    def checkStateSet(self) -> None:
        """Also when set with its signals blocked (the filters are cleared that way)."""
        super().checkStateSet()
        self._show_state(self.isChecked())

    def _show_state(self, on: bool) -> None:
        self.setIcon(self._check if on else QIcon())
        self._fit()

    def _bold(self) -> QFontMetrics:
        font = QFont(self.font())
        font.setBold(True)
        return QFontMetrics(font)

    def _mark(self) -> int:
        return self.iconSize().width() + 6

    def sizeHint(self) -> QSize:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        metrics = self._bold()
        contents = QSize(metrics.horizontalAdvance(self.full_text) + self._mark(),
                         max(metrics.height(), self.iconSize().height()))
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option,
                                             contents, self)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.sizeHint().height())

    def _fit(self) -> None:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option,
                                           self).width() - self._mark()
        text = self.full_text
        metrics = self._bold()
        if room > 0 and metrics.horizontalAdvance(text) > room:
            text = metrics.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, room)
        if text != self.text():
            self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


READING_WIDTH = 1240  # longer lines are hard to follow; wide screens get margins instead


def reading_column(scroll: QScrollArea, margins: tuple[int, int, int, int] = (40, 24, 40, 40),
                   max_width: int = READING_WIDTH) -> QVBoxLayout:
    """A scrolling page whose content is a centred column no wider than `max_width`."""
    page = QWidget()
    page.setProperty("role", "page")
    scroll.setWidget(page)
    row = QHBoxLayout(page)
    row.setContentsMargins(*margins)
    content = QWidget()
    content.setProperty("role", "page")
    content.setMaximumWidth(max_width)
    row.addStretch(0)
    row.addWidget(content, 1)
    row.addStretch(0)
    body = QVBoxLayout(content)
    body.setContentsMargins(0, 0, 0, 0)
    return body


def enable_finger_scrolling(area: QAbstractScrollArea) -> QScroller:
    """Drag and fling with a finger (or a mouse held down), as on a phone. (The scroller's
    classes are imported here: home turns it on once its first frame is up, and PySide6
    makes a class, with its enums, the first time a module names it.)"""
    from PySide6.QtWidgets import QScroller, QScrollerProperties

    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    scroller.setScrollerProperties(props)
    set_by_name(area, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    scroller.stateChanged.connect(lambda state: _let_go(area, state))
    return scroller


def _let_go(area: QAbstractScrollArea, state: QScroller.State) -> None:
    """A finger that drags was scrolling, not pressing: whatever it first touched must not
    stay drawn as pressed (the scroller takes the touch, and no release ever reaches it)."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractItemView, QScroller

    if state != QScroller.State.Dragging:
        return
    for button in area.viewport().findChildren(QAbstractButton):
        if button.isDown():
            button.setDown(False)
    if isinstance(area, QAbstractItemView):
        area.clearSelection()
        area.setCurrentIndex(QModelIndex())
        area.viewport().update()


def scrolling_page(page: QWidget, fingers: bool = True) -> QScrollArea:
    """Make `page` a screen whose content scrolls under a finger; the area to fill.
    Without `fingers`, the caller calls `enable_finger_scrolling` itself (home does once
    the first frame is up: the gesture machinery's first use takes milliseconds)."""
    page.setProperty("role", "page")
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    set_by_name(area, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    if fingers:
        enable_finger_scrolling(area)
    outer.addWidget(area)
    return area


_removed: list[QWidget] = []


def _delete_removed() -> None:
    """Runs from the event loop, after the tap that replaced these widgets has been handled,
    so none of them is still inside one of its own signal handlers."""
    import shiboken6

    while _removed:
        widget = _removed.pop()
        if shiboken6.isValid(widget):
            shiboken6.delete(widget)


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every item of a layout (for screens rebuilt on each visit).

    Not `deleteLater`: that waits for control to return to an event loop, which never
    happens when something drives the window directly (tests, benchmarks), and the old
    widgets would pile up."""
    for widget in empty_layout(layout):
        widget.hide()
        widget.setParent(None)  # out of the tree at once: findChild must not see it
        if not _removed:
            QTimer.singleShot(0, _delete_removed)
        _removed.append(widget)
