"""Where the kiosk keeps its files, and where its bundled files are."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_DATA = PROJECT_ROOT / "data"
RESOURCES = PROJECT_ROOT / "resources"
DATABASE_NAME = "kiosk.db"


def default_data_dir() -> Path:
    """`KIOSK_DATA_DIR`, or the platform's folder for an application's data."""
    env = os.environ.get("KIOSK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("kiosk", appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME
