"""How fast the kiosk reads its YAML, against PyYAML's C loader and other parsers on PyPI.

`python3 -m bench.yaml_parsers SIZE RUNS` times, on the benchmark's generated files of SIZE
resources (bench/.cache/yaml-SIZE), the median of RUNS of:

- `pyyaml-c`: PyYAML's C loader alone (`yaml.load(text, CSafeLoader)`), the floor the
  benchmark's "YAML import speed / C loader parse alone" target compares with;
- `kiosk-loader`: the kiosk's strict loader (no aliases, no key twice, no control
  characters), the parse step of `kiosk import`;
- `kiosk-check`: everything `kiosk check` does: the loader, the depth check and the field
  checks that turn the data into resources;
- any other parser that is installed (`fastyaml-rs`, `yaml-rs`), parse only, for comparison.

Each run reads the files afresh. The cycle collector is off for all of them, as it is in
`kiosk import` (kiosk.directory.bulk), so the parsers are compared on their own work.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import generate


def _texts(folder: Path) -> list[str]:
    from kiosk.directory.files import directory_files

    return [p.read_text(encoding="utf-8") for p in directory_files(folder)]


def parsers() -> dict[str, Callable[[str], Any]]:
    import yaml

    from kiosk.directory.files import _loader, too_deep

    found: dict[str, Callable[[str], Any]] = {
        "pyyaml-c": lambda text: yaml.load(text, Loader=yaml.CSafeLoader),
        "kiosk-loader": lambda text: (too_deep(text), yaml.load(text, Loader=_loader())),
    }
    try:
        import fast_yaml  # fastyaml-rs

        found["fastyaml-rs"] = fast_yaml.safe_load
    except ImportError:
        pass
    try:
        import yaml_rs

        found["yaml-rs"] = yaml_rs.loads
    except ImportError:
        pass
    return found


def measure(size: int, runs: int) -> dict[str, Any]:
    from kiosk.directory.files import check_directory

    folder = generate.cached(size)
    results: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, parse in parsers().items():
            texts = _texts(folder)
            gc.collect()
            gc.disable()
            start = time.perf_counter()
            for text in texts:
                parse(text)
            results.setdefault(name, []).append(time.perf_counter() - start)
            gc.enable()
        gc.collect()
        start = time.perf_counter()
        directory, problems = check_directory(folder)
        results.setdefault("kiosk-check", []).append(time.perf_counter() - start)
        assert not problems and len(directory.resources) == size
        del directory
    medians = {name: statistics.median(times) for name, times in results.items()}
    floor = medians["pyyaml-c"]
    return {"size": size, "runs": runs,
            "median_s": {k: round(v, 3) for k, v in medians.items()},
            "ratio_to_pyyaml_c": {k: round(floor / v, 3) for k, v in medians.items()}}


def main(argv: list[str]) -> None:
    size = int(argv[0]) if argv else 10_000
    runs = int(argv[1]) if len(argv) > 1 else 3
    print(json.dumps(measure(size, runs), indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
