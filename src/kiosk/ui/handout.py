"""The handout screen: the places the visitor chose to take away, each removable, and the
button that prints them. The list itself is the visit's (`kiosk.ui.visit.Handout`): in
memory only, emptied by quick exit and the idle reset.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.directory.model import Resource
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.widgets import clear_layout, enable_finger_scrolling, reading_column, text_label


class HandoutScreen(Screen):
    """The chosen places, each removable, and the button that prints them.

    At most `kiosk.ui.visit.MAX_ITEMS` rows, so each row may be a small widget with a real,
    named "Remove" button rather than a painted one.
    """

    print_wanted = Signal()  # the window opens the print preview over the screens

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setProperty("role", "page")
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        enable_finger_scrolling(self.scroll_area)
        page.addWidget(self.scroll_area)
        outer = reading_column(self.scroll_area)
        outer.setSpacing(16)
        self.title = text_label(role="title")
        self.count = text_label(role="subtitle")
        self.empty = text_label(role="empty")
        self.rows = QVBoxLayout()
        self.rows.setSpacing(12)
        self.row_words: list[tuple[QLabel, QPushButton, Resource]] = []
        self.print_button = QPushButton()
        self.print_button.setObjectName("print-handout")
        self.print_button.setProperty("variant", "primary")
        self.print_button.clicked.connect(self._print)
        outer.addWidget(self.title)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        outer.addLayout(buttons)
        outer.addWidget(self.empty)
        outer.addLayout(self.rows)
        outer.addStretch(1)
        ctx.visit.handout.changed.connect(self.refresh)

    def retranslate(self) -> None:
        self.title.setText(self.tr("My handout"))
        self.empty.setText(self.tr("Nothing added yet. Open a place and tap "
                                   "\u201cAdd to my handout\u201d."))
        self.print_button.setText(self.tr("Print my handout"))
        self.print_button.setAccessibleName(self.print_button.text())
        self._set_words()

    def enter(self, key: str = "") -> None:
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        clear_layout(self.rows)
        self.row_words = []
        ids = list(self.ctx.visit.handout.ids)
        resources = {r.id: r for r in self.ctx.store.resources(ids)}
        for rid in ids:
            resource = resources.get(rid)
            if resource is None:
                continue
            self.rows.addWidget(self._row(resource))
        n = len(ids)
        self.count.setVisible(n > 0)
        self.empty.setVisible(n == 0)
        self.print_button.setEnabled(n > 0)
        self._set_words()

    def _set_words(self) -> None:
        n = len(self.ctx.visit.handout.ids)
        self.count.setText(self.tr("1 place") if n == 1
                           else self.tr("%1 places").replace("%1", str(n)))
        for title, remove, resource in self.row_words:
            name = resource.name.get(self.lang)
            title.setText(name)
            remove.setText(self.tr("Remove"))
            remove.setAccessibleName(self.tr("Remove %1").replace("%1", name))

    def reset(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(0)

    def _row(self, resource: Resource) -> QFrame:
        row = QFrame()
        row.setProperty("role", "card")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(20, 12, 12, 12)
        texts = QVBoxLayout()
        title = text_label(role="section")
        texts.addWidget(title)
        if resource.main_phone:
            texts.addWidget(text_label(resource.main_phone.display, role="body", wrap=False))
        layout.addLayout(texts, 1)
        remove = QPushButton()
        remove.setObjectName(f"remove-{resource.id}")
        remove.clicked.connect(self._remover(resource.id))
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)  # beside the name, however long
        self.row_words.append((title, remove, resource))
        return row

    def _remover(self, rid: str) -> Callable[[], None]:
        return lambda: self.ctx.visit.handout.remove(rid)

    @Slot()
    def _print(self) -> None:
        self.print_wanted.emit()
