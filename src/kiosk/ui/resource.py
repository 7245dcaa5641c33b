"""One place, with its numbers very large and a QR code that puts the number on the
visitor's own phone. Every text from the directory is shown as plain text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, QRect, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.directory.hours import WeeklyHours
from kiosk.directory.model import LocalText, Phone, Resource
from kiosk.speech.script import Script, resource_script
from kiosk.ui.line_breaks import NO_BREAK_SPACE, number
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.report import ReportWrong
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.theme import Theme
from kiosk.ui.trust_words import reach_sentence, trust_sentence
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


class CallCard(QFrame):
    """The numbers, large, with the QR code beside them when they fit side by side and
    under them when they do not: a number is never broken over two lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("call-card")
        self.setProperty("role", "card")
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(28, 20, 28, 20)
        self.box.setSpacing(32)
        self.numbers: list[QLabel] = []
        self.qr_width = 0

    def clear(self) -> None:
        clear_layout(self.box)
        self.numbers = []
        self.qr_width = 0

    def arrange(self) -> None:
        margins = self.box.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        widest = max((label.fontMetrics().horizontalAdvance(label.text())
                      for label in self.numbers), default=0)
        side = not self.qr_width or widest + self.box.spacing() + self.qr_width <= room
        direction = (QBoxLayout.Direction.LeftToRight if side
                     else QBoxLayout.Direction.TopToBottom)
        if self.box.direction() != direction:
            self.box.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()


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
        self.read_aloud = ReadAloud(ctx.speech, self.script, "read-aloud")
        self.read_button = self.read_aloud.read_button
        actions.addWidget(self.add_button)
        actions.addWidget(self.read_aloud)
        actions.addStretch(1)

        self.call_card = CallCard()
        self.phones = self.call_card.box
        self.details = QVBoxLayout()
        self.details.setSpacing(12)
        self.report = ReportWrong(ctx.visit.reports)
        self.body.addWidget(self.name)
        self.body.addWidget(self.organization)
        self.body.addLayout(actions)
        self.body.addWidget(self.call_card)
        self.body.addLayout(self.details)
        self.body.addSpacing(12)
        self.body.addWidget(self.report)
        self.body.addStretch(1)
        self.phone_labels: list[QLabel] = []
        self._words: list[Callable[[], None]] = []  # each sets one part's texts
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
        """Build the widgets for `self.resource`. Their texts come from `_words`, so a
        change of language sets them again on the same widgets."""
        self.call_card.clear()
        clear_layout(self.details)
        self.phone_labels = []
        self._words = []
        self.qr = None
        r = self.resource
        self.read_aloud.refresh(self.theme.colors["ink"], self.theme.colors["surface"])
        self.report.set_resource(r.id if r is not None else "")
        if r is None:
            self.name.setText("")
            self.organization.hide()
            return
        self.organization.setText(r.organization)
        self.organization.setVisible(bool(r.organization) and r.organization != r.name.en)
        self._shown(self.name, lambda: r.name.get(self.lang))
        self._render_phones(r)
        if not r.phones:
            no_phone = text_label(role="warning")
            no_phone.setObjectName("how-to-reach")
            self.details.addWidget(no_phone)
            self._shown(no_phone, lambda: reach_sentence(r))
        if r.english_only:
            self._english_only()
        self._render_details(r)
        self._set_words()
        self._update_add_button()
        self.call_card.arrange()

    # -- words ------------------------------------------------------------------------------

    def _shown(self, label: QLabel, words: Callable[[], str]) -> QLabel:
        """`label` shows `words()` in the visit's language."""
        def set_words() -> None:
            label.setText(words())
        self._words.append(set_words)
        return label

    def _set_words(self) -> None:
        for set_words in self._words:
            set_words()

    def _english_only(self) -> None:
        """Published directories are mostly in English: a Spanish reader is told so, in
        Spanish, before the English text."""
        note = text_label(role="note")
        note.setObjectName("english-only")
        self.details.addWidget(note)

        def set_words() -> None:
            note.setText(self.tr("This information is only in English."))
            note.setVisible(self.lang == "es")
        self._words.append(set_words)

    def _kind(self, kind: str) -> str:
        return {"voice": self.tr("Call"), "hotline": self.tr("Call, day or night"),
                "text": self.tr("Text"), "tty": self.tr("TTY")}.get(kind, "")

    # -- building ---------------------------------------------------------------------------

    def _render_phones(self, r: Resource) -> None:
        column = QVBoxLayout()
        column.setSpacing(4)
        for i, phone in enumerate(r.phones):
            caption = text_label(role="phone-label")
            number = text_label(role="phone", wrap=True)
            number.setObjectName("resource-phone" if i == 0 else f"resource-phone-{i + 1}")
            number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            column.addWidget(caption)
            column.addWidget(number)
            self._words.append(self._phone_words(phone, caption, number))
            if phone.hours:
                column.addWidget(self._shown(text_label(role="note"), self._local(phone.hours)))
            self.phone_labels.append(number)
            self.call_card.numbers.append(number)
        column.addStretch(1)
        self.phones.addLayout(column, 1)
        self.call_card.setVisible(bool(r.phones))
        main = r.main_phone
        if main is not None:
            qr_box = QVBoxLayout()
            qr_box.setSpacing(6)
            qr = self.qr = QLabel()
            qr.setObjectName("resource-qr")
            qr.setPixmap(qr_pixmap(main.uri, self.theme.px(220)))

            def qr_words() -> None:
                qr.setAccessibleName(self.tr("QR code for %1").replace("%1", main.display))
            self._words.append(qr_words)
            caption = self._shown(text_label(role="note"), lambda: self.tr(
                "Scan with your phone camera to save or call this number."))
            caption.setFixedWidth(max(qr.pixmap().width(), self.theme.px(260)))
            self.call_card.qr_width = caption.width()
            qr_box.addWidget(qr, 0, Qt.AlignmentFlag.AlignLeft)
            qr_box.addWidget(caption)
            qr_box.addStretch(1)
            self.phones.addLayout(qr_box, 0)

    def _phone_words(self, phone: Phone, caption: QLabel,
                     number: QLabel) -> Callable[[], None]:
        def set_words() -> None:
            label = phone.label.get(self.lang) or self._kind(phone.kind)
            caption.setText(label)
            number.setText(self._number_text(phone))
            number.setAccessibleName(f"{label}: {phone.display}")
        return set_words

    def _number_text(self, phone: Phone) -> str:
        """The number as one piece that never breaks (with its extension); a text line's
        words around it may wrap."""
        text = number(phone.display)
        if phone.extension:
            text += NO_BREAK_SPACE + number(self.tr("ext. %1").replace("%1", phone.extension))
        if phone.kind == "text" and phone.message:
            text = self.tr("Text %1 to %2").replace("%1", phone.message).replace("%2", text)
        return text

    def _section(self, title: Callable[[], str], text: Callable[[], str]) -> None:
        """A heading and its text; hidden while the text is empty in the visit's language."""
        box = QVBoxLayout()
        box.setSpacing(2)
        heading = text_label(role="section")
        body = text_label(role="body")
        box.addWidget(heading)
        box.addWidget(body)
        self.details.addLayout(box)

        def set_words() -> None:
            heading.setText(title())
            body.setText(text())
            for label in (heading, body):
                label.setVisible(bool(body.text()))
        self._words.append(set_words)

    def _render_details(self, r: Resource) -> None:
        # How far to trust the way to reach it comes first, next to the numbers it is about.
        label = text_label(role="trust")

        def trust_words() -> str:
            sentence, level = trust_sentence(r, lambda day: local_date(
                QDate(day.year, day.month, day.day), self.lang))
            label.setProperty("trust", level)
            return sentence
        self._shown(label, trust_words)
        label.setObjectName("verified")
        self.details.addWidget(label)
        now = self.ctx.clock()
        hours = r.hours
        if hours is not None:
            row = QHBoxLayout()
            is_open = hours.is_open(now)
            badge = text_label(wrap=False)
            badge.setObjectName("open-badge")
            badge.setProperty("badge", "open" if is_open else "closed")
            today_label = text_label(role="body")
            row.addWidget(badge)
            row.addWidget(today_label, 1)
            self.details.addLayout(row)

            def today_words() -> None:
                badge.setText(self.tr("Open now") if is_open else self.tr("Closed"))
                today = hours.day_text(now.weekday()) or self.tr("closed")
                today_label.setText(self.tr("Open 24 hours, every day") if hours.always
                                    else self.tr("Today: %1").replace("%1", today))
            self._words.append(today_words)
        if hours is not None and not hours.always:
            week = QGridLayout()
            week.setHorizontalSpacing(24)
            week.setVerticalSpacing(2)
            for d in range(7):
                role = "today" if d == now.weekday() else "body"
                day = self._shown(text_label(role=role, wrap=False), self._day_name(d))
                times = self._shown(text_label(role=role, wrap=False),
                                    self._day_hours(hours, d))
                week.addWidget(day, d, 0)
                week.addWidget(times, d, 1)
            week.setColumnStretch(2, 1)
            box = QVBoxLayout()
            box.addWidget(self._shown(text_label(role="section"), lambda: self.tr("Hours")))
            box.addLayout(week)
            self.details.addLayout(box)
        if r.hours_note:
            self.details.addWidget(self._shown(text_label(role="body"),
                                                 self._local(r.hours_note)))
        if r.address:
            where = r.address.one_line()
            self._section(lambda: self.tr("Address"), lambda: where)
        elif r.area.statewide or r.area.national:
            statewide = r.area.statewide
            self._section(lambda: self.tr("Where"), lambda: self.tr("Statewide") if statewide
                          else self.tr("Nationwide"))
        if r.cost:
            self._section(lambda: self.tr("Cost"),
                          lambda: ", ".join(self._cost(c) for c in r.cost))
        if r.languages:
            self._section(lambda: self.tr("Languages"),
                          lambda: ", ".join(self._language(x) for x in r.languages))
        if r.access:
            self._section(lambda: self.tr("How to go"),
                          lambda: "\n".join(self._access(a) for a in r.access))
        for title, text in ((lambda: self.tr("Who can go"), r.eligibility),
                            (lambda: self.tr("Privacy"), r.confidentiality),
                            (lambda: self.tr("About"), r.description)):
            if text:
                self._section(title, self._local(text))

    def _local(self, text: LocalText) -> Callable[[], str]:
        return lambda: text.get(self.lang)

    def _day_name(self, day: int) -> Callable[[], str]:
        return lambda: day_name(day, self.lang)

    def _day_hours(self, hours: WeeklyHours, day: int) -> Callable[[], str]:
        return lambda: hours.day_text(day) or self.tr("closed")

    def _cost(self, cost: str) -> str:
        return {"free": self.tr("Free"), "sliding_scale": self.tr("Pay what you can"),
                "insurance": self.tr("Insurance accepted"),
                "fee": self.tr("There is a fee")}.get(cost, cost)

    def _language(self, lang: str) -> str:
        return {"en": self.tr("English"), "es": self.tr("Spanish")}.get(lang, lang)

    def _access(self, access: str) -> str:
        return {"walk_in": self.tr("Walk in, no appointment needed"),
                "appointment": self.tr("By appointment"), "call_first": self.tr("Call first"),
                "outreach": self.tr("They can come to you")}.get(access, access)

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

    def script(self) -> Script | None:
        """What Read aloud says for this place (`kiosk speak --resource` says the same)."""
        if self.resource is None:
            return None
        return resource_script(self.resource, self.lang, self.ctx.clock())

    def retranslate(self) -> None:
        self.read_aloud.retranslate()
        self.report.retranslate()
        self._update_add_button()
        self._set_words()
        self.call_card.arrange()

    def restyle(self, theme: Theme) -> None:
        self.theme = theme
        self.read_aloud.refresh(theme.colors["ink"], theme.colors["surface"])
        if self.resource is not None:
            self.rebuild()

    def reset(self) -> None:
        self.resource = None
        self.report.set_resource("")
        self._words = []
        self.phone_labels = []
        self.call_card.clear()
        clear_layout(self.details)
        self.scroll_area.verticalScrollBar().setValue(0)
