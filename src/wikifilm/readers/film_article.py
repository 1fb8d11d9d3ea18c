"""Whether a page is a film article: the one recogniser that the wikitext reader and the batch filter share.

A page is a film when it carries the film infobox under any spelling the reader accepts
(``{{InfoBox film``, ``{{Template:Infobox_Film``, a comment before the name...), when it is a
plain-text rendering with a film's infobox lines, or, lacking an infobox, when it carries a
category that only film articles carry (``[[Category:2012 films]]``,
``[[Category:1990s drama films]]``, ``[[Category:Films directed by Ventura Pons]]``).
Television films (``{{Infobox television film}}``, ``2012 television films``), film series,
film awards and lists are not films here: the record describes one film.
"""

from __future__ import annotations

import re
from typing import Literal

import attrs

from wikifilm.span import Span

FILM_INFOBOXES = frozenset({"infobox film", "infobox movie", "infobox films", "infobox feature film"})
"""Normalised names of the film infobox (``Infobox_film``, ``Infobox Film``... normalise to these)."""

TEMPLATE_NAME = re.compile(r"\{\{(?:\s|<!--.*?-->)*([^|{}<\n]*)", re.DOTALL)
"""A template's name as the reader takes it: comments and spaces after ``{{`` skipped, up to ``|``, ``}}``, ``<`` or a line break."""

_INFOBOX = re.compile(r"infobox", re.IGNORECASE)
_NAME_REACH = 300
"""How far before the word ``infobox`` its template's ``{{`` may stand (comments before a name are short)."""

_PLAIN_FILM = re.compile(r"^- (?:Directed by|Director|Release date|Released|Running time|Runtime): ", re.MULTILINE)

_CATEGORY = re.compile(r"\[\[[ \t]*category[ \t]*:[ \t]*([^\]|\n]+?)[ \t]*(?:\||\]\])", re.IGNORECASE)
_FILM_CATEGORY = re.compile(
    r"\d{4}s? (?:[^\s]+ ){0,4}films"  # 2012 films, 1990s drama films, 2010s American animated films
    r"|Films directed by .+",  # Films directed by Ventura Pons
)
"""Category families that only film articles carry (checked against the real articles of the corpus)."""
_NOT_A_FILM_CATEGORY = re.compile(r"television|film series|short film series|films by series", re.IGNORECASE)


def normalize_template_name(raw: str) -> str:
    """Casefolded template name with ``_`` and runs of spaces as one space, ``Template:`` dropped."""
    name = " ".join(raw.replace("_", " ").split()).casefold()
    return name[9:].strip() if name.startswith("template:") else name


def is_film_infobox(name: str) -> bool:
    """Whether a template name is the film infobox (not ``Infobox film awards``/``festival``)."""
    return normalize_template_name(name) in FILM_INFOBOXES


@attrs.frozen
class FilmEvidence:
    """Why a page counts as a film article, and where the evidence stands."""

    kind: Literal["infobox", "plaintext", "category"]
    """A film infobox, a plain-text film infobox, or (no infobox) a film-only category."""
    span: Span
    """The infobox's name, the infobox line, or the category link."""
    text: str
    """The text at ``span``: the template name, the line, or the category name."""


def film_infobox_span(text: str) -> Span | None:
    """Where the name of the first film infobox template stands in raw wikitext, if there is one."""
    for hit in _INFOBOX.finditer(text):
        opening = text.rfind("{{", max(0, hit.start() - _NAME_REACH), hit.start())
        if opening == -1:
            continue
        match = TEMPLATE_NAME.match(text, opening)
        if match and match.start(1) <= hit.start() < match.end(1) and is_film_infobox(match.group(1)):
            return Span(match.start(1), match.end(1))
    return None


def film_category(text: str) -> tuple[Span, str] | None:
    """The first category link of a family only film articles carry, with the category's name."""
    if "ategory" not in text and "ATEGORY" not in text:
        return None
    for match in _CATEGORY.finditer(text):
        name = match.group(1)
        if _FILM_CATEGORY.fullmatch(name) and not _NOT_A_FILM_CATEGORY.search(name):
            return Span(match.start(), match.end()), name
    return None


def film_evidence(text: str) -> FilmEvidence | None:
    """Why ``text`` is a film article (infobox first, then plain-text lines, then categories), or None."""
    span = film_infobox_span(text)
    if span is not None:
        return FilmEvidence("infobox", span, text[span.start : span.end])
    if "\n- " in text:
        line = _PLAIN_FILM.search(text)
        if line is not None:
            return FilmEvidence("plaintext", Span(line.start(), line.end()), line.group(0))
    category = film_category(text)
    if category is not None:
        return FilmEvidence("category", category[0], category[1])
    return None
