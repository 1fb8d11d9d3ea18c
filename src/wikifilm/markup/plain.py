"""Plain text of a wikitext value, and its wiki links: the one way to read what a value shows.

:func:`plain_text` renders markup as a reader sees it: link text kept, refs, comments and
footnote templates dropped, text-bearing templates (``{{nowrap}}``, ``{{lang}}``, money,
dates, runtimes) rendered from :mod:`wikifilm.markup.templates`. Three tiers stand behind it,
each tested equal to the full one: words and simple links in one pass (:func:`_light_text`),
the regex fast path (:mod:`wikifilm.markup._fast`), and mwparserfromhell behind the guard of
:mod:`wikifilm.markup.parser` (:func:`_full_text`).
"""

from __future__ import annotations

import html
import re

from mwparserfromhell import nodes as mw
from mwparserfromhell.wikicode import Wikicode

from wikifilm.caches import cached
from wikifilm.markup._fast import (
    MAX_NESTING,
    SIMPLE_LINK,
    STRAY_ANGLE,
    fast_plain,
    holds_non_content_link,
    holds_private_use,
    link_text,
    remove_quotes,
    starts_block,
    strip_comments,
)
from wikifilm.markup.names import is_non_content_link, link_target, template_name
from wikifilm.markup.parser import parse_wikicode
from wikifilm.markup.templates import Arguments, template_text
from wikifilm.markup.tokenizer import comment_spans

_ODD_SPACES = re.compile("[\t\u00a0\u2009\u200b\u202f]")
_SPACE_RUN = re.compile(" {2,}")
_QUOTE_RUN = re.compile(r"''+")
"""Two apostrophes or more (written with a literal first character, which the regex engine skips to)."""

MAX_TEMPLATE_DEPTH = MAX_NESTING
"""Templates nested deeper than this are not rendered (MediaWiki's ``$wgMaxTemplateDepth``)."""

Link = tuple[str, str]
"""A content wiki link as ``(target page, shown plain text)``."""


def plain_text(text: str) -> str:
    """Plain text of a wikitext fragment (list items on their own lines): the one entry point.

    Short fragments are cached (table cells such as ``{{nom}}`` and link labels recur within an
    article and across articles); the rest take the fast path when it applies, else the full parse.
    """
    if "<!--" in text:
        text = hide_unclosed_comment(text)
    return _cached_plain(text) if len(text) <= _SHORT else _plain(text)


def hide_unclosed_comment(text: str) -> str:
    """``text`` up to a ``<!--`` that no ``-->`` closes: MediaWiki hides everything after it (the
    block reader says so with WF105), so no value, name or link may be read from there."""
    spans = comment_spans(text)
    opener = text.find("<!--", spans[-1][1] if spans else 0)
    return text if opener == -1 else text[:opener]


def _plain(text: str) -> str:
    fast = fast_plain(text)
    return clean_spaces(fast if fast is not None else _code_text(parse_wikicode(text)[0]))


def _full_text(text: str) -> str:
    """:func:`plain_text` by the full parser only: the reference the fast tiers are tested against."""
    return clean_spaces(_code_text(parse_wikicode(hide_unclosed_comment(text))[0]))


_SHORT = 80
"""Fragments this short are cached; a template takes microseconds to render."""
_cached_plain = cached(maxsize=16384)(_plain)


def clean_spaces(text: str) -> str:
    """Collapse runs of spaces, strip each line, and drop empty lines.

    Apostrophe runs left over are unclosed italics or bold, which MediaWiki closes at the end
    of the line, so they never show; they are removed too.
    """
    if "''" in text:
        text = _QUOTE_RUN.sub("", text)
    if "\t" in text or "\u00a0" in text or "\u2009" in text or "\u200b" in text or "\u202f" in text:
        text = _ODD_SPACES.sub(" ", text)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if "\n" not in text:
        return text.strip()
    return "\n".join(filter(None, (line.strip() for line in text.split("\n"))))


def _code_text(code: Wikicode | None) -> str:
    if code is None:
        return ""
    return "".join(_plain_node(node) for node in code.nodes)


def _plain_node(node: object) -> str:
    if isinstance(node, mw.Text):
        return str(node.value)
    if isinstance(node, mw.Wikilink):
        title = str(node.title)
        if is_non_content_link(title):
            return ""
        if node.text is not None:
            return _code_text(node.text)
        return title.strip().lstrip(":")
    if isinstance(node, mw.Template):
        return _plain_template(node)
    if isinstance(node, mw.Tag):
        return _plain_tag(node)
    if isinstance(node, mw.HTMLEntity):
        return html.unescape(str(node)).replace("\u00a0", " ")
    if isinstance(node, mw.ExternalLink):
        return _code_text(node.title) if node.title is not None else ("" if node.brackets else str(node.url))
    if isinstance(node, mw.Heading):
        return _code_text(node.title)
    return ""


