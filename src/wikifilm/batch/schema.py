"""The record contract as an Arrow schema, so Parquet, pandas, polars, DuckDB and Spark see typed nested columns.

Derived from :data:`wikifilm.contract.RECORD`: nothing here is written by hand.
"""

from __future__ import annotations

import pyarrow as pa

from wikifilm.contract import RECORD, ColumnType, ListOf, Scalar, Struct

_SCALARS = {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}


def arrow_type(shape: ColumnType) -> pa.DataType:
    """The Arrow type of a contract type."""
    if isinstance(shape, Scalar):
        return _SCALARS[shape.kind]
    if isinstance(shape, ListOf):
        return pa.list_(arrow_type(shape.item))
    return pa.struct([(column.name, arrow_type(column.type)) for column in shape.columns])


def arrow_schema(shape: Struct = RECORD) -> pa.Schema:
    """The Arrow schema of a contract struct (one column per top-level key)."""
    return pa.schema([(column.name, arrow_type(column.type)) for column in shape.columns])


FILM_SCHEMA = arrow_schema()
"""One row per film; column names and nesting are exactly the JSON contract's (money amounts as float64)."""
