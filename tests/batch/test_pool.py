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
    from wikifilm.extract import extract as real

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

    from wikifilm.extract import extract as real

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
    from wikifilm.extract import extract as real

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


def small_film_xml(title: str, page_id: int, marker: str = "") -> bytes:
    """The XML of a small film page (a film infobox and a lead); ``marker`` goes into its text."""
    text = f"{{{{Infobox film\n| name = {title}\n| director = Jane Doe\n}}}}\n'''{title}''' is a film. {marker}\n"
    return (f"<page><title>{title}</title><ns>0</ns><id>{page_id}</id><revision><id>{page_id * 10}</id>"
            f"<text>{text}</text></revision></page>\n").encode()


@pytest.mark.parametrize("fault", ["hang", "die"])
def test_a_page_that_hangs_or_kills_its_worker_before_extraction(monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    """The film filter hangs or dies on one page of a piece (outside extraction): a WF902/WF903 record with its id, the
    time limit covering it, and every other page of the piece written."""
    import time

    from wikifilm.readers.film_article import film_evidence as real

    def hostile(text: str) -> object:
        if "POISON" in text:
            if fault == "hang":
                time.sleep(60)
            os._exit(9)
        return real(text)

    monkeypatch.setattr(pool, "film_evidence", hostile)  # inherited by the forked worker
    xml = small_film_xml("One", 1) + small_film_xml("Two", 2, "POISON") + small_film_xml("Three", 3)
    started = time.monotonic()
    parts = list(pool.extract_xml_pieces("d.xml", [(100, xml)], workers=1, timeout=1.0, start_method="fork"))
    assert time.monotonic() - started < 30
    [(results, counts)] = parts
    assert [(type(result).__name__, result.page_id) for result in results] == [("Film", 1), ("ErrorRecord", 2), ("Film", 3)]
    error = results[1]
    assert isinstance(error, ErrorRecord) and error.source == "d.xml@100"
    assert (error.code, error.error_type) == (("WF902", "Timeout") if fault == "hang" else ("WF903", "WorkerDied"))
    assert counts[0] == 3  # every page read is counted, the poisoned one too


@pytest.mark.parametrize("stuck_last", [False, True])
def test_a_page_whose_xml_hangs_its_reader_is_cut_out_and_the_rest_read(monkeypatch: pytest.MonkeyPatch, stuck_last: bool) -> None:
    """Reading a piece's XML runs under the time limit too (expat before 2.6 takes quadratic time on a tag of many
    megabytes). The page whose XML the reader was inside becomes a WF902 record with its id, title and byte offset,
    and every other page is read: those expat finished in the same read (1 MiB) as the stuck one, those after it in
    the piece, and the next piece; the pages read are all counted."""
    import time

    import wikifilm.batch.dumps as dumps

    real_end = dumps._PageBuilder.end

    def slow_end(self: dumps._PageBuilder, name: str) -> None:
        if name == "page" and self.fields is not None and self.fields.get("title") == "Stuck &":
            time.sleep(60)
        real_end(self, name)

    monkeypatch.setattr(dumps._PageBuilder, "end", slow_end)
    big = b"<page><title>Big</title><ns>0</ns><id>5</id><revision><id>50</id><text>" + b"x" * (1 << 20) + b"</text></revision></page>\n"
    before = small_film_xml("One", 1) + big + small_film_xml("Two", 6)
    stuck = small_film_xml("Stuck &amp;", 2)
    first = before + stuck + (b"" if stuck_last else small_film_xml("Three", 3))
    pieces = [(100, first), (100 + len(first), small_film_xml("Four", 4))]
    started = time.monotonic()
    parts = list(pool.extract_xml_pieces("d.xml", pieces, workers=1, timeout=1.0, start_method="fork"))
    assert time.monotonic() - started < 30
    results = [result for part, _counts in parts for result in part]
    expected = [("Film", 1), ("Film", 6), ("ErrorRecord", 2), *([] if stuck_last else [("Film", 3)]), ("Film", 4)]
    assert [(type(result).__name__, result.page_id) for result in results] == expected
    error = results[2]
    assert isinstance(error, ErrorRecord)
    assert (error.code, error.error_type, error.title, error.source) == ("WF902", "Timeout", "Stuck &", f"d.xml@{100 + len(before)}")
    assert parts[0][1][0] == (3 if stuck_last else 4)  # One, Big, Two (and Three) read and counted; the stuck page was not read


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_pieces_pass_over_pages_already_written_under_every_start_method(method: str) -> None:
    """The keys to pass over (``--resume``) and the progress note reach workers however they start: the page already
    written is counted as passed over, the others are extracted."""
    xml = small_film_xml("One", 1) + small_film_xml("Two", 2) + small_film_xml("Three", 3)
    [(results, counts)] = list(pool.extract_xml_pieces("d.xml", [(0, xml)], workers=1, start_method=method, skip={"id:2"}))
    assert [(type(result).__name__, result.page_id) for result in results] == [("Film", 1), ("Film", 3)]
    assert (counts[0], counts[5]) == (3, 1)
