"""WAV bytes in memory: read what an engine wrote to a pipe, join, turn down, measure."""

from __future__ import annotations

import struct

import pytest

from kiosk.errors import KnownError
from kiosk.speech import wav


def _tone(seconds: float, level: int = 8000, rate: int = 22050) -> wav.Audio:
    frames = int(seconds * rate)
    data = b"".join(struct.pack("<h", level if (i // 25) % 2 else -level)
                    for i in range(frames))
    return wav.Audio(rate, 1, data)


def test_a_streamed_header_is_read_to_the_end_of_the_data() -> None:
    audio = _tone(0.5)
    streamed = bytearray(wav.write(audio))
    streamed[4:8] = struct.pack("<I", 0x7FFFF000)  # what espeak-ng --stdout writes
    streamed[40:44] = struct.pack("<I", 0x7FFFF000)
    back = wav.read(bytes(streamed))
    assert back == audio and back.seconds == pytest.approx(0.5, abs=0.001)


def test_volume_scales_the_loudness() -> None:
    audio = _tone(0.2)
    assert wav.scaled(audio, 0.5).rms() == pytest.approx(audio.rms() * 0.5, rel=0.01)
    assert wav.scaled(audio, 0).rms() == 0
    assert wav.scaled(audio, 3) == audio


def test_join_puts_a_pause_between_pieces() -> None:
    joined = wav.join([_tone(0.5), _tone(0.25)], gap_s=0.25)
    assert joined.seconds == pytest.approx(1.0, abs=0.001)
    assert joined.voiced_seconds() == pytest.approx(0.75, abs=0.03)
    with pytest.raises(KnownError, match="different formats"):
        wav.join([_tone(0.1), _tone(0.1, rate=16000)])


@pytest.mark.parametrize("bad", [
    b"", b"RIFF", b"not a wav at all, just text" * 10, b"\x00" * 4096,
    b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x03\x00\x01\x00",  # truncated float
    wav.write(_tone(0.1))[:36],  # no data chunk
])
def test_what_is_not_16_bit_pcm_gets_a_sentence(bad: bytes) -> None:
    with pytest.raises(KnownError, match="WAV"):
        wav.read(bad)
