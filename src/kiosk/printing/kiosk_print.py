"""The kiosk's print preview: the handout's pages as large pictures, then "Print".

It lies over the screen area (the header, with its quick-exit button, stays visible and
working) and closes itself whenever the visitor leaves: quick exit, idle reset, Home or Back.
Printing goes straight to the printer in the settings. When that fails the visitor still
leaves with the numbers: the codes are shown on screen to scan with a phone.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.layouts import empty_layout
from kiosk.printing.layout import PageLayout, layout_sheet
from kiosk.printing.render import page_images, qr_path
from kiosk.sheets.content import Sheet

log = logging.getLogger(__name__)

PREVIEW_DPI = 110.0  # sharp enough for a full-height page on a 1080-pixel screen
SWIPE_PX = 80  # how far a finger must travel sideways to turn the page

ModelIndex = QModelIndex | QPersistentModelIndex


class PageModel(QAbstractListModel):
    """The sheet's pages as pictures, one row per page."""

    ImageRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images: list[QImage] = []

    def set_images(self, images: list[QImage]) -> None:
        self.beginResetModel()
        self._images = list(images)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._images)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._images):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Page %1 of %2").replace("%1", str(index.row() + 1)).replace(
                "%2", str(len(self._images)))
        if role in (Qt.ItemDataRole.DecorationRole, self.ImageRole):
            return self._images[index.row()]
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[self.ImageRole] = QByteArray(b"image")
        return names


class PageView(QWidget):
    """One page, as large as fits, turned by a sideways swipe."""

    swiped = Signal(int)  # +1: next page, -1: previous page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview-page")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 300)
        self._image = QImage()
        self._start: QPointF | None = None

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def page_rect(self) -> QRectF:
        """Where the page is drawn: centred, as large as fits, never stretched."""
        if self._image.isNull():
            return QRectF()
        area = QRectF(self.rect()).adjusted(12, 12, -12, -12)
        scale = min(area.width() / self._image.width(), area.height() / self._image.height())
        w, h = self._image.width() * scale, self._image.height() * scale
        return QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._image.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = self.page_rect()
        painter.fillRect(rect.translated(6, 6), QColor(0, 0, 0, 60))
        painter.drawImage(rect, self._image)
        painter.setPen(QColor("#8a8a8a"))
        painter.drawRect(rect)
        painter.end()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = event.points()  # type: ignore[attr-defined]
            if points:
                position = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._start = position
                elif kind == QEvent.Type.TouchEnd and self._start is not None:
                    self._finish(position.x() - self._start.x())
            event.accept()
            return True
        if kind == QEvent.Type.MouseButtonPress:
            self._start = event.position()  # type: ignore[attr-defined]
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._start is not None:
            self._finish(event.position().x() - self._start.x())  # type: ignore[attr-defined]
            return True
        return super().event(event)

    def _finish(self, dx: float) -> None:
        self._start = None
        if abs(dx) >= SWIPE_PX:
            self.swiped.emit(1 if dx < 0 else -1)


@dataclass(frozen=True)
class CodeItem:
    name: str
    number: str
    uri: str


