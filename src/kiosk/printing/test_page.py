"""A one-page sheet staff print from the settings screen to check the printer.

It shows the kiosk's fonts, a large number and a code the way a visitor's sheet does, with only
numbers that are right everywhere in Connecticut (2-1-1 and 911), so a test page left in the
tray never gives anyone a wrong number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kiosk.sheets.content import ParagraphBlock, PhoneLine, ResourceBlock, Sheet


def sample_sheet(location: str, today: dt.date) -> Sheet:
    from kiosk.sheets.words import PlainWords

    date = PlainWords().date(today)
    return Sheet(
        kind="resource", lang="en", discreet=True, title="Printer test page",
        subtitle=" \u00b7 ".join(p for p in (location, date) if p),
        footer="In danger now: call 911 \u00b7 Free help 24/7: dial 2-1-1",
        blocks=(
            ParagraphBlock("If this page came out whole, with the code below sharp and the "
                           "footer at the bottom, the kiosk can print visitors' sheets."),
            ResourceBlock(
                id="test", name="Connecticut 2-1-1",
                phones=(PhoneLine("2-1-1", "Free help, 24 hours a day"),),
                details=("Scan the code with a phone: it should offer to call 211.",),
                qr_uri="tel:211", qr_caption="Scan to call"),
        ))


def print_test_page(printer_name: str, settings: Any) -> None:
    """Print the test page on `printer_name`; a `KnownError` (PrintError) says what failed."""
    from kiosk.printing.printers import print_sheet
    from kiosk.printing.qtapp import ensure_gui_app

    ensure_gui_app()
    paper = str(settings.get("paper") or "letter")
    if paper not in ("letter", "a4"):
        paper = "letter"
    sheet = sample_sheet(str(settings.get("location_name") or ""), dt.date.today())
    print_sheet(sheet, printer_name, paper)
