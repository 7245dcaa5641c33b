"""Fixtures for the printing tests: a small directory with sensitive entries, many more for
long sheets, Spanish sheet words from a small `.ts`, and readers for printed PDFs.

The real print queue is `print_queue`, in tests/conftest.py."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.store import Store

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
TODAY = dt.date(2026, 11, 23)

SPANISH = {
    "Community resources": "Recursos de la comunidad",
    "In danger now: call 911 \u00b7 Free help 24/7: dial 2-1-1":
        "En peligro ahora: llame al 911 \u00b7 Ayuda gratis 24/7: marque 2-1-1",
    "From an article only, not yet checked": "Solo de un artículo, aún sin verificar",
    "Call first": "Llame antes",
    "Checked by staff: %1": "Verificado por el personal: %1",
    "Scan to call": "Escanee para llamar",
    "MMMM d, yyyy": "d 'de' MMMM 'de' yyyy",
    "Hours:": "Horario:",
    "Text %1 to %2": "Envíe %1 al %2",
}


def load(store: Store, path: Path) -> Store:
    apply_import(store, read_directory(path), who="test", source=str(path))
    return store


@pytest.fixture
def bundled() -> Path:
    """The directory the kiosk window of tests/windows.py is filled from, here."""
    return HERE / "directory.yaml"


@pytest.fixture
def print_store() -> Store:
    return load(Store.memory(), HERE / "directory.yaml")


def many_resources_yaml(count: int, category: str = "health") -> str:
    """`count` resources with long descriptions, for sheets that run over several pages."""
    out = ["resources:"]
    for i in range(count):
        out.append(f"""\
  - id: place-{i:03d}
    name: {{en: Place number {i} with a fairly long name, es: Lugar número {i}}}
    categories: [{category}]
    description:
      en: Help with food, clothing and forms for families in Windham County. Open to all.
    phones:
      - "(860) 555-{1000 + i:04d}"
      - {{number: "(860) 555-{2000 + i:04d}", label: {{en: Evenings}}}}
    address: {{street: {i} Main St, town: Willimantic, zip: "06226"}}
    hours: {{mon: ["09:00-17:00"], tue: ["09:00-17:00"], sat: ["10:00-12:00"]}}
    cost: [free]
    languages: [en, es]
    sources: [seeds/{i}.txt]""")
    return "\n".join(out) + "\n"


@pytest.fixture
def big_store(tmp_path: Path) -> Store:
    """The small directory plus 24 more health resources (a category sheet of several pages)."""
    folder = tmp_path / "big"
    folder.mkdir()
    shutil.copy(HERE / "directory.yaml", folder / "a.yaml")
    (folder / "b.yaml").write_text("format: kiosk-directory/1\n" + many_resources_yaml(24),
                                   encoding="utf-8")
    return load(Store.memory(), folder)


def write_ts(folder: Path, lang: str = "es", texts: dict[str, str] = SPANISH) -> Path:
    """A minimal `.ts` with Spanish for some "Sheet" strings (the real one is in resources/)."""
    from xml.sax.saxutils import escape

    messages = "".join(
        f"<message><source>{escape(k)}</source><translation>{escape(v)}</translation>"
        "</message>" for k, v in texts.items())
    path = folder / f"kiosk_{lang}.ts"
    path.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
                    f'language="{lang}"><context><name>Sheet</name>{messages}</context></TS>',
                    encoding="utf-8")
    return path


@pytest.fixture
def spanish_words(tmp_path: Path, qapp: object):  # type: ignore[no-untyped-def]
    from kiosk.printing.words import QtWords

    folder = tmp_path / "translations"
    folder.mkdir()
    write_ts(folder)
    return QtWords("es", cache=tmp_path / "qm", folder=folder)


def pdf_text(path: Path, first: int | None = None, last: int | None = None,
             layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


def pdf_page_size(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    parts = line.split()
    return float(parts[2]), float(parts[4])


def qr_codes(path: Path, out: Path, dpi: int = 150) -> list[list[str]]:
    """The QR codes zbarimg reads on each page of a PDF rasterised at `dpi`."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(path), str(out / "page")],
                   check=True)
    pages = []
    for png in sorted(out.glob("page-*.png")):
        result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable",
                                 "-Sqrcode.enable", str(png)],
                                capture_output=True, text=True, check=False)
        pages.append([line for line in result.stdout.splitlines() if line])
    return pages
