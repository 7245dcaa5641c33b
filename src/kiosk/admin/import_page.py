"""Import a directory from a USB stick or folder, seeing first what it would change;
undo the last import; export the directory to a folder.

The kiosk's own directory files and HSDS data (a 3.0 JSON folder, a CSV package of 3.0
or older) are told apart by what the folder holds. HSDS records that fail the kiosk's
checks are listed and left out only when staff say so, as `--skip-invalid` does.

Nothing is written until "Apply": the files are checked whole, the change is shown (new,
changed with their fields, missing from the file), the database is backed up, then the
import is applied all or nothing. Without a backup, nothing is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.admin.context import AdminContext
from kiosk.admin.folder_picker import FolderPicker
from kiosk.admin.widgets import button, check_box, label, run_safely
from kiosk.errors import KnownError
from kiosk.staff import history

if TYPE_CHECKING:
    from kiosk.directory.importer import ImportPlan
    from kiosk.directory.model import Directory
    from kiosk.exchange.hsds_import import HsdsResult

MAX_LINES = 400


class ImportPage(QWidget):
    imported = Signal()

    def __init__(self, ctx: AdminContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-page")
        self.setProperty("role", "page")
        self.ctx = ctx
        self.source: Path | None = None
        self.directory: Directory | None = None
        self.plan: ImportPlan | None = None
        self.hsds: HsdsResult | None = None  # set when the source is HSDS
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 8, 16, 16)
        outer.setSpacing(20)
        left = QVBoxLayout()
        left.setSpacing(10)
        right = QVBoxLayout()
        right.setSpacing(10)
        outer.addLayout(left, 1)
        outer.addLayout(right, 1)
        left.addWidget(label(self.tr("1. Choose the USB stick's folder or a directory "
                                     "file"), "section"))
        # USB sticks and the update folder only (kiosk.admin.folder_picker)
        self.picker = FolderPicker(extra=[str(ctx.settings.get("update_folder") or "")])
        self.picker.picked.connect(self.set_source)
        left.addWidget(self.picker, 1)
        self.chosen = label(self.tr("Nothing chosen yet."), "note")
        self.chosen.setObjectName("import-path")
        left.addWidget(self.chosen)
        self.export_button = button(self.tr("Export the directory to this folder"),
                                    "export-directory")
        left.addWidget(self.export_button)

        right.addWidget(label(self.tr("2. See what it would change, then apply"), "section"))
        buttons = QHBoxLayout()
        self.preview_button = button(self.tr("See the changes"), "import-preview")
        self.apply_button = button(self.tr("Apply them"), "import-apply", "primary")
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.apply_button)
        right.addLayout(buttons)
        self.summary = label("", "section")
        self.summary.setObjectName("import-summary")
        right.addWidget(self.summary)
        self.details = QPlainTextEdit()
        self.details.setObjectName("import-details")
        self.details.setAccessibleName(self.tr("What would change"))
        self.details.setReadOnly(True)
        right.addWidget(self.details, 1)
        self.skip_invalid = check_box(self.tr("Leave out the records listed above"),
                                      "import-skip-invalid")
        self.skip_invalid.hide()
        self.skip_invalid.toggled.connect(self.reload)
        right.addWidget(self.skip_invalid)
        self.message = label("", "status")
        self.message.setObjectName("import-message")
        right.addWidget(self.message)
        self.undo_button = button(self.tr("Undo last import"), "undo-import", "danger")
        undo_row = QHBoxLayout()
        undo_row.addStretch(1)
        undo_row.addWidget(self.undo_button)
        right.addLayout(undo_row)

        self.preview_button.clicked.connect(self.preview)
        self.apply_button.clicked.connect(self.apply)
        self.undo_button.clicked.connect(self.undo)
        self.export_button.clicked.connect(self.export)
        self.reload()

    def reload(self) -> None:
        self.preview_button.setEnabled(self.source is not None)
        self.export_button.setEnabled(self.source is not None and self.source.is_dir())
        left_out = self.hsds is not None and bool(self.hsds.skipped)
        self.skip_invalid.setVisible(left_out)
        self.apply_button.setEnabled(self.plan is not None and self.plan.has_changes and (
            not left_out or self.skip_invalid.isChecked()))
        last = history.last_undoable_import(self.ctx.store)
        self.undo_button.setEnabled(last is not None)
        self.undo_button.setToolTip("" if last is None else last.source)

    @Slot(str)
    def set_source(self, path: str) -> None:
        self.source = Path(path)
        self.plan = self.directory = self.hsds = None
        self.skip_invalid.setChecked(False)
        self.chosen.setText(self.tr("Chosen: %1").replace("%1", str(self.source)))
        self.summary.setText("")
        self.details.setPlainText("")
        self.message.setText("")
        self.reload()

    @Slot()
    def preview(self) -> None:
        """Check the files and show what they would change; writes nothing."""
        from kiosk.directory.files import check_directory
        from kiosk.directory.importer import plan_import
        from kiosk.exchange import tables

        if self.source is None:
            return
        self.plan = self.directory = self.hsds = None
        self.skip_invalid.setChecked(False)
        self._tone("status")
        try:
            kind = tables.detect(self.source)
        except KnownError as error:
            self._refuse(error.message, error.details)
            return
        if kind != "kiosk-yaml":
            self._preview_hsds()
            return
        try:
            directory, problems = check_directory(self.source)
        except KnownError as error:
            problems, directory = [], None
            self._refuse(error.message, error.details)
            return
        if problems:
            self._refuse(self.tr("These files have %n problem(s); nothing can be imported "
                                 "until they are fixed.", "", len(problems)),
                         [str(p) for p in problems])
            return
        if directory is None or (not directory.resources and not directory.categories):
            self._refuse(self.tr("No directory files were found there."), [])
            return
        self.directory = directory
        self.plan = plan_import(self.ctx.store, directory)
        self.summary.setText(self._summary_text())
        self.details.setPlainText("\n".join(self._detail_lines()))
        self.message.setText("" if self.plan.has_changes else
                             self.tr("Nothing to do: the files hold the same directory."))
        self.reload()

    def _preview_hsds(self) -> None:
        from kiosk.directory.importer import plan_import
        from kiosk.exchange.hsds import read_hsds

        source, found = self.source, []
        assert source is not None
        if not run_safely(lambda: found.append(read_hsds(source, self.ctx.store.directory())),
                          lambda text: self._refuse(text, [])):
            return
        result = found[0]
        report = result.lines()
        if not result.directory.resources:
            self._refuse(self.tr("No service could be imported, so nothing can change."),
                         report)
            return
        self.hsds, self.directory = result, result.directory
        self.plan = plan_import(self.ctx.store, result.directory)
        self.summary.setText(self._summary_text())
        self.details.setPlainText("\n".join([*report, "", *self._detail_lines()]))
        if result.skipped:
            self._tone("problem")
            self.message.setText(self.tr(
                "%n record(s) cannot be imported (listed above). Fix them, or tick \"Leave "
                "out the records listed above\" to import the rest.", "",
                len(result.skipped)))
        else:
            self.message.setText("" if self.plan.has_changes else
                                 self.tr("Nothing to do: the files hold the same directory."))
        self.reload()

    def _tone(self, role: str) -> None:
        """Records left out are a warning, not the green of a done import."""
        if self.message.property("role") != role:
            self.message.setProperty("role", role)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)

    def _refuse(self, message: str, details: list[str]) -> None:
        self.summary.setText(message)
        self.details.setPlainText("\n".join(details[:MAX_LINES]))
        self.reload()

    def _summary_text(self) -> str:
        assert self.plan is not None
        r = self.plan.resources
        text = self.tr("Entries: %1 new, %2 changed, %3 missing from the file "
                       "(they would be removed).")
        text = text.replace("%1", str(len(r.new))).replace("%2", str(len(r.changed))) \
            .replace("%3", str(len(r.missing)))
        for name, section in ((self.tr("Categories"), self.plan.categories),
                              (self.tr("Topics"), self.plan.topics)):
            if section.touches:
                text += "\n" + self.tr("%1: %2 new, %3 changed, %4 missing.").replace(
                    "%1", name).replace("%2", str(len(section.new))).replace(
                    "%3", str(len(section.changed))).replace("%4", str(len(section.missing)))
        return text

    def _detail_lines(self) -> list[str]:
        assert self.plan is not None and self.directory is not None
        names = {r.id: r.name.en for r in self.directory.resources}
        old = {r[0]: r[1] for r in self.ctx.store.db.execute("select id, name_en from resources")}
        lines: list[str] = []
        r = self.plan.resources
        lines += [self.tr("New: %1").replace("%1", f"{names.get(k, k)}  [{k}]") for k in r.new]
        lines += [self.tr("Changed: %1 (%2)").replace("%1", f"{names.get(k, k)}  [{k}]")
                  .replace("%2", ", ".join(fields)) for k, fields in r.changed.items()]
        lines += [self.tr("Missing from the file: %1").replace("%1", f"{old.get(k, k)}  [{k}]")
                  for k in r.missing]
        for kind, section in (("category", self.plan.categories), ("topic", self.plan.topics)):
            lines += [f"{kind} new: {k}" for k in section.new]
            lines += [f"{kind} changed: {k} ({', '.join(v)})" for k, v in
                      section.changed.items()]
            lines += [f"{kind} missing: {k}" for k in section.missing]
        if len(lines) > MAX_LINES:
            lines = [*lines[:MAX_LINES], self.tr("... and %n more.", "", len(lines) - MAX_LINES)]
        return lines

    def _backup(self, reason: str) -> Path | None:
        try:
            from kiosk.backups import backup_now

            return backup_now(self.ctx.store, self.ctx.data_dir, reason)
        except (ImportError, OSError) as error:
            self.message.setText(self.tr("The database could not be backed up, so nothing "
                                         "was changed. (%1)").replace("%1", str(error)))
            return None

    @Slot()
    def apply(self) -> None:
        from kiosk.directory.importer import apply_import, plan_import

        if self.plan is None or self.directory is None or not self.plan.has_changes:
            return
        if self.hsds is not None and self.hsds.skipped and not self.skip_invalid.isChecked():
            return
        fresh = plan_import(self.ctx.store, self.directory)
        if fresh.summary() != self.plan.summary():
            self.plan = fresh
            self.summary.setText(self._summary_text())
            self.details.setPlainText("\n".join(self._detail_lines()))
            self.message.setText(self.tr("The kiosk's directory changed since the check. "
                                         "Look at the new summary, then apply again."))
            return
        self._tone("status")
        backup = self._backup("before import")
        if backup is None:
            return
        directory, results = self.directory, []
        kind = {} if self.hsds is None else {"kind": self.hsds.format}
        if not run_safely(lambda: results.append(apply_import(
                self.ctx.store, directory, who=self.ctx.who, source=str(self.source),
                plan=fresh, record_each=True, **kind)), self.message.setText):
            return
        result = results[0]
        self.ctx.store.db.execute("update imports set backup = ? where id = ?",
                                  [str(backup), result.batch])
        self.plan = self.directory = self.hsds = None
        self.skip_invalid.setChecked(False)
        self.ctx.changed()
        self.message.setText(self.tr("Imported. A copy of the database from before is in "
                                     "%1.").replace("%1", str(backup)))
        self.imported.emit()
        self.reload()

    @Slot()
    def undo(self) -> None:
        last = history.last_undoable_import(self.ctx.store)
        if last is None:
            return
        if self._backup("before undo of import") is None:
            return
        if not run_safely(lambda: history.undo_import(self.ctx.store, last.id, self.ctx.who),
                          self.message.setText):
            return
        self.ctx.changed()
        self.message.setText(self.tr("The import of %1 was undone.").replace(
            "%1", last.at.replace("T", " ")[:16]))
        self.imported.emit()
        self.reload()

    @Slot()
    def export(self) -> None:
        from kiosk.directory.files import write_directory

        if self.source is None:
            return
        folder = self.source if self.source.is_dir() else self.source.parent
        target = folder / f"kiosk-directory-{self.ctx.today().isoformat()}"
        try:
            written = write_directory(self.ctx.store.directory(), target)
        except OSError as error:
            self.message.setText(self.tr("Could not write to %1: %2").replace(
                "%1", str(target)).replace("%2", error.strerror or str(error)))
            return
        self.message.setText(self.tr("Exported %n file(s) to %1.", "", len(written)).replace(
            "%1", str(target)))


