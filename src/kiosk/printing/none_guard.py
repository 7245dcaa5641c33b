"""A guard against a reference-count bug in PySide6 6.12 on Python 3.11.

Every call of a Qt method that returns nothing (`setPixelSize`, `drawLine`, `setObjectName`)
drops one reference to `None` that it never took. Python 3.12 and later make `None` immortal,
so there it is harmless; on 3.11, after about five thousand such calls `None`'s count reaches
zero and the process aborts with "none_dealloc: deallocating None". Drawing one sheet makes a
few hundred such calls, so a kiosk would die after a few dozen prints. Giving `None` a very
large count, once, keeps it alive for any realistic run.
"""

from __future__ import annotations

import sys

_RESERVE = 1 << 40
_done = False


def keep_none_alive() -> bool:
    """Give `None` a huge reference count on Pythons where it can die; True when it did."""
    global _done
    if _done or sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return False
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, first field of the object
    before = sys.getrefcount(None)
    if abs(count.value - (before - 1)) > 2:
        return False  # not the layout this relies on: leave it alone
    count.value += _RESERVE
    _done = abs(sys.getrefcount(None) - before - _RESERVE) <= 2
    if not _done:
        count.value -= _RESERVE
    return _done
