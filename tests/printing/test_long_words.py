"""Words longer than a line are broken on paper, nothing runs off the page or over the
footer, and a topic of any length is laid out without recursion."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.printing.layout import PageLayout, layout_sheet
from kiosk.printing.render import render_pdf
from kiosk.sheets.content import HeadingBlock, ParagraphBlock, PhoneLine, ResourceBlock, Sheet
from tests.printing.conftest import pdf_pages

pytestmark = pytest.mark.usefixtures("qapp")

WORD = "Supercalifragilistic" * 250  # 5,000 letters, no space


def assert_on_the_page(layout: PageLayout) -> None:
    area = layout.content_rect
    for page in range(layout.page_count):
        placed = [b for b in layout.placed() if b.page == page]
        footer = [b.rect for b in placed if b.kind == "footer"]
        assert footer, page
        footer_top = min(r.top() for r in footer)
        blocks = sorted((b for b in placed if b.kind != "footer"), key=lambda b: b.rect.top())
        for block in blocks:
            assert area.contains(block.rect), (page, block.kind, block.rect)
            for line in block.lines:
                if line.width() > 0:  # an empty text has a line of no width
                    assert area.contains(line), (page, block.kind, line)
            assert block.rect.bottom() <= footer_top + 0.01, (page, block.kind)
        for upper, lower in itertools.pairwise(blocks):
            assert upper.rect.bottom() <= lower.rect.top() + 0.01
        for rect in footer:
            assert area.contains(rect)


def test_a_5000_letter_word_everywhere_on_a_handout(tmp_path: Path) -> None:
    block = ResourceBlock(
        id="long", name=WORD, phones=(PhoneLine("(860) 555-0100", WORD),),
        texts=(WORD,), details=(WORD, WORD), description=(WORD, WORD), checked=WORD,
        qr_uri="tel:+18605550100", qr_caption=WORD)
    sheet = Sheet("handout", "en", False, WORD, WORD, WORD,
                  (HeadingBlock(WORD), block, ParagraphBlock(WORD)))
    layout = layout_sheet(sheet)
    assert_on_the_page(layout)
    out = tmp_path / "long.pdf"
    render_pdf(sheet, out)
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(out), str(tmp_path / "page")],
                   check=True)
    assert pdf_pages(out) == layout.page_count


def test_an_entry_with_sixty_numbers_still_fits_its_page() -> None:
    phones = tuple(PhoneLine(f"(860) 555-{i:04d}", "Evenings") for i in range(60))
    sheet = Sheet("handout", "en", False, "Handout", "", "Dial 2-1-1",
                  (ResourceBlock(id="many", name="Many lines", phones=phones),))
    layout = layout_sheet(sheet)
    assert_on_the_page(layout)
    block = next(b for b in layout.placed() if b.kind == "resource")
    assert block.rect.height() < layout.content_rect.height()


def test_a_topic_of_one_huge_word_is_paged_without_recursion() -> None:
    text = WORD * 40  # 200,000 letters: many pages of one word
    sheet = Sheet("topic", "en", False, "Topic", "", "Dial 2-1-1", (ParagraphBlock(text),))
    layout = layout_sheet(sheet)
    assert layout.page_count > 5
    assert_on_the_page(layout)


def test_kiosk_sheet_topic_with_a_5000_letter_word(tmp_path: Path) -> None:
    files = tmp_path / "d.yaml"
    files.write_text(f"""format: kiosk-directory/1
categories:
  - slug: health
    name: {{en: Health}}
topics:
  - slug: long
    title: {{en: Long}}
    body: {{en: "{WORD} and then more words. {WORD}"}}
""", encoding="utf-8")
    data = tmp_path / "data"

    def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kiosk", *args, "--data-dir", str(data)],
                              capture_output=True, text=True, check=False, timeout=120)

    assert kiosk("import", str(files)).returncode == 0
    out = tmp_path / "topic.pdf"
    result = kiosk("sheet", "--topic", "long", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert pdf_pages(out) >= 1
