"""MediaWiki wikitext to a Document: a linear block scanner over the one tokenizer.

Blocks (headings, paragraphs, lists, tables, block templates, comments) are found line by
line, with templates, comments and tags that span lines kept whole (see
:func:`wikifilm.markup.tokenizer.scan`); infobox fields are split by the same tokenizer. Inline
markup inside blocks is left for :mod:`wikifilm.document.inline`, so a whole article is
structured without running the full wikitext parser over it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.nodes import (
    Caption,
    Comment,
    Document,
    Heading,
    Infobox,
    InfoboxField,
    ListBlock,
    ListItem,
    Markup,
    Node,
    Paragraph,
    Section,
    Table,
    TableCell,
    TableRow,
    Template,
    Text,
    Trivia,
)
from wikifilm.markup.names import template_name
from wikifilm.markup.tokenizer import (
    EXTENSION_TAG_OPEN,
    Regions,
    raw_template_name,
    scan,
    split_template,
    top_level_tokens,
)
from wikifilm.readers._heading import match_heading
from wikifilm.readers.film_article import FILM_INFOBOXES as FILM_INFOBOXES
from wikifilm.readers.film_article import is_film_infobox
from wikifilm.span import Source, Span

_SPAN_ATTR = re.compile(r"\b(rowspan|colspan)\s*=\s*[\"']?\s*(\d+)", re.IGNORECASE)
_ATTR_SPLIT = re.compile(rf"\[\[|\]\]|\{{\{{|\}}\}}|\||<!--|{EXTENSION_TAG_OPEN}", re.IGNORECASE)
"""What may come before the ``|`` that ends a cell's attributes: when one of these comes first, the
cell has no attributes (a ``|`` inside a link, template, comment or extension tag splits nothing).
Linear: an extension tag's opening stops at the next ``<``, so many ``<ref`` without ``>`` are each
given up at once."""
_TABLE_END = re.compile(r"^[ \t]*\|\}", re.MULTILINE)
_TABLE_EDGE = re.compile(r"^[^\S\n]*(\{\||\|\})", re.MULTILINE)
"""A line opening (``{|``) or closing (``|}``) a table, after any blank space."""
_ATTRS_BEFORE_TEMPLATE = re.compile(
    r"[ \t]*((?:[a-z-]+[ \t]*=[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s|{}\"']++)[ \t]*)+)(?=\{\{\s*(?:won|nom|nominated|pending|yes|no|tba|n/a|na|draw|won-nom)\s*[|}])",
    re.IGNORECASE,
)

_UNREAD_STOP = re.compile(r"[={<*#;:]|[ \t:]*\{\|")
_UNREAD_STOP_AFTER_BREAK = re.compile(r"\n(?:[={<*#;:]|[ \t:]*\{\|)")
"""A line that may open a heading, a block template or comment, a list or a table: what a section
the record does not read is still searched for (headings of sections it reads, infoboxes, tables
and lists, whose extents hide heading-like and table-like lines). Matched at a line start, or
found after a line break: a pattern starting with a fixed character is found without trying
every offset."""

MAX_LIST_DEPTH = 100
"""Lists nest at most this deep: a line with more markers (or, in plain text, more rising indents)
is an item of the deepest list, its marker kept whole. Deeper trees are no use to a reader, and
every walk of the tree (equality, repr, dumps, writers) would need as many stack frames."""


DetailFilter = Callable[[str], bool]
"""Given a heading's title as written, whether to build the lists and tables under it."""


def read_wikitext(source: Source, *, detail: DetailFilter | None = None) -> Document:
    """Read wikitext into a Document whose leaves tile the text exactly.

    With ``detail``, lists and tables are built only in the lead and under headings it accepts
    (and their subsections); elsewhere each stays one ``Text`` leaf, so the Document is still
    lossless but cheaper. ``extract()`` uses this to skip what the record never reads.
    """
    return _BlockReader(source, detail).read()


