"""A touch-friendly way to pick a USB stick's folder or a directory file: big rows, the
usual places (USB sticks under /media and /mnt, the home folder) one tap away."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QHBoxLayout, QListView, QVBoxLayout, QWidget

from kiosk.admin.widgets import TARGET, button, label

Index = QModelIndex | QPersistentModelIndex
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
FILE_SUFFIXES = (".yaml", ".yml")


def places(home: Path | None = None, roots: tuple[str, ...] = ("/media", "/mnt")) -> list[Path]:
    """Where a USB stick shows up, then the home folder."""
    out: list[Path] = []
    for root in roots:
        base = Path(root)
        try:
            children = sorted(p for p in base.iterdir() if p.is_dir())
        except OSError:
            continue
        for child in children:
            # /media/<user>/<stick> on desktops, /media/<stick> on others.
            try:
                inner = sorted(p for p in child.iterdir() if p.is_dir())
            except OSError:
                inner = []
            out += inner if child.name == os.environ.get("USER") and inner else [child]
    out.append(home or Path.home())
    return out


class FolderModel(QAbstractListModel):
    """The folders and directory files in one folder; folders first."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path.home()
        self.entries: list[Path] = []

    def set_folder(self, folder: Path) -> None:
        self.beginResetModel()
        self.folder = folder
        try:
            found = [p for p in folder.iterdir() if not p.name.startswith(".")]
        except OSError:
            found = []
        dirs = sorted((p for p in found if p.is_dir()), key=lambda p: p.name.casefold())
        files = sorted((p for p in found if p.is_file() and p.suffix.lower() in FILE_SUFFIXES),
                       key=lambda p: p.name.casefold())
        self.entries = dirs + files
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        path = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            suffix = QCoreApplication.translate("FolderModel", "folder") if path.is_dir() \
                else QCoreApplication.translate("FolderModel", "file")
            return f"{path.name}   ({suffix})"
        if role == PATH_ROLE:
            return str(path)
        return None


class FolderPicker(QWidget):
    """Tap a place, tap into folders, then "Use this folder" (or tap a .yaml file)."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None, home: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folder-picker")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.places_row = QHBoxLayout()
        layout.addLayout(self.places_row)
        where = QHBoxLayout()
        self.up = button(self.tr("Up one folder"), "picker-up")
        self.here = label("", "note")
        self.here.setObjectName("picker-here")
        self.use = button(self.tr("Use this folder"), "picker-use", "primary")
        where.addWidget(self.up)
        where.addWidget(self.use)
        where.addStretch(1)
        layout.addLayout(where)
        layout.addWidget(self.here)
        self.model = FolderModel()
        self.view = QListView()
        self.view.setObjectName("picker-list")
        self.view.setAccessibleName(self.tr("Folders and files"))
        self.view.setModel(self.model)
        self.view.setMinimumHeight(TARGET * 3)
        self.view.clicked.connect(self._tapped)
        layout.addWidget(self.view, 1)
        self.up.clicked.connect(lambda: self.open(self.model.folder.parent))
        self.use.clicked.connect(lambda: self.picked.emit(str(self.model.folder)))
        self.set_places(places(home))

    def set_places(self, paths: list[Path]) -> None:
        while self.places_row.count():
            item = self.places_row.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()
                old.deleteLater()
        for i, path in enumerate(paths[:6]):
            b = button(path.name or str(path), f"picker-place-{i}")
            b.clicked.connect(lambda _c=False, p=path: self.open(p))
            self.places_row.addWidget(b)
        self.places_row.addStretch(1)
        if paths:
            self.open(paths[0])

    def open(self, folder: Path) -> None:
        self.model.set_folder(folder)
        self.here.setText(str(folder))

    @Slot(QModelIndex)
    def _tapped(self, index: QModelIndex) -> None:
        path = Path(str(index.data(PATH_ROLE)))
        if path.is_dir():
            self.open(path)
        else:
            self.picked.emit(str(path))
