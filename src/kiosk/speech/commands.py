"""`kiosk speak`: write what the Read aloud button says for a place or a topic to a WAV, so
staff can hear it on another computer and tests can measure it."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from kiosk.errors import KnownError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("speak", parents=[common],
                       help="write what Read aloud says for a resource or topic to a WAV")
    group = p.add_argument_group("what to say (choose one)").add_mutually_exclusive_group(
        required=True)
    group.add_argument("--resource", metavar="ID", default="", help="a resource, by id")
    group.add_argument("--topic", metavar="SLUG", default="", help="a topic, by slug")
    p.add_argument("--lang", choices=("en", "es"), default="en",
                   help="the visitor's language (default: en)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.wav",
                   help="where to write the WAV")
    p.add_argument("--text", action="store_true",
                   help="also print the words, one voice run a line, on standard output")
    p.set_defaults(func=cmd_speak)


def cmd_speak(args: argparse.Namespace) -> int:
    from kiosk.commandline import open_store
    from kiosk.directory.files import write_atomically
    from kiosk.speech import wav
    from kiosk.speech.engine import EspeakEngine
    from kiosk.speech.script import resource_script, topic_script
    from kiosk.speech.speaker import render

    out: Path = args.out
    if not out.parent.is_dir():
        raise KnownError(f"The folder {out.parent} does not exist.")
    store = open_store(args)
    if args.resource:
        resource = store.resource(args.resource)
        if resource is None:
            raise KnownError(f'There is no resource "{args.resource}".')
        if not resource.active:
            raise KnownError(f'The resource "{args.resource}" is inactive: visitors do not '
                             f"see it, so it is never read aloud.")
        script = resource_script(resource, args.lang, store.clock())
    else:
        topic = store.topic(args.topic)
        if topic is None:
            raise KnownError(f'There is no topic "{args.topic}".')
        related = store.resources(list(topic.related), include_inactive=False)
        script = topic_script(topic, related, args.lang)
    engine = EspeakEngine()
    problem = engine.problem()
    if problem:
        raise KnownError(problem)
    started = time.perf_counter()
    audio = render(engine, script)
    took = time.perf_counter() - started
    try:
        write_atomically(out, wav.write(audio))
    except OSError as error:
        raise KnownError(f"{out} could not be written: {error.strerror or error}.") from None
    if args.text:
        for run in script.runs():
            print(f"[{run.lang}] {run.text}")
    print(f"{out}: {audio.seconds:.1f} s of speech, made in {took:.2f} s", file=sys.stderr)
    return 0
