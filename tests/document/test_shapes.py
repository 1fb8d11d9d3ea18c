"""Node shapes, in the manner of LibCST's ``validate_node``: per construct, the exact tree it reads to.

Each case is (wikitext, expected dump); the dump gives every node's type, span and what it says,
so a reader that returned one leaf, merged two blocks or shifted a span fails here, where a
round-trip test alone would pass. Each tree is also checked to tile its text exactly. The
expected dumps were written by counting the characters of the input, not copied from output.
"""

from __future__ import annotations

import textwrap

import pytest

from wikifilm.document.inline import TemplateCall, parse_inline, read_template
from wikifilm.document.nodes import Node
from wikifilm.document.render import check_tiling
from wikifilm.document.walk import dump
from wikifilm.readers.wikitext import read_wikitext
from wikifilm.span import Source, Span

BLOCKS = {
    "paragraph of two lines": ("Heat is a [[film]].\nSecond line.\n", r"""
        Document [0:33]
          Paragraph [0:33] 'Heat is a [[film]].\\nSecond line.\\n'
    """),
    "sections nest by level": ("Lead.\n\n== Plot ==\nText.\n=== Sub ===\nMore.\n", r"""
        Document [0:42]
          Paragraph [0:6] 'Lead.\\n'
          Trivia [6:7] '\\n'
          Section [7:42] level=2 title='Plot'
            Heading [7:18] title='Plot'
            Paragraph [18:24] 'Text.\\n'
            Section [24:42] level=3 title='Sub'
              Heading [24:36] title='Sub'
              Paragraph [36:42] 'More.\\n'
    """),
    "nested list": ("* A\n** B\n* C\n", r"""
        Document [0:13]
          ListBlock [0:13]
            ListItem [0:9] * 'A'
              Markup [0:2] '* '
              Text [2:4] 'A\\n'
              ListBlock [4:9]
                ListItem [4:9] ** 'B'
                  Markup [4:7] '** '
                  Text [7:9] 'B\\n'
            ListItem [9:13] * 'C'
              Markup [9:11] '* '
              Text [11:13] 'C\\n'
    """),
    "table with caption, header row, attributes and a row span": (
        "{|\n|+ Cap\n! H1 !! H2\n|-\n| rowspan=2 | a || b\n|-\n| c\n|}\n", r"""
        Document [0:55]
          Table [0:55]
            Markup [0:3] '{|\\n'
            Caption [3:10] '|+ Cap\\n'
            TableRow [10:21]
              TableCell [10:15] ! 'H1'
              TableCell [15:21] ! 'H2'
            TableRow [21:45]
              Markup [21:24] '|-\\n'
              TableCell [24:40] | rowspan=2 'a'
              TableCell [40:45] | 'b'
            TableRow [45:52]
              Markup [45:48] '|-\\n'
              TableCell [48:52] | 'c'
            Markup [52:55] '|}\\n'
    """),
    "table never closed": ("{|\n| a\n", r"""
        Document [0:7]
          Table [0:7]
            Markup [0:3] '{|\\n'
            TableRow [3:7]
              TableCell [3:7] | 'a'
    """),
    "infobox fields": ("{{Infobox film\n| name = Heat\n| director = [[Michael Mann]]\n}}\n", r"""
        Document [0:62]
          Infobox [0:61] name='Infobox film' film=True
            Markup [0:15] '{{Infobox film\\n'
            InfoboxField [15:29] name='Heat'
            InfoboxField [29:59] director='[[Michael Mann]]'
            Markup [59:61] '}}'
          Trivia [61:62] '\\n'
    """),
    "block template, comment and rule": ("{{Short description|Film}}<!-- c -->\n----\n", r"""
        Document [0:42]
          Template [0:26] name='Short description'
          Comment [26:36] '<!-- c -->'
          Trivia [36:37] '\\n'
          Markup [37:42] '----\\n'
    """),
    "template named with its namespace": ("{{Template:Track_listing|title1=A}}\n", r"""
        Document [0:36]
          Template [0:35] name='Track listing'
          Trivia [35:36] '\\n'
    """),
}


@pytest.mark.parametrize("case", sorted(BLOCKS))
def test_block_shape(case: str) -> None:
    """The block tree of each construct, node by node, and its tiling."""
    text, expected = BLOCKS[case]
    document = read_wikitext(Source(text))
    check_tiling(document)
    assert document.render() == text
    assert dump(document) == textwrap.dedent(expected).lstrip("\n")


INLINE = {
    "text, links, template, ref, comment, external link, tag": (
        "a [[B|c]] {{d|e=f}}<ref name=x>g</ref><!-- h -->[http://i.j k] <small>l</small>", r"""
        Text [0:2] 'a '
        Link [2:9] '[[B|c]]' target='B' shown='c'
        Text [9:10] ' '
        TemplateCall [10:19] '{{d|e=f}}' name='D'
        Ref [19:38] '<ref name=x>g</ref>' name='x'
        Comment [38:48] '<!-- h -->'
        ExternalLink [48:62] '[http://i.j k]' url='http://i.j'
        Text [62:63] ' '
        Tag [63:79] '<small>l</small>' tag='small'
    """),
    "unclosed ref and template stay text": ("x <ref>{{cite|a", r"""
        Text [0:15] 'x <ref>{{cite|a'
    """),
    "plain words": ("Michael Mann", r"""
        Text [0:12] 'Michael Mann'
    """),
}


def _dump_inline(source: Source, nodes: tuple[Node, ...]) -> str:
    lines = []
    for node in nodes:
        fields = " ".join(
            f"{name}={getattr(node, name)!r}" for name in ("target", "shown", "name", "url", "tag") if hasattr(node, name)
        )
        lines.append(f"{type(node).__name__} [{node.span.start}:{node.span.end}] {source[node.span]!r} {fields}".rstrip())
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", sorted(INLINE))
def test_inline_shape(case: str) -> None:
    """The inline nodes of each construct, node by node; they tile the leaf."""
    text, expected = INLINE[case]
    source = Source(text)
    nodes = parse_inline(source, Span(0, len(text)))
    assert [node.span.start for node in nodes] == [0, *(node.span.end for node in nodes[:-1])]
    assert nodes[-1].span.end == len(text)
    assert _dump_inline(source, nodes) == textwrap.dedent(expected).lstrip("\n")


TEMPLATES = {
    "{{Film date|1997|1|17|df=y}}": ("Film date", [("1", None, "1997"), ("2", None, "1"), ("3", None, "17"), ("df", "df", "y")]),
    "{{Template:ubl| [[A|x|y]] |{{b|c}}|2=d}}": ("Ubl", [("1", None, " [[A|x|y]] "), ("2", None, "{{b|c}}"), ("2", "2", "d")]),
    "{{ nowrap }}": ("Nowrap", []),
    "{{lang|fr|<ref>a|b</ref><!-- | -->}}": ("Lang", [("1", None, "fr"), ("2", None, "<ref>a|b</ref><!-- | -->")]),
}


def _template_shape(source: Source, call: TemplateCall) -> tuple[str, list[tuple[str, str | None, str]]]:
    return call.name, [
        (param.name, source[param.name_span] if param.name_span else None, source[param.value_span]) for param in call.params
    ]


@pytest.mark.parametrize("text", sorted(TEMPLATES))
def test_template_call_shape(text: str) -> None:
    """A template call's name and parameters, each with the exact text its spans cover; pipes inside
    links, nested templates, refs and comments do not split."""
    source = Source(text)
    call = read_template(source, Span(0, len(text)))
    assert call.span == Span(0, len(text))
    assert _template_shape(source, call) == TEMPLATES[text]
