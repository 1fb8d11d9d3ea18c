"""The ``based on`` field: ``{{based on|''Work''|Author|Author}}`` or ``Work by Author``."""

from __future__ import annotations

import re

from wikifilm.document.inline import template_calls
from wikifilm.document.items import ValueItem
from wikifilm.document.nodes import InfoboxField
from wikifilm.markup.plain import plain_text
from wikifilm.normalize.people import refs_from_items, template_people
from wikifilm.record import BasedOn
from wikifilm.span import Source, Span

_BY = re.compile(r"^(?P<work>.+?)\s+by\s+(?P<authors>.+)$", re.IGNORECASE | re.DOTALL)


_NOTE = re.compile(r"^\s*\([^()]*\)\s*|\s*\([^()]*\)\s*$")


def _work(text: str) -> str:
    """A work's title without notes in brackets (``(stage play) E.R.`` -> ``E.R.``) or quotes."""
    text = " ".join(text.split())
    stripped = _NOTE.sub("", text).strip(" ,\"“”")
    return stripped or text.strip(" ,\"“”")


def _from_templates(source: Source, field: InfoboxField) -> tuple[BasedOn, ...]:
    """Every ``{{based on}}`` in the value, nested in list templates too, with exact spans."""
    out: list[BasedOn] = []
    for template in template_calls(source, field.value_span, nested=True):
        if template.key != "based on" or not template.positional_spans:
            continue
        work = plain_text(source[template.positional_spans[0]]).split("\n")[0]  # ''Random Harvest''<br>1941 novel
        out.append(BasedOn(_work(work), template_people(source, template), template.span))
    return tuple(out)


def normalize_based_on(source: Source, field: InfoboxField | None) -> tuple[BasedOn, ...]:
    """Works the film is based on, each with its authors."""
    if field is None:
        return ()
    if field.format == "wikitext":
        found = _from_templates(source, field)
        if found:
            return found
    works = _work_lines(field.plain(source))
    if len(works) > 1:
        return tuple(_from_text(source, field, work) for work in works)
    return (_from_text(source, field, works[0]),) if works else ()


def _work_lines(text: str) -> list[str]:
    """One line per work; a line starting with 'by', or after one ending with it, belongs to the work above."""
    lines: list[str] = []
    for line in text.split("\n"):
        if lines and (re.match(r"^by\b", line, re.IGNORECASE) or re.search(r"\bby$", lines[-1], re.IGNORECASE)):
            lines[-1] += " " + line
        elif line.strip():
            lines.append(line.strip())
    return lines


def _from_text(source: Source, field: InfoboxField, text: str) -> BasedOn:
    """``Work by Author and Author``."""
    match = _BY.match(text)
    if match is None:
        return BasedOn(_work(text), (), field.value_span)
    work = _work(match.group("work"))
    authors_text = match.group("authors")
    raw = field.raw(source)
    offset = raw.rfind(authors_text.split(" ")[0]) if authors_text else -1
    span = Span(field.value_span.start + offset, field.value_span.end) if offset >= 0 else field.value_span
    authors = refs_from_items(source, [ValueItem(authors_text, None, span)])
    return BasedOn(work, authors, field.value_span)
