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
