"""Renaming a person: every mention the record joins to one identity, and on request the
shown text of links to them in prose, each rewritten inside its own span."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from wikifilm.document.nodes import Format, Paragraph, iter_nodes
from wikifilm.editing.patch import EditError, Patch
from wikifilm.extract import extract
from wikifilm.names import fold, is_variant
from wikifilm.readers.detect import read
from wikifilm.record import Film, Person, PersonRef
from wikifilm.span import Span

_LINK = re.compile(r"\[\[(?P<target>[^\[\]|\n]*)(?:\|(?P<shown>[^\[\]\n]*))?\]\]")
"""A wiki link holding no other link: ``[[target]]`` or ``[[target|shown text]]``."""


def rename_patches(text: str, format: Format, old: str, new: str, *, links: bool, prose: bool) -> list[Patch]:
    """The replacements that rename the person spelled ``old`` to ``new`` in ``text``."""
    film = extract(text, format=format)
    person = _person(film, old)
    targets = {_target_key(ref.link) for ref in mentions(film) if ref.person == person.id and ref.link}
    if len(targets) > 1:
        raise EditError(f"rename_person: {old!r} links to {len(targets)} different articles ({', '.join(sorted(targets))}): "
                        "they may be different people; nothing was changed")
    patches: dict[Span, Patch] = {}
    for ref in mentions(film):
        if ref.person != person.id or ref.span is None or ref.span in patches:
            continue
        patch = _rename_mention(text, ref, new, links=links)
        if patch is not None:
            patches[ref.span] = patch
    if prose and format == "wikitext":
        document = read(text, format=format)
        for node in iter_nodes(document):
            if isinstance(node, Paragraph):
                for patch in _rename_prose_links(text, node.content_span, person, new, links=links):
                    patches.setdefault(patch.span, patch)
    return list(patches.values())


def _person(film: Film, name: str) -> Person:
    """The one person of the record that ``name`` spells; refuses none and several."""
    found = [person for person in film.people if any(is_variant(name, variant) for variant in person.variants)]
    if not found:
        raise EditError(f"rename_person: no person in the record is spelled {name!r}")
    if len(found) > 1:
        listed = "; ".join(f"{person.id}: {', '.join(person.variants)}" for person in found)
        raise EditError(f"rename_person: {name!r} may be any of {len(found)} people ({listed}); nothing was changed")
    return found[0]


def mentions(record: object) -> Iterator[PersonRef]:
    """Every person mention in a record, at any depth (people fields, cast, accolades, based on)."""
    if isinstance(record, PersonRef):
        yield record
    elif isinstance(record, tuple):
        for item in record:
            yield from mentions(item)
    elif attrs.has(type(record)):
        for name in attrs.fields_dict(type(record)):  # type: ignore[arg-type]
            if name not in ("people", "diagnostics"):
                yield from mentions(getattr(record, name))


def _rename_mention(text: str, ref: PersonRef, new: str, *, links: bool) -> Patch | None:
    """The rewrite of one mention inside its span: a link's shown text (and target with ``links``),
    or the name as written; refuses a mention whose name cannot be found in its span."""
    assert ref.span is not None
    line_start = text.rfind("\n", 0, ref.span.start) + 1
    line_end = text.find("\n", ref.span.end)
    for link in _LINK.finditer(text, line_start, len(text) if line_end < 0 else line_end):
        if link.end() <= ref.span.start or link.start() >= ref.span.end:
            continue  # a link overlapping the mention: inside it, around it, or within it
        shown = link["shown"] if link["shown"] is not None else link["target"]
        if fold(shown) == fold(ref.name) or is_variant(shown, ref.name):
            if shown == new and (not links or link["target"].strip() == new):
                return None
            return Patch(Span(link.start(), link.end()), _link(link["target"], new, links=links))
    segment = text[ref.span.start : ref.span.end]
    found = [match.start() for match in re.finditer(re.escape(ref.name), segment)]
    if len(found) != 1:
        line = text.count("\n", 0, ref.span.start) + 1
        raise EditError(f"rename_person: cannot tell where {ref.name!r} stands in the mention on line {line}; nothing was changed")
    if ref.name == new:
        return None
    start = ref.span.start + found[0]
    return Patch(Span(start, start + len(ref.name)), new)


def _target_key(target: str) -> str:
    """A link target as MediaWiki compares titles: first letter upper case, ``_`` as space, no fragment."""
    title = " ".join(target.split("#")[0].replace("_", " ").split())
    return title[:1].upper() + title[1:]


def _link(target: str, new: str, *, links: bool) -> str:
    """A link to ``target`` showing ``new``: ``[[new]]`` when the target changes too or already is ``new``."""
    if links or target.strip() == new:
        return f"[[{new}]]"
    return f"[[{target}|{new}]]"


def _rename_prose_links(text: str, span: Span, person: Person, new: str, *, links: bool) -> Iterator[Patch]:
    """Links in a paragraph whose shown text spells the person: their shown text becomes ``new``."""
    for link in _LINK.finditer(text, span.start, span.end):
        shown = link["shown"] if link["shown"] is not None else link["target"]
        if shown.strip() == new or not any(is_variant(shown, variant) for variant in person.variants):
            continue
        yield Patch(Span(link.start(), link.end()), _link(link["target"], new, links=links))
