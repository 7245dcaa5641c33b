"""Topics: the short information pages, in both languages, with their sources."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.editor_page import EditorPage
from kiosk.admin.list_models import CheckListModel, SourcesModel
from kiosk.admin.stepper import Stepper
from kiosk.admin.views import TouchTable, tick_list
from kiosk.admin.widgets import Field, button, button_row, check_box, label, row
from kiosk.directory.model import Topic
from kiosk.staff import history
from kiosk.staff.forms import Form, topic_from_form, topic_to_form


class TopicsPage(EditorPage):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "topic", parent)
        self.list.setAccessibleName(self.tr("Topics"))
        self.new_button.setText(self.tr("New topic"))
        self.new_button.setAccessibleName(self.new_button.text())
        self.form: Form = {}

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setProperty("role", "page")
        form = QVBoxLayout(body)
        form.setContentsMargins(0, 0, 12, 0)
        scroll.setWidget(body)
        from kiosk.ui.widgets import enable_finger_scrolling

        self._scroller = enable_finger_scrolling(scroll)
        outer_right = QVBoxLayout()
        top = QHBoxLayout()
        self.checked_button = button(self.tr("Checked today"), "topic-checked-today")
        outer_right.addWidget(self.heading)
        top.addWidget(self.message, 1)
        for b in (self.checked_button, self.history_button, self.cancel_button,
                  self.save_button):
            top.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        outer_right.addLayout(top)
        outer_right.addWidget(scroll, 1)
        self.columns.addLayout(outer_right, 3)

        def f(key: str, title: str, multiline: bool = False) -> Field:
            field = Field(title, "topic-" + key.replace("_", "-"), multiline)
            self.fields[key] = field
            return field

        form.addWidget(f("slug", self.tr("Id (short, never changes)")))
        form.addWidget(row(f("title_en", self.tr("Title (English)")),
                           f("title_es", self.tr("Title (Spanish)"))))
        form.addWidget(row(f("summary_en", self.tr("One line under the title (English)"), True),
                           f("summary_es", self.tr("One line under the title (Spanish)"),
                             True)))
        note = label(self.tr("Text: a blank line starts a new paragraph; a line starting "
                             "with \"- \" is a list item."), "note")
        form.addWidget(note)
        form.addWidget(row(f("body_en", self.tr("Text (English)"), True),
                           f("body_es", self.tr("Text (Spanish)"), True)))
        form.addWidget(f("related", self.tr("Related entries: their ids, with commas")))
        self.position = Stepper("topic-position", self.tr("Order"), 0, 999)
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
        self.category_view = tick_list("topic-categories", self.tr("Categories"))
        self.category_view.setModel(self.categories)
        self.category_view.clicked.connect(lambda i: self.categories.toggle(i.row()))
        form.addWidget(self.category_view)
        form.addWidget(label(self.tr("Sources"), "field-title"))
        self.sources = SourcesModel()
        self.source_view = TouchTable("topic-sources", self.tr("Sources"))
        self.source_view.setModel(self.sources)
        self.source_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
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

        self.checked_button.clicked.connect(self.checked_today)
        self.reload()

    def items(self) -> list[tuple[str, str]]:
        return [(t.slug, self.ctx.words(t.title)) for t in self.ctx.store.topics()]

    def exists(self, slug: str) -> bool:
        return self.ctx.store.topic(slug) is not None

    def load(self, slug: str) -> None:
        topic = self.ctx.store.topic(slug)
        if topic is None:
            return
        self.slug = slug
        self.heading.setText(self.tr("Topic: %1").replace("%1", self.ctx.words(topic.title)))
        self._fill(topic_to_form(topic))
        self.select(slug)

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
        self.position.set_value(int(form.get("position") or 0))
        self.sensitive.setChecked(bool(form.get("sensitive")))
        self.categories.set_items([(c.slug, self.ctx.words(c.name)) for c in
                                   self.ctx.store.categories(include_hidden=True)],
                                  list(form.get("categories", [])))
        self.sources.set_rows(form.get("sources", []))
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
        form["sources"] = [dict(s) for s in self.sources.rows]
        return form

    def _build(self, **overrides: str) -> Topic | None:
        known = {r[0] for r in self.ctx.store.db.execute("select id from resources")}
        topic, problems = topic_from_form({**self.values(), **overrides}, known)
        if not self.slug and topic is not None and self.ctx.store.topic(topic.slug):
            topic, problems = None, {"slug": self.tr("Another topic has this id.")}
        return topic if self.show_problems(problems) else None

    @Slot()
    def save(self) -> bool:
        topic = self._build()
        if topic is None:
            return False
        if self.ctx.store.topic(topic.slug) != topic:
            history.save_topic(self.ctx.store, topic, self.ctx.who,
                               "edit" if self.slug else "new")
            self.ctx.changed()
        self.slug = topic.slug
        self.reload()
        self.saved()
        return True

    @Slot()
    def checked_today(self) -> bool:
        topic = self._build(verified_on=self.ctx.today().isoformat(), verified_by=self.ctx.who)
        if topic is None:
            return False
        history.save_topic(self.ctx.store, topic, self.ctx.who, "checked")
        self.ctx.changed()
        self.reload()
        self.message.setText(self.tr("Saved and marked as checked today."))
        return True
