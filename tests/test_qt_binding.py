"""The Qt binding the kiosk runs on must survive a kiosk's day of calls.

PySide6 6.12.0 dropped a reference to None on every call returning nothing; on Python 3.11
the process aborted after a few thousand such calls ("none_dealloc").
"""

from __future__ import annotations

import subprocess
import sys


def test_calls_returning_nothing_do_not_wear_out_none() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(200_000):\n"
        "    o.setObjectName('x')\n"
        "print(sys.getrefcount(None) - before < 1000)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert (result.returncode, result.stdout.strip()) == (0, "True"), result.stderr[-500:]
