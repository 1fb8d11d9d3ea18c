"""Rows appended to a JSON-lines file on disk a batch at a time, so a whole dump never sits in memory.

JSON lines rather than Arrow: ``json.dumps`` of a plain dict costs less than pyarrow's
conversion of Python objects (whose first use also imports pandas, seconds on a cold
process), and DuckDB reads the file with declared column types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class RowSpill:
    """Appends rows to ``DIRECTORY/NAME.jsonl``; ``columns`` are the DuckDB types DuckDB reads them with."""

    def __init__(self, directory: Path, name: str, columns: dict[str, str], batch: int = 2_000) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / f"{name}.jsonl"
        self.columns = columns
        self.count = 0
        self._batch = batch
        self._lines: list[str] = []
        self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()

    def append(self, row: dict[str, Any]) -> None:
        """Add a row; a full buffer goes to disk."""
        self._lines.append(json.dumps(row, ensure_ascii=False))
        self.count += 1
        if len(self._lines) >= self._batch:
            self.flush()

    def extend(self, rows: list[dict[str, Any]]) -> None:
        """Add rows."""
        for row in rows:
            self.append(row)

    def flush(self) -> None:
        """Write the buffered rows."""
        if self._lines:
            self._file.write("\n".join(self._lines) + "\n")
            self._lines = []
        self._file.flush()

    def close(self) -> None:
        """Flush and close the file."""
        self.flush()
        self._file.close()

    def source(self) -> str:
        """A DuckDB table expression over the rows written."""
        columns = ", ".join(f"{_quote(name)}: '{kind}'" for name, kind in self.columns.items())
        return f"read_json({sql_string(self.path)}, format = 'newline_delimited', columns = {{{columns}}})"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_string(value: object) -> str:
    """``value`` as an SQL string literal (a path may hold a quote)."""
    return "'" + str(value).replace("'", "''") + "'"
