"""`kiosk import` of HSDS data: read, report, and import all or nothing."""

from __future__ import annotations

import argparse


def import_hsds(args: argparse.Namespace) -> int:
    from kiosk.backups import backup_now
    from kiosk.commandline import data_dir_of, open_store
    from kiosk.directory.importer import apply_import, plan_import
    from kiosk.errors import KnownError
    from kiosk.exchange.hsds import read_hsds

    store = open_store(args, fill=False)
    fmt = "auto" if args.format == "auto" else args.format
    result = read_hsds(args.path, store.directory(), args.mapping, fmt)
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
    plan = plan_import(store, result.directory)
    for line in plan.lines():
        print(line)
    if args.dry_run or not plan.has_changes:
        return 0
    backup = backup_now(store, data_dir_of(args), "before import")
    done = apply_import(store, result.directory, who="command line",
                        source=str(args.path), kind=result.format, plan=plan)
    store.db.execute("update imports set backup = ? where id = ?", [str(backup), done.batch])
    print("Imported.")
    return 0
