"""Frozen node classes of the document model.

Every node holds a :class:`~wikifilm.span.Span` into one shared :class:`~wikifilm.span.Source`.
Containers list their ``children`` contiguously; leaves have none. Joining the leaves' slices
gives back the source exactly (see :mod:`wikifilm.document.render`). Inline markup inside a
leaf (links, templates, refs) is read only when something asks for it, through
:mod:`wikifilm.document.inline` and :mod:`wikifilm.document.items`, so reading a whole article
stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import attrs

from wikifilm._slots_init import slots_init
from wikifilm.caches import cached
from wikifilm.diagnostics import Diagnostic
from wikifilm.document.items import ValueItem, split_items
from wikifilm.markup.plain import plain_text
from wikifilm.span import Source, Span

Format = Literal["wikitext", "plaintext"]


@attrs.frozen
class Node:
    """Base of every node: a span into the source."""

    span: Span
    """Where the node stands in the source."""

    @property
    def children(self) -> tuple[Node, ...]:
        """Contiguous child nodes; empty for a leaf."""
        return ()

    def text(self, source: Source) -> str:
        """The node's exact source text."""
        return source[self.span]


# --- leaves -------------------------------------------------------------------------------


@slots_init
@attrs.frozen
class Text(Node):
    """Plain text, or inline content whose markup has not been parsed yet."""


@slots_init
@attrs.frozen
class Markup(Node):
    """Syntax that carries structure but no content: `{|`, `|-`, `}}`, `- `, `==`."""

    kind: str = ""
    """What the markup is: ``table-start``, ``row-separator``, ``list-marker``..."""


@slots_init
@attrs.frozen
class Trivia(Node):
    """Whitespace and blank lines between blocks."""


@slots_init
@attrs.frozen
class Comment(Node):
    """An HTML comment ``<!-- ... -->``, kept verbatim."""


@slots_init
@attrs.frozen
class Raw(Node):
    """Text that could not be parsed without loss; kept whole, with a diagnostic."""


@slots_init
@attrs.frozen
class PageTitle(Node):
    """The plain-text rendering's ``= Title =`` line."""

    title_span: Span
    """The title text between the ``=`` marks."""

    def title(self, source: Source) -> str:
        """The page title."""
        return source[self.title_span]


@slots_init
@attrs.frozen
class Heading(Node):
    """A section heading line, ``== Plot ==`` (span includes its line break)."""

    level: int
    """2 for ``==``, 3 for ``===``... (1 for a wikitext ``=`` heading)."""
    title_span: Span
    """The heading text between the ``=`` marks, without padding."""

    def title(self, source: Source) -> str:
        """The heading text as written (markup included)."""
        return source[self.title_span]


@slots_init
@attrs.frozen
class Paragraph(Node):
    """A run of text lines; inline markup is parsed on demand."""

    content_span: Span
    """The paragraph text without its final line break."""


@slots_init
@attrs.frozen
class Template(Node):
    """A template standing as a block (``{{Short description|...}}``), not the infobox."""

    name: str
    """Normalised template name: ``Use dmy dates``."""


@slots_init
@attrs.frozen
class InfoboxField(Node):
    """One infobox field: ``| director = [[Ventura Pons]]`` or ``- Director: Lee Jong-pil``."""

    name: str
    """The field's key, stripped: ``director`` (wikitext) or ``Director`` (plain text)."""
    name_span: Span
    """The key as written."""
    value_span: Span
    """The raw value, stripped of surrounding whitespace (may be empty)."""
    format: Format = "wikitext"
    """The markup of the value."""

    def raw(self, source: Source) -> str:
        """The raw value text."""
        return source[self.value_span]

    def plain(self, source: Source) -> str:
        """The value as plain text: markup, refs and comments removed; list items on lines."""
        return plain_value(source, self.value_span, self.format)

    def items(self, source: Source) -> tuple[ValueItem, ...]:
        """The value split into its list items (Plainlist, ubl, hlist, ``<br>``, bullets)."""
        return split_items(source, self.value_span, self.format)


@slots_init
@attrs.frozen
class TableCell(Node):
    """One table cell, marker and attributes included in its span."""

    header: bool
    """Whether it is a header cell (``!`` in wikitext, the first row in plain text)."""
    content_span: Span
    """The cell content, stripped of surrounding whitespace."""
    attrs_span: Span | None = None
    """The cell's attributes (``rowspan="2"``), when written."""
    rowspan: int = 1
    """Rows the cell covers."""
    colspan: int = 1
    """Columns the cell covers."""
    format: Format = "wikitext"
    """The markup of the content."""

    def content(self, source: Source) -> str:
        """The raw cell content."""
        return source[self.content_span]

    def plain(self, source: Source) -> str:
        """The cell content as plain text."""
        return plain_value(source, self.content_span, self.format)


