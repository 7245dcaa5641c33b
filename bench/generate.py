"""Synthetic Connecticut directories of any size, written as `kiosk-directory/1` files.

The data look like the real thing where it matters for speed: names and descriptions of
realistic length in English and Spanish (with accents, which the search folds), one to three
valid Connecticut phone numbers, real towns, weekly hours, tags and sources, and twelve
categories skewed so that one holds a third of all resources (as health care does in a
statewide 2-1-1 listing).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

CATEGORIES = (
    "help-now", "health", "harm-reduction", "treatment", "mental-health", "safety-shelter",
    "trafficking", "leaving-sex-work", "legal", "basic-needs", "jobs-education", "report",
)
CATEGORY_NAMES = {
    "help-now": ("Help right now", "Ayuda ahora"),
    "health": ("Health care and testing", "Salud y pruebas"),
    "harm-reduction": ("Harm reduction", "Reducción de daños"),
    "treatment": ("Treatment and recovery", "Tratamiento y recuperación"),
    "mental-health": ("Mental health", "Salud mental"),
    "safety-shelter": ("Safety and shelter", "Seguridad y refugio"),
    "trafficking": ("Trafficking survivors", "Sobrevivientes de trata"),
    "leaving-sex-work": ("Leaving sex work", "Dejar el trabajo sexual"),
    "legal": ("Legal help", "Ayuda legal"),
    "basic-needs": ("Food and basic needs", "Comida y necesidades básicas"),
    "jobs-education": ("Jobs and education", "Trabajo y educación"),
    "report": ("Report a problem", "Reportar un problema"),
}
LARGEST = "health"
# Share of resources whose main category is each slug: health a third, the rest tapering.
WEIGHTS = {"health": 33.4, "basic-needs": 12, "treatment": 10, "mental-health": 9,
           "safety-shelter": 8, "legal": 7, "harm-reduction": 6, "jobs-education": 5,
           "help-now": 3.6, "trafficking": 2.5, "leaving-sex-work": 2, "report": 1.5}

TOWNS = {
    "Windham": ["Windham", "Willimantic", "Mansfield", "Putnam", "Killingly", "Plainfield",
                "Thompson", "Brooklyn", "Pomfret", "Woodstock"],
    "Hartford": ["Hartford", "New Britain", "West Hartford", "East Hartford", "Manchester",
                 "Bristol", "Enfield", "Glastonbury", "Windsor", "Wethersfield"],
    "New Haven": ["New Haven", "Waterbury", "Meriden", "West Haven", "Hamden", "Milford",
                  "Wallingford", "Naugatuck", "Ansonia", "Derby"],
    "Fairfield": ["Bridgeport", "Stamford", "Norwalk", "Danbury", "Greenwich", "Fairfield",
                  "Stratford", "Shelton", "Trumbull", "Westport"],
    "New London": ["New London", "Norwich", "Groton", "Waterford", "Montville", "Ledyard",
                   "Stonington", "Colchester", "East Lyme", "Preston"],
    "Litchfield": ["Torrington", "Litchfield", "New Milford", "Winchester", "Plymouth",
                   "Watertown", "Thomaston", "Canaan", "Sharon", "Salisbury"],
    "Middlesex": ["Middletown", "Old Saybrook", "Clinton", "Cromwell", "Portland",
                  "East Hampton", "Essex", "Chester", "Haddam", "Durham"],
    "Tolland": ["Vernon", "Tolland", "Coventry", "Ellington", "Stafford", "Somers",
                "Hebron", "Columbia", "Bolton", "Willington"],
}
AREA_CODES = ("203", "475", "860", "959")
STREETS = ("Main St", "Church St", "Elm St", "Park Ave", "Washington St", "High St",
           "Union St", "Broad St", "Valley St", "Jackson St", "Prospect St", "Maple Ave")

EN_WORDS = (  # noqa: SIM905
    "free confidential testing for HIV hepatitis and other infections walk in or call first "
    "staff speak Spanish and English we help you find food shelter treatment and legal "
    "advice no insurance needed you can stay anonymous bring a friend if you want naloxone "
    "syringes recovery coaching support groups counseling case management housing "
    "applications rides to appointments emergency clothing showers laundry phone charging "
    "mail service survivors of violence trafficking exploitation safety planning"
).split()
ES_WORDS = (  # noqa: SIM905
    "pruebas gratuitas y confidenciales de VIH hepatitis y otras infecciones puede venir "
    "sin cita o llamar primero el personal habla español e inglés le ayudamos a encontrar "
    "comida refugio tratamiento y asesoría legal no necesita seguro médico puede quedarse "
    "anónimo traiga a un amigo si quiere naloxona jeringas recuperación apoyo grupos "
    "consejería administración de casos vivienda solicitudes transporte a citas ropa de "
    "emergencia duchas lavandería cargar teléfono correo sobrevivientes de violencia trata "
    "explotación planificación de seguridad atención clínica médica salud mujeres niños"
).split()
NAME_HEADS = ("Community", "Family", "Health", "Recovery", "Hope", "Harbor", "Bridge",
              "Valley", "River", "Neighborhood", "Unity", "New Start", "Open Door", "Safe")
NAME_TAILS = ("Center", "Clinic", "Services", "Project", "Collective", "Network", "House",
              "Program", "Partnership", "Outreach")
ES_TAILS = ("Centro", "Clínica", "Servicios", "Proyecto", "Colectivo", "Red", "Casa",
            "Programa", "Alianza", "Acercamiento")
TAGS = ("std", "ets", "narcan", "naloxona", "prep", "hiv", "vih", "food", "comida",
        "shelter", "refugio", "lawyer", "abogado", "detox", "recovery", "rides", "clinic")


def _sentence_text(rng: random.Random, words: tuple[str, ...] | list[str],
                   low: int, high: int) -> str:
    target = rng.randint(low, high)
    out: list[str] = []
    length = 0
    while length < target:
        n = rng.randint(6, 14)
        sentence = " ".join(rng.choice(words) for _ in range(n))
        sentence = sentence[0].upper() + sentence[1:] + "."
        out.append(sentence)
        length += len(sentence) + 1
    return " ".join(out)[:high].rstrip(" ,") + ("" if out[-1].endswith(".") else ".")


def _phone(rng: random.Random) -> str:
    while True:
        exchange = rng.randint(200, 999)
        if exchange != 555:
            break
    area = rng.choice(AREA_CODES)
    line = rng.randint(0, 9999)
    form = rng.randrange(3)
    if form == 0:
        return f"({area}) {exchange}-{line:04d}"
    if form == 1:
        return f"{area}-{exchange}-{line:04d}"
    return f"+1 {area} {exchange} {line:04d}"


def _hours(rng: random.Random) -> Any:
    kind = rng.random()
    if kind < 0.1:
        return "always"
    if kind < 0.2:
        return None
    start = rng.choice((7, 8, 9, 10))
    end = rng.choice((16, 17, 18, 20))
    days: dict[str, list[str]] = {}
    for day in ("mon", "tue", "wed", "thu", "fri"):
        days[day] = [f"{start:02d}:00-{end:02d}:00"]
    if rng.random() < 0.3:
        days["sat"] = ["10:00-14:00"]
    if rng.random() < 0.1:
        days["fri"] = ["09:00-12:00", "13:00-17:00"]
    return days


def _name(rng: random.Random, town: str) -> tuple[str, str]:
    head, tail = rng.choice(NAME_HEADS), rng.randrange(len(NAME_TAILS))
    en = f"{town} {head} {NAME_TAILS[tail]}"
    es = f"{ES_TAILS[tail]} {head} de {town}"
    extra = rng.choice(("", " for Women", " and Recovery", " of Greater Connecticut",
                        " Walk-In Program"))
    extra_es = {"": "", " for Women": " para Mujeres", " and Recovery": " y Recuperación",
                " of Greater Connecticut": " del Gran Connecticut",
                " Walk-In Program": " sin Cita"}[extra]
    en, es = (en + extra)[:60], (es + extra_es)[:60]
    while len(en) < 20:
        en += " Center"
    while len(es) < 20:
        es += " Centro"
    return en, es


def resource_data(rng: random.Random, index: int) -> dict[str, Any]:
    county = rng.choice(list(TOWNS))
    town = rng.choice(TOWNS[county])
    main = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
    cats = [main]
    if rng.random() < 0.25:
        other = rng.choice(CATEGORIES)
        if other != main and other != LARGEST:
            cats.append(other)
    name_en, name_es = _name(rng, town)
    phones: list[Any] = []
    for i in range(rng.randint(1, 3)):
        number = _phone(rng)
        if i == 0:
            phones.append({"number": number,
                           "label": {"en": "Main line", "es": "Línea principal"}})
        elif rng.random() < 0.5:
            phones.append({"number": number, "kind": "hotline",
                           "hours": {"en": "24 hours", "es": "24 horas"}})
        else:
            phones.append(number)
    record: dict[str, Any] = {
        "id": f"res-{index:06d}",
        "name": {"en": name_en, "es": name_es},
        "organization": f"{town} {rng.choice(NAME_HEADS)} Inc.",
        "categories": cats,
        "description": {"en": _sentence_text(rng, EN_WORDS, 150, 400),
                        "es": _sentence_text(rng, ES_WORDS, 150, 400)},
        "phones": phones,
        "website": f"https://example.org/{index}",
        "address": {"street": f"{rng.randint(1, 999)} {rng.choice(STREETS)}", "town": town,
                    "zip": f"06{rng.randint(0, 999):03d}"},
    }
    area = rng.random()
    if area < 0.1:
        record["area"] = {"statewide": True}
    elif area < 0.4:
        record["area"] = {"county": county}
    elif area < 0.6:
        record["area"] = {"towns": rng.sample(TOWNS[county], 3)}
    hours = _hours(rng)
    if hours is not None:
        record["hours"] = hours
    record["cost"] = rng.sample(["free", "sliding_scale", "insurance", "fee"], rng.randint(1, 2))
    record["languages"] = ["en", "es"] if rng.random() < 0.6 else ["en"]
    record["access"] = [rng.choice(["walk_in", "appointment", "call_first", "outreach"])]
    record["tags"] = rng.sample(TAGS, rng.randint(0, 4))
    if main == "help-now":
        record["priority"] = rng.randint(1, 100)
    record["sources"] = [{"ref": f"seeds/{index:06d}.txt", "facts": ["name", "phones"]},
                         {"ref": f"https://example.org/{index}/about", "read": "2026-11-20"}]
    record["verified_on"] = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
    record["verified_by"] = rng.choice(("staff", "outreach team", "volunteer"))
    return record


def categories_data() -> list[dict[str, Any]]:
    return [{"slug": slug, "name": {"en": CATEGORY_NAMES[slug][0], "es": CATEGORY_NAMES[slug][1]},
             "icon": f"{slug}.svg", "position": i + 1}
            for i, slug in enumerate(CATEGORIES)]


def resources(count: int, seed: int = 211) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [resource_data(rng, i) for i in range(count)]


def write(folder: Path, count: int, per_file: int = 10_000, seed: int = 211) -> list[Path]:
    """Write a directory of `count` resources as a folder of files (each well under 120 MB)."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yaml"):
        old.unlink()

    def dump(name: str, data: dict[str, Any]) -> Path:
        path = folder / name
        path.write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False,
                                  width=100), encoding="utf-8")
        return path

    written = [dump("00-categories.yaml", {
        "format": "kiosk-directory/1",
        "directory": {"name": f"Synthetic Connecticut directory ({count})",
                      "region": "Connecticut", "published": "2026-11-23"},
        "categories": categories_data()})]
    records = resources(count, seed)
    for n, start in enumerate(range(0, count, per_file)):
        written.append(dump(f"{n + 1:02d}-resources.yaml", {
            "format": "kiosk-directory/1", "resources": records[start:start + per_file]}))
    return written


def cached(size: int, root: Path | None = None) -> Path:
    """The folder for `size` resources under bench/.cache/, generated the first time."""
    root = root or Path(__file__).parent / ".cache"
    folder = root / f"yaml-{size}-v2"  # v2: web sources carry the day they were read
    marker = folder / ".complete"
    if not marker.exists():
        write(folder, size)
        marker.write_text("ok\n")
    return folder