def qr_image(uri: str, size: int) -> QImage:
    """A code for the screen, drawn from the same vector squares as on paper."""
    from kiosk.qr import qr_modules

    count = len(qr_modules(uri))
    module = max(1, size // (count + 4))
    side = module * (count + 4)
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.fillPath(qr_path(uri, QRectF(2 * module, 2 * module, module * count,
                                         module * count)), QColor("#000000"))
    painter.end()
    return image


class CodesPanel(QScrollArea):
    """The handout's numbers with their codes, when paper is not possible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview-codes")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.inner.setObjectName("preview-codes-inner")
        self.grid = QGridLayout(self.inner)
        self.grid.setSpacing(20)
        self.setWidget(self.inner)
        self.items: list[CodeItem] = []

    def set_items(self, items: list[CodeItem], columns: int) -> None:
        for widget in empty_layout(self.grid):
            widget.deleteLater()
        self.items = items
        for i, item in enumerate(items):
            self.grid.addWidget(self._card(item), i // columns, i % columns)
        self.grid.setRowStretch(self.grid.rowCount(), 1)

    def _card(self, item: CodeItem) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        layout = QHBoxLayout(card)
        layout.setContentsMargins(16, 16, 16, 16)
        code = QLabel()
        code.setObjectName("preview-code")
        code.setPixmap(QPixmap.fromImage(qr_image(item.uri, 200)))
        code.setAccessibleName(item.number)
        texts = QVBoxLayout()
        name = QLabel(item.name)
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setWordWrap(True)
        name.setProperty("role", "section")
        number = QLabel(item.number)
        number.setTextFormat(Qt.TextFormat.PlainText)
        number.setWordWrap(True)  # "ext. 12" may go under the number, never off the card
        number.setProperty("role", "phone")
        texts.addWidget(name)
        texts.addWidget(number)
        texts.addStretch(1)
        layout.addWidget(code, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        return card


class PrintPreview(QFrame):
    """Preview, discreet toggle, Print and Back, over the kiosk's screen area."""

    printed = Signal()
    failed = Signal(str)  # the reason: no-printer, unknown, off, failed
    closed = Signal()

    def __init__(self, window: Any, ids: list[str], lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.ids = list(ids)
        self.lang = lang
        settings = window.settings
        self.paper = str(settings.get("paper") or "letter")
        if self.paper not in ("letter", "a4"):
            self.paper = "letter"
        self.sheet: Sheet | None = None
        self.layout_: PageLayout | None = None
        self.page = 0
        self._closing = False
        self.setObjectName("print-preview")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAccessibleName("print-preview")

        self.model = PageModel(self)
        self.view = PageView()
        self.view.swiped.connect(self.turn)
        self.codes = CodesPanel()
        self.done_note = QLabel()
        self.done_note.setObjectName("print-done-note")
        self.done_note.setWordWrap(True)
        self.done_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QStackedWidget()
        self.area.addWidget(self.view)
        self.area.addWidget(self.codes)
        self.area.addWidget(self.done_note)

        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.page_label = QLabel()
        self.page_label.setObjectName("preview-page-label")
        self.page_label.setProperty("role", "subtitle")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setWordWrap(True)
        self.previous = self._button("preview-previous", expand=False)
        self.previous.clicked.connect(lambda: self.turn(-1))
        self.next = self._button("preview-next", expand=False)
        self.next.clicked.connect(lambda: self.turn(1))
        self.discreet = self._button("discreet-toggle")
        self.discreet.setCheckable(True)
        self.discreet.setChecked(bool(settings.get("discreet_default")))
        self.discreet.toggled.connect(self._rebuild)
        self.discreet_note = QLabel()
        self.discreet_note.setProperty("role", "note")
        self.discreet_note.setWordWrap(True)
        self.print_button = self._button("print-button")
        self.print_button.setProperty("variant", "primary")
        self.print_button.clicked.connect(self.print_now)
        self.back = self._button("preview-back")
        self.back.clicked.connect(self.close_preview)
        self.message = QLabel()
        self.message.setObjectName("print-message")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "warning")
        self.message.hide()

        side = QVBoxLayout()
        side.setSpacing(16)
        side.addWidget(self.title)
        turns = QHBoxLayout()
        turns.setSpacing(12)
        turns.addWidget(self.previous)
        turns.addWidget(self.page_label, 1)
        turns.addWidget(self.next)
        side.addLayout(turns)
        side.addWidget(self.discreet)
        side.addWidget(self.discreet_note)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(self.print_button)
        side.addWidget(self.back)
        side.setContentsMargins(0, 0, 0, 0)
        self.side = QWidget()
        self.side.setObjectName("preview-side")
        self.side.setLayout(side)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(24, 20, 24, 20)
        self.box.setSpacing(24)
        self.box.addWidget(self.area, 1)
        self.box.addWidget(self.side, 0)

        self._connect_window()
        self.retranslate()
        self._rebuild()

    def _button(self, name: str, expand: bool = True) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setSizePolicy(QSizePolicy.Policy.Expanding if expand
                             else QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return button

    def _connect_window(self) -> None:
        """Leave with the visitor: quick exit, idle reset, or moving to another screen."""
        for name in ("reset_done",):
            signal = getattr(self.window_, name, None)
            if signal is not None:
                signal.connect(self.close_preview)
        stack = getattr(self.window_, "stack", None)
        if stack is not None:
            stack.currentChanged.connect(self.close_preview)
        language = getattr(self.window_, "language_changed", None)
        if language is not None:
            language.connect(self.set_language)

    # -- words -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your handout"))
        # Arrows read the same in every language; the names say it for screen readers.
        self.previous.setText("\u2039")
        self.previous.setAccessibleName(self.tr("Previous page"))
        self.next.setText("\u203a")
        self.next.setAccessibleName(self.tr("Next page"))
        self._discreet_text()
        self.discreet_note.setText(self.tr("Leaves off words that say what the help is for."))
        self.print_button.setText(self.tr("Print"))
        self.print_button.setAccessibleName(self.tr("Print"))
        self.back.setText(self.tr("Back"))
        self.back.setAccessibleName(self.tr("Back"))
        self.done_note.setText(self.tr("Printing. Take your sheet from the printer."))
        self._update_page()

    def _discreet_text(self) -> None:
        on = self.discreet.isChecked()
        self.discreet.setText(("\u2713  " if on else "") + (
            self.tr("Discreet sheet: on") if on else self.tr("Discreet sheet: off")))
        self.discreet.setAccessibleName(self.tr("Discreet sheet"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(str)
    def set_language(self, lang: str) -> None:
        """The sheet follows the visitor's language while the preview is open."""
        if lang != self.lang:
            self.lang = lang
            self._rebuild()
        self.retranslate()

    # -- the sheet ---------------------------------------------------------------------------

    def _options(self) -> Any:
        from kiosk.printing.words import QtWords
        from kiosk.sheets.build import SheetOptions

        clock = getattr(self.window_, "clock", None)
        today = clock().date() if callable(clock) else dt.date.today()
        data_dir = getattr(self.window_, "data_dir", None)
        cache = data_dir / "cache" if data_dir is not None else None
        return SheetOptions(lang=self.lang, discreet=self.discreet.isChecked(),
                            location=str(self.window_.settings.get("location_name") or ""),
                            today=today, words=QtWords(self.lang, cache=cache))

    @Slot()
    def _rebuild(self) -> None:
        from kiosk.sheets.build import handout_sheet

        self._discreet_text()
        self.sheet = handout_sheet(self.window_.store, self.ids, self._options())
        self.layout_ = layout_sheet(self.sheet, self.paper)
        self.model.set_images(page_images(self.layout_, PREVIEW_DPI))
        self.page = min(self.page, self.model.rowCount() - 1)
        self.page = max(self.page, 0)
        columns = 2 if self.width() >= 1100 else 1
        self.print_button.setEnabled(bool(self.sheet.resources))
        self.codes.set_items([CodeItem(b.name, b.phones[0].number if b.phones else "",
                                       b.qr_uri)
                              for b in self.sheet.resources if b.qr_uri], columns)
        self._update_page()

    @property
    def page_count(self) -> int:
        return self.model.rowCount()

    @Slot(int)
    def turn(self, step: int) -> None:
        target = self.page + step
        if 0 <= target < self.page_count:
            self.page = target
            self._update_page()

    def _update_page(self) -> None:
        count = self.page_count
        if count:
            index = self.model.index(self.page, 0)
            self.view.set_image(self.model.data(index, PageModel.ImageRole))
            self.page_label.setText(self.model.data(index))
        self.previous.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < count - 1)

    # -- printing ----------------------------------------------------------------------------

    @Slot()
    def print_now(self) -> None:
        from kiosk.printing.printers import PrintError, print_layout

        if self.layout_ is None or self.sheet is None:
            return
        name = str(self.window_.settings.get("printer") or "")
        try:
            print_layout(self.layout_, name, self.sheet.title)
        except PrintError as error:
            log.warning("printing the handout failed: %s", error.message)
            self._show_failure(error.reason)
            return
        except Exception:
            log.exception("printing the handout failed")
            self._show_failure("failed")
            return
        try:  # counted with the visit's other taps, written when it ends
            self.window_.usage.count("sheet", "handout")
        except Exception:  # a count must never turn a printed sheet into an error
            log.exception("counting a printed sheet failed")
        self.window_.handout.clear()
        self.message.hide()
        self.area.setCurrentWidget(self.done_note)
        self._set_paging_visible(False)
        self.print_button.hide()
        self.back.setText(self.tr("Done"))
        self.back.setAccessibleName(self.tr("Done"))
        self.printed.emit()

    def _set_paging_visible(self, visible: bool) -> None:
        """Page turning and the discreet switch only matter while the pages are shown."""
        for widget in (self.page_label, self.previous, self.next, self.discreet,
                       self.discreet_note):
            widget.setVisible(visible)

    def _show_failure(self, reason: str) -> None:
        """The codes to scan instead. "Try again" only when trying again may work: with no
        printer set it can only fail again, so there is no button to tap."""
        if reason == "no-printer":
            self.message.setText(self.tr("There is no printer here. Scan the code instead, "
                                         "or ask staff."))
            self.print_button.hide()
        else:
            self.message.setText(self.tr("The printer isn't working. Scan the code instead, "
                                         "or ask staff."))
            self.print_button.setText(self.tr("Try again"))
            self.print_button.setAccessibleName(self.tr("Try again"))
        self.message.show()
        self._set_paging_visible(False)
        self.area.setCurrentWidget(self.codes)
        self.failed.emit(reason)

    @Slot()
    def close_preview(self) -> None:
        if self._closing:
            return
        self._closing = True
        self.hide()
        self.closed.emit()
        self.deleteLater()

    # -- size --------------------------------------------------------------------------------

    def fit(self) -> None:
        """Cover the screen area below the kiosk's header."""
        stack = getattr(self.window_, "stack", None)
        if stack is not None and self.parentWidget() is stack.parentWidget():
            self.setGeometry(stack.geometry())
        else:
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = self.height() > self.width()
        self.box.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                              else QBoxLayout.Direction.LeftToRight)
        self.side.setFixedWidth(self.width() - 48 if portrait else max(380, self.width() // 4))
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def sizeHint(self) -> QSize:
        return QSize(1280, 700)


def open_print_preview(window: Any, ids: list[str], lang: str) -> PrintPreview:
    """Show the preview of the visitor's handout over `window`'s screens and return it.

    `window` is the kiosk's main window: it has `store`, `settings`, `handout` and `lang`.
    """
    stack = getattr(window, "stack", None)
    parent = stack.parentWidget() if stack is not None else window
    old = parent.findChild(PrintPreview, "print-preview")
    if old is not None:
        old.close_preview()
    preview = PrintPreview(window, ids, lang, parent)
    preview.fit()
    if stack is not None:
        stack.installEventFilter(preview)
    preview.show()
    preview.raise_()
    return preview
