"""How the kiosk's process asks the C library to manage its memory.

The kiosk runs for weeks. glibc's malloc gives threads arenas of their own (up to eight per
core), and memory freed in one of them stays in that arena, half-used, for the next
allocation there: over thousands of visits the resident memory creeps up though nothing is
kept (the benchmark's soak saw about 4 MB per 1,000 taps, with the Qt objects and the Python
heap flat). Two arenas are enough for a window, one search thread and a few short checks,
and keep that memory in use instead of stranded.
"""

from __future__ import annotations

import ctypes
import sys

M_ARENA_MAX = -8  # from glibc's malloc.h
ARENAS = 2


def limit_malloc_arenas(arenas: int = ARENAS) -> bool:
    """At most `arenas` malloc arenas from now on; False where the C library is not glibc
    (the call is glibc's own) or refuses."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)  # the process itself: libc is in it
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, arenas))
