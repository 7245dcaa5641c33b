"""Fleet status: each kiosk writes a small status file into the update folder it syncs.

The file goes where the coordinator's bundles come from, so the same Syncthing folder (or the
same USB stick) carries bundles one way and status the other. It says which kiosk this is
and how it is doing: its id, place name, the bundle version applied and when, counts of
stale and unchecked entries, printer state, last start, free disk and the names of failed
checks. Nothing about visitors: no usage counts, no times of taps, no searches.

A kiosk writes at most once an hour (a synced folder sends every change to every site), in
one atomic rename, so a reader never sees half a file. `kiosk fleet status FOLDER` prints one
row per kiosk, failing and oldest first.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.directory.settings import Settings
from kiosk.directory.store import Store

FORMAT = "kiosk-status/1"
STATUS_DIR = "status"  # inside the update folder
SUFFIX = ".kiosk-status.json"
KIOSK_ID_KEY = "kiosk.id"
WRITTEN_KEY = "fleet.status_written_at"
STARTED_KEY = "fleet.started_at"
EVERY = dt.timedelta(hours=1)
MAX_STATUS_BYTES = 64 * 1024
_ID = re.compile(r"kiosk-[0-9a-f]{8}")


def kiosk_id(store: Store) -> str:
    """This kiosk's id, made once (`kiosk-` and 8 hex digits), never from anything about
    the place or the machine."""
    settings = Settings(store)
    found = settings.get_raw(KIOSK_ID_KEY)
    if isinstance(found, str) and _ID.fullmatch(found):
        return found
    made = f"kiosk-{secrets.token_hex(4)}"
    settings.set_raw(KIOSK_ID_KEY, made)
    return made


def note_start(store: Store, now: dt.datetime | None = None) -> None:
    Settings(store).set_raw(STARTED_KEY, (now or store.clock()).isoformat(timespec="seconds"))


def status(store: Store, data_dir: Path, now: dt.datetime | None = None,
           failed: list[str] | None = None, printer: str | None = None) -> dict[str, Any]:
    """The status record (a dict ready for JSON). `failed` names the checks that fail,
    `printer` is "ok", "failing" or "none" (worked out by the caller when given)."""
    from kiosk.updates.bundle import APPLIED_AT_KEY, applied_version, valid_until

    settings = Settings(store)
    now = now or dt.datetime.now(dt.UTC)
    stale_days = int(settings.get("stale_days"))
    cutoff = (store.clock().date() - dt.timedelta(days=stale_days)).isoformat()
    total, unchecked, stale = store.db.execute(
        "select count(*), sum(verified_on is null), "
        "sum(verified_on is not null and verified_on < ?) "
        "from resources where status = 'active' and retired_on is null", [cutoff]).fetchone()
    until = valid_until(store)
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError:
        free = -1
    return {
        "format": FORMAT,
        "kiosk": kiosk_id(store),
        "place": str(settings.get("location_name") or ""),
        "town": str(settings.get("town") or ""),
        "bundle": {"version": applied_version(store),
                   "applied_at": str(settings.get_raw(APPLIED_AT_KEY, "") or ""),
                   "valid_until": until.isoformat() if until else ""},
        "entries": {"active": int(total or 0), "unchecked": int(unchecked or 0),
                    "stale": int(stale or 0), "stale_days": stale_days},
        "printer": printer if printer is not None else (
            "none" if not settings.get("printer") else "unknown"),
        "started_at": str(settings.get_raw(STARTED_KEY, "") or ""),
        "free_disk_bytes": free,
        "failed_checks": list(failed or []),
        "written_at": now.isoformat(timespec="seconds"),
    }


def status_path(folder: Path, store: Store) -> Path:
    return folder / STATUS_DIR / f"{kiosk_id(store)}{SUFFIX}"


def write_status(folder: Path, store: Store, data_dir: Path, now: dt.datetime | None = None,
                 force: bool = False, with_checks: bool = True) -> Path | None:
    """Write this kiosk's status file into `folder` if an hour has passed since the last
    (or `force`); the path written, or None when it was not yet time."""
    from kiosk.directory.files import write_atomically

    settings = Settings(store)
    now = now or dt.datetime.now(dt.UTC)
    last = settings.get_raw(WRITTEN_KEY)
    if not force and isinstance(last, str):
        try:
            if now - dt.datetime.fromisoformat(last) < EVERY:
                return None
        except (ValueError, TypeError):
            pass
    failed: list[str] = []
    printer = None
    if with_checks:
        from kiosk.doctor import run_checks

        checks = run_checks(store, data_dir)
        failed = [c.name for c in checks if not c.ok]
        printer_check = next(c for c in checks if c.name == "Printer")
        printer = "none" if not settings.get("printer") else (
            "ok" if printer_check.ok else "failing")
    record = status(store, data_dir, now, failed, printer)
    path = status_path(folder, store)
    write_atomically(path, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    settings.set_raw(WRITTEN_KEY, now.isoformat(timespec="seconds"))
    return path


@dataclass(frozen=True)
class Row:
    kiosk: str
    place: str
    version: int
    applied_at: str
    written_at: str
    stale: int
    unchecked: int
    printer: str
    free_gb: float
    problems: tuple[str, ...]
    file: str

    @property
    def failing(self) -> bool:
        return bool(self.problems)


def _problems(record: dict[str, Any], now: dt.datetime, newest: int) -> list[str]:
    out = [str(x) for x in record.get("failed_checks") or []][:20]
    bundle = record.get("bundle") or {}
    if int(bundle.get("version") or 0) < newest:
        out.insert(0, "behind")
    until = str(bundle.get("valid_until") or "")
    try:
        if until and dt.datetime.fromisoformat(until) < now and "Newest update" not in out:
            out.append("bundle expired")
    except ValueError:
        pass
    try:
        written = dt.datetime.fromisoformat(str(record.get("written_at")))
        if now - written > dt.timedelta(days=2):
            out.append(f"silent {(now - written).days} days")
    except (ValueError, TypeError):
        out.append("no date")
    return out


def read_statuses(folder: Path, now: dt.datetime | None = None
                  ) -> tuple[list[Row], list[str]]:
    """Every kiosk's status in `folder`, failing first, then the oldest; and a sentence for
    each file that could not be read."""
    now = now or dt.datetime.now(dt.UTC)
    where = folder / STATUS_DIR
    records: list[tuple[Path, dict[str, Any]]] = []
    unreadable: list[str] = []
    if not where.is_dir():
        return [], [f"{where}: there is no status folder here (no kiosk has reported yet)."]
    for entry in sorted(os.scandir(where), key=lambda e: e.name):
        if not entry.name.endswith(SUFFIX) or entry.name.startswith("."):
            continue
        try:
            if not entry.is_file() or entry.stat().st_size > MAX_STATUS_BYTES:
                raise ValueError("not a status file")
            with open(entry.path, "rb") as handle:
                record = json.loads(handle.read(MAX_STATUS_BYTES).decode("utf-8"))
            if not isinstance(record, dict) or record.get("format") != FORMAT:
                raise ValueError("not a status file")
            records.append((Path(entry.path), record))
        except (OSError, ValueError, RecursionError):
            unreadable.append(f"{entry.name}: this is not a kiosk status file; it was "
                              "skipped.")
    newest = max((int((r.get("bundle") or {}).get("version") or 0) for _, r in records),
                 default=0)
    rows = []
    for path, record in records:
        bundle = record.get("bundle") or {}
        entries = record.get("entries") or {}
        try:
            rows.append(Row(
                kiosk=str(record.get("kiosk", path.name))[:40],
                place=str(record.get("place") or record.get("town") or "")[:60],
                version=int(bundle.get("version") or 0),
                applied_at=str(bundle.get("applied_at") or "")[:16],
                written_at=str(record.get("written_at") or "")[:16],
                stale=int(entries.get("stale") or 0),
                unchecked=int(entries.get("unchecked") or 0),
                printer=str(record.get("printer") or "")[:10],
                free_gb=max(-1.0, float(record.get("free_disk_bytes") or 0) / 1e9),
                problems=tuple(_problems(record, now, newest)),
                file=path.name))
        except (ValueError, TypeError):
            unreadable.append(f"{path.name}: this status file has values of the wrong kind; "
                              "it was skipped.")
    rows.sort(key=lambda r: (not r.failing, r.version, r.written_at, r.kiosk))
    return rows, unreadable


def table(rows: list[Row]) -> list[str]:
    head = ("KIOSK", "PLACE", "BUNDLE", "APPLIED", "REPORTED", "STALE", "UNCHECKED",
            "PRINTER", "FREE GB", "PROBLEMS")
    body = [(r.kiosk, r.place or "-", str(r.version), r.applied_at or "-", r.written_at,
             str(r.stale), str(r.unchecked), r.printer, f"{r.free_gb:.1f}",
             ", ".join(r.problems) or "ok") for r in rows]
    widths = [max(len(line[i]) for line in [head, *body]) for i in range(len(head))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
            for line in [head, *body]]
