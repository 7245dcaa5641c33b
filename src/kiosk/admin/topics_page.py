"""Topics: the short information pages, in both languages, with their sources."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.list_models import KEY_ROLE, CheckListModel, KeyedListModel, SourcesModel
from kiosk.admin.widgets import TARGET, Field, button, button_row, check_box, label, row
from kiosk.staff import history
from kiosk.staff.forms import Form, topic_from_form, topic_to_form


class TopicsPage(QWidget):
    history_wanted = Signal(str)

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topics-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        self.slug = ""
        self.form: Form = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        left = QVBoxLayout()
        self.model = KeyedListModel()
        self.list = QListView()
        self.list.setObjectName("topic-list")
        self.list.setAccessibleName(self.tr("Topics"))
        self.list.setModel(self.model)
        self.list.setMinimumWidth(240)
        self.list.clicked.connect(self._picked)
        left.addWidget(self.list, 1)
        self.new_button = button(self.tr("New topic"), "topic-new")
        self.new_button.clicked.connect(self.new)
        left.addWidget(self.new_button)
        layout.addLayout(left, 1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        body.setProperty("role", "page")
        form = QVBoxLayout(body)
        scroll.setWidget(body)
        from kiosk.ui.widgets import enable_finger_scrolling

        self._scroller = enable_finger_scrolling(scroll)
        outer_right = QVBoxLayout()
        top = QHBoxLayout()
        self.heading = label("", "section")
        self.heading.setObjectName("topic-heading")
        self.save_button = button(self.tr("Save"), "topic-save", "primary")
        self.cancel_button = button(self.tr("Cancel"), "topic-cancel")
        self.checked_button = button(self.tr("Checked today"), "topic-checked-today")
        self.history_button = button(self.tr("History"), "topic-history")
        outer_right.addWidget(self.heading)
        top.addStretch(1)
        for b in (self.checked_button, self.history_button, self.cancel_button,
                  self.save_button):
            top.addWidget(b)
        outer_right.addLayout(top)
        self.message = label("", "status")
        self.message.setObjectName("topic-message")
        outer_right.addWidget(self.message)
        outer_right.addWidget(scroll, 1)
        layout.addLayout(outer_right, 3)

        def f(key: str, title: str, multiline: bool = False) -> Field:
            field = Field(title, "topic-" + key.replace("_", "-"), multiline)
            self.fields[key] = field
            return field

        self.fields: dict[str, Field] = {}
        form.addWidget(f("slug", self.tr("Id (short, never changes)")))
        form.addWidget(row(f("title_en", self.tr("Title (English)")),
                           f("title_es", self.tr("Title (Spanish)"))))
        form.addWidget(row(f("summary_en", self.tr("One line under the title (English)")),
                           f("summary_es", self.tr("One line under the title (Spanish)"))))
        note = label(self.tr("Text: a blank line starts a new paragraph; a line starting "
                             "with \"- \" is a list item."), "note")
        form.addWidget(note)
        form.addWidget(row(f("body_en", self.tr("Text (English)"), True),
                           f("body_es", self.tr("Text (Spanish)"), True)))
        for key in ("body_en", "body_es"):
            self.fields[key].edit.setMinimumHeight(260)
        form.addWidget(f("related", self.tr("Related entries: their ids, with commas")))
        self.position = QSpinBox()
        self.position.setObjectName("topic-position")
        self.position.setAccessibleName(self.tr("Order"))
        self.position.setRange(0, 999)
        self.position.setMinimumHeight(TARGET)
        self.position.setButtonSymbols(QSpinBox.ButtonSymbols.PlusMinus)
        self.sensitive = check_box(self.tr("Leave its title off discreet sheets"),
                                   "topic-sensitive")
        order = QWidget()
        order_layout = QVBoxLayout(order)
        order_layout.setContentsMargins(0, 0, 0, 0)
        order_layout.addWidget(label(self.tr("Order"), "field-title"))
        order_layout.addWidget(self.position)
        form.addWidget(button_row(order, self.sensitive))
        form.addWidget(label(self.tr("Shown on these category screens"), "field-title"))
        self.categories = CheckListModel()
        self.category_view = QListView()
        self.category_view.setObjectName("topic-categories")
        self.category_view.setAccessibleName(self.tr("Categories"))
        self.category_view.setModel(self.categories)
        self.category_view.setFlow(QListView.Flow.LeftToRight)
        self.category_view.setWrapping(True)
        self.category_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.category_view.setMinimumHeight(TARGET * 3)
        self.category_view.clicked.connect(lambda i: self.categories.toggle(i.row()))
        form.addWidget(self.category_view)
        form.addWidget(label(self.tr("Sources"), "field-title"))
        self.sources = SourcesModel()
        self.source_view = QTableView()
        self.source_view.setObjectName("topic-sources")
        self.source_view.setModel(self.sources)
        self.source_view.setMinimumHeight(TARGET * 3)
        self.source_view.verticalHeader().hide()
        self.source_view.verticalHeader().setDefaultSectionSize(TARGET)
        self.source_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.source_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        form.addWidget(self.source_view)
        add = button(self.tr("Add a source"), "topic-source-add")
        add.clicked.connect(lambda: self.source_view.setCurrentIndex(self.sources.index(
            self.sources.add(), 0)))
        form.addWidget(button_row(add))
        form.addWidget(f("review_notes", self.tr("Notes for staff"), True))
        self.verified = label("", "note")
        self.verified.setObjectName("topic-verified")
        form.addWidget(self.verified)
        form.addStretch(1)

        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(lambda: self.load(self.slug) if self.slug
                                           else self.new())
        self.checked_button.clicked.connect(self.checked_today)
        self.history_button.clicked.connect(lambda: self.history_wanted.emit(self.slug))
        self.reload()

    def reload(self) -> None:
        topics = self.ctx.store.topics()
        self.model.set_items([(t.slug, t.title.en) for t in topics])
        if self.slug and self.ctx.store.topic(self.slug):
            self.load(self.slug)
        elif topics:
            self.load(topics[0].slug)
        else:
            self.new()

    @Slot(QModelIndex)
    def _picked(self, index: QModelIndex) -> None:
        self.load(str(index.data(KEY_ROLE)))

    def load(self, slug: str) -> None:
        topic = self.ctx.store.topic(slug)
        if topic is None:
            return
        self.slug = slug
        self.heading.setText(self.tr("Topic: %1").replace("%1", topic.title.en))
        self._fill(topic_to_form(topic))
        self.list.setCurrentIndex(self.model.index(self.model.row_of(slug), 0))

    @Slot()
    def new(self) -> None:
        self.slug = ""
        self.heading.setText(self.tr("New topic"))
        self._fill({"slug": "", "position": len(self.ctx.store.topics()) + 1,
                    "sensitive": False, "related": "", "categories": [], "sources": [],
                    "verified_on": "", "verified_by": ""})

    def _fill(self, form: Form) -> None:
        self.form = form
        for key, field in self.fields.items():
            field.set_text(str(form.get(key, "")))
        self.fields["slug"].edit.setReadOnly(bool(self.slug))
        self.position.setValue(int(form.get("position") or 0))
        self.sensitive.setChecked(bool(form.get("sensitive")))
        self.categories.set_items([(c.slug, c.name.en) for c in
                                   self.ctx.store.categories(include_hidden=True)],
                                  list(form.get("categories", [])))
        self.sources.set_sources(form.get("sources", []))
        self.verified.setText(self.tr("Last checked %1 by %2").replace(
            "%1", form["verified_on"]).replace("%2", form.get("verified_by") or "?")
            if form.get("verified_on") else self.tr("Never checked."))
        self.history_button.setEnabled(bool(self.slug))
        self.checked_button.setEnabled(bool(self.slug))
        self.message.setText("")

    def values(self) -> Form:
        form: Form = dict(self.form)
        form.update({key: field.text() for key, field in self.fields.items()})
        if self.slug:
            form["slug"] = self.slug
        form["position"] = self.position.value()
        form["sensitive"] = self.sensitive.isChecked()
        form["categories"] = self.categories.checked_keys()
        form["sources"] = [dict(s) for s in self.sources.sources]
        return form

    def _build(self, **overrides: str) -> object:
        known = {r[0] for r in self.ctx.store.db.execute("select id from resources")}
        topic, problems = topic_from_form({**self.values(), **overrides}, known)
        if not self.slug and topic is not None and self.ctx.store.topic(topic.slug):
            topic, problems = None, {"slug": self.tr("Another topic has this id.")}
        for key, field in self.fields.items():
            field.set_problem(problems.get(key, ""))
        if topic is None:
            self.message.setText(self.tr("Nothing was saved. Fix the fields marked in red."))
        return topic

    @Slot()
    def save(self) -> bool:
        topic = self._build()
        if topic is None:
            return False
        if self.ctx.store.topic(topic.slug) != topic:  # type: ignore[attr-defined]
            history.save_topic(self.ctx.store, topic, self.ctx.who,  # type: ignore[arg-type]
                               "edit" if self.slug else "new")
            self.ctx.changed()
        self.slug = topic.slug  # type: ignore[attr-defined]
        self.reload()
        self.message.setText(self.tr("Saved."))
        return True

    @Slot()
    def checked_today(self) -> bool:
        topic = self._build(verified_on=self.ctx.today().isoformat(), verified_by=self.ctx.who)
        if topic is None:
            return False
        history.save_topic(self.ctx.store, topic, self.ctx.who, "checked")  # type: ignore[arg-type]
        self.ctx.changed()
        self.reload()
        self.message.setText(self.tr("Saved and marked as checked today."))
        return True
