"""Display title, native title, and empty brackets left in the lead by dropped templates."""

from __future__ import annotations

import re

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.inline import template_calls
from wikifilm.document.nodes import Document, Infobox, Paragraph
from wikifilm.markup.plain import clean_spaces
from wikifilm.record import NativeTitle, Value
from wikifilm.span import Source, Span

_DISAMBIGUATION = re.compile(r"\s*\((?:[^()]*\b)?(?:film|movie|film series|miniseries)\)\s*$", re.IGNORECASE)
r"""A ``(… film)`` qualifier ending a page title: the readable form of :func:`page_title_without_disambiguation`
(searched with this pattern, a title holding a long run of blanks and no qualifier is quadratic:
each blank of the run starts a ``\s*`` that runs to its end)."""
_QUALIFIER = re.compile(r"(?:[^()]*\b)?(?:film|movie|film series|miniseries)", re.IGNORECASE)
"""What the brackets of a disambiguating qualifier hold."""
_EMPTY_BRACKETS = re.compile(r"[\s(](?:(?<=\s)\(|(?<=\())(?:[\s,;:–-]|&nbsp;)*\)")
r"""Brackets holding only spaces and punctuation, with one space before them: ``\s?\(...\)`` opened
with the class of its first characters, so the regex engine skips to them on a long lead."""
_EMPTY_BRACKETS_READABLE = r"\s?\((?:[\s,;:–-]|&nbsp;)*\)"
"""``_EMPTY_BRACKETS`` written plainly, trying every offset: it finds the same matches (tests/normalize/test_patterns.py)."""
_LANG_TEMPLATE = re.compile(r"^lang-(\w+)$", re.IGNORECASE)
def page_title_without_disambiguation(page_title: str) -> str:
    """``Escape (2024 South Korean film)`` -> ``Escape``.

    The qualifier can only be the last bracket, closing the title: it is looked for there, not by
    searching (:data:`_DISAMBIGUATION`, which this equals).
    """
    stripped = page_title.rstrip()
    opening = stripped.rfind("(")
    if stripped.endswith(")") and opening != -1 and _QUALIFIER.fullmatch(stripped, opening + 1, len(stripped) - 1):
        return page_title[:opening].strip()
    return page_title.strip()


def normalize_title(document: Document, infobox: Infobox | None, page_title: str | None) -> tuple[Value[str], list[Diagnostic]]:
    """The display title: the infobox name, else the page title without its ``(… film)`` qualifier."""
    source = document.source
    if infobox is not None:
        field = infobox.get("name")
        if field is not None:
            text = field.plain(source).replace("\n", " ").strip()
            if text:
                return Value(text, raw=field.raw(source), span=field.value_span, method="infobox"), []
        if document.format == "plaintext" and infobox.name:
            first = infobox.nodes[0]
            return Value(infobox.name, raw=infobox.name, span=Span(first.span.start, first.span.start + len(infobox.name)), method="infobox-title"), []
    if page_title:
        title = page_title_without_disambiguation(page_title)
        diagnostics = [Diagnostic("WF205", f"no infobox name; title {title!r} taken from the page title", None, field="title")]
        return Value(title, raw=page_title, span=None, method="page-title"), diagnostics
    return Value(None), []


def empty_bracket_diagnostics(document: Document) -> list[Diagnostic]:
    """Empty brackets in the first lead paragraph (``Escape () is a``), where a template was dropped."""
    paragraph = next((node for node in document.lead if isinstance(node, Paragraph)), None)
    if paragraph is None:
        return []
    text = document.source[paragraph.content_span]
    out = []
    for match in _EMPTY_BRACKETS.finditer(text):
        start = paragraph.content_span.start + match.start() + (1 if match.group(0).startswith(" ") else 0)
        span = Span(start, paragraph.content_span.start + match.end())
        out.append(Diagnostic("WF204", "empty brackets where a template was dropped; removed from the lead", span, field="title"))
    return out


