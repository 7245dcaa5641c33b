"""Laying a sheet out on pages: measure every block, then fill pages without splitting one.

Everything is measured once, in dots of a 300 dpi page, with fonts sized in pixels and
unhinted, so the same layout paints identically into a PDF, onto a printer at any resolution
(the painter is scaled) and into the preview's images. Each placed block keeps its rectangle
and the rectangles of its lines, so tests can check that nothing leaves the printable area.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageSize, QTextLayout, QTextOption

from kiosk.sheets.content import Block, HeadingBlock, ParagraphBlock, ResourceBlock, Sheet

DPI = 300
PT = DPI / 72  # dots per typographic point
MARGIN = 0.5 * DPI  # every printer can print half an inch from the edge
QR_SIZE = 0.9 * DPI  # the code's modules, without its quiet zone
QR_GAP = 0.2 * DPI  # at least four modules of white between the code and the text
BLOCK_GAP = 0.1 * DPI
FOOTER_LINES = 2  # the footer's band holds two lines; a longer footer is cut, never overprinted
FONT_FAMILY = "DejaVu Sans"

PAPERS = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}


def page_size(paper: str) -> QSizeF:
    return QPageSize(PAPERS[paper]).sizePixels(DPI).toSizeF()


def font(points: float, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont(FONT_FAMILY)
    f.setPixelSize(round(points * PT))
    f.setBold(bold)
    f.setItalic(italic)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setKerning(True)
    # No "fi"/"fl" ligatures: text read back from the PDF (or by a screen reader) stays "first".
    f.setFeature(QFont.Tag("liga"), 0)
    return f


class Fonts:
    def __init__(self) -> None:
        self.title = font(20, bold=True)
        self.subtitle = font(11)
        self.heading = font(15, bold=True)
        self.name = font(14, bold=True)
        self.number = font(19, bold=True)  # the numbers are what the visitor came for
        self.phone_label = font(10.5)
        self.text_line = font(13, bold=True)
        self.detail = font(10.5)
        self.description = font(10.5)
        self.checked = font(9.5)  # a third embedded font (italic) would cost time
        self.caption = font(9)
        self.body = font(12)
        self.footer = font(10.5, bold=True)


GREY = "#3a3a3a"


@dataclass
class Text:
    """A wrapped run of plain text, positioned relative to its block's top-left corner."""

    layout: QTextLayout
    x: float
    y: float
    width: float
    height: float
    color: str = "#000000"

    def line_rects(self) -> list[QRectF]:
        out = []
        for i in range(self.layout.lineCount()):
            rect = self.layout.lineAt(i).naturalTextRect()  # where the glyphs are, aligned
            out.append(rect.translated(self.x, self.y))
        return out

    @property
    def ascent(self) -> float:
        return self.layout.lineAt(0).ascent() if self.layout.lineCount() else 0.0


def wrap(text: str, f: QFont, width: float, x: float = 0.0, y: float = 0.0,
         color: str = "#000000", centre: bool = False) -> Text:
    layout = QTextLayout(text, f)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    if centre:
        option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    leading = QFontMetricsF(f).leading()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height() + max(leading, 0.0)
    layout.endLayout()
    return Text(layout, x, y, width, height, color)


ELLIPSIS = "\u2026"


def wrap_at_most(text: str, f: QFont, width: float, lines: int, x: float = 0.0,
                 y: float = 0.0, color: str = "#000000", centre: bool = False) -> Text:
    """`wrap`, cut to at most `lines` lines with an ellipsis at the end of the last one.

    Real entries never reach the limits; they keep a pasted 5,000-letter word (which
    wraps anywhere) from filling a page, hiding the footer or running off the paper.
    """
    piece = wrap(text, f, width, x, y, color, centre)
    if piece.layout.lineCount() <= lines:
        return piece
    last = piece.layout.lineAt(lines - 1)
    cut = text[:last.textStart() + last.textLength()].rstrip()
    for _ in range(40):  # take off a little at a time until the ellipsis fits
        cut = cut[:-2].rstrip() if len(cut) > 2 else ""
        piece = wrap(cut + ELLIPSIS, f, width, x, y, color, centre)
        if piece.layout.lineCount() <= lines:
            return piece
    start = piece.layout.lineAt(lines - 1).textStart() if piece.layout.lineCount() >= lines \
        else 0
    return wrap(cut[:max(0, start - 1)] + ELLIPSIS, f, width, x, y, color, centre)


def natural_width(text: Text) -> float:
    return max((text.layout.lineAt(i).naturalTextWidth()
                for i in range(text.layout.lineCount())), default=0.0)


@dataclass
class QrCode:
    uri: str
    x: float
    y: float
    size: float


@dataclass
class LaidBlock:
    kind: str  # header, resource, heading, paragraph
    key: str
    height: float
    texts: list[Text] = field(default_factory=list)
    qr: QrCode | None = None
    rule_above: bool = False
    keep_with_next: bool = False


