"""The ``based on`` field: ``{{based on|''Work''|Author|Author}}`` or ``Work by Author``."""

from __future__ import annotations

import re

from mwparserfromhell import nodes as mw

from wikifilm.document.nodes import InfoboxField
from wikifilm.document.values import ValueItem, clean_spaces, plain_text
from wikifilm.film import BasedOn
from wikifilm.normalize.people import refs_from_items, template_people
from wikifilm.readers.inline import template_name
from wikifilm.readers.parse import node_spans, parse_wikicode
from wikifilm.span import Source, Span

_BY = re.compile(r"^(?P<work>.+?)\s+by\s+(?P<authors>.+)$", re.IGNORECASE | re.DOTALL)


def normalize_based_on(source: Source, field: InfoboxField | None) -> tuple[BasedOn, ...]:
    """Works the film is based on, each with its authors."""
    if field is None:
        return ()
    if field.format == "wikitext":
        code, _outcome = parse_wikicode(field.raw(source))
        for node, span in zip(code.nodes, node_spans(code, field.value_span.start), strict=True):
            if isinstance(node, mw.Template) and template_name(str(node.name).strip()).casefold() == "based on":
                params = [param for param in node.params if not param.showkey]
                if not params:
                    continue
                work = clean_spaces(plain_text(params[0].value)).replace("\n", " ").strip("\"“” ")
                return (BasedOn(work, template_people(source, span, node, span.start), field.value_span),)
    text = field.plain(source).replace("\n", " ")
    match = _BY.match(text)
    if match is None:
        return (BasedOn(text.strip("\"“” "), (), field.value_span),) if text else ()
    work = match.group("work").strip(" ,\"“”")
    authors_text = match.group("authors")
    raw = field.raw(source)
    offset = raw.rfind(authors_text.split(" ")[0]) if authors_text else -1
    span = Span(field.value_span.start + offset, field.value_span.end) if offset >= 0 else field.value_span
    authors = refs_from_items(source, [ValueItem(authors_text, None, span)])
    return (BasedOn(work, authors, field.value_span),)
