"""Categories: names in both languages, order on the home screen, icon, hidden, sensitive."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListView, QScrollArea, QVBoxLayout, QWidget

from kiosk.admin.context import AdminContext
from kiosk.admin.editor_page import EditorPage
from kiosk.admin.list_models import KEY_ROLE, IconsModel
from kiosk.admin.stepper import Stepper
from kiosk.admin.views import touch_list
from kiosk.admin.widgets import Field, button_row, check_box, label, row
from kiosk.paths import RESOURCES
from kiosk.staff import history
from kiosk.staff.forms import Form, category_from_form, category_to_form

# The icons drawn for categories (resources/icons/README.md); the others are the interface's
# own (arrows, close, keys) and never a category's.
CATEGORY_ICONS = ("help-now.svg", "health.svg", "harm-reduction.svg", "treatment.svg",
                  "mental-health.svg", "safety-shelter.svg", "trafficking.svg",
                  "leaving-sex-work.svg", "legal.svg", "basic-needs.svg",
                  "jobs-education.svg", "report.svg")


class CategoriesPage(EditorPage):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "category", parent)
        self.list.setAccessibleName(self.tr("Categories"))
        self.new_button.setText(self.tr("New category"))
        self.new_button.setAccessibleName(self.new_button.text())
        right = QVBoxLayout()
        right.addWidget(self.heading)
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        for b in (self.history_button, self.cancel_button, self.save_button):
            top.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        right.addLayout(top)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        from kiosk.ui.widgets import enable_finger_scrolling

        self._scroller = enable_finger_scrolling(scroll)
        body = QWidget()
        body.setProperty("role", "page")
        form = QVBoxLayout(body)
        form.setContentsMargins(0, 0, 12, 0)
        scroll.setWidget(body)
        right.addWidget(scroll, 1)
        self.columns.addLayout(right, 2)
        self.fields = {
            "slug": Field(self.tr("Id (short, never changes)"), "category-slug"),
            "name_en": Field(self.tr("Name (English)"), "category-name-en"),
            "name_es": Field(self.tr("Name (Spanish)"), "category-name-es"),
            "description_en": Field(self.tr("Description (English)"),
                                    "category-description-en", multiline=True),
            "description_es": Field(self.tr("Description (Spanish)"),
                                    "category-description-es", multiline=True),
        }
        form.addWidget(self.fields["slug"])
        form.addWidget(row(self.fields["name_en"], self.fields["name_es"]))
        form.addWidget(row(self.fields["description_en"], self.fields["description_es"]))
        self.position = Stepper("category-position", self.tr("Order on the home screen"),
                                0, 999)
        self.hidden = check_box(self.tr("Hidden from visitors"), "category-hidden")
        self.sensitive = check_box(self.tr("Leave its name off discreet sheets"),
                                   "category-sensitive")
        order = QWidget()
        order_layout = QVBoxLayout(order)
        order_layout.setContentsMargins(0, 0, 0, 0)
        order_layout.addWidget(label(self.tr("Order on the home screen"), "field-title",
                                     wrap=False))
        order_layout.addWidget(self.position)
        form.addWidget(button_row(order))
        form.addWidget(self.hidden)
        form.addWidget(self.sensitive)
        form.addWidget(label(self.tr("Icon"), "field-title"))
        self.icons = IconsModel(RESOURCES / "icons", CATEGORY_ICONS)
        self.icon_view = touch_list("category-icon", self.tr("Icon"))
        self.icon_view.setModel(self.icons)
        self.icon_view.setViewMode(QListView.ViewMode.IconMode)
        self.icon_view.setIconSize(QSize(48, 48))
        self.icon_view.setGridSize(QSize(88, 88))
        self.icon_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.icon_view.setMovement(QListView.Movement.Static)
        form.addWidget(self.icon_view, 1)
        form.addStretch(1)
        self.reload()

    def items(self) -> list[tuple[str, str]]:
        return [(c.slug, self.ctx.words(c.name) + (self.tr(" (hidden)") if c.hidden else ""))
                for c in self.ctx.store.categories(include_hidden=True)]

    def exists(self, slug: str) -> bool:
        return self.ctx.store.category(slug) is not None

    def load(self, slug: str) -> None:
        category = self.ctx.store.category(slug)
        if category is None:
            return
        self.slug = slug
        self.heading.setText(self.tr("Category: %1").replace("%1", self.ctx.words(category.name)))
        self._fill(category_to_form(category))
        self.select(slug)

    @Slot()
    def new(self) -> None:
        self.slug = ""
        self.heading.setText(self.tr("New category"))
        count = len(self.ctx.store.categories(include_hidden=True))
        self._fill({"slug": "", "name_en": "", "name_es": "", "description_en": "",
                    "description_es": "", "icon": "", "position": count + 1,
                    "hidden": False, "sensitive": False})

    def _fill(self, form: Form) -> None:
        for key, f in self.fields.items():
            f.set_text(str(form.get(key, "")))
        self.fields["slug"].edit.setReadOnly(bool(self.slug))
        self.fields["slug"].edit.setProperty("readonly", bool(self.slug))
        self.position.set_value(int(form["position"]))
        self.hidden.setChecked(bool(form["hidden"]))
        self.sensitive.setChecked(bool(form["sensitive"]))
        icon_row = self.icons.row_of(form.get("icon", ""))
        self.icon_view.setCurrentIndex(self.icons.index(icon_row, 0) if icon_row >= 0
                                       else QModelIndex())
        self.history_button.setEnabled(bool(self.slug))
        self.message.setText("")

    def values(self) -> Form:
        form: Form = {key: f.text() for key, f in self.fields.items()}
        if self.slug:
            form["slug"] = self.slug
        index = self.icon_view.currentIndex()
        form["icon"] = str(index.data(KEY_ROLE)) if index.isValid() else ""
        form["position"] = self.position.value()
        form["hidden"] = self.hidden.isChecked()
        form["sensitive"] = self.sensitive.isChecked()
        return form

    @Slot()
    def save(self) -> bool:
        form = self.values()
        category, problems = category_from_form(form)
        if not self.slug and category is not None and self.ctx.store.category(category.slug):
            category, problems = None, {"slug": self.tr("Another category has this id.")}
        if not self.show_problems(problems) or category is None:
            return False
        if self.ctx.store.category(category.slug) != category:
            history.save_category(self.ctx.store, category, self.ctx.who,
                                  "edit" if self.slug else "new")
            self.ctx.changed()
        self.slug = category.slug
        self.reload()
        self.saved()
        return True