def normalize_native_title(document: Document, infobox: Infobox | None) -> NativeTitle | None:
    """The native title from the infobox ``native_name`` or the lead's ``{{Korean}}``/``{{Nihongo}}``/``{{lang}}``."""
    source = document.source
    if document.format != "wikitext":
        return None
    if infobox is not None:
        field = infobox.get("native_name", "native name")
        if field is not None:
            found = _native_from(source, field.value_span)
            if found is not None:
                return found
            text = field.plain(source).replace("\n", " ").strip()
            if text:
                return NativeTitle(text, None, None, field.value_span)
        # Infobox film's own field for the title in the original language, read when it holds a template
        # ('{{native name|es|Yo quiero una mujer así}}'); its free text often glosses the language instead
        field = infobox.get("film name", "film_name")
        if field is not None and (found := _native_from(source, field.value_span)) is not None:
            return found
    paragraph = next((node for node in document.lead if isinstance(node, Paragraph)), None)
    if paragraph is None:
        return None
    return _native_from(source, paragraph.content_span, within=600)


_NATIVE_HINT = re.compile(r"\{\{\s*(?:korean|nihongo|lang|zh|chinese|native[ _]name|film[ _]name|infobox[ _]name[ _]module)", re.IGNORECASE)
_BY_SCRIPT = (("kanji", "ja", ("romaji",)), ("hangul", "ko", ("rr", "mr")), ("hanja", "ko", ("rr", "mr")),
              ("traditional", "zh", ("pinyin",)), ("simplified", "zh", ("pinyin",)))
"""Parameters of ``{{Film name}}`` and ``{{Infobox name module}}`` holding the title, its language and its romanizations."""


def _native_from(source: Source, span: Span, within: int | None = None) -> NativeTitle | None:
    """The first native-title template of ``source[span]`` (starting in its first ``within`` characters)."""
    hint_end = span.end if within is None else min(span.end, span.start + within + 20)  # room for the name after '{{'
    if not _NATIVE_HINT.search(source.text, span.start, hint_end):
        return None
    for template in template_calls(source, span):
        if within is not None and template.span.start >= span.start + within:
            break
        name = template.key
        args = template.arguments(source)
        where = template.span
        lang_match = _LANG_TEMPLATE.match(name)
        if name == "korean":
            text_ = args.named("hangul", "hanja") or (args.positional() or [""])[0]
            if text_:
                return NativeTitle(text_, "ko", args.named("rr", "mr"), where)
        elif name.startswith("nihongo"):
            values = args.positional()
            if len(values) >= 2 and values[1]:
                return NativeTitle(values[1], "ja", values[2] if len(values) > 2 and values[2] else None, where)
        elif name in ("lang", "langx") or lang_match:
            values = args.positional()
            lang = lang_match.group(1) if lang_match else (values[0] if values else None)
            if lang and lang.lower() == "en":
                continue  # an English gloss ({{lang-en|We are together}}) is a translation, not the native title
            text_ = (values[0] if lang_match else (values[1] if len(values) > 1 else "")) if values else ""
            if text_:
                return NativeTitle(clean_spaces(text_), lang, args.named("translit", "rr"), where)
        elif name == "native name":  # {{native name|es|Yo quiero una mujer así}}
            values = args.positional()
            if len(values) >= 2 and values[1]:
                return NativeTitle(clean_spaces(values[1]), values[0] or None, None, where)
        elif name in ("film name", "infobox name module"):
            for parameter, language, romanizations in _BY_SCRIPT:
                written = args.named(parameter)
                if written:
                    return NativeTitle(clean_spaces(written), language, args.named(*romanizations) or None, where)
            values = args.positional()
            if values and values[0]:
                return NativeTitle(clean_spaces(values[0]), None, None, where)
        elif name in ("zh", "chinese"):
            chinese = args.named("t", "s", "c")
            if chinese:
                return NativeTitle(chinese, "zh", args.named("p"), where)
    return None
