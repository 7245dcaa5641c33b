"""One place, with its numbers very large and a QR code that puts the number on the
visitor's own phone. Every text from the directory is shown as plain text."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QRect, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.directory.model import Phone, Resource
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import (
    clear_layout,
    reading_column,
    scrolling_page,
    text_label,
)


def qr_pixmap(uri: str, size: int, dark: str = "#000000", light: str = "#FFFFFF") -> QPixmap:
    """The QR code drawn module by module, crisp at any size."""
    from kiosk.qr import qr_modules

    modules = qr_modules(uri)
    count = len(modules) + 4
    cell = max(1, size // count)
    pixmap = QPixmap(cell * count, cell * count)
    pixmap.fill(QColor(light))
    painter = QPainter(pixmap)
    for y, row in enumerate(modules):
        for x, dark_cell in enumerate(row):
            if dark_cell:
                painter.fillRect(QRect((x + 2) * cell, (y + 2) * cell, cell, cell), QColor(dark))
    painter.end()
    return pixmap


def local_date(date: QDate, lang: str) -> str:
    locale = QLocale(QLocale.Language.Spanish if lang == "es" else QLocale.Language.English,
                     QLocale.Country.UnitedStates)
    return locale.toString(date, "d 'de' MMMM 'de' yyyy" if lang == "es" else "MMMM d, yyyy")


def day_name(weekday: int, lang: str) -> str:
    locale = QLocale(QLocale.Language.Spanish if lang == "es" else QLocale.Language.English,
                     QLocale.Country.UnitedStates)
    name = locale.dayName(weekday + 1, QLocale.FormatType.LongFormat)
    return name[:1].upper() + name[1:]


class ResourceScreen(Screen):
    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.resource: Resource | None = None
        self.scroll_area = scrolling_page(self)
        self.body = reading_column(self.scroll_area)
        self.body.setSpacing(18)

        self.name = text_label(role="title")
        self.organization = text_label(role="subtitle")
        actions = QHBoxLayout()
        actions.setSpacing(14)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add-to-handout")
        self.add_button.setProperty("variant", "primary")
        self.add_button.clicked.connect(self._toggle_handout)
        self.read_button = QPushButton()
        self.read_button.setObjectName("read-aloud")
        self.read_button.clicked.connect(self.read_aloud)
        actions.addWidget(self.add_button)
        actions.addWidget(self.read_button)
        actions.addStretch(1)

        self.call_card = QFrame()
        self.call_card.setObjectName("call-card")
        self.call_card.setProperty("role", "card")
        self.phones = QHBoxLayout(self.call_card)
        self.phones.setContentsMargins(28, 20, 28, 20)
        self.phones.setSpacing(32)
        self.details = QVBoxLayout()
        self.details.setSpacing(12)
        self.body.addWidget(self.name)
        self.body.addWidget(self.organization)
        self.body.addLayout(actions)
        self.body.addWidget(self.call_card)
        self.body.addLayout(self.details)
        self.body.addStretch(1)
        self.phone_labels: list[QLabel] = []
        self.spoken: list[str] = []
        self.qr: QLabel | None = None
        ctx.visit.handout.changed.connect(self._update_add_button)

    def enter(self, key: str = "") -> None:
        self.show_resource(key)

    def show_resource(self, resource_id: str) -> None:
        self.resource = self.ctx.store.resource(resource_id)
        self.ctx.speech.stop()
        self.rebuild()
        self.scroll_area.verticalScrollBar().setValue(0)

    def rebuild(self) -> None:
        clear_layout(self.phones)
        clear_layout(self.details)
        self.phone_labels = []
        self.qr = None
        r = self.resource
        lang = self.lang
        self.read_button.setVisible(self.ctx.speech.available())
        if r is None:
            self.name.setText("")
            self.organization.hide()
            return
        self.name.setText(r.name.get(lang))
        self.organization.setText(r.organization)
        self.organization.setVisible(bool(r.organization) and r.organization != r.name.en)
        self.spoken = [r.name.get(lang)]
        self._render_phones(r, lang)
        if not r.phones:
            no_phone = text_label(self.tr("No phone number yet. Ask staff how to reach them."),
                                  role="warning")
            self.details.addWidget(no_phone)
            self.spoken.append(no_phone.text())
        self._render_details(r, lang)
        self._update_add_button()

    def _render_phones(self, r: Resource, lang: str) -> None:
        kinds = {"voice": self.tr("Call"), "hotline": self.tr("Call, day or night"),
                 "text": self.tr("Text"), "tty": self.tr("TTY")}
        column = QVBoxLayout()
        column.setSpacing(4)
        for i, phone in enumerate(r.phones):
            label = phone.label.get(lang) or kinds.get(phone.kind, "")
            caption = text_label(label, role="phone-label")
            number = text_label(self._number_text(phone), role="phone", wrap=True)
            number.setObjectName("resource-phone" if i == 0 else f"resource-phone-{i + 1}")
            number.setAccessibleName(f"{label}: {phone.display}")
            number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            column.addWidget(caption)
            column.addWidget(number)
            if phone.hours:
                column.addWidget(text_label(phone.hours.get(lang), role="note"))
            self.phone_labels.append(number)
            self.spoken.append(f"{label}: {phone.display}")
        column.addStretch(1)
        self.phones.addLayout(column, 1)
        self.call_card.setVisible(bool(r.phones))
        main = r.main_phone
        if main is not None:
            qr_box = QVBoxLayout()
            qr_box.setSpacing(6)
            self.qr = QLabel()
            self.qr.setObjectName("resource-qr")
            self.qr.setPixmap(qr_pixmap(main.uri, self.theme.px(220)))
            self.qr.setAccessibleName(self.tr("QR code for %1").replace("%1", main.display))
            caption = text_label(self.tr("Scan with your phone camera to save or call "
                                         "this number."), role="note")
            caption.setFixedWidth(max(self.qr.pixmap().width(), self.theme.px(260)))
            qr_box.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignLeft)
            qr_box.addWidget(caption)
            qr_box.addStretch(1)
            self.phones.addLayout(qr_box, 0)

    def _number_text(self, phone: Phone) -> str:
        text = phone.display
        if phone.extension:
            text += " " + self.tr("ext. %1").replace("%1", phone.extension)
        if phone.kind == "text" and phone.message:
            text = self.tr("Text %1 to %2").replace("%1", phone.message).replace("%2", text)
        return text

    def _section(self, title: str, text: str) -> None:
        if not text:
            return
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(text_label(title, role="section"))
        box.addWidget(text_label(text, role="body"))
        self.details.addLayout(box)
        self.spoken.append(f"{title}. {text}")

    def _render_details(self, r: Resource, lang: str) -> None:
        # How fresh the facts are comes first, next to the numbers it is about.
        if r.verified_on is not None:
            checked = self.tr("Last checked by staff: %1").replace(
                "%1", local_date(QDate(r.verified_on.year, r.verified_on.month,
                                       r.verified_on.day), lang))
            label = text_label(checked, role="note")
        else:
            checked = self.tr("Not yet checked by staff: call first.")
            label = text_label(checked, role="warning")
        label.setObjectName("verified")
        self.details.addWidget(label)
        self.spoken.append(checked)
        now = self.ctx.clock()
        if r.hours is not None:
            row = QHBoxLayout()
            is_open = r.hours.is_open(now)
            badge = text_label(self.tr("Open now") if is_open else self.tr("Closed"),
                               wrap=False)
            badge.setObjectName("open-badge")
            badge.setProperty("badge", "open" if is_open else "closed")
            today = r.hours.day_text(now.weekday()) or self.tr("closed")
            today_text = (self.tr("Open 24 hours, every day") if r.hours.always
                          else self.tr("Today: %1").replace("%1", today))
            today_label = text_label(today_text, role="body")
            row.addWidget(badge)
            row.addWidget(today_label, 1)
            self.details.addLayout(row)
            self.spoken.append(badge.text() + ". " + today_label.text())
        if r.hours is not None and not r.hours.always:
            week = QGridLayout()
            week.setHorizontalSpacing(24)
            week.setVerticalSpacing(2)
            for d in range(7):
                role = "today" if d == now.weekday() else "body"
                day = text_label(day_name(d, lang), role=role, wrap=False)
                hours = text_label(r.hours.day_text(d) or self.tr("closed"), role=role,
                                   wrap=False)
                week.addWidget(day, d, 0)
                week.addWidget(hours, d, 1)
            week.setColumnStretch(2, 1)
            box = QVBoxLayout()
            box.addWidget(text_label(self.tr("Hours"), role="section"))
            box.addLayout(week)
            self.details.addLayout(box)
        if r.hours_note:
            self.details.addWidget(text_label(r.hours_note.get(lang), role="body"))
        if r.address:
            self._section(self.tr("Address"), r.address.one_line())
        elif r.area.statewide or r.area.national:
            self._section(self.tr("Where"), self.tr("Statewide") if r.area.statewide
                          else self.tr("Nationwide"))
        costs = {"free": self.tr("Free"), "sliding_scale": self.tr("Pay what you can"),
                 "insurance": self.tr("Insurance accepted"), "fee": self.tr("There is a fee")}
        self._section(self.tr("Cost"), ", ".join(costs.get(c, c) for c in r.cost))
        names = {"en": self.tr("English"), "es": self.tr("Spanish")}
        self._section(self.tr("Languages"), ", ".join(names.get(x, x) for x in r.languages))
        access = {"walk_in": self.tr("Walk in, no appointment needed"),
                  "appointment": self.tr("By appointment"),
                  "call_first": self.tr("Call first"),
                  "outreach": self.tr("They can come to you")}
        self._section(self.tr("How to go"), "\n".join(access.get(a, a) for a in r.access))
        self._section(self.tr("Who can go"), r.eligibility.get(lang))
        self._section(self.tr("Privacy"), r.confidentiality.get(lang))
        self._section(self.tr("About"), r.description.get(lang))

    @Slot()
    def _toggle_handout(self) -> None:
        if self.resource is None:
            return
        handout = self.ctx.visit.handout
        if self.resource.id in handout:
            handout.remove(self.resource.id)
        else:
            handout.add(self.resource.id)

    @Slot()
    def _update_add_button(self) -> None:
        added = self.resource is not None and self.resource.id in self.ctx.visit.handout
        self.add_button.setText(self.tr("Added to my handout \u2713") if added
                                else self.tr("Add to my handout"))
        self.add_button.setAccessibleName(self.add_button.text())

    @Slot()
    def read_aloud(self) -> None:
        self.ctx.speech.say(". ".join(self.spoken), self.lang)

    def retranslate(self) -> None:
        self.read_button.setText(self.tr("Read aloud"))
        self.read_button.setAccessibleName(self.read_button.text())
        self._update_add_button()
        if self.resource is not None:
            self.rebuild()

    def restyle(self, theme: Theme) -> None:
        self.theme = theme
        if self.resource is not None:
            self.rebuild()

    def reset(self) -> None:
        self.resource = None
        self.spoken = []
        clear_layout(self.phones)
        clear_layout(self.details)
        self.scroll_area.verticalScrollBar().setValue(0)
