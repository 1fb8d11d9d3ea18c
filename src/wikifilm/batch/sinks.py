"""Writing records as they arrive: JSONL, or Parquet parts; errors to their own JSONL.

Nothing is left half written. JSONL lines go out in whole batches, flushed and fsynced; a
line cut by a kill is removed on ``--resume``. Parquet goes to a directory of part files,
each written to a temporary name and renamed when complete, so every part present is a valid
file whatever stops the run (readers take the directory: pandas, polars, DuckDB, Spark).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from wikifilm.contract import check_record


class Sink(Protocol):
    """Where records go."""

    def write(self, record: dict[str, Any]) -> None:
        """Add one record (buffered)."""

    def flush(self) -> None:
        """Make every record written so far durable and readable."""

    def close(self) -> None:
        """Flush and release the output."""


def record_key(record: dict[str, Any]) -> str:
    """The identity used by --resume: page id when known, else page title, else (an error with no page) its source."""
    page_id = record.get("page_id")
    if page_id is not None:
        return f"id:{page_id}"
    title = record.get("page_title")
    return f"title:{title}" if title is not None else f"source:{record.get('source')}"


class JsonlSink:
    """One JSON record per line, appended in flushed batches; with ``checked``, a record that does not fit the contract is refused."""

    def __init__(self, path: str | Path, *, append: bool = False, batch: int = 200, checked: bool = False) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if append:
            _truncate_partial_line(self.path)
        self._file = open(self.path, "a" if append else "w", encoding="utf-8")  # noqa: SIM115 - closed by close()
        self._lines: list[str] = []
        self._batch = batch
        self._checked = checked
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        if self._checked:
            check_record(record)
        self._lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += 1
        if len(self._lines) >= self._batch:
            self.flush()

    def flush(self) -> None:
        # the batch leaves the buffer before it is written: an interrupt in between cannot write it twice
        lines, self._lines = self._lines, []
        if lines:
            self._file.write("".join(lines))
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        if not self._file.closed:
            self.flush()
            self._file.close()


def _truncate_partial_line(path: Path) -> None:
    """Cut a last line left without its newline by a killed run."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - 1))
        if handle.read(1) == b"\n":
            return
        data = path.read_bytes()
        keep = data.rfind(b"\n") + 1
        handle.truncate(keep)


def jsonl_keys(path: str | Path) -> set[str]:
    """Keys of the complete records already in a JSONL file."""
    path = Path(path)
    keys: set[str] = set()
    if not path.exists():
        return keys
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.endswith("\n"):
                try:
                    keys.add(record_key(json.loads(line)))
                except json.JSONDecodeError:
                    continue
    return keys


class ParquetSink:
    """A directory of Parquet parts, one per batch, each complete before it appears."""

    def __init__(self, path: str | Path, *, append: bool = False, batch: int = 2000) -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        existing = sorted(self.path.glob("part-*.parquet"))
        if not append:
            for part in existing:
                part.unlink()
            existing = []
        for stale in self.path.glob(".part-*.tmp"):
            stale.unlink()
        self._next = len(existing)
        self._rows: list[dict[str, Any]] = []
        self._batch = batch
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        check_record(record)  # Arrow would drop a key it has no column for, silently
        self._rows.append(record)
        self.count += 1
        if len(self._rows) >= self._batch:
            self.flush()

    def flush(self) -> None:
        if not self._rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        from wikifilm.batch.schema import FILM_SCHEMA

        table = pa.Table.from_pylist(self._rows, schema=FILM_SCHEMA)
        final = self.path / f"part-{self._next:05d}.parquet"
        temporary = self.path / f".part-{self._next:05d}.tmp"
        pq.write_table(table, temporary, compression="zstd")
        os.replace(temporary, final)
        self._next += 1
        self._rows.clear()

    def close(self) -> None:
        self.flush()


def parquet_keys(path: str | Path) -> set[str]:
    """Keys of the records already in a Parquet part directory."""
    import pyarrow.parquet as pq

    path = Path(path)
    keys: set[str] = set()
    for part in sorted(path.glob("part-*.parquet")):
        table = pq.read_table(part, columns=["page_id", "page_title"])
        for page_id, title in zip(table.column("page_id").to_pylist(), table.column("page_title").to_pylist(), strict=True):
            keys.add(record_key({"page_id": page_id, "page_title": title}))
    return keys


def read_parquet_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records back from a Parquet part directory (for tests and small checks)."""
    import pyarrow.parquet as pq

    for part in sorted(Path(path).glob("part-*.parquet")):
        yield from pq.read_table(part).to_pylist()
