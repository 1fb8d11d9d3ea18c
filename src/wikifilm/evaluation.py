"""Comparing records with hand-checked ("golden") values, field by field.

A golden file holds, for one article, the expected value of each field someone checked by
reading it, in a comparable form (:func:`project`): people as names, money as amount and
currency, long lists as a count plus sampled rows. :func:`compare` says which fields match.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from wikifilm.contract import GOLDEN_FIELDS

FIELDS = GOLDEN_FIELDS
"""Contract fields that golden files may check."""

_PEOPLE = ("directors", "writers", "producers", "starring", "narrators", "music", "cinematography", "editing", "studios", "distributors")


def _money(value: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if value is None else {"amount": value["amount"], "currency": value["currency"]}


def _cast_row(item: dict[str, Any]) -> list[Any]:
    """``[actor, role]``, and the version third when the article has several casts (``"English dub"``)."""
    row = [item["actor"]["name"], item["role"]]
    return [*row, item["version"]] if item.get("version") is not None else row


def project(record: dict[str, Any]) -> dict[str, Any]:
    """The comparable view of a contract record (``Film.to_dict()``)."""
    out: dict[str, Any] = {
        "title": record["title"],
        "native_title": record["native_title"]["text"] if record["native_title"] else None,
        "based_on": [{"work": item["work"], "authors": [author["name"] for author in item["authors"]]} for item in record["based_on"]],
        "release_dates": [{"date": item["date"], "place": item["place"]} for item in record["release_dates"]],
        "runtime_minutes": record["runtime_minutes"],
        "countries": record["countries"],
        "languages": record["languages"],
        "budget": _money(record["budget"]),
        "gross": _money(record["gross"]),
        "cast": [_cast_row(item) for item in record["cast"]],
        "accolades": [
            [item["ceremony"], item["year"], item["category"], [nominee["name"] for nominee in item["nominees"]], item["result"]]
            for item in record["accolades"]
        ],
        "soundtrack": [[item["composer"], item["work"]] for item in record["soundtrack"]],
        "plot": (record["plot"] or "")[:80] or None,
    }
    for field in _PEOPLE:
        out[field] = [person["name"] for person in record[field]]
    return out


def _matches(expected: Any, actual: Any) -> bool:
    """Exact equality, or for a sampled list ``{"count": n, "rows": {"i": row}}`` the count and those rows."""
    if isinstance(expected, dict) and set(expected) == {"count", "rows"} and isinstance(actual, list):
        return len(actual) == expected["count"] and all(
            int(index) < len(actual) and actual[int(index)] == row for index, row in expected["rows"].items()
        )
    return bool(expected == actual)


def compare(golden: dict[str, Any], record: dict[str, Any]) -> dict[str, bool]:
    """For each field the golden file checks, whether the record has the expected value."""
    projected = project(record)
    return {field: _matches(expected, projected[field]) for field, expected in golden.items() if field in FIELDS}


def cast_recall(golden: dict[str, Any], record: dict[str, Any]) -> tuple[int, int, list[str], list[str]] | None:
    """``(found, expected, missed, junk)`` for a golden file whose cast is a full list (not sampled): the
    expected actor names found in the record, and the record's actor names the golden list lacks."""
    expected = golden.get("cast")
    if not isinstance(expected, list):
        return None
    wanted = Counter(row[0].casefold() for row in expected)
    got = Counter(item["actor"]["name"].casefold() for item in record["cast"])
    missed = sorted((wanted - got).elements())
    junk = sorted(name for name in got if name not in wanted)
    return sum((wanted & got).values()), sum(wanted.values()), missed, junk
