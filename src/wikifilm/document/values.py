"""Plain text and list items of wikitext values (infobox fields, table cells, headings).

``plain_value`` renders markup as a reader sees it: link text kept, refs, comments and
footnote templates dropped, text-bearing templates (``{{nowrap}}``, ``{{lang}}``, money,
dates, runtimes) rendered. ``split_items`` exposes list templates (Plainlist, ubl, hlist...),
``<br>`` and bullets as items with their spans.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator

import attrs
from mwparserfromhell import nodes as mw
from mwparserfromhell.wikicode import Wikicode

from wikifilm._slots_init import slots_init
from wikifilm.document.fastplain import (
    COMMENT,
    MAX_NESTING,
    SIMPLE_LINK,
    STRAY_ANGLE,
    fast_plain,
    holds_non_content_link,
    holds_private_use,
    link_text,
    remove_quotes,
    starts_block,
)
from wikifilm.document.template_text import LIST_TEMPLATES, Arguments, template_text
from wikifilm.readers._scan import CLOSED_LINK, outer_templates, split_template, template_arguments
from wikifilm.readers.inline import template_name
from wikifilm.readers.parse import parse_wikicode
from wikifilm.span import Source, Span

_NON_CONTENT_LINK = re.compile(r"^\s*:?\s*(file|image|category|media)\s*:", re.IGNORECASE)
_ODD_SPACES = re.compile("[\t\u00a0\u2009\u200b\u202f]")
_SPACE_RUN = re.compile(" {2,}")
_NAME_AT = re.compile(r"(?:\s|<!--.*?-->)*([^|{}<\n]*)", re.DOTALL)
_REF_END = re.compile(r"</ref\s*>", re.IGNORECASE)
_QUOTE_RUN = re.compile(r"''+")
"""Two apostrophes or more (written with a literal first character, which the regex engine skips to)."""
_BULLET_CHARS = "*#:;•·"
_BULLET = re.compile(rf"^[\s{_BULLET_CHARS}]+")
_BULLET_AFTER = re.compile(r"[ \t]*[*#•]")


@slots_init
@attrs.frozen
class ValueItem:
    """One item of a list-valued field: its plain text, link target and span."""

    text: str
    """Plain text of the item; a ``<br>`` inside a link's shown text stays a line break
    (``[[Coen brothers|Joel Coen<br />Ethan Coen]]`` is two people, a wrapped company name is one)."""
    link: str | None
    """Target of the item's first wiki link, when it has one."""
    span: Span
    """Where the item stands in the source."""
    links: tuple[tuple[str, str], ...] | None = None
    """Every content wiki link of the item as ``(target, shown text)``, when the reader read them."""


def plain_value(source: Source, span: Span, format: str = "wikitext") -> str:
    """``source[span]`` as plain text (list items on their own lines)."""
    text = source[span]
    if format == "plaintext":
        return text.strip()
    return wikitext_plain(text)


def wikitext_plain(text: str) -> str:
    """Plain text of a wikitext fragment: the regex fast path when it applies, else the full parse."""
    return _cached_plain(text) if len(text) <= _SHORT else _plain(text)


def _plain(text: str) -> str:
    fast = fast_plain(text)
    if fast is None:
        fast = plain_text(parse_wikicode(text)[0])
    return clean_spaces(fast)


_SHORT = 80
"""Fragments this short are cached: table cells (``{{nom}}``, ``Best Director``) and link labels
recur within an article and across articles, and a template takes microseconds to render."""
_cached_plain = functools.lru_cache(maxsize=16384)(_plain)


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


def plain_text(code: Wikicode | None) -> str:
    """Render a parsed fragment as the text a reader sees (see module docstring)."""
    if code is None:
        return ""
    return "".join(_plain_node(node) for node in code.nodes)


def _plain_node(node: object) -> str:
    if isinstance(node, mw.Text):
        return str(node.value)
    if isinstance(node, mw.Wikilink):
        title = str(node.title)
        if _NON_CONTENT_LINK.match(title):
            return ""
        if node.text is not None:
            return plain_text(node.text)
        return title.strip().lstrip(":")
    if isinstance(node, mw.Template):
        return _plain_template(node)
    if isinstance(node, mw.Tag):
        return _plain_tag(node)
    if isinstance(node, mw.HTMLEntity):
        return html.unescape(str(node)).replace("\u00a0", " ")
    if isinstance(node, mw.ExternalLink):
        return plain_text(node.title) if node.title is not None else ("" if node.brackets else str(node.url))
    if isinstance(node, mw.Heading):
        return plain_text(node.title)
    return ""


_DROPPED_TAGS = frozenset({"ref", "references", "gallery", "math", "score", "timeline", "templatestyles", "graph"})
_BREAK_TAGS = frozenset({"br", "li", "p", "hr"})


def _plain_tag(tag: mw.Tag) -> str:
    name = str(tag.tag).strip().lower()
    if name in _DROPPED_TAGS:
        return ""
    if name in _BREAK_TAGS:
        return "\n" + plain_text(tag.contents)
    if name in ("nowiki", "pre"):
        return str(tag.contents) if tag.contents is not None else ""
    return plain_text(tag.contents)


