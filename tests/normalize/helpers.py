"""Building an infobox field from a value, for normalizer tests."""

from __future__ import annotations

import wikifilm
from wikifilm.document.nodes import InfoboxField
from wikifilm.span import Source


def field_of(key: str, value: str) -> tuple[Source, InfoboxField]:
    """The ``key`` field of a one-field film infobox holding ``value``."""
    document = wikifilm.read("{{Infobox film\n| " + key + " = " + value + "\n}}\n", format="wikitext")
    assert document.infobox is not None
    field = document.infobox.fields[0]
    return document.source, field
