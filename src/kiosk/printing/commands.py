"""`kiosk sheet` (write a PDF) and `kiosk print` (send it to a printer), the same selection."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from kiosk.errors import KnownError

HELP_SELECTION = "what to put on the sheet (choose one)"


def _add_common(p: argparse.ArgumentParser) -> None:
    group = p.add_argument_group(HELP_SELECTION).add_mutually_exclusive_group(required=True)
    group.add_argument("--resource", nargs="+", metavar="ID", default=[],
                       help="one or more resources, by id")
    group.add_argument("--category", metavar="SLUG", default="",
                       help="every active resource of a category")
    group.add_argument("--topic", metavar="SLUG", default="",
                       help="a topic with the resources it names")
    group.add_argument("--all", action="store_true", dest="everything",
                       help="every active resource, by category")
    p.add_argument("--lang", choices=("en", "es"), default="en",
                   help="the language of the sheet (default: en)")
    p.add_argument("--discreet", action="store_true",
                   help="leave off every word that says what the help is for")
    p.add_argument("--paper", choices=("letter", "a4"), default=None,
                   help="paper size (default: the kiosk's setting)")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("sheet", parents=[common], help="write a printable sheet as a PDF")
    _add_common(p)
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                   help="where to write the PDF")
    p.set_defaults(func=cmd_sheet)

    p = sub.add_parser("print", parents=[common],
                       help="print a sheet on a printer, with no dialog")
    _add_common(p)
    p.add_argument("--printer", default=None, metavar="NAME",
                   help="the print queue (default: the printer in the kiosk's settings)")
    p.set_defaults(func=cmd_print)


def _prepare(args: argparse.Namespace) -> tuple[Any, str, Any]:
    """The sheet, the paper and the settings for the command's selection."""
    from kiosk.commandline import data_dir_of, open_store
    from kiosk.directory.settings import Settings
    from kiosk.printing.qtapp import ensure_gui_app
    from kiosk.printing.words import QtWords
    from kiosk.sheets.build import Selection, SheetOptions, build_sheet

    ensure_gui_app()
    store = open_store(args)
    settings = Settings(store)
    paper = args.paper or settings.get("paper")
    if paper not in ("letter", "a4"):
        raise KnownError(f'The paper setting "{paper}" is not letter or a4.')
    selection = Selection(resources=tuple(args.resource), category=args.category,
                          topic=args.topic, everything=args.everything)
    options = SheetOptions(lang=args.lang, discreet=args.discreet,
                           location=settings.get("location_name"), today=dt.date.today(),
                           words=QtWords(args.lang, cache=data_dir_of(args) / "cache"))
    sheet = build_sheet(store, selection, options)
    if not sheet.resources and not (sheet.kind == "topic" and sheet.blocks):
        raise KnownError(f"There is nothing to print for {selection.describe()}.")
    return sheet, paper, settings


def cmd_sheet(args: argparse.Namespace) -> int:
    from kiosk.printing.render import render_pdf

    out: Path = args.out
    if not out.parent.is_dir():
        raise KnownError(f"The folder {out.parent} does not exist.")
    sheet, paper, _ = _prepare(args)
    try:
        rendered = render_pdf(sheet, out, paper)
    except OSError as error:
        raise KnownError(f"{out} could not be written: {error.strerror or error}.") from None
    pages = rendered.pages
    print(f"{out}: {pages} page{'s' if pages != 1 else ''}, "
          f"{len(sheet.resources)} resource{'s' if len(sheet.resources) != 1 else ''}")
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from kiosk.printing.printers import print_sheet

    sheet, paper, settings = _prepare(args)
    name = args.printer or settings.get("printer")
    layout = print_sheet(sheet, name, paper)
    pages = layout.page_count
    print(f"Sent {pages} page{'s' if pages != 1 else ''} to {name}.", file=sys.stdout)
    return 0
