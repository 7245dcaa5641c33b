"""Measures that need no window: importing, the database's size, search and list queries.

Run by the benchmark in a child process per directory size (`python3 -m bench.core ...`)
so that one size's hundreds of megabytes of parsed YAML do not weigh on the next.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import generate
from bench.stats import summary, timed_ms

SEARCH_WORD = "clinic"  # typed one letter at a time, as a visitor would
# What visitors type, one letter at a time, by the path each takes through the search:
# beginnings of a word ("clini"), whole words, typos (forgiven from the fourth letter),
# crisis words (their lines first) and everyday phrases with words that say nothing.
SEARCH_PATHS = {
    "prefix": ["clini", "shelte", "naloxo"],
    "exact": ["clinic", "shelter", "naloxone", "recovery"],
    "typo": ["shleter", "trafiking", "recovry", "naloxne"],
    "crisis": ["suicide", "quiero morir", "overdose"],
    "everyday": ["i need food", "help paying rent", "necesito comida"],
}
SPANISH = {"quiero morir", "necesito comida"}  # searched with the Spanish side first
# Words added to the vocabulary to measure typos against a directory with a long tail of
# names and rare words (the generated one uses few distinct words).
LARGE_VOCABULARY = 100_000


def _files(folder: Path) -> list[Path]:
    from kiosk.directory.files import directory_files

    return directory_files(folder)


def yaml_floor_s(folder: Path) -> float:
    """PyYAML's C loader alone on the same files: the floor for any YAML import."""
    import yaml

    start = time.perf_counter()
    for file in _files(folder):
        yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def kiosk_import_s(folder: Path, data_dir: Path) -> dict[str, float]:
    """`kiosk import` in process: check the files, plan, write the store; seconds per step."""
    from kiosk.directory.files import check_directory
    from kiosk.directory.importer import apply_import, plan_import
    from kiosk.directory.store import Store
    from kiosk.paths import database_path

    start = time.perf_counter()
    directory, problems = check_directory(folder)
    checked = time.perf_counter()
    if problems:
        raise SystemExit(f"the generated directory has problems: {problems[:3]}")
    store = Store.open(database_path(data_dir))
    plan = plan_import(store, directory)
    planned = time.perf_counter()
    apply_import(store, directory, who="bench", source=str(folder), plan=plan)
    done = time.perf_counter()
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return {"check": checked - start, "plan": planned - checked, "write": done - planned,
            "total": done - start, "resources": len(directory.resources)}


def measure_import(size: int, runs: int, keep: Path) -> dict[str, Any]:
    """YAML import of `size` resources against the C loader's parse; keeps the last database."""
    folder = generate.cached(size)
    floors, totals, steps = [], [], []
    for _ in range(runs):
        floors.append(yaml_floor_s(folder))
        work = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
        try:
            result = kiosk_import_s(folder, work)
            totals.append(result["total"])
            steps.append(result)
            if keep.exists():
                shutil.rmtree(keep)
            shutil.copytree(work, keep)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    floor, total = summary(floors), summary(totals)
    db_bytes = sum(p.stat().st_size for p in keep.glob("kiosk.db*"))
    yaml_bytes = sum(p.stat().st_size for p in _files(folder))
    return {
        "size": size, "runs": runs, "yaml_mb": yaml_bytes / 1e6,
        "floor_s": floor, "import_s": total,
        "steps_s": {k: summary(s[k] for s in steps)["median"]
                    for k in ("check", "plan", "write")},
        "resources_per_s": size / total["median"],
        "floor_resources_per_s": size / floor["median"],
        "ratio_to_floor": floor["median"] / total["median"],
        "db_mb": db_bytes / 1e6,
    }


