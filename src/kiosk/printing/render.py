"""Painting a laid-out sheet into a PDF, onto a printer, or into images for the preview."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTransform,
)

from kiosk import per_visit
from kiosk.printing.layout import DPI, PAPERS, LaidBlock, PageLayout, layout_sheet
from kiosk.sheets.content import Sheet


@dataclass
class Rendered:
    """What was produced: the layout (pages, blocks and their rectangles) and the file."""

    layout: PageLayout
    path: Path | None = None

    @property
    def pages(self) -> int:
        return self.layout.page_count


def page_layout(paper: str) -> QPageLayout:
    """The paper with no margins: the sheet keeps its own half-inch margins on every device."""
    from PySide6.QtCore import QMarginsF

    layout = QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    # A printer's own minimum margins would otherwise refuse the layout, keeping its default
    # paper: the sheet's half-inch margins are inside every printer's printable area.
    layout.setMode(QPageLayout.Mode.FullPageMode)
    return layout


# Paths of the codes of the last sheets: a sheet drawn again (preview, then print) finds its
# own. Each path is 20-35 KB of Qt's memory, outside Python's heap: kept for a thousand links,
# they made the kiosk's memory creep up for days of visitors.
QR_PATHS_KEPT = 64


@per_visit.forgotten
@lru_cache(maxsize=QR_PATHS_KEPT)
def _unit_qr_path(uri: str) -> QPainterPath:
    """The code in a 1 x 1 square: dark modules as squares, runs merged so no seams show."""
    from kiosk.qr import qr_modules

    modules = qr_modules(uri)
    count = len(modules)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for row, cells in enumerate(modules):
        col = 0
        while col < count:
            if not cells[col]:
                col += 1
                continue
            start = col
            while col < count and cells[col]:
                col += 1
            path.addRect(QRectF(start / count, row / count, (col - start) / count, 1 / count))
    return path


def qr_path(uri: str, rect: QRectF) -> QPainterPath:
    """The code drawn as vector squares filling `rect`."""
    transform = QTransform.fromTranslate(rect.left(), rect.top()).scale(rect.width(),
                                                                         rect.height())
    return transform.map(_unit_qr_path(uri))


def _paint_block(painter: QPainter, block: LaidBlock, left: float, top: float,
                 width: float, first_on_page: bool) -> None:
    if block.rule_above and not first_on_page:
        painter.setPen(QPen(QColor("#9a9a9a"), 0.01 * DPI))
        painter.drawLine(QPointF(left, top), QPointF(left + width, top))
    for text in block.texts:
        painter.setPen(QColor(text.color))
        text.layout.draw(painter, QPointF(left + text.x, top + text.y))
    if block.qr is not None:
        qr = block.qr
        painter.fillPath(qr_path(qr.uri, QRectF(left + qr.x, top + qr.y, qr.size, qr.size)),
                         QColor("#000000"))


def paint_page(painter: QPainter, layout: PageLayout, number: int) -> None:
    """One page, in 300 dpi page dots (the caller scales the painter to its device)."""
    content = layout.content_rect
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for index, (block, top) in enumerate(layout.pages[number]):
        _paint_block(painter, block, content.left(), top, content.width(), index <= 1)
    painter.setPen(QPen(QColor("#000000"), 0.012 * DPI))
    rule = layout.footer_top - 0.06 * DPI
    painter.drawLine(QPointF(content.left(), rule), QPointF(content.right(), rule))
    for text in layout.footer_texts(number):
        painter.setPen(QColor(text.color))
        text.layout.draw(painter, QPointF(content.left() + text.x,
                                          layout.footer_top + text.y))


def paint_pages(device: QPagedPaintDevice, layout: PageLayout,
                painter: QPainter | None = None) -> None:
    """All pages onto a paged device (PDF writer or printer) whose page starts at the corner."""
    painter = painter or QPainter()
    if not painter.isActive() and not painter.begin(device):
        raise OSError("the page could not be opened for drawing")
    try:
        scale = device.logicalDpiX() / DPI
        for number in range(layout.page_count):
            if number:
                device.newPage()
            painter.save()
            painter.scale(scale, scale)
            paint_page(painter, layout, number)
            painter.restore()
    finally:
        painter.end()


def render_pdf(sheet: Sheet, path: Path, paper: str = "letter") -> Rendered:
    """Write the sheet as a PDF at `path` (through a temporary file, so never half-written)."""
    layout = layout_sheet(sheet, paper)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(DPI)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(sheet.title)
    writer.setCreator("Kiosk")
    try:
        paint_pages(writer, layout)
    except BaseException:
        del writer
        tmp.unlink(missing_ok=True)
        raise
    del writer  # finishes the file
    tmp.replace(path)
    return Rendered(layout, path)


def render_images(sheet: Sheet, paper: str = "letter", dpi: float = 100.0) -> list[QImage]:
    """The pages as pictures for the screen, `dpi` pixels per inch of paper."""
    layout = layout_sheet(sheet, paper)
    return page_images(layout, dpi)


def page_images(layout: PageLayout, dpi: float) -> list[QImage]:
    scale = dpi / DPI
    size = layout.page_rect.size() * scale
    images = []
    for number in range(layout.page_count):
        image = QImage(round(size.width()), round(size.height()),
                       QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        painter = QPainter(image)
        painter.scale(scale, scale)
        paint_page(painter, layout, number)
        painter.end()
        images.append(image)
    return images
