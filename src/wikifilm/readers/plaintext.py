"""The plain-text rendering of an article (see docs/plaintext-format.md) to a Document.

Line based: each line's span, line break included, comes from a running offset over
``splitlines(keepends=True)``, never from re-joining split strings.
"""

from __future__ import annotations

import itertools
import re

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.nodes import (
    Document,
    Heading,
    Infobox,
    InfoboxField,
    ListBlock,
    ListItem,
    Markup,
    Node,
    PageTitle,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    Text,
    Trivia,
)
from wikifilm.readers.wikitext import MAX_LIST_DEPTH, _sectionize, _stripped
from wikifilm.span import Source, Span

PAGE_TITLE = re.compile(r"^=[ \t]*([^=\s](?:.*[^=\s])?)[ \t]*=[ \t]*\r?\n?$")
HEADING = re.compile(r"^(={2,6})[ \t]*([^=\s](?:.*?[^=\s])?)[ \t]*(={2,6})[ \t]*\r?\n?$")
FIELD = re.compile(r"^-[ \t]+([A-Za-z][^:\n]{0,59}?):(?:[ \t]+|(?=\r?\n?$))(.*?)[ \t]*\r?\n?$")
"""The rule for a ``- Key: value`` line (group 1 the key, 2 the value); :func:`match_field` finds
the same groups in linear time, where this regex is cubic in a run of blanks inside the value."""
_FIELD_HEAD = re.compile(r"-[ \t]+([A-Za-z][^:\n]{0,59}?):(?:[ \t]+|(?=\r?\n?$))")
LIST_ITEM = re.compile(r"^([ \t]*)([-*•])[ \t]+")
TABLE_ROW = re.compile(r"^\|.*\|[ \t]*\r?\n?$")


def match_field(line: str) -> tuple[int, int, int, int] | None:
    """The key's and the value's start and end in a ``- Key: value`` line, as :data:`FIELD` finds
    them, or ``None``: the value runs to the end of the line less its trailing blanks and line break."""
    head = _FIELD_HEAD.match(line)
    if head is None:
        return None
    value_start, length = head.end(), len(line)
    value_end = length
    for ending in ("", "\n", "\r", "\r\n"):  # what '\r?\n?$' matches; '$' also before a final '\n'
        for end in (length, length - 1 if line.endswith("\n") else -1):
            if end >= value_start and line.endswith(ending, 0, end):
                blanks = end - len(ending)
                while blanks > value_start and line[blanks - 1] in " \t":
                    blanks -= 1
                value_end = min(value_end, blanks)
    if "\n" in line[value_start:value_end]:
        return None
    return head.start(1), head.end(1), value_start, value_end


def _is_heading(text: str) -> bool:
    """A ``==Heading==`` line with as many ``=`` on each side."""
    match = HEADING.match(text)
    return match is not None and match.group(1) == match.group(3)


class _Line:
    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, text: str) -> None:
        self.start = start
        self.end = start + len(text)
        self.text = text

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class _OpenList:
    """A list being built by :meth:`_PlainReader._list_block`: its nodes and its open item."""

    __slots__ = ("indent", "item", "item_nodes", "nodes")

    def __init__(self, indent: int) -> None:
        self.indent = indent
        self.nodes: list[Node] = []
        self.item: tuple[Span, str, Span] | None = None  # (marker span, marker, content span)
        self.item_nodes: list[Node] = []

    def close_item(self) -> None:
        if self.item is None:
            return
        marker_span, marker, content_span = self.item
        self.nodes.append(ListItem(
            Span(marker_span.start, self.item_nodes[-1].span.end), tuple(self.item_nodes),
            marker=marker, content_span=content_span,
        ))
        self.item, self.item_nodes = None, []

    def build(self) -> ListBlock:
        self.close_item()
        return ListBlock(Span(self.nodes[0].span.start, self.nodes[-1].span.end), tuple(self.nodes))


def read_plaintext(source: Source) -> Document:
    """Read the plain-text rendering into a Document whose leaves tile the text exactly."""
    lines: list[_Line] = []
    offset = 0
    for raw in source.text.splitlines(keepends=True):
        lines.append(_Line(offset, raw))
        offset += len(raw)
    reader = _PlainReader(source, lines)
    return reader.read()


