#!/usr/bin/env python3
"""Feed the kiosk's file readers mutated files and count what becomes of each.

`python3 scripts/fuzz_files.py [--yaml 300] [--hsds 200] [--seed 15] [--keep DIR]`

The seeds are the kiosk's own bundled directory (YAML) and its export of that directory as
an HSDS CSV package and as HSDS JSON. Each sample is one seed with one mutation: cut short,
a line lost, doubled or moved, a byte changed, text that is hostile (control and
bidirectional characters, aliases, huge or deep values, wrong types), in a file that
another reader would take. Each is read by the `kiosk` command as staff run it, in its own
process with a time and memory limit: `kiosk check FILE` for YAML, `kiosk import --dry-run`
for an HSDS folder (one file of it mutated).

Every sample ends as one of:
- accepted: exit 0 (the mutation left a valid file);
- refused with FILE:LINE: exit 1, and the message names a file and a line;
- refused without a line: exit 1, a sentence but no line (fine for, say, an empty file);
- crashed: any other exit, a signal, a traceback, the time limit, or a message longer than
  a page (an echoed value).
Prints the counts per reader, and the first lines of every crash, and exits 1 if any.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "src" / "kiosk" / "data"
TIMEOUT_S = 60
MEMORY_BYTES = 2 * 1024 ** 3
LOCATION = re.compile(r"[\w.-]+\.(?:ya?ml|csv|json)(?::|,? line |,? row )\d+", re.I)

HOSTILE_VALUES = [
    '"\\u202eenilnoH"', '"\\e[2J"', '"\\0"', '"\\ufeffx"', '"a\\u2028b"', '"\\x85"',
    "~", '""', "[]", "{}", "[a, b]", "0x1F", "9223372036854775808", "-1e400", ".nan",
    "yes", "2026-13-45", "!!binary aGk=", "!!python/object:os.system ls", "*a", "&a x",
    "!!set {a, b}", '"' + "x" * 200_000 + '"', "[" * 5000 + "]" * 5000,
    "{a: " * 300 + "x" + "}" * 300, "x" * 10_000_000, "'unclosed", '"\\ud800"',
    "!!omap [a: 1]", "- - - - - - x", "<<: *a", "@", "`x`", "%TAG ! tag:x,2000:",
    "!!seq abc", "!!map [a]", "!!str [a]", "!!str {a: b}", "!!int [1]", "!!timestamp {}",
    "!!float x", "!!null [a]", "!!bool 2", "!<tag:yaml.org,2002:map> x",
]
CSV_CELLS = [
    "=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)",
    '"unclosed', "x" * 200_000, "\x1b[2J", "\u202e", "\x00", "\ufeff", "9" * 40,
    "a,b,c", "\r", "\n", '""""', "\ud800".encode("utf-8", "surrogatepass").decode(
        "utf-8", "replace"),
]
JSON_VALUES = [
    '"\\ud800"', "1e400", "1180591620717411303424", "[" * 600 + "]" * 600, "null", "[]",
    "{}", '"\\u202e"', '"\\u0000"', "true", '"' + "x" * 200_000 + '"', "-0", "NaN",
    '{"a": 1, "a": 2}',
]


# -- mutations --------------------------------------------------------------------------------

def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True) or [""]


def cut_short(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randrange(0, max(1, len(data)))]


def lose_a_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.splitlines(keepends=True)
    if lines:
        del lines[rng.randrange(len(lines))]
    return b"".join(lines)


def double_a_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.splitlines(keepends=True) or [b""]
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])
    return b"".join(lines)


