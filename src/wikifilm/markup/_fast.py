"""The regex tier of :func:`wikifilm.markup.plain.plain_text`: plain text of simple wikitext fragments, equal to the full path or declined.

Most paragraphs, cells and headings hold only links, templates, refs, comments, bold and
italics, ``<br>`` and a few inline tags. Those are rendered here with regular expressions and our
own template splitter: each outermost template becomes a placeholder character, rendered at the
end from the shared template table (its parameters through this same fast path). Anything else
(file links, other tags, unbalanced markup) returns ``None`` and takes the mwparserfromhell path.
Tests check both paths agree on every fragment of the corpus and on generated markup.
"""

from __future__ import annotations

import html
import re

from wikifilm.markup.names import template_name
from wikifilm.markup.templates import Arguments, template_text
from wikifilm.markup.tokenizer import comment_spans, outer_templates, split_template, template_depth

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
"""An HTML comment, shown as nothing: the readable form of :func:`strip_comments` (searched with
this pattern, each ``<!--`` of a text that never closes one would scan to its end: quadratic)."""
REF = re.compile(r"<ref\b[^<>]*/\s*>|<ref\b[^<>]*(?<!/)>.*?</ref\s*>", re.IGNORECASE | re.DOTALL)
"""A ref, self-closing or closed: the readable form of :func:`ref_spans` (quadratic the same way)."""
_REF_OPEN = re.compile(r"<ref\b[^<>]*/\s*>|<ref\b[^<>]*(?<!/)>", re.IGNORECASE)
_REF_CLOSE = re.compile(r"</ref\s*>", re.IGNORECASE)


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the ``(start, end)`` spans, which are sorted and do not overlap."""
    pieces: list[str] = []
    pos = 0
    for start, end in spans:
        pieces.append(text[pos:start])
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def strip_comments(text: str) -> str:
    """``text`` without its comments, as ``COMMENT.sub("", text)``, in one pass (:func:`comment_spans`)."""
    return _cut(text, comment_spans(text))


def ref_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each :data:`REF` match, in one pass: once an opened ref finds no closer,
    no later one can, and only self-closing refs are left to find."""
    spans: list[tuple[int, int]] = []
    pos, closers_left = 0, True
    while (opener := _REF_OPEN.search(text, pos)) is not None:
        if opener.group(0).endswith(">") and opener.group(0)[:-1].rstrip().endswith("/"):
            spans.append(opener.span())  # self-closing: the first alternative of REF
            pos = opener.end()
            continue
        closer = _REF_CLOSE.search(text, opener.end()) if closers_left else None
        if closer is None:
            closers_left = False
            pos = opener.start() + 1
            continue
        spans.append((opener.start(), closer.end()))
        pos = closer.end()
    return spans
NON_CONTENT = re.compile(r"\[\[\s*:?\s*(?:file|image|category|media)\s*:", re.IGNORECASE)
"""The opening of a file, image, media or category link, which shows nothing in the text."""
SIMPLE_LINK = re.compile(r"\[\[([^\S\n]*[^\[\]|{}<>\n\s][^\[\]|{}<>\n]*)(?:\|([^\[\]{}\n]*))?\]\]")
r"""A wiki link holding no nested markup: ``[[target]]`` or ``[[target|shown]]`` (groups 1 and 2); the
target holds a character other than a space. Written as spaces, that character, the rest: the
regex engine then never backtracks into the target (a third faster than ``[^...]*[^...\s][^...]*``)."""
SIMPLE_LINK_READABLE = r"\[\[([^\[\]|{}<>\n]*[^\[\]|{}<>\n\s][^\[\]|{}<>\n]*)(?:\|([^\[\]{}\n]*))?\]\]"
"""``SIMPLE_LINK`` written plainly: it finds the same links (tests/markup/test_plain.py)."""
_EXTERNAL = re.compile(r"\[((?:https?:)?//[^\s\[\]<>\"]+)(?:[ \t]+([^\[\]\n]*))?\]")
_BREAK = re.compile(r"<br\s*/?\s*>|</br\s*>", re.IGNORECASE)
_INLINE_NAMES = r"(?:small|span|sup|sub|i|b|u|s|center|div|p|big|font|abbr|em|strong|cite|q|del|ins|bdi|tt|code|var|kbd)"
_INLINE_TAG = re.compile(rf"</?{_INLINE_NAMES}\b[^<>]*>", re.IGNORECASE)
_TAG_NAME = re.compile(r"</?([a-z]+)", re.IGNORECASE)
STRAY_ANGLE = re.compile(rf"<(?!!--|/?ref\b|/?br\b|/?{_INLINE_NAMES}\b[^<>\[\]{{}}]*>)", re.IGNORECASE)
"""A ``<`` that opens no comment, ref or known tag: removing markup around it could make it one."""
_EXTERNAL_START = re.compile(r"\[(?:https?:)?//")
_QUOTES = re.compile(r"'''|''")
_BOLD_ITALIC = re.compile(r"(?<!')'''''([^'\n]+)'''''(?!')")
"""Bold italics around text holding no apostrophe, shown as the text."""
_LINK_BRACKETS = re.compile(r"\[\[|\]\]")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
BLOCK_START = re.compile(r"(?:[ \t]*[*#:;]|=|----|[ \t]*\{\|)")
_BLOCK_START_AFTER_BREAK = re.compile(r"\n(?:[ \t]*[*#:;]|=|----|[ \t]*\{\|)")
"""A line opening a list, heading, rule or table: at the start, or after a line break.

Written as two patterns with a fixed first character or position, so the regex engine finds them
without trying every offset of a long paragraph (these checks run on every fragment)."""
_PLACEHOLDERS = 0xE000
MAX_NESTING = 100
"""Templates nested deeper than this take the full parser. MediaWiki expands templates 100 deep
(``$wgMaxTemplateDepth``); mwparserfromhell stops at 40 and leaves the rest as stray braces
(``John Smith}}}}``), so between 40 and 100 this path, not the full one, reads as MediaWiki does."""
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
"""Private-use characters: the fast path's template placeholders, so text holding one is declined."""
_BLOCK_FIRST_CHARS = " \t*#:;=-{"
"""The characters a :data:`BLOCK_START` match can begin with."""


