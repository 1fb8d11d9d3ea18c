"""The record contract, written once: every column of ``Film.to_dict()``, its type and nesting.

The Arrow/Parquet schema (:mod:`wikifilm.batch.schema`), the Spark schema (derived from the
Arrow one) and the fields golden files compare (:mod:`wikifilm.evaluation`) are all derived
from :data:`RECORD`; :func:`check_record` says which keys of a record have no column, so a
writer can refuse it instead of dropping the value (Arrow drops unknown keys silently).

To add a field: add its key to ``Film.to_dict()`` and a :class:`Column` at the same place
here, in a struct (as ``version`` in ``CAST_ENTRY``) or at the top level (``golden=True`` if golden files may
check it); bump ``SCHEMA_VERSION`` and document it in docs/film-record.md when the JSON changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Literal

import attrs

ScalarKind = Literal["string", "int32", "int64", "float64", "bool"]


@attrs.frozen
class Scalar:
    """A plain value (JSON string, number or boolean), or null."""

    kind: ScalarKind
    """Its Arrow type name."""


@attrs.frozen
class ListOf:
    """A JSON array of one type of item."""

    item: ColumnType
    """What each item is."""


@attrs.frozen
class Struct:
    """A JSON object with a fixed set of keys, or null."""

    columns: tuple[Column, ...]
    """Its keys, in ``to_dict()`` order."""

    @property
    def names(self) -> tuple[str, ...]:
        """The keys, in order."""
        return tuple(column.name for column in self.columns)


ColumnType = Scalar | ListOf | Struct


@attrs.frozen
class Column:
    """One key of a record or of a nested object."""

    name: str
    """The JSON key (and Parquet column name)."""
    type: ColumnType
    """What the value is."""
    golden: bool = False
    """Whether golden files may check it (:data:`wikifilm.evaluation.FIELDS`)."""


def struct(*columns: tuple[str, ColumnType] | Column) -> Struct:
    """A struct from ``(name, type)`` pairs or columns."""
    return Struct(tuple(column if isinstance(column, Column) else Column(*column) for column in columns))


STRING, INT32, INT64, FLOAT64, BOOL = Scalar("string"), Scalar("int32"), Scalar("int64"), Scalar("float64"), Scalar("bool")

PERSON = struct(("name", STRING), ("link", STRING), ("person", STRING))
"""A person mention; ``person`` is the id in ``people``."""
COMPANY = struct(("name", STRING), ("link", STRING))
"""A studio or distributor."""
MONEY = struct(("amount", FLOAT64), ("currency", STRING), ("low", FLOAT64), ("high", FLOAT64), ("approximate", BOOL), ("raw", STRING))
"""An amount with its currency and range (amounts as float64 in Arrow)."""
NATIVE_TITLE = struct(("text", STRING), ("lang", STRING), ("romanized", STRING))
BASED_ON = struct(("work", STRING), ("authors", ListOf(PERSON)))
RELEASE = struct(("date", STRING), ("place", STRING), ("note", STRING))
CAST_ENTRY = struct(("actor", PERSON), ("role", STRING), ("version", STRING))
"""A cast entry; ``version`` names which of several casts it belongs to (schema version 2)."""
AWARD = struct(("ceremony", STRING), ("year", INT32), ("category", STRING), ("nominees", ListOf(PERSON)), ("result", STRING))
SOUNDTRACK_ITEM = struct(("composer", STRING), ("work", STRING))
PERSON_ENTRY = struct(("id", STRING), ("name", STRING), ("variants", ListOf(STRING)))
DIAGNOSTIC = struct(("code", STRING), ("name", STRING), ("severity", STRING), ("field", STRING), ("message", STRING),
                    ("start", INT64), ("end", INT64))


def _golden(name: str, type: ColumnType) -> Column:
    return Column(name, type, golden=True)


RECORD = struct(
    ("schema_version", INT32),
    ("page_title", STRING),
    ("page_id", INT64),
    ("revision_id", INT64),
    _golden("title", STRING),
    _golden("native_title", NATIVE_TITLE),
    *(_golden(name, ListOf(PERSON)) for name in ("directors", "writers", "producers", "starring", "narrators", "music",
                                                 "cinematography", "editing")),
    _golden("based_on", ListOf(BASED_ON)),
    _golden("studios", ListOf(COMPANY)),
    _golden("distributors", ListOf(COMPANY)),
    _golden("release_dates", ListOf(RELEASE)),
    _golden("runtime_minutes", INT32),
    _golden("countries", ListOf(STRING)),
    _golden("languages", ListOf(STRING)),
    _golden("budget", MONEY),
    _golden("gross", MONEY),
    _golden("cast", ListOf(CAST_ENTRY)),
    _golden("accolades", ListOf(AWARD)),
    _golden("soundtrack", ListOf(SOUNDTRACK_ITEM)),
    _golden("plot", STRING),
    ("people", ListOf(PERSON_ENTRY)),
    ("diagnostics", ListOf(DIAGNOSTIC)),
)
"""One film record: the top-level keys of ``Film.to_dict()``, in order."""

GOLDEN_FIELDS = tuple(column.name for column in RECORD.columns if column.golden)
"""Fields that golden files may check."""


class ContractError(ValueError):
    """A record that does not fit the contract: a key with no column, or a value of the wrong shape."""


def _walk(value: Any, shape: ColumnType, path: str) -> Iterator[tuple[str, str]]:
    """``(problem, path)`` pairs: ``unknown`` keys, ``missing`` keys, ``shape`` mismatches."""
    if value is None:
        return
    if isinstance(shape, Struct):
        if not isinstance(value, dict):
            yield "shape", path or "<record>"
            return
        names = shape.names
        for key in value:
            if key not in names:
                yield "unknown", f"{path}.{key}" if path else str(key)
        for column in shape.columns:
            where = f"{path}.{column.name}" if path else column.name
            if column.name not in value:
                yield "missing", where
            else:
                yield from _walk(value[column.name], column.type, where)
    elif isinstance(shape, ListOf):
        if not isinstance(value, list | tuple):
            yield "shape", path
            return
        for index, item in enumerate(value):
            yield from _walk(item, shape.item, f"{path}[{index}]")
    elif isinstance(value, dict | list | tuple):
        yield "shape", path


def mismatches(record: dict[str, Any], shape: Struct = RECORD) -> dict[str, list[str]]:
    """Paths of the record's keys without a column (``unknown``), columns without a key (``missing``), wrong shapes."""
    found: dict[str, list[str]] = {"unknown": [], "missing": [], "shape": []}
    for problem, path in _walk(record, shape, ""):
        found[problem].append(path)
    return found


