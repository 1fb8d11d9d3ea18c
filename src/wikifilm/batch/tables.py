"""Tidy tables of many films: one Arrow table per kind of row (films, credits, cast, accolades...).

The JSON record nests (a film holds its cast, an accolade its nominees), which suits one film at
a time; analysis wants one row per observation, as pandas, polars and DuckDB read it:
``tables(films)["credits"]`` has one row per credit, keyed by the film's ``page_id`` and
``page_title``. Tables are built from the contract's records (``Film.to_dict()``, a JSONL line,
a Parquet row), so they hold exactly what the JSON holds, flattened.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from wikifilm.batch.pages import ErrorRecord
from wikifilm.record import Film, PartialDate

if TYPE_CHECKING:
    import pandas

Records = Iterable[Film | ErrorRecord | dict[str, Any]]
"""Films, the records ``Film.to_dict()`` gives (a JSONL line, a Parquet row), or both; error records are skipped."""

_KEY = [("page_id", pa.int64()), ("page_title", pa.string())]
_MONEY = [("amount", pa.float64()), ("currency", pa.string()), ("low", pa.float64()), ("high", pa.float64()),
          ("approximate", pa.bool_()), ("raw", pa.string())]

SCHEMAS: dict[str, pa.Schema] = {
    "films": pa.schema([
        *_KEY, ("revision_id", pa.int64()), ("title", pa.string()),
        ("native_title", pa.string()), ("native_title_lang", pa.string()), ("native_title_romanized", pa.string()),
        ("release_date", pa.string()), ("year", pa.int32()), ("runtime_minutes", pa.int32()),
        *[(f"budget_{name}", kind) for name, kind in _MONEY], *[(f"gross_{name}", kind) for name, kind in _MONEY],
        ("countries", pa.list_(pa.string())), ("languages", pa.list_(pa.string())),
        ("based_on", pa.list_(pa.string())), ("plot", pa.string()), ("diagnostics", pa.int32()),
    ]),
    "credits": pa.schema([*_KEY, ("role", pa.string()), ("position", pa.int32()), ("name", pa.string()),
                          ("link", pa.string()), ("person", pa.string())]),
    "cast": pa.schema([*_KEY, ("position", pa.int32()), ("actor", pa.string()), ("actor_link", pa.string()),
                       ("person", pa.string()), ("role", pa.string()), ("version", pa.string())]),
    "accolades": pa.schema([*_KEY, ("accolade", pa.int32()), ("ceremony", pa.string()), ("year", pa.int32()),
                            ("category", pa.string()), ("result", pa.string()), ("nominee", pa.string()),
                            ("nominee_link", pa.string()), ("person", pa.string())]),
    "releases": pa.schema([*_KEY, ("position", pa.int32()), ("date", pa.string()), ("year", pa.int32()),
                           ("month", pa.int32()), ("day", pa.int32()), ("place", pa.string()), ("note", pa.string())]),
    "companies": pa.schema([*_KEY, ("role", pa.string()), ("position", pa.int32()), ("name", pa.string()), ("link", pa.string())]),
    "based_on": pa.schema([*_KEY, ("work", pa.string()), ("author", pa.string()), ("author_link", pa.string()),
                           ("person", pa.string())]),
    "soundtrack": pa.schema([*_KEY, ("position", pa.int32()), ("composer", pa.string()), ("work", pa.string())]),
    "people": pa.schema([*_KEY, ("person", pa.string()), ("name", pa.string()), ("variants", pa.list_(pa.string()))]),
    "diagnostics": pa.schema([*_KEY, ("code", pa.string()), ("name", pa.string()), ("severity", pa.string()),
                              ("field", pa.string()), ("message", pa.string()), ("start", pa.int64()), ("end", pa.int64())]),
}
"""Every table's columns, in order. Each table starts with the film's key, ``page_id`` and ``page_title``."""

CREDIT_ROLES: tuple[tuple[str, str], ...] = (
    ("directors", "director"), ("writers", "writer"), ("producers", "producer"), ("starring", "starring"),
    ("narrators", "narrator"), ("music", "music"), ("cinematography", "cinematography"), ("editing", "editing"),
)
"""Record field and the ``role`` its people get in the credits table, in the record's order."""
_COMPANY_ROLES = (("studios", "studio"), ("distributors", "distributor"))


def tables(films: Records) -> dict[str, pa.Table]:
    """The tidy tables of ``films`` (read once, so a generator such as ``extract_pages(...)`` will do).

    ``films``: one row per film, flat columns where a film has one value (``budget_amount``,
    ``runtime_minutes``; ``release_date`` and ``year`` from the earliest release listed);
    ``credits``: one row per credit (director, writer, producer, starring, narrator, music,
    cinematography, editing); ``cast``: actor and role; ``accolades``: one row per nominee;
    ``releases``: date and place; then ``companies``, ``based_on``, ``soundtrack``, ``people``
    and ``diagnostics``. pandas (``.to_pandas()``), polars (``polars.from_arrow``) and DuckDB
    read them as they are.
    """
    columns = _Columns()
    for film in films:
        record = _record(film)
        if record is not None:
            columns.add(record)
    return columns.tables()


def to_pandas(films: Records, table: str = "films") -> pandas.DataFrame:
    """One of the tidy tables as a pandas DataFrame: by default one row per film, flat columns.

    Integer columns with gaps are nullable (``Int64``), so ``df.runtime_minutes + 1`` works.
    Needs pandas (``pip install 'wikifilm[pandas]'``).
    """
    if table not in SCHEMAS:
        raise ValueError(f"to_pandas(): table must be one of {', '.join(SCHEMAS)}, not {table!r}")
    try:
        import pandas
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            "wikifilm.to_pandas() needs pandas, which is not installed: pip install 'wikifilm[pandas]'", name="pandas",
        ) from error
    nullable = {pa.int32(): pandas.Int32Dtype(), pa.int64(): pandas.Int64Dtype(), pa.bool_(): pandas.BooleanDtype()}
    return tables(films)[table].to_pandas(types_mapper=nullable.get)


