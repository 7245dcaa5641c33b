"""The home screen: crisis lines first, then the categories, search and the topics."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QMargins, QRect, QSize, SignalInstance
from PySide6.QtGui import QFont, QFontMetrics, QPaintEvent, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from kiosk.directory.model import LocalText, Resource
from kiosk.layouts import empty_layout
from kiosk.ui.line_breaks import for_display
from kiosk.ui.qt_values import ALIGN_CENTER
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import (
    WRAPPED,
    TileButton,
    clear_layout,
    enable_finger_scrolling,
    preferred_size,
    scrolling_page,
    text_label,
    wrapped_size,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScroller

    from kiosk.speech.script import Script

HELP_NOW = "help-now"
# The strip shows the most urgent lines only: it must fit above the fold on every screen,
# and a statewide directory may list thousands of lines in this category.
HELP_NOW_TILES = 6
EMERGENCY = "911"


class PhoneTile(QPushButton):
    """A crisis line: its name, wrapped, and its number, large and on one line, drawn by
    the tile itself (one widget, not a button holding a layout and two labels: see
    `TileButton`). The name has the stylesheet's font for crisis tiles, the number that font
    at the stylesheet's `qproperty-numberSize` in px (both grow with the visitor's text
    size)."""

    MARGINS = QMargins(16, 10, 16, 10)
    SPACING = 2

    def __init__(self, object_name: str, name: str, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("variant", "crisis")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._name = self._number = ""
        self._number_size = 30  # px, until the stylesheet says
        self.set_texts(name, number)

    def set_texts(self, name: str, number: str) -> None:
        self._name, self._number = for_display(name), for_display(number)
        self.setAccessibleName(f"{name}: {number}")
        self.updateGeometry()
        self.update()

    def texts(self) -> tuple[str, str]:
        """(name, number) as drawn: phone numbers kept whole, long words made breakable."""
        return self._name, self._number

    def _get_number_size(self) -> int:
        return self._number_size

    def _set_number_size(self, size: int) -> None:
        if size != self._number_size:
            self._number_size = size
            self.updateGeometry()
            self.update()

    numberSize = Property(int, _get_number_size, _set_number_size)  # set by the stylesheet

    def number_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self._number_size)
        return font

    # -- geometry ---------------------------------------------------------------------------

    def _name_size(self, width: int) -> QSize:
        return wrapped_size(self.fontMetrics(), self._name, width)

    def _number_extent(self) -> QSize:
        return QFontMetrics(self.number_font()).boundingRect(
            0, 0, 100_000, 100_000, ALIGN_CENTER, self._number).size()

    def _combined(self, name: QSize, number: QSize) -> QSize:
        return QSize(max(name.width(), number.width()),
                     name.height() + self.SPACING + number.height()).grownBy(self.MARGINS)

    def sizeHint(self) -> QSize:
        self.ensurePolished()
        hint = self._combined(preferred_size(self.fontMetrics(), self._name),
                              self._number_extent())
        return hint.expandedTo(self.minimumSizeHint())

    def minimumSizeHint(self) -> QSize:
        self.ensurePolished()
        name = QSize(self._name_size(0).width(), self._name_size(100_000).height())
        return self._combined(name, self._number_extent())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        self.ensurePolished()
        room = width - self.MARGINS.left() - self.MARGINS.right()
        return max(self._combined(self._name_size(room), self._number_extent()).height(),
                   self.minimumHeight())

    def text_rects(self) -> tuple[QRect, QRect]:
        """Where the name and the number are drawn: each centred in its half of the room the
        tile has over what they need, as two labels in a column are."""
        inner = self.rect().marginsRemoved(self.MARGINS)
        name = self._name_size(inner.width()).boundedTo(inner.size())
        number = self._number_extent()
        extra = max(0, inner.height() - name.height() - self.SPACING - number.height())
        top = QRect(inner.left(), inner.top(), inner.width(), name.height() + extra // 2)
        bottom = QRect(inner.left(), top.bottom() + 1 + self.SPACING, inner.width(),
                       number.height() + extra - extra // 2)
        return top, bottom

    def text_rect(self) -> QRect:
        name, number = self.text_rects()
        return name | number

    # -- drawing ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        name, number = self.text_rects()
        style, role = self.style(), QPalette.ColorRole.ButtonText
        style.drawItemText(painter, name, WRAPPED, option.palette, self.isEnabled(),
                           self._name, role)
        painter.setFont(self.number_font())
        style.drawItemText(painter, number, ALIGN_CENTER, option.palette,
                           self.isEnabled(), self._number, role)


class HomeScreen(Screen):
    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scroll_area = scrolling_page(self, fingers=False)  # enable_fingers, soon after
        page = QWidget()
        page.setProperty("role", "page")
        self.scroll_area.setWidget(page)
        self.body = QVBoxLayout(page)
        self.body.setContentsMargins(32, 24, 32, 32)
        self.body.setSpacing(20)

        self.help_now = QFrame()
        self.help_now.setObjectName("help-now")
        help_layout = QVBoxLayout(self.help_now)
        help_layout.setContentsMargins(24, 16, 24, 20)
        help_layout.setSpacing(12)
        self.help_title = text_label(role="section")
        self.help_note = text_label()
        self.read_aloud = ReadAloud(ctx.speech, self.script, "read-aloud-help-now")
        title_row = QHBoxLayout()
        title_row.setSpacing(14)
        title_row.addWidget(self.help_title, 1)
        top = QVBoxLayout()  # the button at the top of the row, however tall the title
        top.addWidget(self.read_aloud)
        top.addStretch(1)
        title_row.addLayout(top, 0)
        help_layout.addLayout(title_row)
        help_layout.addWidget(self.help_note)
        self.help_grid = QGridLayout()
        self.help_grid.setSpacing(14)
        help_layout.addLayout(self.help_grid)

        self.search_button = TileButton("search-button", "search", variant="search",
                                        icon_size=40, horizontal=True)
        self.search_button.clicked.connect(self.search_wanted.emit)

        # What do you need? and Good to know, below the first screenful on a kiosk's
        # screen: in one widget, so that the start can hold them back (`hold_lower`).
        self.lower_sections = QWidget()
        sections = QVBoxLayout(self.lower_sections)
        sections.setContentsMargins(0, 0, 0, 0)
        sections.setSpacing(self.body.spacing())
        self.categories_title = text_label(role="section")
        self.category_grid = QGridLayout()
        self.category_grid.setSpacing(16)
        self.topics_title = text_label(role="section")
        self.topic_grid = QGridLayout()
        self.topic_grid.setSpacing(14)
        sections.addWidget(self.categories_title)
        sections.addLayout(self.category_grid)
        sections.addWidget(self.topics_title)
        sections.addLayout(self.topic_grid)

        self.body.addWidget(self.help_now)
        self.body.addWidget(self.search_button)
        self.body.addWidget(self.lower_sections)
        self.body.addStretch(1)
        self._holding = False

        self.phone_tiles: list[PhoneTile] = []
        self.help_lines: list[Resource] = []  # what the strip shows, for Read aloud
        self.help_emergency = False
        self.category_buttons: list[TileButton] = []
        self.topic_buttons: list[TileButton] = []
        self._tile_texts: list[Callable[[], None]] = []  # each sets one tile's words
        self._columns: tuple[int, int] = (0, 0)
        self._built = False
        self._scroller: QScroller | None = None

    def hold_lower(self) -> None:
        """Leave the sections below the first screenful out of the first frame (their two
        dozen tiles, laid out and styled as they are shown, took about 8 ms of it); they
        are shown by `show_lower` once the frame is up, or as home is shown if the screen
        is tall enough for them to be in the first screenful."""
        self._holding = True
        self.lower_sections.hide()

    def show_lower(self) -> None:
        self._holding = False
        self.lower_sections.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._holding and self._lower_in_view():
            self.show_lower()  # before the first paint: it would be on the screen

    def _lower_in_view(self) -> bool:
        """Whether the top of the lower sections is inside the scroll area's view (its
        children are laid out by the time home's show event comes). The view's height is
        asked of the area, not of its viewport: handing Python the viewport, an object of
        one of Qt's inner classes, makes PySide6 load every Qt class first (17 ms)."""
        top = self.search_button.geometry().bottom() + self.body.spacing()
        return top < self.scroll_area.maximumViewportSize().height()

    def enable_fingers(self) -> None:
        """Drag and fling on the home screen (the window asks once its first frame is up;
        the gesture machinery's first use costs milliseconds of every start)."""
        if self._scroller is None:
            self._scroller = enable_finger_scrolling(self.scroll_area)

    # -- building ---------------------------------------------------------------------------

    def enter(self, key: str = "") -> None:
        if not self._built:
            self.refresh()

    def reload(self) -> None:
        self._built = False  # built again when next shown

    def refresh(self) -> None:
        """Build the tiles from the store (the first time, and after staff changed it)."""
        self._built = True
        store = self.ctx.store
        clear_layout(self.help_grid)
        clear_layout(self.category_grid)
        clear_layout(self.topic_grid)
        self.phone_tiles = []
        self._tile_texts = []
        # the first few lines and how many there are, not the whole list (at 100,000
        # entries thousands of ids, read and sorted before the first frame for six tiles)
        ids, total = store.list_start(HELP_NOW, rows=HELP_NOW_TILES * 2)
        lines = [r for r in store.resources(ids[:HELP_NOW_TILES * 2])
                 if r.main_phone is not None]
        crisis = lines[:HELP_NOW_TILES]
        self.help_emergency = not any(p.number == EMERGENCY for r in crisis for p in r.phones)
        if self.help_emergency:
            self._phone_tile("help-now-911", lambda: (self.tr("Emergency"), EMERGENCY))
            crisis = crisis[:HELP_NOW_TILES - 1]
        self.help_lines = crisis
        for resource in crisis:
            tile = self._phone_tile(f"help-now-{resource.id}", self._line_words(resource))
            tile.clicked.connect(self._opener(self.resource_wanted, resource.id))
        if len(lines) > len(crisis) or total > HELP_NOW_TILES * 2:
            count = str(total)
            more = self._phone_tile("help-now-more", lambda: (
                self.tr("More lines that help"), self.tr("See all %1").replace("%1", count)))
            more.clicked.connect(self._opener(self.category_wanted, HELP_NOW))

        self.category_buttons = []
        for category in store.categories():
            if category.slug == HELP_NOW:
                continue
            button = TileButton(f"category-{category.slug}",
                                (category.icon or category.slug).removesuffix(".svg"))
            self._named(button, category.name)
            button.clicked.connect(self._opener(self.category_wanted, category.slug))
            self.category_buttons.append(button)

        self.topic_buttons = []
        for topic in store.topics():
            button = TileButton(f"topic-{topic.slug}", "info", variant="row", icon_size=0)
            self._named(button, topic.title)
            button.clicked.connect(self._opener(self.topic_wanted, topic.slug))
            self.topic_buttons.append(button)
        self.topics_title.setVisible(bool(self.topic_buttons))
        self._set_tile_texts()
        self.read_aloud.refresh(self.theme.colors["ink"], self.theme.colors["surface"])
        self._columns = (0, 0)
        self._place()
        self.restyle(self.theme)

    def script(self) -> Script:
        """What Read aloud says for the Help right now strip."""
        from kiosk.speech.script import help_now_script

        return help_now_script(self.help_lines, self.lang, emergency=self.help_emergency)

    def _phone_tile(self, name: str, words: Callable[[], tuple[str, str]]) -> PhoneTile:
        tile = PhoneTile(name, *words())
        self._tile_texts.append(lambda: tile.set_texts(*words()))
        self.phone_tiles.append(tile)
        return tile

    def _line_words(self, resource: Resource) -> Callable[[], tuple[str, str]]:
        phone = resource.main_phone
        assert phone is not None

        def words() -> tuple[str, str]:
            number = phone.display
            if phone.kind == "text":
                number = (self.tr("Text %1 to %2").replace("%1", phone.message)
                          .replace("%2", phone.display) if phone.message
                          else self.tr("Text %1").replace("%1", phone.display))
            return resource.name.get(self.lang), number
        return words

    def _named(self, button: TileButton, name: LocalText) -> None:
        self._tile_texts.append(lambda: button.set_label(name.get(self.lang)))

    def _set_tile_texts(self) -> None:
        for set_text in self._tile_texts:
            set_text()

    @staticmethod
    def _opener(signal: SignalInstance, key: str) -> Callable[[], None]:
        return lambda: signal.emit(key)

    def _key(self) -> tuple[int, int]:
        width = self.width() or 1280
        scale = self.theme.scale
        most = max(1, min(len(self.phone_tiles), int(width // (350 * scale))))
        rows = -(-len(self.phone_tiles) // most) if self.phone_tiles else 1
        balanced = -(-len(self.phone_tiles) // rows) if self.phone_tiles else 1
        return (max(2, min(4, int(width // (300 * scale)))), balanced)

    def _place(self) -> None:
        key = self._key()
        if key == self._columns:
            return
        self._columns = key
        columns, crisis_columns = key
        for grid, items, cols in ((self.help_grid, self.phone_tiles, crisis_columns),
                                  (self.category_grid, self.category_buttons, columns),
                                  (self.topic_grid, self.topic_buttons, 2)):
            for i, widget in enumerate(items):
                grid.addWidget(widget, i // cols, i % cols)
            for c in range(4):
                grid.setColumnStretch(c, 1 if c < cols else 0)

    def _replace(self) -> None:
        """Lay the same tiles out again in as many columns as now fit."""
        for grid in (self.help_grid, self.category_grid, self.topic_grid):
            empty_layout(grid)
        self._columns = (0, 0)
        self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._columns != self._key():
            self._replace()

    def retranslate(self) -> None:
        self.help_title.setText(self.tr("Help right now"))
        self.help_note.setText(self.tr("Free and private. Someone will answer, day and night."))
        self.read_aloud.retranslate()
        self.search_button.set_label(self.tr("Search"))
        self.categories_title.setText(self.tr("What do you need?"))
        self.topics_title.setText(self.tr("Good to know"))
        self._set_tile_texts()

    def restyle(self, theme: Theme) -> None:
        rescaled = theme.scale != self.theme.scale
        self.theme = theme
        if rescaled:
            self._replace()  # columns follow the text size
        self.read_aloud.refresh(theme.colors["ink"], theme.colors["surface"])
        for button in [*self.category_buttons, self.search_button]:
            button.recolor(theme.colors["ink"], theme.scale)

    def reset(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(0)

    def scrolled_to_top(self) -> bool:
        return self.scroll_area.verticalScrollBar().value() == 0

    def pristine(self) -> bool:
        return self.scrolled_to_top()
