"""Building small directory files for tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

HEAD = "format: kiosk-directory/1\n"

CATEGORIES = """\
categories:
  - slug: health
    name: {en: Health and testing, es: Salud y pruebas}
  - slug: help-now
    name: {en: Help right now, es: Ayuda ahora}
"""

RESOURCE = """\
  - id: {id}
    name: {{en: {name}, es: {name_es}}}
    categories: [health]
    description: {{en: Free tests., es: Pruebas gratis.}}
    phones: ["(860) 555-0100"]
    sources: [seeds/000.txt]
"""


def resource_yaml(rid: str = "clinic", name: str = "Clinic", name_es: str = "Clínica") -> str:
    return RESOURCE.format(id=rid, name=name, name_es=name_es)


def write(path: Path, body: str, head: str = HEAD) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head + textwrap.dedent(body), encoding="utf-8")
    return path


def directory_file(tmp_path: Path, resources: str | None = None, name: str = "d.yaml") -> Path:
    body = CATEGORIES + "resources:\n" + (resources if resources is not None else resource_yaml())
    return write(tmp_path / name, body)
