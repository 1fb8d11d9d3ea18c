"""The inline model: links, refs, tags and template calls inside one leaf, with exact spans.

Inline markup is read on demand, so reading a whole article stays cheap. Two readings share
these classes: :func:`parse_inline` gives the nodes that tile a leaf (text, links, templates,
refs, comments, tags), and :func:`template_calls` / :func:`read_template` give template calls
with the spans of their parameters, split by our own tokenizer (no full parse).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from mwparserfromhell import nodes as mw
from mwparserfromhell.wikicode import Wikicode

from wikifilm._slots_init import slots_init
from wikifilm.document.nodes import Comment, Node, Raw, Text
from wikifilm.markup.names import template_name
from wikifilm.markup.parser import parse_wikicode
from wikifilm.markup.plain import plain_text
from wikifilm.markup.templates import LIST_TEMPLATES, Arguments
from wikifilm.markup.tokenizer import Parameter, outer_templates, split_template
from wikifilm.span import Source, Span

MAX_NESTING = 100
"""Nested template calls are followed this deep, as deep as MediaWiki expands them."""


@slots_init
@attrs.frozen
class Link(Node):
    """A wiki link ``[[target|shown text]]``."""

    target: str
    """The page linked to, as written (stripped)."""
    shown: str | None
    """The shown text when it differs from the target, as written."""


@slots_init
@attrs.frozen
class ExternalLink(Node):
    """An external link ``[https://... shown]`` or a bare URL."""

    url: str
    """The URL."""


@slots_init
@attrs.frozen
class Ref(Node):
    """A ``<ref>`` footnote, kept whole (content, and name when given)."""

    name: str | None = None
    """The ``name=`` attribute, when given."""


@slots_init
@attrs.frozen
class Tag(Node):
    """Any other HTML-like tag or wiki formatting (``''italic''``, ``<br>``, ``<small>``)."""

    tag: str = ""
    """The tag name: ``i``, ``b``, ``br``, ``small``..."""


@slots_init
@attrs.frozen
class TemplateCall(Node):
    """A template call as written: its name and its parameters with spans."""

    name: str
    """Normalised by :func:`~wikifilm.markup.names.template_name`: ``Film date``."""
    params: tuple[Parameter, ...] = ()
    """The parameters in order (:class:`~wikifilm.markup.tokenizer.Parameter`: name, name and value spans)."""

    @property
    def key(self) -> str:
        """The name casefolded, for comparing: ``film date``."""
        return self.name.casefold()

    @property
    def positional_spans(self) -> list[Span]:
        """Value spans of the positional parameters, in order."""
        return [param.value_span for param in self.params if not param.named]

    def arguments(self, source: Source) -> Arguments[Span]:
        """The parameters, rendered to plain text on demand."""
        return Arguments([(param.name, param.named, param.value_span) for param in self.params], lambda span: plain_text(source[span]))


def read_template(source: Source, span: Span) -> TemplateCall:
    """The template call written at ``span`` (``{{`` to ``}}``): its name and parameters with
    exact spans. Pipes inside nested templates, links, comments and tags do not split."""
    name_end, params = split_template(source.text, span.start, span.end)
    return TemplateCall(span, template_name(source.text[span.start + 2 : name_end].strip()), tuple(params))


def template_calls(source: Source, span: Span, *, nested: bool = False, _depth: int = 0) -> Iterator[TemplateCall]:
    """The templates of ``source[span]`` outside comments and refs, in order; with ``nested``, also
    those inside other templates' parameters (after their container), down to :data:`MAX_NESTING`
    levels. Unclosed ones are text."""
    for start, end in outer_templates(source[span], strict=False) or ():
        call = read_template(source, Span(start + span.start, end + span.start))
        yield call
        if nested and end - start > 4 and _depth < MAX_NESTING:
            for param in call.params:
                inner = Span(param.name_span.start if param.name_span else param.value_span.start, param.value_span.end)
                yield from template_calls(source, inner, nested=True, _depth=_depth + 1)


def is_list_template(name: str) -> bool:
    """Whether a template (by name) holds list items."""
    return template_name(name).casefold() in LIST_TEMPLATES


def parse_inline(source: Source, span: Span) -> tuple[Node, ...]:
    """The inline nodes of ``source[span]``, tiling it: text, links, template calls (with their
    parameters), refs, comments, tags."""
    code, outcome = parse_wikicode(source[span])
    if outcome == "raw":
        return (Raw(span),)
    return tuple(_convert(source, node, node_span) for node, node_span in zip(code.nodes, _node_spans(code, span.start), strict=True))


def _node_spans(code: Wikicode, start: int) -> list[Span]:
    """Spans of ``code``'s top-level nodes, ``code`` standing at offset ``start``."""
    spans = []
    cursor = start
    for node in code.nodes:
        length = len(str(node))
        spans.append(Span(cursor, cursor + length))
        cursor += length
    return spans


def _convert(source: Source, node: object, span: Span) -> Node:
    if isinstance(node, mw.Wikilink):
        shown = str(node.text) if node.text is not None else None
        return Link(span, target=str(node.title).strip(), shown=shown)
    if isinstance(node, mw.Template):
        return read_template(source, span)
    if isinstance(node, mw.Comment):
        return Comment(span)
    if isinstance(node, mw.ExternalLink):
        return ExternalLink(span, url=str(node.url))
    if isinstance(node, mw.Tag):
        tag = str(node.tag).strip().lower()
        if tag == "ref":
            name = str(node.get("name").value).strip() if node.has("name") else None
            return Ref(span, name=name)
        return Tag(span, tag=tag)
    return Text(span)
