"""Places visitors said were wrong ("Something wrong here?"), most reported first, for the
staff's work queue: it is how a kiosk learns that a number went dead.

Only what `kiosk.directory.reports` keeps can be shown: a count per place and reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.directory.reports import CLOSED, NUMBER, OTHER, REASONS
from kiosk.directory.store import Store
from kiosk.i18n import QT_TRANSLATE_NOOP, translate, translated

# English for logs and files; translated on the admin screen (context "ReportedWrong").
REASON_WORDS = {NUMBER: QT_TRANSLATE_NOOP("ReportedWrong", "the number did not work"),
                CLOSED: QT_TRANSLATE_NOOP("ReportedWrong", "closed or gone"),
                OTHER: QT_TRANSLATE_NOOP("ReportedWrong", "something else")}


@dataclass(frozen=True, slots=True)
class Reported:
    resource_id: str
    name: str  # the English name; the id when the entry is no longer in the directory
    counts: tuple[tuple[str, int], ...]  # (reason, count), in the order of REASONS

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def count(self, reason: str) -> int:
        return dict(self.counts).get(reason, 0)

    def sentence(self) -> str:
        """One line for the work queue, in the language on screen."""
        head = (translate("ReportedWrong", "Reported wrong by a visitor once") if self.total == 1
                else translate("ReportedWrong", "Reported wrong by visitors %1 times")
                .replace("%1", str(self.total)))
        reasons = ", ".join(f"{translated('ReportedWrong', REASON_WORDS[r])} ({n})"
                            for r, n in self.counts)
        return f"{head}: {reasons}"


def reported_wrong(store: Store) -> list[Reported]:
    """Every place with a report, most reported first (then by name)."""
    by_place: dict[str, dict[str, int]] = {}
    names: dict[str, str] = {}
    for rid, reason, count, name in store.db.execute(
            "select w.resource_id, w.reason, w.count, r.name_en from reported_wrong w "
            "left join resources r on r.id = w.resource_id where w.count > 0"):
        by_place.setdefault(rid, {})[reason] = int(count)
        names[rid] = name or rid
    rows = [Reported(rid, names[rid], tuple((r, counts[r]) for r in REASONS if r in counts))
            for rid, counts in by_place.items()]
    return sorted(rows, key=lambda row: (-row.total, row.name.casefold(), row.resource_id))


def clear_reported(store: Store, resource_id: str) -> None:
    """Staff checked the place: its reports are dealt with."""
    store.db.execute("delete from reported_wrong where resource_id = ?", [resource_id])
