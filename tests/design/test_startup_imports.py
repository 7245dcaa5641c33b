"""Nothing heavy is imported to show the home screen: printing, QR codes, phone-number
metadata, YAML and numpy come only when something uses them; and what `kiosk` runs before
its first frame imports none of the modules only a later step, a command or a write needs.

Checked in a fresh interpreter, so that what other tests imported does not count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.store import Store
from kiosk.paths import database_path

HEAVY = ("kiosk.printing", "segno", "phonenumbers", "yaml", "PySide6.QtPrintSupport",
         "numpy", "pandas", "rapidfuzz", "Stemmer")  # the last two: the search's typos

SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kiosk.app import create_main_window
window = create_main_window(Path(sys.argv[1]), windowed=True)
window.show()
app.processEvents()
shown = window.home.isVisible()
print(json.dumps({"shown": shown, "heavy": [m for m in json.loads(sys.argv[2])
                                            if m in sys.modules]}))
"""



def filled_data_dir(tmp_path: Path, sample_dir: Path) -> Path:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    store = Store.open(database_path(data_dir))
    apply_import(store, read_directory(sample_dir), who="test", source="sample")
    store.close()
    return data_dir

def test_the_home_screen_imports_nothing_heavy(tmp_path: Path, sample_dir: Path) -> None:
    data_dir = filled_data_dir(tmp_path, sample_dir)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(data_dir), json.dumps(HEAVY)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["shown"] is True
    assert result["heavy"] == []


# Not imported by `kiosk` (the command, as a kiosk starts) before its first frame is painted:
# the database is read without sqlite-utils (and click, pluggy, dateutil behind it), a filled
# data folder is opened without the files' reader or the importer, the log file's handler
# waits for the frame, and so do the other screens, the admin, the update folder and speech.
NOT_BEFORE_FIRST_FRAME = (
    *HEAVY, "sqlite_utils", "click", "pluggy", "dateutil", "logging.handlers",
    "kiosk.directory.files", "kiosk.directory.importer", "kiosk.directory.convert",
    "kiosk.directory.search", "kiosk.directory.trust", "kiosk.directory.review",
    "kiosk.speech.script", "kiosk.speech.plain", "kiosk.updates", "kiosk.doctor",
    "kiosk.admin", "kiosk.staff", "kiosk.exchange", "kiosk.sheets", "kiosk.ui.category",
    "kiosk.ui.resource", "kiosk.ui.search", "kiosk.ui.topic", "kiosk.ui.handout",
    "kiosk.speech.engine", "kiosk.speech.player", "kiosk.speech.speaker", "subprocess",
    "socket", "hashlib",  # speech is made after the frame; the first write hashes rows
)

# What a bare PySide6 window loads (this machine's site-packages may load more) does not
# count against the kiosk.
BARE = ("import json, sys; from PySide6.QtWidgets import QApplication; "
        "print(json.dumps(sorted(sys.modules)))")

RUN_SCRIPT = """
import enum, json, sys
made = []  # PySide6 makes each Qt class's enums when the class is first used
_call = enum.EnumType.__call__

def noting(cls, *args, **kwargs):
    made_now = _call(cls, *args, **kwargs)
    if len(args) >= 2:  # a new enum (the functional form), not a lookup of a member
        made.append(made_now)  # PySide6 names it (Qt.AlignmentFlag) after making it
    return made_now

enum.EnumType.__call__ = noting
import kiosk.app
seen = {}
painted = kiosk.app._FirstFrame._painted

def at_first_frame(self):
    seen["loaded"] = sorted(m for m in sys.modules for name in json.loads(sys.argv[2])
                            if m == name or m.startswith(name + "."))
    seen["qt_enums"] = [made_now.__qualname__ for made_now in made]
    check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    seen["reads_directly"] = getattr(check, "reads_directly", False)
    painted(self)

kiosk.app._FirstFrame._painted = at_first_frame
from kiosk.cli import main
code = main(["--data-dir", sys.argv[1], "--windowed", "--exit-after-first-frame"])
print(json.dumps({"code": code, **seen}))
"""