def _arguments(template: mw.Template) -> Arguments[Wikicode]:
    params = [(str(param.name).strip(), bool(param.showkey), param.value) for param in template.params]
    return Arguments(params, plain_text)


def _plain_template(template: mw.Template) -> str:
    return template_text(template_name(str(template.name).strip()).casefold(), _arguments(template))


@slots_init
@attrs.frozen
class TemplateCall:
    """A template as written, split by our own scanner (no full parse): name, span, parameters."""

    name: str
    """Normalised, casefolded name: ``film date``."""
    span: Span
    """From ``{{`` to ``}}``."""
    params: tuple[tuple[str, bool, Span], ...]
    """``(name, named, value span)``; positional parameters are named ``"1"``, ``"2"``..."""

    @property
    def positional_spans(self) -> list[Span]:
        """Value spans of the positional parameters, in order."""
        return [span for _name, named, span in self.params if not named]

    def arguments(self, source: Source) -> Arguments[Span]:
        """The parameters, rendered to plain text on demand."""
        return Arguments(self.params, lambda span: wikitext_plain(source[span]))


def template_calls(source: Source, span: Span, *, nested: bool = False, _depth: int = 0) -> Iterator[TemplateCall]:
    """The templates of ``source[span]`` outside comments and refs, in order; with ``nested``, also
    those inside other templates' parameters (after their container), down to
    :data:`~wikifilm.document.fastplain.MAX_NESTING` levels. Unclosed ones are text."""
    text = source.text
    for start, end in outer_templates(source[span], strict=False) or ():
        start, end = start + span.start, end + span.start
        name_end, arguments = template_arguments(text, start, end)
        params = tuple((name, named, Span(value_start, value_end)) for name, named, value_start, value_end in arguments)
        yield TemplateCall(template_name(text[start + 2 : name_end].strip()).casefold(), Span(start, end), params)
        if nested and end - start > 4 and _depth < MAX_NESTING:
            yield from template_calls(source, Span(name_end, end - 2), nested=True, _depth=_depth + 1)


def is_list_template(name: str) -> bool:
    """Whether a template (by normalised name) holds list items."""
    return name.casefold() in LIST_TEMPLATES


def split_items(source: Source, span: Span, format: str = "wikitext") -> tuple[ValueItem, ...]:
    """The list items of a value, with their spans; a value with no list markup is one item."""
    if format == "plaintext":
        return _split_plaintext(source, span)
    return tuple(_items_of_segments(source, _segments(source, span)))


def _split_plaintext(source: Source, span: Span) -> tuple[ValueItem, ...]:
    text = source[span]
    items = []
    cursor = 0
    for piece in _split_commas(text):
        start = text.index(piece, cursor)
        cursor = start + len(piece)
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            item_span = Span(span.start + start + lead, span.start + start + lead + len(stripped))
            items.append(ValueItem(stripped, None, item_span))
    return tuple(items)


_CORPORATE_SUFFIX = re.compile(r"^\s*(inc|ltd|llc|llp|co|corp|plc|s\.?a|gmbh|l\.?p)\b\.?", re.IGNORECASE)


def _split_commas(text: str) -> list[str]:
    """Split at commas, keeping corporate suffixes (``Warner Bros., Inc.``) with their name."""
    pieces: list[str] = []
    for piece in text.split(","):
        if pieces and _CORPORATE_SUFFIX.match(piece):
            pieces[-1] += "," + piece
        else:
            pieces.append(piece)
    return pieces


_SEGMENT_TOKEN = re.compile(
    CLOSED_LINK + r"|\{\{|\}\}|\[\[|\]\]|<br\s*/?\s*>|</br\s*>|\n|<!--|<ref\b[^<>]*?(/?)>|<(nowiki|pre|math)\b[^<>]*>", re.IGNORECASE
)


