"""The seed article's full record, value by value, as the issue states it after reading the article."""

from __future__ import annotations

import json

import pytest

import wikifilm
from wikifilm.record import Film


@pytest.fixture(scope="module")
def film(seed_text: str) -> Film:
    return wikifilm.extract(seed_text)


def names(refs: tuple[wikifilm.PersonRef, ...]) -> list[str]:
    return [ref.name for ref in refs]


def test_people_fields(film: Film) -> None:
    """Directors, writers, producers, starring, crew, as in the infobox."""
    assert names(film.directors) == ["Lee Jong-pil"]
    assert names(film.writers) == ["Kwon Seong-hwi", "Kim Woo-geun"]
    assert names(film.producers) == ["Park Eun-kyung", "Hong Jeong-in", "Kang Dae-wook", "Kim Woo-sung"]
    assert names(film.starring) == ["Lee Je-hoon", "Koo Kyo-hwan", "Hong Xa-bin"]
    assert names(film.cinematography) == ["Kim Sung-an"]
    assert names(film.editing) == ["Lee Kang-hee"]
    assert names(film.music) == ["Dalpalan"]
    assert names(film.studios) == ["Fox International Productions", "The Lamp Ltd.", "Eunhasu Film"]
    assert names(film.distributors) == ["Plus M Entertainment"]


def test_release_runtime_places(film: Film) -> None:
    """Release 2024-07-03, 94 minutes, South Korea, Korean."""
    assert [release.date.iso() for release in film.release_dates] == ["2024-07-03"]
    assert film.runtime_minutes == 94
    assert film.countries == ("South Korea",)
    assert film.languages == ("Korean",)


def test_budget_absent_and_gross_unknown_with_a_diagnostic_at_million(film: Film, seed_text: str) -> None:
    """No budget line: null, no diagnostic. 'Gross: million': null plus WF401 pointing at 'million'."""
    assert film.budget is None
    assert film.gross is None
    gross = [diagnostic for diagnostic in film.diagnostics if diagnostic.field == "gross"]
    assert [diagnostic.code for diagnostic in gross] == ["WF401"]
    assert gross[0].span is not None and seed_text[gross[0].span.start : gross[0].span.end] == "million"
    assert not [diagnostic for diagnostic in film.diagnostics if diagnostic.field == "budget"]


def test_title_and_empty_brackets_diagnostic(film: Film, seed_text: str) -> None:
    """Title 'Escape'; 'Escape () is a' gets WF204 at the brackets."""
    assert film.title == "Escape"
    assert film.page_title == "Escape (2024 South Korean film)"
    assert film.native_title is None
    brackets = [diagnostic for diagnostic in film.diagnostics if diagnostic.code == "WF204"]
    assert len(brackets) == 1 and brackets[0].span is not None
    assert seed_text[brackets[0].span.start : brackets[0].span.end] == "()"


def test_nine_accolades_with_ceremony_and_year(film: Film) -> None:
    """2 Baeksang Arts Awards 2025 and 7 Blue Dragon Film Awards 2024 rows, results not stated."""
    rows = [(award.ceremony, award.year, award.category, names(award.nominees), award.result) for award in film.accolades]
    assert rows == [
        ("Baeksang Arts Awards", 2025, "Best Director", ["Lee Jong-pil"], None),
        ("Baeksang Arts Awards", 2025, "Best Supporting Actor", ["Koo Kyo-hwan"], None),
        ("Blue Dragon Film Awards", 2024, "Best Director", ["Lee Jong-pil"], None),
        ("Blue Dragon Film Awards", 2024, "Best Actor", ["Lee Je-hoon"], None),
        ("Blue Dragon Film Awards", 2024, "Best Supporting Actor", ["Koo Kyo-hwan"], None),
        ("Blue Dragon Film Awards", 2024, "Best Editing", ["Lee Gang-hee"], None),
        ("Blue Dragon Film Awards", 2024, "Best Cinematography and Lighting", ["Kim Sung-an", "Lee Seung-bin"], None),
        ("Blue Dragon Film Awards", 2024, "Best Art Direction", ["Bae Jung-yoon"], None),
        ("Blue Dragon Film Awards", 2024, "Best Music", ["Dalpalan"], None),
    ]
    repaired = [diagnostic for diagnostic in film.diagnostics if diagnostic.code == "WF701"]
    assert len(repaired) == 7


def test_people_identity_across_infobox_and_accolades(film: Film) -> None:
    """Lee Kang-hee and Lee Gang-hee are one person; so are the repeated Lee Jong-pil and Koo Kyo-hwan."""
    editing = film.editing[0].person
    best_editing = next(award for award in film.accolades if award.category == "Best Editing").nominees[0].person
    assert editing == best_editing
    person = next(person for person in film.people if person.id == editing)
    assert person.variants == ("Lee Kang-hee", "Lee Gang-hee")
    director = film.directors[0].person
    assert {award.nominees[0].person for award in film.accolades if award.category == "Best Director"} == {director}
    koo = film.starring[1].person
    assert {award.nominees[0].person for award in film.accolades if award.category == "Best Supporting Actor"} == {koo}
    assert len(film.people) == len({person.id for person in film.people}) == 15
    merged = [diagnostic for diagnostic in film.diagnostics if diagnostic.code == "WF601"]
    assert len(merged) == 1 and "Lee Gang-hee" in merged[0].message


def test_soundtrack_and_plot(film: Film) -> None:
    """Four composers and works; the plot is the four Plot paragraphs."""
    assert [(item.composer, item.work) for item in film.soundtrack] == [
        ("Johann Strauss II", "Wener Blut Op. 354"),
        ("Dmitri Shostakovich", "Dances of the Dolls - 1. Lyric Waltz"),
        ("Sergei Rachmaninoff", "Prelude in G minor Op. 23 No. 5 & Piano Concerto No. 2 Op 18"),
        ("Frédéric Chopin", "Waltz in B minor, Op. 69, No. 2"),
    ]
    plot = film.plot
    assert plot is not None
    assert plot.startswith("Near the Korean Demilitarized Zone, Sergeant Lim Gyu-nam")
    assert plot.endswith("he smiles and walks while watching the skyline.")
    assert plot.count("\n\n") == 3


def test_to_dict_is_the_contract_shape_and_json_ready(film: Film) -> None:
    """to_dict() has exactly the contract's keys and serialises to JSON as is."""
    record = film.to_dict()
    assert list(record) == [
        "schema_version", "page_title", "page_id", "revision_id", "title", "native_title", "directors", "writers",
        "producers", "starring", "narrators", "music", "cinematography", "editing", "based_on", "studios",
        "distributors", "release_dates", "runtime_minutes", "countries", "languages", "budget", "gross", "cast",
        "accolades", "soundtrack", "plot", "people", "diagnostics",
    ]
    assert json.loads(json.dumps(record)) == record
    assert record["release_dates"] == [{"date": "2024-07-03", "place": None, "note": None}]
    assert record["studios"][1] == {"name": "The Lamp Ltd.", "link": None}
    assert record["accolades"][5]["nominees"] == [{"name": "Lee Gang-hee", "link": None, "person": record["editing"][0]["person"]}]
    assert all(set(diagnostic) == {"code", "name", "severity", "field", "message", "start", "end"} for diagnostic in record["diagnostics"])
