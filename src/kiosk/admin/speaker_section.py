"""Read aloud on the Settings page: how loud, a test of the speaker, and why it is off when
the kiosk cannot speak."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QSlider, QVBoxLayout, QWidget

from kiosk.admin.context import AdminContext
from kiosk.admin.widgets import button, label
from kiosk.speech.script import speaker_test_script


class SpeakerSection(QWidget):
    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings-speaker")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(label(self.tr("Read aloud"), "section"))
        self.status = label("", "note")
        self.status.setObjectName("settings-speaker-status")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(label(self.tr("Volume"), "field-title"))
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("settings-speech-volume")
        self.volume.setAccessibleName(self.tr("Read aloud volume"))
        self.volume.setRange(10, 100)
        self.volume.setSingleStep(10)
        self.volume.setPageStep(10)
        self.volume_text = label("", wrap=False)
        self.volume_text.setObjectName("settings-speech-volume-text")
        self.test_button = button(self.tr("Test the speaker"), "settings-test-speaker")
        row.addWidget(self.volume, 1)
        row.addWidget(self.volume_text)
        row.addWidget(self.test_button)
        layout.addLayout(row)
        self.message = label("", "status")
        self.message.setObjectName("settings-speaker-message")
        layout.addWidget(self.message)
        self.volume.valueChanged.connect(self._show_volume)
        self.volume.sliderReleased.connect(self._save_volume)
        self.volume.actionTriggered.connect(lambda _action: self._save_volume())
        self.test_button.clicked.connect(self._test)
        self.reload()

    def reload(self) -> None:
        self.volume.blockSignals(True)
        self.volume.setValue(int(self.ctx.settings.get("speech_volume")))
        self.volume.blockSignals(False)
        self._show_volume(self.volume.value())
        speech = self.ctx.speech
        if speech is None:
            problem: str | None = self.tr("Read aloud is off: this screen has no speech "
                                          "engine.")
        elif hasattr(speech, "problem"):
            problem = speech.problem()
        else:
            problem = None if speech.available() else self.tr("Read aloud is off.")
        self.status.setText(problem or self.tr("Visitors can have any place or topic read "
                                               "to them, in English or Spanish."))
        self.test_button.setEnabled(problem is None)
        self.volume.setEnabled(problem is None)

    @Slot(int)
    def _show_volume(self, value: int) -> None:
        self.volume_text.setText(f"{value}%")

    @Slot()
    def _save_volume(self) -> None:
        # actionTriggered comes before the value moves: save once the event is done
        QTimer.singleShot(0, self._write_volume)

    def _write_volume(self) -> None:
        value = self.volume.value()
        if value != int(self.ctx.settings.get("speech_volume")):
            self.ctx.settings.set("speech_volume", value)
            self.message.setText(self.tr("Read aloud volume saved: %1%.").replace(
                "%1", str(value)))

    @Slot()
    def _test(self) -> None:
        speech = self.ctx.speech
        if speech is None or not speech.available():
            return
        self.message.setText(self.tr("Playing a test, in English and then in Spanish."))
        test = getattr(speech, "test", None)
        if test is not None:
            test(speaker_test_script(), self.volume.value() / 100, self._tested)
        else:
            speech.say(speaker_test_script(), self._tested)

    def _tested(self) -> None:
        self.message.setText(self.tr("The test has ended. If you heard nothing, check that "
                                     "the speaker is on and plugged in."))
