"""What every `kiosk` subcommand shares: the data folder it works on, and that folder's store.

Each feature keeps its own subcommands beside it (`kiosk.printing.commands`,
`kiosk.updates.commands`, ...), so this module sits below the features and above
`kiosk.datadir`; `kiosk.cli` builds the parser from all of them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.paths import default_data_dir

if TYPE_CHECKING:
    from kiosk.directory.store import Store


def data_dir_of(args: argparse.Namespace) -> Path:
    """The data folder a command works on: `--data-dir`, else `$KIOSK_DATA_DIR` or the
    platform's user data folder."""
    given = getattr(args, "data_dir", None)
    return Path(given) if given else default_data_dir()


def open_store(args: argparse.Namespace, fill: bool = True) -> Store:
    """The store of a command's data folder; `fill` builds it from the bundled directory
    when new."""
    from kiosk.datadir import open_data_dir

    return open_data_dir(data_dir_of(args), fill=fill)
