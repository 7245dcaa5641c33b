"""A staff action that meets a read-only or full disk says so in one sentence; it is not
reported as a bug."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk.admin.widgets import BUG_TEXT, run_safely


def test_a_read_only_database_is_one_sentence_not_a_bug(
        tmp_path: Path, qapp: object, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "x.db"
    conn = sqlite3.connect(path)
    conn.execute("create table t (v)")
    conn.commit()
    conn.close()
    read_only = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    shown: list[str] = []
    assert not run_safely(lambda: read_only.execute("insert into t values (1)"), shown.append)
    read_only.close()
    assert len(shown) == 1 and "cannot be written to" in shown[0] and shown[0] != BUG_TEXT
    assert "Traceback" not in caplog.text


def test_a_bug_is_still_a_bug(qapp: object) -> None:
    shown: list[str] = []
    assert not run_safely(lambda: 1 / 0, shown.append)
    assert shown == [BUG_TEXT]
