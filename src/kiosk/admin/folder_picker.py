"""A touch-friendly way to pick a USB stick's folder or a directory file: big rows, the USB
sticks (under /media, /run/media and /mnt) and the kiosk's update folder one tap away, and
nothing above them: the rest of the computer is not staff's to browse."""

from __future__ import annotations

import os
from collections.abc import Iterable
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
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.admin.views import touch_list
from kiosk.admin.widgets import button, label
from kiosk.layouts import empty_layout

Index = QModelIndex | QPersistentModelIndex
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
FILE_SUFFIXES = (".yaml", ".yml")
MEDIA_ROOTS = ("/media", "/run/media", "/mnt")  # where a USB stick is mounted


def _folders(base: Path) -> list[Path]:
    try:
        return sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def removable_media(roots: Iterable[str] = MEDIA_ROOTS) -> list[Path]:
    """The USB sticks mounted now: /media/<stick> or /media/<user>/<stick> (and the same
    under /run/media), /mnt/<stick>."""
    out: list[Path] = []
    user = os.environ.get("USER", "")
    for root in roots:
        for child in _folders(Path(root)):
            inner = _folders(child)
            # A folder named for a user (or /run/media's) holds the sticks themselves.
            if inner and (child.name == user or root.rstrip("/").endswith("run/media")):
                out += inner
            else:
                out.append(child)
    return out


def places(roots: Iterable[str] = MEDIA_ROOTS, extra: Iterable[str | Path] = ()) -> list[Path]:
    """Where staff may pick from: the USB sticks, then `extra` folders that exist (the
    kiosk's update folder)."""
    out = removable_media(roots)
    for folder in extra:
        path = Path(folder) if folder else None
        if path is not None and path.is_dir() and path not in out:
            out.append(path)
    return out


class FolderModel(QAbstractListModel):
    """The folders and directory files in one folder; folders first."""

    def __init__(self) -> None:
        super().__init__()
        self.folder: Path | None = None
        self.entries: list[Path] = []

    def set_folder(self, folder: Path | None) -> None:
        self.beginResetModel()
        self.folder = folder
        try:
            found = [p for p in folder.iterdir() if not p.name.startswith(".")] \
                if folder is not None else []
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
    """Tap a place, tap into folders, then "Use this folder" (or tap a .yaml file). "Up one
    folder" stops at the place: nothing above a USB stick or the update folder is shown."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None, extra: Iterable[str | Path] = (),
                 roots: Iterable[str] = MEDIA_ROOTS) -> None:
        super().__init__(parent)
        self.setObjectName("folder-picker")
        self.roots = tuple(roots)
        self.extra = tuple(extra)
        self.allowed: list[Path] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.places_row = QHBoxLayout()
        layout.addLayout(self.places_row)
        where = QHBoxLayout()
        self.up = button(self.tr("Up one folder"), "picker-up")
        self.here = label("", "note")
        self.here.setObjectName("picker-here")
        self.use = button(self.tr("Use this folder"), "picker-use", "primary")
        self.again = button(self.tr("Look again"), "picker-look-again")
        where.addWidget(self.up)
        where.addWidget(self.use)
        where.addStretch(1)
        layout.addLayout(where)
        layout.addWidget(self.here)
        self.model = FolderModel()
        self.view = touch_list("picker-list", self.tr("Folders and files"))
        self.view.setModel(self.model)
        self.view.clicked.connect(self._tapped)
        layout.addWidget(self.view, 1)
        self.none = label(self.tr("No USB stick was found. Plug one in, then tap \"Look "
                                  "again\"."), "note")
        self.none.setObjectName("picker-none")
        layout.addWidget(self.none)
        self.up.clicked.connect(self._up)
        self.use.clicked.connect(lambda: self.picked.emit(str(self.model.folder)))
        self.again.clicked.connect(self.look_again)
        self.look_again()

    @Slot()
    def look_again(self) -> None:
        """The places again: a stick plugged in since shows up."""
        self.set_places(places(self.roots, self.extra))

    def set_places(self, paths: list[Path]) -> None:
        self.allowed = list(paths)
        for old in empty_layout(self.places_row):
            if old is not self.again:
                old.hide()
                old.deleteLater()
        for i, path in enumerate(paths[:5]):
            b = button(path.name or str(path), f"picker-place-{i}")
            b.clicked.connect(lambda _c=False, p=path: self.open(p))
            self.places_row.addWidget(b)
        self.places_row.addStretch(1)
        self.places_row.addWidget(self.again)
        self.none.setVisible(not paths)
        self.view.setVisible(bool(paths))
        self.use.setEnabled(bool(paths))
        if paths:
            self.open(paths[0])
        else:
            self.model.set_folder(None)
            self.here.setText("")
            self.up.setEnabled(False)

    def place_of(self, folder: Path) -> Path | None:
        """The place `folder` is in (a stick, the update folder), or None."""
        for place in self.allowed:
            if folder == place or folder.is_relative_to(place):
                return place
        return None

    def open(self, folder: Path) -> None:
        self.model.set_folder(folder)
        self.here.setText(str(folder))
        self.use.setEnabled(True)
        place = self.place_of(folder)
        self.up.setEnabled(place is not None and folder != place)

    @Slot()
    def _up(self) -> None:
        folder = self.model.folder
        if folder is not None and self.place_of(folder.parent) is not None:
            self.open(folder.parent)

    @Slot(QModelIndex)
    def _tapped(self, index: QModelIndex) -> None:
        path = Path(str(index.data(PATH_ROLE)))
        if path.is_dir():
            self.open(path)
        else:
            self.picked.emit(str(path))
