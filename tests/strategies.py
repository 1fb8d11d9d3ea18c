"""Hypothesis strategies: wikitext built from its troublemakers, and plain-text-layout articles."""

from __future__ import annotations

from hypothesis import strategies as st

TROUBLEMAKERS = [
    "{{", "}}", "|", "=", "==", "[[", "]]", "{|", "|}", "|-", "!", "!!", "||", "<ref>", "</ref>", "<ref name=a/>",
    "<!--", "-->", "\x00", "\r\n", "\n", "\n\n", "*", "#", ":", ";", "'''", "''", "<br>", "<nowiki>", "</nowiki>",
    "e\u0301", "🎬", "한국", "{{Infobox film", "| name = X", "{{Plainlist|", "\n* ", "\n== H ==\n", "----", " ",
    "rowspan=2 |", "{{won}}", "[[File:a.jpg|thumb]]", "&nbsp;", "\t", "\u2028", "\ufeff",
]

wikitext_fragments = st.lists(
    st.one_of(st.sampled_from(TROUBLEMAKERS), st.text(min_size=0, max_size=8)), max_size=40
).map("".join)
"""Arbitrary text dense in wikitext markup, including malformed and unbalanced markup."""

_words = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), min_size=0, max_size=20)
_lines = st.one_of(
    _words.map(lambda w: f"= {w} ="),
    st.tuples(_words, _words).map(lambda kv: f"- {kv[0]}: {kv[1]}"),
    _words.map(lambda w: f"=={w}=="),
    _words.map(lambda w: f"== {w} =="),
    _words.map(lambda w: f"- {w}"),
    st.lists(_words, min_size=1, max_size=5).map(lambda cells: "| " + " | ".join(cells) + " |"),
    _words,
    st.just(""),
)
plaintext_articles = st.tuples(st.lists(_lines, max_size=30), st.sampled_from(["\n", "\r\n"]), st.booleans()).map(
    lambda parts: parts[1].join(parts[0]) + (parts[1] if parts[2] else "")
)
"""Arbitrary articles in the plain-text layout (page title, infobox lines, headings, lists, tables)."""

_TEMPLATE_PARTS = [
    "{{", "}}", "|", "=", "1=", "2=", "long=no", "lit=", " ", "\n", "[[", "]]", "[[a|b]]", "[[a]]", "''", "'''",
    "<ref>", "</ref>", "<ref name=a/>", "<!--", "-->", "<br>", "<small>", "</small>", "<center>", "&nbsp;", "[http://x y]",
    "{{small|", "{{nihongo|", "{{US$|", "{{INR|", "{{Film date|", "{{lang|fr|", "{{ill|", "{{sortname|", "{{ubl|",
    "{{won}}", "{{'}}", "{{efn|", "{{#tag:ref|", "{{Anchor|", "{{runtime|", "{{based on|", "{{nowrap|", "{{Template:Small|",
    "{{sort|", "{{resize|", "{{linktext|", "{{flagcountry|", "{{ }}", "{{\n", "{{a\nb|", "{{{", "}}}", "\ue000",
    "1997", "12", "Spain", "million", "Jane Eyre", "[[File:a.jpg|thumb|", "[[Category:X]]", "'''''", "}}}}",
]
template_fragments = st.lists(
    st.one_of(st.sampled_from(_TEMPLATE_PARTS), st.text(alphabet="ab |=[]{}'<>", max_size=4)), max_size=30
).map("".join)
"""Arbitrary text dense in templates the plain-text renderers know, nested and malformed."""

# --- line-structured markup, for the reader fuzz (tests/readers/test_fuzz.py) ---------------

ODD_CHARACTERS = [
    "\x00", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200e",
    "\u202e", "\ud800", "\udfff", "\ufffd", "\U0010ffff", "e\u0301", "\u0301", "ß", "İ", "ﬀ", "Σ", "🎬", "👩‍👩‍👧",
    "한국", "ｆ", "\t", "\xa0", "\u3000", "\u00ad",
]
"""Characters that break naive line splitting, case folding, encoding or width assumptions."""

