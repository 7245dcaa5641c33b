"""What in an update folder may be a bundle: regular files of a bundle's size, nothing else.

A synced folder or a stick can hold anything: a folder named `x.kiosk-bundle`, a FIFO (which
blocks whoever opens it), a 3 GB film renamed by mistake. Each is passed over with one
sentence, from its `stat` alone, and never opened.
"""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.updates.bundle import SUFFIX, file_problem


def candidates(folder: Path) -> tuple[list[Path], list[str]]:
    """The files in `folder` worth checking as bundles (by name), and a sentence for each
    entry ignored."""
    if not folder.is_dir():
        return [], [f"{folder}: the update folder is not there (is the stick plugged in?)."]
    found: list[Path] = []
    ignored: list[str] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        return [], [f"{folder}: the update folder cannot be read ({error.strerror})."]
    for entry in entries:
        if not entry.name.endswith(SUFFIX) or entry.name.startswith("."):
            continue  # other files, and the hidden temporary files of a copy in progress
        try:
            info = entry.stat()  # follows a link to see what it points to
        except OSError:
            ignored.append(f"{entry.name}: this cannot be read (a broken link?), so it was "
                           "ignored.")
            continue
        problem = file_problem(info)
        if problem:
            ignored.append(f"{entry.name}: {problem}, so it was ignored.")
            continue
        found.append(Path(entry.path))
    return found, ignored
