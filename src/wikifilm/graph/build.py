"""The graph job: inputs to films.parquet, people.parquet and credits.parquet (or Wikidata statements).

Pages stream through the extraction pool as for ``wikifilm extract``; each film's rows and every
redirect page go to Parquet parts on disk as they arrive, and DuckDB decides the person keys
over those parts with a memory limit, spilling past it. No table of every person is ever held
in Python.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import attrs

import wikifilm.graph.identity as identity
from wikifilm.batch.dumps import DumpStats, iter_pages
from wikifilm.batch.filter import is_film_article
from wikifilm.batch.inputs import article_page, expand_inputs, is_dump
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.batch.pool import DEFAULT_TIMEOUT, extract_pages
from wikifilm.graph.rows import CREDIT_SPILL_COLUMNS, FILM_SPILL_COLUMNS, credit_rows, film_row, film_row_schema
from wikifilm.graph.spill import RowSpill, sql_string
from wikifilm.graph.titles import normalize_title
from wikifilm.graph.wikidata import film_statements

REDIRECT_COLUMNS = {"title": "VARCHAR", "target": "VARCHAR"}


@attrs.define
class GraphSummary:
    """What a graph run did."""

    pages: int = 0
    """Pages read from the inputs."""
    films: int = 0
    """Films in the graph."""
    errors: int = 0
    """Pages whose extraction failed (in errors.jsonl)."""
    redirects: int = 0
    """Redirect pages read to resolve link targets."""
    credits: int = 0
    """Credit rows."""
    people: int = 0
    """Distinct person keys."""
    ambiguous: int = 0
    """Unlinked mentions that could be several linked people (in ambiguous.parquet)."""
    seconds: float = 0.0
    """Wall time."""

    def line(self) -> str:
        """A one-line summary."""
        rate = self.pages / self.seconds if self.seconds else 0.0
        return (f"{self.pages} pages read, {self.films} films, {self.credits} credits, {self.people} people, "
                f"{self.ambiguous} ambiguous mentions, {self.redirects} redirects read, {self.errors} errors "
                f"in {self.seconds:.1f} s ({rate:.0f} pages/s)")


def graph(
    inputs: list[str | Path] | str | Path,
    output: str | Path,
    *,
    format: Literal["parquet", "wikidata"] = "parquet",
    workers: int | None = None,
    limit: int | None = None,
    all_pages: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_limit: str = "1GB",
) -> GraphSummary:
    """Build the film–person graph of ``inputs`` (dumps, article files, folders) into the folder ``output``.

    ``parquet`` writes films.parquet, people.parquet, credits.parquet and ambiguous.parquet;
    ``wikidata`` writes statements.jsonl (one film a line, keyed by its enwiki sitelink) and
    ambiguous.parquet. Failed pages go to errors.jsonl.
    """
    files = expand_inputs([inputs] if isinstance(inputs, str | Path) else list(inputs))
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    summary = GraphSummary()
    start = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix=".graph-", dir=output))
    try:
        redirects = RowSpill(work, "redirects", REDIRECT_COLUMNS)
        films = RowSpill(work, "films", FILM_SPILL_COLUMNS, batch=200)
        credits = RowSpill(work, "credits", CREDIT_SPILL_COLUMNS)
        stats = DumpStats()

        def on_redirect(page: Page) -> None:
            redirects.append({"title": normalize_title(page.title), "target": normalize_title(page.redirect)})

        pages = _film_pages(files, stats, on_redirect, limit=limit, all_pages=all_pages)
        errors_path = output / "errors.jsonl"
        errors_path.unlink(missing_ok=True)
        for result in extract_pages(pages, workers=workers, timeout=timeout, films_only=False):  # _film_pages filtered (or all_pages)
            if isinstance(result, ErrorRecord):
                with open(errors_path, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                summary.errors += 1
                continue
            record = result.to_dict()
            films.append(film_row(record, films.count))
            credits.extend(credit_rows(record, credits.count))
        for spill in (redirects, films, credits):
            spill.close()
        summary.pages, summary.redirects, summary.films, summary.credits = stats.pages, redirects.count, films.count, credits.count
        con = identity.connect(work, memory_limit)
        try:
            identity.resolve(con, redirects.source(), credits.source())
            summary.people = con.execute("SELECT count(DISTINCT person_key) FROM final").fetchone()[0]
            summary.ambiguous = _copy(con, identity.AMBIGUOUS_SQL, output / "ambiguous.parquet")
            if format == "wikidata":
                _write_statements(con, films.source(), output / "statements.jsonl")
            else:
                _write_films(con, films.source(), work / "films.parquet", output / "films.parquet")
                _copy(con, identity.CREDITS_SQL, output / "credits.parquet")
                _copy(con, identity.PEOPLE_SQL, output / "people.parquet")
        finally:
            con.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary.seconds = time.perf_counter() - start
    return summary


def _film_pages(files: list[Path], stats: DumpStats, on_redirect: Any, *, limit: int | None, all_pages: bool) -> Iterator[Page]:
    """Film pages of every input, in order; redirects of dumps go to ``on_redirect``."""
    taken = 0
    for path in files:
        if is_dump(path):
            source: Iterator[Page] = iter_pages(path, stats=stats, on_redirect=on_redirect)
        else:
            stats.pages += 1
            source = iter([article_page(path)])
        for page in source:
            if limit is not None and taken >= limit:
                return
            if all_pages or is_film_article(page.text):
                taken += 1
                yield page


def _copy(con: Any, query: str, path: Path) -> int:
    """Write a query's rows as one Parquet file; returns how many."""
    con.execute(f"COPY ({query}) TO {sql_string(path)} (FORMAT parquet)")
    return int(con.execute(f"SELECT count(*) FROM read_parquet({sql_string(path)})").fetchone()[0])


def _write_films(con: Any, source: str, plain: Path, path: Path) -> None:
    """films.parquet in input order: DuckDB writes the rows, pyarrow rewrites them batch by batch under
    :func:`film_row_schema`, whose fields carry their Wikidata property as metadata (DuckDB writes none)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = film_row_schema()
    con.execute(f"COPY (SELECT * EXCLUDE (seq) FROM {source} ORDER BY seq) TO {sql_string(plain)} (FORMAT parquet)")
    with pq.ParquetWriter(path, schema) as writer:
        for batch in pq.ParquetFile(plain).iter_batches(batch_size=5_000):
            writer.write_table(pa.Table.from_batches([batch]).cast(schema))


def _rows(cursor: Any, batch: int = 2_000) -> Iterator[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    while rows := cursor.fetchmany(batch):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def _write_statements(con: Any, films: str, path: Path) -> None:
    """statements.jsonl: films in title order, each with its credits (both streamed, merged by title)."""
    film_cursor = con.cursor()
    film_cursor.execute(f"SELECT * FROM {films} ORDER BY sitelink")
    credit_cursor = con.cursor()
    credit_cursor.execute("SELECT * FROM final ORDER BY film_title, credit_id")
    credits = _rows(credit_cursor)
    pending = next(credits, None)
    with open(path, "w", encoding="utf-8") as handle:
        for film in _rows(film_cursor):
            own: list[dict[str, Any]] = []
            while pending is not None and pending["film_title"] < film["sitelink"]:
                pending = next(credits, None)
            while pending is not None and pending["film_title"] == film["sitelink"]:
                own.append(pending)
                pending = next(credits, None)
            handle.write(json.dumps(film_statements(film, own), ensure_ascii=False, default=str) + "\n")
