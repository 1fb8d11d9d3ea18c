"""Rows buffered a batch at a time and written as Parquet parts, so a whole dump never sits in memory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq


class RowSpill:
    """Appends rows of one schema; every ``rows_per_part`` rows become ``NAME-00001.parquet``, ``-00002``..."""

    def __init__(self, directory: Path, name: str, schema: pa.Schema, rows_per_part: int = 50_000) -> None:
        self.directory = directory
        self.name = name
        self.schema = schema
        self.rows_per_part = rows_per_part
        self.count = 0
        self._rows: list[dict[str, Any]] = []
        self._parts = 0
        directory.mkdir(parents=True, exist_ok=True)

    @property
    def pattern(self) -> str:
        """The glob DuckDB reads the parts with."""
        return str(self.directory / f"{self.name}-*.parquet")

    def append(self, row: dict[str, Any]) -> None:
        """Add a row; a full buffer goes to disk."""
        self._rows.append(row)
        self.count += 1
        if len(self._rows) >= self.rows_per_part:
            self.flush()

    def extend(self, rows: list[dict[str, Any]]) -> None:
        """Add rows."""
        for row in rows:
            self.append(row)

    def flush(self) -> None:
        """Write the buffered rows as a part; with no part written yet, an empty one, so the glob always matches."""
        if not self._rows and self._parts:
            return
        self._parts += 1
        table = pa.Table.from_pylist(self._rows, schema=self.schema)
        pq.write_table(table, self.directory / f"{self.name}-{self._parts:05d}.parquet")
        self._rows = []
