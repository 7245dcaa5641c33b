"""Taking everything out of a Qt layout without leaving its items allocated.

`QLayout.takeAt` hands the caller an item to delete, and PySide6 gives it to Python without
ownership: an item taken and dropped is never freed (about 100 bytes each). Home's tiles,
the keyboard's keys and a category's filters are laid out again on every change of text
size or language, and the items so lost were the kiosk's memory growing through a day of
visits (heaptrack over the soak: `QLayoutPrivate::createWidgetItem` under
`QGridLayout::addWidget`, 6,462 items in 4,000 taps).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLayout, QWidget


def empty_layout(layout: QLayout) -> list[QWidget]:
    """Take every item out of `layout` and delete it: the item that places a widget (the
    widget itself stays, out of the layout, and is returned, in the order it had), a
    spacer, a layout within (emptied the same way first)."""
    widgets: list[QWidget] = []
    while layout.count():
        item = layout.itemAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            before = layout.count()
            layout.removeWidget(widget)  # deletes the item that placed it
            widgets.append(widget)
            if layout.count() < before:
                continue
        elif item is not None and (inner := item.layout()) is not None:
            widgets += empty_layout(inner)
        taken = layout.takeAt(0)
        if taken is None:
            break
        shiboken6.delete(taken)
    return widgets
