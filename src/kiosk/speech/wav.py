"""16-bit PCM WAV in memory: read, write, join, turn down, and measure.

Engines that write a WAV to a pipe cannot go back to fill in its sizes (espeak-ng leaves them
at 0x7FFFF000), so `read` takes the data chunk to run to the end of what was written.
"""

from __future__ import annotations

import math
import struct
import sys
from array import array
from dataclasses import dataclass

from kiosk.errors import KnownError


@dataclass(frozen=True, slots=True)
class Audio:
    """Mono or multichannel 16-bit samples, little-endian as in a WAV."""

    rate: int
    channels: int
    data: bytes

    @property
    def frames(self) -> int:
        return len(self.data) // (2 * self.channels)

    @property
    def seconds(self) -> float:
        return self.frames / self.rate if self.rate else 0.0

    def samples(self) -> array[int]:
        values = array("h")
        values.frombytes(self.data[: len(self.data) // 2 * 2])
        if sys.byteorder == "big":
            values.byteswap()
        return values

    def rms(self) -> float:
        """Loudness as root mean square, 0 (silence) to 32767 (full scale)."""
        values = self.samples()
        if not values:
            return 0.0
        return math.sqrt(sum(v * v for v in values) / len(values))

    def voiced_seconds(self, floor: int = 500, window_s: float = 0.02) -> float:
        """How long windows louder than `floor` (RMS) last in all: the sound, not the
        pauses."""
        values = self.samples()
        step = max(1, int(self.rate * self.channels * window_s))
        loud = 0
        for i in range(0, len(values), step):
            chunk = values[i:i + step]
            if chunk and math.sqrt(sum(v * v for v in chunk) / len(chunk)) > floor:
                loud += len(chunk)
        return loud / (self.rate * self.channels) if self.rate else 0.0


def read(wav: bytes) -> Audio:
    """The samples of a 16-bit PCM WAV; a clear sentence for anything else."""
    if len(wav) < 12 or wav[:4] != b"RIFF" or wav[8:12] != b"WAVE":
        raise KnownError("the speech engine did not give a WAV file")
    pos = 12
    rate = channels = bits = 0
    while pos + 8 <= len(wav):
        kind, size = wav[pos:pos + 4], struct.unpack_from("<I", wav, pos + 4)[0]
        body = pos + 8
        if kind == b"fmt " and size >= 16:
            if body + 16 > len(wav):
                raise KnownError("the speech engine gave a WAV cut short")
            fmt, channels, rate, _, _, bits = struct.unpack_from("<HHIIHH", wav, body)
            if fmt != 1 or bits != 16 or not channels or not rate:
                raise KnownError("the speech engine gave a WAV that is not 16-bit PCM")
        elif kind == b"data":
            if not rate:
                raise KnownError("the speech engine gave a WAV without its format")
            end = min(len(wav), body + size)
            return Audio(rate, channels, wav[body:end])
        pos = body + size + (size & 1)
    raise KnownError("the speech engine gave a WAV without sound data")


def write(audio: Audio) -> bytes:
    data = audio.data
    header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVE"
    header += b"fmt " + struct.pack("<IHHIIHH", 16, 1, audio.channels, audio.rate,
                                    audio.rate * audio.channels * 2, audio.channels * 2, 16)
    return header + b"data" + struct.pack("<I", len(data)) + data


def silence(seconds: float, rate: int = 22050, channels: int = 1) -> Audio:
    return Audio(rate, channels, b"\0\0" * channels * int(rate * seconds))


def join(pieces: list[Audio], gap_s: float = 0.25) -> Audio:
    """One recording from several of the same format, with a short pause between them."""
    if not pieces:
        return silence(0)
    first = pieces[0]
    for piece in pieces[1:]:
        if (piece.rate, piece.channels) != (first.rate, first.channels):
            raise KnownError("the speech engine gave recordings of different formats")
    gap = silence(gap_s, first.rate, first.channels).data
    return Audio(first.rate, first.channels, gap.join(p.data for p in pieces))


def scaled(audio: Audio, volume: float) -> Audio:
    """The same sound at `volume` (0 to 1) of its loudness."""
    volume = min(1.0, max(0.0, volume))
    if volume >= 1.0:
        return audio
    values = audio.samples()
    out = array("h", (int(v * volume) for v in values))
    if sys.byteorder == "big":
        out.byteswap()
    return Audio(audio.rate, audio.channels, out.tobytes())
