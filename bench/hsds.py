"""HSDS import speed: a made-up 2-1-1 export (HSDS 1.x CSV, AIRS codes, messy as real ones
are; tests/exchange/packages.py) imported beside the bundled directory, in services per
second, stage by stage:

- read: the CSV files parsed into rows (Python's csv module);
- build: the kiosk's own work on them (layout, mapping, cleaning, checking each distinct
  phone number once, building the entries);
- plan: what would change beside the other sources (digests, duplicates across sources);
- write: one transaction of rows, category links, hours, search index and history.

Then the same package again (a refresh that changes nothing), the kiosk's own CSV export
read back, and, at 5,000 services, `kiosk import` as a command, start-up included.

`python3 -m bench.hsds SIZE RUNS` prints one JSON line. Packages are generated into
bench/.cache/ the first time (not kept in the repository).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.stats import summary

CACHE = Path(__file__).parent / ".cache"
ROOT = Path(__file__).parent.parent
CLI_SIZE = 5000


def package(size: int) -> Path:
    """The made-up 2-1-1 package of `size` services, generated once."""
    from tests.exchange.packages import write_package

    folder = CACHE / f"hsds-211-{size}"
    marker = folder / ".complete"
    if not marker.exists():
        if folder.exists():
            shutil.rmtree(folder)
        write_package(folder, size, taxonomy="airs", name="ct-211")
        marker.write_text("ok\n")
    return folder / "ct-211"


def _kiosk(work: Path) -> Any:
    """A new kiosk with its bundled directory (not timed)."""
    from kiosk.datadir import open_data_dir

    return open_data_dir(work)


def _stages(path: Path, work: Path) -> dict[str, float]:
    from kiosk.directory.bulk import no_cycle_collection
    from kiosk.directory.importer import apply_import, plan_import
    from kiosk.exchange import tables
    from kiosk.exchange.hsds_import import to_directory
    from kiosk.exchange.mapping import mapping_in_force

    store = _kiosk(work)
    base = store.directory()
    with no_cycle_collection():
        start = time.perf_counter()
        found = tables.read(path, tables.detect(path))
        read = time.perf_counter()
        mapping = mapping_in_force(None, {c.slug for c in base.categories})
        result = to_directory(found, base, mapping, "ct-211")
        built = time.perf_counter()
        plan = plan_import(store, result.directory, source=result.source, categories=False,
                           topics=False)
        planned = time.perf_counter()
        apply_import(store, result.directory, who="bench", source=str(path),
                     kind=result.format, plan=plan)
        written = time.perf_counter()
        again = tables.read(path, result.format)
        second = to_directory(again, store.directory(), mapping, "ct-211")
        replan = plan_import(store, second.directory, source=second.source,
                             categories=False, topics=False)
        refreshed = time.perf_counter()
    if replan.has_changes:
        raise SystemExit("the second import of the same package would change something")
    store.close()
    return {"read": read - start, "build": built - read, "plan": planned - built,
            "write": written - planned, "total": written - start,
            "refresh": refreshed - written, "services": len(result.directory.resources),
            "with_category": sum(1 for r in result.directory.resources if r.categories)}


def _own_export(work: Path) -> float:
    """The kiosk's own HSDS CSV export of the imported directory, read back."""
    from kiosk.exchange.hsds import read_hsds, write_hsds

    store = _kiosk(work)
    out = work / "export"
    write_hsds(store.directory(), out, "hsds-csv")
    base = store.directory()
    store.close()
    start = time.perf_counter()
    read_hsds(out, base)
    return time.perf_counter() - start


def _command(path: Path, work: Path) -> float:
    """`kiosk import` as staff run it: a new process, start-up included (the kiosk's data
    folder already holds its bundled directory)."""
    _kiosk(work).close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kiosk", "--data-dir", str(work), "import",
                           str(path), "--skip-invalid"], env=env, capture_output=True,
                          text=True, timeout=600)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"kiosk import failed:\n{done.stderr[-2000:]}")
    return seconds


def measure(size: int, runs: int) -> dict[str, Any]:
    path = package(size)
    stages: list[dict[str, float]] = []
    exports: list[float] = []
    for _ in range(runs):
        work = Path(tempfile.mkdtemp(prefix="kiosk-bench-hsds-"))
        try:
            stages.append(_stages(path, work))
            exports.append(_own_export(work))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    n = stages[0]["services"]
    out: dict[str, Any] = {"size": size, "services": n,
                           "with_category": stages[0]["with_category"] / n}
    for key in ("read", "build", "plan", "write", "total", "refresh"):
        seconds = summary([s[key] for s in stages])
        out[key] = {"seconds": seconds, "services_per_s": n / seconds["median"]}
    own = summary([s["build"] + s["plan"] for s in stages])
    out["kiosk_own_work"] = {"seconds": own, "services_per_s": n / own["median"]}
    out["own_export_read"] = {"seconds": summary(exports),
                              "services_per_s": n / summary(exports)["median"]}
    out["resources_per_s"] = out["total"]["services_per_s"]
    return out


def command_line(runs: int) -> dict[str, Any]:
    """`kiosk import` of a 5,000-service package, start-up included."""
    path = package(CLI_SIZE)
    times = []
    for _ in range(runs):
        work = Path(tempfile.mkdtemp(prefix="kiosk-bench-cli-"))
        try:
            times.append(_command(path, work))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return {"size": CLI_SIZE, "seconds": summary(times)}


if __name__ == "__main__":
    if sys.argv[1] == "command":
        print(json.dumps(command_line(int(sys.argv[2]))))
    else:
        print(json.dumps(measure(int(sys.argv[1]), int(sys.argv[2]))))
