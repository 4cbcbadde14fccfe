"""The project is self-contained: the README and docs/ link only inside the repository,
and docs/architecture.md tells the layers and rules in the project's own words."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_every_link_points_to_a_file_inside_the_repository() -> None:
    for document in _documents():
        for target in LINK.findall(document.read_text(encoding="utf-8")):
            assert "://" not in target, (document.name, target)
            resolved = (document.parent / target.split("#")[0]).resolve()
            assert resolved.is_relative_to(ROOT), (document.name, target)
            assert resolved.exists(), (document.name, target)


def test_the_architecture_page_covers_the_rules() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for topic in (
        "Only services touch storage",
        "Reads and writes are separate",
        "The language is an object",
        "Identity is a uuid",
        "tombstone",
        "tracker/services/sync.py",
        "tracker/formats/",
    ):
        assert topic in text, topic
