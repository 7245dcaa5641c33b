#!/usr/bin/env python3
"""Refresh the Spanish translation source from the code, then check that it compiles.

Runs `pyside6-lupdate` over every Python file under `src/kiosk` (new strings appear in
`src/kiosk/resources/translations/kiosk_es.ts` as unfinished, for a translator to fill in;
strings no longer in the code are dropped), then `pyside6-lrelease` to check that it builds.
Prints what is still unfinished, and exits 1 while anything is.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kiosk.i18n import TRANSLATIONS, build_qm, collect, ts_file, untranslated  # noqa: E402

SOURCES = ROOT / "src" / "kiosk"


def main() -> int:
    ts = ts_file("es", TRANSLATIONS)
    collect(SOURCES, ts)
    with tempfile.TemporaryDirectory() as folder:
        if not build_qm(ts, Path(folder) / "kiosk_es.qm"):
            print(f"{ts.relative_to(ROOT)} does not compile", file=sys.stderr)
            return 1
    missing = untranslated(ts)
    for line in missing:
        print("unfinished:", line)
    print(f"{len(missing)} unfinished message(s) in {ts.relative_to(ROOT)}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