_DROPPED_TAGS = frozenset({"ref", "references", "gallery", "math", "score", "timeline", "templatestyles", "graph"})
_BREAK_TAGS = frozenset({"br", "li", "p", "hr"})


def _plain_tag(tag: mw.Tag) -> str:
    name = str(tag.tag).strip().lower()
    if name in _DROPPED_TAGS:
        return ""
    if name in _BREAK_TAGS:
        return "\n" + _code_text(tag.contents)
    if name in ("nowiki", "pre"):
        return str(tag.contents) if tag.contents is not None else ""
    return _code_text(tag.contents)


def _arguments(template: mw.Template) -> Arguments[Wikicode]:
    params = [(str(param.name).strip(), bool(param.showkey), param.value) for param in template.params]
    return Arguments(params, _code_text)


def _plain_template(template: mw.Template) -> str:
    return template_text(template_name(str(template.name).strip()).casefold(), _arguments(template))


def item_text_and_links(text: str) -> tuple[str, tuple[Link, ...]]:
    """:func:`plain_text` and :func:`wiki_links` of one list item's wikitext (links only when
    there is text). Most items are plain links and words, read in one pass (:func:`_light_text_and_links`)."""
    light = _light_text_and_links(text)
    if light is not None:
        return light if light[0] else (light[0], ())
    plain = plain_text(text)  # may keep a line break from a <br> inside a link's text
    return plain, (tuple(wiki_links(text)) if plain else ())


def _light_text_and_links(text: str) -> tuple[str, tuple[Link, ...]] | None:
    """:func:`plain_text` and :func:`wiki_links` of a fragment holding only words, simple links
    and paired bold or italic marks (``[[Tom Hanks]] as ''[[Forrest Gump (character)|Forrest]]''``),
    read in one pass; ``None`` for anything else (templates, tags, entities, unpaired or bold-italic
    marks, file links, line breaks).

    Most cast lines and list items are like that; the general paths read them twice. A test
    checks that both give the same on generated fragments and on every corpus fragment.
    """
    if (
        "{" in text or "}" in text or "<" in text or "&" in text or "\n" in text or "[[[" in text or "]]]" in text
        or starts_block(text) or holds_private_use(text) or holds_non_content_link(text)
    ):
        return None
    pieces: list[str] = []
    links: list[Link] = []
    pos = 0
    for match in SIMPLE_LINK.finditer(text):
        gap = text[pos : match.start()]
        if "[" in gap or "]" in gap:
            return None
        pieces += (gap, link_text(match))
        if (link := _content_link(match)) is not None:
            links.append(link)
        pos = match.end()
    rest = text[pos:]
    if "[" in rest or "]" in rest:
        return None
    pieces.append(rest)
    plain = "".join(pieces)
    if "''" in plain:  # bold or italics, perhaps made by joining a link's text to its neighbours
        unquoted = remove_quotes(plain) if "''''" not in plain else None
        if unquoted is None:
            return None
        plain = unquoted
    return clean_spaces(plain), tuple(links)


def wiki_links(text: str) -> list[Link]:
    """``(target, shown plain text)`` of every content wiki link in a fragment, in order.

    Links inside templates count, links inside comments do not. Simple links are read with a
    regex; a fragment holding nested links, or tags other than refs and inline ones, goes
    through the full parser.
    """
    if "[[" not in text or "]]" not in text:
        return []  # a link closes with ']]': thousands of '[[' with none are not parsed to learn that
    if "<!--" in text:
        text = hide_unclosed_comment(text)
    links = simple_links(text)
    return links if links is not None else parsed_links(text)


def simple_links(text: str) -> list[Link] | None:
    """:func:`wiki_links` by regex, or ``None`` when a link nests markup the regex cannot read."""
    if "<!--" in text:
        text = strip_comments(text)
    if "[[[" in text or "]]]" in text or "[[" in SIMPLE_LINK.sub("", text) or ("<" in text and STRAY_ANGLE.search(text)):
        return None
    return [link for match in SIMPLE_LINK.finditer(text) if (link := _content_link(match)) is not None]


def _content_link(match: re.Match[str]) -> Link | None:
    """``(page, shown plain text)`` of a :data:`SIMPLE_LINK` match, ``None`` for a file or category link."""
    page = link_target(match.group(1))
    if not page:
        return None
    label = match.group(2)
    return page, (plain_text(label) if label is not None else page)


def parsed_links(text: str) -> list[Link]:
    """:func:`wiki_links` through mwparserfromhell."""
    links: list[Link] = []
    for link in parse_wikicode(text)[0].filter_wikilinks(recursive=True):
        target = link_target(str(link.title))
        if target:
            links.append((target, clean_spaces(_code_text(link.text)) if link.text is not None else target))
    return links
