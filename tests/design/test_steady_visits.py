"""Visits leave nothing behind in the window: the same Qt objects after ten visits as after
one. A screen that builds rows, a preview or a page per visit must let them go, or a kiosk
that runs for weeks grows until it stops."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication

from kiosk.printing.kiosk_print import PrintPreview
from kiosk.ui.window import KioskWindow


def _settle() -> None:
    """What the event loop does between two taps, deferred deletions included."""
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()


def _visit(window: KioskWindow) -> None:
    window.open_category("health")
    _settle()
    for resource in window.store.resources()[:3]:
        window.open_resource(resource.id)
        _settle()
        window.handout.add(resource.id)
    window.open_handout()
    _settle()
    window.print_handout()
    _settle()
    preview = window.findChild(PrintPreview)
    assert preview is not None and preview.isVisible()
    preview.close_preview()
    _settle()
    window.open_topic(window.store.topics()[0].slug)
    _settle()
    window.cycle_text_size()
    _settle()
    window.quick_exit()
    _settle()


def _counts(window: KioskWindow) -> Counter[str]:
    return Counter(type(o).__name__ for o in window.findChildren(QObject))


def test_ten_visits_leave_the_same_objects_as_one(window: KioskWindow) -> None:
    _visit(window)  # the first visit builds each screen once
    after_one, widgets = _counts(window), len(QApplication.allWidgets())
    for _ in range(10):
        _visit(window)
    grown = {name: n - after_one[name] for name, n in _counts(window).items()
             if n > after_one[name]}
    assert grown == {}
    assert len(QApplication.allWidgets()) <= widgets