def test_the_kiosk_imports_only_what_its_first_frame_needs(tmp_path: Path,
                                                            sample_dir: Path) -> None:
    data_dir = filled_data_dir(tmp_path, sample_dir)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", RUN_SCRIPT, str(data_dir),
                           json.dumps(NOT_BEFORE_FIRST_FRAME)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    bare = subprocess.run([sys.executable, "-c", BARE], capture_output=True, text=True,
                          env=env, timeout=60)
    assert bare.returncode == 0, bare.stderr
    assert set(result["loaded"]) - set(json.loads(bare.stdout)) == set()
    assert result["reads_directly"] is True  # PySide6's check of each module (pyside_start)
    # Qt classes no screen uses were not loaded: an object of one of Qt's inner classes
    # handed to Python (as an application-wide event filter is handed every one) makes
    # PySide6 load all of them first.
    unused = {"QWizard.WizardButton", "QProcess.ProcessError", "QFileDialog.DialogLabel"}
    assert unused.isdisjoint(result["qt_enums"]), sorted(unused & set(result["qt_enums"]))
    # Nor the Qt namespace, whose ninety-odd enums are made at its first use (15-20 ms):
    # the first frame takes Qt's flags from kiosk.ui.qt_values.
    assert [e for e in result["qt_enums"] if e.startswith("Qt.")] == []
    assert "QEvent.Type" in result["qt_enums"]  # the noting itself works
    # Nor the classes only what comes after the frame uses (finger scrolling, a list's
    # selection, Spanish's translators, the idle watcher on the window system's window):
    # PySide6 makes a class and its enums when a module first names it.
    later = {"QScroller.State", "QScrollerProperties.ScrollMetric",
             "QAbstractItemView.SelectionMode", "QLibraryInfo.LibraryPath",
             "QWindow.Visibility", "QElapsedTimer.ClockType"}
    assert later.isdisjoint(result["qt_enums"]), sorted(later & set(result["qt_enums"]))


def test_numpy_still_imports_for_whoever_needs_it(tmp_path: Path) -> None:
    """Leaving numpy out of sqlite-utils must not stop anything else from importing it
    (a stand-in numpy package is used, so the test needs no numpy installed)."""
    (tmp_path / "numpy").mkdir()
    (tmp_path / "numpy" / "__init__.py").write_text("STAND_IN = True\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c",
                           "import sys; from kiosk.directory.sqlite_import import "
                           "import_sqlite_utils; import_sqlite_utils(); import numpy; "
                           "print(numpy.STAND_IN, 'sqlite_utils.db' in sys.modules)"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True True"


SETTLED_SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kiosk.app import LOADED_AFTER_FIRST_FRAME, create_main_window
window = create_main_window(Path(sys.argv[1]), windowed=True)
window.show()
at_frame = sorted(m for m in LOADED_AFTER_FIRST_FRAME if m in sys.modules)
while not window.settled():
    app.processEvents()
print(json.dumps({"at_frame": at_frame,
                  "settled": sorted(m for m in LOADED_AFTER_FIRST_FRAME if m in sys.modules)}))
"""


def test_a_visits_rarer_steps_are_loaded_once_the_first_frame_is_up(
        tmp_path: Path, sample_dir: Path) -> None:
    """The typo search's library and the printers' module come in the steps after the
    first frame, not with the first visitor who mistypes or prints."""
    from kiosk.app import LOADED_AFTER_FIRST_FRAME

    assert {"rapidfuzz.process", "kiosk.printing.printers"} <= set(LOADED_AFTER_FIRST_FRAME)
    data_dir = filled_data_dir(tmp_path, sample_dir)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SETTLED_SCRIPT, str(data_dir)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"at_frame": [], "settled": sorted(LOADED_AFTER_FIRST_FRAME)}
