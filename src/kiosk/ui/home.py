"""The home screen: crisis lines first, then the categories, search and the topics."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.directory.model import LocalText, Resource
from kiosk.layouts import empty_layout
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import (
    TileButton,
    clear_layout,
    enable_finger_scrolling,
    scrolling_page,
    text_label,
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
    """A crisis line: its name and its number, large."""

    def __init__(self, object_name: str, name: str, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("variant", "crisis")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(2)
        self.name = text_label(name)
        self.number = text_label(number, role="phone", wrap=False)
        for label in (self.name, self.number):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setAccessibleName(f"{name}: {number}")

    def set_texts(self, name: str, number: str) -> None:
        self.name.setText(name)
        self.number.setText(number)
        self.setAccessibleName(f"{name}: {number}")

    def sizeHint(self) -> QSize:
        layout = self.layout()
        if layout is None:
            return super().sizeHint()
        return layout.totalSizeHint().expandedTo(layout.totalMinimumSize())

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.totalMinimumSize() if layout is not None else super().minimumSizeHint()


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
        title_row.addWidget(self.read_aloud, 0, Qt.AlignmentFlag.AlignTop)
        help_layout.addLayout(title_row)
        help_layout.addWidget(self.help_note)
        self.help_grid = QGridLayout()
        self.help_grid.setSpacing(14)
        help_layout.addLayout(self.help_grid)

        self.search_button = TileButton("search-button", "search", variant="search",
                                        icon_size=40, horizontal=True)
        self.search_button.clicked.connect(self.search_wanted.emit)

        self.categories_title = text_label(role="section")
        self.category_grid = QGridLayout()
        self.category_grid.setSpacing(16)
        self.topics_title = text_label(role="section")
        self.topic_grid = QGridLayout()
        self.topic_grid.setSpacing(14)

        self.body.addWidget(self.help_now)
        self.body.addWidget(self.search_button)
        self.body.addWidget(self.categories_title)
        self.body.addLayout(self.category_grid)
        self.body.addWidget(self.topics_title)
        self.body.addLayout(self.topic_grid)
        self.body.addStretch(1)

        self.phone_tiles: list[PhoneTile] = []
        self.help_lines: list[Resource] = []  # what the strip shows, for Read aloud
        self.help_emergency = False
        self.category_buttons: list[TileButton] = []
        self.topic_buttons: list[TileButton] = []
        self._tile_texts: list[Callable[[], None]] = []  # each sets one tile's words
        self._columns: tuple[int, int] = (0, 0)
        self._built = False
        self._scroller: QScroller | None = None

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
        ids = store.list_ids(HELP_NOW)
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
        if len(lines) > len(crisis) or len(ids) > HELP_NOW_TILES * 2:
            count = str(len(ids))
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
