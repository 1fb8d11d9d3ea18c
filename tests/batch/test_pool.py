"""The worker pool: films in order, a poisoned page becomes an ErrorRecord and the run goes on."""

from __future__ import annotations

import pytest

import wikifilm.batch.pool as pool
from tests.conftest import article_text
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.batch.pool import extract_page, extract_pages
from wikifilm.record import Film


def pages() -> list[Page]:
    return [Page(title=stem.replace("_", " "), text=article_text(stem), page_id=index)
            for index, stem in enumerate(["Actrius", "Barry_Lyndon", "Evil_Dead_II", "Kadavul"])]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_in_input_order(workers: int) -> None:
    """Every page gives a Film, in input order, with its page id."""
    results = list(extract_pages(pages(), workers=workers, chunksize=1))
    assert [result.page_id for result in results if isinstance(result, Film)] == [0, 1, 2, 3]
    assert [result.title for result in results if isinstance(result, Film)] == ["Actresses", "Barry Lyndon", "Evil Dead II", "Kadavul"]


def test_a_page_that_raises_becomes_an_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug on one page is an ErrorRecord naming the exception; the pages after it are extracted."""
    real = pool.extract

    def poisoned(text: str, **kwargs: object) -> Film:
        if "Kubrick" in text:
            raise RuntimeError("boom")
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pool, "extract", poisoned)
    results = list(extract_pages(pages(), workers=1))
    errors = [result for result in results if isinstance(result, ErrorRecord)]
    assert [(error.title, error.error_type, error.message) for error in errors] == [("Barry Lyndon", "RuntimeError", "boom")]
    assert sum(isinstance(result, Film) for result in results) == 3


def test_a_page_past_its_time_limit_becomes_an_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page that runs too long is cut off with WF902."""
    import time

    def slow(text: str, **_kwargs: object) -> Film:
        time.sleep(5)
        raise AssertionError("not reached")

    monkeypatch.setattr(pool, "extract", slow)
    result = extract_page(Page(title="Slow", text="x"), timeout=0.2)
    assert isinstance(result, ErrorRecord) and result.code == "WF902" and result.error_type == "Timeout"


def test_a_twenty_megabyte_page_is_extracted_within_limits() -> None:
    """A 20 MB page (a real article repeated) gives a record or an error record, not a crash."""
    text = article_text("Ghostbusters_II") * 134
    assert len(text) > 20_000_000
    result = extract_page(Page(title="Huge", text=text), timeout=120)
    assert isinstance(result, Film | ErrorRecord)


def test_a_worker_that_dies_costs_only_its_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process killed mid-page (here: os._exit) gives WorkerDied records for its chunk; the rest goes on."""
    import os

    real = pool.extract

    def fatal(text: str, **kwargs: object) -> Film:
        if "Kubrick" in text:
            os._exit(1)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pool, "extract", fatal)  # inherited by the forked workers
    results = list(extract_pages(pages(), workers=2, chunksize=1))
    assert len(results) == 4
    died = [result for result in results if isinstance(result, ErrorRecord)]
    assert [result.title for result in died] == ["Barry Lyndon"] and died[0].error_type == "WorkerDied"
    assert [result.page_id for result in results if isinstance(result, Film)] == [0, 2, 3]


def test_films_only_by_default_as_the_command_does() -> None:
    """The sample's television series and person are skipped, as `wikifilm extract` skips them; films_only=False keeps them."""
    from wikifilm.batch.dumps import iter_pages
    from wikifilm.batch.sample import sample_dump

    films = list(extract_pages(iter_pages(sample_dump()), workers=1))
    assert [film.page_title for film in films if isinstance(film, Film)] == [
        "Actrius", "Barry Lyndon", "K.G.F: Chapter 1", "My Neighbor Totoro", "Rush (2013 film)", "Evil Dead II",
        "Hum Saath-Saath Hain", "The Castle of Cagliostro", "Seven Brides for Seven Brothers", "Baadshaho",
    ]
    every = list(extract_pages(iter_pages(sample_dump()), workers=1, films_only=False))
    assert [result.page_title for result in every if isinstance(result, Film)][-2:] == ["Matlock (TV series)", "Werner Herzog"]
