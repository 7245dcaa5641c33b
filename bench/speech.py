"""How long the kiosk takes to find its voice, and what a Spanish sentence sounds like.

Run with `python3 -m bench.speech [RUNS]`: espeak-ng's synthesis time (median and p95) for a
Spanish sentence of about ten seconds and for a whole place read aloud in Spanish, the length
and loudness of what it says, and how long the start-up check of the engine and player
takes. Nothing is played.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

SENTENCE = ("Pruebas gratis y privadas de infecciones de transmisión sexual. Puede llegar sin "
            "cita. Llame al ocho seis cero, cuatro cinco seis, dos dos seis uno.")


def _summary(samples: list[float]) -> dict[str, float]:
    values = sorted(samples)
    rank = max(0, min(len(values) - 1, round(0.95 * len(values) + 0.5) - 1))
    return {"median_ms": round(statistics.median(values) * 1000, 1),
            "p95_ms": round(values[rank] * 1000, 1)}


def _time(func: Callable[[], Any], runs: int) -> dict[str, float]:
    func()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return _summary(samples)


def measure(runs: int = 20) -> dict[str, Any]:
    from kiosk.directory.hours import WeeklyHours
    from kiosk.directory.model import Address, LocalText, Phone, Resource
    from kiosk.speech import wav
    from kiosk.speech.engine import EspeakEngine
    from kiosk.speech.player import AplayPlayer
    from kiosk.speech.script import resource_script
    from kiosk.speech.speaker import render

    engine = EspeakEngine()
    sentence = wav.read(engine.synthesize(SENTENCE, "es"))
    place = Resource(
        id="bench", name=LocalText("Windham Clinic", "Clínica de Windham"),
        categories=("health",), sources=(),
        description=LocalText("Free, private STI and HIV testing. No insurance needed.",
                              "Pruebas gratis y privadas de ITS y VIH. No necesita seguro."),
        phones=(Phone("+18604562261", "(860) 456-2261", label=LocalText("Front desk",
                                                                         "Recepción")),
                Phone("233733", "233733", kind="text", message="HELP")),
        address=Address("12 Main St", "Willimantic", "CT", "06226"),
        hours=WeeklyHours.from_data({"mon": ["09:00-17:00"], "tue": ["09:00-17:00"],
                                     "wed": ["09:00-19:30"], "sat": ["10:00-14:00"]}),
        cost=("free",), languages=("en", "es"), access=("walk_in",),
        verified_on=dt.date(2026, 11, 2))
    script = resource_script(place, "es", dt.datetime(2026, 11, 23, 10, 0))
    reading = render(engine, script)
    return {
        "spanish_sentence": {
            "words": len(SENTENCE.split()), "seconds": round(sentence.seconds, 2),
            "rms": round(sentence.rms()), "synthesis": _time(
                lambda: engine.synthesize(SENTENCE, "es"), runs)},
        "spanish_place": {
            "words": len(script.text.split()), "seconds": round(reading.seconds, 2),
            "synthesis": _time(lambda: render(engine, script), runs)},
        "startup_check": _time(lambda: (EspeakEngine()._check(), AplayPlayer()._check()),
                               max(3, runs // 4)),
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    runs = int(args[0]) if args else 20
    print(json.dumps(measure(runs), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
