"""The staff core, like the directory core, never imports Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import kiosk.staff

STAFF = Path(kiosk.staff.__file__).parent


def test_importing_every_staff_module_loads_no_qt_and_nothing_heavy() -> None:
    modules = [f"kiosk.staff.{m.name}" for m in pkgutil.iter_modules([str(STAFF)])]
    assert len(modules) >= 5
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('PySide6', 'shiboken6', 'phonenumbers', 'yaml', 'segno')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
