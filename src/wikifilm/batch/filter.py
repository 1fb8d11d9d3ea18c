"""The batch filter: which pages of a dump are film articles, decided on raw text before any parsing.

The decision is the reader's own recogniser (:mod:`wikifilm.readers.film_article`), so a page the
reader reads as a film is never skipped by the filter; pages without a film infobox but with a
category only films carry pass too, and their records say so (``WF207``).
"""

from __future__ import annotations

import attrs

from wikifilm.readers.film_article import FilmEvidence, film_evidence


@attrs.define
class FilterStats:
    """How many pages the filter let through and held back."""

    films: int = 0
    """Pages taken as films."""
    by_category: int = 0
    """Of those, pages taken from a film-only category, having no film infobox."""
    skipped: int = 0
    """Pages held back (television, people, award ceremonies, festivals, film series, lists...)."""


def is_film_article(text: str) -> bool:
    """Whether ``text`` is a film article: a film infobox under any spelling, a plain-text film infobox, or a film-only category."""
    return film_evidence(text) is not None


__all__ = ["FilmEvidence", "FilterStats", "film_evidence", "is_film_article"]
