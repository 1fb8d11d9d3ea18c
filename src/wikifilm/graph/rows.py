"""One film record (the contract's JSON shape) to a row of films.parquet and its credit rows.

Working from ``Film.to_dict()`` keeps the graph on the documented contract rather than on the
record's Python attributes. Within an article, a mention left unlinked takes the link of the
same person linked elsewhere in that article (the record's ``person`` ids say which).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wikifilm.graph.titles import normalize_title
from wikifilm.graph.wikidata import CREDIT_PROPERTIES, FILM_PROPERTIES, cast_property

ROLE_FIELDS = (
    ("director", "directors"), ("writer", "writers"), ("producer", "producers"), ("starring", "starring"),
    ("narrator", "narrators"), ("music", "music"), ("cinematography", "cinematography"), ("editing", "editing"),
)
"""Credit role and the record field it is read from (``cast`` and ``nominee`` are read from their lists)."""

ROLES = (*(role for role, _field in ROLE_FIELDS), "cast", "nominee")

def film_row_schema() -> Any:
    """The Arrow schema of films.parquet; a field with a Wikidata property carries it as ``wikidata``
    metadata. (pyarrow is imported here, not with the package: ``import wikifilm`` stays light.)"""
    import pyarrow as pa

    def field(name: str, kind: Any) -> Any:
        prop = FILM_PROPERTIES.get(name)
        return pa.field(name, kind, metadata={"wikidata": prop} if prop else None)

    money = pa.struct([("amount", pa.float64()), ("currency", pa.string()), ("raw", pa.string())])
    companies = pa.list_(pa.struct([("name", pa.string()), ("link", pa.string()), ("sitelink", pa.string())]))
    return pa.schema([
        pa.field("page_id", pa.int64()),
        pa.field("page_title", pa.string()),
        pa.field("sitelink", pa.string(), metadata={"wikidata": "sitelink:enwiki"}),
        pa.field("title", pa.string()),
        pa.field("revision_id", pa.int64()),
        field("release_dates", pa.list_(pa.struct([("date", pa.string()), ("place", pa.string()), ("note", pa.string())]))),
        field("runtime_minutes", pa.int32()),
        field("budget", money),
        field("gross", money),
        field("countries", pa.list_(pa.string())),
        field("languages", pa.list_(pa.string())),
        field("studios", companies),
        field("distributors", companies),
    ])

_PLACED = "STRUCT(date VARCHAR, place VARCHAR, note VARCHAR)[]"
_MONEY = "STRUCT(amount DOUBLE, currency VARCHAR, raw VARCHAR)"
_COMPANIES = "STRUCT(name VARCHAR, link VARCHAR, sitelink VARCHAR)[]"

FILM_SPILL_COLUMNS = {
    "seq": "BIGINT", "page_id": "BIGINT", "page_title": "VARCHAR", "sitelink": "VARCHAR", "title": "VARCHAR",
    "revision_id": "BIGINT", "release_dates": _PLACED, "runtime_minutes": "INTEGER", "budget": _MONEY, "gross": _MONEY,
    "countries": "VARCHAR[]", "languages": "VARCHAR[]", "studios": _COMPANIES, "distributors": _COMPANIES,
}
"""Film rows as spilled (``seq`` keeps input order), in DuckDB types matching :func:`film_row_schema`."""

CREDIT_SPILL_COLUMNS = {
    "credit_id": "BIGINT", "film_page_id": "BIGINT", "film_title": "VARCHAR", "role": "VARCHAR",
    "wikidata_property": "VARCHAR", "name": "VARCHAR", "character": "VARCHAR", "version": "VARCHAR", "link": "VARCHAR",
    "link_title": "VARCHAR", "adopted": "BOOLEAN", "mention": "VARCHAR",
}
"""Credits as spilled while extracting, before person keys are decided."""


def film_row(record: dict[str, Any], seq: int = 0) -> dict[str, Any]:
    """The films.parquet row of a record (and its place ``seq`` in the input, dropped from the table)."""
    return {
        "seq": seq,
        "page_id": record.get("page_id"),
        "page_title": record.get("page_title"),
        "sitelink": record.get("page_title"),
        "title": record.get("title"),
        "revision_id": record.get("revision_id"),
        "release_dates": record.get("release_dates") or [],
        "runtime_minutes": record.get("runtime_minutes"),
        "budget": _money(record.get("budget")),
        "gross": _money(record.get("gross")),
        "countries": record.get("countries") or [],
        "languages": record.get("languages") or [],
        "studios": [_company(item) for item in record.get("studios") or ()],
        "distributors": [_company(item) for item in record.get("distributors") or ()],
    }


def _money(money: dict[str, Any] | None) -> dict[str, Any] | None:
    if not money:
        return None
    return {"amount": money.get("amount"), "currency": money.get("currency"), "raw": money.get("raw")}


def _company(item: dict[str, Any]) -> dict[str, Any]:
    return {"name": item.get("name"), "link": item.get("link"), "sitelink": normalize_title(item.get("link"))}


def _mentions(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str | None, str | None]]:
    """``(role, person reference, character, version)`` for every credit of a record, in field order."""
    for role, field in ROLE_FIELDS:
        for ref in record.get(field) or ():
            yield role, ref, None, None
    for entry in record.get("cast") or ():
        yield "cast", entry["actor"], entry.get("role"), entry.get("version")
    for award in record.get("accolades") or ():
        for ref in award.get("nominees") or ():
            yield "nominee", ref, None, None


def credit_rows(record: dict[str, Any], first_id: int) -> list[dict[str, Any]]:
    """The credit rows of a record, numbered from ``first_id``; one per (role, mention)."""
    links: dict[str, str] = {}  # the article's person id -> the first link written for that person
    mentions = list(_mentions(record))
    original_language = (record.get("languages") or [None])[0]
    for _role, ref, _character, _version in mentions:
        title = normalize_title(ref.get("link"))
        if title and ref.get("person") and ref["person"] not in links:
            links[ref["person"]] = title
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str | None]] = set()
    for role, ref, character, version in mentions:
        mention = ref.get("person") or f"N{len(rows) + 1}"
        if (role, mention, character) in seen:  # a person credited twice in one role (writer and story) counts once
            continue
        seen.add((role, mention, character))
        title = normalize_title(ref.get("link"))
        adopted = title is None and mention in links
        prop = cast_property(version, original_language) if role == "cast" else CREDIT_PROPERTIES[role]
        rows.append({
            "credit_id": first_id + len(rows),
            "film_page_id": record.get("page_id"),
            "film_title": record.get("page_title"),
            "role": role,
            "wikidata_property": prop,
            "name": ref.get("name"),
            "character": character,
            "version": version,
            "link": ref.get("link"),
            "link_title": links[mention] if adopted else title,
            "adopted": adopted,
            "mention": mention,
        })
    return rows
