"""The entries list's rows and the usage report."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from kiosk.directory import usage
from kiosk.staff.entries import entry_rows, towns
from kiosk.staff.usage_report import totals, usage_csv, usage_rows, write_usage_csv
from tests.staff.helpers import filled_store


def test_entry_rows_and_staleness() -> None:
    rows = {r.id: r for r in entry_rows(filled_store())}
    assert rows["clinic"].categories == ("health",) and rows["clinic"].town == "Windham"
    assert rows["hotline"].phone == "(888) 373-7888"
    today = dt.date(2026, 11, 23)
    assert rows["clinic"].is_stale(today, 180)  # never checked
    assert rows["hotline"].days_since_checked(today) == 322
    assert rows["hotline"].is_stale(today, 180) and not rows["hotline"].is_stale(today, 400)
    assert towns(list(rows.values())) == ["Hartford", "Windham"]


def test_usage_per_day_and_month_and_csv(tmp_path: Path) -> None:
    store = filled_store()
    for day, kind, key in [(dt.date(2026, 10, 30), "category", "health"),
                           (dt.date(2026, 11, 1), "category", "health"),
                           (dt.date(2026, 11, 1), "category", "health"),
                           (dt.date(2026, 11, 2), "resource", "clinic"),
                           (dt.date(2026, 11, 2), "sheet", "clinic")]:
        usage.count(store, kind, key, day)
    daily = usage_rows(store, "day")
    assert daily[0].period == "2026-11-02"
    assert ("2026-11-01", "category", "health", "Health and testing", 2) in [
        (r.period, r.kind, r.key, r.name, r.count) for r in daily]
    monthly = usage_rows(store, "month")
    assert [(r.period, r.kind, r.key, r.count) for r in monthly] == [
        ("2026-11", "category", "health", 2), ("2026-11", "resource", "clinic", 1),
        ("2026-11", "sheet", "clinic", 1), ("2026-10", "category", "health", 1)]
    assert totals(monthly) == {"category": 3, "resource": 1, "topic": 0, "sheet": 1}
    table = list(csv.reader(io.StringIO(usage_csv(monthly))))
    assert table[0] == ["period", "what", "id", "name", "count"]
    assert table[1] == ["2026-11", "category viewed", "health", "Health and testing", "2"]
    path = write_usage_csv(store, tmp_path, "month")
    assert path.name == "kiosk-usage-per-month.csv"
    assert path.read_text(encoding="utf-8") == usage_csv(monthly)


def test_entry_rows_of_some_ids() -> None:
    store = filled_store()
    assert [r.id for r in entry_rows(store, ["hotline"])] == ["hotline"]
    assert entry_rows(store, ["gone"]) == []


def test_usage_names_follow_the_staffs_language() -> None:
    from kiosk.directory import usage
    from kiosk.staff.usage_report import usage_rows
    from tests.staff.helpers import filled_store

    store = filled_store()
    usage.count(store, "category", "health")
    usage.count(store, "resource", "clinic")
    assert {r.name for r in usage_rows(store, lang="es")} == {"Salud y pruebas", "Clinic es"}
    assert {r.name for r in usage_rows(store)} == {"Health and testing", "Clinic"}
