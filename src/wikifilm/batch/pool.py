"""Extracting many pages across all cores: a Film or an ErrorRecord per page, never a crashed run.

Work goes to worker processes one task at a time: a chunk of pages, or one block of a multistream
dump that the worker decompresses itself. A worker says which page it starts and sends each
page's result as soon as it has it, and notes in shared memory which page of a dump it is reading
or filtering, so the parent always knows what every worker is on. The parent enforces the
per-page time limit, which covers reading the page's XML, filtering and extraction together, by
killing a worker that runs past it, and a worker that dies (a crash, the memory limit) costs
only the page it was on: that page becomes an ErrorRecord and the rest of the task goes to a
fresh worker. No signal handler is installed in
the caller's process, so this runs from any thread, under the ``fork``, ``spawn`` and
``forkserver`` start methods.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from itertools import islice
from multiprocessing.connection import Connection, wait
from typing import Any

import attrs

from wikifilm.batch.dumps import page_identity, pages_in_block, pages_in_xml
from wikifilm.batch.filter import is_film_article
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.diagnostics import Diagnostic
from wikifilm.errors import DumpError
from wikifilm.extract import extract
from wikifilm.readers.film_article import film_category, film_evidence
from wikifilm.record import Film

Result = Film | ErrorRecord

DEFAULT_TIMEOUT = 60.0
"""Seconds one page may take."""
DEFAULT_MEMORY_LIMIT = 3 * 1024**3
"""Bytes of address space one worker may use."""
_POLL = 1.0
"""Longest wait, in seconds, between two looks at the workers' clocks."""


class WorkerStartError(RuntimeError):
    """Worker processes died before taking any work: nothing could be extracted."""


def extract_page(page: Page) -> Result:
    """One page's Film, or an ErrorRecord saying why there is none (in this process, without a time limit).

    A page with no film infobox but with a film-only category gets ``WF207`` saying so.
    """
    try:
        film = extract(page.text, title=page.title, page_id=page.page_id, revision_id=page.revision_id)
    except MemoryError:
        return ErrorRecord(page.page_id, page.title, "MemoryError", "extraction ran out of memory; skipped", source=page.source)
    except Exception as error:  # a bug on one page must not stop the run
        return ErrorRecord(page.page_id, page.title, type(error).__name__, str(error)[:500], source=page.source)
    if any(diagnostic.code == "WF201" for diagnostic in film.diagnostics):
        category = film_category(page.text)
        if category is not None:
            note = Diagnostic("WF207", f"no film infobox; taken as a film from its category {category[1]!r}", category[0])
            film = attrs.evolve(film, diagnostics=(*film.diagnostics, note))
    return film


# --- what workers run ------------------------------------------------------------------


@attrs.define
class _Task:
    """One unit of work and what came of it so far; a retry starts at ``start``."""

    number: int
    pages: list[Page] | None = None
    """A chunk of pages, or None for a piece of a dump."""
    piece: tuple[str, int, int | bytes, bool] | None = None
    """``(dump, offset, length, all_pages)`` of a multistream block, or ``(dump, offset, xml, all_pages)``
    for whole pages of a dump's XML."""
    start: int = 0
    """Position (in the chunk or the piece) of the first page not yet done."""
    poisoned: list[int] = attrs.field(factory=list)
    """Positions of pages of a piece that hung or killed a worker before their extraction: not filtered again."""
    rest: list[tuple[list[Result], int, bytes]] = attrs.field(factory=list)
    """The parts of a piece still to read after ``piece``, each as ``(records before it, offset, xml)``: a page
    whose XML hung its reader is cut out, ``piece`` becomes the XML before it, and the page's record and
    the XML after it follow."""
    results: list[Result] = attrs.field(factory=list)
    counts: list[int] = attrs.field(factory=lambda: [0] * _COUNTS)
    """For a piece of a dump: pages, redirects, other namespaces, not films, films found by category, pages skipped
    because an earlier run wrote them (``--resume``)."""
    done: bool = False
    retries: int = 0

    @property
    def source(self) -> str | None:
        return f"{self.piece[0]}@{self.piece[1]}" if self.piece else None

    def message(self) -> tuple[Any, ...]:
        if self.pages is not None:
            return ("pages", self.pages[self.start :], self.start, ())
        return ("piece", self.piece, self.start, tuple(self.poisoned))


