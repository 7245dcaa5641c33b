"""Printed sheets on paper and in PDF: layout, rendering, printers, the kiosk's preview.

Importing this package is cheap; Qt's print support is loaded by the functions that use it.
"""

from __future__ import annotations

from typing import Any


def print_test_page(printer_name: str, settings: Any) -> None:
    """Print a one-page sample sheet on `printer_name`; a `KnownError` says what went wrong.

    `settings` is a `kiosk.directory.settings.Settings` (paper size and location name).
    """
    from kiosk.printing.test_page import print_test_page as run

    run(printer_name, settings)
