"""The form for every field of one entry, in English and Spanish, checked as staff type.

Nothing is written until Save: then the form's values become a `Resource` through the same
checks as an imported file, and are saved with a line of history. A problem is shown in
plain words under its field, and the form scrolls to the first one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.list_models import CheckListModel, PhonesModel, SourcesModel
from kiosk.admin.stepper import Stepper
from kiosk.admin.views import TouchTable, tick_list, touch_list
from kiosk.admin.widgets import (
    ChoiceButtons,
    Field,
    button,
    button_row,
    check_box,
    label,
    run_safely,
)
from kiosk.directory.model import ACCESS, COSTS, DAYS, PHONE_KINDS, Resource
from kiosk.staff import checks, history, reported
from kiosk.staff.choices import ACCESS_NAMES, COST_NAMES, DAY_NAMES, KIND_NAMES, choice
from kiosk.staff.forms import Form, empty_resource_form, resource_from_form, resource_to_form


class ResourceEditor(QWidget):
    """Emits `closed(resource_id)` after Save or Cancel (the id is empty after Cancel of
    a new entry), and `history_wanted(resource_id)`."""

    closed = Signal(str)
    saved = Signal(str)
    history_wanted = Signal(str)
    checked_next = Signal(str)  # "Checked today, next" in the work queue
    skip_wanted = Signal()  # the work queue's next entry, this one unchecked

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resource-editor")
        self.setProperty("role", "page")
        self.ctx = ctx
        self.resource_id = ""  # empty while a new entry is not saved yet
        self.last_saved = ""  # the entry Save wrote before closing ("" after Cancel)
        self.form: Form = empty_resource_form()
        self.fields: dict[str, Field] = {}
        self._problems: dict[str, str] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.setContentsMargins(16, 8, 16, 8)
        self.heading = label("", "section")
        self.heading.setObjectName("edit-heading")
        self.save_button = button(self.tr("Save"), "edit-save", "primary")
        self.cancel_button = button(self.tr("Cancel"), "edit-cancel")
        self.checked_button = button(self.tr("Checked today"), "checked-today")
        self.history_button = button(self.tr("History"), "edit-history")
        top.addWidget(self.heading, 1)
        for b in (self.checked_button, self.history_button, self.cancel_button,
                  self.save_button):
            top.addWidget(b)
        outer.addLayout(top)
        self.queue_bar = QFrame()
        self.queue_bar.setObjectName("edit-queue-bar")
        bar = QHBoxLayout(self.queue_bar)
        bar.setContentsMargins(16, 6, 16, 6)
        self.queue_where = label("", "note")
        self.queue_where.setObjectName("edit-queue-where")
        self.skip_button = button(self.tr("Skip"), "edit-queue-skip")
        self.skip_button.clicked.connect(self.skip_wanted.emit)
        bar.addWidget(self.queue_where, 1)
        bar.addWidget(self.skip_button)
        outer.addWidget(self.queue_bar)
        self.queue_bar.hide()
        self.in_queue = False
        self.summary = label("", "problem")
        self.summary.setObjectName("edit-summary")
        self.summary.setContentsMargins(16, 0, 16, 0)
        outer.addWidget(self.summary)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("edit-scroll")
        self.scroll_area.setWidgetResizable(True)
        from kiosk.ui.widgets import enable_finger_scrolling

        body = QWidget()
        body.setProperty("role", "page")
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(16, 8, 24, 24)
        self.body.setSpacing(10)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        self._scroller = enable_finger_scrolling(self.scroll_area)

        self._build_names()
        self._build_categories()
        self._build_phones()
        self._build_place()
        self._build_hours()
        self._build_details()
        self._build_sources()
        self.body.addStretch(1)

        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.checked_button.clicked.connect(self.checked_today)
        self.history_button.clicked.connect(lambda: self.history_wanted.emit(self.resource_id))

    # -- building ---------------------------------------------------------------------------

    def _section(self, title: str) -> None:
        heading = label(title, "section")
        heading.setContentsMargins(0, 16, 0, 0)
        self.body.addWidget(heading)

    def _field(self, key: str, title: str, multiline: bool = False,
               placeholder: str = "", keyboard: str = "") -> Field:
        name = "edit-" + key.replace("_", "-").replace(".", "-")
        f = Field(title, name, multiline, placeholder, keyboard)
        self.fields[key] = f
        return f

    def _pair(self, key: str, title: str, multiline: bool = False) -> QWidget:
        holder = QWidget()
        grid = QHBoxLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        grid.addWidget(self._field(f"{key}_en", self.tr("%1 (English)").replace("%1", title),
                                   multiline), 1)
        grid.addWidget(self._field(f"{key}_es", self.tr("%1 (Spanish)").replace("%1", title),
                                   multiline), 1)
        return holder

    def _build_names(self) -> None:
        self._section(self.tr("Name and description"))
        self.body.addWidget(self._field("id", self.tr("Id (short, never changes)"),
                                        placeholder="windham-clinic"))
        self.body.addWidget(self._pair("name", self.tr("Name")))
        self.body.addWidget(self._pair("discreet_name", self.tr("Name on discreet sheets")))
        self.body.addWidget(self._field("organization", self.tr("Organization")))
        self.body.addWidget(self._pair("description", self.tr("Description"), True))

    def _build_categories(self) -> None:
        self._section(self.tr("Categories"))
        self.categories = CheckListModel()
        self.category_view = tick_list("edit-categories", self.tr("Categories"))
        self.category_view.setModel(self.categories)
        self.category_view.clicked.connect(self._toggle_category)
        self.body.addWidget(self.category_view)
        self.categories_problem = label("", "problem")
        self.categories_problem.setObjectName("edit-categories-problem")
        self.body.addWidget(self.categories_problem)

    @Slot(QModelIndex)
    def _toggle_category(self, index: QModelIndex) -> None:
        self.categories.toggle(index.row())

    def _build_phones(self) -> None:
        self._section(self.tr("Phone numbers (the first is the main one)"))
        self.phones = PhonesModel()
        self.phone_list = touch_list("edit-phones", self.tr("Phone numbers"))
        self.phone_list.setModel(self.phones)
        self.phone_list.selectionModel().currentChanged.connect(self._phone_selected)
        self.body.addWidget(self.phone_list)
        add = button(self.tr("Add a phone"), "phone-add")
        remove = button(self.tr("Remove this phone"), "phone-remove")
        up = button(self.tr("Move up"), "phone-up")
        add.clicked.connect(self._add_phone)
        remove.clicked.connect(self._remove_phone)
        up.clicked.connect(self._phone_up)
        self.body.addWidget(button_row(add, up, remove))

        self.phone_box = QWidget()
        grid = QGridLayout(self.phone_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.phone_fields = {
            "number": Field(self.tr("Number"), "phone-number", placeholder="(860) 456-2261",
                            keyboard="digits"),
            "label_en": Field(self.tr("Label (English)"), "phone-label-en"),
            "label_es": Field(self.tr("Label (Spanish)"), "phone-label-es"),
            "hours_en": Field(self.tr("When to call (English)"), "phone-hours-en"),
            "hours_es": Field(self.tr("When to call (Spanish)"), "phone-hours-es"),
            "message": Field(self.tr("Word to text (for text lines)"), "phone-message"),
        }
        self.phone_kind = ChoiceButtons("phone-kind", self.tr("Kind of number"),
                                        [(k, choice(KIND_NAMES, k)) for k in PHONE_KINDS])
        kind_box = QWidget()
        kind_layout = QVBoxLayout(kind_box)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(label(self.tr("Kind"), "field-title"))
        kind_layout.addWidget(self.phone_kind)
        grid.addWidget(self.phone_fields["number"], 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.phone_fields["message"], 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(kind_box, 1, 0, 1, 2)
        grid.addWidget(self.phone_fields["label_en"], 2, 0)
        grid.addWidget(self.phone_fields["label_es"], 2, 1)
        grid.addWidget(self.phone_fields["hours_en"], 3, 0)
        grid.addWidget(self.phone_fields["hours_es"], 3, 1)
        self.body.addWidget(self.phone_box)
        for key, f in self.phone_fields.items():
            f.edited.connect(lambda key=key, f=f: self._phone_edited(key, f.text()))
        self.phone_kind.chosen.connect(lambda kind: self._phone_edited("kind", kind))

    def _current_phone(self) -> int:
        index = self.phone_list.currentIndex()
        return index.row() if index.isValid() else -1

    @Slot(QModelIndex, QModelIndex)
    def _phone_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        self.phone_box.setEnabled(row >= 0)
        phone = self.phones.rows[row] if row >= 0 else {}
        for key, f in self.phone_fields.items():
            f.set_text(phone.get(key, ""))
        self.phone_kind.set_value(phone.get("kind") or "voice")
        if row >= 0:
            self.phone_fields["number"].set_problem(
                self._problems.get(f"phones.{row}.number", ""))

    def _phone_edited(self, key: str, value: str) -> None:
        row = self._current_phone()
        if row < 0:
            return
        self.phones.update(row, key, value)
        if key == "number":
            # Checked as staff type, once the number looks complete.
            digits = sum(c.isdigit() for c in value)
            problem = checks.phone_problem(value) if digits >= 10 or not value else ""
            self.phone_fields["number"].set_problem(problem)

    @Slot()
    def _add_phone(self) -> None:
        row = self.phones.add()
        self.phone_list.setCurrentIndex(self.phones.index(row, 0))
        self.phone_fields["number"].edit.setFocus()

    @Slot()
    def _remove_phone(self) -> None:
        row = self._current_phone()
        self.phones.remove(row)
        if self.phones.rowCount():
            self.phone_list.setCurrentIndex(self.phones.index(max(0, row - 1), 0))
        else:
            self._phone_selected(QModelIndex(), QModelIndex())

    @Slot()
    def _phone_up(self) -> None:
        row = self._current_phone()
        if self.phones.move_up(row):
            self.phone_list.setCurrentIndex(self.phones.index(row - 1, 0))

    def _build_place(self) -> None:
        self._section(self.tr("Web, email and address"))
        from kiosk.admin.widgets import row

        self.body.addWidget(row(self._field("website", self.tr("Web address"),
                                            placeholder="https://"),
                                self._field("email", self.tr("Email"))))
        self.body.addWidget(self._field("street", self.tr("Street")))
        self.body.addWidget(row(self._field("town", self.tr("Town")),
                                self._field("state", self.tr("State")),
                                self._field("zip", self.tr("ZIP code"),
                                            placeholder="06226", keyboard="digits")))
        self._section(self.tr("Who it serves"))
        self.statewide = check_box(self.tr("All of Connecticut"), "edit-statewide")
        self.national = check_box(self.tr("The whole country"), "edit-national")
        self.body.addWidget(button_row(self.statewide, self.national))
        self.body.addWidget(row(self._field("county", self.tr("County")),
                                self._field("towns", self.tr("Towns (with commas)"))))

    def _build_hours(self) -> None:
        self._section(self.tr("Opening hours"))
        self.hours_mode = QButtonGroup(self)
        modes = QWidget()
        modes_layout = QHBoxLayout(modes)
        modes_layout.setContentsMargins(0, 0, 0, 0)
        for mode, text in (("unknown", self.tr("Hours unknown")),
                           ("always", self.tr("Open 24/7")),
                           ("days", self.tr("Set the hours of each day"))):
            radio = QRadioButton(text)
            radio.setObjectName(f"hours-{mode}")
            radio.setAccessibleName(text)
            radio.setProperty("mode", mode)
            self.hours_mode.addButton(radio)
            modes_layout.addWidget(radio)
        modes_layout.addStretch(1)
        self.body.addWidget(modes)
        self.hours_mode.buttonToggled.connect(lambda *_: self._hours_mode_changed())
        self.days_box = QWidget()
        grid = QGridLayout(self.days_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        for i, day in enumerate(DAYS):
            f = self._field(f"hours.{day}", choice(DAY_NAMES, day),
                            placeholder=self.tr("Closed, or 09:00-17:00"), keyboard="digits")
            f.edit.setObjectName(f"hours-{day}")
            grid.addWidget(f, i // 2, i % 2)
        self.body.addWidget(self.days_box)
        self.body.addWidget(self._pair("hours_note", self.tr("Note about hours")))

    def _mode(self) -> str:
        checked = self.hours_mode.checkedButton()
        return str(checked.property("mode")) if checked else "unknown"

    def _hours_mode_changed(self) -> None:
        self.days_box.setVisible(self._mode() == "days")

    def _build_details(self) -> None:
        self._section(self.tr("Cost, access and languages"))
        self.cost_boxes = {c: check_box(choice(COST_NAMES, c), f"cost-{c.replace('_', '-')}")
                           for c in COSTS}
        self.body.addWidget(button_row(*self.cost_boxes.values()))
        self.access_boxes = {a: check_box(choice(ACCESS_NAMES, a),
                                          f"access-{a.replace('_', '-')}") for a in ACCESS}
        self.body.addWidget(button_row(*self.access_boxes.values()))
        from kiosk.admin.widgets import row

        self.body.addWidget(row(
            self._field("languages", self.tr("Languages spoken (en, es, ...)")),
            self._field("tags", self.tr("Extra search words (with commas)"))))
        self.body.addWidget(self._pair("eligibility", self.tr("Who can use it")))
        self.body.addWidget(self._pair("confidentiality", self.tr("Privacy")))
        priority_box = QWidget()
        p_layout = QVBoxLayout(priority_box)
        p_layout.setContentsMargins(0, 0, 0, 0)
        p_layout.addWidget(label(self.tr("Priority (higher shows first)"), "field-title"))
        self.priority = Stepper("edit-priority", self.tr("Priority"), -1000, 1000)
        p_layout.addWidget(self.priority)
        self.body.addWidget(button_row(priority_box))

    def _build_sources(self) -> None:
        self._section(self.tr("Sources and notes for staff"))
        self.sources = SourcesModel()
        self.source_view = TouchTable("edit-sources", self.tr("Sources"))
        self.source_view.setModel(self.sources)
        self.source_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.source_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.source_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.body.addWidget(self.source_view)
        self.sources_problem = label("", "problem")
        self.sources_problem.setObjectName("edit-sources-problem")
        self.body.addWidget(self.sources_problem)
        add = button(self.tr("Add a source"), "source-add")
        remove = button(self.tr("Remove this source"), "source-remove")
        add.clicked.connect(self._add_source)
        remove.clicked.connect(
            lambda: self.sources.remove(self.source_view.currentIndex().row()))
        self.body.addWidget(button_row(add, remove))
        self.body.addWidget(self._field("review_notes", self.tr("Notes for staff"), True))
        self.verified = label("", "note")
        self.verified.setObjectName("edit-verified")
        self.body.addWidget(self.verified)

    @Slot()
    def _add_source(self) -> None:
        row = self.sources.add()
        index = self.sources.index(row, 0)
        self.source_view.setCurrentIndex(index)
        self.scroll_area.ensureWidgetVisible(self.source_view)

    # -- loading and saving -----------------------------------------------------------------

    def load(self, resource_id: str) -> None:
        resource = self.ctx.store.resource(resource_id)
        if resource is None:
            return
        self.resource_id = resource_id
        self.last_saved = ""
        self._fill(resource_to_form(resource))
        self.heading.setText(self.tr("Edit: %1").replace("%1", self.ctx.words(resource.name)))

    def new(self, category: str = "") -> None:
        self.resource_id = ""
        self.last_saved = ""
        self._fill(empty_resource_form(category))
        self.heading.setText(self.tr("New entry"))

    def _fill(self, form: Form) -> None:
        self.form = form
        self._problems = {}
        for key, f in self.fields.items():
            if key.startswith("hours."):
                f.set_text(form["hours"].get(key[6:], ""))
            else:
                f.set_text(str(form.get(key, "")))
        self.fields["id"].edit.setReadOnly(bool(self.resource_id))
        self.fields["id"].edit.setProperty("readonly", bool(self.resource_id))
        cats = [(c.slug, self.ctx.words(c.name))
                for c in self.ctx.store.categories(include_hidden=True)]
        self.categories.set_items(cats, form["categories"])
        self.phones.set_rows(form["phones"])
        if form["phones"]:
            self.phone_list.setCurrentIndex(self.phones.index(0, 0))
        else:
            self._phone_selected(QModelIndex(), QModelIndex())
        self.statewide.setChecked(bool(form["statewide"]))
        self.national.setChecked(bool(form["national"]))
        for b in self.hours_mode.buttons():
            b.setChecked(b.property("mode") == form["hours_mode"])
        self._hours_mode_changed()
        for key, box in self.cost_boxes.items():
            box.setChecked(key in form["cost"])
        for key, box in self.access_boxes.items():
            box.setChecked(key in form["access"])
        self.priority.set_value(int(form["priority"]))
        self.sources.set_rows(form["sources"])
        self._show_verified()
        self._show_problems({})
        self.checked_button.setEnabled(True)
        self.history_button.setEnabled(bool(self.resource_id))
        self.scroll_area.verticalScrollBar().setValue(0)

    def _show_verified(self) -> None:
        if self.form.get("verified_on"):
            self.verified.setText(self.tr("Last checked %1 by %2").replace(
                "%1", self.form["verified_on"]).replace(
                "%2", self.form.get("verified_by") or "?"))
        else:
            self.verified.setText(self.tr("Never checked."))

    def values(self) -> Form:
        form: Form = dict(self.form)
        for key, f in self.fields.items():
            if not key.startswith("hours."):
                form[key] = f.text()
        if self.resource_id:
            form["id"] = self.resource_id
        form["hours"] = {d: self.fields[f"hours.{d}"].text() for d in DAYS}
        form["hours_mode"] = self._mode()
        form["categories"] = self.categories.checked_keys()
        form["phones"] = [dict(p) for p in self.phones.rows]
        form["statewide"] = self.statewide.isChecked()
        form["national"] = self.national.isChecked()
        form["cost"] = [c for c, box in self.cost_boxes.items() if box.isChecked()]
        form["access"] = [a for a, box in self.access_boxes.items() if box.isChecked()]
        form["priority"] = self.priority.value()
        form["sources"] = [dict(s) for s in self.sources.rows]
        return form

    def _show_problems(self, problems: dict[str, str]) -> None:
        self._problems = problems
        for key, f in self.fields.items():
            f.set_problem(problems.get(key, ""))
        self.categories_problem.setText(problems.get("categories", ""))
        self.categories_problem.setVisible("categories" in problems)
        source_problems = [v for k, v in problems.items() if k.startswith("sources")]
        self.sources_problem.setText(source_problems[0] if source_problems else "")
        self.sources_problem.setVisible(bool(source_problems))
        phone_rows = sorted(int(k.split(".")[1]) for k in problems
                            if k.startswith("phones.") and k.split(".")[1].isdigit())
        if phone_rows:
            self.phone_list.setCurrentIndex(self.phones.index(phone_rows[0], 0))
            self.phone_fields["number"].set_problem(
                problems.get(f"phones.{phone_rows[0]}.number", ""))
        elif self._current_phone() >= 0:
            self.phone_fields["number"].set_problem("")
        count = len(problems)
        self._say("" if not count else self.tr(
            "Nothing was saved. Fix the field marked in red.") if count == 1 else self.tr(
            "Nothing was saved. Fix the %1 fields marked in red.").replace("%1", str(count)))
        if count:
            self._scroll_to_first(problems)

    def _scroll_to_first(self, problems: dict[str, str]) -> None:
        targets: list[QWidget] = []
        for key in problems:
            if key in self.fields:
                targets.append(self.fields[key])
            elif key.startswith("phones."):
                targets.append(self.phone_box)
            elif key == "categories":
                targets.append(self.category_view)
            elif key.startswith("sources"):
                targets.append(self.source_view)
        inner = self.scroll_area.widget()
        if targets and inner is not None:
            first = min(targets, key=lambda w: w.mapTo(inner, w.rect().topLeft()).y())
            self.scroll_area.ensureWidgetVisible(first, 0, 80)

    def _known_categories(self) -> set[str]:
        return {c.slug for c in self.ctx.store.categories(include_hidden=True)}

    def _build(self, **overrides: Any) -> Any:
        form = {**self.values(), **overrides}
        if not self.resource_id:
            taken = self.ctx.store.resource(form.get("id", "").strip())
            if taken is not None:
                self._show_problems({"id": self.tr("Another entry already has this id.")})
                return None
        resource, problems = resource_from_form(form, self._known_categories())
        self._show_problems(problems)
        return resource

    @Slot()
    def save(self) -> bool:
        resource = self._build()
        if resource is None:
            return False
        old = self.ctx.store.resource(resource.id)
        action = "new" if old is None else "edit"
        if (old is None or old != resource) and not run_safely(
                lambda: history.save_resource(self.ctx.store, resource, self.ctx.who, action),
                self._say):
            return False
        self.ctx.changed()
        self.resource_id = resource.id
        self.last_saved = resource.id
        self.saved.emit(resource.id)
        self.closed.emit(resource.id)
        return True

    def set_queue(self, where: str) -> None:
        """Opened from the work queue: say where in it, and go on to the next entry after
        "Checked today"."""
        self.in_queue = True
        self.queue_where.setText(where)
        self.queue_bar.show()
        self.checked_button.setText(self.tr("Checked today, next"))
        self.checked_button.setAccessibleName(self.checked_button.text())
        self._emphasise(self.checked_button)  # the fastest path is the one that stands out

    def leave_queue(self) -> None:
        self.in_queue = False
        self.queue_bar.hide()
        self.checked_button.setText(self.tr("Checked today"))
        self.checked_button.setAccessibleName(self.checked_button.text())
        self._emphasise(self.save_button)

    def _emphasise(self, primary: QWidget) -> None:
        for b in (self.checked_button, self.save_button):
            variant = "primary" if b is primary else ""
            if b.property("variant") != variant:
                b.setProperty("variant", variant)
                b.style().unpolish(b)
                b.style().polish(b)

    @Slot()
    def _save_checked(self, resource: Resource, action: str) -> None:
        """Checked, and what visitors reported about it dealt with, in one transaction."""
        with self.ctx.store.db.atomic():
            history.save_resource(self.ctx.store, resource, self.ctx.who, action)
            reported.clear_reported(self.ctx.store, resource.id)

    def checked_today(self) -> bool:
        """Save what is on the form, marked as checked today by the person signed in."""
        resource = self._build(verified_on=self.ctx.today().isoformat(),
                               verified_by=self.ctx.who)
        if resource is None:
            return False
        old = self.ctx.store.resource(resource.id)
        if old is not None and old.with_changes(verified_on=resource.verified_on,
                                                verified_by=resource.verified_by) == resource:
            action = "checked"
        else:
            action = "new" if old is None else "edit"
        if not run_safely(lambda: self._save_checked(resource, action), self._say):
            return False
        self.ctx.changed()
        self.resource_id = resource.id
        self.form = resource_to_form(resource)
        self._show_verified()
        self.saved.emit(resource.id)
        self._say(self.tr("Saved and marked as checked today."), "status")
        if self.in_queue:
            self.checked_next.emit(resource.id)
        return True

    def _say(self, text: str, role: str = "problem") -> None:
        """A problem in red, or what was just done in the colour of "done"."""
        if self.summary.property("role") != role:
            self.summary.setProperty("role", role)
            self.summary.style().unpolish(self.summary)
            self.summary.style().polish(self.summary)
        self.summary.setText(text)
        self.summary.setVisible(bool(text))

    @Slot()
    def cancel(self) -> None:
        self._show_problems({})
        self.last_saved = ""
        self.closed.emit(self.resource_id)