_COUNTS = 6
"""How many counts a piece of a dump returns (see :attr:`_Task.counts`)."""
_READING, _FILTERING = 0, 1
"""What a worker notes it is doing on a piece of a dump, in ``progress[1]`` (``progress[0]`` is the page's position,
``progress[2]`` its id or -1, ``progress[3]`` the offset of the ``<page>`` the XML reader is inside, or -1):
reading the XML after that page, or filtering that page."""
_PROGRESS = 4
"""How many numbers a worker's progress note holds."""


def _piece_pages(
    piece: tuple[str, int, int | bytes, bool], counts: list[int], skip: Collection[str] = (),
    poisoned: Collection[int] = (), progress: Any = None,
) -> Iterator[tuple[int, Page | ErrorRecord]]:
    """Pages of a piece of a dump to extract, with their positions; everything read is counted, even below ``start``.

    Pages whose key is in ``skip`` (written by an earlier run) are counted and passed over, and so
    are the ``poisoned`` positions (they hung or killed a worker). ``progress``, when given, is kept
    saying which page is being read or filtered, for the parent to name it if the worker stops.
    """
    progress = progress if progress is not None else [0] * _PROGRESS
    progress[0], progress[1], progress[2], progress[3] = -1, _READING, -1, -1

    def reached(page_offset: int) -> None:
        progress[3] = page_offset

    dump, offset, content, all_pages = piece
    pages = pages_in_xml(dump, offset, content, reached) if isinstance(content, bytes) else pages_in_block(dump, offset, content)
    for position, page in enumerate(pages):
        if isinstance(page, ErrorRecord):
            progress[0], progress[2] = position, -1
            yield position, page
            continue
        progress[0], progress[1], progress[2] = position, _FILTERING, page.page_id if page.page_id is not None else -1
        counts[0] += 1
        if position in poisoned:
            progress[1] = _READING
            continue
        if page.namespace != 0:
            counts[2] += 1
        elif page.redirect is not None:
            counts[1] += 1
        elif page.key in skip:
            counts[5] += 1
        elif all_pages:
            yield position, page
        elif (evidence := film_evidence(page.text)) is None:
            counts[3] += 1
        else:
            counts[4] += evidence.kind == "category"
            progress[1] = _READING
            yield position, page
        progress[1] = _READING


_PARENT_POLL = 1.0
"""Seconds between a worker's checks that the process that started it is still alive."""


def _exit_with_parent() -> None:
    """Make this worker exit when the process that started it dies. A run killed with SIGKILL
    cannot tell its workers; and a worker forked beside others holds copies of their pipes, so
    it never sees its own pipe close. Without this, each killed run left its workers asleep
    forever."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="wikifilm-parent-watch", daemon=True).start()


def _worker_main(conn: Connection, memory_limit: int | None, skip: Collection[str] = (), progress: Any = None) -> None:
    """A worker: take a task, say which page starts, send each result, say when the task is done.

    Pages of a dump whose key is in ``skip`` are passed over (``--resume``); ``progress`` (shared
    memory) says which page of a dump is being read or filtered.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # this is our own process; Ctrl-C is the parent's to handle
    _exit_with_parent()
    if memory_limit and sys.platform.startswith("linux"):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    conn.send(("ready",))
    while True:
        task = conn.recv()
        if task is None:
            return
        kind, payload, start, poisoned = task
        counts = [0] * _COUNTS
        try:
            items = enumerate(payload, start) if kind == "pages" else _piece_pages(payload, counts, skip, poisoned, progress)
            for position, page in items:
                if position < start:
                    continue
                if isinstance(page, ErrorRecord):
                    conn.send(("result", position, page))
                    continue
                conn.send(("start", position, page.page_id, page.title))
                conn.send(("result", position, extract_page(page)))
        except DumpError as error:
            dump, offset = payload[0], payload[1]
            conn.send(("failed", ErrorRecord(None, None, "DumpError", error.reason, "WF904", source=f"{dump}@{offset}")))
        conn.send(("done", counts))


# --- the parent's side -----------------------------------------------------------------


