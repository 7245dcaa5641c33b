"""The staff screens' tests: the window of tests/windows.py over tests/admin/fixture, with
the staff PIN set."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.admin.helpers import FIXTURE
from tests.windows import PIN


@pytest.fixture
def bundled() -> Path:
    return FIXTURE


@pytest.fixture
def staff_pin() -> str:
    return PIN
