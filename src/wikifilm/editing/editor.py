"""``Editor``: an article changed by meaning (set a field, add an item, rename a person), one
immutable step at a time, with every byte outside the changed values kept as it was.

Each change plans span replacements on the current text, applies them, reads the result
back and checks that it reads as intended; a change that cannot be made safely raises
:class:`~wikifilm.editing.patch.EditError` and leaves the editor as it was.
"""

from __future__ import annotations

import re

import attrs

from wikifilm.document.nodes import Document, Format, Infobox, InfoboxField, field_key
from wikifilm.editing.patch import EditError, Patch, apply_patches, unified_diff
from wikifilm.editing.people import mentions, rename_patches
from wikifilm.editing.style import FieldStyle, infobox_style
from wikifilm.editing.values import FieldValue, write_value
from wikifilm.extract import extract
from wikifilm.markup.tokenizer import comment_spans
from wikifilm.names import fold
from wikifilm.normalize.assemble import FIELD_NAMES
from wikifilm.readers.detect import detect_format, read
from wikifilm.record import Film
from wikifilm.span import Span

_RECORD_FIELD = {key: record_field for record_field, keys in FIELD_NAMES.items() for key in keys}
"""Each infobox key to the record field it fills."""

FIELD_ORDER = ("name", "image", "alt", "caption", "native_name", "director", "producer", "writer", "screenplay",
               "story", "based_on", "starring", "narrator", "music", "cinematography", "editing", "studio",
               "production_companies", "distributor", "released", "runtime", "country", "language", "budget", "gross")
"""The order of ``{{Infobox film}}``'s documented parameters: a new field goes where the template's documentation puts it."""

_PLAINLIST = re.compile(r"\{\{\s*(?:Template:)?\s*plain\s*list\s*\|", re.IGNORECASE)
_UBL = re.compile(r"\{\{\s*(?:Template:)?\s*(?:ubl|unbulleted list)\s*\|", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?\s*>", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*(?:,|;|<br\s*/?\s*>|\n\*?|\|)\s*", re.IGNORECASE)
"""What stands between two names of a list written by hand: a comma, ``<br />``, a line break."""


def edit(text: str, *, format: Format | None = None, name: str = "article") -> Editor:
    """An editor over ``text`` (wikitext or the plain-text rendering); ``name`` labels its diff."""
    if not isinstance(text, str):
        raise TypeError(f"edit() takes the article as str, not {type(text).__name__}")
    return Editor(original=text, text=text, format=format or detect_format(text), name=name)


