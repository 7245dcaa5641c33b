"""The kiosk's settings, the PIN, and "Exit kiosk" (the only way the kiosk closes)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.pinpad import PinPad
from kiosk.admin.stepper import Stepper
from kiosk.admin.views import ChoiceList
from kiosk.admin.widgets import ChoiceButtons, Field, button, check_box, label, row
from kiosk.staff.pin import PinGuard


def printer_names() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


class SettingsPage(QWidget):
    """Save sits above the page, never under the keyboard. What is saved applies at once:
    the idle times from now, the language, text size and contrast from the next visitor on
    (when staff leave, if nobody is using the kiosk), the printer and discreet sheets from
    the next sheet, the days before checking again in the work queue and the entries."""

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(16, 8, 16, 8)
        top.addWidget(label(self.tr("Settings"), "section", wrap=False))
        self.message = label("", "status")
        self.message.setObjectName("settings-message")
        top.addWidget(self.message, 1)
        self.save_button = button(self.tr("Save settings"), "settings-save", "primary")
        self.save_button.clicked.connect(self.save)
        top.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.body_scroll = QScrollArea()
        self.body_scroll.setObjectName("settings-scroll")
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setProperty("role", "page")
        self.body_scroll.setWidget(body)
        outer.addWidget(self.body_scroll, 1)
        from kiosk.ui.widgets import enable_finger_scrolling

        self._scroller = enable_finger_scrolling(self.body_scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 0, 24, 16)
        layout.setSpacing(10)

        layout.addWidget(label(self.tr("This kiosk"), "section"))
        self.location = Field(self.tr("Name of this place (printed on sheets)"),
                              "settings-location")
        self.town = Field(self.tr("Town of this kiosk (for \"near this kiosk\")"),
                          "settings-town")
        layout.addWidget(row(self.location, self.town))

        layout.addWidget(label(self.tr("Each visit starts with"), "section"))
        self.lang = ChoiceButtons("settings-default-lang", self.tr("Language at the start"),
                                  [("en", "English"), ("es", "Español")])
        self.text_size = ChoiceButtons(
            "settings-text-size", self.tr("Text size at the start"),
            [("0", self.tr("Normal")), ("1", self.tr("Larger")), ("2", self.tr("Largest"))])
        layout.addWidget(row(self._titled(self.tr("Language at the start"), self.lang),
                             self._titled(self.tr("Text size at the start"), self.text_size)))
        self.contrast = check_box(self.tr("Start in high contrast"), "settings-high-contrast")
        layout.addWidget(self.contrast)
        self.idle = Stepper("settings-idle-timeout",
                            self.tr("Seconds untouched before the kiosk starts over"),
                            20, 900, 10)
        self.still_there = Stepper("settings-still-there",
                                   self.tr("Seconds to answer \"Are you still there?\""),
                                   5, 120, 5)
        layout.addWidget(row(
            self._titled(self.tr("Seconds untouched before the kiosk starts over"), self.idle),
            self._titled(self.tr("Seconds to answer \"Are you still there?\""),
                         self.still_there)))

        layout.addWidget(label(self.tr("Printing"), "section"))
        self.printer = ChoiceList("settings-printer", self.tr("Printer"))
        self.test_page = button(self.tr("Print a test page"), "settings-test-page")
        printer_box = QWidget()
        printer_row = QHBoxLayout(printer_box)
        printer_row.setContentsMargins(0, 0, 0, 0)
        printer_row.addWidget(self.printer, 1)
        printer_row.addWidget(self.test_page, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._titled(self.tr("Printer"), printer_box))
        self.discreet = check_box(self.tr("Print discreet sheets unless the visitor chooses "
                                          "otherwise"), "settings-discreet")
        layout.addWidget(self.discreet)

        layout.addWidget(label(self.tr("Checking entries"), "section"))
        self.stale = Stepper("settings-stale-days",
                             self.tr("Days before an entry needs checking again"), 7, 3650, 30)
        stale_box = QWidget()
        stale_row = QHBoxLayout(stale_box)
        stale_row.setContentsMargins(0, 0, 0, 0)
        stale_row.addWidget(self._titled(self.tr("Days before an entry needs checking again"),
                                         self.stale), 1)
        stale_row.addStretch(1)
        layout.addWidget(stale_box)

        from kiosk.admin.speaker_section import SpeakerSection

        self.speaker = SpeakerSection(ctx)
        layout.addWidget(self.speaker)

        layout.addWidget(label(self.tr("Staff PIN"), "section"))
        self.change_pin = button(self.tr("Change the PIN"), "settings-change-pin")
        self.change_pin.clicked.connect(self._change_pin)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.change_pin)
        pin_row.addStretch(1)
        layout.addLayout(pin_row)
        self.pin_holder = QVBoxLayout()
        layout.addLayout(self.pin_holder)
        self.pad: PinPad | None = None

        from kiosk.admin.health_panel import HealthPanel

        layout.addWidget(label(self.tr("Is this kiosk ready for visitors?"), "section"))
        self.health = HealthPanel(ctx)
        layout.addWidget(self.health)

        layout.addWidget(label(self.tr("Close the kiosk"), "section"))
        layout.addWidget(label(self.tr("This closes the kiosk program on this computer. "
                                       "Visitors cannot use it until it is started again."),
                               "note"))
        self.exit_button = button(self.tr("Exit kiosk"), "settings-exit-kiosk", "danger")
        self.exit_button.clicked.connect(self._exit_kiosk)
        self._exit_armed = QTimer(self)
        self._exit_armed.setSingleShot(True)
        self._exit_armed.setInterval(5000)
        self._exit_armed.timeout.connect(self._disarm_exit)
        exit_row = QHBoxLayout()
        exit_row.addWidget(self.exit_button)
        exit_row.addStretch(1)
        layout.addLayout(exit_row)
        layout.addStretch(1)
        self.test_page.clicked.connect(self._test_page)
        self.reload()

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(label(title, "field-title"))
        layout.addWidget(widget)
        return box

    def reload(self) -> None:
        s = self.ctx.settings
        self.location.set_text(s.get("location_name"))
        self.town.set_text(s.get("town"))
        self.lang.set_value(str(s.get("default_lang")))
        self.text_size.set_value(str(s.get("text_size_default")))
        self.idle.set_value(round(float(s.get("idle_timeout_s"))))
        self.still_there.set_value(round(float(s.get("still_there_s"))))
        self.stale.set_value(int(s.get("stale_days")))
        self.discreet.setChecked(bool(s.get("discreet_default")))
        self.contrast.setChecked(bool(s.get("high_contrast_default")))
        current = str(s.get("printer"))
        names = printer_names()
        if current and current not in names:
            names.append(current)
        self.printer.set_items([("", self.tr("No printer")), *((n, n) for n in names)],
                               current)
        self.message.setText("")

    @Slot()
    def save(self) -> bool:
        town = self.town.text().strip()
        if not town:
            self.town.set_problem(self.tr("Write the town this kiosk is in."))
            self.message.setText(self.tr("Nothing was saved."))
            return False
        s = self.ctx.settings
        with self.ctx.store.db.atomic():
            s.set("location_name", self.location.text().strip())
            s.set("town", town)
            s.set("default_lang", self.lang.value() or "en")
            s.set("text_size_default", int(self.text_size.value() or 0))
            s.set("idle_timeout_s", self.idle.value())
            s.set("still_there_s", self.still_there.value())
            s.set("stale_days", self.stale.value())
            s.set("printer", self.printer.current_key())
            s.set("discreet_default", self.discreet.isChecked())
            s.set("high_contrast_default", self.contrast.isChecked())
        self.town.set_problem("")
        self.ctx.settings_saved()
        self.message.setText(self.tr("Saved. The idle times count from now; the language, "
                                     "text size and contrast apply from the next visitor."))
        return True

    @Slot()
    def _test_page(self) -> None:
        name = self.printer.current_key()
        if not name:
            self.message.setText(self.tr("Choose a printer first."))
            return
        from kiosk.printing import print_test_page

        try:
            print_test_page(name, self.ctx.settings)
        except Exception as error:  # a printer problem must not close the admin screen
            self.message.setText(self.tr("The test page could not be printed: %1").replace(
                "%1", str(error)))
            return
        self.message.setText(self.tr("A test page was sent to %1.").replace("%1", name))

    @Slot()
    def _change_pin(self) -> None:
        if self.pad is not None:
            return
        pad = PinPad(PinGuard(self.ctx.settings, self.ctx.clock), "change")
        pad.setObjectName("change-pin-pad")
        pad.accepted.connect(lambda: self._pin_done(self.tr("The PIN was changed.")))
        pad.cancelled.connect(lambda: self._pin_done(""))
        self.pin_holder.addWidget(pad)
        self.pad = pad
        self.change_pin.setEnabled(False)

    def _pin_done(self, text: str) -> None:
        if self.pad is not None:
            self.pad.hide()
            self.pad.deleteLater()
            self.pad = None
        self.change_pin.setEnabled(True)
        self.message.setText(text)

    @Slot()
    def _exit_kiosk(self) -> None:
        """Two taps: a stray one must not close the kiosk for the rest of the day."""
        if not self._exit_armed.isActive():
            self.exit_button.setText(self.tr("Tap again to close the kiosk"))
            self._exit_armed.start()
            return
        self._exit_armed.stop()
        self.ctx.leave_kiosk()

    @Slot()
    def _disarm_exit(self) -> None:
        self.exit_button.setText(self.tr("Exit kiosk"))