class _BlockReader:
    def __init__(self, source: Source, detail: DetailFilter | None = None) -> None:
        self.source = source
        self.detail = detail
        self.detailed = True
        self.heading_stack: list[tuple[int, bool]] = []
        self.text = source.text
        self.regions: Regions = scan(self.text)
        self.diagnostics: list[Diagnostic] = []
        self.blocks: list[Node] = []
        self.paragraph_start: int | None = None
        self._table_ends: list[int] | None = None

    # --- driver -----------------------------------------------------------------------

    def read(self) -> Document:
        text = self.text
        self._report_unclosed()
        pos, length = 0, len(text)
        at_line_start = True
        while pos < length:
            if not at_line_start:
                pos = self._mid_line(pos)
                at_line_start = True
                continue
            if not self.detailed and (skipped := self._skip_unread(pos)) > pos:
                pos = skipped
                continue
            end = self.regions.line_end(text, pos)
            line = text[pos:end]
            first = line[:1]
            if not line.strip():
                self._flush_paragraph(pos)
                self._add_trivia(pos, end)
            elif first == "=" and (heading := self._heading(pos, end, line)) is not None:
                self._flush_paragraph(pos)
                self.blocks.append(heading)
                if self.detail is not None:
                    self._enter(heading)
            elif line.lstrip(" \t:").startswith("{|"):
                self._flush_paragraph(pos)
                end = self._read_table(pos)
            elif first in "*#;:":
                self._flush_paragraph(pos)
                end = self._read_list(pos)
            elif first in "{<" and (run_end := self._leading_blocks(pos, end)) is not None:
                self._flush_paragraph(pos)
                self._read_block_templates(pos, run_end)
                if run_end < end:
                    pos, at_line_start = run_end, False
                    continue
            elif line.startswith("----"):
                self._flush_paragraph(pos)
                self.blocks.append(Markup(Span(pos, end), kind="horizontal-rule"))
            elif self.paragraph_start is None:
                self.paragraph_start = pos
            pos = end
        self._flush_paragraph(length)
        nodes = _sectionize(self.blocks)
        return Document(
            Span(0, length), tuple(nodes), source=self.source, format="wikitext",
            diagnostics=tuple(sorted(self.diagnostics, key=lambda d: d.span.start if d.span else -1)),
        )

    def _enter(self, heading: Heading) -> None:
        """Note whether the blocks under ``heading`` are built in detail: it, or a heading above it, was accepted."""
        assert self.detail is not None
        stack = self.heading_stack
        while stack and stack[-1][0] >= heading.level:
            stack.pop()
        detailed = (stack[-1][1] if stack else False) or self.detail(self.text[heading.title_span.start : heading.title_span.end])
        stack.append((heading.level, detailed))
        self.detailed = detailed

    def _skip_unread(self, pos: int) -> int:
        """In a section the record does not read, the lines from ``pos`` up to the next one that may
        open a heading, a list, a table or an infobox (which counts wherever it stands), kept as one
        ``Text`` leaf; returns where they end (``pos`` when the line at ``pos`` is such a line)."""
        text, regions = self.text, self.regions
        if _UNREAD_STOP.match(text, pos) and self._stops_skipping(pos):
            return pos
        search_from = pos
        while (match := _UNREAD_STOP_AFTER_BREAK.search(text, search_from)) is not None:
            stop = match.start() + 1
            region_end = regions.protecting(match.start())
            if region_end is not None:
                search_from = region_end  # a line break inside a template or comment starts no line
            elif self._stops_skipping(stop):
                break
            else:
                search_from = stop
        else:
            stop = len(text)
        self._flush_paragraph(pos)
        self.blocks.append(Text(Span(pos, stop)))
        return stop

    def _stops_skipping(self, pos: int) -> bool:
        """Whether the line at ``pos`` (one :data:`_UNREAD_STOP` matches) may open a heading, a list or a
        table, or holds an infobox: a line opening with templates or comments is read as blocks only then."""
        if self.text[pos] not in "{<" or self.text.startswith("{|", pos):
            return True
        return "nfobox" in self.text[pos : self.regions.line_end(self.text, pos)].casefold()

    def _mid_line(self, pos: int) -> int:
        """Text that follows a block template on its closing line is the start of a paragraph."""
        end = self.regions.line_end(self.text, pos)
        if self.text[pos:end].strip():
            self.paragraph_start = pos
        else:
            self._add_trivia(pos, end)
        return end

    def _report_unclosed(self) -> None:
        unclosed = self.regions.unclosed_templates
        if unclosed:
            first = unclosed[0]
            self.diagnostics.append(Diagnostic(
                "WF103",
                f"{len(unclosed)} '{{{{' without a matching '}}}}' (the first here) are read as plain text",
                Span(first, first + 2),
            ))
        if self.regions.unclosed_comment is not None:
            start = self.regions.unclosed_comment
            self.diagnostics.append(Diagnostic(
                "WF105", "'<!--' has no '-->'; the comment runs to the end of the text", Span(start, start + 4)
            ))

    # --- simple blocks ----------------------------------------------------------------

    def _add_trivia(self, start: int, end: int) -> None:
        if start == end:
            return
        blocks = self.blocks
        if blocks and isinstance(last := blocks[-1], Trivia) and last.span.end == start:
            blocks[-1] = Trivia(Span(last.span.start, end))
        else:
            blocks.append(Trivia(Span(start, end)))

    def _flush_paragraph(self, end: int) -> None:
        if self.paragraph_start is None:
            return
        start, self.paragraph_start = self.paragraph_start, None
        content_end = end
        while content_end > start and self.text[content_end - 1] in "\r\n":
            content_end -= 1
        self.blocks.append(Paragraph(Span(start, end), content_span=Span(start, content_end)))

    def _heading(self, pos: int, end: int, line: str) -> Heading | None:
        match = match_heading(line)
        if match is None:
            return None
        opening, closing_start, closing_end = match
        level = min(opening, closing_end - closing_start)
        title_start = pos + level
        title_end = pos + closing_end - level
        inner = self.text[title_start:title_end]
        if not inner.strip():
            return None
        lead = len(inner) - len(inner.lstrip())
        title_span = Span(title_start + lead, title_start + len(inner.rstrip()))
        return Heading(Span(pos, end), level=level, title_span=title_span)

    # --- templates and comments standing as blocks ------------------------------------

    def _leading_blocks(self, pos: int, end: int) -> int | None:
        """Where the templates and comments opening a line stop being blocks, or ``None``.

        A line holding only templates, comments and whitespace is all blocks. When text
        follows, the run up to its last multi-line template is blocks (an infobox closed by
        ``}}'''Title''' is...``) and the rest is a paragraph; with no multi-line template the
        whole line is a paragraph (``{{Nihongo|...}} is a film``).
        """
        text = self.text
        cursor = pos
        last_multiline: int | None = None
        while cursor < end:
            if text[cursor] in " \t\r\n":
                cursor += 1
                continue
            stop = self.regions.template_end.get(cursor) or self.regions.comment_end.get(cursor)
            if stop is None or stop > end:
                return last_multiline
            if text.find("\n", cursor, stop) != -1:
                last_multiline = stop
            cursor = stop
        return end if cursor > pos else None

    def _read_block_templates(self, pos: int, end: int) -> None:
        text = self.text
        cursor = pos
        while cursor < end:
            if text[cursor] in " \t\r\n":
                stop = cursor
                while stop < end and text[stop] in " \t\r\n":
                    stop += 1
                self._add_trivia(cursor, stop)
                cursor = stop
            elif cursor in self.regions.template_end:
                stop = self.regions.template_end[cursor]
                self.blocks.append(self._template_block(cursor, stop))
                cursor = stop
            else:
                stop = self.regions.comment_end[cursor]
                self.blocks.append(Comment(Span(cursor, stop)))
                cursor = stop

    def _template_block(self, start: int, end: int) -> Node:
        raw_name = raw_template_name(self.text, start, end)
        name = template_name(raw_name)
        if name.casefold().startswith("infobox"):
            return self._infobox(start, end, " ".join(raw_name.replace("_", " ").split()))
        return Template(Span(start, end), name=name)

    def _infobox(self, start: int, end: int, name: str) -> Infobox:
        text = self.text
        name_end, params = split_template(text, start, end)
        nodes: list[Node] = [Markup(Span(start, name_end), kind="infobox-start")]
        seen: set[str] = set()
        for index, param in enumerate(params):
            value_span = _stripped(text, param.value_span.start, param.value_span.end)
            if param.name_span is None:
                name_span = Span(param.start, param.start)
                field_name = str(index + 1)  # by position among all parameters, as the infobox reads them
            else:
                name_span = _stripped(text, param.name_span.start, param.name_span.end)
                field_name = text[name_span.start : name_span.end]
            if value_span.end > value_span.start:
                key = field_name.casefold()
                if key in seen:
                    self.diagnostics.append(Diagnostic(
                        "WF202", f"infobox field '{field_name}' is given twice; the last value is used",
                        name_span, field=field_name,
                    ))
                seen.add(key)
            nodes.append(InfoboxField(Span(param.start - 1, param.value_span.end), name=field_name, name_span=name_span, value_span=value_span))
        nodes.append(Markup(Span(end - 2, end), kind="infobox-end"))
        return Infobox(Span(start, end), tuple(nodes), name=name, is_film=is_film_infobox(name))

    # --- lists ------------------------------------------------------------------------

    def _read_list(self, pos: int) -> int:
        lines: list[tuple[int, int, int]] = []  # (start, marker end, line end)
        text = self.text
        if not self.detailed:
            start = pos
            while pos < len(text) and text[pos] in "*#;:":
                pos = self.regions.line_end(text, pos)
            self.blocks.append(Text(Span(start, pos)))
            return pos
        while pos < len(text) and text[pos] in "*#;:":
            end = self.regions.line_end(text, pos)
            marker_end = pos
            while marker_end < end and text[marker_end] in "*#;:":
                marker_end += 1
            lines.append((pos, marker_end, end))
            pos = end
        self.blocks.append(self._list_block(lines))
        return pos

    def _list_block(self, lines: list[tuple[int, int, int]]) -> ListBlock:
        """The list of consecutive list lines, nested by marker length: a line with ``n`` markers is
        an item of the list at depth ``n`` (at most :data:`MAX_LIST_DEPTH`), inside the item above
        it (or directly inside the list one level up when no item is open there, as ``**a`` opening
        a list).

        Built with an explicit stack of open lists, so ``'*' * 3000`` costs no recursion."""
        text = self.text
        stack: list[_OpenList] = []
        for line_start, marker_end, line_end in lines:
            depth = min(marker_end - line_start, MAX_LIST_DEPTH)
            while stack and stack[-1].depth > depth:
                self._close_list(stack)
            if not stack:
                stack.append(_OpenList(1, line_start, text[line_start] == "#"))
            while stack[-1].depth < depth:
                next_depth = stack[-1].depth + 1
                stack.append(_OpenList(next_depth, line_start, text[line_start + next_depth - 1] == "#"))
            top = stack[-1]
            top.close_item(text)
            content_start = marker_end
            while content_start < line_end and text[content_start] in " \t":
                content_start += 1
            content_end = line_end
            while content_end > content_start and text[content_end - 1] in " \t\r\n":
                content_end -= 1
            top.item = (line_start, marker_end, Span(content_start, content_end))
            top.item_nodes = [Markup(Span(line_start, content_start), kind="list-marker")]
            if content_start < line_end:
                top.item_nodes.append(Text(Span(content_start, line_end)))
        while len(stack) > 1:
            self._close_list(stack)
        return stack[0].build(text)

    def _close_list(self, stack: list[_OpenList]) -> None:
        """Close the innermost open list and put it in its parent's open item, else in the parent."""
        block = stack.pop().build(self.text)
        if stack:
            parent = stack[-1]
            (parent.item_nodes if parent.item is not None else parent.nodes).append(block)

    # --- tables -----------------------------------------------------------------------

    def _unclosed_table(self, start: int) -> None:
        self.diagnostics.append(Diagnostic(
            "WF104", "table has no closing '|}'; it ends where the text or section ends", Span(start, start + 2)
        ))

    def _table_lines(self, start: int) -> Iterator[tuple[str, int, int]]:
        """The lines of the table opening at ``start``, after its ``{|`` line, each with its role:
        ``inner`` (a nested table's), ``close``, ``row`` (``|-``), ``caption``, ``cells``,
        ``header-cells`` or ``text``. It stops after ``close``, or before a heading when the
        table is never closed. A nested table is one ``inner`` piece, from its ``{|`` line to its
        ``|}`` line (or the end of the text), so that its lines cost no node each."""
        text, regions = self.text, self.regions
        pos = regions.line_end(text, start)
        while pos < len(text):
            end = regions.line_end(text, pos)
            stripped = text[pos:end].lstrip()
            if stripped.startswith("|}"):
                yield "close", pos, end
                return
            elif stripped.startswith("{|"):
                end = self._nested_table_end(end)
                yield "inner", pos, end
            elif stripped.startswith("|-"):
                yield "row", pos, end
            elif stripped.startswith("|+"):
                yield "caption", pos, end
            elif stripped.startswith(("|", "!")):
                yield ("header-cells" if stripped.startswith("!") else "cells"), pos, end
            elif text.startswith("=", pos) and match_heading(text[pos:end]) is not None and not self._closes_later(pos):
                return  # a heading ends a table that is never closed
            else:
                yield "text", pos, end
            pos = end

    def _nested_table_end(self, pos: int) -> int:
        """End of the line closing a nested table whose ``{|`` line ends at ``pos`` (tables nest).

        Only lines opening or closing a table are visited (:data:`_TABLE_EDGE`), skipping those
        that begin inside a multi-line comment or template; :meth:`_nested_table_end_by_lines`
        is the same walk line by line, the readable form a test holds this one to.
        """
        text, regions = self.text, self.regions
        starts, ends = regions.protected_starts, regions.protected_ends
        index = bisect.bisect_right(ends, pos - 1)  # the first multi-line region ending after the break before pos
        depth = 1
        for match in _TABLE_EDGE.finditer(text, pos):
            newline = match.start() - 1
            while index < len(ends) and ends[index] <= newline:
                index += 1
            if index < len(ends) and starts[index] < newline:
                continue  # the line break before it is inside a comment or template: not a line start
            depth += 1 if text[match.end() - 1] == "|" else -1  # '{|' opens, '|}' closes
            if not depth:
                return regions.line_end(text, match.start())
        return len(text)

    def _nested_table_end_by_lines(self, pos: int) -> int:
        """:meth:`_nested_table_end`, written as a walk over every logical line."""
        text, regions = self.text, self.regions
        depth = 1
        while pos < len(text) and depth:
            end = regions.line_end(text, pos)
            stripped = text[pos:end].lstrip()
            if stripped.startswith("{|"):
                depth += 1
            elif stripped.startswith("|}"):
                depth -= 1
            pos = end
        return pos

    def _skip_table(self, start: int) -> int:
        """The table at ``start``, found as :meth:`_read_table` finds it, kept as one leaf."""
        end, role = self.regions.line_end(self.text, start), ""
        for line in self._table_lines(start):
            role, end = line[0], line[2]
        if role != "close":
            self._unclosed_table(start)
        self.blocks.append(Text(Span(start, end)))
        return end

    def _read_table(self, pos: int) -> int:
        if not self.detailed:
            return self._skip_table(pos)
        text = self.text
        start = pos
        pos = self.regions.line_end(text, start)
        table_nodes: list[Node] = [Markup(Span(start, pos), kind="table-start")]
        row_nodes: list[Node] = []
        cells: list[tuple[int, int, bool]] = []  # (start, end, header)
        closed = False

        def close_row() -> None:
            row_nodes.extend(self._cells(cells))
            cells.clear()
            if row_nodes:
                table_nodes.append(TableRow(Span(row_nodes[0].span.start, row_nodes[-1].span.end), tuple(row_nodes)))
                row_nodes.clear()

        for role, line_start, pos in self._table_lines(start):
            if role == "close":
                close_row()
                table_nodes.append(Markup(Span(line_start, pos), kind="table-end"))
                closed = True
            elif role == "row":
                close_row()
                row_nodes.append(Markup(Span(line_start, pos), kind="row-separator"))
            elif role == "caption":
                close_row()
                caption_start = text.index("|+", line_start) + 2
                table_nodes.append(Caption(Span(line_start, pos), content_span=_stripped(text, caption_start, pos)))
            elif role in ("cells", "header-cells"):
                row_nodes.extend(self._cells(cells))
                cells.clear()
                cells.extend(self._split_cells(line_start, pos, header=role == "header-cells"))
            else:
                self._extend_cell(cells, row_nodes, table_nodes, line_start, pos)
        if not closed:
            close_row()
            self._unclosed_table(start)
        self.blocks.append(Table(Span(start, pos), tuple(table_nodes)))
        return pos

    def _closes_later(self, pos: int) -> bool:
        """Whether a line starting with ``|}`` follows ``pos`` anywhere."""
        if self._table_ends is None:
            self._table_ends = [match.start() for match in _TABLE_END.finditer(self.text)]
        index = bisect.bisect_right(self._table_ends, pos)
        return index < len(self._table_ends)

    def _extend_cell(self, cells: list[tuple[int, int, bool]], row_nodes: list[Node], table_nodes: list[Node], start: int, end: int) -> None:
        if cells:
            cells[-1] = (cells[-1][0], end, cells[-1][2])
        elif row_nodes:
            row_nodes.append(Trivia(Span(start, end)) if not self.text[start:end].strip() else Text(Span(start, end)))
        else:
            table_nodes.append(Trivia(Span(start, end)) if not self.text[start:end].strip() else Text(Span(start, end)))

    def _split_cells(self, pos: int, end: int, *, header: bool) -> list[tuple[int, int, bool]]:
        text = self.text
        marker = pos
        while text[marker] in " \t":
            marker += 1
        if text.find("||", marker + 1, end) == -1 and not (header and text.find("!!", marker + 1, end) != -1):
            return [(pos, end, header)]  # one cell: no separator to look for
        separators = r"\|\||!!" if header else r"\|\|"
        bounds = [pos, *(match.start() for match in top_level_tokens(text, marker + 1, end, separators)), end]
        return [(bounds[i], bounds[i + 1], header) for i in range(len(bounds) - 1)]

    def _cells(self, cells: list[tuple[int, int, bool]]) -> list[TableCell]:
        return [self._cell(start, end, header) for start, end, header in cells]

    def _cell(self, start: int, end: int, header: bool) -> TableCell:
        text = self.text
        content_start = start
        while text[content_start] in " \t":
            content_start += 1
        content_start += 2 if text.startswith(("||", "!!"), content_start, end) else 1
        attrs_span = None
        split = self._attribute_split(content_start, end)
        if split is not None:
            attrs_span = _stripped(text, content_start, split)
            content_start = split + 1
        elif text.find("=", content_start, end) != -1 and (leading := _ATTRS_BEFORE_TEMPLATE.match(text, content_start, end)) is not None:
            # '| rowspan=12 {{nom}}': {{nom}} expands to 'style=... | Nominated', so MediaWiki applies the rowspan
            attrs_span = _stripped(text, content_start, leading.end(1))
            content_start = leading.end(1)
        rowspan = colspan = 1
        if attrs_span is not None:
            for key, value in _SPAN_ATTR.findall(text[attrs_span.start : attrs_span.end]):
                if key.lower() == "rowspan":
                    rowspan = max(1, int(value))
                else:
                    colspan = max(1, int(value))
        return TableCell(
            Span(start, end), header=header, content_span=_stripped(text, content_start, end),
            attrs_span=attrs_span, rowspan=rowspan, colspan=colspan,
        )

    def _attribute_split(self, start: int, end: int) -> int | None:
        """Offset of the single ``|`` separating cell attributes from content, if any."""
        text = self.text
        line_end = text.find("\n", start, end)
        limit = end if line_end == -1 else line_end
        if text.find("|", start, limit) == -1:
            return None
        match = _ATTR_SPLIT.search(text, start, limit)
        if match is None or match.group(0) != "|":
            return None
        if text.startswith("||", match.start()):
            return None
        return match.start()


