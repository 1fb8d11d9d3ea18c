"""JSONL and Parquet outputs: complete lines and parts only, read back with pandas and DuckDB, resume keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import wikifilm
from tests.conftest import article_text
from wikifilm.batch.sinks import JsonlSink, ParquetSink, jsonl_keys, parquet_keys, read_parquet_records


def records() -> list[dict[str, object]]:
    return [wikifilm.extract(article_text(stem), title=stem, page_id=index).to_dict() for index, stem in enumerate(["Actrius", "Barry_Lyndon", "Rush_(2013_film)"])]


def filled(sink: JsonlSink | ParquetSink) -> None:
    """Write the three records and close the sink."""
    for record in records():
        sink.write(record)
    sink.close()


def test_jsonl_round_trip_and_partial_line_cut_on_resume(tmp_path: Path) -> None:
    """Lines are whole JSON records; a line cut by a kill is dropped when appending."""
    path = tmp_path / "films.jsonl"
    filled(JsonlSink(path, batch=2))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["Actresses", "Barry Lyndon", "Rush"]
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"page_id": 9, "tit')
    assert jsonl_keys(path) == {"id:0", "id:1", "id:2"}
    JsonlSink(path, append=True).close()
    assert path.read_text(encoding="utf-8").endswith("}\n")


def test_parquet_parts_read_back_with_the_contract_schema(tmp_path: Path) -> None:
    """Parquet parts hold the nested contract; pyarrow gives the same records back."""
    path = tmp_path / "films.parquet"
    filled(ParquetSink(path, batch=2))
    assert sorted(part.name for part in path.iterdir()) == ["part-00000.parquet", "part-00001.parquet"]
    back = list(read_parquet_records(path))
    assert [record["title"] for record in back] == ["Actresses", "Barry Lyndon", "Rush"]
    assert back[1]["directors"] == [{"name": "Stanley Kubrick", "link": "Stanley Kubrick", "person": "P1"}]
    assert back[1]["budget"]["amount"] == 12_000_000 and back[1]["budget"]["currency"] == "USD"
    assert parquet_keys(path) == {"id:0", "id:1", "id:2"}


def test_parquet_readable_by_duckdb_and_pandas(tmp_path: Path) -> None:
    """DuckDB queries nested columns; pandas reads the folder."""
    duckdb = pytest.importorskip("duckdb")
    pandas = pytest.importorskip("pandas")
    path = tmp_path / "films.parquet"
    filled(ParquetSink(path))
    rows = duckdb.sql(f"select title, len(accolades) as n, runtime_minutes from read_parquet('{path}/*.parquet') order by page_id").fetchall()
    assert rows == [("Actresses", 0, 100), ("Barry Lyndon", 14, 187), ("Rush", 30, 123)]
    frame = pandas.read_parquet(path)
    assert list(frame["title"]) == ["Actresses", "Barry Lyndon", "Rush"]


def test_no_temporary_part_survives_a_reopen(tmp_path: Path) -> None:
    """A part being written when a run was killed is a hidden temporary file, removed on the next open."""
    path = tmp_path / "films.parquet"
    path.mkdir()
    (path / ".part-00000.tmp").write_bytes(b"half")
    ParquetSink(path, append=True).close()
    assert list(path.iterdir()) == []


def test_parquet_keeps_the_cast_version(tmp_path: Path) -> None:
    """A cast entry's version (one cast per language or film) survives Parquet; null stays null."""
    record = records()[0]
    record["cast"] = [
        {"actor": {"name": "Hitoshi Takagi", "link": None, "person": None}, "role": "Totoro", "version": "Japanese"},
        {"actor": {"name": "Frank Welker", "link": None, "person": None}, "role": "Totoro", "version": None},
    ]
    path = tmp_path / "films.parquet"
    sink = ParquetSink(path)
    sink.write(record)
    sink.close()
    (back,) = read_parquet_records(path)
    assert [(item["actor"]["name"], item["version"]) for item in back["cast"]] == [("Hitoshi Takagi", "Japanese"), ("Frank Welker", None)]
