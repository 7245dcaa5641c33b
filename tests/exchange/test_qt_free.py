"""HSDS exchange runs on a machine without a screen: no Qt, and nothing heavy on import."""

from __future__ import annotations

import subprocess
import sys


def test_importing_exchange_loads_no_qt_yaml_or_phone_metadata() -> None:
    code = ("import sys\nimport kiosk.exchange.hsds, kiosk.exchange.hsds_export, "
            "kiosk.exchange.hsds_import, kiosk.exchange.tables, kiosk.exchange.mapping, "
            "kiosk.backups\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'phonenumbers', 'yaml', 'jsonschema', 'frictionless')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
