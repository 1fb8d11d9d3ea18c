"""Spark: extract_films over a real local Spark session (local[2], loopback only)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

from tests.conftest import article_text

pyspark = pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]").appName("wikifilm-tests")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_extract_films_gives_the_contract_schema_and_values(spark: object) -> None:
    """Rows in, film records out, with nested columns; a poisoned row becomes a diagnostic row."""
    from wikifilm.batch.schema import FILM_SCHEMA
    from wikifilm.spark import extract_films

    rows = [(article_text("Barry_Lyndon"), "Barry Lyndon", 1), (article_text("Actrius"), "Actrius", 2), (None, "Empty", 3)]
    frame = spark.createDataFrame(rows, "text string, title string, page_id long")  # type: ignore[attr-defined]
    films = extract_films(frame, id_col="page_id")
    assert films.columns == FILM_SCHEMA.names
    out = {row["page_id"]: row for row in films.collect()}
    assert out[1]["title"] == "Barry Lyndon" and out[1]["runtime_minutes"] == 187
    assert out[1]["directors"][0]["name"] == "Stanley Kubrick"
    assert len(out[1]["accolades"]) == 14
    assert out[2]["title"] == "Actresses"
    assert out[3]["page_title"] == "Empty"
