"""The kiosk keeps the C library to two malloc arenas, so memory one thread frees is not
stranded in an arena of its own (resident memory that creeps up over weeks of visits).

The count is read from glibc's own report (`malloc_info`, one `<heap nr=...>` per arena) in a
child process where eight threads allocate at the same time: with and without the limit, and
in a process running the kiosk's window, whose threads come and go as visitors use it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

THREADS = 8

CHILD = """
import ctypes, os, sys, threading
from pathlib import Path

libc = ctypes.CDLL(None)
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
libc.fopen.restype, libc.fopen.argtypes = ctypes.c_void_p, [ctypes.c_char_p, ctypes.c_char_p]
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
libc.fclose.argtypes = [ctypes.c_void_p]
mode, report_path = sys.argv[1], sys.argv[2]

if mode == "limit":
    from kiosk.memory import limit_malloc_arenas
    if not limit_malloc_arenas(2):
        raise SystemExit("mallopt refused")
elif mode == "window":
    from PySide6.QtWidgets import QApplication
    from kiosk.app import create_main_window
    app = QApplication([])
    window = create_main_window(Path(sys.argv[3]), windowed=True)
    window.show()
    framed = []
    window.first_frame.connect(lambda: framed.append(True))
    while not framed:
        app.processEvents()
    for _ in range(100):  # the steps after the first frame, one per turn
        app.processEvents()

together = threading.Barrier(THREADS)
done = threading.Barrier(THREADS + 1)

def work():
    together.wait()  # all alive at once: no thread can take over another's arena
    blocks = [libc.malloc(4096) for _ in range(500)]
    for block in blocks:
        libc.free(block)
    done.wait()

workers = [threading.Thread(target=work) for _ in range(THREADS)]
for worker in workers:
    worker.start()
done.wait()
report = libc.fopen(report_path.encode(), b"w")
libc.malloc_info(0, report)
libc.fclose(report)
for worker in workers:
    worker.join()
os._exit(0)  # the report is written; no teardown to wait for
""".replace("THREADS", str(THREADS))


def arenas_used(tmp_path: Path, mode: str) -> int:
    report = tmp_path / f"malloc-{mode}.xml"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("MALLOC_ARENA_MAX", None)
    subprocess.run([sys.executable, "-c", CHILD, mode, str(report), str(tmp_path / "data")],
                   check=True, timeout=120, env=env)
    return report.read_text().count("<heap nr=")


def test_two_arenas_however_many_threads_allocate(tmp_path: Path) -> None:
    assert arenas_used(tmp_path, "none") > 2  # the C library's default: one per thread
    assert arenas_used(tmp_path, "limit") == 2


def test_the_kiosk_window_keeps_to_two_arenas(tmp_path: Path) -> None:
    assert arenas_used(tmp_path, "window") <= 2