@slots_init
@attrs.frozen
class Caption(Node):
    """A table caption line, ``|+ Awards``."""

    content_span: Span
    """The caption text."""


# --- containers ---------------------------------------------------------------------------


@attrs.frozen
class Container(Node):
    """A node made of contiguous children."""

    nodes: tuple[Node, ...] = ()
    """The children, in source order."""

    @property
    def children(self) -> tuple[Node, ...]:
        return self.nodes


@slots_init
@attrs.frozen
class Infobox(Container):
    """The film infobox (or the plain-text rendering's infobox block), fields in order."""

    name: str = ""
    """Template name (``Infobox film``), or the title line in plain text."""
    is_film: bool = True
    """Whether this is a film infobox (other infoboxes are kept as what they are)."""

    @property
    def fields(self) -> tuple[InfoboxField, ...]:
        """The fields in source order, duplicates included."""
        return tuple(node for node in self.nodes if isinstance(node, InfoboxField))

    def get(self, *names: str) -> InfoboxField | None:
        """The last field named any of ``names`` (case, ``_`` and spaces ignored) that has a value."""
        wanted = {field_key(name) for name in names}
        found: InfoboxField | None = None
        for field in self.fields:
            if field_key(field.name) in wanted and len(field.value_span):
                found = field
        return found


@cached(maxsize=4096)
def field_key(name: str) -> str:
    """An infobox key compared loosely: case, underscores and runs of spaces ignored (``Release_date`` = ``release  date``).
    Cached: every film infobox spells the same few dozen keys."""
    return " ".join(name.lower().replace("_", " ").split())


@slots_init
@attrs.frozen
class ListItem(Container):
    """A list item: its marker, its content leaf, then any nested lists."""

    marker: str = "*"
    """The marker as written: ``*``, ``#``, ``**``, ``:`` or ``-`` in plain text."""
    content_span: Span = attrs.field(kw_only=True)
    """The item text without marker and line break."""

    @property
    def sublists(self) -> tuple[ListBlock, ...]:
        """Nested lists under this item."""
        return tuple(node for node in self.nodes if isinstance(node, ListBlock))


@slots_init
@attrs.frozen
class ListBlock(Container):
    """A bulleted, numbered or definition list; items may nest further lists."""

    ordered: bool = False
    """Whether the list is numbered (``#``)."""

    @property
    def items(self) -> tuple[ListItem, ...]:
        """The items at this level."""
        return tuple(node for node in self.nodes if isinstance(node, ListItem))


@slots_init
@attrs.frozen
class TableRow(Container):
    """A table row: an optional ``|-`` separator, then its cells."""

    @property
    def cells(self) -> tuple[TableCell, ...]:
        """The cells as written (spans not expanded)."""
        return tuple(node for node in self.nodes if isinstance(node, TableCell))


@slots_init
@attrs.frozen
class Table(Container):
    """A table with its caption and rows; :meth:`grid` expands row and column spans."""

    @property
    def caption(self) -> Caption | None:
        """The caption, when the table has one."""
        return next((node for node in self.nodes if isinstance(node, Caption)), None)

    @property
    def rows(self) -> tuple[TableRow, ...]:
        """Rows holding at least one cell, in order."""
        return tuple(node for node in self.nodes if isinstance(node, TableRow) and node.cells)

    @property
    def header(self) -> tuple[TableCell, ...]:
        """The header cells: the first row when all its cells are headers."""
        rows = self.rows
        if rows and all(cell.header for cell in rows[0].cells):
            return rows[0].cells
        return ()

    def grid(self) -> tuple[tuple[TableCell | None, ...], ...]:
        """Rows with row and column spans expanded, so that cell ``[r][c]`` is the one covering it.

        Missing cells at the end of short rows are ``None``.
        """
        pending: dict[int, tuple[TableCell, int]] = {}
        grid: list[list[TableCell | None]] = []
        for row in self.rows:
            line: list[TableCell | None] = []
            for cell in row.cells:
                _take_pending(pending, line)
                for _ in range(max(1, min(cell.colspan, 1000))):
                    if cell.rowspan > 1:
                        pending[len(line)] = (cell, min(cell.rowspan, 10_000) - 1)
                    line.append(cell)
            _take_pending(pending, line)
            grid.append(line)
        width = max((len(line) for line in grid), default=0)
        return tuple(tuple(line + [None] * (width - len(line))) for line in grid)


