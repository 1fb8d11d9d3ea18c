"""The one tokenizer of wikitext: templates, links, comments and extension tags, in linear time.

Every consumer finds nesting here, with one table of extension tags (:data:`EXTENSION_TAGS`):
the block reader (:func:`scan`, the regions a line break must not split), table cells
(:func:`top_level_tokens`), template parameters (:func:`split_template`), list items
(:func:`item_spans`), the plain-text fast path (:func:`outer_templates`) and the guard in
front of mwparserfromhell (:func:`unclosed_openers`). Templates are matched with a stack, so
5,000 unclosed ``{{`` cost one pass.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import attrs

from wikifilm._slots_init import slots_init
from wikifilm.markup.names import template_name
from wikifilm.markup.templates import LIST_TEMPLATES, REGION_LIST_TEMPLATES
from wikifilm.span import Span

EXTENSION_TAGS = (
    "ref", "nowiki", "pre", "math", "gallery", "syntaxhighlight", "source", "poem", "timeline", "score",
    "chem", "graph", "imagemap", "references", "templatedata", "mapframe", "hiero", "inputbox", "categorytree",
)
"""Extension tags: their content is not wikitext, so nothing inside one nests, splits or ends a line."""
_EXTENSION_TAG = "|".join(EXTENSION_TAGS)
EXTENSION_TAG_OPEN = rf"<(?:{_EXTENSION_TAG})\b[^<>]*?(?<!/)>"
"""A regex: the opening of an extension tag that is not self-closing, for patterns built on the table."""
_TEMPLATE_OPEN = re.compile(r"\{\{")
_TEMPLATE_CLOSE = re.compile(r"\}\}")
_ANGLE_TOKEN = re.compile(rf"<(?:!--|({_EXTENSION_TAG})\b[^<>]*?(/?)>)", re.IGNORECASE)
"""A comment opening or an extension tag (group 1 its name, group 2 ``/`` when self-closing).

