"""What one visit has chosen: its language, its look, its handout and what it reported wrong.
Kept in memory only, and put back as new by quick exit and the idle reset (the reports are
written then, as counts with nothing else: `kiosk.directory.reports`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.directory.reports import VisitReports
from kiosk.ui.theme import Theme

MAX_ITEMS = 20  # one printed page or two; also keeps the handout screen's rows few


class Handout(QObject):
    """The places the visitor chose to take away."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ids: list[str] = []

    def add(self, resource_id: str) -> bool:
        if resource_id in self.ids or len(self.ids) >= MAX_ITEMS:
            return False
        self.ids.append(resource_id)
        self.changed.emit()
        return True

    def remove(self, resource_id: str) -> None:
        if resource_id in self.ids:
            self.ids.remove(resource_id)
            self.changed.emit()

    def clear(self) -> None:
        if self.ids:
            self.ids = []
            self.changed.emit()

    def __contains__(self, resource_id: object) -> bool:
        return resource_id in self.ids

    def __len__(self) -> int:
        return len(self.ids)


class Visit(QObject):
    """The visitor's language and look (text size, contrast), their handout and the places
    they said were wrong.

    The screens read it; only the window changes the language and the look, and tells the
    screens through `Screen.retranslate` and `Screen.restyle`."""

    def __init__(self, lang: str = "en", theme: Theme | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.default_lang = lang
        self.default_theme = theme or Theme()
        self.lang = lang
        self.theme = self.default_theme
        self.handout = Handout(self)
        self.reports = VisitReports()

    def pristine(self) -> bool:
        """Nothing chosen yet that quick exit would have to forget."""
        return (not self.handout.ids and not self.reports and self.lang == self.default_lang
                and self.theme == self.default_theme)

    def forget(self) -> None:
        """Back to new (write the reports first: `VisitReports.flush`)."""
        self.handout.clear()
        self.reports.forget()
        self.lang = self.default_lang
        self.theme = self.default_theme