def _segments(source: Source, span: Span) -> list[Span]:
    """Item spans of a value: split at top-level ``<br>``, bulleted lines, and list templates' parameters.

    One linear scan with the same nesting rules as MediaWiki's preprocessor: nothing inside a
    nested template, link, comment or ref splits.
    """
    text = source.text
    if text.find("<", span.start, span.end) == -1 and text.find("\n", span.start, span.end) == -1 and text.find("{{", span.start, span.end) == -1:
        return [span]  # items split only at <br>, bulleted lines and list templates: none here
    segments: list[Span] = []
    seg_start = span.start
    depth_templates = depth_links = 0
    template_start = -1
    pos = span.start
    while True:
        match = _SEGMENT_TOKEN.search(text, pos, span.end)
        if match is None:
            break
        token = match.group(0)
        pos = match.end()
        if len(token) >= 4 and token[1] == "[":
            continue  # a whole link holding no markup: nothing in it splits
        if token == "{{":
            if depth_templates == 0 and depth_links == 0:
                template_start = match.start()
            depth_templates += 1
        elif token == "}}":
            if depth_templates == 0:
                continue
            depth_templates -= 1
            if depth_templates == 0 and depth_links == 0 and template_start >= 0:
                name_match = _NAME_AT.match(text, template_start + 2, pos)
                if name_match and is_list_template(" ".join(name_match.group(1).replace("_", " ").split())):
                    segments.append(Span(seg_start, template_start))
                    _name_end, params = split_template(text, template_start, pos)
                    for param in params:
                        if param.equals is None:
                            segments.extend(_segments(source, Span(param.name_start, param.end)))
                        elif text[param.name_start : param.equals].strip().isdigit():
                            segments.extend(_segments(source, Span(param.equals + 1, param.end)))
                    seg_start = pos
                template_start = -1
        elif token == "[[":
            depth_links += 1
        elif token == "]]":
            depth_links = max(0, depth_links - 1)
        elif token == "<!--":
            close = text.find("-->", pos, span.end)
            pos = span.end if close == -1 else close + 3
        elif token.lower().startswith("<ref"):
            if not match.group(1):
                close_ref = _REF_END.search(text, pos, span.end)
                pos = span.end if close_ref is None else close_ref.end()
        elif token.startswith("<") and match.group(2):
            close_tag = re.compile(rf"</{match.group(2)}\s*>", re.IGNORECASE).search(text, pos, span.end)
            pos = span.end if close_tag is None else close_tag.end()
        elif depth_templates or depth_links:
            continue
        elif token == "\n":
            if _BULLET_AFTER.match(text, pos, span.end):
                segments.append(Span(seg_start, match.start()))
                seg_start = pos
        else:  # <br>
            segments.append(Span(seg_start, match.start()))
            seg_start = pos
    segments.append(Span(seg_start, span.end))
    return segments


def _items_of_segments(source: Source, segments: list[Span]) -> list[ValueItem]:
    items: list[ValueItem] = []
    for segment in segments:
        text = source[segment]
        bullet = _BULLET.match(text) if text[:1] in _BULLET_CHARS or text[:1].isspace() else None
        lead = bullet.end() if bullet else 0
        stripped = text[lead:].rstrip()
        if not stripped:
            continue
        plain, links = item_text_and_links(stripped)
        if plain:
            item_span = Span(segment.start + lead, segment.start + lead + len(stripped))
            items.append(ValueItem(plain, links[0][0] if links else None, item_span, links))
    return items


def item_text_and_links(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """:func:`wikitext_plain` and :func:`wiki_links` of one list item's wikitext (links only when
    there is text). Most items are plain links and words, read in one pass (:func:`light_text_and_links`)."""
    light = light_text_and_links(text)
    if light is not None:
        return light if light[0] else (light[0], ())
    plain = wikitext_plain(text)  # may keep a line break from a <br> inside a link's text
    return plain, (tuple(wiki_links(text)) if plain else ())


def light_text_and_links(text: str) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """:func:`wikitext_plain` and :func:`wiki_links` of a fragment holding only words, simple links
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
    links: list[tuple[str, str]] = []
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


@functools.lru_cache(maxsize=65536)
def link_target(title: str) -> str | None:
    """A link title as a page name (``:``, ``_`` and extra spaces dropped); ``None`` for File:, Image:,
    Media: and Category: links, which are not content. Cached: an article links a person again and again."""
    if _NON_CONTENT_LINK.match(title):
        return None
    return " ".join(title.strip().lstrip(":").replace("_", " ").split()) or None


def wiki_links(text: str) -> list[tuple[str, str]]:
    """``(target, shown plain text)`` of every content wiki link in a fragment, in order.

    Links inside templates count, links inside comments do not. Simple links are read with a
    regex; a fragment holding nested links, or tags other than refs and inline ones, goes
    through the full parser.
    """
    if "[[" not in text:
        return []
    links = simple_links(text)
    return links if links is not None else parsed_links(text)


def simple_links(text: str) -> list[tuple[str, str]] | None:
    """:func:`wiki_links` by regex, or ``None`` when a link nests markup the regex cannot read."""
    if "<!--" in text:
        text = COMMENT.sub("", text)
    if "[[[" in text or "]]]" in text or "[[" in SIMPLE_LINK.sub("", text) or ("<" in text and STRAY_ANGLE.search(text)):
        return None
    return [link for match in SIMPLE_LINK.finditer(text) if (link := _content_link(match)) is not None]


def _content_link(match: re.Match[str]) -> tuple[str, str] | None:
    """``(page, shown plain text)`` of a :data:`SIMPLE_LINK` match, ``None`` for a file or category link."""
    page = link_target(match.group(1))
    if not page:
        return None
    label = match.group(2)
    return page, (wikitext_plain(label) if label is not None else page)


def parsed_links(text: str) -> list[tuple[str, str]]:
    """:func:`wiki_links` through mwparserfromhell."""
    links: list[tuple[str, str]] = []
    for link in parse_wikicode(text)[0].filter_wikilinks(recursive=True):
        target = link_target(str(link.title))
        if target:
            links.append((target, clean_spaces(plain_text(link.text)) if link.text is not None else target))
    return links
