"""The cheap film filter: film infoboxes under any spelling, nothing else."""

from __future__ import annotations

import pytest

from tests.conftest import ARTICLES, SEED
from wikifilm.batch.filter import film_evidence, is_film_article
from wikifilm.readers.detect import read


@pytest.mark.parametrize("text", [
    "{{Infobox film\n| name = X\n}}", "{{infobox film|name=X}}", "{{Infobox_Film}}", "{{ Infobox movie\n}}",
    "{{<!-- a long comment before the name, as some articles have -->Infobox film\n}}", "{{Template:Infobox film}}",
    "{{INFOBOX FILM}}", "{{InfoBox film|name=X}}", "{{Infobox feature film|name=X}}", "{{infobox films}}",
    "{{Infobox film <!-- a comment -->|name=X}}",
])
def test_film_infobox_spellings_pass(text: str) -> None:
    """Every spelling of the film infobox."""
    assert is_film_article("Intro.\n" + text)


@pytest.mark.parametrize("text", [
    "{{Infobox film awards\n| name = X\n}}", "{{Infobox film festival|name=X}}", "{{Infobox television\n}}",
    "{{Infobox person}}", "A film about an infobox film.", "",
])
def test_other_pages_are_held_back(text: str) -> None:
    """Award ceremonies, festivals, television, people and prose."""
    assert not is_film_article(text)


def test_filter_agrees_with_the_reader_on_the_corpus() -> None:
    """On every corpus article and the seed, the filter says film exactly when the reader finds a film infobox."""
    for path in [*ARTICLES, SEED]:
        text = path.read_text(encoding="utf-8")
        evidence = film_evidence(text)
        assert (evidence is not None and evidence.kind != "category") == (read(text).infobox is not None), path.name


@pytest.mark.parametrize(("text", "kind"), [
    ("{{InfoBox film|name=X}}", "infobox"),
    ("Stub.\n\n[[Category:2012 films]]", "category"),
    ("Stub.\n[[Category:1990s drama films|Actrius]]", "category"),
    ("Stub.\n[[Category:Films directed by Ventura Pons]]", "category"),
])
def test_film_evidence_says_why(text: str, kind: str) -> None:
    """An infobox under the reader's spellings, or (no infobox) a category only films carry."""
    from wikifilm.batch.filter import film_evidence

    evidence = film_evidence(text)
    assert evidence is not None and evidence.kind == kind


@pytest.mark.parametrize("text", [
    "[[Category:2012 television films]]", "[[Category:American film series]]", "[[Category:Film series introduced in 2000]]",
    "[[Category:American film directors]]", "[[Category:Television shows filmed in Georgia (U.S. state)]]",
    "[[Category:Horror films by series]]", "[[Category:American film awards]]",
])
def test_categories_of_other_pages_are_not_films(text: str) -> None:
    """Television films, film series, people and awards carry film-ish categories that are not films-by-year."""
    assert not is_film_article("Prose.\n" + text)


def test_a_page_taken_by_its_category_says_so() -> None:
    """A film stub with no infobox but [[Category:2012 films]] is extracted, with WF207 pointing at the category."""
    from wikifilm.batch.pages import Page
    from wikifilm.batch.pool import extract_page
    from wikifilm.record import Film

    text = "'''Stub''' is a 2012 film.\n\n[[Category:2012 films]]\n"
    film = extract_page(Page(title="Stub", text=text))
    assert isinstance(film, Film)
    [note] = [diagnostic for diagnostic in film.diagnostics if diagnostic.code == "WF207"]
    assert note.span is not None and text[note.span.start : note.span.end] == "[[Category:2012 films]]"


@pytest.mark.parametrize("text", ["{{<!--" * 7000, "[[Category:" + "films " * 20000, "ilms" * 20000, "{{ " * 20000])
def test_the_recogniser_stays_linear_on_unclosed_markup(text: str) -> None:
    """Unclosed comments after braces, an unclosed category link, many near-misses: no film, and no quadratic scan."""
    import time

    started = time.process_time()
    assert film_evidence(text) is None
    assert time.process_time() - started < 2.0  # about 0.2 s here; quadratic would be minutes