@dataclass
class PlacedBlock:
    """Where a block ended up: page index (from 0) and rectangles in page dots."""

    page: int
    kind: str
    key: str
    rect: QRectF
    lines: list[QRectF]
    qr: QRectF | None


@dataclass
class PageLayout:
    paper: str
    page_rect: QRectF  # the whole sheet of paper, in dots
    content_rect: QRectF  # inside the margins: the printable area every block must fit in
    pages: list[list[tuple[LaidBlock, float]]]  # blocks with their top y, per page
    footer_text: str
    footer_top: float
    fonts: Fonts

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def placed(self) -> list[PlacedBlock]:
        out = []
        left = self.content_rect.left()
        for number, page in enumerate(self.pages):
            for block, top in page:
                rect = QRectF(left, top, self.content_rect.width(), block.height)
                lines = [r.translated(left, top) for t in block.texts for r in t.line_rects()]
                qr = None
                if block.qr is not None:
                    qr = QRectF(left + block.qr.x, top + block.qr.y, block.qr.size,
                                block.qr.size)
                out.append(PlacedBlock(number, block.kind, block.key, rect, lines, qr))
            for footer in self.footer_texts(number):
                for r in footer.line_rects():
                    out.append(PlacedBlock(number, "footer", "footer",
                                           r.translated(left, self.footer_top), [
                                               r.translated(left, self.footer_top)], None))
        return out

    def footer_texts(self, page: int) -> list[Text]:
        """The footer line and "2 / 3", measured for one page."""
        width = self.content_rect.width()
        number = wrap(f"{page + 1} / {self.page_count}", self.fonts.footer, width)
        number_width = natural_width(number)
        number.x = width - number_width
        number.width = number_width
        text = wrap_at_most(self.footer_text, self.fonts.footer,
                            width - number_width - 0.3 * DPI, FOOTER_LINES)
        number.y = text.y
        return [text, number]


