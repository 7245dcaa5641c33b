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
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.admin.context import AdminContext
from kiosk.admin.folder_picker import FolderPicker
from kiosk.admin.widgets import TARGET, button, check_box, label, run_safely
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
        self.source_name = ""  # the source the entries go in
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
        self.export_button = button(self.tr("Export here"), "export-directory",
                                    accessible=self.tr("Export the directory to this folder"))
        # Undo sits apart from Apply, on the other side, so that it is not tapped by mistake.
        self.undo_button = button(self.tr("Undo last import"), "undo-import", "danger")
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button, 1)
        bottom.addWidget(self.undo_button)
        left.addLayout(bottom)

        right.addWidget(label(self.tr("2. See what it would change, then apply"), "section"))
        name_row = QHBoxLayout()
        name_row.addWidget(label(self.tr("Source:"), "note", wrap=False))
        self.name_field = QLineEdit()
        self.name_field.setObjectName("import-source")
        self.name_field.setAccessibleName(self.tr("Name of the source"))
        self.name_field.setPlaceholderText(self.tr("found from the files"))
        self.name_field.setMinimumHeight(TARGET)
        name_row.addWidget(self.name_field, 1)
        right.addLayout(name_row)
        buttons = QHBoxLayout()
        self.preview_button = button(self.tr("See the changes"), "import-preview")
        self.apply_button = button(self.tr("Apply them"), "import-apply", "primary")
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.apply_button)
        right.addLayout(buttons)
        self.summary = label("", "section")
        self.summary.setObjectName("import-summary")
        right.addWidget(self.summary)
        self.review = label("", "note")
        self.review.setObjectName("import-review")
        right.addWidget(self.review)
        self.details = QPlainTextEdit()
        self.details.setObjectName("import-details")
        self.details.setAccessibleName(self.tr("What would change"))
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(4 * self.details.fontMetrics().lineSpacing() + 16)
        right.addWidget(self.details, 1)
        self.skip_invalid = check_box(self.tr("Leave out the records listed above"),
                                      "import-skip-invalid")
        self.skip_invalid.hide()
        self.skip_invalid.toggled.connect(self.reload)
        right.addWidget(self.skip_invalid)
        self.allow_removals = check_box(self.tr("Yes, retire or remove what is listed above"),
                                        "import-allow-removals")
        self.allow_removals.hide()
        self.allow_removals.toggled.connect(self.reload)
        right.addWidget(self.allow_removals)
        self.message = label("", "status")
        self.message.setObjectName("import-message")
        right.addWidget(self.message)

        self.preview_button.clicked.connect(self.preview)
        self.apply_button.clicked.connect(self.apply)
        self.undo_button.clicked.connect(self.undo)
        self.export_button.clicked.connect(self.export)
        self.name_field.returnPressed.connect(self.preview)
        self.reload()

    def reload(self) -> None:
        self.preview_button.setEnabled(self.source is not None)
        self.export_button.setEnabled(self.source is not None and self.source.is_dir())
        left_out = self.hsds is not None and bool(self.hsds.skipped)
        self.skip_invalid.setVisible(left_out)
        removals = self.plan is not None and bool(self.plan.removals())
        self.allow_removals.setVisible(removals)
        self.apply_button.setEnabled(
            self.plan is not None and self.plan.has_changes
            and (not left_out or self.skip_invalid.isChecked())
            and (not removals or self.allow_removals.isChecked()))
        last = history.last_undoable_import(self.ctx.store)
        self.undo_button.setEnabled(last is not None)
        self.undo_button.setToolTip("" if last is None else last.source)

    def _forget(self) -> None:
        self.plan = self.directory = self.hsds = None
        self.skip_invalid.setChecked(False)
        self.allow_removals.setChecked(False)

    @Slot(str)
    def set_source(self, path: str) -> None:
        self.source = Path(path)
        self._forget()
        self.name_field.clear()
        self.chosen.setText(self.tr("Chosen: %1").replace("%1", str(self.source)))
        self.summary.setText("")
        self.review.hide()
        self.details.setPlainText("")
        self.message.setText("")
        self.reload()

    def _given_name(self) -> str | None:
        """The source name staff typed, if any, as the kiosk keeps names."""
        from kiosk.directory.sources import source_name

        text = self.name_field.text().strip()
        return source_name(text) if text else None

    @Slot()
    def preview(self) -> None:
        """Check the files and show what they would change; writes nothing."""
        from kiosk.directory.files import check_directory
        from kiosk.directory.importer import plan_import
        from kiosk.directory.sources import BUNDLED
        from kiosk.exchange import tables

        if self.source is None:
            return
        self._forget()
        self._tone("status")
        self.message.setText("")
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
        self.source_name = self._given_name() or BUNDLED
        self.name_field.setText(self.source_name)
        self.directory = directory
        self.plan = plan_import(self.ctx.store, directory, source=self.source_name)
        self._show_plan([])

    def _preview_hsds(self) -> None:
        from kiosk.directory.importer import plan_import
        from kiosk.exchange.hsds import read_hsds

        source, found, name = self.source, [], self._given_name()
        assert source is not None
        if not run_safely(lambda: found.append(read_hsds(source, self.ctx.store.directory(),
                                                         source=name)),
                          lambda text: self._refuse(text, [])):
            return
        result = found[0]
        report = result.lines()
        if not result.directory.resources:
            self._refuse(self.tr("No service could be imported, so nothing can change."),
                         report)
            return
        self.hsds, self.directory = result, result.directory
        self.source_name = result.source
        self.name_field.setText(result.source)
        self.plan = plan_import(self.ctx.store, result.directory, source=result.source,
                                categories=result.has_kiosk_categories, topics=False)
        self._show_plan(report)

    def _show_plan(self, report: list[str]) -> None:
        assert self.plan is not None
        self.summary.setText(self._summary_text())
        removals = self.plan.removals()
        lines = [*report, *([""] if report else []), *self._detail_lines()]
        if removals:
            lines = [*removals, "", *lines]
        self.details.setPlainText("\n".join(lines))
        if self.hsds is not None and self.hsds.skipped:
            self._tone("problem")
            self.message.setText(self.tr(
                "%n record(s) cannot be imported (listed above). Fix them, or tick \"Leave "
                "out the records listed above\" to import the rest.", "",
                len(self.hsds.skipped)))
        elif removals:
            self._tone("problem")
            self.message.setText(self.tr(
                "This would take entries away from visitors (listed at the top). Tick \"Yes, "
                "retire or remove what is listed above\" if that is meant."))
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
        self.review.hide()
        self.details.setPlainText("\n".join(details[:MAX_LINES]))
        self.reload()

    def _summary_text(self) -> str:
        assert self.plan is not None
        parts = []
        review = []
        for s in self.plan.sources.values():
            text = self.tr("%1: %2 new, %3 changed, %4 retired, %5 unchanged.")
            text = text.replace("%1", s.name).replace("%2", f"{len(s.new):,}") \
                .replace("%3", f"{len(s.changed):,}").replace("%4", f"{len(s.retired):,}") \
                .replace("%5", f"{s.unchanged:,}")
            extra = []
            if s.unmapped:
                extra.append(self.tr("%1 without a category").replace(
                    "%1", f"{len(s.unmapped):,}"))
            if s.duplicates:
                extra.append(self.tr("%1 possible duplicates").replace(
                    "%1", f"{len(s.duplicates):,}"))
            if s.conflicts:
                extra.append(self.tr("%1 changed by both staff and the feed").replace(
                    "%1", f"{len(s.conflicts):,}"))
            if extra:
                review.append(self.tr("%1, to review after the import: %2.").replace(
                    "%1", s.name).replace("%2", ", ".join(extra)))
            parts.append(text)
        self.review.setText("\n".join(review))
        self.review.setVisible(bool(review))
        for name, section in ((self.tr("Categories"), self.plan.categories),
                              (self.tr("Topics"), self.plan.topics)):
            if section.touches:
                parts.append(self.tr("%1: %2 new, %3 changed, %4 missing.").replace(
                    "%1", name).replace("%2", str(len(section.new))).replace(
                    "%3", str(len(section.changed))).replace("%4", str(len(section.missing))))
        return "\n".join(parts)

    def _detail_lines(self) -> list[str]:
        assert self.plan is not None and self.directory is not None
        plan = self.plan
        names = {r.id: r.name.en for r in self.directory.resources}
        old = {r.id: r.name.en for r in plan.old.values()}

        def entry(key: str) -> str:
            return f"{names.get(key) or old.get(key) or key}  [{key}]"

        lines: list[str] = []
        for s in plan.sources.values():
            lines += [self.tr("New: %1").replace("%1", entry(k)) for k in s.new]
            lines += [self.tr("Changed: %1 (%2)").replace("%1", entry(k))
                      .replace("%2", ", ".join(fields)) for k, fields in s.changed.items()]
            lines += [self.tr("Retired, no longer in the files: %1").replace("%1", entry(k))
                      for k in s.retired]
            lines += [self.tr("Without a category: %1").replace("%1", entry(k))
                      for k in s.unmapped]
            lines += [self.tr("Possible duplicate: %1 and %2 (%3)").replace("%1", entry(
                d.resource_id)).replace("%2", d.other_id).replace("%3", d.detail)
                for d in s.duplicates]
            lines += [self.tr("Changed by both staff and the feed: %1, %2").replace(
                "%1", entry(c.resource_id)).replace("%2", c.field) for c in s.conflicts]
            lines += [self.tr("Not imported: %1 is already an entry of %2").replace(
                "%1", k).replace("%2", other) for k, other in s.taken.items()]
        for kind, section in (("category", plan.categories), ("topic", plan.topics)):
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
        except OSError as error:
            self.message.setText(self.tr("The database could not be backed up, so nothing "
                                         "was changed. (%1)").replace("%1", str(error)))
            return None

    @Slot()
    def apply(self) -> None:
        from kiosk.backups import BackupFailed, import_after_backup
        from kiosk.directory.importer import plan_import

        plan = self.plan
        if plan is None or self.directory is None or not plan.has_changes:
            return
        if self.hsds is not None and self.hsds.skipped and not self.skip_invalid.isChecked():
            return
        if plan.removals() and not self.allow_removals.isChecked():
            return
        fresh = plan_import(self.ctx.store, self.directory, source=self.source_name,
                            categories=plan.touch_categories, topics=plan.touch_topics)
        if fresh.summary() != plan.summary():
            self.plan = fresh
            self.summary.setText(self._summary_text())
            self.details.setPlainText("\n".join(self._detail_lines()))
            self.message.setText(self.tr("The kiosk's directory changed since the check. "
                                         "Look at the new summary, then apply again."))
            self.reload()
            return
        self._tone("status")
        directory, results = self.directory, []
        kind = "kiosk-directory" if self.hsds is None else self.hsds.format

        failed: list[BackupFailed] = []

        def write() -> None:
            try:
                results.append(import_after_backup(
                    self.ctx.store, self.ctx.data_dir, directory, who=self.ctx.who,
                    location=str(self.source), kind=kind, plan=fresh, record_each=True,
                    source_name=self.source_name, allow_removals=True))
            except BackupFailed as error:
                failed.append(error)

        if not run_safely(write, self.message.setText):
            return
        if failed:
            self.message.setText(self.tr("The database could not be backed up, so nothing "
                                         "was changed. (%1)").replace("%1", failed[0].reason))
            return
        backup = self.ctx.store.db.execute("select backup from imports where id = ?",
                                           [results[0].batch]).fetchone()[0]
        self._forget()
        self.review.hide()
        self.summary.setText(self.tr("Done. %1").replace("%1", self.summary.text()))
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