def starts_block(text: str) -> bool:
    """Whether ``text`` opens a list, heading, rule or table line; its first character is tested
    before the pattern (most fragments start with a letter or a link)."""
    return text[:1] in _BLOCK_FIRST_CHARS and BLOCK_START.match(text) is not None


def holds_non_content_link(text: str) -> bool:
    """Whether ``text`` holds a file, image, media or category link (:data:`NON_CONTENT`); each holds
    a ``:``, tested before the pattern (most fragments have none)."""
    return ":" in text and NON_CONTENT.search(text) is not None


def holds_private_use(text: str) -> bool:
    """Whether ``text`` holds a private-use character: ASCII text, and text whose largest character
    is below U+E000, cannot (both tested before the pattern)."""
    return not text.isascii() and max(text) >= "\ue000" and PRIVATE_USE.search(text) is not None
_TEMPLATE_NAME = re.compile(r"\s*[^\s\[\]{}<>|&=][^\[\]{}<>|&\n]*?\s*")
_PARAMETER_NAME = re.compile(r"[\w\-. ]+")


def _render_template(text: str, start: int, end: int, depth: int) -> str | None:
    """Plain text of the template ``text[start:end]``, or ``None`` when it needs the full parser.

    Every parameter must render, used or not: one the fast path declines (an unclosed tag, say)
    may be one that makes mwparserfromhell read the whole template as text.
    """
    name_end, params = split_template(text, start, end)
    raw_name = text[start + 2 : name_end]
    if not _TEMPLATE_NAME.fullmatch(raw_name):
        return None
    arguments: list[tuple[str, bool, str]] = []
    for param in params:
        named = param.name_span is not None
        if named and not _PARAMETER_NAME.fullmatch(param.name):
            return None
        value = fast_plain(text[param.value_span.start : param.value_span.end], depth + 1)
        if value is None:
            return None
        arguments.append((param.name, named, value))
    return template_text(template_name(raw_name.strip()).casefold(), Arguments(arguments, str))


def _hold_templates(text: str, depth: int) -> tuple[str, list[str]] | None:
    """``text`` with each outermost template replaced by a placeholder, and the templates' plain text."""
    spans = outer_templates(text)
    if spans is None:
        return None
    rendered: list[str] = []
    pieces: list[str] = []
    cursor = 0
    for start, end in spans:
        plain = _render_template(text, start, end, depth)
        if plain is None:
            return None
        pieces += (text[cursor:start], chr(_PLACEHOLDERS + len(rendered)))
        rendered.append(plain)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), rendered


def _tags_nest(tags: list[str]) -> bool:
    """Whether inline tags open and close in matching pairs, properly nested."""
    open_names: list[str] = []
    for tag in tags:
        name = _TAG_NAME.match(tag)
        assert name is not None
        if tag.startswith("</"):
            if not open_names or open_names.pop() != name.group(1).lower():
                return False
        elif not tag.endswith("/>"):
            open_names.append(name.group(1).lower())
        else:
            return False
    return not open_names


