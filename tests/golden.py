"""Loading the hand-checked golden records (tests/fixtures/golden/*.film.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
ARTICLES = Path(__file__).parent / "fixtures" / "articles"

KNOWN_GAPS: dict[tuple[str, str], str] = {
    ("That's_Entertainment!", "soundtrack"): "performer credits without 'sung by' ('Charles King and Chorus Girls; from ...') are read as composers",
    ("Dadar_Kirti", "cast"): "a role naming two characters' parent ('Saraswati, Beena's mother') is cut at the comma, the rule that drops a description",
    ("The_Cannonball_Run", "cast"): "a cast member named in passing ('(hosted by [[Johnny Yune]])') and a role "
    "with a relative clause ('the race organizer of who lays down the rules')",
}
"""(article stem, field) pairs we know we get wrong, with why; their tests are strict xfails."""


def golden_files() -> list[Path]:
    """Every golden file, sorted."""
    return sorted(GOLDEN.glob("*.film.json"))


def load(path: Path) -> tuple[dict[str, Any], str]:
    """A golden record and the text of its article."""
    golden = json.loads(path.read_text(encoding="utf-8"))
    return golden, (ARTICLES / golden["article"]).read_text(encoding="utf-8")
