"""Large made-up directories, for speed measurements and for interrupting long imports."""

from __future__ import annotations

from kiosk.directory.hours import WeeklyHours
from kiosk.directory.model import Address, Category, Directory, LocalText, Phone, Resource, Source

TOWNS = ("Windham", "Mansfield", "Putnam", "Killingly", "Norwich", "Hartford")


def big_directory(count: int, tag: str = "") -> Directory:
    """`count` resources across four categories; `tag` changes every name and number."""
    categories = [Category(slug, LocalText(slug.title(), slug.title()), position=i)
                  for i, slug in enumerate(("help-now", "health", "basic-needs", "legal"))]
    hours = WeeklyHours.from_data({"mon": ["09:00-17:00"], "wed": ["09:00-12:00",
                                                                   "13:00-19:00"]})
    resources = []
    for i in range(count):
        line = (i * 7 + (len(tag) * 13)) % 9000 + 1000
        number = f"+1860555{line % 10000:04d}"
        resources.append(Resource(
            id=f"res-{i:06d}",
            name=LocalText(f"Service {i} {tag}".strip(), f"Servicio {i} {tag}".strip()),
            categories=(categories[i % 4].slug,),
            description=LocalText(f"Help of kind {i % 17} {tag}.",
                                  f"Ayuda de tipo {i % 17} {tag}."),
            sources=(Source(f"seeds/{i:06d}.txt"),),
            organization=f"Organisation {i // 5}",
            phones=(Phone(number, f"(860) 555-{line % 10000:04d}"),),
            address=Address(f"{i} Main St", TOWNS[i % len(TOWNS)], "CT", "06226"),
            hours=hours,
            languages=("en", "es") if i % 3 else ("en",),
        ))
    return Directory(categories=categories, resources=resources)
