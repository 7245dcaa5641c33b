"""HSDS import speed: the synthetic directory exported as HSDS, then imported into an empty
kiosk (read, check, plan, write), in resources per second.

`python3 -m bench.hsds SIZE RUNS` (needs `bench/.cache/data-SIZE`, made by the YAML import).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.stats import summary

CACHE = Path(__file__).parent / ".cache"
FORMATS = ("hsds-csv", "hsds-json")


def _exported(size: int, fmt: str) -> Path:
    from kiosk.directory.store import Store
    from kiosk.exchange.hsds import write_hsds
    from kiosk.paths import database_path

    folder = CACHE / f"{fmt}-{size}"
    marker = folder / ".complete"
    if not marker.exists():
        if folder.exists():
            shutil.rmtree(folder)
        store = Store.open(database_path(CACHE / f"data-{size}"))
        write_hsds(store.directory(), folder, fmt)
        store.close()
        marker.write_text("ok\n")
    return folder


def measure(size: int, runs: int) -> dict[str, Any]:
    from kiosk.directory.importer import apply_import, plan_import
    from kiosk.directory.model import Directory
    from kiosk.directory.store import Store
    from kiosk.exchange.hsds import read_hsds
    from kiosk.paths import database_path

    store = Store.open(database_path(CACHE / f"data-{size}"))
    base = Directory(categories=store.categories(include_hidden=True))
    store.close()
    out: dict[str, Any] = {"size": size}
    for fmt in FORMATS:
        folder = _exported(size, fmt)
        totals = []
        for _ in range(runs):
            work = Path(tempfile.mkdtemp(prefix="kiosk-bench-hsds-"))
            try:
                start = time.perf_counter()
                result = read_hsds(folder, base, None, fmt)
                target = Store.open(database_path(work))
                plan = plan_import(target, result.directory)
                apply_import(target, result.directory, who="bench", source=str(folder),
                             kind=fmt, plan=plan)
                totals.append(time.perf_counter() - start)
                target.close()
                if len(result.directory.resources) != size:
                    raise SystemExit(f"{fmt}: {len(result.directory.resources)} of {size} "
                                     f"resources came back; skipped: {result.skipped[:3]}")
            finally:
                shutil.rmtree(work, ignore_errors=True)
        seconds = summary(totals)
        out[fmt] = {"seconds": seconds, "resources_per_s": size / seconds["median"],
                    "mb": sum(p.stat().st_size for p in folder.iterdir()) / 1e6}
    return out


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]), int(sys.argv[2]))))
