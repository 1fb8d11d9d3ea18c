"""Span replacements over one text, applied together, and the unified diff they make.

An edit never rewrites an article: it names the spans it changes and the text that takes
their place, so every byte outside those spans is the original's by construction.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import attrs

from wikifilm.errors import WikifilmError
from wikifilm.span import Span


class EditError(WikifilmError, ValueError):
    """A change that cannot be made safely: the article is left as it was."""


@attrs.frozen(slots=True)
class Patch:
    """Replace ``text[span]`` by ``replacement`` (an insertion when the span is empty)."""

    span: Span
    """What is replaced, in the text the patch was planned against."""
    replacement: str
    """What takes its place."""


def apply_patches(text: str, patches: Iterable[Patch]) -> str:
    """``text`` with every patch applied; patches may come in any order but must not overlap.

    Two insertions at one offset keep the order they were given in.
    """
    ordered = sorted(enumerate(patches), key=lambda pair: (pair[1].span.start, pair[1].span.end, pair[0]))
    out: list[str] = []
    position = 0
    for _, patch in ordered:
        if patch.span.start < position or patch.span.end > len(text):
            raise EditError(f"overlapping or out-of-range change at offset {patch.span.start}")
        out.append(text[position : patch.span.start])
        out.append(patch.replacement)
        position = patch.span.end
    out.append(text[position:])
    return "".join(out)


def unified_diff(before: str, after: str, *, name: str = "article") -> str:
    """A unified diff of two versions of an article, ``a/NAME`` against ``b/NAME``."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{name}", tofile=f"b/{name}"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
