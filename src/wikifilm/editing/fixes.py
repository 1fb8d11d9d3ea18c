"""Fixes for the diagnostics whose repair is mechanical and safe (docs/editing.md says which
and why the others are not). A fix is a set of patches an :class:`Editor` applies and checks."""

from __future__ import annotations

from collections.abc import Callable

from wikifilm.document.nodes import Document
from wikifilm.editing.editor import Editor
from wikifilm.editing.patch import Patch
from wikifilm.extract import extract
from wikifilm.span import Span

Rule = Callable[[Document], tuple[list[Patch], list[str]]]
"""A fix: the patches for every instance it can repair, and why it left each other instance."""


def _empty_brackets(document: Document) -> tuple[list[Patch], list[str]]:
    """WF204: ``Escape () is`` becomes ``Escape is``; the brackets hold nothing, so nothing is lost."""
    text = document.source.text
    patches = []
    for diagnostic in extract(document).diagnostics:
        if diagnostic.code != "WF204" or diagnostic.span is None:
            continue
        start = diagnostic.span.start - 1 if text[diagnostic.span.start - 1 : diagnostic.span.start] == " " else diagnostic.span.start
        patches.append(Patch(Span(start, diagnostic.span.end), ""))
    return patches, []


def _duplicate_fields(document: Document) -> tuple[list[Patch], list[str]]:
    """WF202: an earlier copy of an infobox field whose value equals the last copy's is removed;
    MediaWiki shows the last copy, so the page renders as before. Copies that differ need a
    person to say which value is right, and are left."""
    infobox = document.infobox
    if infobox is None:
        return [], []
    source = document.source
    patches: list[Patch] = []
    left: list[str] = []
    by_key: dict[str, list[int]] = {}
    fields = infobox.fields
    for index, field in enumerate(fields):
        if len(field.value_span):
            by_key.setdefault(field.name.casefold(), []).append(index)
    for indexes in by_key.values():
        last = fields[indexes[-1]]
        for index in indexes[:-1]:
            field = fields[index]
            if source[field.value_span] == source[last.value_span]:
                patches.append(Patch(field.span, ""))
            else:
                line = source.line_col(field.span.start)[0]
                left.append(f"line {line}: field {field.name!r} is given twice with different values; a person must choose")
    return patches, left


RULES: dict[str, Rule] = {"WF202": _duplicate_fields, "WF204": _empty_brackets}
"""The diagnostic codes ``wikifilm fix`` repairs, each with its rule."""


def fix(editor: Editor, code: str) -> tuple[Editor, list[str]]:
    """``editor`` with every safe repair of diagnostic ``code`` made, and what it left and why."""
    rule = RULES.get(code)
    if rule is None:
        raise ValueError(f"no safe fix for {code}; fixable codes: {', '.join(sorted(RULES))} (see docs/editing.md)")
    patches, left = rule(editor.document())
    return editor.with_patches(patches, change=f"fix {code}"), left