@attrs.define
class _Worker:
    process: Any
    conn: Connection
    progress: Any
    """Shared with the worker: the position of the page of a dump it reads or filters, what it does, the page id."""
    ready: bool = False
    task: _Task | None = None
    page: tuple[int, int | None, str | None] | None = None
    """Position, page id and title of the page being extracted."""
    started: float = 0.0
    """When the work on the current page began: the task was handed out, or the last page's result came."""


class _Pool:
    """Worker processes, the tasks they hold, and the rules for a worker that dies or runs too long."""

    def __init__(
        self, workers: int, timeout: float | None, memory_limit: int | None, start_method: str | None, skip: Collection[str] = ()
    ) -> None:
        self.context: Any = multiprocessing.get_context(start_method)
        self.timeout = timeout
        self.memory_limit = memory_limit
        self.skip = frozenset(skip)
        self.retry: deque[_Task] = deque()
        self.workers = [self._start() for _ in range(workers)]

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        progress = self.context.RawArray("q", _PROGRESS)
        process = self.context.Process(target=_worker_main, args=(child, self.memory_limit, self.skip, progress), daemon=True,
                                       name="wikifilm-worker")
        process.start()
        child.close()
        return _Worker(process, parent, progress)

    def idle(self) -> list[_Worker]:
        return [worker for worker in self.workers if worker.ready and worker.task is None]

    def give(self, worker: _Worker, task: _Task) -> None:
        worker.progress[0], worker.progress[1], worker.progress[2] = -1, _READING, -1  # nothing of this task read yet
        try:
            worker.conn.send(task.message())
        except OSError:  # it died since it last spoke: the task waits for another, step() replaces this one
            self.retry.appendleft(task)
            return
        worker.task, worker.page, worker.started = task, None, time.monotonic()

    def step(self) -> None:
        """Wait for news from the workers (at most until the next page deadline) and act on it."""
        now = time.monotonic()
        deadlines = [worker.started + self.timeout for worker in self.workers if self.timeout and worker.task is not None]
        pause = max(0.0, min([_POLL, *(deadline - now for deadline in deadlines)]))
        handles: list[Any] = [worker.conn for worker in self.workers] + [worker.process.sentinel for worker in self.workers]
        ready = set(wait(handles, timeout=pause))
        for index, worker in enumerate(self.workers):
            alive = self._read(worker) if worker.conn in ready else True
            if worker.process.sentinel in ready or not alive:
                self._read(worker)
                self.workers[index] = self._replace(worker, "WorkerDied")
            elif self.timeout and worker.task is not None and time.monotonic() - worker.started > self.timeout:
                self.workers[index] = self._replace(worker, "Timeout")

    def _read(self, worker: _Worker) -> bool:
        """Handle every message waiting from a worker; False when its pipe is closed."""
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                kind = message[0]
                task = worker.task
                if kind == "ready":
                    worker.ready = True
                elif task is None:
                    continue
                elif kind == "start":  # the clock keeps running: it covers reading, filtering and extraction
                    worker.page = message[1:]
                elif kind == "result":
                    task.results.append(message[2])
                    task.start, worker.page, worker.started = message[1] + 1, None, time.monotonic()
                elif kind == "failed":
                    task.results.append(message[1])
                elif kind == "done":
                    self._finish(task, message[1])
                    worker.task = worker.page = None
        except (EOFError, OSError):
            return False
        return True

    def _replace(self, worker: _Worker, cause: str) -> _Worker:
        """Stop a worker that died or ran too long, turn its page into an ErrorRecord, requeue the rest of its task."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        if not worker.ready:
            raise WorkerStartError(
                f"a worker process exited with code {worker.process.exitcode} before taking any work. Under the "
                f"'{self.context.get_start_method()}' start method the calling script must guard its entry point "
                "with `if __name__ == \"__main__\":` (see the README), or the workers re-run it on start"
            )
        task = worker.task
        if task is not None:
            if worker.page is not None:
                position, page_id, title = worker.page
                source = task.source or (task.pages[position].source if task.pages else None)
                if cause == "Timeout":
                    record = ErrorRecord(page_id, title, "Timeout", f"reading and extracting this page ran past {self.timeout} s; "
                                         "the worker was stopped", "WF902", source)
                else:
                    record = ErrorRecord(page_id, title, "WorkerDied", f"the worker process died (exit code {worker.process.exitcode}) while extracting this page", "WF903", source)
                task.results.append(record)
                task.start = position + 1
            elif task.piece is not None and worker.progress[1] == _FILTERING:  # stopped on a page before its extraction
                position, page_id = worker.progress[0], worker.progress[2]
                doing = f"ran past {self.timeout} s" if cause == "Timeout" else f"killed the worker (exit code {worker.process.exitcode})"
                task.results.append(ErrorRecord(page_id if page_id >= 0 else None, None, cause, f"reading and filtering this page {doing}; "
                                                "the worker was stopped and the rest of its part of the dump read on a fresh one",
                                                "WF902" if cause == "Timeout" else "WF903", task.source))
                task.poisoned.append(position)
            elif task.piece is not None and cause == "Timeout" and self._cut_out_hung_page(task, worker.progress[3]):
                pass  # the page whose XML hung is cut out; the XML before and after it is read again by a fresh worker
            elif task.piece is not None and cause == "Timeout":  # the XML itself: it would hang the next worker the same way
                after = worker.progress[0]
                where = f"after its page at position {after}" if after >= 0 else "from its start"
                task.results.append(ErrorRecord(None, None, "Timeout", f"reading the XML of this part of the dump {where} ran past "
                                                f"{self.timeout} s; the worker was stopped and the rest of this part is not read",
                                                "WF902", task.source))
                task.done = True
            else:
                task.retries += 1
                if task.retries > 1 and cause == "Timeout":  # twice stuck outside any page
                    task.results.append(ErrorRecord(None, None, "Timeout", f"the worker ran past {self.timeout} s twice between two "
                                                    "pages of this task; the rest of it is not extracted", "WF902", task.source))
                    task.done = True
                elif task.retries > 1:  # it died twice outside any page: reading the task itself kills it
                    task.results.append(ErrorRecord(None, None, "WorkerDied", f"the worker process died twice (exit code {worker.process.exitcode}) reading this part of the dump", "WF903", task.source))
                    task.done = True
            if not task.done:
                self.retry.append(task)
        return self._start()

    def _finish(self, task: _Task, counts: list[int]) -> None:
        """A worker read the whole of ``task.piece`` (or its chunk): add its counts, then read what is left of the piece."""
        task.counts = [before + now for before, now in zip(task.counts, counts, strict=True)]
        while task.rest:
            records, offset, xml = task.rest.pop(0)
            task.results += records
            if xml:
                assert task.piece is not None
                task.piece = (task.piece[0], offset, xml, task.piece[3])
                task.start, task.poisoned = 0, []
                self.retry.append(task)
                return
        task.done = True

    def _cut_out_hung_page(self, task: _Task, page_offset: int) -> bool:
        """Cut the page whose XML hung the reader out of a piece held in memory: the piece becomes the XML before
        the page (read again from the position reached), what follows it is read after, and the page gets a
        WF902 record with its id and title. False when the reader was inside no page (``page_offset`` is -1: the
        piece's start or what follows a page's end hung it) or the piece is a block the worker decompresses itself."""
        assert task.piece is not None
        dump, offset, content, all_pages = task.piece
        if not isinstance(content, bytes) or not offset <= page_offset < offset + len(content):
            return False
        start = page_offset - offset
        after = content.find(b"<page>", start + 1)
        page_id, title = page_identity(content[start:])
        record = ErrorRecord(page_id, title, "Timeout", f"reading the XML of this page (at byte {page_offset}) ran past {self.timeout} s; "
                             "the worker was stopped, the page passed over and the pages after it read", "WF902", f"{dump}@{page_offset}")
        task.rest.insert(0, ([record], offset + after, content[after:]) if after != -1 else ([record], offset + len(content), b""))
        task.piece = (dump, offset, content[:start], all_pages)
        return True

    def close(self) -> None:
        """Stop every worker: idle ones are asked, busy ones killed."""
        for worker in self.workers:
            try:
                if worker.task is None and worker.process.is_alive():
                    worker.conn.send(None)
                else:
                    worker.process.kill()
            except OSError:
                worker.process.kill()
        for worker in self.workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()


def _run_tasks(
    tasks: Iterator[_Task], workers: int, timeout: float | None, memory_limit: int | None, start_method: str | None,
    skip: Collection[str] = (),
) -> Iterator[_Task]:
    """Every task, done, in input order; at most ``4 * workers`` tasks held at once (flat memory).

    Closing the iterator stops the workers: nothing more is handed out.
    """
    pool = _Pool(workers, timeout, memory_limit, start_method, skip)
    order: deque[_Task] = deque()
    waiting: deque[_Task] = deque()
    exhausted = False
    try:
        while True:
            while not exhausted and len(order) < 4 * workers and len(waiting) < workers:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                else:
                    order.append(task)
                    if not task.done:  # done already: an error record the caller passed on
                        waiting.append(task)
            for worker in pool.idle():
                queue = pool.retry or waiting
                if not queue:
                    break
                pool.give(worker, queue.popleft())
            while order and order[0].done:
                yield order.popleft()
            if exhausted and not order:
                return
            pool.step()
    finally:
        pool.close()


def extract_pages(
    pages: Iterable[Page],
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    chunksize: int = 16,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    start_method: str | None = None,
    films_only: bool = True,
) -> Iterator[Result]:
    """A Film or ErrorRecord for every film page, in input order, on ``workers`` worker processes (default: all cores).

    Pages the film filter holds back (television series, people, lists) are skipped, as ``wikifilm
    extract`` skips them; ``films_only=False`` extracts every page.

    ``start_method`` is ``fork``, ``spawn`` or ``forkserver`` (default: the platform's). Under
    ``spawn`` and ``forkserver`` the calling script needs an ``if __name__ == "__main__":`` guard;
    without it the workers cannot start and :class:`WorkerStartError` says so.
    """
    remaining = iter(pages) if not films_only else (page for page in pages if is_film_article(page.text))
    chunks = iter(lambda: list(islice(remaining, chunksize)), [])
    tasks = (_Task(number, pages=chunk) for number, chunk in enumerate(chunks))
    for task in _run_tasks(tasks, workers or os.cpu_count() or 1, timeout, memory_limit, start_method):
        yield from task.results


def extract_blocks(
    dump: str,
    blocks: Iterable[tuple[int, int]],
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    all_pages: bool = False,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    start_method: str | None = None,
    skip: Collection[str] = (),
) -> Iterator[tuple[list[Result], list[int]]]:
    """Per block of a multistream dump, in order: its results and ``[pages, redirects, other namespaces, not films,
    films found by category, pages passed over]``.

    Workers read and decompress their own blocks, so decompression runs on every core; a block
    that cannot be decompressed becomes one ErrorRecord naming the dump and its byte offset.
    Pages whose key is in ``skip`` are passed over and counted (``--resume``).
    """
    tasks = (_Task(number, piece=(dump, offset, length, all_pages)) for number, (offset, length) in enumerate(blocks))
    for task in _run_tasks(tasks, workers or os.cpu_count() or 1, timeout, memory_limit, start_method, skip):
        yield task.results, task.counts


def extract_xml_pieces(
    dump: str,
    pieces: Iterable[tuple[int, bytes] | ErrorRecord],
    *,
    workers: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    all_pages: bool = False,
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    start_method: str | None = None,
    skip: Collection[str] = (),
) -> Iterator[tuple[list[Result], list[int]]]:
    """Per piece of a dump's XML (whole pages, :func:`wikifilm.batch.dumps.iter_page_chunks`), in order: results and counts.

    The caller only decompresses; workers parse the XML, filter and extract. An ErrorRecord
    among the pieces (the stream could not be read further) is passed on in its place. Pages whose
    key is in ``skip`` are passed over and counted (``--resume``).
    """
    tasks = (
        _Task(number, results=[piece], done=True) if isinstance(piece, ErrorRecord) else _Task(number, piece=(dump, piece[0], piece[1], all_pages))
        for number, piece in enumerate(pieces)
    )
    for task in _run_tasks(tasks, workers or os.cpu_count() or 1, timeout, memory_limit, start_method, skip):
        yield task.results, task.counts
