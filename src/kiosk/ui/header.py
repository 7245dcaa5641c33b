"""The bar across the top of every screen: the same buttons, always in the same place.

Each button has a slot of its own whose place and size follow from the width of the screen
alone (`slots`), never from the words on the buttons: switching to Spanish, a larger text
or high contrast leaves every button where the visitor's finger last found it. The words
are made to fit the slot instead (they wrap to two lines at one fixed size).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets import TileButton

ADMIN_CORNER = 96  # the invisible staff corner at the top left; kept free of buttons
LEFT = ADMIN_CORNER + 8  # where the first slot starts
RIGHT = 12  # the margin after the last slot
TOP = 8
BUTTON_HEIGHT = 96
HEIGHT = TOP + BUTTON_HEIGHT + TOP + 2  # and the 2 px line under it (kiosk.qss)
GAP = 10
SLOT_MIN = 88
SLOT_MAX = 168
COUNT = 7
ON_THE_LEFT = 2  # Home and Back; the others sit together at the right


def slots(width: int, count: int = COUNT, left_count: int = ON_THE_LEFT) -> list[tuple[int, int]]:
    """The x and width of each slot in a header `width` wide: all slots one width, as wide
    as fits up to `SLOT_MAX`; the first `left_count` after the staff corner, the others
    ending at the right edge."""
    room = width - LEFT - RIGHT - GAP * (count - 1)
    slot = max(SLOT_MIN, min(SLOT_MAX, room // count))
    out = [(LEFT + i * (slot + GAP), slot) for i in range(left_count)]
    rest = count - left_count
    end = width - RIGHT
    out += [(end - (rest - i) * slot - (rest - i - 1) * GAP, slot) for i in range(rest)]
    return out


class Header(QFrame):
    home = Signal()
    back = Signal()
    language = Signal()
    text_size = Signal()
    contrast = Signal()
    handout = Signal()
    quick_exit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setFixedHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        def button(name: str, icon: str, signal: SignalInstance) -> TileButton:
            b = TileButton(name, icon, variant="bar", icon_size=32, parent=self)
            b.clicked.connect(signal.emit)
            return b

        self.home_button = button("home-button", "home", self.home)
        self.back_button = button("back-button", "back", self.back)
        self.language_button = button("language-toggle", "language", self.language)
        self.text_size_button = button("text-size-button", "text-size", self.text_size)
        self.contrast_button = button("contrast-button", "contrast", self.contrast)
        self.handout_button = button("handout-button", "handout", self.handout)
        # Quick exit looks like every other button on purpose: nothing alarming to a watcher
        # (its icon is a plain sun).
        self.quick_exit_button = button("quick-exit", "exit", self.quick_exit)
        self._count = 0
        self._lang = "en"
        self._place()

    def buttons(self) -> list[TileButton]:
        return [self.home_button, self.back_button, self.language_button,
                self.text_size_button, self.contrast_button, self.handout_button,
                self.quick_exit_button]

    def _place(self) -> None:
        for button, (x, width) in zip(self.buttons(), slots(self.width()), strict=True):
            button.setGeometry(x, TOP, width, BUTTON_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def sizeHint(self) -> QSize:
        return QSize(LEFT + RIGHT + COUNT * SLOT_MAX + (COUNT - 1) * GAP, HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, HEIGHT)

    def retranslate(self, lang: str) -> None:
        self._lang = lang
        self.home_button.set_label(self.tr("Home"))
        self.back_button.set_label(self.tr("Back"))
        # Each language's name is written in that language.
        other = "Español" if lang == "en" else "English"
        self.language_button.set_label(other, self.tr("Language: %1").replace("%1", other))
        self.text_size_button.set_label(self.tr("Text size"))
        self.contrast_button.set_label(self.tr("Contrast"))
        self.quick_exit_button.set_label(self.tr("Start over"))
        self.set_handout_count(self._count)

    def set_handout_count(self, count: int) -> None:
        self._count = count
        label = self.tr("Handout (%1)").replace("%1", str(count))
        self.handout_button.set_label(
            label, self.tr("My handout: %1 places").replace("%1", str(count)))

    def restyle(self, theme: Theme) -> None:
        for b in self.buttons():
            b.recolor(theme.colors["ink"])  # one size at every text size, like its labels
