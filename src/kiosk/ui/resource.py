"""One place, with its numbers very large and a QR code that puts the number on the
visitor's own phone. Every text from the directory is shown as plain text."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QLocale, QRect, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk import per_visit
from kiosk.directory.hours import WeeklyHours
from kiosk.directory.model import LocalText, Phone, Resource
from kiosk.i18n import LANGUAGES
from kiosk.speech.script import Script, resource_script
from kiosk.ui.line_breaks import NO_BREAK_SPACE, number
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.report import ReportWrong
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.theme import Theme
from kiosk.ui.trust_words import reach_sentence, trust_sentence
from kiosk.ui.widgets import reading_column, scrolling_page, text_label

QR_PIXMAPS = 32  # QR codes kept drawn (about 200 kB each at the largest text size)


@per_visit.forgotten
@functools.lru_cache(maxsize=QR_PIXMAPS)
def qr_pixmap(uri: str, size: int, dark: str = "#000000", light: str = "#FFFFFF") -> QPixmap:
    """The QR code drawn module by module, crisp at any size.

    Kept for the last few numbers shown (a visitor goes back and forth between places);
    a QPixmap is shared, not copied, when a label is given it."""
    from kiosk.qr import qr_modules

    modules = qr_modules(uri)
    count = len(modules) + 4
    cell = max(1, size // count)
    pixmap = QPixmap(cell * count, cell * count)
    pixmap.fill(QColor(light))
    painter = QPainter(pixmap)
    ink = QColor(dark)
    for y, row in enumerate(modules):
        for x, dark_cell in enumerate(row):
            if dark_cell:
                painter.fillRect(QRect((x + 2) * cell, (y + 2) * cell, cell, cell), ink)
    painter.end()
    return pixmap


def _load_qr_codes() -> None:
    import segno  # noqa: F401  (a second or two into a visit: no longer at start-up)


def _load_date_names() -> None:
    """Qt reads its locale data the first time a date is written out (some 50 ms)."""
    for lang in LANGUAGES:
        local_date(QDate(2026, 1, 1), lang)


def local_date(date: QDate, lang: str) -> str:
    locale = QLocale(QLocale.Language.Spanish if lang == "es" else QLocale.Language.English,
                     QLocale.Country.UnitedStates)
    return locale.toString(date, "d 'de' MMMM 'de' yyyy" if lang == "es" else "MMMM d, yyyy")


def day_name(weekday: int, lang: str) -> str:
    locale = QLocale(QLocale.Language.Spanish if lang == "es" else QLocale.Language.English,
                     QLocale.Country.UnitedStates)
    name = locale.dayName(weekday + 1, QLocale.FormatType.LongFormat)
    return name[:1].upper() + name[1:]


def restyled(widget: QWidget, name: str, value: str) -> None:
    """Set a property the stylesheet reads, polishing the widget again only when it changed
    (polishing is the costly part of showing a widget). One not polished yet is polished
    with the new value when it is first shown."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            return
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
        # A label works out its box (padding, border) again only on this event.
        QApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))


def shown_as(widget: QWidget, name: str, shown: bool) -> None:
    """Show or hide a widget the screen keeps between places: hidden, it has no name, so
    that `findChild` finds only what this place has."""
    widget.setObjectName(name if shown else "")
    widget.setVisible(shown)


class PhoneRow:
    """One number on the call card: what it is, the number, and when it answers."""

    def __init__(self, index: int) -> None:
        self.name = "resource-phone" if index == 0 else f"resource-phone-{index + 1}"
        self.caption = text_label(role="phone-label")
        self.number = text_label(role="phone", wrap=True)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.note = text_label(role="note")

    def widgets(self) -> tuple[QLabel, QLabel, QLabel]:
        return self.caption, self.number, self.note

    def show(self, shown: bool, with_note: bool = False) -> None:
        self.caption.setVisible(shown)
        shown_as(self.number, self.name, shown)
        self.note.setVisible(shown and with_note)


