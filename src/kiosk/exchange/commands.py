"""`kiosk import` of HSDS data, `kiosk sources` and `kiosk mapping show`.

An HSDS import reads the package, reports what it found, plans what would change beside the
kiosk's other sources, and writes it all or nothing after a backup.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("sources", parents=[common],
                       help="list the directory's sources with their counts and dates; "
                            "'sources remove NAME' takes one out")
    p.add_argument("action", nargs="?", choices=("list", "remove"), default="list",
                   help="list (the default) or remove")
    p.add_argument("name", nargs="?", metavar="NAME", help="the source to remove")
    p.set_defaults(func=cmd_sources)
    p = sub.add_parser("mapping", parents=[common],
                       help="'mapping show' prints the mapping of taxonomy terms and words "
                            "to kiosk categories in force")
    p.add_argument("action", choices=("show",))
    p.add_argument("--mapping", type=Path, metavar="FILE",
                   help="a mapping file that extends the default (see docs/hsds.md)")
    p.set_defaults(func=cmd_mapping)


def import_hsds(args: argparse.Namespace) -> int:
    from kiosk.backups import import_after_backup
    from kiosk.commandline import data_dir_of, open_store
    from kiosk.directory.importer import plan_import
    from kiosk.errors import KnownError
    from kiosk.exchange.hsds import read_hsds

    store = open_store(args)  # beside the kiosk's own directory, with its categories
    fmt = "auto" if args.format == "auto" else args.format
    result = read_hsds(args.path, store.directory(), args.mapping, fmt,
                       source=getattr(args, "source", None))
    lines = result.lines()
    if result.skipped and not args.skip_invalid:
        count = len(result.skipped)
        raise KnownError(
            f"{count} record{'s are' if count != 1 else ' is'} invalid, so nothing was "
            "imported. Fix them, or run again with --skip-invalid to import the rest.",
            lines)
    if not result.directory.resources:
        raise KnownError("No service could be imported, so nothing was changed.", lines)
    for line in lines:
        print(line)
    plan = plan_import(store, result.directory, source=result.source,
                       categories=result.has_kiosk_categories, topics=False)
    for line in plan.lines():
        print(line)
    if args.dry_run or not plan.has_changes:
        for line in plan.removals():
            print(f"Needs --allow-removals: {line}")
        return 0
    import_after_backup(store, data_dir_of(args), result.directory, who="command line",
                        location=str(args.path), kind=result.format, plan=plan,
                        source_name=result.source, allow_removals=args.allow_removals)
    print(f"Imported as the source {result.source}.")
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from kiosk.commandline import open_store
    from kiosk.directory.sources import STAFF, list_sources

    store = open_store(args)
    if args.action == "remove":
        return _remove(args, store)
    if args.name:
        print("Give 'remove' before a source's name: kiosk sources remove NAME",
              file=sys.stderr)
        return 1
    for s in list_sources(store):
        parts = [f"{s.entries} entries", f"{s.shown} shown"]
        if s.hidden:
            parts.append(f"{s.hidden} hidden by staff")
        if s.retired:
            parts.append(f"{s.retired} retired")
        if s.name == STAFF:
            print(f"{s.name}: {', '.join(parts)}; made on this kiosk")
            continue
        when = (s.refreshed_at or s.added_at or "-").replace("T", " ")[:16]
        kind = f", {s.kind}" if s.kind and s.kind != s.name else ""
        print(f"{s.name}: {', '.join(parts)}; last read {when}{kind}"
              + (f" from {s.location}" if s.location else ""))
    return 0


def _remove(args: argparse.Namespace, store: object) -> int:
    from kiosk.backups import backup_now
    from kiosk.commandline import data_dir_of
    from kiosk.directory.sources import find_source, remove_source
    from kiosk.directory.store import Store
    from kiosk.errors import KnownError

    assert isinstance(store, Store)
    if not args.name:
        raise KnownError("Say which source to remove: kiosk sources remove NAME "
                         "(kiosk sources lists them).")
    found = find_source(store, args.name)
    if found is None:
        raise KnownError(f'There is no source "{args.name}"; kiosk sources lists them.')
    backup = backup_now(store, data_dir_of(args), f"before removing {found.name}")
    remove_source(store, found.name, who="command line", backup=str(backup))
    total = found.entries + found.retired
    print(f"Removed the source {found.name} ({total} entries). A copy of the database "
          f"from before is in {backup}; 'Undo last import' on the admin screen puts it back.")
    return 0


def cmd_mapping(args: argparse.Namespace) -> int:
    from kiosk.commandline import open_store
    from kiosk.exchange.mapping import mapping_in_force

    store = open_store(args)
    known = {c.slug for c in store.categories(include_hidden=True)}
    sys.stdout.write(mapping_in_force(args.mapping, known).to_yaml())
    return 0
