"""Every string a person reads is found by Qt's translation tools and has its Spanish.

`pyside6-lupdate` is run over the source into a fresh `.ts`: each message it finds must be
in `kiosk_es.ts` with a finished translation. lupdate only sees literal strings, so a second
check reads the source and fails on any translation call whose text is not a literal (a
private wrapper like `_tr(text)` hides every string passed to it).
"""

from __future__ import annotations

import ast
from pathlib import Path

from kiosk.i18n import TRANSLATIONS, collect, messages

SOURCES = Path(__file__).resolve().parents[1] / "src" / "kiosk"
CALLS = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1, "QT_TR_NOOP": 0}
# Where a translation's text is a variable, by design: the one function that translates
# strings marked with QT_TRANSLATE_NOOP, the seam it goes through, and the sheet's own
# translator (it translates the "Sheet" strings the core marked).
VARIABLE_TEXT = {("i18n.py", "translated"), ("i18n.py", "translate"),
                 ("printing/words.py", "text")}


def test_every_string_lupdate_finds_has_its_spanish(tmp_path: Path) -> None:
    fresh = tmp_path / "kiosk_es.ts"
    collect(SOURCES, fresh)
    found = messages(fresh)
    kept = messages(TRANSLATIONS / "kiosk_es.ts")
    assert len(found) > 400  # the visitor screens, sheets, admin and core checks
    assert {"HomeScreen", "Sheet", "AdminScreen", "Checks", "Choices"} <= \
        {context for context, _ in found}
    missing = sorted(f"{c}: {s}" for c, s in found if (c, s) not in kept)
    assert missing == [], "run python3 scripts/update_translations.py"
    unfinished = sorted(f"{c}: {s}" for c, s in found if kept[c, s] is None)
    assert unfinished == []


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _hidden_texts(path: Path, root: Path = SOURCES) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = path.relative_to(root).as_posix()
    out: list[str] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = child.name
            if isinstance(child, ast.Call):
                func = child.func
                called = func.attr if isinstance(func, ast.Attribute) else \
                    func.id if isinstance(func, ast.Name) else ""
                if called in CALLS and (relative, function) not in VARIABLE_TEXT:
                    text = CALLS[called]
                    args = child.args[:text + 1]
                    if len(args) <= text or not all(_literal(a) for a in args):
                        out.append(f"{relative}:{child.lineno} {called}(...) in {function}")
            visit(child, name)

    visit(tree, "")
    return out


def test_no_translation_call_hides_its_text_from_lupdate() -> None:
    hidden = [line for path in sorted(SOURCES.rglob("*.py")) for line in _hidden_texts(path)]
    assert hidden == []


def test_the_check_finds_a_hidden_string(tmp_path: Path) -> None:
    """The source check itself can fail: a private wrapper is caught."""
    sample = tmp_path / "admin" / "sample.py"
    sample.parent.mkdir()
    sample.write_text("def _tr(text):\n    return QCoreApplication.translate('X', text)\n\n"
                      "def ok(self):\n    return self.tr('Fine')\n", encoding="utf-8")
    assert _hidden_texts(sample, tmp_path) == ["admin/sample.py:2 translate(...) in _tr"]
