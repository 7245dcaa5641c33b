"""The visitor's handout: the places they chose to take away, and the screen that lists them.

The list lives only in memory and is emptied by quick exit and idle reset.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.widgets import clear_layout, enable_finger_scrolling, reading_column, text_label

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow

MAX_ITEMS = 20  # one printed page or two; also keeps the screen's rows few


class Handout(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ids: list[str] = []

    def add(self, resource_id: str) -> bool:
        if resource_id in self.ids or len(self.ids) >= MAX_ITEMS:
            return False
        self.ids.append(resource_id)
        self.changed.emit()
        return True

    def remove(self, resource_id: str) -> None:
        if resource_id in self.ids:
            self.ids.remove(resource_id)
            self.changed.emit()

    def clear(self) -> None:
        if self.ids:
            self.ids = []
            self.changed.emit()

    def __contains__(self, resource_id: object) -> bool:
        return resource_id in self.ids

    def __len__(self) -> int:
        return len(self.ids)


class HandoutScreen(QWidget):
    """The chosen places, each removable, and the button that prints them.

    At most `MAX_ITEMS` rows, so each row may be a small widget with a real, named
    "Remove" button rather than a painted one.
    """

    def __init__(self, window: KioskWindow) -> None:
        super().__init__()
        self.window_ = window
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
        self.message = text_label(role="warning")
        self.message.hide()
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
        outer.addWidget(self.message)
        outer.addWidget(self.empty)
        outer.addLayout(self.rows)
        outer.addStretch(1)
        window.handout.changed.connect(self.refresh)

    def retranslate(self) -> None:
        self.title.setText(self.tr("My handout"))
        self.empty.setText(self.tr("Nothing added yet. Open a place and tap "
                                   "\u201cAdd to my handout\u201d."))
        self.print_button.setText(self.tr("Print my handout"))
        self.print_button.setAccessibleName(self.print_button.text())
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        clear_layout(self.rows)
        ids = list(self.window_.handout.ids)
        lang = self.window_.lang
        resources = {r.id: r for r in self.window_.store.resources(ids)}
        for rid in ids:
            resource = resources.get(rid)
            if resource is None:
                continue
            self.rows.addWidget(self._row(rid, resource.name.get(lang),
                                          resource.main_phone.display
                                          if resource.main_phone else ""))
        n = len(ids)
        self.count.setText(self.tr("1 place") if n == 1
                            else self.tr("%1 places").replace("%1", str(n)))
        self.count.setVisible(n > 0)
        self.empty.setVisible(n == 0)
        self.print_button.setEnabled(n > 0)
        self.message.hide()

    def reset(self) -> None:
        self.message.hide()
        self.scroll_area.verticalScrollBar().setValue(0)

    def restyle(self, theme: object) -> None:
        return None

    def _row(self, rid: str, name: str, phone: str) -> QFrame:
        row = QFrame()
        row.setProperty("role", "card")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(20, 12, 12, 12)
        texts = QVBoxLayout()
        title = text_label(name, role="section")
        texts.addWidget(title)
        if phone:
            texts.addWidget(text_label(phone, role="body", wrap=False))
        layout.addLayout(texts, 1)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(f"remove-{rid}")
        remove.setAccessibleName(self.tr("Remove %1").replace("%1", name))
        remove.clicked.connect(self._remover(rid))
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignVCenter)
        return row

    def _remover(self, rid: str) -> Callable[[], None]:
        return lambda: self.window_.handout.remove(rid)

    @Slot()
    def _print(self) -> None:
        try:
            from kiosk.printing.kiosk_print import (  # type: ignore[import-not-found]
                open_print_preview,
            )
        except ImportError:
            self.message.setText(self.tr("Printing is not set up on this kiosk. "
                                         "Please ask staff."))
            self.message.show()
            return
        open_print_preview(self.window_, list(self.window_.handout.ids), self.window_.lang)
