"""The Film a user gets: plain values, and where each was read one call away."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import wikifilm
from wikifilm.record import Film, Provenance

ARTICLES = Path(__file__).parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def barry_text() -> str:
    return (ARTICLES / "Barry_Lyndon.wikitext").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def barry(barry_text: str) -> Film:
    return wikifilm.extract(barry_text, title="Barry Lyndon")


def test_values_are_plain_python(barry: Film) -> None:
    """Title, runtime, countries, languages and plot are str, int and tuples of str, as the infobox reads."""
    assert barry.title == "Barry Lyndon"
    assert barry.runtime_minutes is not None and barry.runtime_minutes + 1 == 188  # "187 minutes"
    assert barry.runtimes == (187,)
    assert barry.countries == ("United Kingdom", "United States")  # "United Kingdom<br />United States"
    assert barry.languages == ("English",)
    assert barry.budget is not None and barry.budget.amount == Decimal(12_000_000) and barry.budget.currency == "USD"
    assert isinstance(barry.plot, str) and barry.plot.startswith("An omniscient (though possibly unreliable) narrator relates that in 1750s Ireland")


def test_source_of_a_plain_value(barry: Film, barry_text: str) -> None:
    """runtime_minutes: its text without markup, its span over the infobox value (comment and ref included)."""
    runtime = barry.source_of("runtime_minutes")
    assert runtime is not None and runtime.raw == "187 minutes" and runtime.method == "infobox"
    assert runtime.span is not None and barry_text[runtime.span.start : runtime.span.end].startswith("187 minutes<!--Theatrical runtime: 187:26-->")
    assert barry.source_of("runtimes[0]") == runtime
    assert barry.source_of("countries[1]") == Provenance("United States", runtime_span_of(barry_text, "United States"), "infobox")
    title = barry.source_of("title")
    assert title is not None and (title.raw, title.method) == ("Barry Lyndon", "infobox")


def runtime_span_of(text: str, needle: str) -> wikifilm.Span:
    """The span of the only occurrence of ``needle`` in the infobox (the article's first 2,000 characters)."""
    start = text.index(needle)
    assert needle not in text[start + 1 : 2000]
    return wikifilm.Span(start, start + len(needle))


def test_source_of_objects_and_people(barry: Film, barry_text: str) -> None:
    """Objects keep their own span: the director's name, a cast line, the budget with its raw text."""
    director = barry.source_of("directors[0]")
    assert director is not None and director.raw is None and director.span is not None
    assert barry_text[director.span.start : director.span.end] == "Stanley Kubrick"
    cast = barry.source_of("cast[0]")
    assert cast is not None and cast.method == "section" and cast.span is not None
    assert barry_text[cast.span.start : cast.span.end] == "[[Michael Hordern]] (''voice'') as Narrator"
    actor = barry.source_of("cast[0].actor")
    assert actor is not None and actor.span is not None and barry_text[actor.span.start : actor.span.end] == "Michael Hordern"
    budget = barry.source_of("budget")
    assert budget is not None and budget.raw == "$12 million" and budget.method == "infobox"
    author = barry.source_of("based_on[0].authors[0]")
    assert author is not None and author.span is not None
    assert barry_text[author.span.start : author.span.end] == "William Makepeace Thackeray"


def test_provenance_maps_every_path_in_field_order(barry: Film) -> None:
    """One mapping, keyed by the paths diagnostics use, holds what source_of returns for each."""
    provenance = barry.provenance
    assert list(provenance)[:3] == ["title", "directors[0]", "writers[0]"]
    assert provenance["runtime_minutes"] == barry.source_of("runtime_minutes")
    assert all(barry.source_of(path) == found for path, found in provenance.items())
    assert len([path for path in provenance if path.startswith("cast[") and "." not in path]) == len(barry.cast)


def test_source_of_what_the_record_lacks_or_does_not_have(seed_text: str) -> None:
    """Unknown values give None; a misspelt field or a whole list raises KeyError; a non-str path TypeError."""
    film = wikifilm.extract(seed_text)
    assert film.gross is None and film.source_of("gross") is None  # "Gross: million" has no amount
    assert film.source_of("countries[5]") is None
    with pytest.raises(KeyError, match="runtime"):
        film.source_of("runtime")
    with pytest.raises(KeyError, match=r"countries\[0\]"):
        film.source_of("countries")
    with pytest.raises(TypeError, match="source_of"):
        film.source_of(3)  # type: ignore[arg-type]


def test_plaintext_title_provenance(seed_text: str) -> None:
    """The plain-text seed's title is its infobox's first line ("Escape"), read as infobox-title."""
    film = wikifilm.extract(seed_text)
    title = film.source_of("title")
    assert title is not None and title.method == "infobox-title" and title.span is not None
    assert seed_text[title.span.start : title.span.end] == "Escape"
    runtime = film.source_of("runtime_minutes")
    assert runtime is not None and runtime.span is not None and seed_text[runtime.span.start : runtime.span.end] == "94 minutes"


def test_page_title_provenance_has_no_span() -> None:
    """A title taken from the page title has that title as raw text, no span, method page-title."""
    film = wikifilm.extract("'''Heat''' is a film.\n", title="Heat (1995 film)")
    assert film.title == "Heat"
    assert film.source_of("title") == Provenance("Heat (1995 film)", None, "page-title")


def test_to_dict_reads_the_plain_values(barry: Film) -> None:
    """The JSON record carries the same values as the attributes."""
    record = barry.to_dict()
    assert (record["title"], record["runtime_minutes"], record["countries"], record["plot"]) == (
        barry.title, barry.runtime_minutes, list(barry.countries), barry.plot,
    )
