"""Read aloud on the visitor screens: what it says, Stop while it speaks, and silence the
moment the visitor leaves, starts over, walks away or switches language. The last tests use
the real voice and player, into the session's own sound server."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.speech.player import AplayPlayback
from kiosk.speech.script import help_now_script, resource_script, topic_script
from kiosk.staff.notices import unseen
from kiosk.ui.speech import KioskSpeech
from kiosk.ui.window import KioskWindow
from tests.services.pulse import PrivatePulse
from tests.ui.helpers import MONDAY_10AM, FakeSpeech, tap


def _button(window: KioskWindow, name: str) -> QPushButton:
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    return button


def test_the_button_says_what_kiosk_speak_says(qtbot: QtBot, window: KioskWindow,
                                              speech: FakeSpeech) -> None:
    window.open_resource("willimantic-clinic")
    tap(qtbot, _button(window, "read-aloud"))
    resource = window.store.resource("willimantic-clinic")
    assert resource is not None
    assert speech.scripts[-1] == resource_script(resource, "en", MONDAY_10AM)
    window.set_language("es")
    tap(qtbot, _button(window, "read-aloud"))
    assert speech.scripts[-1] == resource_script(resource, "es", MONDAY_10AM)
    assert "ocho seis cero, cinco cinco cinco" in speech.said[-1][0]


def test_stop_shows_while_it_speaks(qtbot: QtBot, window: KioskWindow,
                                    speech: FakeSpeech) -> None:
    window.open_topic("your-rights")
    read, stop = _button(window, "read-aloud-topic"), _button(window, "read-aloud-topic-stop")
    assert read.isVisible() and not stop.isVisible()
    tap(qtbot, read)
    topic = window.store.topic("your-rights")
    assert topic is not None
    related = window.store.resources(list(topic.related), include_inactive=False)
    assert speech.scripts[-1] == topic_script(topic, related, "en")
    assert stop.isVisible() and not read.isVisible()
    assert stop.geometry().topLeft() == read.geometry().topLeft()  # in the same place
    assert stop.text() == "Stop reading" and stop.accessibleName() == "Stop reading"
    tap(qtbot, stop)
    assert not speech.speaking() and read.isVisible() and not stop.isVisible()
    tap(qtbot, read)
    speech.finish()  # said to the end
    assert read.isVisible() and not stop.isVisible()


def test_help_right_now_reads_its_lines(qtbot: QtBot, window: KioskWindow,
                                        speech: FakeSpeech) -> None:
    button = _button(window, "read-aloud-help-now")
    assert button.isVisible()
    tap(qtbot, button)
    home = window.home
    assert speech.scripts[-1] == help_now_script(home.help_lines, "en",
                                                 emergency=home.help_emergency)
    text = speech.said[-1][0]
    assert text.startswith("Help right now.") and "nine eight eight" in text
    assert _button(window, "read-aloud-help-now-stop").isVisible()


@pytest.mark.parametrize("leave", ["start over", "idle", "language", "back", "home", "other"])
def test_speaking_stops_when_the_visitor_moves_on(qtbot: QtBot, window: KioskWindow,
                                                  speech: FakeSpeech, leave: str) -> None:
    window.open_topic("your-rights")
    window.open_resource("willimantic-clinic")
    tap(qtbot, _button(window, "read-aloud"))
    assert speech.speaking()
    if leave == "start over":
        tap(qtbot, _button(window, "quick-exit"))
    elif leave == "idle":
        window._idle_expired()
    elif leave == "language":
        tap(qtbot, _button(window, "language-toggle"))
    elif leave == "back":
        tap(qtbot, _button(window, "back-button"))
    elif leave == "home":
        tap(qtbot, _button(window, "home-button"))
    else:
        window.open_topic("naloxone")
    assert not speech.speaking()
    window.open_resource("willimantic-clinic")
    assert _button(window, "read-aloud").isVisible()
    assert not _button(window, "read-aloud-stop").isVisible()


def test_without_an_engine_every_read_aloud_is_hidden(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(speech=FakeSpeech(available=False))
    assert not _button(window, "read-aloud-help-now").isVisible()
    window.open_resource("willimantic-clinic")
    assert not _button(window, "read-aloud").isVisible()
    window.open_topic("naloxone")
    assert not _button(window, "read-aloud-topic").isVisible()


# -- the real voice and player ------------------------------------------------------------

def _playing(speech: KioskSpeech, qtbot: QtBot) -> AplayPlayback:
    found: list[AplayPlayback] = []

    def started() -> bool:
        playback = speech.speaker.current_playback()
        if isinstance(playback, AplayPlayback) and playback.running():
            found.append(playback)
            return True
        return False

    qtbot.waitUntil(started, timeout=10000)
    return found[0]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_start_over_stops_the_real_player(qtbot: QtBot, make_window, lang: str,  # type: ignore[no-untyped-def]
                                          sound_server: PrivatePulse) -> None:
    window = make_window(speech=None, lang=lang)
    speech = window.speech
    assert isinstance(speech, KioskSpeech)
    qtbot.waitUntil(speech.answered)  # asked on a thread after the first frame
    assert speech.available()
    window.open_resource("willimantic-clinic")
    recording = sound_server.record()
    tap(qtbot, _button(window, "read-aloud"))
    playback = _playing(speech, qtbot)
    qtbot.waitUntil(lambda: sound_server.playing() == 1, timeout=5000)
    qtbot.wait(800)
    assert _button(window, "read-aloud-stop").isVisible()
    tap(qtbot, _button(window, "quick-exit"))
    stopped = time.monotonic()
    assert not playback.running()  # the player process has ended, at once
    assert speech.speaker.current_playback() is None
    qtbot.waitUntil(lambda: sound_server.playing() == 0, timeout=2000)
    assert time.monotonic() - stopped < 2
    from kiosk.speech import wav

    heard = wav.Audio(22050, 1, recording.stop())
    assert 0.3 < heard.voiced_seconds() < 3  # the start of it, not the whole minute
    assert window.current == ("home", "")


def test_a_real_reading_plays_out_and_the_button_comes_back(  # type: ignore[no-untyped-def]
        qtbot: QtBot, make_window, sound_server: PrivatePulse) -> None:
    window = make_window(speech=None)
    qtbot.waitUntil(window.speech.answered)
    window.open_topic("naloxone")  # "How to use naloxone. Call nine one one. ..." 5 s
    tap(qtbot, _button(window, "read-aloud-topic"))
    assert _button(window, "read-aloud-topic-stop").isVisible()
    qtbot.waitUntil(lambda: _button(window, "read-aloud-topic").isVisible(), timeout=20000)
    assert not _button(window, "read-aloud-topic-stop").isVisible()


def test_no_sound_device_hides_the_button_and_tells_staff_once(  # type: ignore[no-untyped-def]
        qtbot: QtBot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/nobody-listens")
    first = make_window(speech=None)
    qtbot.waitUntil(first.speech.answered)  # asked on a thread after the first frame
    assert not first.speech.available()
    assert not _button(first, "read-aloud-help-now").isVisible()
    first.open_resource("willimantic-clinic")
    assert not _button(first, "read-aloud").isVisible()
    second = make_window(speech=None)  # the next start finds the same problem
    qtbot.waitUntil(second.speech.answered)
    notices = [n.text for n in unseen(second.store)]
    assert len(notices) == 1
    assert notices[0].startswith("Read aloud is off: this computer has no sound device")
