"""Tidy tables: one row per film, credit, cast line, nominee and release, as read in the articles.

The Barry Lyndon values below were read in its article (the shipped sample's revision 953837852,
the same text as tests/fixtures/articles/Barry_Lyndon.wikitext): the infobox, the Cast list and
the Awards table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

import wikifilm
from wikifilm.batch.pages import ErrorRecord
from wikifilm.batch.tables import SCHEMAS, iter_output_records, tables, write_tables
from wikifilm.cli import main
from wikifilm.record import Film

BARRY = 900001
"""Barry Lyndon's page id in the sample."""


@pytest.fixture(scope="module")
def films() -> list[Film]:
    results = list(wikifilm.extract_pages(wikifilm.iter_pages(wikifilm.sample_dump()), workers=1))
    assert all(isinstance(result, Film) for result in results)
    return results  # type: ignore[return-value]


@pytest.fixture(scope="module")
def built(films: list[Film]) -> dict[str, pa.Table]:
    return tables(films)


def rows(table: pa.Table, page_id: int = BARRY) -> list[dict[str, Any]]:
    return [row for row in table.to_pylist() if row["page_id"] == page_id]


def test_every_table_has_its_schema_and_the_film_key(built: dict[str, pa.Table]) -> None:
    """The five tables the issue names, and more, each keyed by page_id and page_title."""
    assert {"films", "credits", "cast", "accolades", "releases"} <= set(built)
    for name, table in built.items():
        assert table.schema == SCHEMAS[name]
        assert table.column_names[:2] == ["page_id", "page_title"]
    assert built["films"].num_rows == 10  # the sample's ten films; the series and the person are skipped


def test_films_has_one_row_per_film_with_flat_columns(built: dict[str, pa.Table]) -> None:
    """Infobox: 187 minutes, $12 million budget, $20.2 million gross, released 18 December 1975, UK and US."""
    [barry] = rows(built["films"])
    assert (barry["title"], barry["runtime_minutes"], barry["release_date"], barry["year"]) == ("Barry Lyndon", 187, "1975-12-18", 1975)
    assert (barry["budget_amount"], barry["budget_currency"], barry["budget_raw"]) == (12_000_000, "USD", "$12 million")
    assert (barry["gross_amount"], barry["gross_currency"]) == (20_200_000, "USD")
    assert barry["countries"] == ["United Kingdom", "United States"] and barry["languages"] == ["English"]
    assert barry["based_on"] == ["The Luck of Barry Lyndon"]


def test_credits_has_one_row_per_credit(built: dict[str, pa.Table]) -> None:
    """Kubrick directs, produces and writes the screenplay (one person); six starring; Alcott; Lawson."""
    credits = [(row["role"], row["position"], row["name"], row["link"]) for row in rows(built["credits"])]
    assert credits == [
        ("director", 0, "Stanley Kubrick", "Stanley Kubrick"),
        ("writer", 0, "Stanley Kubrick", None),
        ("producer", 0, "Stanley Kubrick", None),
        ("starring", 0, "Ryan O'Neal", "Ryan O'Neal"),
        ("starring", 1, "Marisa Berenson", "Marisa Berenson"),
        ("starring", 2, "Patrick Magee", "Patrick Magee (actor)"),
        ("starring", 3, "Hardy Krüger", "Hardy Krüger"),
        ("starring", 4, "Diana Koerner", "Diana Koerner"),
        ("starring", 5, "Gay Hamilton", "Gay Hamilton"),
        ("cinematography", 0, "John Alcott", "John Alcott"),
        ("editing", 0, "Tony Lawson", None),
    ]
    assert len({row["person"] for row in rows(built["credits"]) if row["name"] == "Stanley Kubrick"}) == 1


def test_cast_accolades_and_releases(built: dict[str, pa.Table]) -> None:
    """Cast lines in order; an accolades row with three recipients is three rows; an empty recipient is one null row."""
    cast = rows(built["cast"])
    assert (cast[0]["actor"], cast[0]["role"]) == ("Michael Hordern", "Narrator")
    assert (cast[2]["actor"], cast[2]["role"], cast[2]["position"]) == ("Marisa Berenson", "Lady Lyndon", 2)
    art = [row for row in rows(built["accolades"]) if row["category"] == "Best Art Direction"]
    assert [(row["nominee"], row["nominee_link"]) for row in art] == [
        ("Ken Adam", "Ken Adam"), ("Roy Walker", "Roy Walker (production designer)"), ("Vernon Dixon", "Vernon Dixon"),
    ]
    assert {(row["ceremony"], row["result"], row["accolade"]) for row in art} == {("Academy Awards", "won", 3)}
    film = [row for row in rows(built["accolades"]) if row["category"] == "Best Film"]
    assert [(row["ceremony"], row["nominee"], row["result"]) for row in film] == [("British Academy Film Awards", None, "nominated")]
    assert [(row["date"], row["year"], row["month"], row["day"], row["place"]) for row in rows(built["releases"])] == [
        ("1975-12-18", 1975, 12, 18, None),
    ]
    companies = [(row["role"], row["name"]) for row in rows(built["companies"])]
    assert companies == [("studio", "Hawk Films"), ("studio", "Peregrine Productions"), ("distributor", "Warner Bros.")]


