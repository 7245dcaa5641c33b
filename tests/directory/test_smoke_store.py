from pathlib import Path

from kiosk.directory.files import read_directory
from kiosk.directory.importer import apply_import
from kiosk.directory.search import search
from kiosk.directory.store import Store


def test_sample_directory_imports_and_is_searchable(store: Store, sample_dir: Path) -> None:
    apply_import(store, read_directory(sample_dir), who="test", source="sample")
    assert [h.key for h in search(store, "clinica")] == ["clinic"]
