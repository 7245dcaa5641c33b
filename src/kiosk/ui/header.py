"""The bar across the top of every screen: the same buttons, always in the same place."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets import TileButton

ADMIN_CORNER = 96  # the invisible staff corner at the top left; kept free of buttons


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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(ADMIN_CORNER + 8, 8, 12, 8)
        layout.setSpacing(10)

        def button(name: str, icon: str, signal: SignalInstance) -> TileButton:
            b = TileButton(name, icon, variant="bar", icon_size=32)
            b.clicked.connect(signal.emit)
            return b

        self.home_button = button("home-button", "home", self.home)
        self.back_button = button("back-button", "back", self.back)
        self.language_button = button("language-toggle", "language", self.language)
        self.text_size_button = button("text-size-button", "text-size", self.text_size)
        self.contrast_button = button("contrast-button", "contrast", self.contrast)
        self.handout_button = button("handout-button", "handout", self.handout)
        # Quick exit looks like every other button on purpose: nothing alarming to a watcher.
        self.quick_exit_button = button("quick-exit", "", self.quick_exit)
        for b in (self.home_button, self.back_button):
            layout.addWidget(b)
        layout.addStretch(1)
        for b in (self.language_button, self.text_size_button, self.contrast_button,
                  self.handout_button, self.quick_exit_button):
            layout.addWidget(b)
        self._count = 0
        self._lang = "en"

    def buttons(self) -> list[TileButton]:
        return [self.home_button, self.back_button, self.language_button,
                self.text_size_button, self.contrast_button, self.handout_button,
                self.quick_exit_button]

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