@attrs.frozen(slots=True)
class Editor:
    """An article and the changes made to it so far; every change returns a new Editor."""

    original: str
    """The article as it was given."""
    text: str
    """The article with every change so far."""
    format: Format
    """Its markup: ``wikitext`` or ``plaintext``."""
    name: str = "article"
    """The name its diff carries."""

    # --- reading -----------------------------------------------------------------------

    def document(self) -> Document:
        """The edited article, read."""
        return read(self.text, format=self.format)

    @property
    def changed(self) -> bool:
        """Whether any change altered the text."""
        return self.text != self.original

    def diff(self) -> str:
        """A unified diff of the edited article against the original (empty when unchanged)."""
        return unified_diff(self.original, self.text, name=self.name)

    # --- infobox fields ----------------------------------------------------------------

    def set_field(self, name: str, value: FieldValue) -> Editor:
        """Set infobox field ``name`` to ``value`` (add it, in the template's parameter order, when
        absent), written in the article's own style; comments in the old value are kept."""
        document, infobox = self._infobox("set_field")
        style = infobox_style(document, infobox)
        written = write_value(value, field=name, style=style, article=self.text)
        _check_value(written, name, document.format)
        field = _field(document, infobox, name, "set_field", required=False)
        if field is None:
            patch = _insertion(document, infobox, style, name, written)
            return self._apply("set_field", [patch], expect=(name, written))
        old = document.source[field.value_span]
        kept = "".join(old[start:end] for start, end in comment_spans(old))
        if len(field.value_span):
            patch = Patch(field.value_span, written + kept)
        else:
            patch = Patch(_empty_value_span(document, field), style.after + written)
        return self._apply("set_field", [patch], expect=(name, written))

    def remove_field(self, name: str) -> Editor:
        """Remove infobox field ``name``, its whole line."""
        document, infobox = self._infobox("remove_field")
        field = _field(document, infobox, name, "remove_field", required=True)
        assert field is not None
        return self._apply("remove_field", [Patch(field.span, "")], expect=None)

    def add_item(self, name: str, value: str) -> Editor:
        """Append ``value`` to list field ``name`` in the list form it already has (a field with one
        item becomes a list in the article's usual form; an absent field is added)."""
        document, infobox = self._infobox("add_item")
        field = _field(document, infobox, name, "add_item", required=False)
        if field is None or not len(field.value_span):
            return self.set_field(name, value)
        _check_value(value, name, document.format)
        source = document.source
        raw = source[field.value_span]
        items = field.items(source)
        if any(fold(item.text) == fold(value) for item in items):
            raise EditError(f"add_item: {value!r} is already an item of field {name!r}")
        before = record_items(extract(document), name)
        if before is not None and len(before) > len(items) and not _BR.search(raw):
            raise EditError(f"add_item: field {name!r} is written as prose ({len(before)} names in {len(items)} item); add the item by hand")
        style = infobox_style(document, infobox)
        if document.format == "plaintext":
            patch = Patch(Span(field.value_span.end, field.value_span.end), ", " + value)
        elif _PLAINLIST.match(raw.lstrip()):
            line_end = source.text.find("\n", items[-1].span.end) if items else -1
            if line_end < 0 or line_end >= field.value_span.end:
                raise EditError(f"add_item: the Plainlist of field {name!r} is not one item a line")
            patch = Patch(Span(line_end + 1, line_end + 1), f"{style.bullet}{value}\n")
        elif _UBL.match(raw.lstrip()) and items:
            close = _closing_braces(source.text, items[-1].span.end, field.value_span.end)
            patch = Patch(Span(close, close), "|" + value)
        elif _BR.search(raw):
            patch = Patch(Span(field.value_span.end, field.value_span.end), style.br + value)
        elif len(items) == 1:
            patch = Patch(field.value_span, style.items((raw, value)))
        else:
            raise EditError(f"add_item: field {name!r} is not a list form wikifilm writes (Plainlist, ubl, <br>)")
        expected = None if before is None else (*before, "")  # the new item's plain text is not checked, only its place
        return self._apply("add_item", [patch], expect=None, items=(name, expected))

    def remove_item(self, name: str, value: str) -> Editor:
        """Remove the item of list field ``name`` whose text (or link target) is ``value``, with its separator."""
        document, infobox = self._infobox("remove_item")
        field = _field(document, infobox, name, "remove_item", required=True)
        assert field is not None
        source = document.source
        items = field.items(source)
        wanted = fold(value)
        before = record_items(extract(document), name)
        expected = None
        if before is not None:
            names = list(before)
            found = [index for index, item in enumerate(names) if fold(item) == wanted]
            if found:
                del names[found[-1]]
                expected = tuple(names)
        matching = [index for index, item in enumerate(items) if wanted in (fold(item.text), fold(item.link or ""))]
        if not matching:
            span = _mention_removal(document, field, value)
            if span is None:
                raise EditError(f"remove_item: field {name!r} has no item {value!r}")
            return self._apply("remove_item", [Patch(span, "")], expect=None, items=(name, expected))
        if len(items) == 1:
            raise EditError(f"remove_item: {value!r} is the only item of field {name!r}; use remove_field")
        index = matching[-1]
        item = items[index]
        text = source.text
        if document.format == "wikitext" and _PLAINLIST.match(source[field.value_span].lstrip()):
            start = text.rfind("\n", field.value_span.start, item.span.start) + 1
            end = text.find("\n", item.span.end) + 1
            span = Span(start, end)
        elif index > 0:  # the separator before it goes with it
            span = Span(items[index - 1].span.end, item.span.end)
            if not _is_separator(text[span.start : item.span.start]):
                span = Span(_separator_start(text, items[index - 1].span.end, item.span.start), item.span.end)
        else:
            span = Span(item.span.start, items[1].span.start)
        if not _is_separator(_strip_item(text, span, item.span)):
            raise EditError(f"remove_item: the text around {value!r} in field {name!r} is more than a separator")
        return self._apply("remove_item", [Patch(span, "")], expect=None, items=(name, expected))

    # --- people ------------------------------------------------------------------------

    def rename_person(self, old: str, new: str, *, links: bool = False, prose: bool = False) -> Editor:
        """Rename every mention of the person ``old`` (any spelling the identity model joins to it)
        in the infobox, cast and accolades to ``new``; with ``prose``, link shown text in the
        article's paragraphs too. Link targets change only with ``links``."""
        if not new.strip() or any(char in new for char in "[]{}|<>\n"):
            raise EditError(f"rename_person: {new!r} is not a plain name")
        patches = rename_patches(self.text, self.format, old, new, links=links, prose=prose)
        return self._apply("rename_person", patches, expect=None)

    def with_patches(self, patches: list[Patch], *, change: str = "patch") -> Editor:
        """The editor with raw span replacements applied (a codemod's escape hatch), checked as
        every change is: the article must still read with the same infoboxes."""
        return self._apply(change, patches, expect=None)

    # --- plumbing ----------------------------------------------------------------------

    def _infobox(self, change: str) -> tuple[Document, Infobox]:
        document = self.document()
        infobox = document.infobox
        if infobox is None:
            raise EditError(f"{change}: the article has no film infobox")
        return document, infobox

    def _apply(
        self, change: str, patches: list[Patch], *, expect: tuple[str, str] | None,
        items: tuple[str, tuple[str, ...] | None] | None = None,
    ) -> Editor:
        """The editor with ``patches`` applied, after checking the article still reads as intended:
        the same infoboxes, the field ``expect`` names holding what was written, and the record's
        items of the field ``items`` names as expected (``""`` matches any one new item)."""
        text = apply_patches(self.text, patches)
        if text == self.text:
            return self
        before = self.document()
        after = read(text, format=self.format)
        wanted = None if items is None else items[1]
        if items is not None and wanted is not None:
            name = items[0]
            got = record_items(extract(after), name)
            if got is None or len(got) != len(wanted) or any(w and w != g for w, g in zip(wanted, got, strict=True)):
                raise EditError(f"{change}: field {name!r} would not read back with exactly that item changed; nothing was changed")
        if (before.infobox is None) != (after.infobox is None) or len(after.infoboxes) != len(before.infoboxes):
            raise EditError(f"{change}: the change would break the article's infobox; nothing was changed")
        if expect is not None:
            name, written = expect
            assert after.infobox is not None
            field = _field(after, after.infobox, name, change, required=False)
            if field is None or not after.source[field.value_span].startswith(written.strip()):
                raise EditError(f"{change}: field {name!r} would not read back as written; nothing was changed")
        return attrs.evolve(self, text=text)


