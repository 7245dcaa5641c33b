"""Small stores for the staff tests, built from model objects."""

from __future__ import annotations

import datetime as dt

from kiosk.directory.hours import WeeklyHours
from kiosk.directory.model import Category, LocalText, Phone, Resource, Source, Topic
from kiosk.directory.phones import parse_number
from kiosk.directory.store import Store


def phone(number: str) -> Phone:
    parsed = parse_number(number)
    return Phone(parsed.number, parsed.display, extension=parsed.extension)


def resource(rid: str = "clinic", name: str = "Clinic", number: str = "(860) 456-2261",
             categories: tuple[str, ...] = ("health",), town: str = "Windham",
             verified_on: dt.date | None = None, status: str = "active") -> Resource:
    from kiosk.directory.model import Address

    return Resource(
        id=rid, name=LocalText(name, f"{name} es"), categories=categories,
        description=LocalText("Free tests.", "Pruebas gratis."),
        sources=(Source("seeds/000.txt", ("phones",)),), phones=(phone(number),),
        address=Address("1 Main St", town, "CT", "06226"),
        hours=WeeklyHours.from_data({"mon": ["09:00-17:00"]}), verified_on=verified_on,
        status=status)


def filled_store(clock: object = None) -> Store:
    store = Store.memory(clock) if clock else Store.memory()  # type: ignore[arg-type]
    for slug, en, es, pos in (("help-now", "Help right now", "Ayuda ahora", 1),
                              ("health", "Health and testing", "Salud y pruebas", 2)):
        store.write_category(Category(slug, LocalText(en, es), position=pos))
    store.write_resource(resource())
    store.write_resource(resource("hotline", "Crisis Line", "1-888-373-7888", ("help-now",),
                                  town="Hartford", verified_on=dt.date(2026, 1, 5)))
    store.write_topic(Topic("is-it-legal", LocalText("Is it legal?", "¿Es legal?"),
                            LocalText("No.", "No."), related=("clinic",)))
    return store
