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
    ("Indivisible_(2018_film)", "cast"): "a rank abbreviation missing from the known list ('as Ltc. Jacobsen') ends the role "
    "as if it were a sentence: 'Ltc'",
    ("The_Adventures_of_Milo_and_Otis", "gross"): "a parser function inside the money template "
    "('{{US$|{{#expr:123+13.3 round 0}} million|long=no}}', shown as US$136 million) is not evaluated: null, WF401",
    ("The_Adventures_of_Milo_and_Otis", "distributors"): "people inside an unknown wrapper template ('{{English manga publisher|"
    "US=[[Columbia Pictures]]<br>[[Triumph Films|Triumph Releasing Corporation]]}}') are dropped without a diagnostic",
    ("The_Adventures_of_Milo_and_Otis", "accolades"): "awards given as a nested bullet list ('* The Japanese Academy (1987)', "
    "\"** '''Won''': Popularity Award - Most Popular Film\"), not a table, are not read",
    ("The_Adventures_of_Milo_and_Otis", "soundtrack"): "a quoted movement before 'from' "
    "('\"Soldier's Dance\" from ''William Tell'' by Rossini') loses only its opening quotation mark",
    ("That's_the_Woman_I_Want", "native_title"): "the native title in the infobox's film_name field "
    "('{{native name|es|Yo quiero una mujer así}}') is not read, nor the lead's plain '(Spanish:'''''Yo quiero ...''''')'",
    ("That's_the_Woman_I_Want", "release_dates"): "a month written as a name in Film date ('{{Film date|1950|August|23|Venezuela|df=dmy}}') "
    "is read as a place and the day as a year: 1950 (August), 0023 (Venezuela), no diagnostic",
}
"""(article stem, field) pairs we know we get wrong, with why; their tests are strict xfails."""


def golden_files() -> list[Path]:
    """Every golden file, sorted."""
    return sorted(GOLDEN.glob("*.film.json"))


def load(path: Path) -> tuple[dict[str, Any], str]:
    """A golden record and the text of its article."""
    golden = json.loads(path.read_text(encoding="utf-8"))
    return golden, (ARTICLES / golden["article"]).read_text(encoding="utf-8")