LINE_OPENERS = [
    "{|", "{| class=wikitable", " {|", ":{|", "::{|", "|}", " |}", "|-", "|+", "|+ a", "|", "||", "|||", "!", "!!", "! a !! b",
    "| a || b", "| rowspan=2 | a", "|colspan=\"x\"|", "*", "**", "***", "#", "#*", ";", ":", "::", ";a:b", "*:#;",
    "=", "==", "===", "= T =", "== H ==", "=== H", "== H ===", "==<!-- c -->==", "{{", "{{a", "{{a|", "{{Infobox film",
    "{{Infobox film\n| name = X", "}}", "}}}", "{{{", "<!--", "-->", "<ref>", "<ref name=a>", "</ref>", "<ref name=a/>",
    "<nowiki>", "</nowiki>", "<pre>", "<div>", "</div>", "<br>", "[[", "]]", "[[File:a.jpg|thumb|", "----", " ", "\t",
    "- ", "- Key: ", "- Runtime: 90", "  - ", "  - Budget: x", "    - ", "\t- ", "• ", "| a | b |", "| a |", "|  |",
    "'''", "''", "&nbsp;", "[http://x y]", "__TOC__", "",
]
"""What a line of wikitext or of the plain-text layout may open with, closed or not."""

_LINE_BODY = st.lists(
    st.one_of(
        st.sampled_from(TROUBLEMAKERS), st.sampled_from(ODD_CHARACTERS), st.sampled_from(LINE_OPENERS),
        st.text(max_size=6),
    ),
    max_size=6,
).map("".join)

markup_lines = st.tuples(
    st.lists(st.tuples(st.sampled_from(LINE_OPENERS), _LINE_BODY).map("".join), min_size=1, max_size=25),
    st.lists(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r", "\n\n", "\u2028", "\x85"]), min_size=1, max_size=4),
    st.booleans(),
).map(lambda parts: "".join(line + parts[1][i % len(parts[1])] for i, line in enumerate(parts[0]))[: None if parts[2] else -1])
"""Articles of lines that open with markup (tables, lists, headings, templates, comments, tags,
refs, plain-text infobox and list lines), mostly unclosed, mixed line breaks, odd characters."""

NESTABLE = [
    ("*", ""), (":", ""), ("#", ""), (";", ""), ("*#:;", ""), ("{{", "}}"), ("{{a|", "}}"), ("{{{", "}}}"),
    ("[[", "]]"), ("[[a|", "]]"), ("<!--", "-->"), ("<ref>", "</ref>"), ("<div>", "</div>"), ("''", "''"),
    ("'''", "'''"), ("=", "="), ("{|\n|", "\n|}"), ("{|\n!", "\n|}"), ("{|\n|a||", "\n|}"), ("{|\n|+", "\n|}"),
    ("|", ""), ("||", ""), ("{{Infobox film\n| a = ", "}}"), ("-{", "}-"), ("[", "]"), ("<", ">"), ("<nowiki>", "</nowiki>"),
]
"""Constructs that nest, as (opener, closer)."""

deep_nesting = st.tuples(
    st.sampled_from(NESTABLE),
    st.integers(min_value=1, max_value=3000),
    st.sampled_from(["", "x", "a\n", "\n", "- Key: v\n", "== H ==\n", "|}\n", "\r\n"]),
    st.sampled_from([0.0, 0.5, 1.0]),
    st.sampled_from(["", "\n", " x", "\n* y\n", "\n== H ==\n", "\n|}\n", "\r\n"]),
).map(lambda p: p[0][0] * p[1] + p[2] + p[0][1] * int(p[1] * p[3]) + p[4])
"""One construct opened up to 3,000 times, then closed none, half or all of the times."""

indented_plaintext = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=3000),
        st.sampled_from(["- ", "* ", "• ", "- Key: ", "- Runtime: 90"]),
        st.sampled_from(["", "x", "Budget: y"]),
    ).map(lambda p: " " * p[0] + p[1] + p[2]),
    min_size=1, max_size=40,
).map(lambda lines: "= T =\n\n" + "\n".join(lines) + "\n")
"""Plain-text list lines at any indent, rising, falling or deep."""

def _staircase(depths: st.SearchStrategy[int]) -> st.SearchStrategy[str]:
    return st.tuples(
        st.sampled_from(["*", ":", "#", "*#:;", " ", "  ", "\t"]),
        depths,
        st.sampled_from(["- x\n", "x\n", "\n", "- Key: v\n", "|}\n"]),
    ).map(lambda p: "".join(p[0] * i + p[2] for i in range(1, p[1] + 1)))


staircase = _staircase(st.integers(min_value=1, max_value=60))
"""Lines nested one level deeper each time (list markers or indents): nesting spread over lines."""

deep_staircase = _staircase(st.integers(min_value=1000, max_value=1100))
"""Staircases deeper than Python's recursion limit (half a megabyte each: for the long campaign)."""

mixed_articles = st.lists(
    st.one_of(plaintext_articles, markup_lines, wikitext_fragments, st.sampled_from(ODD_CHARACTERS)), min_size=1, max_size=4
).map("\n".join)
"""The plain-text layout and wikitext lines mixed in one article."""
