"""Loading the hand-checked golden records (tests/fixtures/golden/*.film.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
ARTICLES = Path(__file__).parent / "fixtures" / "articles"

KNOWN_GAPS: dict[tuple[str, str], str] = {
    ("That's_Entertainment!", "soundtrack"): "performer credits without 'sung by' ('Charles King and Chorus Girls; from ...') are read as composers",
    ("1920_(film_series)", "cast"): "cast lists written inside wikitables, one subsection per film of the series",
    ("Batman_(1966_film)", "cast"): "a cameo told in a paragraph under the cast list",
    ("Beporowa", "cast"): "the first item of {{Plainlist|* ...}} shares the template's line",
    ("Dadar_Kirti", "cast"): "a role with a comma inside ('Saraswati, Beena father') is cut at the comma",
    ("Dekh_Magar_Pyaar_Say", "cast"): "'Special appearance in song' is read as a role",
    ("Ghostbusters_II", "cast"): "cast members told in paragraphs under the cast list",
    ("Manathe_Kottaram", "cast"): "'as Cameo Appearance' is read as a role",
    ("The_Cannonball_Run", "cast"): "cast lines with prose notes: pairs of actors and roles, cast members named in the notes",
    ("Till_the_Clouds_Roll_By", "cast"): "'X and Y make appearances as ...' and italics in roles",
}
"""(article stem, field) pairs we know we get wrong, with why; their tests are strict xfails."""


def golden_files() -> list[Path]:
    """Every golden file, sorted."""
    return sorted(GOLDEN.glob("*.film.json"))


def load(path: Path) -> tuple[dict[str, Any], str]:
    """A golden record and the text of its article."""
    golden = json.loads(path.read_text(encoding="utf-8"))
    return golden, (ARTICLES / golden["article"]).read_text(encoding="utf-8")
