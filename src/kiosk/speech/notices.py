"""Telling staff why the kiosk cannot read aloud, once, in the admin notices."""

from __future__ import annotations

from kiosk.backups import add_notice
from kiosk.directory.store import Store
from kiosk.staff.notices import unseen


def tell_staff(store: Store, problem: str) -> bool:
    """Adds `problem` to the admin notices unless it is already there unseen (the kiosk
    checks at every start); True when it was added."""
    if any(notice.text == problem for notice in unseen(store)):
        return False
    add_notice(store, problem, "warning")
    return True
