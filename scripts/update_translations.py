#!/usr/bin/env python3
"""Refresh the Spanish translation source from the code, then check that it compiles.

Runs `pyside6-lupdate` over every Python file under `src/kiosk` (new strings appear in
`src/kiosk/resources/translations/kiosk_es.ts` as unfinished, for a translator to fill in), then
`pyside6-lrelease` to build `kiosk_es.qm` beside it (not committed; the kiosk also builds it
into its data folder when missing). Prints how many messages are still unfinished.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "kiosk"
TS = ROOT / "resources" / "translations" / "kiosk_es.ts"


def tool(name: str) -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / name.removeprefix("pyside6-")
    found = shutil.which(name) or (str(bundled) if bundled.exists() else None)
    if not found:
        sys.exit(f"{name} was not found; install PySide6-Essentials")
    return found


def unfinished(ts: Path) -> list[str]:
    from kiosk.i18n import untranslated

    return untranslated(ts)


def main() -> int:
    files = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    "-source-language", "en_US", "-target-language", "es_US", *files,
                    "-ts", str(TS.relative_to(ROOT))], cwd=ROOT, check=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))],
                   cwd=ROOT, check=True)
    missing = unfinished(TS)
    for line in missing:
        print("unfinished:", line)
    print(f"{len(missing)} unfinished message(s) in {TS.relative_to(ROOT)}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
