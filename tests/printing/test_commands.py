"""`kiosk sheet` and `kiosk print`, run as staff run them, printing to a real CUPS queue."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.printing.conftest import (
    HERE,
    pdf_page_size,
    pdf_pages,
    pdf_text,
    qr_codes,
)
from tests.services.cups import PrintQueue


def kiosk(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, check=False, timeout=120)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    result = kiosk("import", str(HERE / "directory.yaml"), data_dir=folder)
    assert result.returncode == 0, result.stderr
    return folder


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_sheet_command_writes_a_pdf(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "health.pdf"
    result = kiosk("sheet", "--category", "health", "--paper", "a4", "--out", str(out),
                   data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{out}: 1 page, 1 resource"
    assert pdf_page_size(out) == pytest.approx((595.3, 841.9), abs=1)
    text = flat(pdf_text(out))
    assert "Health and testing" in text
    assert "(860) 555-0100 ext. 12" in text and "(860) 555-0101" in text
    assert qr_codes(out, tmp_path / "png") == [["tel:+18605550100;ext=12"]]


def test_sheet_command_discreet_spanish(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    result = kiosk("sheet", "--all", "--lang", "es", "--discreet", "--out", str(out),
                   data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    from kiosk.sheets.discreet import sensitive_words

    assert sensitive_words(text) == []
    assert "Línea nacional de ayuda" in text
    assert "Clínica de Salud de Willimantic" in text


def test_sheet_command_says_what_is_wrong(data_dir: Path, tmp_path: Path) -> None:
    result = kiosk("sheet", "--resource", "clinic", "nope", "--out", str(tmp_path / "x.pdf"),
                   data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.strip() == "There is no resource with the id nope."
    assert not (tmp_path / "x.pdf").exists()
    result = kiosk("sheet", "--topic", "x", "--out", str(tmp_path / "no" / "x.pdf"),
                   data_dir=data_dir)
    assert result.returncode == 1
    assert "does not exist" in result.stderr
    result = kiosk("sheet", "--out", str(tmp_path / "x.pdf"), data_dir=data_dir)
    assert result.returncode == 2  # argparse: one of the selections is required
    assert "--resource" in result.stderr


def test_print_command_sends_the_sheet_to_a_real_queue(data_dir: Path, tmp_path: Path,
                                                       print_queue: PrintQueue) -> None:
    queue = print_queue.name
    print_queue.expect_job()
    result = kiosk("print", "--resource", "clinic", "trafficking-hotline", "--printer", queue,
                   data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Sent 1 page to {queue}."
    job = print_queue.wait_for_job()
    assert job.startswith(b"%PDF")
    copy = tmp_path / "job.pdf"
    copy.write_bytes(job)
    text = flat(pdf_text(copy))
    for number in ("(860) 555-0100 ext. 12", "(860) 555-0101", "(888) 373-7888"):
        assert number in text
    assert "Text HELP to 233733" in text
    assert "In danger now: call 911" in text
    assert pdf_page_size(copy) == pytest.approx((612, 792), abs=1)
    assert sorted(qr_codes(copy, tmp_path / "png")[0]) == [
        "tel:+18605550100;ext=12", "tel:+18883737888"]

    # the PDF `kiosk sheet` writes carries the same pages and words
    out = tmp_path / "same.pdf"
    assert kiosk("sheet", "--resource", "clinic", "trafficking-hotline", "--out", str(out),
                 data_dir=data_dir).returncode == 0
    assert pdf_pages(out) == pdf_pages(copy)
    assert flat(pdf_text(out)) == text


def test_print_command_without_a_printer(data_dir: Path) -> None:
    result = kiosk("print", "--category", "health", data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.strip() == "No printer is set. Choose one in the kiosk's settings."
    result = kiosk("print", "--category", "health", "--printer", "no-such-queue",
                   data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.startswith('There is no printer called "no-such-queue"')


def test_print_command_with_the_printer_stopped(data_dir: Path,
                                                print_queue: PrintQueue) -> None:
    queue = print_queue.name
    print_queue.disable()
    try:
        result = kiosk("print", "--category", "health", "--printer", queue, data_dir=data_dir)
    finally:
        print_queue.enable()
    assert result.returncode == 1
    assert result.stderr.strip() == (f'The printer "{queue}" is stopped or off. Turn it on, '
                                     f"then resume it (cupsenable {queue}).")


def test_sheet_command_refuses_an_empty_sheet(data_dir: Path, tmp_path: Path) -> None:
    import sqlite3

    db = sqlite3.connect(data_dir / "kiosk.db")
    db.execute("update resources set status = 'inactive' where id = 'clinic'")
    db.commit()
    db.close()
    out = tmp_path / "x.pdf"
    result = kiosk("sheet", "--category", "health", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.strip() == "There is nothing to print for category health."
    assert not out.exists() and not list(tmp_path.glob(".x.pdf*"))
