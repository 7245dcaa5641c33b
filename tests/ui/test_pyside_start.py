"""PySide6's check of each imported module gets the same answers from a plain read of the
module's file (`kiosk.ui.pyside_start`)."""

from __future__ import annotations

import json
import subprocess
import sys
from types import ModuleType

import kiosk.ui.window  # noqa: F401  (loads the modules a kiosk has, to be asked about)
from kiosk.ui.pyside_start import CHECK, read_sources_directly, uses_pyside


def _pyside_check() -> object:
    feature = sys.modules["shibokensupport.feature"]
    check = getattr(feature, CHECK)
    return getattr(check, "original", check)


def test_every_loaded_module_gets_the_answer_pyside6_gives() -> None:
    original = _pyside_check()
    assert callable(original)
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    asked = {m.__name__: (uses_pyside(m, original), original(m)) for m in modules}
    differ = {name: pair for name, pair in asked.items() if pair[0] != pair[1]}
    assert differ == {}
    answers = {ours for ours, _ in asked.values()}
    assert answers == {True, False}  # both answers were given: the comparison means something
    assert asked["kiosk.ui.window"] == (True, True)
    assert asked["kiosk.directory.store"] == (False, False)


def test_a_module_without_a_source_file_is_asked_of_pyside6() -> None:
    asked: list[str] = []

    def fallback(module: ModuleType) -> bool:
        asked.append(module.__name__)
        return False

    gone = ModuleType("gone")
    gone.__file__ = "/nonexistent/gone.py"
    assert uses_pyside(sys, fallback) is False
    assert uses_pyside(gone, fallback) is False
    assert asked == ["sys", "gone"]


def test_put_in_place_before_qt_and_used_for_the_modules_loaded_before_it() -> None:
    script = (
        "import json, sys\n"
        "from kiosk.ui.pyside_start import read_sources_directly\n"
        "first, again = read_sources_directly(), read_sources_directly()\n"
        "import PySide6.QtCore\n"
        "from kiosk.paths import RESOURCES\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "check = feature._mod_uses_pyside\n"
        "print(json.dumps([first, again, check.reads_directly, check.original is not check,\n"
        "                  feature.pyside_feature_dict.get('PySide6'),\n"
        "                  feature.pyside_feature_dict.get('kiosk.paths')]))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    # PySide6's own package is a module that uses PySide6 (0); kiosk.paths is not (-1)
    assert json.loads(done.stdout) == [True, True, True, True, 0, -1]
    assert read_sources_directly.__module__ == "kiosk.ui.pyside_start"
