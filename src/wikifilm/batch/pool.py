"""Extracting many pages across all cores: a Film or an ErrorRecord per page, never a crashed run.

Pages go to a process pool in chunks, with a bounded number of chunks in flight (flat
memory). In a worker, each page has a time limit (SIGALRM) and the process a memory limit
(RLIMIT_AS), so a runaway page becomes an ErrorRecord; a worker that dies takes only its
chunk with it, as error records, and the pool is rebuilt.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from types import FrameType

from wikifilm.batch.filter import is_film_article
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.extract import extract
from wikifilm.record import Film

Result = Film | ErrorRecord

DEFAULT_TIMEOUT = 60.0
"""Seconds one page may take."""
DEFAULT_MEMORY_LIMIT = 3 * 1024**3
"""Bytes of address space one worker may use."""


class PageTimeoutError(Exception):
    """A page ran past its time limit."""


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise PageTimeoutError


def _init_worker(memory_limit: int | None) -> None:
    """Worker start: ignore Ctrl-C (the parent handles it), cap memory."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_limit and sys.platform.startswith("linux"):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))


def extract_page(page: Page, timeout: float | None = DEFAULT_TIMEOUT) -> Result:
    """One page's Film, or an ErrorRecord saying why there is none."""
    use_alarm = bool(timeout) and hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, float(timeout or 0))
    try:
        return extract(page.text, title=page.title, page_id=page.page_id, revision_id=page.revision_id)
    except PageTimeoutError:
        return ErrorRecord(page.page_id, page.title, "Timeout", f"extraction ran past {timeout} s; skipped", "WF902")
    except MemoryError:
        return ErrorRecord(page.page_id, page.title, "MemoryError", "extraction ran out of memory; skipped")
    except Exception as error:  # a bug on one page must not stop the run
        return ErrorRecord(page.page_id, page.title, type(error).__name__, str(error)[:500])
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _extract_chunk(pages: list[Page], timeout: float | None) -> list[Result]:
    return [extract_page(page, timeout) for page in pages]


def extract_pages(
    pages: Iterable[Page],
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    chunksize: int = 16,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    films_only: bool = True,
) -> Iterator[Result]:
    """A Film or ErrorRecord for every film page, in input order, on ``workers`` processes (default: all cores).

    Pages without a film infobox (television series, people, lists) are skipped, as ``wikifilm
    extract`` skips them; ``films_only=False`` extracts every page. ``workers=1`` runs in this
    process (no pool), still with the per-page time limit.
    """
    if films_only:
        pages = (page for page in pages if is_film_article(page.text))
    workers = workers or os.cpu_count() or 1
    if workers <= 1:
        for page in pages:
            yield extract_page(page, timeout)
        return
    remaining = iter(pages)
    chunks = iter(lambda: list(islice(remaining, chunksize)), [])
    in_flight: deque[tuple[list[Page], Future[list[Result]]]] = deque()
    executor = _new_pool(workers, memory_limit)
    try:
        for chunk in chunks:
            in_flight.append((chunk, executor.submit(_extract_chunk, chunk, timeout)))
            while len(in_flight) >= workers * 4:
                executor = yield from _drain_one(in_flight, executor, workers, timeout, memory_limit)
        while in_flight:
            executor = yield from _drain_one(in_flight, executor, workers, timeout, memory_limit)
    finally:
        for _chunk, future in in_flight:
            future.cancel()
        executor.shutdown(wait=False, cancel_futures=True)


def _new_pool(workers: int, memory_limit: int | None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(memory_limit,))


def _drain_one(
    in_flight: deque[tuple[list[Page], Future[list[Result]]]],
    executor: ProcessPoolExecutor,
    workers: int,
    timeout: float | None,
    memory_limit: int | None,
) -> Generator[Result, None, ProcessPoolExecutor]:
    """Yield the oldest chunk's results. When a worker dies, the pool is lost with every chunk in it:
    the oldest chunk is run again alone on a fresh pool (the dead worker may have been running
    another one); if it kills that pool too, it is the culprit and becomes error records. The
    other chunks are resubmitted, and a culprit among them is found the same way in its turn."""
    chunk, future = in_flight.popleft()
    try:
        yield from future.result()
        return executor
    except BrokenProcessPool:
        pass
    executor.shutdown(wait=False, cancel_futures=True)
    fresh = _new_pool(workers, memory_limit)
    try:
        results = fresh.submit(_extract_chunk, chunk, timeout).result()
    except BrokenProcessPool:
        fresh.shutdown(wait=False, cancel_futures=True)
        fresh = _new_pool(workers, memory_limit)
        results = [ErrorRecord(page.page_id, page.title, "WorkerDied", "the worker process died while extracting this page's chunk") for page in chunk]
    yield from results
    pending = [pages for pages, _old in in_flight]
    in_flight.clear()
    for pages in pending:
        in_flight.append((pages, fresh.submit(_extract_chunk, pages, timeout)))
    return fresh


def _extract_block(dump: str, offset: int, length: int, timeout: float | None, all_pages: bool) -> tuple[list[Result], list[int]]:
    """A worker's job on a multistream dump: decompress one block, filter, extract; also return its counts."""
    from wikifilm.batch.dumps import pages_in_block
    from wikifilm.batch.filter import is_film_article

    results: list[Result] = []
    read = redirects = other = not_films = 0
    for page in pages_in_block(dump, offset, length):
        read += 1
        if page.namespace != 0:
            other += 1
        elif page.redirect is not None:
            redirects += 1
        elif not all_pages and not is_film_article(page.text):
            not_films += 1
        else:
            results.append(extract_page(page, timeout))
    return results, [read, redirects, other, not_films]


def extract_blocks(
    dump: str,
    blocks: Iterable[tuple[int, int]],
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    all_pages: bool = False,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
) -> Iterator[tuple[list[Result], list[int]]]:
    """Per block of a multistream dump, in order: its results and ``[pages, redirects, other namespaces, not films]``.

    Workers read and decompress their own blocks, so decompression runs on every core.
    """
    workers = workers or os.cpu_count() or 1
    if workers <= 1:
        for offset, length in blocks:
            yield _extract_block(dump, offset, length, timeout, all_pages)
        return
    in_flight: deque[Future[tuple[list[Result], list[int]]]] = deque()
    with _new_pool(workers, memory_limit) as executor:
        for offset, length in blocks:
            in_flight.append(executor.submit(_extract_block, dump, offset, length, timeout, all_pages))
            while len(in_flight) >= workers * 3:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
