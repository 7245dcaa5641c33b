"""The visitor's sentence for an entry's trust level and, without a phone, how to reach it.

The level itself is decided in the core (`kiosk.directory.trust`); this only words it, in the
visit's language, for the resource screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from kiosk.directory.model import Resource
from kiosk.directory.trust import (
    BY_ADDRESS,
    BY_OUTREACH,
    DIRECTORY,
    PUBLISHED,
    STAFF,
    trust,
)


def trust_sentence(r: Resource, date_text: Callable[[dt.date], str]) -> tuple[str, str]:
    """(sentence, level): level is `staff`, `published`, `directory` or `article`, for the
    stylesheet (which shows `directory` as it shows `article`)."""
    t = trust(r)
    if t.level == STAFF and t.date is not None:
        if t.by:
            text = QCoreApplication.translate("TrustWords", "Last checked by staff: %1 (%2)")
        else:
            text = QCoreApplication.translate("TrustWords", "Last checked by staff: %1")
        return text.replace("%1", date_text(t.date)).replace("%2", t.by), t.level
    if t.level == PUBLISHED and t.date is not None:
        if t.call_first:
            text = QCoreApplication.translate(
                "TrustWords",
                "From an official web page, read on %1. Not yet checked by staff: call first.")
        else:
            text = QCoreApplication.translate(
                "TrustWords", "From an official web page, read on %1. Not yet checked by staff.")
        return text.replace("%1", date_text(t.date)), t.level
    if t.level == DIRECTORY:
        if t.call_first:
            text = QCoreApplication.translate(
                "TrustWords",
                "From a community directory (%1). Not yet checked by staff: call first.")
        else:
            text = QCoreApplication.translate(
                "TrustWords", "From a community directory (%1). Not yet checked by staff.")
        return text.replace("%1", t.origin), t.level
    if t.call_first:
        text = QCoreApplication.translate(
            "TrustWords", "From an article only. Not yet checked by staff: call first.")
    else:
        text = QCoreApplication.translate(
            "TrustWords", "From an article only. Not yet checked by staff.")
    return text, t.level


def reach_sentence(r: Resource) -> str:
    """How to reach an entry that has no phone; empty when it has one."""
    if r.phones:
        return ""
    reach = trust(r).reach
    if reach == BY_ADDRESS:
        return QCoreApplication.translate(
            "TrustWords", "No phone number listed. You can go to the address below.")
    if reach == BY_OUTREACH:
        return QCoreApplication.translate(
            "TrustWords",
            "No phone number listed. Their outreach workers come to where people are.")
    return QCoreApplication.translate(
        "TrustWords",
        "No phone number listed. Ask staff here, or dial 2-1-1, how to reach them.")