def test_tables_of_json_records_equal_tables_of_films(films: list[Film], built: dict[str, pa.Table]) -> None:
    """A JSONL line read back gives the same tables as the Film it was written from; error records are skipped."""
    records: list[Any] = [json.loads(json.dumps(film.to_dict())) for film in films]
    records.insert(3, ErrorRecord(1, "Broken", "RuntimeError", "boom"))
    records.insert(5, ErrorRecord(2, "Broken too", "RuntimeError", "boom").to_dict())
    again = tables(records)
    assert all(again[name].equals(built[name]) for name in built)


def test_no_films_gives_empty_tables_and_a_wrong_item_a_type_error() -> None:
    """Empty input: every table, no rows. A string where a record should be: TypeError naming tables()."""
    assert all(table.num_rows == 0 for table in tables([]).values())
    with pytest.raises(TypeError, match=r"tables\(\)"):
        tables(["Barry Lyndon"])  # type: ignore[list-item]


def test_to_pandas_one_row_per_film_with_nullable_integers(films: list[Film]) -> None:
    """runtime_minutes is a nullable integer column, so arithmetic works; other tables by name."""
    frame = wikifilm.to_pandas(films)
    assert len(frame) == 10 and str(frame["runtime_minutes"].dtype) == "Int32"
    barry = frame.set_index("page_id").loc[BARRY]
    assert barry["runtime_minutes"] + 1 == 188 and barry["title"] == "Barry Lyndon"
    cast = wikifilm.to_pandas(films, "cast")
    assert cast.loc[(cast.page_id == BARRY) & (cast.actor == "Leon Vitali"), "role"].tolist() == ["Lord Bullingdon"]
    with pytest.raises(ValueError, match="films, credits, cast"):
        wikifilm.to_pandas(films, "crew")


def test_to_pandas_without_pandas_says_which_extra(monkeypatch: pytest.MonkeyPatch, films: list[Film]) -> None:
    """pandas is optional: its absence is an ImportError naming wikifilm[pandas]."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'wikifilm\[pandas\]'"):
        wikifilm.to_pandas(films[:1])


def test_polars_reads_the_arrow_tables(built: dict[str, pa.Table]) -> None:
    """polars takes the same tables without conversion code of ours."""
    polars = pytest.importorskip("polars")
    cast = polars.from_arrow(built["cast"])
    assert cast.filter((polars.col("page_id") == BARRY) & (polars.col("actor") == "Hardy Krüger"))["role"].to_list() == ["Captain Potzdorf"]


def test_command_writes_parquet_tables_that_pandas_and_duckdb_read(tmp_path: Path) -> None:
    """`wikifilm extract --sample --tables DIR`: one Parquet file per table, read back by pandas and DuckDB."""
    pandas = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "tables"
    assert main(["extract", "--sample", "-o", str(tmp_path / "films.jsonl"), "--tables", str(out), "--workers", "1", "--no-progress"]) == 0
    assert sorted(path.name for path in out.iterdir()) == sorted(f"{name}.parquet" for name in SCHEMAS)
    films = pandas.read_parquet(out / "films.parquet")
    assert len(films) == 10 and films.loc[films.page_id == BARRY, "gross_amount"].tolist() == [20_200_000]
    won = duckdb.sql(f"""
        select count(*) from read_parquet('{out}/accolades.parquet')
        where page_id = {BARRY} and ceremony = 'Academy Awards' and result = 'won'
    """).fetchall()
    assert won == [(7,)]  # Art Direction (3 recipients), Costume Design (2), Cinematography, Score
    kubrick = duckdb.sql(f"""
        select f.title, list(c.role order by c.role) from read_parquet('{out}/credits.parquet') c
        join read_parquet('{out}/films.parquet') f using (page_id)
        where c.name = 'Stanley Kubrick' group by f.title
    """).fetchall()
    assert kubrick == [("Barry Lyndon", ["director", "producer", "writer"])]


def test_parquet_output_gives_the_same_tables(tmp_path: Path, built: dict[str, pa.Table]) -> None:
    """Records read back from a Parquet output (money as float64) give the tables the Films give."""
    assert main(["extract", "--sample", "-o", str(tmp_path / "films.parquet"), "--workers", "1", "--no-progress"]) == 0
    again = tables(iter_output_records(tmp_path / "films.parquet"))
    assert all(again[name].equals(built[name]) for name in built)


def test_a_failed_write_leaves_no_table_behind(tmp_path: Path, films: list[Film]) -> None:
    """Files appear whole or not at all: a record stream that breaks leaves the directory without tables."""
    def broken() -> Any:
        yield films[0]
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        write_tables(broken(), tmp_path, batch=1)
    assert list(tmp_path.iterdir()) == []
    paths = write_tables(films, tmp_path, batch=3)  # several batches, one file per table
    import pyarrow.parquet as pq

    assert pq.read_table(paths["cast"]).equals(tables(films)["cast"])


def test_import_wikifilm_leaves_pyarrow_until_tables_are_asked_for() -> None:
    """tables and to_pandas load on first use: `import wikifilm` (and every worker) skips pyarrow's import."""
    import subprocess

    code = ("import sys, wikifilm; assert 'pyarrow' not in sys.modules; "
            "from wikifilm import tables; assert 'pyarrow' in sys.modules and tables is wikifilm.tables")
    subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONPATH": str(Path(wikifilm.__file__).parent.parent)})
