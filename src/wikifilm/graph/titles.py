"""Page titles as MediaWiki stores them, so that link targets and redirect pages compare equal."""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\s_]+")
_DISAMBIGUATION = re.compile(r"\s*\([^()]*\)$")
"""A trailing parenthetical: ``Kim Min-jae (actor, born 1979)``, ``Dan Hicks (actor)``."""


def normalize_title(link: str | None) -> str | None:
    """The title a link target names: section dropped, underscores as spaces, spaces collapsed,
    first letter upper-case (MediaWiki's rule for the main namespace); ``None`` for an empty target."""
    if not link:
        return None
    title = link.split("#", 1)[0]
    title = _SPACES.sub(" ", title).strip().lstrip(":").strip()
    if not title:
        return None
    return title[0].upper() + title[1:]


def strip_disambiguation(title: str) -> str:
    """The name in a person's title without its disambiguation: ``Dan Hicks (actor)`` -> ``Dan Hicks``."""
    stripped = _DISAMBIGUATION.sub("", title)
    return stripped or title
