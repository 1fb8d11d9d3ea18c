"""How an article writes its infobox, read off the fields it already has.

A new field or value is written the way the article's own fields are: the same line prefix
(``| ``), the same padding before ``=`` when the keys are aligned, the same list form.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from wikifilm.document.nodes import Document, Infobox

ListForm = str
"""``plainlist``, ``ubl`` or ``br``: how the article writes a field of several items."""

_LIST_FORMS = (
    ("plainlist", re.compile(r"\{\{\s*(?:Template:)?\s*plain\s*list\s*\|", re.IGNORECASE)),
    ("ubl", re.compile(r"\{\{\s*(?:Template:)?\s*(?:ubl|unbulleted list)\s*\|", re.IGNORECASE)),
    ("br", re.compile(r"<br\s*/?\s*>", re.IGNORECASE)),
)
_BR = re.compile(r"<br\s*/?\s*>", re.IGNORECASE)
_BULLET = re.compile(r"^\*([ \t]*)", re.MULTILINE)


@attrs.frozen(slots=True)
class FieldStyle:
    """The layout of one ``| key = value`` line, as the article writes most of its fields."""

    prefix: str = "| "
    """What stands before the key on its line (``| ``, ``|``, `` | ``; ``- `` in plain text)."""
    equals_column: int = 0
    """The column (from the key's start) of ``=`` when the keys are aligned, else 0."""
    padding: str = " "
    """Spaces between the key and ``=`` when the keys are not aligned."""
    after: str = " "
    """Spaces between ``=`` (or ``:``) and the value."""
    one_line: bool = False
    """Whether the fields stand on one line (``{{Infobox film|name=X|director=Y}}``)."""
    list_form: ListForm = "plainlist"
    """How a field of several items is written."""
    br: str = "<br />"
    """The line-break tag as the article spells it."""
    bullet: str = "* "
    """A Plainlist bullet as the article spells it."""
    plaintext: bool = False
    """Whether the article is the plain-text rendering (``- Key: value`` lines)."""

    def line(self, key: str, value: str) -> str:
        """One field written in this style, with its line break (none for one-line infoboxes)."""
        if self.plaintext:
            return f"{self.prefix}{key}:{self.after}{value}\n"
        padding = " " * max(self.equals_column - len(key), 1) if self.equals_column else self.padding
        if self.one_line:
            return f"|{key}{padding}={self.after}{value}"
        return f"{self.prefix}{key}{padding}={self.after}{value}".rstrip(" ") + "\n"

    def items(self, values: tuple[str, ...]) -> str:
        """Several items as one value in the article's list form (one item stays bare)."""
        if len(values) == 1:
            return values[0]
        if self.list_form == "ubl":
            return "{{Unbulleted list|" + "|".join(values) + "}}"
        if self.list_form == "br":
            return self.br.join(values)
        return "{{Plainlist|\n" + "".join(f"{self.bullet}{value}\n" for value in values) + "}}"


def infobox_style(document: Document, infobox: Infobox) -> FieldStyle:
    """The field style of ``infobox``, by majority over its fields (defaults where it has none)."""
    if document.format == "plaintext":
        return FieldStyle(prefix="- ", after=" ", plaintext=True)
    text = document.source.text
    prefixes: Counter[str] = Counter()
    columns: Counter[int] = Counter()
    paddings: Counter[str] = Counter()
    afters: Counter[str] = Counter()
    inline = 0
    fields = infobox.fields
    for field in fields:
        between = text[field.name_span.end : field.value_span.start]
        equals = between.find("=")
        if equals < 0:
            continue
        line_start = text.rfind("\n", 0, field.name_span.start) + 1
        if line_start <= field.span.start:  # indentation before the `|` belongs to the field before
            prefixes[text[line_start : field.name_span.start]] += 1
        else:
            inline += 1
        padding = between[:equals]
        columns[len(field.name_span) + len(padding)] += 1
        paddings[padding] += 1
        afters[between[equals + 1 :].split("\n")[0]] += 1
    if not columns:
        return FieldStyle(list_form=_list_form(document, infobox))
    column, agreeing = columns.most_common(1)[0]
    common_padding = paddings.most_common(1)[0][0]
    aligned = agreeing * 2 > sum(columns.values()) and len(paddings) > 1
    box = document.source[infobox.span]
    return FieldStyle(
        prefix=prefixes.most_common(1)[0][0] if prefixes else "| ",
        equals_column=column if aligned else 0,
        padding=common_padding if common_padding.strip(" \t") == "" else " ",
        after=afters.most_common(1)[0][0],
        one_line=inline * 2 > len(fields),
        list_form=_list_form(document, infobox),
        br=_most_common(_BR.findall(box), "<br />"),
        bullet="*" + _most_common(_BULLET.findall(box), " "),
    )


def _list_form(document: Document, infobox: Infobox) -> ListForm:
    """The list form most of the infobox's multi-item fields use (Plainlist when none has several)."""
    counts: Counter[str] = Counter()
    for field in infobox.fields:
        value = document.source[field.value_span]
        for form, pattern in _LIST_FORMS:
            if pattern.search(value):
                counts[form] += 1
                break
    return counts.most_common(1)[0][0] if counts else "plainlist"


def _most_common(found: list[str], default: str) -> str:
    return Counter(found).most_common(1)[0][0] if found else default
