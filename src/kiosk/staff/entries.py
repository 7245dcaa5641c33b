"""The staff's list of all entries: light rows for thousands of resources, and the filters
("not yet checked", "checked more than N days ago", inactive, per category, per town)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from kiosk.directory.sql_ids import among, ids_param
from kiosk.directory.store import Store


@dataclass(frozen=True, slots=True)
class EntryRow:
    id: str
    name: str
    name_es: str
    town: str
    categories: tuple[str, ...]
    phone: str
    status: str
    verified_on: dt.date | None
    verified_by: str

    @property
    def active(self) -> bool:
        return self.status == "active"

    def days_since_checked(self, today: dt.date) -> int | None:
        return None if self.verified_on is None else (today - self.verified_on).days

    def is_stale(self, today: dt.date, stale_days: int) -> bool:
        """Never checked, or checked longer ago than `stale_days`."""
        days = self.days_since_checked(today)
        return days is None or days > stale_days


def entry_rows(store: Store, ids: list[str] | None = None) -> list[EntryRow]:
    """All entries by name, or only `ids` (to refresh the rows just saved)."""
    where, params = "", []
    if ids is not None:
        where = " where " + among("{col}")
        params = [ids_param(ids)]
    cats: dict[str, list[str]] = {}
    for rid, cat in store.db.execute(
            "select resource_id, category from resource_categories"
            + where.format(col="resource_id") + " order by resource_id, position", params):
        cats.setdefault(rid, []).append(cat)
    out = []
    for rid, name, name_es, town, area, phone, status, verified_on, verified_by in \
            store.db.execute("select id, name_en, name_es, town, area, main_phone, status, "
                             "verified_on, verified_by from resources" + where.format(col="id")
                             + " order by name_en collate nocase", params):
        if not town:
            towns = json.loads(area or "{}").get("towns") or []
            town = towns[0] if len(towns) == 1 else ""
        out.append(EntryRow(rid, name or "", name_es or "", town or "",
                            tuple(cats.get(rid, ())), phone or "", status or "active",
                            dt.date.fromisoformat(verified_on) if verified_on else None,
                            verified_by or ""))
    return out


def towns(rows: list[EntryRow]) -> list[str]:
    return sorted({r.town for r in rows if r.town}, key=str.casefold)
