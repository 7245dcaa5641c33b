"""Every admin model passes Qt's model tester, and the entries filters find what to check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from pytestqt.qtbot import QtBot

from kiosk.admin.categories_page import CATEGORY_ICONS
from kiosk.admin.entries_model import ID_ROLE, EntriesFilter, EntriesModel
from kiosk.admin.folder_picker import FolderModel
from kiosk.admin.history_page import HistoryModel
from kiosk.admin.list_models import (
    CheckListModel,
    IconsModel,
    KeyedListModel,
    PhonesModel,
    SourcesModel,
)
from kiosk.admin.usage_page import UsageModel
from kiosk.datadir import open_data_dir
from kiosk.directory.store import Store
from kiosk.paths import RESOURCES
from kiosk.staff import history
from kiosk.staff.entries import entry_rows
from kiosk.staff.usage_report import usage_rows
from tests.admin.helpers import FIXTURE

TODAY = dt.date(2026, 11, 23)


def _store(tmp_path: Path) -> Store:
    return open_data_dir(tmp_path / "data", bundled=FIXTURE)


def _ids(proxy: QSortFilterProxyModel) -> list[str]:
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def test_entries_model_and_filters(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = EntriesModel(entry_rows(_store(tmp_path)), TODAY)
    qtmodeltester.check(model)
    proxy = EntriesFilter(TODAY, 180)
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert _ids(proxy)[0] == "markup-test"  # "<img ..." sorts first
    proxy.set_filters(which="unchecked")
    assert sorted(_ids(proxy)) == ["hartford-pantry", "markup-test", "old-shelter"]
    proxy.set_filters(which="stale")  # the clinic was checked 317 days before TODAY
    assert sorted(_ids(proxy)) == ["hartford-pantry", "markup-test", "old-shelter",
                                   "windham-clinic"]
    proxy.set_filters(stale_days=400)
    assert "windham-clinic" not in _ids(proxy)
    proxy.set_filters(stale_days=180, today=dt.date(2026, 1, 20))  # an injected clock
    assert "windham-clinic" not in _ids(proxy)
    proxy.set_filters(which="inactive", today=TODAY)
    assert _ids(proxy) == ["old-shelter"]
    proxy.set_filters(which="all", category="basic-needs")
    assert sorted(_ids(proxy)) == ["hartford-pantry", "old-shelter"]
    proxy.set_filters(category="", town="windham")
    assert sorted(_ids(proxy)) == ["markup-test", "old-shelter"]
    proxy.set_filters(town="", text="999 1234")
    assert _ids(proxy) == []
    proxy.set_filters(text="456-2261")
    assert _ids(proxy) == ["windham-clinic"]
    proxy.set_filters(text="clínica")
    assert _ids(proxy) == ["windham-clinic"]
    proxy.set_filters(text="")
    proxy.sort(4, Qt.SortOrder.DescendingOrder)
    assert _ids(proxy)[0] == "crisis-line"  # checked most recently
    checked = model.index(1, 4)
    assert model.data(checked) in ("Never", "2026-01-10", "2026-11-20")


def test_entries_page_filters_by_touch(qtbot: QtBot, admin) -> None:  # type: ignore[no-untyped-def]
    page = admin.screen.entries
    admin.screen.go("entries")
    assert page.proxy.rowCount() == 5
    page.which.setCurrentIndex(page.which.findData("stale"))
    assert page.which.currentText() == "Not checked in 180 days"
    assert page.proxy.rowCount() == 4
    assert page.count.text() == "4 of 5 entries"
    qtbot.keyClicks(page.search, "hartford")
    assert page.proxy.rowCount() == 4  # filtered once typing pauses
    qtbot.waitUntil(lambda: _ids(page.proxy) == ["hartford-pantry"], timeout=2000)


def test_history_model(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = _store(tmp_path)
    history.mark_checked(store, "hartford-pantry", "AB", TODAY)
    history.set_active(store, "hartford-pantry", False, "AB")
    model = HistoryModel()
    model.set_changes(history.changes_for(store, "resource", "hartford-pantry"))
    qtmodeltester.check(model)
    assert [model.index(r, 3).data() for r in range(2)] == ["Hidden from visitors", "Checked"]
    assert model.index(1, 4).data() == "Last checked, Checked by"
    checked = history.changes_for(store, "resource", "hartford-pantry")[1]
    assert model.index(1, 1).data() == checked.at.replace("T", " ")  # to the second
    assert len(model.index(1, 1).data()) == 19


def test_list_models(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    phones = PhonesModel()
    phones.set_rows([{"number": "211", "kind": "voice"}])
    phones.add()
    phones.update(1, "number", "(860) 456-2261")
    assert phones.move_up(1)
    qtmodeltester.check(phones)
    assert phones.index(0, 0).data() == "(860) 456-2261  ·  Call"  # the kind as the form says it
    sources = SourcesModel()
    sources.set_rows([{"ref": "seeds/1.txt", "facts": "phones", "note": ""}])
    assert sources.setData(sources.index(0, 2), "called them")
    qtmodeltester.check(sources)
    check = CheckListModel()
    check.set_items([("health", "Health"), ("help-now", "Help now")], ["gone"])
    check.toggle(0)
    qtmodeltester.check(check)
    assert check.checked_keys() == ["health", "gone"]
    keyed = KeyedListModel()
    keyed.set_items([("a", "A"), ("b", "B")])
    qtmodeltester.check(keyed)
    icons = IconsModel(RESOURCES / "icons", CATEGORY_ICONS)
    qtmodeltester.check(icons)
    assert icons.rowCount() == 12 and icons.row_of("health.svg") >= 0
    assert "close.svg" not in icons.names and "chevron-left.svg" not in icons.names
    assert icons.row_of("info.svg") == 12  # one in use is offered too, so saving keeps it
    (tmp_path / "usb" / "update").mkdir(parents=True)
    (tmp_path / "usb" / "directory.yaml").write_text("format: kiosk-directory/1\n")
    (tmp_path / "usb" / "notes.txt").write_text("not a directory file")
    folder = FolderModel()
    folder.set_folder(tmp_path / "usb")
    qtmodeltester.check(folder)
    assert [folder.index(r, 0).data() for r in range(folder.rowCount())] == [
        "update   (folder)", "directory.yaml   (file)"]


def test_usage_model(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.directory import usage

    store = _store(tmp_path)
    usage.count(store, "category", "health", TODAY)
    usage.count(store, "sheet", "windham-clinic", TODAY)
    model = UsageModel()
    model.set_rows(usage_rows(store, "month"))
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_the_model_sorts_itself_and_keeps_the_selection(qtbot: QtBot, admin) -> None:  # type: ignore[no-untyped-def]
    page = admin.screen.entries
    admin.screen.go("entries")
    assert not page.proxy.dynamicSortFilter()  # sorting is one list.sort in the model
    page.select("windham-clinic")
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert page.current_id() == "windham-clinic"
    assert _ids(page.proxy)[:2] == ["crisis-line", "windham-clinic"]
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    towns = [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]
    assert towns == sorted(towns, key=str.casefold)
    assert page.current_id() == "windham-clinic"
