"""Apache Spark: the same extraction mapped over a DataFrame's partitions (``pip install wikifilm[spark]``).

``extract_films(df)`` takes a DataFrame with page text and title columns (for example pages read
from a multistream dump split by blocks, see docs/spark.md) and returns a DataFrame with the
record contract's schema, one row per input row. A page that fails becomes a row holding its
title and a ``WF901``/``WF902`` diagnostic, so one bad page never fails a job.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.batch.pool import DEFAULT_TIMEOUT, extract_page, extract_pages
from wikifilm.batch.schema import FILM_SCHEMA
from wikifilm.diagnostics import CODES
from wikifilm.record import SCHEMA_VERSION

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


def spark_schema() -> Any:
    """The contract's schema as a Spark StructType."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(FILM_SCHEMA)


def error_row(error: ErrorRecord) -> dict[str, Any]:
    """A record row standing for a page that failed: its identity and one diagnostic."""
    row: dict[str, Any] = {name: None for name in FILM_SCHEMA.names}
    code = CODES[error.code]
    row.update(schema_version=SCHEMA_VERSION, page_title=error.title, page_id=error.page_id, diagnostics=[{
        "code": code.code, "name": code.name, "severity": code.severity.value, "field": None,
        "message": f"{error.error_type}: {error.message}", "start": None, "end": None,
    }])
    return row


def extract_batches(
    batches: Iterator[pa.RecordBatch], *, text_col: str, title_col: str, id_col: str | None, revision_col: str | None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Iterator[pa.RecordBatch]:
    """Records for every row of every Arrow batch (what each Spark task runs)."""
    for batch in batches:
        columns = batch.to_pydict()
        pages = [
            Page(title=columns[title_col][index] or "", text=text or "", page_id=columns[id_col][index] if id_col else None,
                 revision_id=columns[revision_col][index] if revision_col else None)
            for index, text in enumerate(columns[text_col])
        ]
        # with a time limit, one worker process per batch enforces it (no signals in Spark's own process)
        results = extract_pages(pages, workers=1, timeout=timeout, films_only=False) if timeout else map(extract_page, pages)
        rows = [error_row(result) if isinstance(result, ErrorRecord) else result.to_dict() for result in results]
        yield pa.RecordBatch.from_pylist(rows, schema=FILM_SCHEMA)


def extract_films(
    df: DataFrame, text_col: str = "text", title_col: str = "title", *, id_col: str | None = None,
    revision_col: str | None = None, timeout: float | None = DEFAULT_TIMEOUT,
) -> DataFrame:
    """A DataFrame of film records (the contract's schema) from a DataFrame of pages."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        return extract_batches(batches, text_col=text_col, title_col=title_col, id_col=id_col, revision_col=revision_col, timeout=timeout)

    columns = [name for name in (text_col, title_col, id_col, revision_col) if name]
    return df.select(*columns).mapInArrow(run, spark_schema())