def _field(document: Document, infobox: Infobox, name: str, change: str, *, required: bool) -> InfoboxField | None:
    """The infobox field called ``name`` (case, ``_`` and spaces ignored); refuses duplicates."""
    key = field_key(name)
    found = [field for field in infobox.fields if field_key(field.name) == key]
    if len(found) > 1:
        lines = ", ".join(str(document.source.line_col(field.span.start)[0]) for field in found)
        raise EditError(f"{change}: field {name!r} stands {len(found)} times (lines {lines}); remove the extra ones first")
    if not found and required:
        raise EditError(f"{change}: the infobox has no field {name!r}")
    return found[0] if found else None


def _check_value(value: str, name: str, format: Format) -> None:
    """Refuse a value that would end the field or the infobox early."""
    if format == "plaintext":
        if "\n" in value:
            raise EditError(f"set_field: a plain-text field holds one line; {name!r} was given several")
        return
    depth = 0
    index = 0
    while index < len(value):
        pair = value[index : index + 2]
        if pair in ("{{", "[["):
            depth += 1
            index += 2
            continue
        if pair in ("}}", "]]"):
            depth -= 1
            if depth < 0:
                break
            index += 2
            continue
        if value[index] == "|" and depth == 0:
            raise EditError(f"set_field: {value!r} holds a '|' outside a template or link, which would end field {name!r}")
        index += 1
    if depth != 0:
        raise EditError(f"set_field: {value!r} has unbalanced brackets or braces for field {name!r}")


def _empty_value_span(document: Document, field: InfoboxField) -> Span:
    """For a field written with no value, what follows its ``=`` (or ``:``) on its line: the value goes there."""
    text = document.source.text
    separator = "=" if document.format == "wikitext" else ":"
    mark = text.find(separator, field.name_span.end, field.span.end)
    if mark < 0:
        raise EditError(f"set_field: field {field.name!r} has no {separator!r} to write after")
    line_end = text.find("\n", mark, field.span.end)
    end = field.span.end if line_end < 0 else line_end
    if text[mark + 1 : end].strip():
        raise EditError(f"set_field: field {field.name!r} holds text wikifilm cannot place")
    return Span(mark + 1, end)


