"""The `kiosk` command: run the kiosk, or check, import, export and search its directory,
and back up or restore its database.

Every command takes `--data-dir`. Problems a person can fix are printed as plain sentences
on stderr with a non-zero exit; anything unexpected goes to the log with its traceback and
the person sees one line saying where the log is.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.commandline import data_dir_of, open_store
from kiosk.errors import KnownError

log = logging.getLogger("kiosk.cli")

# Modules that add subcommands: each has `register(subparsers)`. Kept light at import time.
COMMAND_MODULES: list[str] = [
    "kiosk.printing.commands", "kiosk.updates.commands", "kiosk.staff.commands",
    "kiosk.doctor", "kiosk.watchdog", "kiosk.speech.commands", "kiosk.exchange.commands",
]


# The options of `kiosk` without a command, as `_run_options` gives them to argparse.
_RUN_FLAGS = {"--windowed": "windowed", "--exit-after-first-frame": "exit_after_first_frame"}
_LANGS = ("en", "es")


def _data_dir_parent(default: object = None) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir", type=Path, default=default, metavar="DIR",
        help="the kiosk's data folder (default: $KIOSK_DATA_DIR or the platform's user "
             "data folder)")
    return parent


def _run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--windowed", action="store_true",
                        help="run in a normal window that closes normally (for development)")
    parser.add_argument("--lang", choices=_LANGS, default=None,
                        help="the language the kiosk starts in")
    parser.add_argument("--exit-after-first-frame", action="store_true",
                        help=argparse.SUPPRESS)
    parser.set_defaults(func=cmd_run)


def _kiosk_run(argv: list[str] | None) -> argparse.Namespace | None:
    """The options of `kiosk` without a command (start the kiosk), read by hand: a start
    builds no parser at all (building even the run options' parser, with argparse's
    messages looked up in gettext's catalogues, took 3-5 ms of every start). None when
    `argv` holds anything else (a command, help, an abbreviation, a mistake), which the
    whole parser reads and answers; where both read `argv`, they read it alike (tested)."""
    argv = sys.argv[1:] if argv is None else argv
    args = argparse.Namespace(data_dir=None, windowed=False, lang=None,
                              exit_after_first_frame=False, func=cmd_run)
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        if name in _RUN_FLAGS and not equals:
            setattr(args, _RUN_FLAGS[name], True)
            continue
        if name not in ("--data-dir", "--lang"):
            return None
        if not equals:
            value = next(words, "-")
            if value.startswith("-"):
                return None
        if name == "--data-dir":
            args.data_dir = Path(value)
        elif value in _LANGS:
            args.lang = value
        else:
            return None
    return args


def build_parser() -> argparse.ArgumentParser:
    # `--data-dir` may come before or after the command; the command's copy must not
    # overwrite a value given before it, hence SUPPRESS there.
    common = _data_dir_parent(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="kiosk", parents=[_data_dir_parent()],
        description="An offline touchscreen kiosk that helps visitors find local help. "
                    "Without a command, it starts the kiosk.")
    _run_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("check", parents=[common],
                       help="check directory files without importing them (exit 0 or 1); a "
                            "folder's search-words.yaml, or that file alone, is checked too")
    p.add_argument("path", type=Path, metavar="PATH",
                   help="a directory file or folder, or a search-words.yaml")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("import", parents=[common],
                       help="bring in a directory as a source beside the others, or "
                            "refresh it (all or nothing)")
    p.add_argument("path", type=Path, metavar="PATH",
                   help="a directory file or folder, or an HSDS folder, zip or file")
    p.add_argument("--source", metavar="NAME",
                   help="the source the entries belong to (default: the kiosk's own "
                        "directory for its files, the package's name for HSDS)")
    p.add_argument("--allow-removals", action="store_true",
                   help="go ahead even though more than a tenth of the source's entries, "
                        "or a topic or category, would be removed")
    p.add_argument("--dry-run", action="store_true",
                   help="only say what would change")
    p.add_argument("--format", choices=("auto", "yaml", "hsds-json", "hsds-csv"),
                   default="auto",
                   help="what PATH holds: the kiosk's YAML files, an HSDS 3.0 JSON folder, "
                        "or an HSDS CSV package (3.0 or older); auto detects it")
    p.add_argument("--mapping", type=Path, metavar="FILE",
                   help="HSDS only: a file saying which taxonomy terms and words go in "
                        "which kiosk category (see docs/hsds.md)")
    p.add_argument("--skip-invalid", action="store_true",
                   help="HSDS only: import the sound records and leave out the invalid "
                        "ones (they are listed); without it, any invalid record stops the "
                        "import")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", parents=[common],
                       help="write the directory as visitors see it, each entry's source "
                            "named")
    p.add_argument("path", type=Path, metavar="PATH",
                   help="a folder, or a file name ending in .yaml for one file")
    p.add_argument("--source", metavar="NAME", help="only the entries of this source")
    p.add_argument("--format", choices=("yaml", "hsds-json", "hsds-csv"), default="yaml",
                   help="the kiosk's YAML files (default), HSDS 3.0 JSON (one file per "
                        "service) or the HSDS 3.0 CSV data package")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", parents=[common],
                       help="print counts, one 'name: count' per line")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("search", parents=[common], help="print matches, best first")
    p.add_argument("text", nargs="+", help="words to look for")
    p.add_argument("--lang", choices=("en", "es"), default="en")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=cmd_search)

    register_backups(sub, common)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def cmd_run(args: argparse.Namespace) -> int:
    # PySide6 reads the source of every module loaded before and after Qt (to see whether
    # it uses PySide6's features): made a plain read of the file before Qt is loaded.
    from kiosk.ui.pyside_start import read_sources_directly

    read_sources_directly()
    from kiosk.app import run

    return run(data_dir_of(args), windowed=args.windowed, lang=args.lang,
               exit_after_first_frame=args.exit_after_first_frame)


def cmd_check(args: argparse.Namespace) -> int:
    from kiosk.directory.files import check_directory
    from kiosk.directory.model import Directory
    from kiosk.directory.problems import Problem
    from kiosk.directory.words import FILE_NAME, SearchWords, check_words

    path: Path = args.path
    words_file = path / FILE_NAME if path.is_dir() else path
    directory: Directory | None = None
    words: SearchWords | None = None
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if path.name != FILE_NAME:
        directory, problems = check_directory(path)
    if words_file.name == FILE_NAME and words_file.exists():
        words, word_problems, warnings = check_words(words_file, directory)
        problems += word_problems
    for problem in problems:
        print(problem, file=sys.stderr)
    for warning in warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    if problems:
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} found.", file=sys.stderr)
        return 1
    parts = []
    if directory is not None:
        parts.append(f"{len(directory.categories)} categories, "
                     f"{len(directory.resources)} resources, {len(directory.topics)} topics")
    if words is not None:
        parts.append(f"{len(words.meanings)} search word entries")
    print(f"{path}: OK ({'; '.join(parts)})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from kiosk.directory.files import read_directory
    from kiosk.directory.importer import plan_import

    fmt = args.format
    if fmt == "auto":
        from kiosk.exchange.tables import detect

        try:
            fmt = "yaml" if detect(args.path) == "kiosk-yaml" else "hsds"
        except KnownError:
            fmt = "yaml"  # the directory reader says best what is wrong with it
    if fmt != "yaml":
        from kiosk.exchange.commands import import_hsds

        return import_hsds(args)
    from kiosk.backups import import_after_backup
    from kiosk.directory.sources import BUNDLED, source_name

    directory = read_directory(args.path)
    name = source_name(args.source) if args.source else BUNDLED
    if not name:
        raise KnownError(f'"{args.source}" cannot name a source: use letters and digits.')
    store = open_store(args, fill=False)
    plan = plan_import(store, directory, source=name)
    for line in plan.lines():
        print(line)
    if args.dry_run or not plan.has_changes:
        for line in plan.removals():
            print(f"Needs --allow-removals: {line}")
        return 0
    import_after_backup(store, data_dir_of(args), directory, who="command line",
                        location=str(args.path), plan=plan, source_name=name,
                        allow_removals=args.allow_removals)
    print("Imported.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kiosk.directory.files import write_directory

    store = open_store(args)
    directory = store.directory()
    if args.source:
        from kiosk.directory.sources import find_source

        if find_source(store, args.source) is None:
            raise KnownError(f'There is no source "{args.source}"; kiosk sources lists '
                             "them.")
        directory.resources = [r for r in directory.resources if r.source == args.source]
        if args.source != "bundled":
            directory.topics = []  # the topics come with the kiosk's own directory
    if args.format != "yaml":
        from kiosk.exchange.hsds import write_hsds

        written = write_hsds(directory, args.path, args.format)
        print(f"Wrote {len(written)} files into {args.path}.")
        return 0
    for path in write_directory(directory, args.path):
        print(path)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = open_store(args)
    counts = store.counts()
    reach = "active resources with a phone or street address"
    for name, count in counts.items():
        if name == reach:
            active = counts["active resources"]
            share = f"{100 * count / active:.0f}%" if active else "-"
            print(f"{name}: {count} of {active} ({share})")
        else:
            print(f"{name}: {count}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from kiosk.directory.search import Searcher
    from kiosk.directory.words import load_words
    from kiosk.paths import BUNDLED_DATA

    store = open_store(args)
    searcher = Searcher(store, load_words(BUNDLED_DATA, data_dir_of(args)))
    results = searcher.search(" ".join(args.text), args.lang, limit=args.limit)
    for hit in results.hits:
        print(f"{hit.kind} {hit.key}: {hit.title(args.lang)}")
    if results.corrected:
        print(f"Showing results for: {results.corrected}", file=sys.stderr)
    if not results.hits:
        print("No matches.", file=sys.stderr)
        if results.did_you_mean:
            print("Did you mean: " + ", ".join(results.did_you_mean) + "?", file=sys.stderr)
        return 1
    return 0


# -- `kiosk backup`, `kiosk restore FILE` ------------------------------------------------------

def register_backups(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                     common: argparse.ArgumentParser) -> None:
    from kiosk.backups import KEEP

    p = sub.add_parser("backup", parents=[common],
                       help=f"copy the database into the backups folder (the newest {KEEP} "
                            "are kept); with --list, show the backups")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", parents=[common],
                       help="replace the database with a backup (the current one is "
                            "backed up first); close the kiosk before")
    p.add_argument("file", type=Path, metavar="FILE", help="a backup file")
    p.set_defaults(func=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    from kiosk.backups import backup_now, list_backups

    data_dir = data_dir_of(args)
    if args.list:
        for path in list_backups(data_dir):
            print(path)
        return 0
    store = open_store(args)
    try:
        print(backup_now(store, data_dir, "manual"))
    finally:
        store.close()
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from kiosk.backups import add_notice, backup_now, problem_of, prune, restore
    from kiosk.directory.store import Store
    from kiosk.paths import database_path

    data_dir = data_dir_of(args)
    source = args.file.resolve()
    problem = problem_of(source) if source.is_file() else "there is no such file"
    if problem:
        raise KnownError(f"{args.file}: this is not a usable backup ({problem}); "
                         "nothing was changed.")
    current = database_path(data_dir)
    if current.exists() and problem_of(current) is None:
        store = Store.open(current)
        try:
            # Not pruned yet: the file being restored may be the oldest kept.
            saved = backup_now(store, data_dir, "before restore", keep=None)
        finally:
            store.close()
        print(f"The current database was saved as {saved}.")
        if saved.resolve() == source:
            raise KnownError("That backup is the one just made; nothing was changed.")
    restore(data_dir, source)
    prune(data_dir)
    store = Store.open(current)
    try:
        add_notice(store, f"The database was restored from the backup {source.name}.")
    finally:
        store.close()
    print(f"Restored {source.name}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _kiosk_run(argv) or build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except KnownError as error:
        print(error.message, file=sys.stderr)
        for detail in error.details:
            print(detail, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        from kiosk.directory.sql_errors import known_error

        known = known_error(error)  # a full or read-only disk: a sentence, not a bug
        if known is None:
            return _report_bug(args)
        print(known.message, file=sys.stderr)
        return 1


def _report_bug(args: argparse.Namespace) -> int:
    try:
        from kiosk.logs import setup_logging

        path = setup_logging(data_dir_of(args))
        log.exception("unexpected error in 'kiosk %s'", args.command or "run")
        where = f" The details are in {path}."
    except Exception:
        where = ""
    print(f"Something went wrong inside the kiosk.{where}", file=sys.stderr)
    return 2
