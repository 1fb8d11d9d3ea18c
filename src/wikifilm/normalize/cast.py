"""Cast: list items (``A as B``, ``A – B``, ``A: B``) and cast tables, to actor and role."""

from __future__ import annotations

import re

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.nodes import Document
from wikifilm.document.values import plain_value
from wikifilm.film import CastMember, PersonRef
from wikifilm.normalize.people import clean_name, links_in, split_names
from wikifilm.normalize.sections import list_lines, sections_titled, tables
from wikifilm.span import Source, Span

CAST_TITLES = frozenset({"cast", "cast and characters", "voice cast", "starring", "cast and crew", "main cast",
                         "principal cast", "casting", "cast list", "the cast", "characters", "voice cast and characters"})
_AS = re.compile(r"\s+as\s+", re.IGNORECASE)
_DASH = re.compile(r"\s+[–—-]+\s+|\s*:\s+")
_ROLE_END = re.compile(r",\s+(?=[a-z])|;\s|\s+\(|:\s|\s[–—]\s|\s-\s|\.\s+(?=[A-Z][a-z]+\s[a-z])")
_NAME_LIKE = re.compile(r"^[^\W\d_][\w.'’\- ]{1,60}$")


def parse_cast_line(text: str) -> tuple[list[str], str | None] | None:
    """``(actors, role)`` of one cast line, or ``None`` when no actor is recognisable."""
    text = " ".join(text.split())
    for separator in (_AS, _DASH):
        parts = separator.split(text, maxsplit=1)
        if len(parts) == 2:
            actors = split_names(parts[0])
            role = _ROLE_END.split(parts[1], maxsplit=1)[0].strip(" ,;.\"") or None
            if actors and all(_NAME_LIKE.match(actor) for actor in actors):
                return actors, role
    name = clean_name(text)
    if name and _NAME_LIKE.match(name) and len(name.split()) <= 5:
        return [name], None
    return None


def normalize_cast(document: Document) -> tuple[tuple[CastMember, ...], list[Diagnostic]]:
    """Actor and role pairs from cast sections."""
    members: list[CastMember] = []
    diagnostics: list[Diagnostic] = []
    source = document.source
    for section in sections_titled(document, CAST_TITLES):
        for line in list_lines(document, section):
            text = plain_value(source, line.span, document.format).replace("\n", " ")
            if not text:
                continue
            parsed = parse_cast_line(text)
            if parsed is None:
                diagnostics.append(Diagnostic("WF602", f"cast line {text[:50]!r} names no recognisable actor; skipped", line.span, field="cast"))
                continue
            members.extend(_members(source, line.span, *parsed))
        for table in tables(section):
            members.extend(_from_table(document, table))
    return tuple(members), diagnostics


def _members(source: Source, span: Span, actors: list[str], role: str | None) -> list[CastMember]:
    links = links_in(source, span) if "[[" in source[span] else {}
    raw = source[span]
    out = []
    for actor in actors:
        offset = raw.find(actor)
        actor_span = Span(span.start + offset, span.start + offset + len(actor)) if offset >= 0 else span
        out.append(CastMember(PersonRef(actor, links.get(actor), span=actor_span), role, span))
    return out


def _from_table(document: Document, table: object) -> list[CastMember]:
    from wikifilm.document.nodes import Table

    assert isinstance(table, Table)
    source = document.source
    header = [cell.plain(source).casefold() for cell in table.header]
    actor_col = next((i for i, text in enumerate(header) if any(w in text for w in ("actor", "cast", "performer", "voice"))), None)
    role_col = next((i for i, text in enumerate(header) if any(w in text for w in ("role", "character", "part"))), None)
    if actor_col is None:
        return []
    out = []
    for row in table.grid()[1:]:
        actor_cell = row[actor_col] if actor_col < len(row) else None
        if actor_cell is None:
            continue
        role_cell = row[role_col] if role_col is not None and role_col < len(row) else None
        role = role_cell.plain(source) if role_cell is not None else None
        for actor in split_names(actor_cell.plain(source).replace("\n", ", ")):
            links = links_in(source, actor_cell.content_span)
            out.append(CastMember(PersonRef(actor, links.get(actor), span=actor_cell.content_span), role or None, actor_cell.span))
    return out