def write_tables(films: Records, directory: str | Path, *, batch: int = 2000) -> dict[str, Path]:
    """Write every tidy table to ``directory/NAME.parquet``, ``batch`` films at a time (flat memory).

    Each file is written under a temporary name and renamed when complete, so a file present is whole.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {name: directory / f"{name}.parquet" for name in SCHEMAS}
    partial = {name: path.with_name(path.name + ".partial") for name, path in paths.items()}
    writers = {name: pq.ParquetWriter(partial[name], schema) for name, schema in SCHEMAS.items()}
    try:
        records = iter(films)
        while chunk := list(islice(records, batch)):
            for name, table in tables(chunk).items():
                writers[name].write_table(table)
    except BaseException:
        for name, writer in writers.items():
            writer.close()
            partial[name].unlink(missing_ok=True)
        raise
    for name, writer in writers.items():
        writer.close()
        os.replace(partial[name], paths[name])
    return paths


def iter_output_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records ``wikifilm extract`` wrote to ``path``: a JSONL file, or a Parquet file or directory."""
    path = Path(path)
    if path.is_dir() or path.suffix == ".parquet":
        files = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
        for file in files:
            for batch in pq.ParquetFile(file).iter_batches():
                yield from batch.to_pylist()
        return
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _record(film: Film | ErrorRecord | dict[str, Any]) -> dict[str, Any] | None:
    if isinstance(film, Film):
        return film.to_dict()
    if isinstance(film, ErrorRecord):
        return None
    if isinstance(film, dict):
        return film if "title" in film else None  # an error record's dict has no title
    raise TypeError(f"tables(): expected Film records or their dicts, not {type(film).__name__}")


class _Columns:
    """Each table's columns as Python lists, filled one record at a time."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, list[Any]]] = {name: {field.name: [] for field in schema} for name, schema in SCHEMAS.items()}

    def row(self, table: str, key: tuple[Any, Any], *values: Any) -> None:
        columns = self.data[table]
        for column, value in zip(columns.values(), (*key, *values), strict=True):
            column.append(value)

    def add(self, record: dict[str, Any]) -> None:
        key = (record.get("page_id"), record.get("page_title"))
        native = record.get("native_title") or {}
        releases = record.get("release_dates") or []
        earliest = min((_partial_date(item["date"]) for item in releases if item.get("date")), default=None)
        self.row("films", key, record.get("revision_id"), record.get("title"),
                 native.get("text"), native.get("lang"), native.get("romanized"),
                 None if earliest is None else earliest.iso(), None if earliest is None else earliest.year,
                 record.get("runtime_minutes"), *_money(record.get("budget")), *_money(record.get("gross")),
                 list(record.get("countries") or []), list(record.get("languages") or []),
                 [item.get("work") for item in record.get("based_on") or []], record.get("plot"),
                 len(record.get("diagnostics") or []))
        for field, role in CREDIT_ROLES:
            for position, ref in enumerate(record.get(field) or []):
                self.row("credits", key, role, position, ref.get("name"), ref.get("link"), ref.get("person"))
        for position, member in enumerate(record.get("cast") or []):
            actor = member.get("actor") or {}
            self.row("cast", key, position, actor.get("name"), actor.get("link"), actor.get("person"),
                     member.get("role"), member.get("version"))
        for index, award in enumerate(record.get("accolades") or []):
            head = (index, award.get("ceremony"), award.get("year"), award.get("category"), award.get("result"))
            for ref in award.get("nominees") or [{}]:  # a row naming no nominee is still a row
                self.row("accolades", key, *head, ref.get("name"), ref.get("link"), ref.get("person"))
        for position, release in enumerate(releases):
            date = _partial_date(release["date"]) if release.get("date") else None
            self.row("releases", key, position, release.get("date"), *((date.year, date.month, date.day) if date else (None,) * 3),
                     release.get("place"), release.get("note"))
        for field, role in _COMPANY_ROLES:
            for position, ref in enumerate(record.get(field) or []):
                self.row("companies", key, role, position, ref.get("name"), ref.get("link"))
        for work in record.get("based_on") or []:
            for ref in work.get("authors") or [{}]:
                self.row("based_on", key, work.get("work"), ref.get("name"), ref.get("link"), ref.get("person"))
        for position, item in enumerate(record.get("soundtrack") or []):
            self.row("soundtrack", key, position, item.get("composer"), item.get("work"))
        for person in record.get("people") or []:
            self.row("people", key, person.get("id"), person.get("name"), list(person.get("variants") or []))
        for diagnostic in record.get("diagnostics") or []:
            self.row("diagnostics", key, diagnostic.get("code"), diagnostic.get("name"), diagnostic.get("severity"),
                     diagnostic.get("field"), diagnostic.get("message"), diagnostic.get("start"), diagnostic.get("end"))

    def tables(self) -> dict[str, pa.Table]:
        return {name: pa.Table.from_pydict(self.data[name], schema=schema) for name, schema in SCHEMAS.items()}


def _partial_date(text: str) -> PartialDate:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (the contract's date) as a PartialDate."""
    return PartialDate(*(int(part) for part in text.split("-")))


def _money(money: dict[str, Any] | None) -> tuple[Any, ...]:
    if not money:
        return (None,) * len(_MONEY)
    return tuple(money.get(name) for name, _kind in _MONEY)
