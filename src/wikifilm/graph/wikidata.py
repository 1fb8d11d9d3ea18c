"""Which Wikidata property each credit role and film field stands for, and films as Wikidata-shaped statements.

A film and a person are identified on Wikidata by their English Wikipedia sitelink (``enwiki``
plus the page title as Wikipedia writes it), which is what the graph keys them by; so a user
joins our tables with Wikidata's ``schema:about`` / ``wikibase:sitelinks`` without guessing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wikifilm.normalize.cast_tables import LANGUAGES

SITE = "enwiki"
"""The Wikidata site id of English Wikipedia, the site every sitelink here belongs to."""

CREDIT_PROPERTIES: dict[str, str | None] = {
    "director": "P57",
    "writer": "P58",
    "producer": "P162",
    "starring": "P161",
    "cast": "P161",
    "narrator": "P2438",
    "music": "P86",
    "cinematography": "P344",
    "editing": "P1040",
    "nominee": None,
}
"""Credit role to the film's Wikidata property. ``nominee`` has none on the film: Wikidata states
nominations on the person (P1411 nominated for, with P1686 for work)."""

VOICE_ACTOR = "P725"
"""Voice actor: a cast credit in a dub (a version in another language than the film's, or named a dub)."""

FILM_PROPERTIES: dict[str, str] = {
    "release_dates": "P577",
    "runtime_minutes": "P2047",
    "budget": "P2130",
    "gross": "P2142",
    "countries": "P495",
    "languages": "P364",
    "studios": "P272",
    "distributors": "P750",
}
"""Film field (column of films.parquet) to its Wikidata property."""

PLACE_OF_PUBLICATION = "P291"
"""Qualifier of a publication date (P577): where the film was released."""
MINUTE = "Q7727"
"""Wikidata item of the unit of durations (P2047)."""


def cast_property(version: str | None, original_language: str | None = None) -> str:
    """P725 for a dub's cast: a version named a dub or voice cast (``"English dub"``), or one named after
    another language than the film's first (``"English (Disney, 2005)"`` in a Japanese film); else P161.
    The original language's cast stays P161: the record does not say whether a film is animated."""
    if not version:
        return "P161"
    words = version.casefold().replace("(", " ").split()
    if any(word in ("voice", "dub", "dubbed", "dubbing") for word in words):
        return VOICE_ACTOR
    if original_language and words and words[0] in LANGUAGES and words[0] != original_language.casefold().split()[0]:
        return VOICE_ACTOR
    return "P161"


def _amount(number: float) -> str:
    """A quantity as Wikidata writes amounts: a decimal string, no float noise (``12000000``, ``2.5``)."""
    return str(int(number)) if number == int(number) else repr(number)


def _item(sitelink: str | None, label: str) -> dict[str, Any]:
    return {"type": "item", "sitelink": sitelink, "label": label}


def film_statements(film: dict[str, Any], credits: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """One line of ``statements.jsonl``: a film row of films.parquet and its credits rows, as
    ``{"site", "sitelink", "page_id", "statements": [{"property", "value", "qualifiers", "source"}]}``;
    a person credited twice under one property (starring and cast) is stated once."""
    statements: list[dict[str, Any]] = []
    people: dict[tuple[str, str], dict[str, Any]] = {}  # one statement per property and person (starring and cast)
    for credit in credits:
        prop = credit["wikidata_property"]
        if prop is None:
            continue
        qualifiers: dict[str, Any] = {}
        if credit.get("character"):
            qualifiers["P453"] = {"type": "string", "value": credit["character"]}  # character role
        earlier = people.get((prop, credit["person_key"]))
        if earlier is not None:
            earlier["qualifiers"] = earlier["qualifiers"] or qualifiers
            continue
        people[prop, credit["person_key"]] = statement = {
            "property": prop,
            "value": _item(credit["person_sitelink"], credit["name"]),
            "qualifiers": qualifiers,
            "source": {"field": credit["role"], "as_written": credit["name"], "person_key": credit["person_key"]},
        }
        statements.append(statement)
    for release in film.get("release_dates") or ():
        date = release["date"]
        qualifiers = {PLACE_OF_PUBLICATION: _item(None, release["place"])} if release.get("place") else {}
        statements.append({
            "property": FILM_PROPERTIES["release_dates"],
            "value": {"type": "time", "value": date, "precision": {4: 9, 7: 10}.get(len(date), 11)},
            "qualifiers": qualifiers,
            "source": {"field": "release_dates", "as_written": release.get("note")},
        })
    if film.get("runtime_minutes") is not None:
        statements.append({
            "property": FILM_PROPERTIES["runtime_minutes"],
            "value": {"type": "quantity", "amount": _amount(film["runtime_minutes"]), "unit": MINUTE},
            "qualifiers": {}, "source": {"field": "runtime_minutes"},
        })
    for field in ("budget", "gross"):
        money = film.get(field)
        if money and money.get("amount") is not None:
            statements.append({
                "property": FILM_PROPERTIES[field],
                "value": {"type": "quantity", "amount": _amount(money["amount"]), "unit": money.get("currency")},
                "qualifiers": {}, "source": {"field": field, "as_written": money.get("raw")},
            })
    for field in ("countries", "languages"):
        for label in film.get(field) or ():
            statements.append({"property": FILM_PROPERTIES[field], "value": _item(None, label), "qualifiers": {},
                               "source": {"field": field}})
    for field in ("studios", "distributors"):
        for company in film.get(field) or ():
            statements.append({"property": FILM_PROPERTIES[field], "value": _item(company.get("sitelink"), company["name"]),
                               "qualifiers": {}, "source": {"field": field}})
    return {"site": SITE, "sitelink": film["sitelink"], "page_id": film.get("page_id"), "statements": statements}
