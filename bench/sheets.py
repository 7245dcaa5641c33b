"""How long a visitor's 10-place handout takes to become a PDF, in process, after a warm-up.

Run with `python3 -m bench.sheets [RUNS]`; `measure()` returns the figures as a dict for the
other benchmarks to collect. The target is well under 250 ms for the whole handout.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HANDOUT_SIZE = 10
TARGET_MS = 250.0


def _directory_yaml(count: int) -> str:
    out = ["format: kiosk-directory/1",
           "categories:",
           "  - {slug: health, name: {en: Health and testing, es: Salud y pruebas}}",
           "resources:"]
    for i in range(count):
        out.append(f"""\
  - id: place-{i:02d}
    name: {{en: Windham place number {i}, es: Lugar de Windham {i}}}
    categories: [health]
    description:
      en: Free, private tests and care for adults and teens. No insurance needed. Walk in.
      es: Pruebas y atención gratis y privadas. No necesita seguro.
    phones:
      - {{number: "(860) 555-{1000 + i:04d}", label: {{en: Main line, es: Línea principal}}}}
      - "(860) 555-{2000 + i:04d} ext. 4"
      - {{number: "233733", kind: text, message: HELP}}
    address: {{street: {i} Main St, town: Willimantic, zip: "06226"}}
    hours:
      {{mon: ["09:00-17:00"], tue: ["09:00-17:00"], wed: ["09:00-19:30"], sat: ["10:00-14:00"]}}
    cost: [free, sliding_scale]
    languages: [en, es]
    verified_on: 2026-11-01
    sources: [seeds/{i}.txt]""")
    return "\n".join(out) + "\n"


def _summary(samples: list[float]) -> dict[str, float]:
    values = sorted(samples)
    rank = max(0, min(len(values) - 1, round(0.95 * len(values) + 0.5) - 1))
    return {"median_ms": round(statistics.median(values), 2), "p95_ms": round(values[rank], 2)}


def _time(func: Callable[[], Any], runs: int) -> dict[str, float]:
    func()  # warm-up: fonts, QR tables, translations
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return _summary(samples)


def measure(runs: int = 30) -> dict[str, Any]:
    """Median and p95 in ms: the whole handout to PDF, and its parts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.directory.files import read_directory
    from kiosk.directory.importer import apply_import
    from kiosk.directory.store import Store
    from kiosk.printing.layout import layout_sheet
    from kiosk.printing.qtapp import ensure_gui_app
    from kiosk.printing.render import _unit_qr_path, page_images, render_pdf
    from kiosk.printing.words import QtWords
    from kiosk.qr import qr_modules
    from kiosk.sheets.build import SheetOptions, handout_sheet

    ensure_gui_app()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "d.yaml").write_text(_directory_yaml(HANDOUT_SIZE), encoding="utf-8")
        store = Store.memory()
        apply_import(store, read_directory(folder / "d.yaml"), who="bench", source="bench")
        ids = [f"place-{i:02d}" for i in range(HANDOUT_SIZE)]
        options = SheetOptions(lang="en", discreet=True, location="Windham Drop-in Centre",
                               today=dt.date(2026, 11, 23), words=QtWords("en"))
        out = folder / "handout.pdf"

        def whole() -> None:
            render_pdf(handout_sheet(store, ids, options), out, "letter")

        def cold() -> None:
            """As the first print of these numbers: no QR code worked out yet."""
            qr_modules.cache_clear()
            _unit_qr_path.cache_clear()
            whole()

        sheet = handout_sheet(store, ids, options)
        layout = layout_sheet(sheet, "letter")
        result: dict[str, Any] = {
            "resources": HANDOUT_SIZE, "runs": runs, "pages": layout.page_count,
            "handout_to_pdf": _time(whole, runs),
            "handout_to_pdf_new_numbers": _time(cold, runs),
            "content": _time(lambda: handout_sheet(store, ids, options), runs),
            "layout": _time(lambda: layout_sheet(sheet, "letter"), runs),
            "preview_images_110dpi": _time(lambda: page_images(layout, 110.0), runs),
            "pdf_bytes": out.stat().st_size,
            "target_ms": TARGET_MS,
        }
        store.close()
    result["within_target"] = result["handout_to_pdf_new_numbers"]["p95_ms"] < TARGET_MS
    return result


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 30
    result = measure(runs)
    print(f"{result['resources']}-place handout, {result['pages']} pages, "
          f"{result['pdf_bytes']:,} bytes of PDF; {runs} runs after a warm-up")
    for key in ("handout_to_pdf", "handout_to_pdf_new_numbers", "content", "layout",
                "preview_images_110dpi"):
        figures = result[key]
        print(f"  {key:<27} median {figures['median_ms']:7.1f} ms   "
              f"p95 {figures['p95_ms']:7.1f} ms")
    print(f"  target: whole handout under {TARGET_MS:.0f} ms: "
          f"{'yes' if result['within_target'] else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
