"""espeak-ng, for real: it speaks both languages, and what it gives is speech."""

from __future__ import annotations

import math

import pytest

from kiosk.errors import KnownError
from kiosk.speech import wav
from kiosk.speech.engine import EspeakEngine
from kiosk.speech.language import phone

RMS_FLOOR = 1000  # espeak-ng speaks near 3000; silence and hiss are far below
SENTENCES = {
    "en": "Free and private testing. Walk in, no appointment needed. Call eight six zero, "
          "four five six, two two six one.",
    "es": "Pruebas gratis y privadas. Puede llegar sin cita. Llame al ocho seis cero, cuatro "
          "cinco seis, dos dos seis uno.",
}


def envelope(audio: wav.Audio, window_s: float = 0.02) -> list[float]:
    values = audio.samples()
    step = int(audio.rate * window_s)
    return [math.sqrt(sum(v * v for v in values[i:i + step]) / step)
            for i in range(0, len(values) - step, step)]


def correlation(a: list[float], b: list[float]) -> float:
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    ma, mb = sum(a) / n, sum(b) / n
    num = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    den = math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))
    return num / den if den else 0.0


@pytest.fixture(scope="module")
def engine() -> EspeakEngine:
    engine = EspeakEngine()
    assert engine.problem() is None
    return engine


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_sentence_is_speech_of_the_right_length(engine: EspeakEngine, lang: str) -> None:
    text = SENTENCES[lang]
    audio = wav.read(engine.synthesize(text, lang))
    nominal = len(text.split()) / engine.words_per_minute * 60  # 20 words: 7.7 s
    assert 0.7 * nominal < audio.seconds < 1.6 * nominal
    assert audio.rms() > RMS_FLOOR
    assert audio.voiced_seconds() > 0.5 * audio.seconds  # sound, with pauses between words


def test_spanish_is_said_by_the_spanish_voice(engine: EspeakEngine) -> None:
    text = SENTENCES["es"]
    spanish = envelope(wav.read(engine.synthesize(text, "es")))
    again = envelope(wav.read(engine.synthesize(text, "es")))
    english = envelope(wav.read(engine.synthesize(text, "en")))
    assert correlation(spanish, again) > 0.99  # the same voice says it the same way
    assert correlation(spanish, english) < 0.8  # another voice, other sounds


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_phone_number_takes_the_time_of_ten_digits(engine: EspeakEngine, lang: str) -> None:
    said = phone("(860) 456-2261", lang)
    audio = wav.read(engine.synthesize(said, lang))
    assert audio.voiced_seconds() > 10 * 0.2  # ten words, not "eight hundred sixty..."
    one_digit = wav.read(engine.synthesize(phone("8", lang), lang))
    assert audio.seconds > 6 * one_digit.voiced_seconds()


def test_words_reach_the_engine_on_its_input_not_its_command_line(
        engine: EspeakEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    seen: list[list[str]] = []
    real_run = subprocess.run

    def spy(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        seen.append(list(args))
        return real_run(args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(subprocess, "run", spy)
    engine.synthesize("a private word: zanahoria", "es")
    assert seen and not any("zanahoria" in arg for args in seen for arg in args)


def test_a_missing_engine_says_so_in_one_sentence() -> None:
    engine = EspeakEngine(command="espeak-ng-not-installed")
    problem = engine.problem()
    assert problem is not None and problem.startswith("Read aloud is off:")
    assert "espeak-ng" in problem and problem.endswith(".") and ". " not in problem
    with pytest.raises(KnownError, match="not installed"):
        engine.synthesize("hello", "en")


def test_a_missing_voice_says_which(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = EspeakEngine()
    monkeypatch.setitem(engine.VOICES, "es", "xx-no-such-voice")
    problem = engine.problem()
    assert problem is not None and "xx-no-such-voice" in problem
