"""The extract job: inputs to JSONL or Parquet, with a progress bar, a summary, resume, and clean stops."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any, Literal

import attrs

from wikifilm._words import plural
from wikifilm.batch.dumps import DumpStats, iter_blocks, iter_page_chunks
from wikifilm.batch.filter import FilterStats, film_evidence
from wikifilm.batch.inputs import expand_inputs, is_dump, iter_input_pages, multistream_index
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.batch.pool import DEFAULT_TIMEOUT, Result, extract_blocks, extract_pages, extract_xml_pieces
from wikifilm.batch.sinks import JsonlSink, ParquetSink, Sink, jsonl_keys, parquet_keys


@attrs.define
class RunSummary:
    """What a run did, for the closing summary and for tests."""

    pages: int = 0
    """Pages read from the inputs."""
    films: int = 0
    """Film records written."""
    errors: int = 0
    """Error records written."""
    not_films: int = 0
    """Pages the film filter held back."""
    redirects: int = 0
    """Redirects skipped."""
    resumed: int = 0
    """Pages skipped because an earlier run wrote them."""
    seconds: float = 0.0
    """Wall time."""
    interrupted: bool = False
    """Whether Ctrl-C or SIGTERM stopped the run (everything before is written)."""
    first_errors: list[ErrorRecord] = attrs.field(factory=list)
    """The first error records written (at most 5), for the command to show."""
    by_category: int = 0
    """Film pages taken from a film-only category, having no film infobox (their records carry WF207)."""

    def line(self) -> str:
        """A one-line summary."""
        rate = self.pages / self.seconds if self.seconds else 0.0
        text = (f"{plural(self.pages, 'page')} read, {plural(self.films, 'film')} written, {plural(self.errors, 'error record')}, "
                f"{self.not_films} not films, {plural(self.redirects, 'redirect')} skipped in {self.seconds:.1f} s ({rate:.0f} pages/s)")
        text += f"; {plural(self.by_category, 'film')} found by category, without an infobox (WF207)" if self.by_category else ""
        return text + (f"; {self.resumed} already done" if self.resumed else "") + ("; interrupted" if self.interrupted else "")


def run_extract(
    inputs: list[str | Path],
    output: str | Path,
    *,
    format: Literal["jsonl", "parquet"] = "jsonl",
    errors: str | Path | None = None,
    workers: int | None = None,
    resume: bool = False,
    limit: int | None = None,
    all_pages: bool = False,
    progress: bool | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    start_method: str | None = None,
    stop: threading.Event | None = None,
) -> RunSummary:
    """Extract every film of ``inputs`` into ``output``; see ``wikifilm extract --help``.

    Whatever cannot be read or extracted (a file, a dump block, a page) becomes an error record
    and the run goes on. KeyboardInterrupt, or ``stop`` being set (the CLI sets it on SIGTERM),
    stops it cleanly between two records (``summary.interrupted``); no signal handler is installed here.
    """
    files = expand_inputs(inputs)
    output = Path(output)
    errors_path = Path(errors) if errors else output.with_name(output.name.split(".")[0] + ".errors.jsonl")
    done: set[str] = set()
    if resume:
        done = (parquet_keys(output) if format == "parquet" else jsonl_keys(output)) | jsonl_keys(errors_path)
    sink: Sink = ParquetSink(output, append=resume) if format == "parquet" else JsonlSink(output, append=resume, checked=True)
    error_sink = JsonlSink(errors_path, append=resume, batch=50)
    summary = RunSummary()
    dump_stats, filter_stats = DumpStats(), FilterStats()
    start = time.perf_counter()
    show = sys.stderr.isatty() if progress is None else progress
    bar = _progress_bar(show)
    cores = workers or os.cpu_count() or 1

    def write_error(error: ErrorRecord) -> None:
        if error.key in done:
            summary.resumed += 1
            return
        error_sink.write(error.to_dict())
        summary.errors += 1
        if len(summary.first_errors) < 5:
            summary.first_errors.append(error)

    taken = 0  # records of film pages (a Film or an error extracting one), for --limit

    def wanted() -> Iterator[Page]:
        handed = taken  # the dumps, read first, took these
        for item in iter_input_pages(sequential, dump_stats, done=done, threads=cores):
            if limit is not None and handed >= limit:
                return
            if isinstance(item, ErrorRecord):
                write_error(item)
                continue
            if item.key in done:
                summary.resumed += 1
                continue
            if not all_pages:
                evidence = film_evidence(item.text)
                if evidence is None:
                    filter_stats.skipped += 1
                    continue
                filter_stats.by_category += evidence.kind == "category"
            filter_stats.films += 1
            handed += 1
            yield item

    # dumps go to the workers in pieces: a multistream dump with its index block by block (each worker
    # decompresses its own blocks), any other dump as pieces of XML this process decompresses and the
    # workers parse, passing over the pages in `done`; article files are read here in order
    sequential = [path for path in files if not is_dump(path)]

    def pieces(path: Path) -> Iterator[tuple[int, bytes] | ErrorRecord]:
        try:
            yield from iter_page_chunks(path, threads=cores)
        except OSError as error:  # the dump vanished or cannot be opened
            yield ErrorRecord(None, None, type(error).__name__, error.strerror or str(error), "WF904", str(path))

    def results() -> Generator[Result, None, None]:
        for path in files:
            if path in sequential:
                continue
            index = multistream_index(path)
            parts = None
            if index is not None:
                try:
                    blocks = iter_blocks(path, index)  # the index is read here, the blocks made as they are handed out
                    parts = extract_blocks(str(path), blocks, workers=workers, timeout=timeout, all_pages=all_pages,
                                           start_method=start_method, skip=done)
                except (OSError, ValueError) as error:  # an unreadable index: the dump is read without it
                    write_error(ErrorRecord(None, None, type(error).__name__, f"cannot read the index {index}: {error}; "
                                            "the dump is read without it", "WF904", str(index)))
            if parts is None:
                parts = extract_xml_pieces(str(path), pieces(path), workers=workers, timeout=timeout, all_pages=all_pages,
                                           start_method=start_method, skip=done)
            for part_results, counts in parts:
                dump_stats.pages += counts[0]
                dump_stats.redirects += counts[1]
                dump_stats.other_namespaces += counts[2]
                filter_stats.skipped += counts[3]
                filter_stats.by_category += counts[4]
                summary.resumed += counts[5]
                yield from part_results
        if sequential:  # a pool for article files only when there are some: under spawn, each idle worker imports wikifilm
            yield from extract_pages(wanted(), workers=workers, timeout=timeout, start_method=start_method,
                                     films_only=False)  # wanted() filters, and counts

    stream = results()
    try:
        for result in stream if limit is None or limit > 0 else ():
            if stop is not None and stop.is_set():
                summary.interrupted = True
                break
            if isinstance(result, ErrorRecord):
                write_error(result)
            else:
                sink.write(result.to_dict())
                summary.films += 1
            if bar is not None:
                bar.n = dump_stats.pages
                bar.set_postfix(films=summary.films, errors=summary.errors, refresh=False)
                bar.refresh()
            if limit is not None and (not isinstance(result, ErrorRecord) or result.code != "WF904"):
                taken += 1  # a film page: unreadable input (WF904) is no film page taken
                if taken >= limit:
                    break
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        stream.close()  # stops the workers: nothing more is handed out
        sink.close()
        error_sink.close()
        if bar is not None:
            bar.close()
        summary.pages = dump_stats.pages
        summary.redirects = dump_stats.redirects
        summary.not_films = filter_stats.skipped
        summary.by_category = filter_stats.by_category
        summary.seconds = time.perf_counter() - start
    return summary


def _progress_bar(show: bool) -> Any:
    """A tqdm bar on standard error when showing progress (pages read, films, errors), else None."""
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(unit=" pages", desc="extract", file=sys.stderr, dynamic_ncols=True)
