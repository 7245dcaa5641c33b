"""aplay, for real, into the session's own sound server: what it plays is what the sink
hears, it stops at once, and no sound device is a sentence for staff, not a crash."""

from __future__ import annotations

import time

import pytest

from kiosk.speech import wav
from kiosk.speech.engine import EspeakEngine
from kiosk.speech.player import AplayPlayer
from tests.services.pulse import RATE, PrivatePulse

SENTENCE = "Call eight six zero, four five six, two two six one."  # 4 s
SHORT = "Walk in."


@pytest.fixture(scope="module")
def speech_wav() -> bytes:
    return EspeakEngine().synthesize(SENTENCE, "en")


def test_the_player_plays_the_whole_sentence(sound_server: PrivatePulse) -> None:
    player = AplayPlayer()
    assert player.device == "pulse" and player.problem() is None
    short_wav = EspeakEngine().synthesize("Call eight six zero.", "en")
    sent = wav.read(short_wav)
    recording = sound_server.record()
    playback = player.start(short_wav)
    assert playback.wait(timeout=sent.seconds + 10)
    heard = wav.Audio(RATE, 1, recording.stop())
    assert heard.voiced_seconds() == pytest.approx(sent.voiced_seconds(), rel=0.1)
    assert heard.rms() > 500


def test_stop_ends_the_sound_at_once(sound_server: PrivatePulse, speech_wav: bytes) -> None:
    player = AplayPlayer()
    recording = sound_server.record()
    playback = player.start(speech_wav)
    deadline = time.monotonic() + 5
    while sound_server.playing() == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(1.0)
    stopped_at = time.monotonic()
    playback.stop()
    assert not playback.running()
    assert time.monotonic() - stopped_at < 0.5
    assert not playback.wait(1)  # stopped, not played to the end
    time.sleep(0.5)
    heard = wav.Audio(RATE, 1, recording.stop())
    assert sound_server.playing() == 0
    assert 0.3 < heard.voiced_seconds() < 1.6  # about the second it played, of four


def test_volume_turns_the_sound_down(sound_server: PrivatePulse, speech_wav: bytes) -> None:
    player = AplayPlayer()
    loudness = []
    short = wav.read(EspeakEngine().synthesize(SHORT, "en"))
    for volume in (1.0, 0.25):
        quiet = wav.write(wav.scaled(short, volume))
        recording = sound_server.record()
        assert player.start(quiet).wait(timeout=20)
        loudness.append(wav.Audio(RATE, 1, recording.stop()).rms())
    assert loudness[1] == pytest.approx(loudness[0] * 0.25, rel=0.15)


def test_no_sound_device_is_one_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    nowhere = PrivatePulse(tmp_path)  # never started: nothing listens on its socket
    problem = AplayPlayer("pulse", env=nowhere.env()).problem()
    assert problem is not None and problem.startswith(
        "Read aloud is off: this computer has no sound device")
    assert problem.endswith(".") and "\n" not in problem
    missing = AplayPlayer(command="aplay-not-installed").problem()
    assert missing is not None and "alsa-utils" in missing
