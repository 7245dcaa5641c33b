#!/usr/bin/env python3
"""Reading level of a directory's texts: Flesch-Kincaid grade of every resource description
and topic body (English), with the median and the ones above grade 8.

    python3 scripts/readability.py [DIRECTORY_FILES]      (the bundled directory by default)
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str] | None = None) -> int:
    import textstat

    from kiosk.directory.files import read_directory
    from kiosk.paths import BUNDLED_DATA

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=BUNDLED_DATA)
    parser.add_argument("--above", type=float, default=8.0, help="grade to list texts above")
    args = parser.parse_args(argv)
    directory = read_directory(args.path)
    for kind, items in (
        ("resource descriptions", [(r.id, r.description.en) for r in directory.resources]),
        ("topic bodies", [(t.slug, t.body.en) for t in directory.topics]),
    ):
        grades = {key: textstat.flesch_kincaid_grade(text) for key, text in items}
        if not grades:
            continue
        high = sorted(((g, k) for k, g in grades.items() if g > args.above), reverse=True)
        print(f"{kind}: {len(grades)}, median grade {statistics.median(grades.values()):.1f}, "
              f"{len(high)} above grade {args.above:g}")
        for grade, key in high:
            print(f"  {grade:5.1f}  {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
