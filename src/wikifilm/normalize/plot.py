"""The plot: plain text of the Plot / Synopsis / Premise sections, paragraphs joined by a blank line."""

from __future__ import annotations

from wikifilm.document.nodes import Document, plain_value
from wikifilm.normalize.sections import paragraphs, sections_titled
from wikifilm.record import Value
from wikifilm.span import Span

PLOT_TITLES = frozenset({"plot", "synopsis", "premise", "plot summary", "summary", "story", "storyline", "plot synopsis", "narrative"})


def normalize_plot(document: Document) -> Value[str]:
    """The plot text, or an empty Value when the article has no plot section."""
    texts: list[str] = []
    spans: list[Span] = []
    for section in sections_titled(document, PLOT_TITLES):
        for paragraph in paragraphs(section):
            text = plain_value(document.source, paragraph.content_span, document.format).replace("\n", " ").strip()
            if text:
                texts.append(text)
                spans.append(paragraph.span)
    if not texts:
        return Value(None)
    span = Span(spans[0].start, spans[-1].end)
    return Value("\n\n".join(texts), raw=document.source[span], span=span, method="section")
