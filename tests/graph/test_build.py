"""The graph of real articles: person keys across articles, redirects, name variants, Wikidata columns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pyarrow.parquet as pq
import pytest

from tests.conftest import FIXTURES, article_text
from wikifilm.graph import graph

duckdb = pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The graph of the 83 copied corpus articles (79 with a film infobox)."""
    out = tmp_path_factory.mktemp("graph")
    summary = graph([FIXTURES / "articles"], out, workers=1)
    assert (summary.pages, summary.films, summary.errors) == (83, 79, 0)
    return out


def rows(query: str) -> list[dict[str, Any]]:
    cursor = duckdb.sql(query)
    return [dict(zip(cursor.columns, row, strict=True)) for row in cursor.fetchall()]


def credits_of(out: Path, where: str) -> list[dict[str, Any]]:
    return rows(f"SELECT * FROM '{out / 'credits.parquet'}' WHERE {where} ORDER BY film_title, role, name")


def test_one_person_key_across_articles(corpus_graph: Path) -> None:
    """Bruce Campbell, linked in Army of Darkness, Cars 2 and Evil Dead II, is one person in three films."""
    person = rows(f"SELECT * FROM '{corpus_graph / 'people.parquet'}' WHERE person_key = 'Bruce Campbell'")
    assert person == [{"person_key": "Bruce Campbell", "name": "Bruce Campbell", "variants": ["Bruce Campbell"],
                       "link_targets": ["Bruce Campbell"], "films": 3, "sitelink": "Bruce Campbell"}]
    films = {row["film_title"] for row in credits_of(corpus_graph, "person_key = 'Bruce Campbell'")}
    assert films == {"Army of Darkness", "Cars 2", "Evil Dead II"}


def test_link_target_is_the_key_and_the_name_as_written_is_kept(corpus_graph: Path) -> None:
    """Evil Dead II writes [[Kassie DePaiva|Kassie Wesley]]: keyed by the target, written name kept, P161 for cast."""
    found = credits_of(corpus_graph, "film_title = 'Evil Dead II' AND name = 'Kassie Wesley'")
    assert [(row["role"], row["wikidata_property"], row["person_key"], row["link"], row["character"]) for row in found] == [
        ("cast", "P161", "Kassie DePaiva", "Kassie DePaiva", "Bobby Joe"),
        ("starring", "P161", "Kassie DePaiva", "Kassie DePaiva", None),
    ]


def test_unlinked_mention_takes_the_link_of_the_same_person_in_its_article(corpus_graph: Path) -> None:
    """Evil Dead II links Sam Raimi as director and writes him unlinked as writer: one key, said how."""
    found = credits_of(corpus_graph, "film_title = 'Evil Dead II' AND role IN ('director', 'writer') AND name = 'Sam Raimi'")
    assert [(row["role"], row["wikidata_property"], row["person_key"], row["identity"]) for row in found] == [
        ("director", "P57", "Sam Raimi", "link"), ("writer", "P58", "Sam Raimi", "same-article")]


def test_unlinked_mention_joins_a_variant_credited_in_the_same_kind_of_role(corpus_graph: Path) -> None:
    """Azhagarsamy's editor 'P. Sai Suresh' (unlinked) is Villadhi Villain's editor [[P. Sai Suresh]]."""
    found = credits_of(corpus_graph, "film_title = 'Azhagarsamy' AND role = 'editing'")
    assert [(row["name"], row["person_key"], row["identity"]) for row in found] == [("P. Sai Suresh", "P. Sai Suresh", "name-variant")]


def test_a_namesake_in_another_kind_of_role_is_not_joined(corpus_graph: Path) -> None:
    """Sendhoorapandi's cinematographer 'Ravishankar' is not Charly's composer [[Ravi Shankar]]: a key of its own."""
    found = credits_of(corpus_graph, "film_title = 'Sendhoorapandi' AND role = 'cinematography'")
    assert [(row["name"], row["person_sitelink"], row["identity"]) for row in found] == [("Ravishankar", None, "unlinked")]
    assert found[0]["person_key"].startswith("Sendhoorapandi#P")


def test_two_link_targets_are_never_merged(corpus_graph: Path) -> None:
    """Beporowa credits [[Rebeka]] and [[Rebeka Rouf]]; Tony Martin's two titles stay two people without a redirect."""
    keys = {row["person_key"] for row in credits_of(corpus_graph, "film_title = 'Beporowa' AND name LIKE 'Rebeka%'")}
    assert keys == {"Rebeka", "Rebeka Rouf"}
    people = rows(f"SELECT person_key FROM '{corpus_graph / 'people.parquet'}' WHERE name = 'Tony Martin' ORDER BY 1")
    assert [row["person_key"] for row in people] == ["Tony Martin (American singer)", "Tony Martin (entertainer)"]


