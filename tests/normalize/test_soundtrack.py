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


def _tracks(extra_column: str, rows: str, infobox: str = "| music = [[Raamlaxman]]", album: str = "") -> tuple[list[tuple[str | None, str]], list[str]]:
    text = (f"{{{{Infobox film\n| name = X\n{infobox}\n}}}}\n'''X''' is a film.\n\n== Soundtrack ==\n{album}"
            f"{{{{Track listing\n| extra_column = {extra_column}\n{rows}}}}}\n")
    film = wikifilm.extract(text)
    return [(item.composer, item.work) for item in film.soundtrack], [d.code for d in film.diagnostics if d.code.startswith("WF8")]


def test_singers_are_not_composers() -> None:
    """Hum Saath-Saath Hain, Sendhoorapandi, Swabhoomi: the only credit column is the playback singers; the songs are
    the film's composer's (WF802 says where the composer came from)."""
    rows = "| title1 = Hum Saath Saath Hain\n| extra1 = [[Kavita Krishnamurthy]], [[Kumar Sanu]]\n"
    assert _tracks("Singer(s)", rows) == ([("Raamlaxman", "Hum Saath Saath Hain")], ["WF802"])
    assert _tracks("Performer(s)", rows)[0] == [("Raamlaxman", "Hum Saath Saath Hain")]


def test_lyricists_are_not_composers_and_the_album_artist_comes_first() -> None:
    """Kalavaadiya Pozhuthugal: lyrics and singers only; the soundtrack's album names its artist (the film infobox
    spells the same composer another way)."""
    rows = "| title1 = Thedi Thedi\n| lyrics1 = [[Arivumathi]]\n| extra1 = Thiruvudaiyan\n"
    album = "{{Infobox album\n| name = X\n| artist = [[Ramani Bharadwaj]]\n}}\n"
    assert _tracks("Singer(s)", rows, "| music = [[Bharathwaj]]", album)[0] == [("Ramani Bharadwaj", "Thedi Thedi")]
    assert _tracks("Singer(s)", rows, "| music = [[Bharathwaj]]", album.replace("[[Ramani Bharadwaj]]", "Various artists"))[0] == [
        ("Bharathwaj", "Thedi Thedi")]


def test_an_artist_column_credits_the_track() -> None:
    """48 Hrs.: on an album, 'Artist' is whoever wrote and recorded the track, the film's composer or a band."""
    rows = "| title1 = Main Titles\n| extra1 = [[James Horner]]\n| title2 = New Shoes\n| extra2 = [[The BusBoys]]\n"
    assert _tracks("Artist", rows, "| music = [[James Horner]]") == ([("James Horner", "Main Titles"), ("The BusBoys", "New Shoes")], [])


def test_no_credit_and_no_single_film_composer_stays_unknown() -> None:
    rows = "| title1 = Song\n| extra1 = [[Ann Lee]]\n"
    assert _tracks("Singer(s)", rows, "| music = [[Ann Lee]] and [[Bo Kim]]")[0] == [(None, "Song")]


_SONG_TABLE = """{{Infobox film
| name = X
| music = [[Ilaiyaraaja]]
}}
'''X''' is a film.

== Soundtrack ==
The soundtrack was composed by [[Ilaiyaraaja]].

{| border="2"
|- bgcolor="#CCCCCC" align="center"
! Track !! Song !! Singer(s) !! Duration
|-
|1 || 'Aadi Sivan Tholil Irukkum' || [[Bhavatharini]] || 5:40
|-
|2 || "Kaathalai" || [[P. Unni Krishnan]], [[Sujatha Mohan]] || 5:07
|}
"""


def test_a_table_of_songs() -> None:
    """Kadavul, Chuvappu Naada: songs in a table headed 'Track || Song || Singer(s)', the film's composer for each."""
    film = wikifilm.extract(_SONG_TABLE)
    assert [(item.composer, item.work) for item in film.soundtrack] == [
        ("Ilaiyaraaja", "Aadi Sivan Tholil Irukkum"), ("Ilaiyaraaja", "Kaathalai")]
    assert [d.code for d in film.diagnostics if d.code == "WF802"] == ["WF802"]


def test_a_table_with_a_composer_column_and_one_that_lists_no_songs() -> None:
    with_music = _SONG_TABLE.replace("! Track !! Song !! Singer(s) !! Duration", "! Track !! Title !! Music !! Duration")
    assert [(item.composer, item.work) for item in wikifilm.extract(with_music).soundtrack] == [
        ("Bhavatharini", "Aadi Sivan Tholil Irukkum"), ("P. Unni Krishnan, Sujatha Mohan", "Kaathalai")]
    chart = _SONG_TABLE.replace("! Track !! Song !! Singer(s) !! Duration", "! Chart !! Peak !! Weeks !! Year")
    assert wikifilm.extract(chart).soundtrack == ()
