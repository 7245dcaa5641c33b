"""Printing a sheet straight to the printer chosen in the settings, with no dialog.

On a kiosk nobody may see an operating-system print dialog, and a printer problem must turn
into one sentence: which printer, and what is wrong with it. `PrintError.reason` lets the
visitor screens choose their own, simpler words.
"""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtPrintSupport import QPrintEngine, QPrinter, QPrinterInfo

from kiosk.errors import KnownError
from kiosk.printing.layout import DPI, PageLayout, layout_sheet
from kiosk.printing.render import page_layout, paint_pages
from kiosk.sheets.content import Sheet

# Qt's private key for the CUPS options of a job (QPrintEngine::PPK_CupsOptions): a list
# of name, value, name, value...
CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)
JOB_OPTIONS = ("job-sheets", "none,none")


class PrintError(KnownError):
    """A sheet that could not be printed; `reason` is no-printer, unknown, off or failed."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def printer_names() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def _lpstat(*args: str) -> str:
    """`lpstat` output, or "" where there is no CUPS command line (it is only a second check)."""
    command = shutil.which("lpstat")
    if command is None:
        return ""
    try:
        result = subprocess.run([command, *args], capture_output=True, text=True, timeout=5,
                                check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout


def check_printer(name: str) -> None:
    """Raise `PrintError` unless `name` is a printer that is on and taking jobs."""
    if not name:
        raise PrintError("No printer is set. Choose one in the kiosk's settings.", "no-printer")
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        known = ", ".join(printer_names()) or "none"
        raise PrintError(f'There is no printer called "{name}" (printers found: {known}).',
                         "unknown")
    if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError(f'The printer "{name}" is stopped or off. Turn it on, then '
                         f"resume it (cupsenable {name}).", "off")
    if "not accepting" in _lpstat("-a", name):
        raise PrintError(f'The printer "{name}" is not taking jobs. Turn it on, then '
                         f"accept jobs again (cupsaccept {name}).", "off")


def make_printer(name: str, paper: str, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    if printer.printerName() != name or not printer.isValid():
        raise PrintError(f'The printer "{name}" could not be opened.', "unknown")
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setFullPage(True)  # the sheet keeps its own margins
    if not printer.setPageLayout(page_layout(paper)):
        raise PrintError(f'The printer "{name}" cannot print on {paper.capitalize()} paper.',
                         "failed")
    printer.setResolution(DPI)
    printer.setDocName(title)  # shown in the print queue: already discreet when it must be
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    printer.setCopyCount(1)
    # No banner sheet before or after the handout: it would print the job's name and time.
    printer.printEngine().setProperty(CUPS_OPTIONS, list(JOB_OPTIONS))
    return printer


def print_layout(layout: PageLayout, name: str, title: str) -> None:
    check_printer(name)
    printer = make_printer(name, layout.paper, title)
    try:
        paint_pages(printer, layout)
    except OSError:
        raise PrintError(f'The printer "{name}" did not take the job.', "failed") from None
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError(f'The printer "{name}" did not take the job.', "failed")


def print_sheet(sheet: Sheet, name: str, paper: str = "letter") -> PageLayout:
    """Send the sheet to the printer `name`; returns the layout that was printed."""
    check_printer(name)
    layout = layout_sheet(sheet, paper)
    print_layout(layout, name, sheet.title)
    return layout