def test_films_table_carries_wikidata_properties(corpus_graph: Path) -> None:
    """films.parquet: Barry Lyndon's row as the article gives it, each field with its Wikidata property."""
    table = pq.read_table(corpus_graph / "films.parquet")
    properties = {field.name: (field.metadata or {}).get(b"wikidata", b"").decode() for field in table.schema}
    assert properties["release_dates"] == "P577" and properties["runtime_minutes"] == "P2047"
    assert properties["budget"] == "P2130" and properties["gross"] == "P2142" and properties["distributors"] == "P750"
    assert properties["sitelink"] == "sitelink:enwiki"
    barry = next(row for row in table.to_pylist() if row["page_title"] == "Barry Lyndon")
    assert barry["runtime_minutes"] == 187 and barry["countries"] == ["United Kingdom", "United States"]
    assert barry["budget"]["amount"] == 12_000_000 and barry["gross"]["amount"] == 20_200_000


def page_xml(title: str, page_id: int, text: str, redirect: str | None = None) -> str:
    tag = f'<redirect title="{escape(redirect)}" />' if redirect else ""
    return (f"<page><title>{escape(title)}</title><ns>0</ns><id>{page_id}</id>{tag}<revision><id>{page_id * 10}</id>"
            f'<text xml:space="preserve">{escape(text)}</text></revision></page>\n')


def test_link_targets_meet_through_the_dumps_redirect_pages(tmp_path: Path) -> None:
    """The Castle of Cagliostro links [[Goro Naya]] (starring) and [[Gorō Naya]] (cast); the redirect joins them."""
    dump = tmp_path / "dump.xml"
    dump.write_text('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">\n'
                    + page_xml("The Castle of Cagliostro", 7, article_text("The_Castle_of_Cagliostro"))
                    + page_xml("Goro Naya", 8, "#REDIRECT [[Gorō Naya]]", redirect="Gorō Naya") + "</mediawiki>\n", encoding="utf-8")
    out = tmp_path / "Naya's graph"  # a quote in the path is no SQL
    summary = graph([dump], out, workers=1)
    assert (summary.films, summary.redirects) == (1, 1)
    found = rows(f"SELECT * FROM read_parquet('{str(out).replace(chr(39), chr(39) * 2)}/credits.parquet') WHERE name LIKE 'Gor%Naya' ORDER BY role")
    assert [(row["film_page_id"], row["role"], row["person_key"], row["link"], row["identity"]) for row in found] == [
        (7, "cast", "Gorō Naya", "Gorō Naya", "link"), (7, "starring", "Gorō Naya", "Goro Naya", "redirect")]
    people = pq.read_table(out / "people.parquet").to_pylist()
    person = next(row for row in people if row["person_key"] == "Gorō Naya")
    assert (person["variants"], person["link_targets"], person["films"]) == (["Goro Naya", "Gorō Naya"], ["Goro Naya", "Gorō Naya"], 1)


def test_wikidata_statements_keyed_by_sitelink(tmp_path: Path) -> None:
    """--format wikidata on the shipped sample: Barry Lyndon's line with P57 Stanley Kubrick and P2047 (187 minutes)."""
    from wikifilm.cli import sample_dump

    summary = graph([sample_dump()], tmp_path, format="wikidata", workers=1)
    lines = [json.loads(line) for line in (tmp_path / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == summary.films == 10
    barry = next(line for line in lines if line["sitelink"] == "Barry Lyndon")
    assert barry["site"] == "enwiki"
    directors = [item for item in barry["statements"] if item["property"] == "P57"]
    assert [item["value"] for item in directors] == [{"type": "item", "sitelink": "Stanley Kubrick", "label": "Stanley Kubrick"}]
    duration = next(item for item in barry["statements"] if item["property"] == "P2047")
    assert duration["value"] == {"type": "quantity", "amount": "187", "unit": "Q7727"}
    assert not (tmp_path / "credits.parquet").exists()


def test_wikidata_statements_state_a_person_once_per_property(tmp_path: Path) -> None:
    """Barry Lyndon stars Ryan O'Neal (starring) as Redmond Barry (cast): one P161 statement with the character."""
    from wikifilm.cli import sample_dump

    graph([sample_dump()], tmp_path, format="wikidata", workers=1)
    lines = [json.loads(line) for line in (tmp_path / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    barry = next(line for line in lines if line["sitelink"] == "Barry Lyndon")
    oneal = [item for item in barry["statements"] if item["value"].get("sitelink") == "Ryan O'Neal"]
    assert [item["property"] for item in oneal] == ["P161"]
    assert oneal[0]["qualifiers"]["P453"]["value"].startswith("Redmond Barry")  # "(later Redmond Barry Lyndon)" follows
    budget = next(item for item in barry["statements"] if item["property"] == "P2130")
    assert budget["value"] == {"type": "quantity", "amount": "12000000", "unit": "USD"}


def test_dub_casts_are_voice_actors(corpus_graph: Path) -> None:
    """My Neighbor Totoro's cast table: Satsuki is Noriko Hidaka (Japanese, the film's language: P161),
    Dakota Fanning in Disney's 2005 English dub (P725)."""
    found = credits_of(corpus_graph, "film_title = 'My Neighbor Totoro' AND role = 'cast' AND name IN ('Noriko Hidaka', 'Dakota Fanning')")
    assert [(row["name"], row["version"], row["wikidata_property"]) for row in found] == [
        ("Dakota Fanning", "English (Disney, 2005)", "P725"), ("Noriko Hidaka", "Japanese", "P161")]