class Section:
    """A heading and its text, kept between places; hidden while it has no text."""

    def __init__(self) -> None:
        self.box = QVBoxLayout()
        self.box.setSpacing(2)
        self.heading = text_label(role="section")
        self.body = text_label(role="body")
        self.box.addWidget(self.heading)
        self.box.addWidget(self.body)

    def hide(self) -> None:
        self.heading.hide()
        self.body.hide()


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


SECTIONS = ("where", "cost", "languages", "access", "eligibility", "confidentiality",
            "description")


class ResourceScreen(Screen):
    """The widgets are made once, with the screen (and a phone row more when a place has
    more numbers than any before): each place sets their texts and hides the rows it does
    not have, so that opening a place builds and polishes nothing."""

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
        self.phone_column = QVBoxLayout()
        self.phone_column.setSpacing(4)
        self.phone_column.addStretch(1)
        self.phone_rows: list[PhoneRow] = []
        self.phones.addLayout(self.phone_column, 1)
        qr_box = QVBoxLayout()
        qr_box.setSpacing(6)
        self.qr_label = QLabel()
        self.qr_caption = text_label(role="note")
        qr_box.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignLeft)
        qr_box.addWidget(self.qr_caption)
        qr_box.addStretch(1)
        self.phones.addLayout(qr_box, 0)

        self.details = QVBoxLayout()
        self.details.setSpacing(12)
        self.no_phone = text_label(role="warning")
        self.english_note = text_label(role="note")
        self.trust = text_label(role="trust")
        self.trust.setObjectName("verified")
        self.badge = text_label(wrap=False)
        self.badge.setObjectName("open-badge")
        self.today = text_label(role="body")
        today_row = QHBoxLayout()
        today_row.addWidget(self.badge)
        today_row.addWidget(self.today, 1)
        self.week_heading = text_label(role="section")
        self.week_days: list[tuple[QLabel, QLabel]] = []
        week = QGridLayout()
        week.setHorizontalSpacing(24)
        week.setVerticalSpacing(2)
        for d in range(7):
            pair = (text_label(role="body", wrap=False), text_label(role="body", wrap=False))
            week.addWidget(pair[0], d, 0)
            week.addWidget(pair[1], d, 1)
            self.week_days.append(pair)
        week.setColumnStretch(2, 1)
        week_box = QVBoxLayout()
        week_box.addWidget(self.week_heading)
        week_box.addLayout(week)
        self.hours_note = text_label(role="body")
        self.sections = {name: Section() for name in SECTIONS}
        self.details.addWidget(self.no_phone)
        self.details.addWidget(self.english_note)
        self.details.addWidget(self.trust)
        self.details.addLayout(today_row)
        self.details.addLayout(week_box)
        self.details.addWidget(self.hours_note)
        for section in self.sections.values():
            self.details.addLayout(section.box)

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
        self._hide_all()
        ctx.visit.handout.changed.connect(self._update_add_button)
        # What the first place shown would otherwise wait for, each in a turn of the event
        # loop of its own once the screen is made (it is made in idle time after the first
        # frame): the QR code library and the dates' local names.
        QTimer.singleShot(0, self, _load_qr_codes)
        QTimer.singleShot(0, self, _load_date_names)

    def enter(self, key: str = "") -> None:
        self.show_resource(key)

    def show_resource(self, resource_id: str) -> None:
        self.resource = self.ctx.store.resource(resource_id)
        self.ctx.speech.stop()
        self.rebuild()
        self.scroll_area.verticalScrollBar().setValue(0)

    def rebuild(self) -> None:
        """Fill the screen's widgets for `self.resource`. Their texts come from `_words`,
        so a change of language sets them again on the same widgets."""
        self._words = []
        r = self.resource
        self.read_aloud.refresh(self.theme.colors["ink"], self.theme.colors["surface"])
        self.report.set_resource(r.id if r is not None else "")
        if r is None:
            self._hide_all()
            self.name.setText("")
            self.organization.hide()
            return
        self.organization.setText(r.organization)
        self.organization.setVisible(bool(r.organization) and r.organization != r.name.en)
        self._shown(self.name, lambda: r.name.get(self.lang))
        self._render_phones(r)
        shown_as(self.no_phone, "how-to-reach", not r.phones)
        if not r.phones:
            self._shown(self.no_phone, lambda: reach_sentence(r))
        self._english_only(r.english_only)
        self._render_details(r)
        self._set_words()
        self._update_add_button()
        self.call_card.arrange()

    def _hide_all(self) -> None:
        """Every row hidden and nameless (no place shown)."""
        self.phone_labels = []
        self.call_card.clear()
        for row in self.phone_rows:
            row.show(False)
        self.call_card.hide()
        self._show_qr(None)
        shown_as(self.no_phone, "", False)
        shown_as(self.english_note, "", False)
        self.trust.hide()
        self._show_hours(None)
        self.hours_note.hide()
        for section in self.sections.values():
            section.hide()

    def _own_labels(self) -> list[QLabel]:
        """The labels that show a place's words (not those of Read aloud or the report)."""
        labels = [self.name, self.organization, self.qr_caption, self.no_phone,
                  self.english_note, self.trust, self.badge, self.today, self.week_heading,
                  self.hours_note]
        for row in self.phone_rows:
            labels += row.widgets()
        for pair in self.week_days:
            labels += pair
        for section in self.sections.values():
            labels += (section.heading, section.body)
        return labels

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

    def _english_only(self, english_only: bool) -> None:
        """Published directories are mostly in English: a Spanish reader is told so, in
        Spanish, before the English text."""
        note = self.english_note
        note.setObjectName("english-only" if english_only else "")
        if not english_only:
            note.hide()
            return

        def set_words() -> None:
            note.setText(self.tr("This information is only in English."))
            note.setVisible(self.lang == "es")
        self._words.append(set_words)

    def _kind(self, kind: str) -> str:
        return {"voice": self.tr("Call"), "hotline": self.tr("Call, day or night"),
                "text": self.tr("Text"), "tty": self.tr("TTY")}.get(kind, "")

    # -- filling in -------------------------------------------------------------------------

    def _phone_row(self, index: int) -> PhoneRow:
        """The row for the place's `index`th number, made the first time a place has that
        many (kept: the rows made are as many as the most numbers any place has)."""
        while len(self.phone_rows) <= index:
            row = PhoneRow(len(self.phone_rows))
            at = len(self.phone_rows) * 3  # before the column's stretch
            for offset, widget in enumerate(row.widgets()):
                self.phone_column.insertWidget(at + offset, widget)
            row.show(False)
            self.phone_rows.append(row)
        return self.phone_rows[index]

    def _render_phones(self, r: Resource) -> None:
        self.phone_labels = []
        for i, phone in enumerate(r.phones):
            row = self._phone_row(i)
            row.show(True, with_note=bool(phone.hours))
            self._words.append(self._phone_words(phone, row.caption, row.number))
            if phone.hours:
                self._shown(row.note, self._local(phone.hours))
            self.phone_labels.append(row.number)
        for row in self.phone_rows[len(r.phones):]:
            row.show(False)
        self.call_card.numbers = list(self.phone_labels)
        self.call_card.setVisible(bool(r.phones))
        self._show_qr(r.main_phone)

    def _show_qr(self, main: Phone | None) -> None:
        qr, caption = self.qr_label, self.qr_caption
        shown_as(qr, "resource-qr", main is not None)
        caption.setVisible(main is not None)
        if main is None:
            self.qr = None
            self.call_card.qr_width = 0
            return
        self.qr = qr
        qr.setPixmap(qr_pixmap(main.uri, self.theme.px(220)))

        def qr_words() -> None:
            qr.setAccessibleName(self.tr("QR code for %1").replace("%1", main.display))
        self._words.append(qr_words)
        self._shown(caption, lambda: self.tr(
            "Scan with your phone camera to save or call this number."))
        caption.setFixedWidth(max(qr.pixmap().width(), self.theme.px(260)))
        self.call_card.qr_width = caption.width()

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

    def _section(self, name: str, title: Callable[[], str], text: Callable[[], str]) -> None:
        """A heading and its text; hidden while the text is empty in the visit's language."""
        section = self.sections[name]
        heading, body = section.heading, section.body

        def set_words() -> None:
            heading.setText(title())
            body.setText(text())
            for label in (heading, body):
                label.setVisible(bool(body.text()))
        self._words.append(set_words)

    def _show_hours(self, hours: WeeklyHours | None) -> None:
        self.badge.setVisible(hours is not None)
        self.today.setVisible(hours is not None)
        week = hours is not None and not hours.always
        self.week_heading.setVisible(week)
        for day, times in self.week_days:
            day.setVisible(week)
            times.setVisible(week)

    def _render_details(self, r: Resource) -> None:
        # How far to trust the way to reach it comes first, next to the numbers it is about.
        label = self.trust
        label.show()

        def trust_words() -> str:
            sentence, level = trust_sentence(r, lambda day: local_date(
                QDate(day.year, day.month, day.day), self.lang))
            restyled(label, "trust", level)
            return sentence
        self._shown(label, trust_words)
        now = self.ctx.clock()
        hours = r.hours
        self._show_hours(hours)
        if hours is not None:
            is_open = hours.is_open(now)
            badge, today_label = self.badge, self.today
            restyled(badge, "badge", "open" if is_open else "closed")

            def today_words() -> None:
                badge.setText(self.tr("Open now") if is_open else self.tr("Closed"))
                today = hours.day_text(now.weekday()) or self.tr("closed")
                today_label.setText(self.tr("Open 24 hours, every day") if hours.always
                                    else self.tr("Today: %1").replace("%1", today))
            self._words.append(today_words)
        if hours is not None and not hours.always:
            for d, (day, times) in enumerate(self.week_days):
                role = "today" if d == now.weekday() else "body"
                restyled(day, "role", role)
                restyled(times, "role", role)
                self._shown(day, self._day_name(d))
                self._shown(times, self._day_hours(hours, d))
            self._shown(self.week_heading, lambda: self.tr("Hours"))
        self.hours_note.setVisible(bool(r.hours_note))
        if r.hours_note:
            self._shown(self.hours_note, self._local(r.hours_note))
        for section in self.sections.values():
            section.hide()
        if r.address:
            where = r.address.one_line()
            self._section("where", lambda: self.tr("Address"), lambda: where)
        elif r.area.statewide or r.area.national:
            statewide = r.area.statewide
            self._section("where", lambda: self.tr("Where"),
                          lambda: self.tr("Statewide") if statewide else self.tr("Nationwide"))
        if r.cost:
            self._section("cost", lambda: self.tr("Cost"),
                          lambda: ", ".join(self._cost(c) for c in r.cost))
        if r.languages:
            self._section("languages", lambda: self.tr("Languages"),
                          lambda: ", ".join(self._language(x) for x in r.languages))
        if r.access:
            self._section("access", lambda: self.tr("How to go"),
                          lambda: "\n".join(self._access(a) for a in r.access))
        for name, title, text in (
                ("eligibility", lambda: self.tr("Who can go"), r.eligibility),
                ("confidentiality", lambda: self.tr("Privacy"), r.confidentiality),
                ("description", lambda: self.tr("About"), r.description)):
            if text:
                self._section(name, title, self._local(text))

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
        """The visit is over: no place, and none of its words left on the kept widgets."""
        self.resource = None
        self.report.set_resource("")
        self._words = []
        self._hide_all()
        for label in self._own_labels():
            label.setText("")
        self.qr_label.clear()
        self.scroll_area.verticalScrollBar().setValue(0)