def _insertion(document: Document, infobox: Infobox, style: FieldStyle, name: str, written: str) -> Patch:
    """Where a new field goes: after the nearest field before it in the template's parameter order."""
    key = field_key(name).replace(" ", "_")
    fields = infobox.fields
    rank = {field: index for index, field in enumerate(FIELD_ORDER)}
    position = rank.get(key, len(FIELD_ORDER))
    before = [field for field in fields if rank.get(field_key(field.name).replace(" ", "_"), -1) <= position]
    label = name if document.format == "wikitext" else name[:1].upper() + name[1:]
    line = style.line(label, written)
    if style.one_line or not fields:
        close = infobox.span.end - 2 if document.source[infobox.span].endswith("}}") else infobox.span.end
        if document.format == "plaintext":
            close = infobox.span.end
        if not style.one_line and document.format == "wikitext" and document.source.text[close - 1 : close] != "\n":
            line = "\n" + line
        return Patch(Span(close, close), line)
    anchor = before[-1] if before else None
    text = document.source.text
    if anchor is None:
        first = text.rfind("\n", 0, fields[0].span.start) + 1
        return Patch(Span(first, first), line)
    newline = text.rfind("\n", anchor.name_span.end, anchor.span.end)
    if newline < 0:  # the last field ends on the closing line: `| gross = x}}`
        return Patch(Span(anchor.span.end, anchor.span.end), "\n" + line.rstrip("\n"))
    return Patch(Span(newline + 1, newline + 1), line)  # at a line start: the next line keeps its indentation


def record_items(film: Film, name: str) -> tuple[str, ...] | None:
    """The record's items read from infobox field ``name``: people's names, or countries and
    languages; ``None`` for a field the record does not keep as a list."""
    record_field = _RECORD_FIELD.get(field_key(name))
    if record_field is None:
        return None
    values = getattr(film, record_field, None)
    if not isinstance(values, tuple):
        return None
    return tuple(str(getattr(value, "name", getattr(value, "value", value))) for value in values)


def _mention_removal(document: Document, field: InfoboxField, value: str) -> Span | None:
    """Where a name the record reads out of a list written by hand (``A, [[B]], C``) stands, with
    the separator before it (after it, for the first name); ``None`` unless the name is its whole
    item, so that the removal takes nothing else."""
    text = document.source.text
    spans = [ref.span for ref in mentions(extract(document))
             if ref.span is not None and field.value_span.contains(ref.span) and fold(ref.name) == fold(value)]
    if len(spans) != 1:
        return None
    start, end = _around_link(text, spans[0])
    value_start, value_end = field.value_span.start, field.value_span.end
    left = None
    for match in _SEPARATOR.finditer(text, value_start, start):
        left = match
    right = _SEPARATOR.search(text, end, value_end)
    ends_item = right is None or not text[end : right.start()].strip()
    if left is not None and ends_item and not text[left.end() : start].strip():
        return Span(left.start(), end)
    if left is None and right is not None and ends_item and not text[value_start:start].strip():
        return Span(start, right.end())
    return None


def _around_link(text: str, span: Span) -> tuple[int, int]:
    """``span`` widened to the wiki link holding it, when it stands inside one."""
    opening = text.rfind("[[", 0, span.start + 1)
    if opening >= 0 and text.find("]]", opening) >= span.end - 2 and "\n" not in text[opening : span.start]:
        closing = text.find("]]", opening)
        if closing + 2 >= span.end and opening <= span.start:
            return opening, max(span.end, closing + 2)
    return span.start, span.end


def _closing_braces(text: str, start: int, limit: int) -> int:
    """The offset of the ``}}`` that closes the template open around ``start``."""
    depth = 0
    index = start
    while index < limit - 1:
        pair = text[index : index + 2]
        if pair == "{{":
            depth += 1
            index += 2
        elif pair == "}}":
            if depth == 0:
                return index
            depth -= 1
            index += 2
        else:
            index += 1
    raise EditError("add_item: the list template is not closed inside the field")


def _is_separator(text: str) -> bool:
    """Whether ``text`` is only what stands between two items: ``<br>``, ``|``, ``,``, spaces, line breaks."""
    return not _BR.sub("", text).strip(" \t\n|,;*")


def _separator_start(text: str, previous_end: int, item_start: int) -> int:
    """Where the separator before an item starts: after the previous item's refs and comments."""
    between = text[previous_end:item_start]
    found = list(_BR.finditer(between)) or list(re.finditer(r"[|,;]", between))
    return previous_end + found[-1].start() if found else item_start


def _strip_item(text: str, span: Span, item: Span) -> str:
    """The text of ``span`` without the item itself: what else the removal takes."""
    return text[span.start : item.start] + text[item.end : span.end]