class Layouter:
    def __init__(self, paper: str = "letter") -> None:
        if paper not in PAPERS:
            raise ValueError(f"unknown paper {paper!r}")
        self.paper = paper
        size = page_size(paper)
        self.page_rect = QRectF(QPointF(0, 0), size)
        self.content = self.page_rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        self.width = self.content.width()
        self.fonts = Fonts()

    # -- measuring ---------------------------------------------------------------------------

    def header(self, sheet: Sheet) -> LaidBlock:
        f = self.fonts
        title = wrap_at_most(sheet.title, f.title, self.width, 3)
        subtitle = wrap_at_most(sheet.subtitle, f.subtitle, self.width, 2,
                                y=title.height + 0.04 * DPI, color=GREY)
        height = subtitle.y + subtitle.height + 0.08 * DPI
        return LaidBlock("header", "header", height, [title, subtitle])

    def resource(self, block: ResourceBlock) -> LaidBlock:
        f = self.fonts
        has_qr = bool(block.qr_uri)
        column = self.width - (QR_SIZE + QR_GAP if has_qr else 0)
        texts: list[Text] = []
        y = BLOCK_GAP

        def add(text: str, fnt: QFont, gap: float = 0.0, color: str = "#000000",
                x: float = 0.0, lines: int = 3) -> Text:
            nonlocal y
            piece = wrap_at_most(text, fnt, column - x, lines, x=x, y=y + gap, color=color)
            texts.append(piece)
            y = piece.y + piece.height
            return piece

        add(block.name, f.name, lines=4)
        for phone in block.phones:
            number = add(phone.number, f.number, gap=0.02 * DPI, lines=2)
            if phone.label:
                width = natural_width(number) + 0.12 * DPI
                label = wrap(phone.label, f.phone_label, column - width, x=width)
                if natural_width(label) <= column - width and label.layout.lineCount() == 1:
                    # on the same baseline as the number, to its right
                    label.y = number.y + number.ascent - label.ascent
                    label.color = GREY
                    texts.append(label)
                else:
                    add(phone.label, f.phone_label, color=GREY, lines=2)
        for line in block.texts:
            add(line, f.text_line, gap=0.02 * DPI)
        for i, line in enumerate(block.details):
            add(line, f.detail, gap=0.04 * DPI if i == 0 else 0.0)
        for line in block.description:
            add(line, f.description, gap=0.03 * DPI, lines=12)
        if block.checked:
            add(block.checked, f.checked, gap=0.03 * DPI, color=GREY, lines=2)
        qr = None
        if has_qr:
            qr = QrCode(block.qr_uri, self.width - QR_SIZE, BLOCK_GAP, QR_SIZE)
            caption = wrap_at_most(block.qr_caption, f.caption, QR_SIZE, 3, x=qr.x,
                                   y=qr.y + QR_SIZE + 0.03 * DPI, color=GREY, centre=True)
            texts.append(caption)
            y = max(y, caption.y + caption.height)
        laid = LaidBlock("resource", block.id, y + BLOCK_GAP, texts, qr, rule_above=True)
        return self._fit_on_a_page(laid)

    def _fit_on_a_page(self, block: LaidBlock) -> LaidBlock:
        """A block is never split, so one taller than a page (an entry with dozens of
        numbers) keeps the lines that fit and ends with an ellipsis."""
        limit = self.usable_height()
        if block.height <= limit:
            return block
        more = wrap(ELLIPSIS, self.fonts.detail, self.width)
        room = limit - more.height - 2 * BLOCK_GAP
        kept = [t for t in block.texts if t.y + t.height <= room]
        bottom = max((t.y + t.height for t in kept), default=BLOCK_GAP)
        if block.qr is not None:
            bottom = max(bottom, block.qr.y + block.qr.size)
        more.y = bottom
        kept.append(more)
        return LaidBlock(block.kind, block.key, more.y + more.height + BLOCK_GAP, kept,
                         block.qr, block.rule_above, block.keep_with_next)

    def usable_height(self) -> float:
        """The most a block may take: a page less the footer's band and a little air."""
        return self.content.height() - self.footer_band() - 0.2 * DPI

    def heading(self, block: HeadingBlock) -> LaidBlock:
        text = wrap_at_most(block.text, self.fonts.heading, self.width, 3, y=0.18 * DPI)
        return LaidBlock("heading", block.text, text.y + text.height + 0.04 * DPI, [text],
                         keep_with_next=True)

    def paragraphs(self, block: ParagraphBlock) -> list[LaidBlock]:
        """A paragraph, cut into page-sized pieces at line ends if it is longer than a page.

        The lines come from one layout of the whole paragraph (a word wider than the page
        is broken anywhere), and the pieces are made in one pass: no recursion, however
        long the text or its words.
        """
        indent = 0.25 * DPI if block.bullet else 0.0
        width = self.width - indent
        whole = wrap(block.text, self.fonts.body, width, x=indent, y=0.05 * DPI)
        limit = self.usable_height()
        if whole.y + whole.height + 0.05 * DPI <= limit:
            return [self._paragraph(block.text, block.bullet, indent)]
        pieces: list[LaidBlock] = []
        start, top = 0, 0.0
        layout = whole.layout
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            bottom = line.y() + line.height()
            if bottom - top + 0.1 * DPI > limit and line.textStart() > start:
                pieces.append(self._paragraph(block.text[start:line.textStart()],
                                              block.bullet and not pieces, indent))
                start, top = line.textStart(), line.y()
        pieces.append(self._paragraph(block.text[start:], block.bullet and not pieces,
                                      indent))
        return pieces

    def _paragraph(self, text: str, bullet: bool, indent: float) -> LaidBlock:
        body = wrap(text.strip(), self.fonts.body, self.width - indent, x=indent,
                    y=0.05 * DPI)
        texts = [body]
        if bullet:
            texts.append(wrap("\u2022", self.fonts.body, indent, x=0.05 * DPI, y=body.y))
        return LaidBlock("paragraph", text[:40], body.y + body.height + 0.05 * DPI, texts)

    def footer_band(self) -> float:
        """Room kept at the bottom of every page for the footer (two lines at most)."""
        probe = wrap("Xg", self.fonts.footer, self.width)
        return 2 * probe.height + 0.15 * DPI

    def measure(self, block: Block) -> list[LaidBlock]:
        if isinstance(block, ResourceBlock):
            return [self.resource(block)]
        if isinstance(block, HeadingBlock):
            return [self.heading(block)]
        return self.paragraphs(block)

    # -- paginating --------------------------------------------------------------------------

    def layout(self, sheet: Sheet) -> PageLayout:
        laid: list[LaidBlock] = [self.header(sheet)]
        for content in sheet.blocks:
            laid += self.measure(content)
        footer_band = self.footer_band()
        bottom = self.content.bottom() - footer_band
        pages: list[list[tuple[LaidBlock, float]]] = [[]]
        y = self.content.top()
        for i, block in enumerate(laid):
            needed = block.height
            if block.keep_with_next and i + 1 < len(laid):
                needed += laid[i + 1].height
            if pages[-1] and y + min(needed, bottom - self.content.top()) > bottom:
                pages.append([])
                y = self.content.top()
            pages[-1].append((block, y))
            y += block.height
        # The footer sits at the bottom of the content area, its last line on the margin.
        probe = PageLayout(self.paper, self.page_rect, self.content, pages, sheet.footer, 0.0,
                           self.fonts)
        footer_height = max(t.height for t in probe.footer_texts(0))
        probe.footer_top = self.content.bottom() - footer_height
        return probe


def layout_sheet(sheet: Sheet, paper: str = "letter") -> PageLayout:
    return Layouter(paper).layout(sheet)
