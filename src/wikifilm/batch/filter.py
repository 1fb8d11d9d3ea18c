"""A cheap test for film articles, run on raw text before any parsing."""

from __future__ import annotations

import re

import attrs

_FILM_INFOBOX = re.compile(
    r"\{\{\s*(?:<!--.*?-->\s*)*(?:template\s*:\s*)?infobox[ _]+(?:film|movie)s?\s*(?:\||\}\}|<!--|\n)",
    re.IGNORECASE | re.DOTALL,
)
_PLAIN_FILM = re.compile(r"^- (?:Directed by|Director|Release date|Released|Running time|Runtime): ", re.MULTILINE)


@attrs.define
class FilterStats:
    """How many pages the filter let through and held back."""

    films: int = 0
    """Pages with a film infobox."""
    skipped: int = 0
    """Pages without one (television, people, award ceremonies, festivals...)."""


def is_film_article(text: str) -> bool:
    """Whether ``text`` has the film infobox under any of its spellings (wikitext), or a film's plain-text infobox lines.

    ``Infobox film awards`` and ``Infobox film festival`` do not match: the name must end at ``|``, ``}}``,
    a comment or a line break.
    """
    for needle in ("nfobox", "NFOBOX"):  # a literal search first: the regex runs only near a hit
        start = text.find(needle)
        while start != -1:
            if _FILM_INFOBOX.search(text, max(0, start - 300), start + 40):
                return True
            start = text.find(needle, start + 6)
    return "\n- " in text and _PLAIN_FILM.search(text) is not None
