"""A fast path for plain text of simple wikitext fragments, equal to the full path or declined.

Most paragraphs, cells and headings hold only links, refs, comments, bold and italics, ``<br>``
and a few inline tags. Those are rendered here with regular expressions; anything else
(templates outside refs, file links, other tags) returns ``None`` and takes the
mwparserfromhell path. A test checks both paths agree on every fragment of the corpus.
"""

from __future__ import annotations

import html
import re

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_REF = re.compile(r"<ref\b[^<>]*/\s*>|<ref\b[^<>]*(?<!/)>.*?</ref\s*>", re.IGNORECASE | re.DOTALL)
_NON_CONTENT = re.compile(r"\[\[\s*:?\s*(?:file|image|category|media)\s*:", re.IGNORECASE)
SIMPLE_LINK = re.compile(r"\[\[([^\[\]|{}<>\n]*[^\[\]|{}<>\n\s][^\[\]|{}<>\n]*)(?:\|([^\[\]{}\n]*))?\]\]")
"""A wiki link holding no nested markup: ``[[target]]`` or ``[[target|shown]]`` (groups 1 and 2)."""
_EXTERNAL = re.compile(r"\[((?:https?:)?//[^\s\[\]<>\"]+)(?:[ \t]+([^\[\]\n]*))?\]")
_BREAK = re.compile(r"<br\s*/?\s*>|</br\s*>", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?(?:small|span|sup|sub|i|b|u|s|center|div|p|big|font|abbr|em|strong|cite|q|del|ins|bdi|tt|code|var|kbd)\b[^<>]*>",
    re.IGNORECASE,
)
_UNSAFE = re.compile(r"\{\{|\}\}|\[\[|\]\]|<|\[(?:https?:)?//|'''''")
_QUOTES = re.compile(r"'''|''")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_TRIGGERS = frozenset("{}[]<'&")
_LIST_START = re.compile(r"(?:^|\n)(?:[ \t]*[*#:;]|=|----)")


def _link(match: re.Match[str]) -> str:
    shown = match.group(2)
    if shown is not None:
        return shown
    return match.group(1).strip().lstrip(":")


def fast_plain(text: str) -> str | None:
    """Plain text of a simple fragment, or ``None`` when it needs the full parser."""
    if _LIST_START.search(text):
        return None
    if not _TRIGGERS.intersection(text):
        return text
    if "[[" in text:
        if _NON_CONTENT.search(text):
            return None
        text = SIMPLE_LINK.sub(_link, text)  # before refs go, so a ref inside a link title keeps it unmatched
    if "<!--" in text:
        text = _COMMENT.sub("", text)
    if "<ref" in text or "<REF" in text or "<Ref" in text:
        refs = _REF.findall(text)
        if any(ref.lower().count("<ref") > 1 for ref in refs):
            return None  # a ref opened inside a ref: the full parser reads that differently
        text = _REF.sub("", text)
    if "{{" in text or "}}" in text:
        return None
    if "[" in text:
        text = _EXTERNAL.sub(lambda match: match.group(2) or "", text)
    if "<" in text:
        text = _BREAK.sub("\n", text)
        tags = _INLINE_TAG.findall(text)
        if sum(tag.startswith("</") for tag in tags) * 2 != len(tags):
            return None
        text = _INLINE_TAG.sub("", text)
    if _UNSAFE.search(text):
        return None
    if "''" in text:
        if text.count("'''") % 2 or text.replace("'''", "").count("''") % 2:
            return None
        text = _QUOTES.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda match: html.unescape(match.group(0)).replace("\u00a0", " "), text)
    return text
