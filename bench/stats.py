"""Small helpers: percentiles, resident memory, and the printed table."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any


def summary(samples: Iterable[float]) -> dict[str, Any]:
    """Median and 95th percentile (nearest rank) of `samples`, in the samples' unit."""
    values = sorted(samples)
    if not values:
        return {"median": None, "p95": None, "n": 0}
    rank = max(0, min(len(values) - 1, round(0.95 * len(values) + 0.5) - 1))
    return {"median": statistics.median(values), "p95": values[rank], "n": len(values)}


def timed_ms(func: Callable[[], Any], runs: int, warmup: int = 1) -> dict[str, Any]:
    import time

    for _ in range(warmup):
        func()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return summary(samples)


def rss_mb(pid: int | str = "self") -> float:
    """Resident set size from /proc, in MB (1024 * 1024 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        text = f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    else:
        text = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{text}{unit}"


def table(rows: list[tuple[str, ...]], headers: tuple[str, ...]) -> str:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    rule = "| " + " | ".join("-" * w for w in widths) + " |"
    body = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
            for r in rows]
    return "\n".join([line, rule, *body])