def measure_queries(data_dir: Path, runs: int) -> dict[str, Any]:
    """The store's side of each visitor action, against the database of one size."""
    from kiosk.directory.search import match_expression, search
    from kiosk.directory.store import ListFilter, Store
    from kiosk.paths import database_path

    store = Store.open(database_path(data_dir))
    out: dict[str, Any] = {"fts_floor_ms": {}, "search_ms": {}}
    for n in range(1, len(SEARCH_WORD) + 1):
        text = SEARCH_WORD[:n]
        query = match_expression(text)
        out["fts_floor_ms"][text] = timed_ms(lambda q=query: store.db.execute(
            "select rowid from resources_fts where resources_fts match ? "
            "order by rank limit 50", [q]).fetchall(), runs)
        out["search_ms"][text] = timed_ms(lambda t=text: search(store, t, "en"), runs)
    out.update(measure_search_paths(store, runs))
    largest = generate.LARGEST
    ids = store.list_ids(largest, ListFilter())
    out["largest_category"] = {"slug": largest, "rows": len(ids)}
    out["list_ids_ms"] = timed_ms(lambda: store.list_ids(largest, ListFilter()), runs)
    # The same list when it is not kept yet (first visit, or after a change to the directory).
    out["list_ids_uncached_ms"] = timed_ms(
        lambda: store._list_ids(largest, ListFilter(), None, "en"), runs)
    out["list_entries_first_screen_ms"] = timed_ms(lambda: store.list_entries(ids[:40]), runs)
    middle = ids[len(ids) // 2]
    out["resource_ms"] = timed_ms(lambda: store.resource(middle), runs)
    store.close()
    return out


def keystrokes(words: list[str]) -> list[tuple[str, str]]:
    """Every text on the way to typing each of `words`, with its language."""
    return [(word[:n], "es" if word in SPANISH else "en")
            for word in words for n in range(1, len(word) + 1)]


def measure_search_paths(store: Any, runs: int) -> dict[str, Any]:
    """The search of every keystroke on each path, with the bundled search words; the
    vocabulary's build; and typos against a vocabulary of `LARGE_VOCABULARY` more words."""
    import random

    from kiosk.directory.search import Searcher
    from kiosk.directory.vocabulary import Vocabulary

    out: dict[str, Any] = {}
    searcher = Searcher(store)
    start = time.perf_counter()
    vocabulary = searcher.vocabulary()
    out["vocabulary"] = {"words": len(vocabulary),
                         "build_ms": (time.perf_counter() - start) * 1000}
    paths: dict[str, Any] = {}
    for path, words in SEARCH_PATHS.items():
        per_key: dict[tuple[str, str], list[float]] = {}
        for text, lang in keystrokes(words):
            searcher.search(text, lang)
            per_key[(text, lang)] = []
        for _ in range(runs):
            for (text, lang), samples in per_key.items():
                started = time.perf_counter()
                searcher.search(text, lang)
                samples.append((time.perf_counter() - started) * 1000)
        every = [t for samples in per_key.values() for t in samples]
        worst = max(per_key, key=lambda k: summary(per_key[k])["p95"])
        paths[path] = {"keystrokes": summary(every), "worst_key": worst[0],
                       "worst_key_ms": summary(per_key[worst])}
    out["search_paths_ms"] = paths
    # A long tail: pseudo-words of realistic length and letters, beside the directory's.
    rng = random.Random(13)
    syllables = ("ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe",
                 "qui", "ro", "sa", "te", "vi", "zo", "str", "ing", "tion", "an", "er", "el")
    extra = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 5))): 1
             for _ in range(LARGE_VOCABULARY * 2)}
    large = dict(vocabulary.counts)
    for word in list(extra)[:LARGE_VOCABULARY]:
        large.setdefault(word, 1)
    start = time.perf_counter()
    big = Vocabulary(large, searcher.words.ignore)
    build_ms = (time.perf_counter() - start) * 1000
    typed = [t for t, _ in keystrokes(SEARCH_PATHS["typo"]) if len(t) >= 4]
    samples = []
    for _ in range(runs):
        for text in typed:
            started = time.perf_counter()
            big.typos(text)
            big.same_stem(text)
            samples.append((time.perf_counter() - started) * 1000)
    out["large_vocabulary"] = {"words": len(big), "build_ms": build_ms,
                               "typos_per_word_ms": summary(samples)}
    return out


def main(argv: list[str]) -> int:
    command, size, runs, keep = argv[0], int(argv[1]), int(argv[2]), Path(argv[3])
    if command == "import":
        result = measure_import(size, runs, keep)
    elif command == "queries":
        result = measure_queries(keep, runs)
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
