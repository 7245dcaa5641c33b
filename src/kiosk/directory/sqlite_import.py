"""Importing sqlite-utils without numpy and pandas, which the kiosk never uses.

sqlite-utils imports numpy and pandas when they are installed, only to accept their value
types; numpy alone added about 0.3 s to every start of the kiosk on a 2-core machine.
"""

from __future__ import annotations

import importlib
import importlib.abc
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

OPTIONAL = ("numpy", "pandas")


class _Unused(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname.partition(".")[0] in OPTIONAL:
            raise ImportError(f"{fullname} is not used by the kiosk")
        return None


def import_sqlite_utils() -> None:
    """Import sqlite_utils (once) with its optional numpy and pandas support left out."""
    if "sqlite_utils.db" in sys.modules or any(name in sys.modules for name in OPTIONAL):
        return
    finder = _Unused()
    sys.meta_path.insert(0, finder)
    try:
        importlib.import_module("sqlite_utils.db")
    finally:
        sys.meta_path.remove(finder)