def _take_pending(pending: dict[int, tuple[TableCell, int]], line: list[TableCell | None]) -> None:
    """Fill the columns that cells from rows above still cover, where ``line`` has reached them."""
    while len(line) in pending:
        cell, left = pending[len(line)]
        if left <= 1:
            del pending[len(line)]
        else:
            pending[len(line)] = (cell, left - 1)
        line.append(cell)


@slots_init
@attrs.frozen
class Section(Container):
    """A heading and everything under it up to the next heading of the same or a higher level."""

    level: int = 2
    """The heading level."""

    @property
    def heading(self) -> Heading:
        """The section's heading line."""
        first = self.nodes[0]
        assert isinstance(first, Heading)
        return first

    @property
    def subsections(self) -> tuple[Section, ...]:
        """Direct subsections."""
        return tuple(node for node in self.nodes if isinstance(node, Section))

    @property
    def blocks(self) -> tuple[Node, ...]:
        """The section's own blocks, before any subsection, heading excluded."""
        out: list[Node] = []
        for node in self.nodes[1:]:
            if isinstance(node, Section):
                break
            out.append(node)
        return tuple(out)

    def title(self, source: Source) -> str:
        """The heading text."""
        return self.heading.title(source)


@attrs.frozen
class Document(Container):
    """A read article: its source, the block tree, and what the reader noticed."""

    source: Source = attrs.field(kw_only=True)
    """The text the spans point into."""
    format: Format = attrs.field(kw_only=True)
    """Which reader produced it."""
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), kw_only=True)
    """Oddities the reader met, in source order."""
    memo: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False, eq=False)
    """Per-article results computed once and kept with the article (the section outline...):
    they live and die with it, so no module-level cache keeps an old article alive."""

    def render(self) -> str:
        """The exact source text, rebuilt by joining every leaf's slice (the input, when the tree tiles it)."""
        text = self.source.text
        return "".join([text[leaf.span.start : leaf.span.end] for leaf in iter_leaves(self)])

    @property
    def page_title(self) -> str | None:
        """The ``= Title =`` line of a plain-text article, else the source name."""
        for node in self.nodes:
            if isinstance(node, PageTitle):
                return node.title(self.source)
        return None

    @property
    def infobox(self) -> Infobox | None:
        """The first film infobox, wherever it stands at the top level of the tree."""
        return next((box for box in self.infoboxes if box.is_film), None)

    @property
    def infoboxes(self) -> tuple[Infobox, ...]:
        """Every infobox standing as a block, in the lead or in any section, film or not."""
        found: list[Infobox] = []
        _collect_infoboxes(self.nodes, found)
        return tuple(found)

    @property
    def lead(self) -> tuple[Node, ...]:
        """Blocks before the first section."""
        out: list[Node] = []
        for node in self.nodes:
            if isinstance(node, Section):
                break
            out.append(node)
        return tuple(out)

    @property
    def sections(self) -> tuple[Section, ...]:
        """Top-level sections."""
        return tuple(node for node in self.nodes if isinstance(node, Section))

    def iter_sections(self) -> Iterator[Section]:
        """Every section at every depth, in source order."""
        stack = [node for node in reversed(self.nodes) if isinstance(node, Section)]
        while stack:
            section = stack.pop()
            yield section
            stack.extend(node for node in reversed(section.nodes) if isinstance(node, Section))

    def find_sections(self, *titles: str) -> tuple[Section, ...]:
        """Sections whose plain heading text matches one of ``titles`` (case-insensitive)."""
        wanted = {title.casefold() for title in titles}
        return tuple(
            section
            for section in self.iter_sections()
            if plain_value(self.source, section.heading.title_span, self.format).strip().casefold() in wanted
        )


def _collect_infoboxes(blocks: tuple[Node, ...], found: list[Infobox]) -> None:
    """Append the infoboxes among ``blocks`` and their sections' blocks, in source order (no list or table holds one)."""
    for node in blocks:
        if isinstance(node, Infobox):
            found.append(node)
        elif isinstance(node, Section):
            _collect_infoboxes(node.nodes, found)


def iter_nodes(node: Node, enter: tuple[type[Container], ...] | None = None) -> Iterator[Node]:
    """Every node of the tree under ``node`` (itself included), depth first, in source order;
    with ``enter``, the children of only those container types are visited (a search for
    blocks need not walk every table cell)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if enter is None or isinstance(current, enter):
            stack.extend(reversed(current.children))


def iter_leaves(node: Node) -> Iterator[Node]:
    """The leaves under ``node``, in source order."""
    return (item for item in iter_nodes(node) if not item.children)



def plain_value(source: Source, span: Span, format: Format = "wikitext") -> str:
    """``source[span]`` as plain text (list items on their own lines), in the markup of ``format``."""
    text = source[span]
    if format == "plaintext":
        return text.strip()
    return plain_text(text)
