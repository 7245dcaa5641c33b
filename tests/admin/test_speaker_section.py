"""Read aloud on the Settings page: the volume is a staff setting, "Test the speaker" plays
both voices at that volume, and a kiosk that cannot speak says why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSlider
from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.speech import wav
from kiosk.speech.engine import EspeakEngine
from kiosk.speech.script import speaker_test_script
from kiosk.speech.speaker import render
from kiosk.ui.speech import default_speech
from kiosk.ui.window import KioskWindow
from tests.admin.helpers import child, tap
from tests.services.pulse import RATE, PrivatePulse
from tests.ui.helpers import FakeSpeech
from tests.windows import Clock, sign_in


def _open_settings(window: KioskWindow, clock: Clock) -> AdminShell:
    shell = sign_in(window, clock=clock)
    shell.screen.go("settings")
    return shell


def _energy(audio: wav.Audio) -> float:
    return float(sum(v * v for v in audio.samples()))


def test_the_volume_is_saved_and_the_test_plays_at_it(  # type: ignore[no-untyped-def]
        qtbot: QtBot, make_window, clock: Clock, sound_server: PrivatePulse) -> None:
    window = make_window()
    window.speech = default_speech(lambda: int(window.settings.get("speech_volume")) / 100)
    shell = _open_settings(window, clock)
    page = shell.screen.settings_page
    assert child(page, "settings-speaker-status").text().startswith("Visitors can have")
    slider = child(page, "settings-speech-volume")
    assert isinstance(slider, QSlider) and slider.value() == 80
    for _ in range(5):  # five steps down, with the keyboard as the slider's own actions
        slider.setFocus()
        QTest.keyClick(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.settings.get("speech_volume") == 30, timeout=2000)
    assert child(page, "settings-speech-volume-text").text() == "30%"
    assert child(page, "settings-speaker-message").text() == "Read aloud volume saved: 30%."

    recording = sound_server.record()
    tap(qtbot, child(page, "settings-test-speaker"))
    message = child(page, "settings-speaker-message")
    assert message.text() == "Playing a test, in English and then in Spanish."
    qtbot.waitUntil(lambda: message.text().startswith("The test has ended."), timeout=30000)
    heard = wav.Audio(RATE, 1, recording.stop())
    full = render(EspeakEngine(), speaker_test_script())
    assert heard.voiced_seconds(floor=200) == pytest.approx(full.voiced_seconds(floor=200 / 0.3),
                                                            rel=0.25)
    assert _energy(heard) == pytest.approx(_energy(full) * 0.3 ** 2, rel=0.2)


def test_a_kiosk_that_cannot_speak_says_why(  # type: ignore[no-untyped-def]
        qtbot: QtBot, make_window, clock: Clock, monkeypatch: pytest.MonkeyPatch,
        tmp_path) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/nobody-listens")
    window = make_window()
    window.speech = default_speech()
    page = _open_settings(window, clock).screen.settings_page
    status = child(page, "settings-speaker-status").text()
    assert status.startswith("Read aloud is off: this computer has no sound device")
    assert not child(page, "settings-test-speaker").isEnabled()


def test_without_an_engine_the_test_is_off(  # type: ignore[no-untyped-def]
        qtbot: QtBot, make_window, clock: Clock) -> None:
    window = make_window()
    window.speech = FakeSpeech(available=False)
    page = _open_settings(window, clock).screen.settings_page
    assert child(page, "settings-speaker-status").text() == "Read aloud is off."
    assert not child(page, "settings-test-speaker").isEnabled()
