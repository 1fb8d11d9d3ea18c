"""Names as MediaWiki compares them: template names and link targets."""

from __future__ import annotations

import re

from wikifilm.caches import cached

_NON_CONTENT_LINK = re.compile(r"^\s*:?\s*(file|image|category|media)\s*:", re.IGNORECASE)
"""A link to a file, image, media or category page: it shows nothing in the text."""


@cached(maxsize=16384)
def template_name(raw: str) -> str:
    """A template's name as MediaWiki resolves it: ``Template:`` dropped, ``_`` and runs of spaces
    as one space, first letter upper case (``template:film_date`` is ``Film date``).

    Compare names with ``template_name(raw).casefold()``. Cached: an article calls the same few
    templates again and again.
    """
    name = " ".join(raw.replace("_", " ").split())
    if name[:9].casefold() == "template:":
        name = name[9:].lstrip()
    return name[:1].upper() + name[1:]


def is_non_content_link(title: str) -> bool:
    """Whether a link title names a file, image, media or category page (which shows nothing)."""
    return _NON_CONTENT_LINK.match(title) is not None


@cached(maxsize=65536)
def link_target(title: str) -> str | None:
    """A link title as a page name (``:``, ``_`` and extra spaces dropped); ``None`` for File:, Image:,
    Media: and Category: links, which are not content. Cached: an article links a person again and again."""
    if _NON_CONTENT_LINK.match(title):
        return None
    return " ".join(title.strip().lstrip(":").replace("_", " ").split()) or None
