"""Where the kiosk keeps its files, and where its bundled files are."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE.parents[1]  # the source checkout; only tests and scripts use it
BUNDLED_DATA = PACKAGE / "data"  # shipped inside the package, so any install finds them
RESOURCES = PACKAGE / "resources"
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
