"""The kiosk's settings, the PIN, and "Exit kiosk" (the only way the kiosk closes)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.context import AdminContext
from kiosk.admin.pinpad import PinPad
from kiosk.admin.widgets import TARGET, Field, button, check_box, combo, label
from kiosk.staff.pin import PinGuard


def printer_names() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


class SettingsPage(QWidget):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        body.setProperty("role", "page")
        scroll.setWidget(body)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.setSpacing(10)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.location = Field(self.tr("Name of this place (printed on sheets)"),
                              "settings-location")
        self.town = Field(self.tr("Town of this kiosk (for \"near this kiosk\")"),
                          "settings-town")
        grid.addWidget(self.location, 0, 0)
        grid.addWidget(self.town, 0, 1)
        self.lang = combo("settings-default-lang", self.tr("Language at the start"))
        self.lang.addItem("English", "en")
        self.lang.addItem("Español", "es")
        grid.addWidget(self._titled(self.tr("Language at the start"), self.lang), 1, 0)
        self.idle = QDoubleSpinBox()
        self.idle.setObjectName("settings-idle-timeout")
        self.idle.setAccessibleName(self.tr("Seconds untouched before the kiosk starts over"))
        self.idle.setRange(20, 900)
        self.idle.setDecimals(0)
        self.idle.setSingleStep(10)
        self.idle.setMinimumHeight(TARGET)
        self.idle.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.PlusMinus)
        grid.addWidget(self._titled(self.tr("Seconds untouched before the kiosk starts over"),
                                    self.idle), 1, 1)
        self.stale = QSpinBox()
        self.stale.setObjectName("settings-stale-days")
        self.stale.setAccessibleName(self.tr("Days before an entry needs checking again"))
        self.stale.setRange(7, 3650)
        self.stale.setSingleStep(30)
        self.stale.setMinimumHeight(TARGET)
        self.stale.setButtonSymbols(QSpinBox.ButtonSymbols.PlusMinus)
        grid.addWidget(self._titled(self.tr("Days before an entry needs checking again"),
                                    self.stale), 2, 0)
        self.printer = combo("settings-printer", self.tr("Printer"))
        self.test_page = button(self.tr("Print a test page"), "settings-test-page")
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer, 1)
        printer_row.addWidget(self.test_page)
        printer_box = QWidget()
        printer_box.setLayout(printer_row)
        printer_row.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._titled(self.tr("Printer"), printer_box), 2, 1)
        layout.addLayout(grid)
        self.discreet = check_box(self.tr("Print discreet sheets unless the visitor chooses "
                                          "otherwise"), "settings-discreet")
        self.contrast = check_box(self.tr("Start in high contrast"), "settings-high-contrast")
        layout.addWidget(self.discreet)
        layout.addWidget(self.contrast)
        self.save_button = button(self.tr("Save settings"), "settings-save", "primary")
        self.save_button.clicked.connect(self.save)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        layout.addLayout(save_row)
        self.message = label("", "status")
        self.message.setObjectName("settings-message")
        layout.addWidget(self.message)

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
        self.lang.setCurrentIndex(max(0, self.lang.findData(s.get("default_lang"))))
        self.idle.setValue(float(s.get("idle_timeout_s")))
        self.stale.setValue(int(s.get("stale_days")))
        self.discreet.setChecked(bool(s.get("discreet_default")))
        self.contrast.setChecked(bool(s.get("high_contrast_default")))
        self.printer.clear()
        self.printer.addItem(self.tr("No printer"), "")
        current = str(s.get("printer"))
        names = printer_names()
        if current and current not in names:
            names.append(current)
        for name in names:
            self.printer.addItem(name, name)
        self.printer.setCurrentIndex(max(0, self.printer.findData(current)))

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
            s.set("default_lang", self.lang.currentData())
            s.set("idle_timeout_s", self.idle.value())
            s.set("stale_days", self.stale.value())
            s.set("printer", self.printer.currentData() or "")
            s.set("discreet_default", self.discreet.isChecked())
            s.set("high_contrast_default", self.contrast.isChecked())
        self.town.set_problem("")
        self.message.setText(self.tr("Saved. The kiosk uses the new settings from its next "
                                     "visitor on."))
        return True

    @Slot()
    def _test_page(self) -> None:
        name = str(self.printer.currentData() or "")
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
