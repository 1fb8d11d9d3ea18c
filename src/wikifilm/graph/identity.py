"""One key per person across a dump, decided in DuckDB over the spilled credits (out of core).

- A linked mention's key is its link target resolved through the dump's redirect pages (up to
  three hops), i.e. the person's enwiki sitelink: ``[[Yo Oizumi|Yō Ōizumi]]`` and
  ``[[Yō Ōizumi]]`` meet when ``Yo Oizumi`` redirects there. Two targets are never merged.
- An unlinked mention takes the link of the same person linked elsewhere in its article (the
  record's person ids); else it joins the one linked person whose names (as written, and the
  title without its disambiguation) the name model calls variants of it and who is credited
  elsewhere in the same kind of role (acting; directing, writing and producing; music;
  cinematography; editing; nominations), unless its own article credits that person
  separately; with several such people it is ``ambiguous`` and reported. The role test keeps
  a film's cinematographer "Ravishankar" apart from the composer ``[[Ravi Shankar]]``.
- What stays unlinked is keyed ``FILM TITLE#P3`` (a title never holds ``#``): one film's person.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wikifilm.graph.spill import sql_string
from wikifilm.names import is_variant, match_keys

_DISAMBIGUATION_SQL = r"regexp_replace({0}, '\s*\([^()]*\)$', '')"
_FAMILY_SQL = """CASE WHEN {0} IN ('cast', 'starring', 'narrator') THEN 'acting'
    WHEN {0} IN ('director', 'writer', 'producer') THEN 'making' ELSE {0} END"""

RESOLVE_SQL = [
    """CREATE TABLE redirects AS SELECT title, any_value(target) AS target FROM {redirects}
       WHERE title IS NOT NULL AND target IS NOT NULL AND title <> target GROUP BY title""",
    # double redirects are rare (bots fix them); three hops cover them
    """CREATE TABLE resolve AS SELECT r1.title, coalesce(r3.target, r2.target, r1.target) AS target
       FROM redirects r1 LEFT JOIN redirects r2 ON r2.title = r1.target LEFT JOIN redirects r3 ON r3.title = r2.target""",
    "CREATE TABLE credits AS SELECT * FROM {credits}",
    """CREATE TABLE linked AS SELECT c.credit_id, c.film_title, coalesce(r.target, c.link_title) AS sitelink,
       r.target IS NOT NULL AS redirected FROM credits c LEFT JOIN resolve r ON r.title = c.link_title
       WHERE c.link_title IS NOT NULL""",
    f"""CREATE TABLE person_names AS
       SELECT DISTINCT l.sitelink, c.name FROM linked l JOIN credits c USING (credit_id) WHERE c.name IS NOT NULL
       UNION SELECT DISTINCT sitelink, {_DISAMBIGUATION_SQL.format('sitelink')} FROM linked""",
    "CREATE TABLE person_keys AS SELECT sitelink, name, unnest(match_keys(name)) AS key FROM person_names",
    f"""CREATE TABLE mentions AS SELECT DISTINCT film_title, mention, name, {_FAMILY_SQL.format('role')} AS family
       FROM credits WHERE link_title IS NULL AND name IS NOT NULL AND name <> ''""",
    "CREATE TABLE mention_keys AS SELECT film_title, mention, name, family, unnest(match_keys(name)) AS key FROM mentions",
    "CREATE TABLE film_people AS SELECT DISTINCT film_title, sitelink FROM linked",
    f"""CREATE TABLE person_families AS SELECT DISTINCT l.sitelink, {_FAMILY_SQL.format('c.role')} AS family
       FROM linked l JOIN credits c USING (credit_id)""",
    # a candidate the mention's own article credits under another person id is a different person
    """CREATE TABLE candidates AS
       SELECT DISTINCT pairs.film_title, pairs.mention, pairs.sitelink FROM (
         SELECT m.film_title, m.mention, m.name AS mention_name, m.family, p.sitelink, p.name AS person_name
         FROM mention_keys m JOIN person_keys p USING (key)) pairs
       SEMI JOIN person_families r ON r.sitelink = pairs.sitelink AND r.family = pairs.family
       ANTI JOIN film_people f ON f.film_title = pairs.film_title AND f.sitelink = pairs.sitelink
       WHERE is_variant(pairs.mention_name, pairs.person_name)""",
    """CREATE TABLE mention_people AS SELECT film_title, mention,
       CASE WHEN count(*) = 1 THEN any_value(sitelink) END AS sitelink, list_sort(list(sitelink)) AS candidates
       FROM candidates GROUP BY film_title, mention""",
    """CREATE TABLE final AS SELECT c.credit_id, c.film_page_id, c.film_title, c.role, c.wikidata_property,
       coalesce(l.sitelink, mp.sitelink, c.film_title || '#' || c.mention) AS person_key,
       c.name, c.character, c.version, c.link, coalesce(l.sitelink, mp.sitelink) AS person_sitelink,
       CASE WHEN l.sitelink IS NOT NULL THEN (CASE WHEN c.adopted THEN 'same-article' WHEN l.redirected THEN 'redirect' ELSE 'link' END)
            WHEN mp.sitelink IS NOT NULL THEN 'name-variant'
            WHEN mp.film_title IS NOT NULL THEN 'ambiguous'
            ELSE 'unlinked' END AS identity
       FROM credits c LEFT JOIN linked l USING (credit_id)
       LEFT JOIN mention_people mp ON c.link_title IS NULL AND mp.film_title = c.film_title AND mp.mention = c.mention""",
]
"""The resolution, one statement per step; ``{redirects}`` and ``{credits}`` are table expressions."""

CREDITS_SQL = """SELECT film_page_id, film_title, role, wikidata_property, person_key, name, character, version, link,
    person_sitelink, identity FROM final ORDER BY credit_id"""
"""credits.parquet, in extraction order."""

PEOPLE_SQL = f"""SELECT person_key,
    CASE WHEN any_value(person_sitelink) IS NOT NULL THEN {_DISAMBIGUATION_SQL.format('any_value(person_sitelink)')}
         ELSE mode(name) END AS name,
    list_sort(list(DISTINCT name) FILTER (WHERE name IS NOT NULL)) AS variants,
    list_sort(list(DISTINCT link) FILTER (WHERE link IS NOT NULL)) AS link_targets,
    count(DISTINCT film_title) AS films,
    any_value(person_sitelink) AS sitelink
    FROM final GROUP BY person_key ORDER BY person_key"""
"""people.parquet: one row per person key."""

AMBIGUOUS_SQL = """SELECT mp.film_title, mp.mention, list_sort(list(DISTINCT m.name)) AS names, any_value(mp.candidates) AS candidates
    FROM mention_people mp JOIN mentions m USING (film_title, mention) WHERE mp.sitelink IS NULL
    GROUP BY mp.film_title, mp.mention ORDER BY mp.film_title, mp.mention"""
"""ambiguous.parquet: unlinked mentions that could be several linked people, and those people."""


def connect(work: Path, memory_limit: str) -> Any:
    """A DuckDB connection that spills to ``work`` past ``memory_limit``, with the name model as functions."""
    import duckdb

    try:
        from duckdb import sqltypes
    except ImportError:  # DuckDB before 1.4 names the module duckdb.typing
        from duckdb import typing as sqltypes  # type: ignore[no-redef,attr-defined]

    con = duckdb.connect(str(work / "graph.duckdb"))
    con.execute(f"SET memory_limit = {sql_string(memory_limit)}")
    con.execute(f"SET temp_directory = {sql_string(work / 'tmp')}")
    con.execute("SET preserve_insertion_order = false")
    con.create_function("match_keys", lambda name: sorted(match_keys(name)), [sqltypes.VARCHAR], duckdb.list_type(sqltypes.VARCHAR))
    con.create_function("is_variant", is_variant, [sqltypes.VARCHAR, sqltypes.VARCHAR], sqltypes.BOOLEAN)
    return con


def resolve(con: Any, redirects: str, credits: str) -> None:
    """Run the resolution over the spilled redirects and credits (table expressions); leaves table ``final``."""
    for statement in RESOLVE_SQL:
        con.execute(statement.format(redirects=redirects, credits=credits))