Each token kind has its own pattern starting with a fixed character: the regex engine skips to
that character quickly, where one alternation would try every offset of the article."""
_CLOSERS: dict[str, re.Pattern[str]] = {}


def _closer(tag: str) -> re.Pattern[str]:
    pattern = _CLOSERS.get(tag)
    if pattern is None:
        pattern = _CLOSERS[tag] = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
    return pattern


class _Closers:
    """Where tags and comments close in ``text[:end]``, found by searches that remember their answer.

    A search from ``pos`` that found its closer at ``q`` (or none) gives the same answer from any
    ``pos'`` between ``pos`` and ``q``: a run of unclosed ``<ref>`` or ``<!--`` costs one scan of the
    text, where a search per opener read the rest of the text once per opener (quadratic).
    """

    __slots__ = ("end", "memo", "text")

    def __init__(self, text: str, end: int | None = None) -> None:
        self.text = text
        self.end = len(text) if end is None else end
        self.memo: dict[str, tuple[int, int, int]] = {}  # closer -> (searched from, start, end); start -1: none

    def tag(self, name: str, pos: int) -> int:
        """The end of the first ``</name>`` at or after ``pos``, or -1."""
        return self._find(name.lower(), pos)

    def comment(self, pos: int) -> int:
        """The end of the first ``-->`` at or after ``pos``, or -1."""
        return self._find("-->", pos)

    def _find(self, key: str, pos: int) -> int:
        known = self.memo.get(key)
        if known is not None and known[0] <= pos and (known[1] == -1 or known[1] >= pos):
            return known[2]
        if key == "-->":
            start = self.text.find("-->", pos, self.end)
            found = (pos, start, -1 if start == -1 else start + 3)
        else:
            match = _closer(key).search(self.text, pos, self.end)
            found = (pos, -1, -1) if match is None else (pos, match.start(), match.end())
        self.memo[key] = found
        return found[2]


@attrs.frozen
class Regions:
    """Where templates, comments and tags stand, for the block reader."""

    template_end: dict[int, int]
    """End offset of each matched ``{{`` by its start offset."""
    comment_end: dict[int, int]
    """End offset of each comment by its start offset."""
    protected_starts: list[int]
    """Starts of merged multi-line regions, sorted."""
    protected_ends: list[int]
    """Ends of merged multi-line regions, same order."""
    unclosed_templates: list[int]
    """Offsets of ``{{`` with no matching ``}}``."""
    unclosed_comment: int | None
    """Offset of an ``<!--`` with no ``-->``, if any."""

    def line_end(self, text: str, pos: int) -> int:
        """Offset just past the line break ending the logical line at ``pos`` (or the text end).

        :meth:`protecting` is written out here: the block reader asks this for every line."""
        starts, ends = self.protected_starts, self.protected_ends
        newline = text.find("\n", pos)
        while newline != -1:
            index = bisect.bisect_right(starts, newline) - 1
            if index < 0 or not starts[index] < newline < ends[index]:
                return newline + 1
            newline = text.find("\n", ends[index])
        return len(text)

    def protecting(self, newline: int) -> int | None:
        """The end of the multi-line region a line break at ``newline`` stands inside (it ends no
        line there), or ``None``."""
        index = bisect.bisect_right(self.protected_starts, newline) - 1
        if index >= 0 and self.protected_starts[index] < newline < self.protected_ends[index]:
            return self.protected_ends[index]
        return None


def scan(text: str) -> Regions:
    """Find templates, comments and tags in one pass over the tokens, in source order.

    Tokens are found by kind, then visited in order; a token inside a comment or tag already
    passed is skipped, so the result is that of one left-to-right scan.
    """
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    template_end: dict[int, int] = {}
    comment_end: dict[int, int] = {}
    unclosed_comment = None
    # Offsets only: a token is matched again when visited, so tokens inside a comment or tag
    # (250,000 '<!--' of one unclosed comment) cost an int each, not a Match kept alive.
    offsets = [match.start() for match in _ANGLE_TOKEN.finditer(text)]
    offsets += [match.start() for match in _TEMPLATE_OPEN.finditer(text)]
    offsets += [match.start() for match in _TEMPLATE_CLOSE.finditer(text)]
    offsets.sort()
    closers = _Closers(text)
    pos = 0
    for at in offsets:
        if at < pos:
            continue
        char = text[at]
        if char == "{":
            stack.append(at)
            pos = at + 2
        elif char == "}":
            if stack:
                start = stack.pop()
                template_end[start] = at + 2
                pairs.append((start, at + 2))
            pos = at + 2
        elif (match := _ANGLE_TOKEN.match(text, at)) is None:
            raise AssertionError(f"no tag or comment where one was found, at {at}")
        elif match.group(1) is None:
            end = closers.comment(match.end())
            if end == -1:
                unclosed_comment = at
                end = len(text)
            comment_end[at] = end
            pairs.append((at, end))
            pos = end
        elif match.group(2):
            pos = match.end()
        else:
            close = closers.tag(match.group(1), match.end())
            if close == -1:
                pos = match.end()
                continue
            pairs.append((at, close))
            pos = close
    starts, ends = multiline_regions(text, pairs)
    return Regions(template_end, comment_end, starts, ends, stack, unclosed_comment)


def multiline_regions(text: str, pairs: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts and ends of the ``(start, end)`` regions that hold a line break, overlapping ones merged."""
    return _merged([(start, end) for start, end in pairs if text.find("\n", start, end) != -1])


_NESTING = rf"\{{\{{|\}}\}}|\[\[|\]\]|<!--|<(?P<tag>{_EXTENSION_TAG})\b[^<>]*?(?P<self_closing>/?)>"
"""The tokens that open or close nesting: braces, brackets, a comment, an extension tag."""
CLOSED_LINK = r"\[\[[^{}\[\]<]*\]\]"
"""A link holding no brace, bracket or ``<`` (a regex): nothing in it is at the top level and it
leaves the nesting as it found it, so scanners pass over it as one token (most infobox values are such links)."""
_CLOSED_PAIR = rf"\{{\{{[^{{}}\[\]<]*\}}\}}|{CLOSED_LINK}"
""":data:`CLOSED_LINK`, or a template holding no brace, bracket or ``<``."""
_TOP_LEVEL: dict[str, re.Pattern[str]] = {}


def top_level_tokens(text: str, start: int, end: int, separators: str) -> Iterator[re.Match[str]]:
    """Matches of ``separators`` (a regex) in ``text[start:end]`` that stand outside nested templates,
    links, comments and extension tags, as MediaWiki's preprocessor sees them."""
    pattern = _TOP_LEVEL.get(separators)
    if pattern is None:
        pattern = _TOP_LEVEL[separators] = re.compile(f"{_CLOSED_PAIR}|{_NESTING}|{separators}", re.IGNORECASE)
    depth_templates = depth_links = 0
    pos = start
    search = pattern.search
    while True:
        match = search(text, pos, end)
        if match is None:
            return
        pos = match.end()
        token = match.group(0)
        if len(token) >= 4 and token[1] in "{[":
            continue  # a closed pair
        if token == "{{":
            depth_templates += 1
        elif token == "}}":
            if depth_templates:
                depth_templates -= 1
        elif token == "[[":
            depth_links += 1
        elif token == "]]":
            if depth_links:
                depth_links -= 1
        elif token == "<!--":
            close = text.find("-->", pos, end)
            pos = end if close == -1 else close + 3
        elif token[0] == "<" and match.group("tag") is not None:
            if not match.group("self_closing"):
                closing = _closer(match.group("tag").lower()).search(text, pos, end)
                pos = end if closing is None else closing.end()
        elif not depth_templates and not depth_links:
            yield match


@slots_init
@attrs.frozen
class Parameter:
    """One template parameter as written: its name, and the spans of its name and value."""

    name: str
    """The name, stripped; positional parameters are named ``"1"``, ``"2"``... by their rank among
    positional ones, as MediaWiki numbers them."""
    value_span: Span
    """The value as written (not stripped), up to the next ``|`` or the closing ``}}``."""
    name_span: Span | None = None
    """The name as written (not stripped), up to its ``=``, for named parameters; ``None`` for positional ones."""

    @property
    def named(self) -> bool:
        """Whether the parameter was written ``name=value``."""
        return self.name_span is not None

    @property
    def start(self) -> int:
        """Where the parameter begins, just after its ``|``."""
        return self.name_span.start if self.name_span is not None else self.value_span.start


def split_template(text: str, start: int, end: int) -> tuple[int, list[Parameter]]:
    """The end of the name and the parameters of the template ``text[start:end]`` (``{{`` to ``}}``):
    the one way to read a template call's parameters.

    Pipes inside nested templates, links, comments and extension tags do not split, as in
    MediaWiki's preprocessor.
    """
    inner_end = end - 2
    bounds: list[tuple[int, int | None, int]] = []  # (start, "=" or None, end) per parameter
    name_end: int | None = None
    param_start = start + 2
    equals: int | None = None
    for match in top_level_tokens(text, start + 2, inner_end, r"\||="):
        if match.group(0) == "|":
            if name_end is None:
                name_end = match.start()
            else:
                bounds.append((param_start, equals, match.start()))
            param_start, equals = match.end(), None
        elif name_end is not None and equals is None:
            equals = match.start()
    if name_end is None:
        return inner_end, []
    bounds.append((param_start, equals, inner_end))
    params: list[Parameter] = []
    rank = 0
    for param_start, equals, param_end in bounds:
        if equals is None:
            rank += 1
            params.append(Parameter(str(rank), Span(param_start, param_end)))
        else:
            params.append(Parameter(text[param_start:equals].strip(), Span(equals + 1, param_end), Span(param_start, equals)))
    return name_end, params


_BRACES = re.compile(r"\{\{|\}\}")


def comment_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each closed comment, as ``<!--.*?-->`` finds them, in one pass: once an
    ``<!--`` has no ``-->`` after it, no later one has either, so the search stops there (the pattern
    would scan from every such opener to the end: quadratic)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (start := text.find("<!--", pos)) != -1 and (close := text.find("-->", start + 4)) != -1:
        spans.append((start, close + 3))
        pos = close + 3
    return spans


def template_depth(text: str) -> int:
    """How deep ``{{`` nest in ``text`` at most (counting every pair of braces, in one pass)."""
    depth = deepest = 0
    for match in _BRACES.finditer(text):
        if match.group(0) == "{{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


_OUTER = re.compile(_NESTING, re.IGNORECASE)


def outer_templates(text: str, *, strict: bool = True) -> list[tuple[int, int]] | None:
    """``(start, end)`` of every template not nested in another one, outside comments and extension
    tags (a template inside a ``<ref>`` goes with the ref).

    When braces, comments or tags do not close, ``None`` if ``strict``, else the templates that
    did close before the trouble.
    """
    found: list[tuple[int, int]] = []
    depth = start = pos = 0
    search = _OUTER.search
    while (match := search(text, pos)) is not None:
        pos = match.end()
        token = match.group(0)
        if token == "{{":
            if depth == 0:
                start = match.start()
            depth += 1
        elif token == "}}":
            if depth == 0:
                if strict:
                    return None
                continue
            depth -= 1
            if depth == 0:
                found.append((start, pos))
        elif token == "<!--":
            close = text.find("-->", pos)
            if close == -1:
                return None if strict else found
            pos = close + 3
        elif token[0] == "<" and not match.group("self_closing"):
            closing = _closer(match.group("tag").lower()).search(text, pos)
            if closing is None:
                return None if strict else found
            pos = closing.end()
    return None if depth and strict else found


_ITEM_TOKEN = re.compile(
    rf"{CLOSED_LINK}|\{{\{{|\}}\}}|\[\[|\]\]|<br\s*/?\s*>|</br\s*>|\n|<!--"
    rf"|<(?P<tag>{_EXTENSION_TAG})\b[^<>]*?(?P<self_closing>/?)>",
    re.IGNORECASE,
)
"""What splits or nests list items: a closed link (one token), braces, brackets, ``<br>``, a line
break, a comment, an extension tag."""
_NAME_AT = re.compile(r"(?:\s|<!--.*?-->)*([^|{}<\n]*)", re.DOTALL)
"""A template's name after its ``{{`` (comments before it skipped)."""
_BULLET_AFTER = re.compile(r"[ \t]*[*#•]")


def raw_template_name(text: str, start: int, end: int) -> str:
    """The name of the template ``text[start:end]`` as written, up to its first ``|``, brace, ``<`` or
    line break, with comments before it skipped (give it to :func:`~wikifilm.markup.names.template_name`)."""
    match = _NAME_AT.match(text, start + 2, end)
    return match.group(1) if match else ""


def item_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the list items of ``text[start:end]``: split at top-level ``<br>``, at
    bulleted lines, and at the parameters of list templates (Plainlist, Ubl, hlist...).

    One linear scan with the same nesting rules as MediaWiki's preprocessor: nothing inside a
    nested template, link, comment or extension tag splits. Items may be empty or padded.
    """
    if text.find("<", start, end) == -1 and text.find("\n", start, end) == -1 and text.find("{{", start, end) == -1:
        return [(start, end)]  # items split only at <br>, bulleted lines and list templates: none here
    segments: list[tuple[int, int]] = []
    seg_start = start
    depth_templates = depth_links = 0
    template_start = -1
    pos = start
    search = _ITEM_TOKEN.search
    while (match := search(text, pos, end)) is not None:
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
                key = template_name(raw_template_name(text, template_start, pos)).casefold()
                if key in LIST_TEMPLATES or key in REGION_LIST_TEMPLATES:
                    segments.append((seg_start, template_start))
                    _name_end, params = split_template(text, template_start, pos)
                    every = key in REGION_LIST_TEMPLATES  # each region's parameter is a list
                    for param in params:
                        if every or not param.named or param.name.isdigit():
                            segments.extend(item_spans(text, param.value_span.start, param.value_span.end))
                    seg_start = pos
                template_start = -1
        elif token == "[[":
            depth_links += 1
        elif token == "]]":
            depth_links = max(0, depth_links - 1)
        elif token == "<!--":
            close = text.find("-->", pos, end)
            pos = end if close == -1 else close + 3
        elif match.group("tag") is not None:
            if not match.group("self_closing"):
                closing = _closer(match.group("tag").lower()).search(text, pos, end)
                pos = end if closing is None else closing.end()
        elif depth_templates or depth_links:
            continue
        elif token == "\n":
            if _BULLET_AFTER.match(text, pos, end):
                segments.append((seg_start, match.start()))
                seg_start = pos
        else:  # <br>
            segments.append((seg_start, match.start()))
            seg_start = pos
    segments.append((seg_start, end))
    return segments


_BALANCE_TOKEN = re.compile(rf"\{{\{{|\}}\}}|\[\[|\]\]|<!--|<(?P<tag>{_EXTENSION_TAG})\b[^<>]*?(?P<self_closing>/?)>", re.IGNORECASE)


def unclosed_openers(text: str) -> list[tuple[int, int]]:
    """:func:`balance`'s unclosed openers."""
    return balance(text)[0]


ClosedTag = tuple[int, int, int, int, str]
"""An extension tag that closes: ``(start, content start, content end, end, name)``."""


def balance(text: str) -> tuple[list[tuple[int, int]], list[ClosedTag]]:
    """What is unbalanced in ``text`` at the top level, and the closed extension tags there.

    First, ``(start, end)`` of every ``{{``, ``[[``, ``<!--`` and extension tag in ``text`` that is
    never closed and stands outside every closed pair, in order; empty when the text is balanced.

    mwparserfromhell's tokenizer retries each unclosed opener to the end of the text (quadratic,
    and its C code cannot be interrupted), so the guarded parser cuts the text at these first.
    An unclosed opener inside a closed template or link is left to that pair: cutting there
    would break the pair. Second, the extension tags that close outside every closed pair: their
    content may hold unclosed openers of its own.
    """
    braces: list[tuple[int, int]] = []
    brackets: list[tuple[int, int]] = []
    unclosed: list[tuple[int, int]] = []
    pairs: list[tuple[int, int]] = []
    tags: list[ClosedTag] = []
    closers = _Closers(text)
    pos = 0
    while (match := _BALANCE_TOKEN.search(text, pos)) is not None:
        token = match.group(0)
        pos = match.end()
        if token == "{{":
            braces.append(match.span())
        elif token == "}}":
            if braces:
                pairs.append((braces.pop()[0], pos))
        elif token == "[[":
            brackets.append(match.span())
        elif token == "]]":
            if brackets:
                pairs.append((brackets.pop()[0], pos))
        elif token == "<!--":
            close = closers.comment(pos)
            if close == -1:
                unclosed.append(match.span())
            else:
                pos = close
        elif not match.group("self_closing"):
            close = closers.tag(match.group("tag"), pos)
            if close == -1:
                unclosed.append(match.span())
            else:
                tags.append((match.start(), pos, text.rfind("<", pos, close), close, match.group("tag").lower()))
                pos = close
    openers = sorted([*braces, *brackets, *unclosed])
    if not pairs:
        return openers, tags
    starts, ends = _merged(pairs)
    return (
        [opener for opener in openers if not _inside(starts, ends, opener[0])],
        [tag for tag in tags if not _inside(starts, ends, tag[0])],
    )


def _merged(pairs: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts and ends of the union of ``(start, end)`` intervals, sorted."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(pairs):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(starts: list[int], ends: list[int], offset: int) -> bool:
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and starts[index] < offset < ends[index]
