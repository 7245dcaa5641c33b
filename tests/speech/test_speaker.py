"""The engine and the player together, as the visitor screens use them."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from kiosk.speech.engine import EspeakEngine
from kiosk.speech.player import AplayPlayback, AplayPlayer
from kiosk.speech.script import Part, Script
from kiosk.speech.speaker import Speaker
from tests.services.pulse import PrivatePulse


def _script(*parts: tuple[str, str]) -> Script:
    return Script(parts[0][0], tuple(Part(lang, text) for lang, text in parts))


def _wait_for_playback(speaker: Speaker) -> AplayPlayback:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        playback = speaker.current_playback()
        if isinstance(playback, AplayPlayback):
            return playback
        time.sleep(0.01)
    raise AssertionError("nothing started playing")


def test_a_script_is_said_to_the_end_and_done_is_called(sound_server: PrivatePulse) -> None:
    speaker = Speaker(EspeakEngine(), AplayPlayer())
    finished = threading.Event()
    speaker.say(_script(("en", "Walk in.")), finished.set)
    assert speaker.speaking()
    assert finished.wait(10)
    assert not speaker.speaking()


def test_stop_ends_the_player_process_and_done_is_not_called(
        sound_server: PrivatePulse) -> None:
    speaker = Speaker(EspeakEngine(), AplayPlayer())
    finished = threading.Event()
    speaker.say(_script(("es", "Llame al ocho seis cero, cuatro cinco seis, dos dos seis uno.")),
                finished.set)
    playback = _wait_for_playback(speaker)
    pid = playback.pid
    speaker.stop()
    assert not playback.running() and not Path(f"/proc/{pid}").exists()
    assert not speaker.speaking()
    assert not finished.wait(0.5)


def test_a_new_script_stops_the_one_being_said(sound_server: PrivatePulse) -> None:
    speaker = Speaker(EspeakEngine(), AplayPlayer())
    speaker.say(_script(("en", "Call eight six zero, four five six, two two six one.")))
    first = _wait_for_playback(speaker)
    finished = threading.Event()
    speaker.say(_script(("en", "Walk in.")), finished.set)
    assert not first.running()
    assert finished.wait(10)


def test_a_mixed_script_is_said_by_both_voices(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = EspeakEngine()
    asked: list[tuple[str, str]] = []
    real = engine.synthesize
    monkeypatch.setattr(engine, "synthesize",
                        lambda text, lang: asked.append((lang, text)) or real(text, lang))
    from kiosk.speech.speaker import render

    audio = render(engine, _script(("es", "Clínica."), ("es", "Llame."), ("en", "Front desk."),
                                   ("es", "ocho.")))
    assert asked == [("es", "Clínica. Llame."), ("en", "Front desk."), ("es", "ocho.")]
    assert audio.seconds > 1.5


def test_nothing_a_visitor_heard_is_left_on_disk_or_on_a_command_line(
        sound_server: PrivatePulse, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    speaker = Speaker(EspeakEngine(), AplayPlayer())
    finished = threading.Event()
    speaker.say(_script(("en", "The secret word is marmalade, said slowly.")), finished.set)
    _wait_for_playback(speaker)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command_line = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        assert b"marmalade" not in command_line
    assert finished.wait(15)
    # HOME, TMPDIR and the working folder are all in tmp_path (the sound library keeps its
    # settings folder in HOME): no file there holds the words or the sound.
    for path in tmp_path.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert b"marmalade" not in content and b"RIFF" not in content, path


def test_a_failing_player_is_logged_without_the_words(caplog: pytest.LogCaptureFixture,
                                                      tmp_path: Path) -> None:
    nowhere = PrivatePulse(tmp_path)  # not started
    speaker = Speaker(EspeakEngine(), AplayPlayer("pulse", env=nowhere.env()))
    finished = threading.Event()
    speaker.say(_script(("en", "Marmalade line.")), finished.set)
    assert finished.wait(10)
    assert "aplay stopped" in caplog.text and "armalade" not in caplog.text
