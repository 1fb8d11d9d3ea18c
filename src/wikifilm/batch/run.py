"""The extract job: inputs to JSONL or Parquet, with a progress bar, a summary, resume, and clean stops."""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any, Literal

import attrs

from wikifilm._words import plural
from wikifilm.batch.dumps import DumpStats, iter_blocks
from wikifilm.batch.filter import FilterStats, is_film_article
from wikifilm.batch.inputs import expand_inputs, iter_input_pages, multistream_index
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.batch.pool import DEFAULT_TIMEOUT, Result, extract_blocks, extract_pages
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

    def line(self) -> str:
        """A one-line summary."""
        rate = self.pages / self.seconds if self.seconds else 0.0
        text = (f"{plural(self.pages, 'page')} read, {plural(self.films, 'film')} written, {plural(self.errors, 'error')}, "
                f"{self.not_films} not films, {plural(self.redirects, 'redirect')} skipped in {self.seconds:.1f} s ({rate:.0f} pages/s)")
        return text + (f"; {self.resumed} already done" if self.resumed else "") + ("; interrupted" if self.interrupted else "")


class _StopRequestedError(Exception):
    """SIGTERM, turned into an exception so that outputs are closed properly."""


def _on_term(_signum: int, _frame: FrameType | None) -> None:
    raise _StopRequestedError


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
) -> RunSummary:
    """Extract every film of ``inputs`` into ``output``; see ``wikifilm extract --help``."""
    files = expand_inputs(inputs)
    output = Path(output)
    errors_path = Path(errors) if errors else output.with_name(output.name.split(".")[0] + ".errors.jsonl")
    done: set[str] = set()
    if resume:
        done = (parquet_keys(output) if format == "parquet" else jsonl_keys(output)) | jsonl_keys(errors_path)
    sink: Sink = ParquetSink(output, append=resume) if format == "parquet" else JsonlSink(output, append=resume)
    error_sink = JsonlSink(errors_path, append=resume, batch=50)
    summary = RunSummary()
    dump_stats, filter_stats = DumpStats(), FilterStats()
    start = time.perf_counter()
    show = sys.stderr.isatty() if progress is None else progress
    bar = _progress_bar(show)
    previous_term = signal.signal(signal.SIGTERM, _on_term)

    def wanted() -> Iterator[Page]:
        taken = 0
        for page in iter_input_pages(sequential, dump_stats):
            if limit is not None and taken >= limit:
                return
            if page.key in done:
                summary.resumed += 1
                continue
            if not all_pages and not is_film_article(page.text):
                filter_stats.skipped += 1
                continue
            filter_stats.films += 1
            taken += 1
            yield page

    # multistream dumps with an index go block by block to the workers (each decompresses its own
    # blocks); everything else, and every input under --resume or --limit, is streamed here in order
    sequential = [path for path in files if multistream_index(path) is None or resume or limit is not None]

    def results() -> Iterator[Result]:
        for path in files:
            index = multistream_index(path)
            if path in sequential or index is None:
                continue
            for block_results, counts in extract_blocks(str(path), iter_blocks(path, index), workers=workers, timeout=timeout, all_pages=all_pages):
                dump_stats.pages += counts[0]
                dump_stats.redirects += counts[1]
                dump_stats.other_namespaces += counts[2]
                filter_stats.skipped += counts[3]
                yield from block_results
        yield from extract_pages(wanted(), workers=workers, timeout=timeout, films_only=False)  # wanted() filters, and counts

    try:
        for result in results():
            if isinstance(result, ErrorRecord):
                error_sink.write(result.to_dict())
                summary.errors += 1
            else:
                sink.write(result.to_dict())
                summary.films += 1
            if bar is not None:
                bar.n = dump_stats.pages
                bar.set_postfix(films=summary.films, errors=summary.errors, refresh=False)
                bar.refresh()
    except (KeyboardInterrupt, _StopRequestedError):
        summary.interrupted = True
    finally:
        sink.close()
        error_sink.close()
        signal.signal(signal.SIGTERM, previous_term)
        if bar is not None:
            bar.close()
        summary.pages = dump_stats.pages
        summary.redirects = dump_stats.redirects
        summary.not_films = filter_stats.skipped
        summary.seconds = time.perf_counter() - start
    return summary


def _progress_bar(show: bool) -> Any:
    """A tqdm bar on standard error when showing progress (pages read, films, errors), else None."""
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(unit=" pages", desc="extract", file=sys.stderr, dynamic_ncols=True)
