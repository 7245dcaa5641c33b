"""A printed handout leaves no copy in the print system: the kiosk checks the scheduler's
configuration at start-up and tells staff when it keeps documents or job records."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.printing import privacy
from kiosk.staff.notices import unseen
from tests.conftest import CUPS_ROOT
from tests.services.cups import PrintQueue, PrivateCups


class KeepingCups(PrivateCups):
    """A scheduler with CUPS's own defaults: documents for a day, job records for ever."""

    def _write_config(self) -> tuple[Path, Path]:
        conf, files = super()._write_config()
        conf.write_text(conf.read_text().replace("PreserveJobFiles No\nPreserveJobHistory No\n",
                                                 ""))
        return conf, files


@pytest.fixture
def keeping_scheduler(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> Iterator[KeepingCups]:
    cups = KeepingCups(tmp_path_factory.mktemp("keeping"))
    monkeypatch.setenv("CUPS_SERVER", str(cups.socket))
    cups.start()
    try:
        yield cups
    finally:
        cups.stop()


@pytest.fixture
def store_with_printer(store: Store) -> Store:
    Settings(store).set("printer", "kiosk-test")
    return store


def test_a_scheduler_that_keeps_copies_is_reported_to_staff(
        keeping_scheduler: KeepingCups, store_with_printer: Store) -> None:
    message = privacy.warn_staff(store_with_printer)
    assert message is not None and "keeps the documents and job records" in message
    assert privacy.FIX in message
    privacy.warn_staff(store_with_printer)  # a second start: no second notice
    assert [n.text for n in unseen(store_with_printer)] == [message]


def test_the_kiosk_s_own_scheduler_keeps_nothing(print_queue: PrintQueue,
                                                  store_with_printer: Store,
                                                  qapp: object) -> None:
    assert privacy.warn_staff(store_with_printer) is None
    assert unseen(store_with_printer) == []
    from kiosk.printing.layout import layout_sheet
    from kiosk.printing.printers import print_layout
    from kiosk.sheets.content import ParagraphBlock, Sheet

    print_queue.expect_job()
    sheet = Sheet("topic", "en", False, "Community resources", "", "Dial 2-1-1",
                  (ParagraphBlock("Call 2-1-1."),))
    print_layout(layout_sheet(sheet), print_queue.name, sheet.title)
    assert print_queue.wait_for_job().startswith(b"%PDF")
    spool = CUPS_ROOT / "spool"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _job_files(spool):
        time.sleep(0.1)
    assert _job_files(spool) == []  # no document, no record of the job


def _job_files(spool: Path) -> list[str]:
    return sorted(p.name for p in spool.iterdir() if p.name[:1] in "cd" and p.is_file())


def test_an_unreachable_scheduler_is_a_warning_too(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, store_with_printer: Store) -> None:
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-such.sock"))
    message = privacy.warn_staff(store_with_printer)
    assert message is not None and "could not check" in message


def test_without_a_printer_nothing_is_checked(store: Store) -> None:
    assert privacy.warn_staff(store) is None


@pytest.mark.parametrize(("config", "kept"), [
    ("", ["documents", "job records"]),
    ("PreserveJobFiles No\nPreserveJobHistory No\n", []),
    ("preservejobfiles off\nPreserveJobHistory 0\n", []),
    ("PreserveJobFiles No\n", ["job records"]),
    ("PreserveJobFiles 3600\nPreserveJobHistory No\n", ["documents"]),
])
def test_the_configuration_is_read_as_cups_reads_it(config: str, kept: list[str]) -> None:
    assert privacy.kept_copies(config) == kept


def test_handouts_are_printed_without_banner_sheets(print_queue: PrintQueue,
                                                    qapp: object) -> None:
    from kiosk.printing.printers import CUPS_OPTIONS, make_printer

    printer = make_printer(print_queue.name, "letter", "Community resources")
    options = list(printer.printEngine().property(CUPS_OPTIONS))
    assert options[options.index("job-sheets") + 1] == "none,none"


def test_the_running_kiosk_checks_after_its_first_frame(
        keeping_scheduler: KeepingCups, qtbot, fresh_data_dir: Path,  # type: ignore[no-untyped-def]
        sample_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk import app
    from kiosk.datadir import open_data_dir

    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    Settings(store).set("printer", "kiosk-test")
    store.close()
    monkeypatch.setattr(app, "PRINT_CHECK_AFTER_MS", 0)
    window = app.create_main_window(fresh_data_dir, windowed=True)
    qtbot.addWidget(window)
    window.show()  # the check waits for the first frame
    qtbot.waitUntil(lambda: any("keeps the documents" in n.text
                                for n in unseen(window.store)), timeout=10_000)
    window._may_close = True  # type: ignore[attr-defined]
    window.close()
    window.store.close()  # type: ignore[attr-defined]
