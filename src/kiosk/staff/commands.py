"""`kiosk set-pin`: set the staff PIN from a terminal.

The PIN is read with `getpass` (typed twice, not shown) or, when standard input is not a
terminal, from its first line (and a second line, if given, must repeat it). It is never
taken from the command line, where it would sit in the shell's history and the process list.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from kiosk.errors import KnownError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("set-pin", parents=[common],
                       help="set the staff PIN (6 digits or more), read from the terminal "
                            "or from standard input, never from the command line")
    p.set_defaults(func=cmd_set_pin)


def read_pin(stdin: TextIO) -> str:
    if stdin.isatty():
        import getpass

        first = getpass.getpass("New staff PIN (6 digits or more): ")
        second = getpass.getpass("The same PIN again: ")
    else:
        lines = stdin.read().splitlines()
        first = lines[0].strip() if lines else ""
        second = lines[1].strip() if len(lines) > 1 else first
    if first != second:
        raise KnownError("The two PINs were not the same; the PIN was not changed.")
    return first


def cmd_set_pin(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    from kiosk.commandline import open_store
    from kiosk.directory.settings import Settings
    from kiosk.staff.pin import PinError, PinGuard

    pin = read_pin(stdin or sys.stdin)
    store = open_store(args)
    try:
        PinGuard(Settings(store)).set_pin(pin)
    except PinError as error:
        raise KnownError(f"{error.message} The PIN was not changed.") from None
    finally:
        store.close()
    print("The staff PIN is set.")
    return 0
