"""Inline markup of one leaf (a paragraph, a cell, a field value) as nodes, parsed on demand."""

from __future__ import annotations

import attrs
from mwparserfromhell import nodes as mw

from wikifilm.document.nodes import Comment, Node, Raw, Template, Text
from wikifilm.readers.parse import node_spans, parse_wikicode
from wikifilm.span import Source, Span


@attrs.frozen
class Link(Node):
    """A wiki link ``[[target|shown text]]``."""

    target: str
    """The page linked to, as written (stripped)."""
    shown: str | None
    """The shown text when it differs from the target, as written."""


@attrs.frozen
class ExternalLink(Node):
    """An external link ``[https://... shown]`` or a bare URL."""

    url: str
    """The URL."""


@attrs.frozen
class Ref(Node):
    """A ``<ref>`` footnote, kept whole (content, and name when given)."""

    name: str | None = None
    """The ``name=`` attribute, when given."""


@attrs.frozen
class Tag(Node):
    """Any other HTML-like tag or wiki formatting (``''italic''``, ``<br>``, ``<small>``)."""

    tag: str = ""
    """The tag name: ``i``, ``b``, ``br``, ``small``..."""


@attrs.frozen
class Parameter:
    """One template parameter with the spans of its name and value."""

    name: str
    """Positional parameters are named ``"1"``, ``"2"``..."""
    value_span: Span
    """The value as written."""
    name_span: Span | None = None
    """The name as written, for named parameters."""


def template_name(code_name: str) -> str:
    """Normalise a template name as MediaWiki does: first letter case, ``_`` and spaces."""
    name = " ".join(code_name.replace("_", " ").split())
    if name.lower().startswith("template:"):
        name = name[9:].strip()
    return name[:1].upper() + name[1:]


def parse_inline(source: Source, span: Span) -> tuple[Node, ...]:
    """The inline nodes of ``source[span]``, tiling it: text, links, templates, refs, comments, tags."""
    code, outcome = parse_wikicode(source[span])
    if outcome == "raw":
        return (Raw(span),)
    return tuple(_convert(node, node_span) for node, node_span in zip(code.nodes, node_spans(code, span.start), strict=True))


def _convert(node: object, span: Span) -> Node:
    if isinstance(node, mw.Wikilink):
        shown = str(node.text) if node.text is not None else None
        return Link(span, target=str(node.title).strip(), shown=shown)
    if isinstance(node, mw.Template):
        return Template(span, name=template_name(str(node.name).strip()))
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


def template_parameters(source: Source, span: Span) -> tuple[str, tuple[Parameter, ...]]:
    """The name and parameters of the template written at ``span``, with exact spans."""
    code, outcome = parse_wikicode(source[span])
    if outcome == "raw" or len(code.nodes) != 1 or not isinstance(code.nodes[0], mw.Template):
        return "", ()
    return template_layout(code.nodes[0], span.start)


def template_layout(template: mw.Template, start: int) -> tuple[str, tuple[Parameter, ...]]:
    """Spans of a template's parameters by walking its ``__str__`` layout: ``{{`` name (``|`` param)* ``}}``."""
    cursor = start + 2 + len(str(template.name))
    params = []
    for param in template.params:
        cursor += 1  # the "|"
        name_text = str(param.name)
        value_text = str(param.value)
        if param.showkey:
            name_span = Span(cursor, cursor + len(name_text))
            value_start = name_span.end + 1
            params.append(Parameter(name_text.strip(), Span(value_start, value_start + len(value_text)), name_span))
            cursor = value_start + len(value_text)
        else:
            params.append(Parameter(name_text.strip(), Span(cursor, cursor + len(value_text))))
            cursor += len(value_text)
    return template_name(str(template.name).strip()), tuple(params)