def move_a_line(rng: random.Random, data: bytes) -> bytes:
    lines = data.splitlines(keepends=True)
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def change_a_byte(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return b"\xff"
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def break_a_character(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(max(1, len(data)))
    return data[:at] + rng.choice([b"\xc3", b"\xe2\x80", b"\x00", b"\xef\xbb\xbf"]) + data[at:]


def shift_indent(rng: random.Random, data: bytes) -> bytes:
    lines = data.splitlines(keepends=True)
    if lines:
        i = rng.randrange(len(lines))
        lines[i] = (b" " * rng.randint(1, 3) + lines[i]) if rng.random() < 0.5 \
            else lines[i].lstrip(b" ")[:len(lines[i])]
    return b"".join(lines)


def hostile_yaml_value(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    spots = [m.end() for m in re.finditer(r"(?m)^\s*-?\s*[a-z_]+: ", text)]
    if not spots:
        return data
    at = rng.choice(spots)
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return (text[:at] + rng.choice(HOSTILE_VALUES) + text[end:]).encode("utf-8",
                                                                         "surrogatepass")


def alias_bomb(rng: random.Random, data: bytes) -> bytes:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
        for i in range(rng.randint(3, 9)))
    return data.replace(b"\n", b"\n" + bomb.encode(), 1)


def deep_block(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([50, 300, 3000])
    nest = "".join(" " * i + f"k{i}:\n" for i in range(depth))
    return data + b"resources:\n" + nest.encode()


def hostile_csv_cell(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    lines = _lines(text)
    if len(lines) < 2:
        return data
    i = rng.randrange(1, len(lines))
    cells = lines[i].rstrip("\r\n").split(",")
    j = rng.randrange(len(cells))
    cells[j] = rng.choice(CSV_CELLS)
    lines[i] = ",".join(cells) + "\n"
    return "".join(lines).encode("utf-8", "surrogatepass")


def extra_or_missing_cells(rng: random.Random, data: bytes) -> bytes:
    lines = data.splitlines(keepends=True)
    if len(lines) < 2:
        return data
    i = rng.randrange(len(lines))
    body = lines[i].rstrip(b"\r\n")
    lines[i] = (body + b",extra,cells" if rng.random() < 0.5 else body.rsplit(b",", 1)[0]) + \
        b"\n"
    return b"".join(lines)


def hostile_json_value(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    spots = [m.end() for m in re.finditer(r'"[a-z_]+":\s*', text)]
    if not spots:
        return data
    at = rng.choice(spots)
    match = re.match(r'"(?:[^"\\]|\\.)*"|-?[\d.eE+]+|true|false|null', text[at:])
    end = at + (match.end() if match else 0)
    return (text[:at] + rng.choice(JSON_VALUES) + text[end:]).encode("utf-8")


def empty(rng: random.Random, data: bytes) -> bytes:
    return rng.choice([b"", b"\n", b"\xef\xbb\xbf", b" "])


TEXT_MUTATIONS = [cut_short, lose_a_line, double_a_line, move_a_line, change_a_byte,
                  break_a_character, empty]
YAML_MUTATIONS = [*TEXT_MUTATIONS, shift_indent, hostile_yaml_value, hostile_yaml_value,
                  hostile_yaml_value, alias_bomb, deep_block]
CSV_MUTATIONS = [*TEXT_MUTATIONS, hostile_csv_cell, hostile_csv_cell, extra_or_missing_cells]
JSON_MUTATIONS = [*TEXT_MUTATIONS, hostile_json_value, hostile_json_value, hostile_json_value]


# -- running ----------------------------------------------------------------------------------

def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def kiosk(*args: str, data_dir: Path) -> tuple[int, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    try:
        done = subprocess.run([sys.executable, "-m", "kiosk", "--data-dir", str(data_dir),
                               *args], capture_output=True, text=True, timeout=TIMEOUT_S,
                              check=False, env=env, preexec_fn=_limits, errors="replace")
    except subprocess.TimeoutExpired:
        return -999, f"no answer within {TIMEOUT_S} s"
    return done.returncode, done.stderr


def outcome(code: int, stderr: str) -> str:
    if code == 0:
        return "accepted"
    if code != 1 or "Traceback" in stderr or len(stderr) > 20_000:
        return "crashed"
    return "refused with FILE:LINE" if LOCATION.search(stderr) else "refused without a line"


def make_samples(rng: random.Random, work: Path, yaml_count: int,
                 hsds_count: int) -> list[tuple[str, str, list[str], Path]]:
    """(reader, mutation, kiosk arguments, the mutated file) for each sample."""
    seeds = work / "seeds"
    data = work / "data"
    for fmt in ("hsds-csv", "hsds-json"):
        code, err = kiosk("export", "--format", fmt, str(seeds / fmt), data_dir=data)
        assert code == 0, err
    samples = []
    yaml_seeds = sorted(BUNDLED.glob("*.yaml"))
    for n in range(yaml_count):
        seed = rng.choice(yaml_seeds)
        mutation = rng.choice(YAML_MUTATIONS)
        out = work / "yaml" / f"{n:03d}-{seed.name}"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(mutation(rng, seed.read_bytes()))
        samples.append(("yaml", mutation.__name__, ["check", str(out)], out))
    for n in range(hsds_count):
        fmt = "hsds-csv" if n % 2 == 0 else "hsds-json"
        folder = work / fmt / f"{n:03d}"
        shutil.copytree(seeds / fmt, folder)
        if fmt == "hsds-csv":
            files = sorted(folder.glob("*.csv"))
            weights = [8 if p.name in ("services.csv", "phones.csv", "organizations.csv",
                                       "taxonomy_terms.csv") else 1 for p in files]
            mutations = CSV_MUTATIONS
        else:
            files = sorted(folder.rglob("*.json"))
            weights = [1] * len(files)
            mutations = JSON_MUTATIONS
        target = rng.choices(files, weights)[0]
        mutation = rng.choice(mutations)
        target.write_bytes(mutation(rng, target.read_bytes()))
        samples.append((fmt, mutation.__name__,
                        ["import", "--dry-run", "--format", fmt, str(folder)], target))
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--yaml", type=int, default=300)
    parser.add_argument("--hsds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the samples in this folder (default: a temporary one)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="kiosk-fuzz-"))
    try:
        samples = make_samples(rng, work, args.yaml, args.hsds)
        data = work / "data"

        def run(sample: tuple[str, str, list[str], Path]) -> tuple[str, str, str, str, Path]:
            reader, mutation, command, file = sample
            code, err = kiosk(*command, data_dir=data)
            return reader, mutation, outcome(code, err), err, file

        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(run, samples))
        counts: Counter[tuple[str, str]] = Counter((r[0], r[2]) for r in results)
        report = {reader: {kind: counts[(reader, kind)] for kind in (
            "refused with FILE:LINE", "refused without a line", "accepted", "crashed")}
            for reader in ("yaml", "hsds-csv", "hsds-json")}
        print(json.dumps(report, indent=2))
        accepted = Counter(f"{r[0]} {r[1]}" for r in results if r[2] == "accepted")
        print("accepted, by mutation:", json.dumps(dict(sorted(accepted.items()))))
        crashes = [r for r in results if r[2] == "crashed"]
        for reader, mutation, _, err, file in crashes:
            print(f"CRASH {reader} {mutation} {file}: {err.strip()[-600:]}")
        unlocated = [r for r in results if r[2] == "refused without a line"]
        for reader, mutation, _, err, file in unlocated[:40]:
            print(f"no line: {reader} {mutation} {file.name}: {err.strip()[:160]}")
        return 1 if crashes else 0
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
