"""How the kiosk's process asks the C library to manage its memory.

The kiosk runs for weeks. glibc's malloc gives threads arenas of their own (up to eight per
core), and memory freed in one of them stays in that arena, half-used, for the next
allocation there: over thousands of visits the resident memory creeps up though nothing is
kept (the benchmark's soak saw about 4 MB per 1,000 taps, with the Qt objects and the Python
heap flat). Two arenas are enough for a window, one search thread and a few short checks,
and keep that memory in use instead of stranded.

What a visit freed stays with the process too, for its next allocation: at 100,000 entries
about 10 MB after a few hundred taps. When a visit ends, `return_free_memory` gives the
free pages back to the system (a few milliseconds, once the visitor has gone).
"""

from __future__ import annotations

import ctypes
import sys

M_ARENA_MAX = -8  # from glibc's malloc.h
ARENAS = 2


def limit_malloc_arenas(arenas: int = ARENAS) -> bool:
    """At most `arenas` malloc arenas from now on; False where the C library is not glibc
    (the call is glibc's own) or refuses."""
    mallopt = getattr(_libc(), "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, arenas))


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None)  # the process itself: libc is in it
    except OSError:
        return None


def return_free_memory() -> bool:
    """Give the heap's free pages back to the system (glibc's malloc_trim); False where
    the C library has no such call or nothing was given back."""
    libc = _libc()
    trim = getattr(libc, "malloc_trim", None)
    if trim is None:
        return False
    trim.argtypes = (ctypes.c_size_t,)
    trim.restype = ctypes.c_int
    return bool(trim(0))


class MallInfo2(ctypes.Structure):
    """glibc's `struct mallinfo2`: what its malloc holds, over all its arenas, in bytes."""

    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def malloc_info() -> MallInfo2 | None:
    """glibc's `mallinfo2()` now; None where the C library has no such call."""
    info = getattr(_libc(), "mallinfo2", None)
    if info is None:
        return None
    info.restype = MallInfo2
    got = info()
    assert isinstance(got, MallInfo2)
    return got
