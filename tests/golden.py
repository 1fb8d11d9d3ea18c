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
    ("Thira_(film)", "soundtrack"): "a {{tracklist}} whose only credit column is the performers ('extra_column = Artist(s)') "
    "gives the singers as composers; the section says 'The film's soundtrack is composed by [[Shaan Rahman]]'",
    ("Thira_(film)", "accolades"): "awards as a definition list, ';[[Vanitha Film Awards]]<ref>...</ref>' then "
    "'*Best Actress - Shobhana', not a table, are not read",
    ("Thira_(film)", "distributors"): "three companies on two source lines ('[[Lal Jose|LJ Films]] & Tricolor Entertainments.' "
    "and 'Europe - Indian Movies UK Ltd.') are read as one name, no diagnostic",
    ("Swabhoomi", "title"): "the infobox name is misspelt ('name = Swabhooni') while the bold lead and the page title say "
    "Swabhoomi; taken as written, no diagnostic",
    ("American_Drug_War%3A_The_Last_White_Hope", "accolades"): "awards as a plain bullet list "
    "('* 2007 Silver Lake Film Festival, Best Documentary'), not a table, are not read",
    ("Padai_Veetu_Amman", "soundtrack"): "numbered items 'Song - Singer' ('# Pathu Ooraiyum - [[K. S. Chitra]]') keep the singer "
    "in the work, composer null (WF801); the film's music is [[S. A. Rajkumar]]",
}
"""(article stem, field) pairs we know we get wrong, with why; their tests are strict xfails."""


def golden_files() -> list[Path]:
    """Every golden file, sorted."""
    return sorted(GOLDEN.glob("*.film.json"))


def load(path: Path) -> tuple[dict[str, Any], str]:
    """A golden record and the text of its article."""
    golden = json.loads(path.read_text(encoding="utf-8"))
    return golden, (ARTICLES / golden["article"]).read_text(encoding="utf-8")