class _PlainReader:
    def __init__(self, source: Source, lines: list[_Line]) -> None:
        self.source = source
        self.lines = lines
        self.blocks: list[Node] = []
        self.diagnostics: list[Diagnostic] = []
        self.index = 0
        self.seen_heading = False
        self.seen_infobox = False
        self.seen_content = False

    def read(self) -> Document:
        lines = self.lines
        while self.index < len(lines):
            line = lines[self.index]
            before = self.index
            if line.blank:
                self._trivia(line)
                self.index += 1
            elif not self.seen_content and (match := PAGE_TITLE.match(line.text)):
                self.blocks.append(PageTitle(Span(line.start, line.end), title_span=Span(line.start + match.start(1), line.start + match.end(1))))
                self.seen_content = True
                self.index += 1
            elif _is_heading(line.text) and (match := HEADING.match(line.text)):
                level = len(match.group(1))
                self.blocks.append(Heading(Span(line.start, line.end), level=level, title_span=Span(line.start + match.start(2), line.start + match.end(2))))
                self.seen_heading = self.seen_content = True
                self.index += 1
            elif not self.seen_heading and not self.seen_infobox and self._infobox_here():
                self._read_infobox()
            elif TABLE_ROW.match(line.text):
                self._read_table()
            elif LIST_ITEM.match(line.text):
                self._read_list()
            else:
                self._read_paragraph()
            self.seen_content = True
            if self.index == before:  # every branch must consume a line; never loop in place
                raise AssertionError(f"plain-text reader made no progress at line {before + 1}")
        return Document(
            Span(0, len(self.source)), tuple(_sectionize(self.blocks)), source=self.source,
            format="plaintext", diagnostics=tuple(self.diagnostics),
        )

    def _trivia(self, line: _Line) -> None:
        start = line.start
        if self.blocks and isinstance(self.blocks[-1], Trivia) and self.blocks[-1].span.end == start:
            start = self.blocks.pop().span.start
        self.blocks.append(Trivia(Span(start, line.end)))

    # --- infobox ------------------------------------------------------------------------

    def _infobox_here(self) -> bool:
        """An infobox is a title line followed by ``- Key: value`` lines, or such lines alone."""
        lines, index = self.lines, self.index
        if match_field(lines[index].text):
            return True
        return (
            index + 1 < len(lines)
            and len(lines[index].text.strip()) <= 200
            and not LIST_ITEM.match(lines[index].text)
            and match_field(lines[index + 1].text) is not None
        )

    def _read_infobox(self) -> None:
        lines = self.lines
        nodes: list[Node] = []
        name = ""
        first = lines[self.index]
        if not match_field(first.text):
            name = first.text.strip()
            nodes.append(Text(Span(first.start, first.end)))
            self.index += 1
        while self.index < len(lines) and (match := match_field(lines[self.index].text)):
            line = lines[self.index]
            name_start, name_end, value_start, value_end = match
            name_span = Span(line.start + name_start, line.start + name_end)
            value_span = Span(line.start + value_start, line.start + value_end)
            field_name = line.text[name_start:name_end].strip()
            nodes.append(InfoboxField(Span(line.start, line.end), name=field_name, name_span=name_span, value_span=value_span, format="plaintext"))
            self.index += 1
        self.seen_infobox = True
        self.blocks.append(Infobox(Span(nodes[0].span.start, nodes[-1].span.end), tuple(nodes), name=name, is_film=True))

    # --- tables -------------------------------------------------------------------------

    def _read_table(self) -> None:
        rows: list[Node] = []
        lines = self.lines
        first_row = True
        while self.index < len(lines) and TABLE_ROW.match(lines[self.index].text):
            line = lines[self.index]
            rows.append(self._row(line, header=first_row))
            first_row = False
            self.index += 1
        self.blocks.append(Table(Span(rows[0].span.start, rows[-1].span.end), tuple(rows)))

    def _row(self, line: _Line, *, header: bool) -> TableRow:
        text = line.text
        pipes = [index for index, char in enumerate(text) if char == "|"]
        nodes: list[Node] = []
        for left, right in itertools.pairwise(pipes):
            span = Span(line.start + left, line.start + right)
            content = _stripped(self.source.text, span.start + 1, span.end)
            nodes.append(TableCell(span, header=header, content_span=content, format="plaintext"))
        nodes.append(Markup(Span(line.start + pipes[-1], line.end), kind="row-end"))
        return TableRow(Span(line.start, line.end), tuple(nodes))

    # --- lists and paragraphs -----------------------------------------------------------

    def _read_list(self) -> None:
        entries: list[tuple[int, _Line, int]] = []  # (indent, line, content start)
        lines = self.lines
        while self.index < len(lines) and (match := LIST_ITEM.match(lines[self.index].text)):
            line = lines[self.index]
            entries.append((len(match.group(1).expandtabs(2)), line, match.end()))
            self.index += 1
        self.blocks.append(self._list_block(entries))

    def _list_block(self, entries: list[tuple[int, _Line, int]]) -> ListBlock:
        """The list of consecutive list lines, nested by indent: a line indented deeper than the
        item above is in a list inside that item; the outermost list takes every line, even one
        indented less than the first (``  - a`` then ``- b``: ``a`` opens a list inside the list).
        Lists nest at most :data:`MAX_LIST_DEPTH` deep; a line indented deeper is an item there.

        Built with an explicit stack of open lists, so thousands of indents cost no recursion."""
        text = self.source.text
        stack: list[_OpenList] = [_OpenList(min(entry[0] for entry in entries))]
        for indent, line, content in entries:
            while stack[-1].indent > indent:
                block = stack.pop().build()
                parent = stack[-1]
                (parent.item_nodes if parent.item is not None else parent.nodes).append(block)
            if stack[-1].indent < indent and len(stack) < MAX_LIST_DEPTH:
                stack.append(_OpenList(indent))
            top = stack[-1]
            top.close_item()
            top.item = (Span(line.start, line.start + content), line.text[:content].strip(), _stripped(text, line.start + content, line.end))
            top.item_nodes = [Markup(top.item[0], kind="list-marker")]
            if line.start + content < line.end:
                top.item_nodes.append(Text(Span(line.start + content, line.end)))
        while len(stack) > 1:
            block = stack.pop().build()
            parent = stack[-1]
            (parent.item_nodes if parent.item is not None else parent.nodes).append(block)
        return stack[0].build()

    def _read_paragraph(self) -> None:
        lines = self.lines
        start = lines[self.index]
        end = start
        while self.index < len(lines):
            line = lines[self.index]
            if line is not start and (line.blank or _is_heading(line.text) or TABLE_ROW.match(line.text) or LIST_ITEM.match(line.text)):
                break
            if line.text.startswith("|") and line is start:
                self.diagnostics.append(Diagnostic("WF106", "line starts like a table row but does not end with '|'; read as a paragraph", Span(line.start, line.start + 1)))
            end = line
            self.index += 1
        content = Span(start.start, end.start + len(end.text.rstrip("\r\n")))
        self.blocks.append(Paragraph(Span(start.start, end.end), content_span=content))
