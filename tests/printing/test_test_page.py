"""The printer test page staff print from the settings screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.errors import KnownError
from kiosk.printing import print_test_page
from tests.printing.conftest import pdf_page_size, pdf_text, qr_codes
from tests.services.cups import PrintQueue

pytestmark = pytest.mark.usefixtures("qapp")


def test_test_page_reaches_the_printer(print_queue: PrintQueue, tmp_path: Path) -> None:
    queue = print_queue.name
    print_queue.expect_job()
    settings = Settings(Store.memory())
    settings.set("paper", "a4")
    settings.set("location_name", "Windham Drop-in Centre")
    print_test_page(queue, settings)
    copy = tmp_path / "job.pdf"
    copy.write_bytes(print_queue.wait_for_job())
    text = " ".join(pdf_text(copy).split())
    assert "Printer test page" in text
    assert "Windham Drop-in Centre" in text
    assert "2-1-1" in text
    assert pdf_page_size(copy) == pytest.approx((595.3, 841.9), abs=1)
    assert qr_codes(copy, tmp_path / "png") == [["tel:211"]]


def test_test_page_failures_are_plain_sentences() -> None:
    settings = Settings(Store.memory())
    with pytest.raises(KnownError, match="No printer is set"):
        print_test_page("", settings)
    with pytest.raises(KnownError, match='no printer called "nowhere"'):
        print_test_page("nowhere", settings)
