"""PySide6's check of each imported module, made cheaper before Qt is loaded.

For its optional `from __feature__ import ...` switches, PySide6 asks of every module
whether its source mentions "PySide6": of each module already imported when QtCore is
first imported, then of each one imported after. It asks through `inspect.getsource`,
which costs a few tenths of a millisecond for each of the hundred modules loaded before
the kiosk's first frame. `read_sources_directly` gives PySide6 the same answer from
reading the module's file: for a module with a `.py` file, whether its bytes hold
"PySide6"; for any other, PySide6's own answer. Nothing changes when PySide6 no longer
has the function (it is then left as it is).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

CHECK = "_mod_uses_pyside"  # in shibokensupport.feature, loaded with shiboken6


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether the source of `module` mentions PySide6, as `fallback` answers it."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def read_sources_directly() -> bool:
    """Put `uses_pyside` in place of PySide6's check; call it before PySide6.QtCore is
    imported. False when PySide6's check is not there to replace."""
    import shiboken6  # noqa: F401  (loads shibokensupport.feature)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, CHECK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "reads_directly", False):
        return True

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    check.reads_directly = True  # type: ignore[attr-defined]
    check.original = original  # type: ignore[attr-defined]
    setattr(feature, CHECK, check)
    return True
