"""What the README and the docs show is in the repo: every image and every linked file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted([ROOT / "README.md", *ROOT.glob("*.md"), *(ROOT / "docs").rglob("*.md")])
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def local_targets(doc: Path) -> list[str]:
    """Relative links and images of a Markdown file, without anchors; web links left out."""
    targets = []
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue
        targets.append(target.split("#", 1)[0])
    return targets


def test_the_readme_shows_images() -> None:
    images = [t for t in local_targets(ROOT / "README.md") if t.endswith(".png")]
    assert len(images) >= 6


@pytest.mark.parametrize("doc", sorted(set(DOCS)), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_image_and_file_a_document_links_to_is_in_the_repo(doc: Path) -> None:
    missing = [t for t in local_targets(doc) if not (doc.parent / t).exists()]
    assert not missing, f"{doc.relative_to(ROOT)} links to files that are not there: {missing}"


def test_a_missing_image_is_noticed(tmp_path: Path) -> None:
    doc = tmp_path / "x.md"
    doc.write_text("![a](docs/gone.png) [b](https://example.org/x.png) [c](#top)\n",
                   encoding="utf-8")
    assert local_targets(doc) == ["docs/gone.png"]
