"""Soundtrack: item shapes read as their plain patterns read them, in linear time; track-listing titles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wikifilm
from wikifilm.normalize import soundtrack

_PLAIN_POSSESSIVE = re.compile(r"^(?P<composer>(?:[A-Z][\w.\-éèáíóúöüäçñ]*\s?){1,5}?)['’]s?\s+(?P<work>\S.*)$")
_PIECES = st.sampled_from(["x", "Bb", "B", "AB", "Mc", "Donald", " ", "  ", "\n", ",", "(", ")", "by", "'s", "'", "’", "é", ".", "-"])


@given(st.lists(_PIECES, max_size=16).map("".join))
def test_work_by_composer_as_the_plain_pattern_reads_it(text: str) -> None:
    """'Work by Composer' gives the plain pattern's work and composer, or nothing where it finds nothing."""
    match = soundtrack._BY.match(text)
    expected = (match.group("work"), match.group("composer").strip()) if match else None
    found = soundtrack._work_by_composer(text)
    assert ((found[0], found[1].strip()) if found else None) == expected


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_possessive_as_the_plain_pattern_reads_it(text: str) -> None:
    """Words read possessively give the same composer and work as the plain pattern."""
    plain, quick = _PLAIN_POSSESSIVE.match(text), soundtrack._POSSESSIVE.match(text)
    assert (plain.groupdict() if plain else None) == (quick.groupdict() if quick else None)


@pytest.mark.parametrize("text", ["A" * 3000 + " x", "ABCDEFGH" * 400 + "'s", "x by Bb" * 1000 + ",", "x" + " by B(" * 1000 + ","])
def test_long_items_read_in_linear_time(text: str) -> None:
    """Items that made the patterns backtrack for minutes (a run of capitals, many 'by's) are read at once."""
    _composer, work = soundtrack.parse_soundtrack_item(text)
    assert work


@pytest.mark.parametrize(("item", "expected"), [
    ("Sarabande, by George Frideric Handel", ("George Frideric Handel", "Sarabande")),
    ("Sarabande by George Frideric Handel (arranged)", ("George Frideric Handel", "Sarabande")),
    ("Sarabande by George Frideric Handel, arranged", (None, "Sarabande by George Frideric Handel, arranged")),
    ("Sung by Bo and by Ann Lee", ("Bo and by Ann Lee", "Sung")),
    # The Adventures of Milo and Otis: a quoted movement before 'from' keeps both its marks
    ('"Soldier\'s Dance" from William Tell by Gioachino Rossini', ("Gioachino Rossini", '"Soldier\'s Dance" from William Tell')),
    ('"Berceuse" by Gabriel Fauré', ("Gabriel Fauré", "Berceuse")),
])
def test_work_by_composer_examples(item: str, expected: tuple[str | None, str]) -> None:
    """The first 'by' whose composer runs to the end or to a bracket names the composer."""
    assert soundtrack.parse_soundtrack_item(item) == expected


_ARTICLE = """{{Infobox film
| name = X
}}
'''X''' is a film.

== Soundtrack ==
{{Track listing
| title1 = A "B"
| music1 = Ann Lee
| title2 = "C"
| music2 = Bo Kim
| title3 = "D" and "E"
| music3 = Bo Kim
| title4 = “F”
}}
"""


def test_track_titles_keep_a_closing_quotation() -> None:
    """A title ending in a quotation keeps its closing mark; only marks around the whole title go."""
    film = wikifilm.extract(_ARTICLE)
    assert [item.work for item in film.soundtrack] == ['A "B"', "C", '"D" and "E"', "F"]
