"""Widgets laid out again leave no layout item behind: `QLayout.takeAt` gives its item to
Python without ownership, so an item taken and dropped stays allocated. Home's tiles, the
keyboard and a category's filters are laid out again at every change of text size or
language, thousands of times over the weeks a kiosk runs."""

from __future__ import annotations

import gc

import pytest
import shiboken6
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.layouts import empty_layout
from kiosk.memory import malloc_info

ROUNDS = 1000
WIDGETS = 40


def _malloc_in_use() -> int:
    """Bytes the C library's malloc has handed out and not had back (glibc)."""
    gc.collect()
    info = malloc_info()
    assert info is not None, "the C library has no mallinfo2 (not glibc)"
    return int(info.uordblks)


def _grown_over_rounds(lay_out: object, empty: object) -> int:
    for _ in range(20):  # Qt's and Python's own first allocations
        empty()  # type: ignore[operator]
        lay_out()  # type: ignore[operator]
    before = _malloc_in_use()
    for _ in range(ROUNDS):
        empty()  # type: ignore[operator]
        lay_out()  # type: ignore[operator]
    return _malloc_in_use() - before


@pytest.fixture
def page(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_grid_laid_out_again_and_again_keeps_no_item(page: QWidget) -> None:
    grid = QGridLayout(page)
    buttons = [QPushButton(str(i), page) for i in range(WIDGETS)]

    def lay_out() -> None:
        for i, button in enumerate(buttons):
            grid.addWidget(button, i // 5, i % 5)

    dropped = _grown_over_rounds(lay_out, lambda: [grid.takeAt(0) for _ in range(grid.count())])
    # The fewest of three tries: what another thread of the process allocates meanwhile only
    # ever adds, and an item lost per lay-out would be in every try.
    kept = min(_grown_over_rounds(lay_out, lambda: empty_layout(grid)) for _ in range(3))
    assert dropped > ROUNDS * WIDGETS * 40  # what the layout lost before: ~100 bytes an item
    assert kept < dropped / 20
    assert all(shiboken6.isValid(b) and b.parent() is page for b in buttons)


def test_rows_within_a_layout_go_with_their_items_and_give_back_their_widgets(
        page: QWidget) -> None:
    rows = QVBoxLayout(page)
    buttons = [QPushButton(str(i), page) for i in range(WIDGETS)]

    def lay_out() -> None:
        for start in range(0, WIDGETS, 8):
            row = QHBoxLayout()
            for button in buttons[start:start + 8]:
                row.addWidget(button)
            row.addStretch(1)
            rows.addLayout(row)

    lay_out()
    assert empty_layout(rows) == buttons  # every widget, in the order it was placed
    assert rows.count() == 0
    assert min(_grown_over_rounds(lay_out, lambda: empty_layout(rows))
               for _ in range(3)) < ROUNDS * WIDGETS * 10
