"""The worker pool: films in order, a poisoned page becomes an ErrorRecord and the run goes on."""

from __future__ import annotations

import os
from pathlib import Path

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

    monkeypatch.setattr(pool, "extract", poisoned)  # inherited by the forked worker
    results = list(extract_pages(pages(), workers=1, start_method="fork"))
    errors = [result for result in results if isinstance(result, ErrorRecord)]
    assert [(error.title, error.error_type, error.message) for error in errors] == [("Barry Lyndon", "RuntimeError", "boom")]
    assert sum(isinstance(result, Film) for result in results) == 3


def test_a_page_that_hangs_is_stopped_by_the_parent_and_the_rest_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page past its limit (here: a sleep no signal interrupts) is a WF902 record; every other page of its chunk is a Film."""
    import time

    real = pool.extract

    def hanging(text: str, **kwargs: object) -> Film:
        if "Kubrick" in text:
            time.sleep(60)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pool, "extract", hanging)
    started = time.monotonic()
    results = list(extract_pages(pages(), workers=1, chunksize=4, timeout=1.0, start_method="fork"))
    assert time.monotonic() - started < 30
    assert [type(result).__name__ for result in results] == ["Film", "ErrorRecord", "Film", "Film"]
    hung = results[1]
    assert isinstance(hung, ErrorRecord) and (hung.code, hung.error_type, hung.title, hung.page_id) == ("WF902", "Timeout", "Barry Lyndon", 1)


def test_extract_page_installs_no_signal_handler() -> None:
    """extract_page runs in the caller's process without touching its signal handlers."""
    import signal

    before = {signum: signal.getsignal(signum) for signum in (signal.SIGALRM, signal.SIGTERM, signal.SIGINT)}
    assert isinstance(extract_page(pages()[0]), Film)
    assert {signum: signal.getsignal(signum) for signum in before} == before


def test_extract_pages_runs_from_a_thread() -> None:
    """Called from a thread other than the main one, extract_pages gives every page's Film (no signal is involved)."""
    import threading

    out: list[object] = []
    thread = threading.Thread(target=lambda: out.extend(extract_pages(pages()[:2], workers=1)))
    thread.start()
    thread.join(120)
    assert [result.title for result in out if isinstance(result, Film)] == ["Actresses", "Barry Lyndon"]


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_every_start_method_extracts_every_page(method: str) -> None:
    """fork, spawn and forkserver each give both films, in order, with 2 workers."""
    results = list(extract_pages(pages()[:2], workers=2, chunksize=1, start_method=method))
    assert [(result.page_id, result.title) for result in results if isinstance(result, Film)] == [(0, "Actresses"), (1, "Barry Lyndon")]


def test_spawn_without_a_main_guard_fails_clearly(tmp_path: Path) -> None:
    """The README's example under spawn, as a script without `if __name__ == "__main__":`: a clear error, not silent WorkerDied records."""
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(
        "import wikifilm\n"
        "pages = [wikifilm.Page(title='A', text='{{Infobox film|name=A}}')]\n"
        "print(list(wikifilm.extract_pages(pages, workers=1, start_method='spawn')))\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(Path(pool.__file__).parents[2])}
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=env, check=False)
    assert result.returncode != 0
    assert "WorkerStartError" in result.stderr and "__main__" in result.stderr


def test_a_twenty_megabyte_page_is_extracted_within_limits() -> None:
    """A 20 MB page (a real article repeated) gives a record or an error record, not a crash."""
    text = article_text("Ghostbusters_II") * 134
    assert len(text) > 20_000_000
    result = next(extract_pages([Page(title="Huge", text=text)], workers=1, timeout=120))
    assert isinstance(result, Film | ErrorRecord)


@pytest.mark.parametrize("chunksize", [1, 4])
def test_a_worker_that_dies_costs_only_its_page(monkeypatch: pytest.MonkeyPatch, chunksize: int) -> None:
    """A worker process killed mid-page (here: os._exit) gives one WF903 record for that page; every other page is a Film."""
    real = pool.extract

    def fatal(text: str, **kwargs: object) -> Film:
        if "Kubrick" in text:
            os._exit(1)
        return real(text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pool, "extract", fatal)  # inherited by the forked workers
    results = list(extract_pages(pages(), workers=2, chunksize=chunksize, start_method="fork"))
    assert len(results) == 4
    died = [result for result in results if isinstance(result, ErrorRecord)]
    assert [(result.title, result.error_type, result.code) for result in died] == [("Barry Lyndon", "WorkerDied", "WF903")]
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
