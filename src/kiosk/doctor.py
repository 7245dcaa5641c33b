"""`kiosk doctor`: is this kiosk ready for visitors? One checklist, in plain words.

Each check says what it found and, when it fails, what to do. The same checks are shown on
the admin Settings page (`kiosk.admin.health_panel`); this module has no Qt in it, so the
command works over SSH with no screen. The screen's size is the one the kiosk last started
on (recorded in the data folder at each start), or one the caller measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.directory.settings import Settings
from kiosk.directory.store import Store

MIN_FREE_BYTES = 500 * 1000 * 1000  # a day's backups and an update, with room to spare
MIN_SCREEN = (1024, 600)
MAX_BACKUP_AGE = dt.timedelta(days=2)
SCREEN_FILE = "screen.json"


@dataclass(frozen=True)
class Check:
    name: str  # "Staff PIN"
    ok: bool
    found: str  # what was found, one sentence
    fix: str = ""  # what to do, when not ok

    def line(self) -> str:
        mark = "PASS" if self.ok else "FAIL"
        text = f"{mark}  {self.name}: {self.found}"
        return text if self.ok or not self.fix else f"{text}\n      Do this: {self.fix}"


def _run(*args: str, timeout: float = 10) -> subprocess.CompletedProcess[str] | None:
    if shutil.which(args[0]) is None:
        return None
    try:
        return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None


def check_pin(store: Store, data_dir: Path) -> Check:
    from kiosk.staff.pin import PinGuard

    if PinGuard(Settings(store)).has_pin():
        return Check("Staff PIN", True, "set.")
    return Check("Staff PIN", False, "not set, so nobody can open the staff screens.",
                 "kiosk set-pin")


def check_trusted_key(store: Store, data_dir: Path) -> Check:
    from kiosk.errors import KnownError
    from kiosk.updates import keys

    try:
        found = keys.fingerprints(Settings(store).get("trusted_key"))
    except KnownError as error:
        return Check("Trusted key", False, error.message,
                     "kiosk bundle trust KEY.pub.pem (the coordinator's public key)")
    if not found:
        return Check("Trusted key", False, "none, so this kiosk applies no update.",
                     "kiosk bundle trust KEY.pub.pem (the coordinator's public key)")
    return Check("Trusted key", True, ", ".join(found) + ".")


def check_update_folder(store: Store, data_dir: Path) -> Check:
    folder = str(Settings(store).get("update_folder") or "")
    name = "Update folder"
    if not folder:
        return Check(name, False, "none named.",
                     "kiosk bundle folder PATH (a USB stick's mount point or a synced folder)")
    path = Path(folder)
    if not path.is_dir():
        return Check(name, False, f"{folder} is not there (is the stick plugged in, is the "
                                  "sync running?).", f"plug in the stick, or mkdir -p {folder}")
    if not os.access(path, os.R_OK | os.X_OK):
        return Check(name, False, f"{folder} cannot be read by this user.",
                     f"give the kiosk's user read access to {folder}")
    return Check(name, True, f"{folder} is there and readable.")


def check_bundle(store: Store, data_dir: Path, now: dt.datetime | None = None) -> Check:
    from kiosk.updates.bundle import APPLIED_AT_KEY, applied_version, expiry_warning

    name = "Newest update"
    version = applied_version(store)
    if not version:
        return Check(name, False, "no update bundle has been applied; the kiosk shows the "
                                  "directory it was installed with.",
                     "put the coordinator's newest bundle in the update folder, then "
                     "kiosk bundle sync")
    now = now or dt.datetime.now(dt.UTC)
    late = expiry_warning(store, now)
    applied = str(Settings(store).get_raw(APPLIED_AT_KEY, "") or "")
    age = ""
    try:
        when = dt.datetime.fromisoformat(applied)
        days = (now.replace(tzinfo=None) - when.replace(tzinfo=None)).days
        age = f", applied {days} day{'s' if days != 1 else ''} ago"
    except ValueError:
        pass
    if late:
        return Check(name, False, late, "ask the coordinator for a new bundle")
    return Check(name, True, f"version {version}{age}.")


def _cupsd_conf() -> Path | None:
    root = os.environ.get("CUPS_SERVERROOT") or "/etc/cups"
    server = os.environ.get("CUPS_SERVER", "")
    if server.startswith("/"):  # a private scheduler's socket: its folder has conf/ beside
        private = Path(server).parents[1] / "conf" / "cupsd.conf"
        if private.exists():
            return private
    path = Path(root) / "cupsd.conf"
    return path if path.exists() else None


def _keeps_jobs(conf: Path) -> str | None:
    """None when the scheduler keeps no job files or history, else which it keeps; raises
    OSError when the configuration cannot be read."""
    text = conf.read_text(encoding="utf-8", errors="replace")
    values = {m.group(1).lower(): m.group(2).lower() for m in re.finditer(
        r"^\s*(PreserveJobFiles|PreserveJobHistory)\s+(\S+)", text, re.MULTILINE | re.I)}
    kept = [key for key, default in (("preservejobfiles", "86400"),
                                     ("preservejobhistory", "yes"))
            if values.get(key, default) not in ("no", "off", "false", "0")]
    return " and ".join("copies of printed files" if k == "preservejobfiles"
                        else "a list of printed jobs" for k in kept) or None


def check_printer(store: Store, data_dir: Path) -> Check:
    name = "Printer"
    queue = str(Settings(store).get("printer") or "")
    if not queue:
        return Check(name, False, "none chosen, so visitors cannot print a handout.",
                     "add the printer to CUPS (lpadmin), then choose it on the Settings page")
    state = _run("lpstat", "-p", queue)
    if state is None:
        return Check(name, False, "the CUPS tools are not installed.",
                     "apt install cups cups-client")
    if state.returncode != 0:
        return Check(name, False, f'there is no print queue called "{queue}".',
                     f"lpadmin -p {queue} -E -v DEVICE-URI -m everywhere, or choose "
                     "another printer on the Settings page")
    if "disabled" in state.stdout:
        return Check(name, False, f'the queue "{queue}" is stopped.',
                     f"turn the printer on, then cupsenable {queue}")
    accepting = _run("lpstat", "-a", queue)
    if accepting is None or "not accepting" in accepting.stdout \
            or "accepting" not in accepting.stdout:
        return Check(name, False, f'the queue "{queue}" is not taking jobs.',
                     f"cupsaccept {queue}")
    conf = _cupsd_conf()
    completed = _run("lpstat", "-W", "completed", "-o", queue)
    if completed is not None and completed.stdout.strip():
        return Check(name, False, f'the print system keeps a list of jobs printed on "{queue}"'
                                  ", which tells the next person what a visitor printed.",
                     "set PreserveJobHistory No and PreserveJobFiles No in "
                     "/etc/cups/cupsd.conf, then restart cups")
    if conf is not None:
        try:
            kept = _keeps_jobs(conf)
        except OSError:
            return Check(name, False, f'"{queue}" takes jobs, but whether CUPS keeps copies '
                                      f"of them could not be read ({conf}).",
                         "run sudo kiosk doctor")
        if kept:
            return Check(name, False, f"the print system keeps {kept} (see {conf}).",
                         "set PreserveJobHistory No and PreserveJobFiles No in "
                         f"{conf}, then restart cups")
    return Check(name, True, f'"{queue}" is on, takes jobs and keeps no copies.')


_MEDIA = {"letter": ("letter", "na_letter"), "a4": ("a4", "iso_a4")}


def check_paper(store: Store, data_dir: Path) -> Check:
    name = "Paper size"
    settings = Settings(store)
    paper = str(settings.get("paper"))
    if paper not in _MEDIA:
        return Check(name, False, f'the setting "{paper}" is neither letter nor a4.',
                     "choose letter or a4")
    queue = str(settings.get("printer") or "")
    options = _run("lpoptions", "-p", queue) if queue else None
    media = ""
    if options is not None and options.returncode == 0:
        match = re.search(r"(?:^|\s)media=(\S+)", options.stdout)
        media = match.group(1).lower() if match else ""
    if media and not media.startswith(_MEDIA[paper]):
        return Check(name, False, f'sheets are laid out for {paper}, but the queue "{queue}" '
                                  f"prints on {media}.",
                     f"lpadmin -p {queue} -o media-default={_MEDIA[paper][1]}, or change the "
                     "paper setting")
    return Check(name, True, f"{paper}" + (f" (the queue prints on {media})." if media
                                           else "."))


def check_disk(store: Store, data_dir: Path) -> Check:
    usage = shutil.disk_usage(data_dir if data_dir.exists() else data_dir.parent)
    free = f"{usage.free / 1e9:.1f} GB free"
    if usage.free < MIN_FREE_BYTES:
        return Check("Disk space", False, f"only {free} for the kiosk's data, backups and "
                                          "updates.",
                     "free some space (old files in /var/log, /tmp) or use a larger disk")
    return Check("Disk space", True, f"{free}.")


def check_database(store: Store, data_dir: Path) -> Check:
    try:
        rows = [r[0] for r in store.db.execute("PRAGMA quick_check").fetchall()]
    except Exception as error:
        rows = [str(error)]
    if rows != ["ok"]:
        return Check("Database", False, "damaged: " + "; ".join(map(str, rows[:2])),
                     "kiosk restore with the newest backup (kiosk backup --list)")
    return Check("Database", True, f"sound ({store.counts()['resources']} entries).")


def check_backups(store: Store, data_dir: Path, now: dt.datetime | None = None) -> Check:
    from kiosk.backups import backup_time, list_backups, problem_of

    name = "Backups"
    found = list_backups(data_dir)
    if not found:
        return Check(name, False, "none yet.", "kiosk backup")
    newest = found[0]
    problem = problem_of(newest)
    if problem:
        return Check(name, False, f"the newest backup, {newest.name}, is damaged ({problem}).",
                     "kiosk backup")
    taken = backup_time(newest)
    now = (now or dt.datetime.now()).replace(tzinfo=None)
    if taken is not None and now - taken > MAX_BACKUP_AGE:
        return Check(name, False, f"the newest is from {taken:%Y-%m-%d}, more than two days "
                                  "ago.", "kiosk backup (a running kiosk makes one a day)")
    return Check(name, True, f"{len(found)}, the newest ({newest.name}) is sound.")


def check_fonts(store: Store, data_dir: Path) -> Check:
    listed = _run("fc-list", ":lang=es", "family")
    if listed is None:
        return Check("Fonts for Spanish", False, "fontconfig is not installed.",
                     "apt install fontconfig fonts-dejavu-core")
    families = sorted({line.split(",")[0].strip() for line in listed.stdout.splitlines()
                       if line.strip()})
    if not families:
        return Check("Fonts for Spanish", False, "no font covers Spanish (ñ, á, ¿).",
                     "apt install fonts-dejavu-core")
    shown = ", ".join(families[:3]) + (" ..." if len(families) > 3 else "")
    return Check("Fonts for Spanish", True, f"{len(families)} families ({shown}).")


def check_speech(store: Store, data_dir: Path) -> Check:
    """The voice (espeak-ng, English and Spanish) and the player (aplay) to a sound device,
    checked as the kiosk checks them at start-up."""
    from kiosk.speech.engine import EspeakEngine
    from kiosk.speech.player import AplayPlayer

    name = "Speech"
    engine_problem = EspeakEngine().problem()
    player = AplayPlayer()
    problem = engine_problem or player.problem()
    if problem is None:
        return Check(name, True, f'espeak-ng speaks English and Spanish; aplay can play to '
                                 f'"{player.device}".')
    if engine_problem or "not installed" in problem:
        fix = "apt install espeak-ng alsa-utils"
    else:
        fix = ("plug in a speaker and check it with 'aplay -L'; the kiosk user must be in the "
               "audio group, and KIOSK_AUDIO_DEVICE can name another device")
    return Check(name, False, problem, fix)


def recorded_screen(data_dir: Path) -> tuple[int, int] | None:
    try:
        data = json.loads((data_dir / "run" / SCREEN_FILE).read_text(encoding="utf-8"))
        return int(data["width"]), int(data["height"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def record_screen(data_dir: Path, width: int, height: int) -> None:
    from kiosk.directory.files import write_atomically

    write_atomically(data_dir / "run" / SCREEN_FILE,
                     json.dumps({"width": width, "height": height}))


def check_screen(store: Store, data_dir: Path,
                 screen: tuple[int, int] | None = None) -> Check:
    name = "Screen"
    size = screen or recorded_screen(data_dir)
    if size is None:
        return Check(name, False, "unknown: the kiosk has not started on a screen yet.",
                     "start the kiosk once (systemctl start kiosk@tty7), then check again")
    width, height = size
    small = min(width, height) < min(MIN_SCREEN) or max(width, height) < max(MIN_SCREEN)
    if small:
        return Check(name, False, f"{width}x{height}, too small for the kiosk's buttons "
                                  f"(at least {MIN_SCREEN[0]}x{MIN_SCREEN[1]}).",
                     "use a larger screen, or set its resolution higher")
    return Check(name, True, f"{width}x{height}.")


def check_stale(store: Store, data_dir: Path, today: dt.date | None = None) -> Check:
    stale_days = int(Settings(store).get("stale_days"))
    today = today or store.clock().date()
    cutoff = (today - dt.timedelta(days=stale_days)).isoformat()
    unchecked, old = store.db.execute(
        "select sum(verified_on is null), sum(verified_on is not null and verified_on < ?) "
        "from resources where status = 'active' and retired_on is null", [cutoff]).fetchone()
    unchecked, old = int(unchecked or 0), int(old or 0)
    if unchecked or old:
        parts = []
        if old:
            parts.append(f"{old} entr{'ies were' if old != 1 else 'y was'} last checked more "
                         f"than {stale_days} days ago")
        if unchecked:
            parts.append(f"{unchecked} entr{'ies have' if unchecked != 1 else 'y has'} never "
                         "been checked")
        return Check("Entries checked", False, "; ".join(parts) + ".",
                     "call or visit them and mark them checked on the staff screen "
                     "(Entries, Needs checking)")
    return Check("Entries checked", True, f"every entry was checked in the last {stale_days} "
                                          "days.")


CHECKS: list[Callable[..., Check]] = [
    check_pin, check_trusted_key, check_update_folder, check_bundle, check_printer,
    check_paper, check_disk, check_database, check_backups, check_fonts, check_speech,
    check_screen, check_stale,
]


def run_checks(store: Store, data_dir: Path, screen: tuple[int, int] | None = None
               ) -> list[Check]:
    """Every check, in the checklist's order; a check that breaks is a failed check."""
    import logging

    out = []
    for check in CHECKS:
        try:
            if check is check_screen:
                out.append(check_screen(store, data_dir, screen))
            else:
                out.append(check(store, data_dir))
        except Exception:  # a bug in one check must not hide the others
            logging.getLogger(__name__).exception("the check %s failed", check.__name__)
            label = check.__name__.removeprefix("check_").replace("_", " ").capitalize()
            out.append(Check(label, False, "this check could not be run (see the log).",
                             "report it with the log from the data folder"))
    return out


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser],
             common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("doctor", parents=[common],
                       help="check that this kiosk is ready for visitors (exit 0 when every "
                            "check passes)")
    p.set_defaults(func=cmd_doctor)


def cmd_doctor(args: argparse.Namespace) -> int:
    from kiosk.commandline import data_dir_of, open_store

    data_dir = data_dir_of(args)
    store = open_store(args)
    checks = run_checks(store, data_dir)
    for check in checks:
        print(check.line())
    failed = sum(1 for c in checks if not c.ok)
    print(f"\n{len(checks) - failed} of {len(checks)} checks passed." if failed
          else f"\nAll {len(checks)} checks passed.")
    sys.stdout.flush()
    return 1 if failed else 0


def as_dicts(checks: list[Check]) -> list[dict[str, Any]]:
    return [{"name": c.name, "ok": c.ok, "found": c.found, "fix": c.fix} for c in checks]
