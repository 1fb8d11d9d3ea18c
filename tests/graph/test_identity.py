"""Person keys where the dump cannot tell: two people under one name, and an unlinked mention of that name."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from wikifilm.graph import graph

pytest.importorskip("duckdb")

ARTICLE = """{{{{Infobox film
| name = {title}
| director = Jo Director
| starring = {starring}
| released = 2020
}}}}
'''{title}''' is a 2020 South Korean film.
"""


def test_one_name_two_link_targets_and_an_unlinked_mention(tmp_path: Path) -> None:
    """The issue's Kim Min-jae: two link targets stay two people; the unlinked mention is ambiguous,
    reported with both candidates, and keyed on its own."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for title, starring in [("Film A", "[[Kim Min-jae (actor, born 1979)|Kim Min-jae]]"),
                            ("Film B", "[[Kim Min-jae (actor, born 1996)|Kim Min-jae]]"),
                            ("Film C", "Kim Min-jae")]:
        (folder / f"{title}.wikitext").write_text(ARTICLE.format(title=title, starring=starring), encoding="utf-8")
    summary = graph([folder], tmp_path / "out", workers=1)
    assert (summary.films, summary.ambiguous) == (3, 1)
    credits = {(row["film_title"], row["role"]): row for row in pq.read_table(tmp_path / "out" / "credits.parquet").to_pylist()}
    assert credits["Film A", "starring"]["person_key"] == "Kim Min-jae (actor, born 1979)"
    assert credits["Film B", "starring"]["person_key"] == "Kim Min-jae (actor, born 1996)"
    unlinked = credits["Film C", "starring"]
    assert (unlinked["identity"], unlinked["person_sitelink"]) == ("ambiguous", None)
    assert unlinked["person_key"].startswith("Film C#P")
    (report,) = pq.read_table(tmp_path / "out" / "ambiguous.parquet").to_pylist()
    assert report["film_title"] == "Film C" and report["names"] == ["Kim Min-jae"]
    assert report["candidates"] == ["Kim Min-jae (actor, born 1979)", "Kim Min-jae (actor, born 1996)"]
    people = {row["person_key"]: row for row in pq.read_table(tmp_path / "out" / "people.parquet").to_pylist()}
    assert people["Kim Min-jae (actor, born 1979)"]["name"] == "Kim Min-jae"  # disambiguation dropped
    directors = sorted(row["person_key"] for row in credits.values() if row["role"] == "director")
    assert directors == ["Film A#P1", "Film B#P1", "Film C#P1"]  # an unlinked name is one film's person
