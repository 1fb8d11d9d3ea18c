"""The record contract as an Arrow schema, so Parquet, pandas, polars, DuckDB and Spark see typed nested columns."""

from __future__ import annotations

import pyarrow as pa

_PERSON = pa.struct([("name", pa.string()), ("link", pa.string()), ("person", pa.string())])
_COMPANY = pa.struct([("name", pa.string()), ("link", pa.string())])
_MONEY = pa.struct([
    ("amount", pa.float64()), ("currency", pa.string()), ("low", pa.float64()), ("high", pa.float64()),
    ("approximate", pa.bool_()), ("raw", pa.string()),
])

FILM_SCHEMA = pa.schema([
    ("schema_version", pa.int32()),
    ("page_title", pa.string()),
    ("page_id", pa.int64()),
    ("revision_id", pa.int64()),
    ("title", pa.string()),
    ("native_title", pa.struct([("text", pa.string()), ("lang", pa.string()), ("romanized", pa.string())])),
    ("directors", pa.list_(_PERSON)),
    ("writers", pa.list_(_PERSON)),
    ("producers", pa.list_(_PERSON)),
    ("starring", pa.list_(_PERSON)),
    ("narrators", pa.list_(_PERSON)),
    ("music", pa.list_(_PERSON)),
    ("cinematography", pa.list_(_PERSON)),
    ("editing", pa.list_(_PERSON)),
    ("based_on", pa.list_(pa.struct([("work", pa.string()), ("authors", pa.list_(_PERSON))]))),
    ("studios", pa.list_(_COMPANY)),
    ("distributors", pa.list_(_COMPANY)),
    ("release_dates", pa.list_(pa.struct([("date", pa.string()), ("place", pa.string()), ("note", pa.string())]))),
    ("runtime_minutes", pa.int32()),
    ("countries", pa.list_(pa.string())),
    ("languages", pa.list_(pa.string())),
    ("budget", _MONEY),
    ("gross", _MONEY),
    ("cast", pa.list_(pa.struct([("actor", _PERSON), ("role", pa.string()), ("version", pa.string())]))),
    ("accolades", pa.list_(pa.struct([
        ("ceremony", pa.string()), ("year", pa.int32()), ("category", pa.string()),
        ("nominees", pa.list_(_PERSON)), ("result", pa.string()),
    ]))),
    ("soundtrack", pa.list_(pa.struct([("composer", pa.string()), ("work", pa.string())]))),
    ("plot", pa.string()),
    ("people", pa.list_(pa.struct([("id", pa.string()), ("name", pa.string()), ("variants", pa.list_(pa.string()))]))),
    ("diagnostics", pa.list_(pa.struct([
        ("code", pa.string()), ("name", pa.string()), ("severity", pa.string()), ("field", pa.string()),
        ("message", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ]))),
])
"""One row per film; column names and nesting are exactly the JSON contract's (money amounts as float64)."""
