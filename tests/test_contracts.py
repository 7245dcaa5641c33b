"""The import contracts in pyproject.toml hold: the Qt-free parts never reach Qt, and no
module imports from a layer above its own.

They are checked through import-linter's Python API, so the check does not depend on which
folders are on `PATH`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept(capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True,
                          no_logo=True)
    report = capsys.readouterr().out
    assert status == 0, report[-3000:]
    assert " 0 broken" in report, report[-3000:]
    # the layers themselves are a contract, not only the Qt-free border
    assert "Layers: each part of the kiosk imports only the parts below it KEPT" in report
