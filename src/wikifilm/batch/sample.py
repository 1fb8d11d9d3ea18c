"""The small dump of real film articles shipped inside the package, for examples, tests and first runs."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_dump() -> Path:
    """The MediaWiki dump of ten film articles, a television series, a person and a redirect (CC BY-SA, see data/SOURCES.md)."""
    return Path(str(resources.files("wikifilm") / "data" / "sample-films.xml.bz2"))
