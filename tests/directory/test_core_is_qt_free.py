"""The core never imports Qt, and the kiosk's start-up path does not pay for heavy modules."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import kiosk.directory

CORE = Path(kiosk.directory.__file__).parent


def test_no_core_module_imports_qt() -> None:
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("PySide6", "shiboken6", "kiosk.ui", "kiosk.app")), (
                    f"{path.name} imports {name}")


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [f"kiosk.directory.{m.name}" for m in pkgutil.iter_modules([str(CORE)])]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('PySide6', 'shiboken6', 'phonenumbers', 'yaml', 'segno')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
