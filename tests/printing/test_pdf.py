"""Sheets rendered to PDF and read back as a person would: text, QR codes, pages, margins."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from kiosk.directory.store import Store
from kiosk.printing.layout import DPI, MARGIN, layout_sheet
from kiosk.printing.render import render_images, render_pdf
from kiosk.printing.words import QtWords
from kiosk.sheets import discreet
from kiosk.sheets.build import (
    Selection,
    SheetOptions,
    build_sheet,
    category_sheet,
    handout_sheet,
    topic_sheet,
)
from tests.printing.conftest import TODAY, pdf_page_size, pdf_pages, pdf_text, qr_codes

pytestmark = pytest.mark.usefixtures("qapp")

ALL_IDS = ["trafficking-hotline", "exit-program", "clinic", "treatment-center"]


def opts(**kw: object) -> SheetOptions:
    kw.setdefault("today", TODAY)
    kw.setdefault("location", "Windham Drop-in Centre")
    kw.setdefault("words", QtWords(str(kw.get("lang", "en"))))
    return SheetOptions(**kw)  # type: ignore[arg-type]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_text_has_every_phone_number_of_every_resource(print_store: Store,
                                                           tmp_path: Path) -> None:
    sheet = handout_sheet(print_store, ALL_IDS, opts(discreet=False))
    render_pdf(sheet, tmp_path / "h.pdf")
    text = flat(pdf_text(tmp_path / "h.pdf"))
    for resource in print_store.resources(ALL_IDS):
        for phone in resource.phones:
            assert phone.display in text, (resource.id, phone.display)
    assert "(860) 555-0100 ext. 12" in text
    assert "Text HELP to 233733" in text
    assert "Community resources" in text
    assert "Windham Drop-in Centre \u00b7 November 23, 2026" in text
    assert "In danger now: call 911 \u00b7 Free help 24/7: dial 2-1-1" in text
    assert "From an article only, not yet checked \u00b7 Call first" in text
    assert "Checked by staff: October 15, 2026" in text


def test_qr_codes_decode_to_each_main_number(print_store: Store, tmp_path: Path) -> None:
    sheet = handout_sheet(print_store, ALL_IDS, opts(discreet=False))
    render_pdf(sheet, tmp_path / "h.pdf")
    found = [code for page in qr_codes(tmp_path / "h.pdf", tmp_path / "png", dpi=150)
             for code in page]
    expected = {r.main_phone.uri for r in print_store.resources(ALL_IDS) if r.main_phone}
    assert expected == {"tel:+18883737888", "tel:+18605550142", "tel:+18605550100;ext=12",
                        "tel:+18605550177"}
    assert sorted(found) == sorted(expected)


def test_qr_code_sits_beside_its_resource(print_store: Store) -> None:
    layout = layout_sheet(handout_sheet(print_store, ALL_IDS, opts()), "letter")
    for block in layout.placed():
        if block.kind == "resource":
            assert block.qr is not None
            assert block.rect.contains(block.qr)
            assert block.qr.right() == pytest.approx(block.rect.right())
            # the text column never runs under the code
            for line in block.lines[:-1]:
                if line.bottom() > block.qr.top() and line.top() < block.qr.bottom():
                    assert line.right() <= block.qr.left()


def test_discreet_pdf_has_no_sensitive_word(print_store: Store, tmp_path: Path) -> None:
    for lang in ("en", "es"):
        sheet = build_sheet(print_store, Selection(everything=True),
                            opts(discreet=True, lang=lang))
        path = tmp_path / f"all-{lang}.pdf"
        render_pdf(sheet, path)
        text = pdf_text(path)
        assert discreet.sensitive_words(text) == [], lang
        assert "(888) 373-7888" in text and "(860) 555-0142" in text
        meta = path.read_bytes()
        assert b"raffick" not in meta and b"Trata" not in meta


def test_open_topic_sheet_keeps_the_words_the_visitor_chose(print_store: Store,
                                                            tmp_path: Path) -> None:
    render_pdf(topic_sheet(print_store, "what-is-trafficking", opts(discreet=False)),
               tmp_path / "t.pdf")
    text = flat(pdf_text(tmp_path / "t.pdf"))
    assert "What is human trafficking?" in text
    assert "National Human Trafficking Hotline" in text
    assert "\u2022" in text and "Call the hotline any time." in text


def test_long_category_flows_onto_pages_with_numbers_and_footer(big_store: Store,
                                                                 tmp_path: Path) -> None:
    sheet = category_sheet(big_store, "health", opts())
    rendered = render_pdf(sheet, tmp_path / "c.pdf")
    pages = pdf_pages(tmp_path / "c.pdf")
    assert pages == rendered.pages >= 3
    seen: list[str] = []
    for number in range(1, pages + 1):
        text = flat(pdf_text(tmp_path / "c.pdf", number, number))
        assert "In danger now: call 911" in text, number
        assert re.search(rf"\b{number} ?/ ?{pages}\b", text), number
        # every resource on this page has all of its numbers on the same page
        for resource in big_store.resources([r.id for r in sheet.resources]):
            name = resource.name.get("en")
            if name in text:
                seen.append(resource.id)
                for phone in resource.phones:
                    assert phone.display in text, (number, resource.id)
    assert sorted(seen) == sorted(r.id for r in sheet.resources)


def test_nothing_leaves_the_printable_area(big_store: Store) -> None:
    for paper in ("letter", "a4"):
        for lang in ("en", "es"):
            sheet = category_sheet(big_store, "health", opts(lang=lang))
            layout = layout_sheet(sheet, paper)
            area = layout.content_rect
            assert area.left() == MARGIN and area.top() == MARGIN
            for block in layout.placed():
                assert area.contains(block.rect), (paper, block.key, block.rect)
                for line in block.lines:
                    assert area.contains(line), (paper, block.key, line)
                    assert line.right() <= block.rect.right() + 0.5
            # no two blocks of a page overlap, and no block is split
            for page in range(layout.page_count):
                rects = sorted((b.rect for b in layout.placed()
                                if b.page == page and b.kind != "footer"),
                               key=lambda r: r.top())
                for upper, lower in itertools.pairwise(rects):
                    assert upper.bottom() <= lower.top() + 0.01
                footer = [b.rect for b in layout.placed()
                          if b.page == page and b.kind == "footer"]
                assert footer and rects[-1].bottom() <= min(r.top() for r in footer)
            ids = [b.key for b in layout.placed() if b.kind == "resource"]
            assert sorted(ids) == sorted(r.id for r in sheet.resources)


def test_a_very_long_name_wraps_instead_of_being_cut(print_store: Store) -> None:
    clinic = print_store.resource("clinic")
    assert clinic is not None
    long_name = "Willimantic " + "Community Health and Wellness Partnership " * 4
    word = "Supercalifragilistic" * 8  # one word wider than the column
    print_store.write_resource(clinic.with_changes(
        name=clinic.name.__class__(long_name, long_name), website=f"https://{word}.org"))
    layout = layout_sheet(handout_sheet(print_store, ["clinic"], opts()), "letter")
    block = next(b for b in layout.placed() if b.kind == "resource")
    assert len(block.lines) > 8
    for line in block.lines:
        assert layout.content_rect.contains(line)


def test_letter_and_a4(print_store: Store, tmp_path: Path) -> None:
    sheet = handout_sheet(print_store, ["clinic"], opts())
    render_pdf(sheet, tmp_path / "l.pdf", "letter")
    render_pdf(sheet, tmp_path / "a.pdf", "a4")
    assert pdf_page_size(tmp_path / "l.pdf") == pytest.approx((612, 792), abs=1)
    assert pdf_page_size(tmp_path / "a.pdf") == pytest.approx((595.3, 841.9), abs=1)


def test_spanish_sheet_words_come_from_the_translation_file(print_store: Store,
                                                            tmp_path: Path,
                                                            spanish_words: QtWords) -> None:
    sheet = handout_sheet(print_store, ["clinic", "trafficking-hotline"],
                          opts(lang="es", words=spanish_words, discreet=False))
    render_pdf(sheet, tmp_path / "es.pdf")
    text = flat(pdf_text(tmp_path / "es.pdf"))
    assert "Recursos de la comunidad" in text
    assert "23 de noviembre de 2026" in text
    assert "En peligro ahora: llame al 911" in text
    assert "Verificado por el personal: 15 de octubre de 2026" in text
    assert "Clínica de Salud de Willimantic" in text
    assert "Envíe HELP al 233733" in text
    assert "Horario: lun, mar" in text


def test_preview_images_show_the_same_pages(big_store: Store) -> None:
    sheet = category_sheet(big_store, "health", opts())
    images = render_images(sheet, "letter", dpi=60)
    assert len(images) == layout_sheet(sheet, "letter").page_count
    image = images[0]
    assert (image.width(), image.height()) == (510, 660)
    # ink inside the margins, none outside them
    margin = round(MARGIN * 60 / DPI)
    dark_inside = dark_outside = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            dark = image.pixelColor(x, y).lightness() < 128
            inside = margin - 1 <= x < image.width() - margin + 1 and \
                margin - 1 <= y < image.height() - margin + 1
            if dark:
                dark_inside += inside
                dark_outside += not inside
    assert dark_inside > 1000
    assert dark_outside == 0