def _fits_check(shape: ColumnType) -> Callable[[Any], bool]:
    """A function telling whether a value has no key without a column and no wrong shape: what :func:`check_record`
    refuses, decided without naming paths (:func:`_walk` builds one per value; the writers check every record)."""
    if isinstance(shape, Struct):
        checks = {column.name: _fits_check(column.type) for column in shape.columns}

        def fits_struct(value: Any) -> bool:
            if value is None:
                return True
            if not isinstance(value, dict):
                return False
            for key, item in value.items():
                check = checks.get(key)
                if check is None or not check(item):
                    return False
            return True

        return fits_struct
    if isinstance(shape, ListOf):
        fits_item = _fits_check(shape.item)
        return lambda value: value is None or (isinstance(value, list | tuple) and all(map(fits_item, value)))
    return lambda value: not isinstance(value, dict | list | tuple)


_FITS_RECORD = _fits_check(RECORD)


def check_record(record: dict[str, Any], shape: Struct = RECORD) -> None:
    """Raise ContractError when a key of ``record`` has no column or a value has the wrong shape (a writer would lose it)."""
    if (_FITS_RECORD if shape is RECORD else _fits_check(shape))(record):
        return
    found = mismatches(record, shape)
    if found["unknown"] or found["shape"]:
        problems = [f"no column for {path}" for path in found["unknown"][:5]] + [f"wrong shape at {path}" for path in found["shape"][:5]]
        raise ContractError(f"record {record.get('page_title')!r} does not fit the contract: {'; '.join(problems)}")
