"""The shape the categories and topics sections share: the list to pick from on the left,
the picked one's form on the right, and Save, Cancel and History under one heading."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.admin.context import AdminContext
from kiosk.admin.list_models import KEY_ROLE, KeyedListModel
from kiosk.admin.views import touch_list
from kiosk.admin.widgets import Field, button, label


class EditorPage(QWidget):
    """Subclasses name the list and the New button, build the form (placing `heading`,
    `message` and the buttons where they want them) and fill in `items`, `exists`, `load`,
    `new` and `save`. `kind` names the widgets: `<kind>-list`, `<kind>-save`, ..."""

    history_wanted = Signal(str)

    def __init__(self, ctx: AdminContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{kind}s-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        self.slug = ""  # the one being edited; "" while a new one is not saved yet
        self.fields: dict[str, Field] = {}
        self.columns = QHBoxLayout(self)
        self.columns.setContentsMargins(16, 8, 16, 16)
        left = QVBoxLayout()
        self.model = KeyedListModel()
        self.list = touch_list(f"{kind}-list", "")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)  # long titles on two lines, not cut short
        self.list.clicked.connect(self._picked)
        left.addWidget(self.list, 1)
        self.new_button = button("", f"{kind}-new")  # its words: the subclass's
        self.new_button.clicked.connect(self.new)
        left.addWidget(self.new_button)
        self.columns.addLayout(left, 1)

        self.heading = label("", "section")
        self.heading.setObjectName(f"{kind}-heading")
        self.message = label("", "status")
        self.message.setObjectName(f"{kind}-message")
        self.save_button = button(self.tr("Save"), f"{kind}-save", "primary")
        self.cancel_button = button(self.tr("Cancel"), f"{kind}-cancel")
        self.history_button = button(self.tr("History"), f"{kind}-history")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.history_button.clicked.connect(lambda: self.history_wanted.emit(self.slug))

    # -- what a section fills in ------------------------------------------------------------

    def items(self) -> list[tuple[str, str]]:
        """(key, text) of each row of the list."""
        raise NotImplementedError

    def exists(self, slug: str) -> bool:
        raise NotImplementedError

    def load(self, slug: str) -> None:
        raise NotImplementedError

    @Slot()
    def new(self) -> None:
        raise NotImplementedError

    @Slot()
    def save(self) -> bool:
        raise NotImplementedError

    # -- shared -----------------------------------------------------------------------------

    def reload(self) -> None:
        items = self.items()
        self.model.set_items(items)
        if self.slug and self.exists(self.slug):
            self.load(self.slug)
        elif items:
            self.load(items[0][0])
        else:
            self.new()

    @Slot(QModelIndex)
    def _picked(self, index: QModelIndex) -> None:
        self.load(str(index.data(KEY_ROLE)))

    @Slot()
    def cancel(self) -> None:
        """Forget what was typed: the saved one again, or an empty form."""
        if self.slug:
            self.load(self.slug)
        else:
            self.new()

    def select(self, slug: str) -> None:
        self.list.setCurrentIndex(self.model.index(self.model.row_of(slug), 0))

    def show_problems(self, problems: dict[str, str]) -> bool:
        """Each problem under its field; True when there is none."""
        for key, field in self.fields.items():
            field.set_problem(problems.get(key, ""))
        if problems:
            self.message.setText(self.tr("Nothing was saved. Fix the fields marked in red."))
        return not problems

    def saved(self) -> None:
        self.message.setText(self.tr("Saved."))