def _drop_non_content_links(text: str) -> str | None:
    """``text`` without its file, image, media and category links (captions and nested links
    included), which show nothing; ``None`` when one is unclosed or holds a template."""
    pieces: list[str] = []
    pos = 0
    while (match := NON_CONTENT.search(text, pos)) is not None:
        depth, end = 0, -1
        for bracket in _LINK_BRACKETS.finditer(text, match.start()):
            depth += 1 if bracket.group(0) == "[[" else -1
            if depth == 0:
                end = bracket.end()
                break
        if end == -1 or PRIVATE_USE.search(text, match.start(), end):
            return None
        pieces.append(text[pos : match.start()])
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def link_text(match: re.Match[str]) -> str:
    """What a :data:`SIMPLE_LINK` match shows: its label, else its target without a leading colon."""
    shown = match.group(2)
    if shown is not None:
        return shown
    target = match.group(1)
    if holds_private_use(target):
        return "[["  # a link shown as its target, holding a template: the full parser shows that as written
    return target.strip().lstrip(":")


def remove_quotes(text: str) -> str | None:
    """``text`` without its bold and italic marks, or ``None`` when they do not pair up (an odd
    count, which MediaWiki balances per line in ways the fast path does not follow)."""
    if text.count("'''") % 2 or text.replace("'''", "").count("''") % 2:
        return None
    return _QUOTES.sub("", text)


def _unsafe(text: str) -> bool:
    """Whether markup is left that the fast path did not render: braces, brackets, a tag, an
    external link, four apostrophes (each test a substring search, quick on long text)."""
    return (
        "{{" in text or "}}" in text or ("[[" in text and "]" in text) or "]]" in text or "<" in text or "''''" in text
        or ("[" in text and _EXTERNAL_START.search(text) is not None)
    )


def fast_plain(text: str, depth: int = 0) -> str | None:
    """Plain text of a simple fragment, or ``None`` when it needs the full parser.

    ``depth`` counts the templates ``text`` sits in; past :data:`MAX_NESTING` the fast path declines.
    """
    if starts_block(text) or ("\n" in text and _BLOCK_START_AFTER_BREAK.search(text)):
        return None
    if not ("[" in text or "{" in text or "'" in text or "<" in text or "&" in text or "]" in text or "}" in text):
        return text  # no markup the fast path renders: the text is its own plain text
    rendered: list[str] = []
    if "{{" in text or "}}" in text:
        if depth >= MAX_NESTING or "{{{" in text or holds_private_use(text):
            return None
        if depth == 0 and text.count("{{") > MAX_NESTING and template_depth(text) > MAX_NESTING:
            return None  # decline at once, not after MAX_NESTING levels of work
        held = _hold_templates(text, depth)
        if held is None:
            return None
        text, rendered = held
    if "<" in text and STRAY_ANGLE.search(text):
        return None
    entities = len(_ENTITY.findall(text)) if "&" in text else 0
    if "[[" in text and "]" in text:  # with no ']' anywhere no link closes: every '[' shows as written
        if "[[[" in text:
            return None
        if holds_non_content_link(text):
            dropped = _drop_non_content_links(text)
            if dropped is None:
                return None
            text = dropped
        if "]]]" in text:
            return None
        text = SIMPLE_LINK.sub(link_text, text)  # before refs go, so a ref inside a link title keeps it unmatched
    if "<!--" in text:
        text = strip_comments(text)
    if "<ref" in text or "<REF" in text or "<Ref" in text:
        spans = ref_spans(text)
        if any(text[start:end].lower().count("<ref") > 1 for start, end in spans):
            return None  # a ref opened inside a ref: the full parser reads that differently
        text = _cut(text, spans)
    if "{{" in text or "}}" in text:
        return None
    if "[" in text:
        text = _EXTERNAL.sub(lambda match: match.group(2) or "", text)
    if "<" in text:
        text = _BREAK.sub("\n", text)
        if not _tags_nest(_INLINE_TAG.findall(text)):
            return None
        text = _INLINE_TAG.sub("", text)
    if "'''''" in text:
        text = _BOLD_ITALIC.sub(r"\1", text)
    if _unsafe(text):
        return None
    if "''" in text:
        unquoted = remove_quotes(text)
        if unquoted is None:
            return None
        text = unquoted
    if "&" in text:
        if len(_ENTITY.findall(text)) > entities:
            return None  # an entity made by joining text around removed markup: the full parser shows it as written
        text = _ENTITY.sub(lambda match: html.unescape(match.group(0)).replace("\u00a0", " "), text)
    if rendered:
        if len(PRIVATE_USE.findall(text)) != len(rendered):
            return None  # a template sat where the full parser keeps or drops it as written
        text = PRIVATE_USE.sub(lambda match: rendered[ord(match.group(0)) - _PLACEHOLDERS], text)
    return text
