"""Release dates: Film date with several places, Start date, text dates; partial dates stay partial."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.normalize.helpers import field_of
from wikifilm.normalize.dates import normalize_release_dates, parse_date
from wikifilm.record import PartialDate


def releases(value: str) -> list[tuple[str, str | None, str | None]]:
    source, field = field_of("released", value)
    found, _ = normalize_release_dates(source, field)
    return [(release.date.iso(), release.place, release.note) for release in found]


def test_film_date_with_four_places() -> None:
    """Rush (2013 film): four date/place pairs, a place linked."""
    value = "{{film date|2013|09|02|[[London]]|2013|09|13|United Kingdom|2013|09|27|United States|2013|10|03|Germany}}"
    assert releases(value) == [
        ("2013-09-02", "London", None), ("2013-09-13", "United Kingdom", None),
        ("2013-09-27", "United States", None), ("2013-10-03", "Germany", None),
    ]


def test_film_date_with_named_parameters_and_ref() -> None:
    """Actrius: df=yes and a linked place; Seven Brides: ref1= is not a place."""
    assert releases("{{film date|df=yes|1997|1|17|[[Spain]]}}") == [("1997-01-17", "Spain", None)]
    assert releases("{{Film date|1954|07|15|Houston, Texas|ref1=<ref>x</ref>}}") == [("1954-07-15", "Houston, Texas", None)]


def test_film_date_year_only_stays_partial() -> None:
    """A Film date with only a year, or a year and month, stays partial."""
    assert releases("{{Film date|1999}}") == [("1999", None, None)]
    assert releases("{{Film date|1999|11}}") == [("1999-11", None, None)]


def test_film_date_with_month_names() -> None:
    """That's the Woman I Want and Aayiram Vaasal Idhayam write the month as a name, as the template allows."""
    assert releases("{{Film date|1950|August|23|Venezuela|df=dmy}}") == [("1950-08-23", "Venezuela", None)]
    assert releases("{{Film date|df=yes|1980|January |1}}") == [("1980-01-01", None, None)]
    assert releases("{{Film date|2001|Sept.|9|France}}") == [("2001-09-09", "France", None)]


def test_film_date_value_that_is_no_year_is_a_diagnostic() -> None:
    """A number standing where a year should (a misspelt month leaves its day there) is no year 0023: WF301."""
    source, field = field_of("released", "{{Film date|1950|Augst|23|Venezuela}}")
    found, notes = normalize_release_dates(source, field)
    assert [(release.date.iso(), release.place) for release in found] == [("1950", "Augst")]
    assert [note.code for note in notes] == ["WF301"] and "'23'" in notes[0].message


def test_start_date() -> None:
    """{{Start date|2024|7|3}}."""
    assert releases("{{Start date|2024|7|3}}") == [("2024-07-03", None, None)]


@pytest.mark.parametrize(("value", "expected"), [
    ("July 3, 2024", [("2024-07-03", None, None)]),
    ("3 July 2024", [("2024-07-03", None, None)]),
    ("2024-07-03", [("2024-07-03", None, None)]),
    ("July 2024", [("2024-07", None, None)]),
    ("1999", [("1999", None, None)]),
    ("17 May 2019 (Cannes)<br>30 May 2019 (South Korea)", [("2019-05-17", "Cannes", None), ("2019-05-30", "South Korea", None)]),
    ("{{Plainlist|\n* 13 March 1987 (United States)\n* 1988 (United Kingdom, limited)}}", [("1987-03-13", "United States", None), ("1988", "United Kingdom", "limited")]),
    ("1 September 2017 (premiere)", [("2017-09-01", None, "premiere")]),
])
def test_text_dates(value: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    """Dates written as text, with places and notes in brackets."""
    assert releases(value) == expected


def test_no_date_is_a_diagnostic() -> None:
    """Text without a date: nothing kept, WF301."""
    source, field = field_of("released", "upcoming")
    found, diagnostics = normalize_release_dates(source, field)
    assert found == () and [diagnostic.code for diagnostic in diagnostics] == ["WF301"]


@given(st.dates())
def test_format_then_parse_round_trips(date: object) -> None:
    """Dates formatted the three common ways parse back to the same date."""
    day = date.day  # type: ignore[attr-defined]
    month = date.strftime("%B")  # type: ignore[attr-defined]
    year = date.year  # type: ignore[attr-defined]
    if year < 1000:
        return
    expected = PartialDate(year, date.month, day)  # type: ignore[attr-defined]
    for text in (f"{month} {day}, {year}", f"{day} {month} {year}", expected.iso()):
        found = parse_date(text)
        assert found is not None and found[0] == expected


@given(st.text(max_size=60))
def test_any_text_never_raises(text: str) -> None:
    """parse_date on arbitrary text returns a date or None."""
    parse_date(text)
