"""Accolades: columns by header meaning, result templates, nominees, and rendered-row repair."""

from __future__ import annotations

import wikifilm
from tests.conftest import article_text


def rows(text: str, format: str = "wikitext") -> list[tuple[object, ...]]:
    film = wikifilm.extract(text, format=format)  # type: ignore[arg-type]
    return [(a.ceremony, a.year, a.category, [n.name for n in a.nominees], a.result) for a in film.accolades]


def test_kgf_rowspans_and_won_templates() -> None:
    """K.G.F: Chapter 1: year and ceremony rowspans, {{Won}} results, the film as nominee."""
    film = wikifilm.extract(article_text("K.G.F%3A_Chapter_1"), title="K.G.F: Chapter 1")
    first = [(a.ceremony, a.year, a.category, [n.name for n in a.nominees], a.result) for a in film.accolades[:3]]
    assert first == [
        ("Karnataka State Film Awards", 2018, "Best Music Director", ["Ravi Basrur"], "won"),
        ("Karnataka State Film Awards", 2018, "Best Art Director", ["Shiva Kumar K"], "won"),
        ("Zee Kannada Hemmeya Kanndiga Awards", 2019, "Best Film", ["K.G.F"], "won"),
    ]


def test_barry_lyndon_nominee_rowspan_and_several_nominees() -> None:
    """Barry Lyndon: Kubrick spans three rows; 'Ken Adam, Roy Walker and Vernon Dixon' are three people."""
    film = wikifilm.extract(article_text("Barry_Lyndon"), title="Barry Lyndon")
    awards = film.accolades
    assert [(a.category, [n.name for n in a.nominees], a.result) for a in awards[1:4]] == [
        ("Best Director", ["Stanley Kubrick"], "nominated"),
        ("Best Screenplay Based on Material from Another Medium", ["Stanley Kubrick"], "nominated"),
        ("Best Art Direction", ["Ken Adam", "Roy Walker", "Vernon Dixon"], "won"),
    ]
    assert awards[3].nominees[1].link == "Roy Walker (production designer)"
    kubrick = film.directors[0].person
    assert {a.nominees[0].person for a in awards[:3]} == {kubrick}


def test_baadshaho_song_after_nominee_is_dropped() -> None:
    """Baadshaho: 'Rahat Fateh Ali Khan for "Mere Rashke Qamar"' names the singer; {{nom}}."""
    assert rows(article_text("Baadshaho")) == [
        ("10th Mirchi Music Awards", None, "Male Vocalist of The Year", ["Rahat Fateh Ali Khan"], "nominated"),
    ]


def test_cell_style_gives_the_result() -> None:
    """A result cell coloured as {{won}} renders is read as won."""
    text = '== Accolades ==\n{|\n! Year !! Award !! Category !! Nominee !! Result\n|-\n| 2001 || X Awards || Best Film || A B || style="background:#9EFF9E" | Won\n|}\n'
    assert rows(text) == [("X Awards", 2001, "Best Film", ["A B"], "won")]


def test_plaintext_row_not_shifted_when_the_year_is_in_place() -> None:
    """A rendered row with an empty trailing cell but a year in its year column is left alone."""
    text = "== Accolades ==\n| Award | Year | Category | Nominee | Result |\n| X Awards | 2001 | Best Film | A B | |\n"
    film = wikifilm.extract(text, format="plaintext")
    assert [(a.ceremony, a.year, a.category) for a in film.accolades] == [("X Awards", 2001, "Best Film")]
    assert not [d for d in film.diagnostics if d.code == "WF701"]


def test_table_without_category_or_nominee_column_is_skipped_with_wf702() -> None:
    """A box-office table under Accolades is not read as awards."""
    text = "== Accolades ==\n{|\n! Region !! Gross\n|-\n| US || $1\n|}\n"
    film = wikifilm.extract(text)
    assert film.accolades == () and "WF702" in [d.code for d in film.diagnostics]


_LISTED = """{{Infobox film
| name = X
}}
'''X''' is a film.

==Awards==
* The Japanese Academy (1987)
** '''Won''': Popularity Award - Most Popular Film
** Nominated: Award of the Japanese Academy - Best Music Score ([[Ryuichi Sakamoto]])
* [[Young Artist Awards]] (1990)
** Nominated: Young Artist Award - Best Family Motion Picture – Adventure
** Its theme was praised by critics
"""


def test_results_listed_under_their_ceremony() -> None:
    """The Adventures of Milo and Otis: no table, a line per ceremony and year, a line per result under it; a bracket
    of names at the end gives the nominees; a line that opens with no result is no row."""
    assert rows(_LISTED) == [
        ("The Japanese Academy", 1987, "Popularity Award - Most Popular Film", [], "won"),
        ("The Japanese Academy", 1987, "Award of the Japanese Academy - Best Music Score", ["Ryuichi Sakamoto"], "nominated"),
        ("Young Artist Awards", 1990, "Young Artist Award - Best Family Motion Picture – Adventure", [], "nominated"),
    ]


def test_lists_that_do_not_open_with_a_result_give_no_rows() -> None:
    """Actrius and Strategic Air Command list their awards as sentences ('1997, won ... at ...'): not read as rows."""
    text = _LISTED.split("==Awards==")[0] + "==Awards==\n* 1997, won 'Best Catalan Film' at [[Butaca Awards]]\n" \
        "* 1955 Academy Award Nomination: Best Motion Picture Story ([[Beirne Lay, Jr.]])\n"
    assert rows(text) == []


def test_a_table_in_the_section_wins_over_its_lists() -> None:
    """A section with an accolades table is read from the table alone; its lists are notes."""
    table = "{| class=wikitable\n! Award !! Category !! Result\n|-\n| Oscars || Best Picture || {{won}}\n|}\n"
    assert [row[2] for row in rows(_LISTED + table)] == ["Best Picture"]
