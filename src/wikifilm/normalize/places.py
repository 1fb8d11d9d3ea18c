"""Countries and languages: list items with links, flags and footnotes removed."""

from __future__ import annotations

import re

from wikifilm.document.nodes import InfoboxField
from wikifilm.normalize.people import clean_name, spans_in_order
from wikifilm.record import Value
from wikifilm.span import Source

COUNTRY_ALIASES: dict[str, str] = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "united states of america": "United States", "america": "United States", "uk": "United Kingdom",
    "u.k.": "United Kingdom", "great britain": "United Kingdom", "britain": "United Kingdom",
    "korea": "South Korea", "republic of korea": "South Korea", "ussr": "Soviet Union", "prc": "China",
    "people's republic of china": "China", "west germany": "West Germany",
}
"""Common short and old forms, to the name Wikipedia's own country articles use."""

_SPLIT = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|/|\n|\band\b|&)\s*")
r"""A separator of places with the blanks around it. Blanks before it are taken only from the start
of their run: ``\s*`` tried at every blank of a long run that ends in no separator is quadratic."""
_SPLIT_READABLE = r"\s*(?:,|;|/|\n|\band\b|&)\s*"
"""``_SPLIT`` written plainly: it finds the same separators (tests/normalize/test_patterns.py)."""
_LANGUAGE_WORD = re.compile(r"(?<!\s)\s+languages?$", re.IGNORECASE)
"""A trailing ``language(s)`` (``Hindi language``), its blanks taken from the start of their run."""
_LANGUAGE_WORD_READABLE = r"\s+languages?$"
"""``_LANGUAGE_WORD`` written plainly."""


def normalize_places(source: Source, field: InfoboxField | None, *, countries: bool) -> tuple[Value[str], ...]:
    """Distinct country or language names of a field, in order; a piece holding braces is the remains
    of templates nested too deep to read (WF208), never a place, and is left out."""
    if field is None:
        return ()
    out: list[Value[str]] = []
    seen: set[str] = set()
    for item in field.items(source):
        pieces = [piece.strip() for piece in _SPLIT.split(item.text)]
        for piece, span in zip(pieces, spans_in_order(source, item.span, pieces), strict=True):
            name = " ".join(clean_name(piece).split())  # 'South   Korea' is South Korea
            name = _LANGUAGE_WORD.sub("", name) if not countries else name
            if countries:
                name = COUNTRY_ALIASES.get(name.lower(), name)
            if not name or name.casefold() in seen or not re.search(r"[^\W\d_]", name) or "{{" in name or "}}" in name:
                continue
            seen.add(name.casefold())
            out.append(Value(name, raw=piece, span=span, method="infobox"))
    return tuple(out)
