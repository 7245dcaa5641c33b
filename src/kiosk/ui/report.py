""""Something wrong here?" under a place: one tap, then what is wrong, then thanks.

The answer is counted in the visit's reports (`kiosk.directory.reports`): one count for the
place and the reason, written when the visit ends with nothing else about it. A visit
reports a place once; coming back to it shows the thanks again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from kiosk.directory.reports import CLOSED, NUMBER, OTHER, REASONS, VisitReports
from kiosk.ui.widgets import text_label


class ReportWrong(QFrame):
    reported = Signal(str, str)  # resource id, reason

    def __init__(self, reports: VisitReports, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report-wrong-box")
        self.reports = reports
        self.resource_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.ask = QPushButton()
        self.ask.setObjectName("report-wrong")
        self.ask.setProperty("variant", "link")
        self.ask.clicked.connect(self.open_choices)
        self.question = text_label(role="section")
        self.question.setObjectName("report-question")
        self.choices: dict[str, QPushButton] = {}
        for reason in REASONS:
            button = QPushButton()
            button.setObjectName(f"report-{reason}")
            button.setProperty("variant", "row")
            button.clicked.connect(self._chosen(reason))
            self.choices[reason] = button
        self.cancel = QPushButton()
        self.cancel.setObjectName("report-cancel")
        self.cancel.clicked.connect(self.close_choices)
        self.thanks = text_label(role="note")
        self.thanks.setObjectName("report-thanks")
        layout.addWidget(self.ask)
        layout.addWidget(self.question)
        for button in self.choices.values():
            layout.addWidget(button)
        layout.addWidget(self.cancel)
        layout.addWidget(self.thanks)
        self.retranslate()
        self._show("ask")

    def set_resource(self, resource_id: str) -> None:
        self.resource_id = resource_id
        self._show("thanks" if self.reports.reported(resource_id) else "ask")

    @Slot()
    def open_choices(self) -> None:
        if self.resource_id and not self.reports.reported(self.resource_id):
            self._show("choose")

    @Slot()
    def close_choices(self) -> None:
        self._show("ask")

    def choosing(self) -> bool:
        return not self.question.isHidden()

    def _chosen(self, reason: str) -> Callable[[], None]:
        def chosen() -> None:
            if self.resource_id and self.reports.add(self.resource_id, reason):
                self.reported.emit(self.resource_id, reason)
            self._show("thanks")
        return chosen

    def _show(self, state: str) -> None:
        self.ask.setVisible(state == "ask")
        for widget in (self.question, *self.choices.values(), self.cancel):
            widget.setVisible(state == "choose")
        self.thanks.setVisible(state == "thanks")

    def retranslate(self) -> None:
        words = {NUMBER: self.tr("The number did not work"),
                 CLOSED: self.tr("The place is closed or gone"),
                 OTHER: self.tr("Something else is wrong")}
        self.ask.setText(self.tr("Something wrong here?"))
        self.ask.setAccessibleName(self.tr("Something wrong here? Tell us"))
        self.question.setText(self.tr("What is wrong?"))
        for reason, button in self.choices.items():
            button.setText(words[reason])
            button.setAccessibleName(words[reason])
        self.cancel.setText(self.tr("Nothing, go back"))
        self.cancel.setAccessibleName(self.cancel.text())
        self.thanks.setText(self.tr("Thank you. Staff will check this place."))