class _OpenList:
    """A list being built by :meth:`_BlockReader._list_block`: its nodes and its open item."""

    __slots__ = ("depth", "item", "item_nodes", "nodes", "ordered", "start")

    def __init__(self, depth: int, start: int, ordered: bool) -> None:
        self.depth = depth
        self.start = start
        self.ordered = ordered
        self.nodes: list[Node] = []
        self.item: tuple[int, int, Span] | None = None  # (line start, marker end, content span)
        self.item_nodes: list[Node] = []

    def close_item(self, text: str) -> None:
        if self.item is None:
            return
        line_start, marker_end, content_span = self.item
        self.nodes.append(ListItem(
            Span(line_start, self.item_nodes[-1].span.end), tuple(self.item_nodes),
            marker=text[line_start:marker_end], content_span=content_span,
        ))
        self.item, self.item_nodes = None, []

    def build(self, text: str) -> ListBlock:
        self.close_item(text)
        return ListBlock(Span(self.start, self.nodes[-1].span.end), tuple(self.nodes), ordered=self.ordered)


def _stripped(text: str, start: int, end: int) -> Span:
    """The span of ``text[start:end]`` without surrounding whitespace."""
    if start == end or not (text[start].isspace() or text[end - 1].isspace()):
        return Span(start, end)
    content = text[start:end].lstrip()
    if not content:
        return Span(end, end)
    start = end - len(content)
    return Span(start, start + len(content.rstrip()))


def _sectionize(blocks: list[Node]) -> list[Node]:
    """Nest blocks under headings: a section runs to the next heading of its level or higher."""
    root: list[Node] = []
    stack: list[tuple[int, list[Node]]] = []

    def close() -> None:
        level, nodes = stack.pop()
        section = Section(Span(nodes[0].span.start, nodes[-1].span.end), tuple(nodes), level=level)
        (stack[-1][1] if stack else root).append(section)

    for block in blocks:
        if isinstance(block, Heading):
            while stack and stack[-1][0] >= block.level:
                close()
            stack.append((block.level, [block]))
        else:
            (stack[-1][1] if stack else root).append(block)
    while stack:
        close()
    return root
