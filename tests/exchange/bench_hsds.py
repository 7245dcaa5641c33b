"""How fast HSDS imports: services per second on Open Referral's examples and on a large
made-up set. Run: python3 -m tests.exchange.bench_hsds [COUNT]"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from kiosk.directory.importer import apply_import
from kiosk.directory.model import Directory
from kiosk.directory.store import Store
from kiosk.exchange.hsds import read_hsds, write_hsds
from tests.exchange.generate import big_directory
from tests.exchange.helpers import EXAMPLES

MAPPING = "format: kiosk-hsds-mapping/1\nkeywords: {counselling: health, time: health}\n"


def measure(path: Path, base: Directory, mapping: Path | None, rounds: int = 1) -> str:
    start = time.perf_counter()
    for _ in range(rounds):
        result = read_hsds(path, base, mapping)
    read_s = (time.perf_counter() - start) / rounds
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "k.db")
        start = time.perf_counter()
        apply_import(store, result.directory, who="bench", source=str(path))
        write_s = time.perf_counter() - start
        store.close()
    n = result.services
    return (f"{path.name} ({result.format}): {n} services, read {read_s * 1000:.1f} ms "
            f"({n / read_s:,.0f}/s), read+write {(read_s + write_s) * 1000:.1f} ms "
            f"({n / (read_s + write_s):,.0f}/s)")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    big = big_directory(count)
    with tempfile.TemporaryDirectory() as tmp:
        mapping = Path(tmp) / "mapping.yaml"
        mapping.write_text(MAPPING)
        print(measure(EXAMPLES, big, mapping, rounds=20))
        print(measure(EXAMPLES / "csv", big, mapping, rounds=20))
        for fmt in ("hsds-json", "hsds-csv"):
            out = Path(tmp) / fmt
            start = time.perf_counter()
            write_hsds(big, out, fmt)
            print(f"export {count} as {fmt}: {time.perf_counter() - start:.2f} s")
            print(measure(out, Directory(categories=big.categories), None))
        # As published by another system: no kiosk records, only HSDS fields.
        foreign = Path(tmp) / "hsds-csv"
        attributes = foreign / "attributes.csv"
        attributes.write_text("".join(line for line in attributes.open(encoding="utf-8")
                                      if "kiosk_record" not in line), encoding="utf-8")
        print("without kiosk records: " +
              measure(foreign, Directory(categories=big.categories), None))


if __name__ == "__main__":
    main()
