"""The usage report: the aggregate daily counts, per day or per month, as rows and as CSV.

Only what `kiosk.directory.usage` keeps can be reported: a count per day and per thing.
There is no visitor, visit or time of day to show, because none was ever stored.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from kiosk.directory.spreadsheet import safe_cell
from kiosk.directory.store import Store
from kiosk.directory.usage import KINDS
from kiosk.i18n import QT_TRANSLATE_NOOP

PERIODS = ("day", "month")
# English in the CSV; translated on the admin screen (context "UsageReport").
KIND_WORDS = {"category": QT_TRANSLATE_NOOP("UsageReport", "category viewed"),
              "resource": QT_TRANSLATE_NOOP("UsageReport", "entry viewed"),
              "topic": QT_TRANSLATE_NOOP("UsageReport", "topic viewed"),
              "sheet": QT_TRANSLATE_NOOP("UsageReport", "sheet printed")}
CSV_HEADER = ("period", "what", "id", "name", "count")


@dataclass(frozen=True, slots=True)
class UsageRow:
    period: str  # 2026-11-23, or 2026-11 per month
    kind: str
    key: str
    name: str
    count: int


def _names(store: Store, lang: str = "en") -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    name = "coalesce(nullif(name_es, ''), name_en)" if lang == "es" else "name_en"
    title = "coalesce(nullif(title_es, ''), title_en)" if lang == "es" else "title_en"
    for slug, text in store.db.execute(f"select slug, {name} from categories"):
        out["category", slug] = text or slug
    for rid, text in store.db.execute(f"select id, {name} from resources"):
        out["resource", rid] = out["sheet", rid] = text or rid
    for slug, text in store.db.execute(f"select slug, {title} from topics"):
        out["topic", slug] = out["sheet", slug] = text or slug
    return out


def usage_rows(store: Store, period: str = "day", kinds: tuple[str, ...] = KINDS,
               lang: str = "en") -> list[UsageRow]:
    """Counts summed per `period` and thing, newest period first, biggest count first;
    names in `lang` (the CSV keeps English)."""
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}")
    span = "day" if period == "day" else "substr(day, 1, 7)"
    marks = ",".join("?" * len(kinds))
    names = _names(store, lang)
    return [UsageRow(p, kind, key, names.get((kind, key), key), int(total))
            for p, kind, key, total in store.db.execute(
                f"select {span} as p, kind, key, sum(count) from usage_daily "
                f"where kind in ({marks}) group by p, kind, key "
                "order by p desc, kind, sum(count) desc, key", list(kinds))]


def totals(rows: list[UsageRow]) -> dict[str, int]:
    out = dict.fromkeys(KINDS, 0)
    for row in rows:
        out[row.kind] = out.get(row.kind, 0) + row.count
    return out


def usage_csv(rows: list[UsageRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for r in rows:
        # Names come from directory data; none may run as a formula in a spreadsheet.
        writer.writerow((safe_cell(r.period), safe_cell(KIND_WORDS.get(r.kind, r.kind)),
                         safe_cell(r.key), safe_cell(r.name), r.count))
    return buffer.getvalue()


def write_usage_csv(store: Store, path: Path, period: str = "day") -> Path:
    """The report as a CSV file, written whole or not at all."""
    from kiosk.directory.files import write_atomically

    path = Path(path)
    if path.is_dir():
        path = path / f"kiosk-usage-per-{period}.csv"
    write_atomically(path, usage_csv(usage_rows(store, period)))
    return path
