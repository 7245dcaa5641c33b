"""A small directory that uses every field the kiosk has, in a real data folder."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kiosk.datadir import open_data_dir
from kiosk.directory.store import Store

RICH = """\
format: kiosk-directory/1
directory: {name: Windham test, region: CT, published: 2026-11-01}
categories:
  - slug: help-now
    name: {en: Help right now, es: Ayuda ahora}
    description: {en: Crisis lines., es: Líneas de crisis.}
    icon: help-now.svg
    position: 1
  - slug: health
    name: {en: Health and testing, es: Salud y pruebas}
    position: 2
    sensitive: true
  - slug: mental-health
    name: {en: Mental health, es: Salud mental}
    position: 3
  - slug: basic-needs
    name: {en: Food and basics, es: Comida y básicos}
    position: 4
    hidden: true
resources:
  - id: clinic
    name: {en: Willimantic Clinic, es: Clínica de Willimantic}
    discreet_name: {en: Community Health, es: Salud Comunitaria}
    organization: Generations Family Health
    categories: [health, mental-health]
    description: {en: Free STI tests., es: Pruebas gratis de ETS.}
    phones:
      - number: 860-555-0100 ext 12
        label: {en: Main, es: Principal}
        hours: {en: Weekdays, es: Entre semana}
      - {number: "860-555-0199", kind: tty}
    website: www.example.org/clinic
    email: clinic@example.org
    address: {street: 1 Main St, town: Willimantic, zip: "06226"}
    area: {county: Windham, towns: [Windham, Mansfield]}
    hours: {mon: ["09:00-17:00"], tue: ["09:00-12:00", "13:00-17:00"], fri: ["22:00-02:00"]}
    hours_note: {en: Closed on holidays., es: Cerrado los feriados.}
    cost: [free, sliding_scale]
    languages: [en, es]
    eligibility: {en: Anyone 13 or older., es: Cualquier persona de 13 años o más.}
    access: [walk_in, appointment]
    confidentiality: {en: You can stay anonymous., es: Puede quedar anónimo.}
    tags: [std, ets]
    sources: [{ref: seeds/000.txt, facts: [phones, hours], note: called}]
    verified_on: 2026-10-01
    verified_by: J. Staff
    review_notes: Check the Friday hours in spring.
  - id: hotline
    name: National Hotline
    categories: [help-now]
    description: {en: Call any time., es: Llame cuando quiera.}
    phones: ["1-888-373-7888", {number: "233733", kind: text, message: HELP}, "211"]
    hours: always
    area: {national: true}
    priority: 80
    sources: [{ref: seeds/001.txt, facts: [phones]},
              {ref: "https://example.org/hotline", read: 2026-12-01, facts: [phones, hours]}]
  - id: old-pantry
    name: {en: Old Pantry, es: Despensa vieja}
    categories: [basic-needs]
    description: {en: Closed for now., es: Cerrada por ahora.}
    status: inactive
    area: {statewide: true}
    sources: [seeds/002.txt]
topics:
  - slug: is-it-legal
    title: {en: Is it legal?, es: ¿Es legal?}
    body: {en: "No.", es: "No."}
    related: [clinic]
"""


@pytest.fixture
def rich_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "rich"
    folder.mkdir()
    (folder / "directory.yaml").write_text(textwrap.dedent(RICH), encoding="utf-8")
    return folder


@pytest.fixture
def rich_store(fresh_data_dir: Path, rich_dir: Path) -> Store:
    return open_data_dir(fresh_data_dir, bundled=rich_dir)
