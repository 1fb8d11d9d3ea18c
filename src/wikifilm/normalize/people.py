"""People and company lists from infobox fields and table cells.

Items come from list templates, ``<br>`` and bullets (see :func:`~wikifilm.document.items.split_items`);
within an item, commas, ``and`` and ``&`` separate people (never companies, whose names hold them).
Footnotes, notes in brackets (``(uncredited)``) and role labels (``Dialogues:``) are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from wikifilm.document.inline import TemplateCall
from wikifilm.document.items import ValueItem, split_items
from wikifilm.document.nodes import InfoboxField
from wikifilm.markup.plain import wiki_links
from wikifilm.record import PersonRef
from wikifilm.span import Source, Span

_NOTE_AT = re.compile(r"[\(\[][^()\[\]]*[\)\]]\s*")
"""A note in brackets (``(uncredited)``, ``[1]``) and the spaces after it, matched where a bracket opens."""
_LABEL = re.compile(r"^\s*(?:[\w' ]{1,30}(?:by)?\s*:|(?:screenplay|story|written|directed|produced|music|dialogues?)\s+by\b)\s*", re.IGNORECASE)
_NOT_A_SUFFIX = r"(?!\s*(?:Jr|Sr|Jnr|Snr|II|III|IV)\b)"
_PEOPLE_SEPARATOR = re.compile(
    rf"[\s,&;](?:(?<=\s)\s*(?:,{_NOT_A_SUFFIX}\s*(?:and\s+|&\s*)?|and\s+|&\s*|;\s*|/\s+|with\s+)"
    rf"|(?<=,){_NOT_A_SUFFIX}\s*(?:and\s+|&\s*)?|(?<=&)\s*|(?<=;)\s*)",
    re.IGNORECASE,
)
r"""Between people: a comma (not before ``Jr``, ``II``...), ``and``, ``&``, ``;``, `` / ``, ``with``.

This and the other patterns run over long cast and credit lines open with the class of their
possible first characters, then ask with a lookbehind which one they took: the regex engine skips
to such a character, where a leading ``\s*`` made it try every offset (tests compare each with
its plain form)."""
_PEOPLE_SEPARATOR_READABLE = r"\s+(?:,(?!\s*(?:Jr|Sr|Jnr|Snr|II|III|IV)\b)\s*(?:and\s+|&\s*)?|and\s+|&\s*|;\s*|/\s+|with\s+)|,(?!\s*(?:Jr|Sr|Jnr|Snr|II|III|IV)\b)\s*(?:and\s+|&\s*)?|&\s*|;\s*"
"""``_PEOPLE_SEPARATOR`` written plainly, trying every offset: it finds the same matches (tests/normalize/test_patterns.py)."""
_NOT_CORPORATE = r"(?!\s*(?:inc|ltd|llc|llp|co|corp|plc|gmbh|s\.?a|l\.?p)\b)"
_COMPANY_SEPARATOR = re.compile(
    rf"[\s;,](?:(?<=\s)\s*(?:;\s*|,{_NOT_CORPORATE}\s*)|(?<=;)\s*|(?<=,){_NOT_CORPORATE}\s*)", re.IGNORECASE
)
_COMPANY_SEPARATOR_READABLE = r"\s*(?:;\s*|,(?!\s*(?:inc|ltd|llc|llp|co|corp|plc|gmbh|s\.?a|l\.?p)\b)\s*)"
"""``_COMPANY_SEPARATOR`` written plainly, trying every offset: it finds the same matches (tests/normalize/test_patterns.py)."""
_MAY_SEPARATE = re.compile(r"[,;&/\s](?:(?<=[,;&/])|(?<=\s)(?:and|with)\s)", re.IGNORECASE)
"""What every people or company separator holds: texts without it are one name."""
_MAY_SEPARATE_READABLE = r"[,;&/]|\s(?:and|with)\s"
"""``_MAY_SEPARATE`` written plainly, trying every offset: it finds the same matches (tests/normalize/test_patterns.py)."""
_NOT_A_NAME = re.compile(r"^(?:and|&|with|by|see below|various|uncredited|n/?a|none|tba|tbd|unknown|others?\.?|et al\.?|etc\.?)$", re.IGNORECASE)
_LONGEST_NOT_A_NAME = len("uncredited")
"""No longer text matches ``_NOT_A_NAME`` (a test checks), so longer names skip it."""
_QUOTED_FOR = re.compile(r"(?<!\s)\s+(?:for|–|—|-)\s+[\"“'‘].*$")
"""`` for "Song"``, `` – 'Title'`` after a name. Opened only where a run of spaces starts: from every
space of a long run, ``\\s\\s*`` read the rest of the run again (the plain form ``\\s+...`` finds the same)."""
_QUOTED_FOR_READABLE = r"\s+(?:for|–|—|-)\s+[\"“'‘].*$"
"""``_QUOTED_FOR`` written plainly, trying every offset: it finds the same matches (tests/normalize/test_patterns.py)."""


def links_in(source: Source, span: Span) -> dict[str, str]:
    """Shown plain text of each wiki link in ``source[span]`` to its target (the first link wins)."""
    return by_shown_text(wiki_links(source[span]))


def by_shown_text(links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``(target, shown)`` links as shown plain text to target (the first link wins)."""
    found: dict[str, str] = {}
    for target, shown in links:
        found.setdefault(shown or target, target)
    return found


def _unlabelled(text: str) -> str:
    """``text`` without a leading role label (``Screenplay:``, ``Music by``); each label holds ``:`` or ``by``."""
    return _LABEL.sub("", text) if ":" in text or "by" in text.lower() else text


def drop_notes(text: str) -> str:
    """``text`` with each note in brackets and the spaces around it made one space.

    The same as substituting ``\\s*[(\\[][^()\\[\\]]*[)\\]]\\s*`` (a test compares), found from the
    brackets: a pattern opening with ``\\s*`` made the regex engine try every offset of a long line.
    One pass: a note inside a note leaves its outer brackets (see :func:`drop_nested_notes`).
    """
    pieces: list[str] = []
    pos = 0
    for bracket in _OPENING_BRACKET.finditer(text):
        start = bracket.start()
        if start < pos:
            continue  # inside the note just dropped, or in the spaces after it
        note = _NOTE_AT.match(text, start)
        if note is None:
            continue
        while start > pos and text[start - 1].isspace():
            start -= 1
        pieces += (text[pos:start], " ")
        pos = note.end()
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


_OPENING_BRACKET = re.compile(r"[(\[]")
_ANY_BRACKET = re.compile(r"[()\[\]]")


def drop_nested_notes(text: str) -> str:
    """``text`` with every note in brackets, notes inside notes included, and the spaces around each outermost
    note made one space: :func:`drop_notes` repeated until nothing changes, in one pass.

    Brackets pair as a stack pairs them (any closing bracket closes the latest open one, as the repeated
    substitution pairs them); unpaired brackets stay. Repeating :func:`drop_notes` took one pass per level
    of nesting, quadratic time on ``((((x))))``; the result is the same up to runs of spaces (a test compares).
    """
    if "(" not in text and "[" not in text:
        return text
    opened: list[int] = []
    notes: list[tuple[int, int]] = []  # outermost paired notes so far, in order
    for bracket in _ANY_BRACKET.finditer(text):
        at = bracket.start()
        if text[at] in "([":
            opened.append(at)
        elif opened:
            start = opened.pop()
            while notes and notes[-1][0] > start:
                notes.pop()  # inside this note
            notes.append((start, at + 1))
    if not notes:
        return text
    pieces: list[str] = []
    pos = 0
    for start, end in notes:
        while start > pos and text[start - 1].isspace():
            start -= 1
        pieces += (text[pos:start], " ")
        pos = end
        while pos < len(text) and text[pos].isspace():
            pos += 1
    pieces.append(text[pos:])
    return "".join(pieces)


def clean_name(text: str) -> str:
    """A name without notes in brackets, role labels, quotes or stray punctuation."""
    if '"' in text or "'" in text or "“" in text or "‘" in text:
        text = _QUOTED_FOR.sub("", text)
    text = drop_nested_notes(text)
    text = _unlabelled(text)
    return text.strip(" \t,;:*•·–—-\"'").strip()


def split_names(text: str, *, companies: bool = False) -> list[str]:
    """Split one item's text into names: people at commas, ``and``, ``&``; companies at commas only."""
    return list(iter_names(text, companies=companies))


def iter_names(text: str, *, companies: bool = False) -> Iterator[str]:
    """The names of :func:`split_names`, one at a time (a caller may stop at the first bad one)."""
    separator = _COMPANY_SEPARATOR if companies else _PEOPLE_SEPARATOR
    if not companies and ("(" in text or "[" in text):
        text = drop_notes(text)  # notes first: '(Also for Shame, A Dangerous Method)' holds commas
    pieces = separator.split(text) if _MAY_SEPARATE.search(text) else [text]
    for piece in pieces:
        name = piece if companies else clean_name(piece)
        name = name.strip(" \t,;")
        if companies and ("(" in name or "[" in name):
            name = drop_notes(name).strip()
            name = " ".join(name.split())
        if name and not (len(name) <= _LONGEST_NOT_A_NAME and _NOT_A_NAME.match(name)) and not name.endswith(":") and not _holds_template_debris(name):
            yield name


def _holds_template_debris(name: str) -> bool:
    """Whether a name holds ``{{`` or ``}}``: the remains of templates nested past what the plain-text
    reader renders (``{{nowrap}}}}}}...`` from a hundred nested ``{{nowrap|``), never part of a name."""
    return "{{" in name or "}}" in name


_AND = re.compile(r"\s\s*(?:&|and)\s+")
_AND_READABLE = r"\s+(?:&|and)\s+"
"""``_AND`` written plainly, trying every offset: it finds the same matches (tests/normalize/test_patterns.py)."""


def _split_linked_companies(name: str, links: dict[str, str]) -> list[str]:
    """``[[Excel Entertainment]] & [[AA Films]]`` is two companies: split only where every part is a link."""
    parts = [part.strip() for part in _AND.split(name)]
    return parts if len(parts) > 1 and all(part in links for part in parts) else [name]


_BETWEEN_LINKS = " \t\n;–—"
"""What may stand between two links that name two people with nothing else between them."""


def _adjacent_links(text: str, links: tuple[tuple[str, str], ...] | None) -> list[str] | None:
    """The shown texts of an item made of two links or more with only blanks or a dash between them
    (``[[Edward Furlong]] [[Thomas Kretschmann]]``, ``[[B. Lenin]]—[[C. S. Prem]]``), else ``None``: read
    as one text, the two names ran together into one."""
    if links is None or len(links) < 2:
        return None
    pos = 0
    for _target, shown in links:
        while pos < len(text) and text[pos] in _BETWEEN_LINKS:
            pos += 1
        if not shown or not text.startswith(shown, pos):
            return None
        pos += len(shown)
    if text[pos:].strip(_BETWEEN_LINKS):
        return None
    return [shown for _target, shown in links]


def refs_from_items(source: Source, items: Iterable[ValueItem], *, companies: bool = False) -> tuple[PersonRef, ...]:
    """People (or companies) named in items, each with its link target and span."""
    refs: list[PersonRef] = []
    seen: set[str] = set()
    for item in items:
        if item.links is not None:
            links = by_shown_text(item.links)
        else:
            links = links_in(source, item.span) if "[[" in source[item.span] else {}
        if companies:
            text = item.text.replace("\n", " ")
        else:
            text = "; ".join(_unlabelled(line) for line in item.text.split("\n")) if "\n" in item.text else _unlabelled(item.text)
        names = _adjacent_links(text, item.links) or split_names(text, companies=companies)
        if companies and len(links) > 1:
            names = [part for name in names for part in _split_linked_companies(name, links)]
        for name, span in zip(names, spans_in_order(source, item.span, names), strict=True):
            folded = name.casefold()
            if folded in seen:
                continue
            seen.add(folded)
            link = links.get(name)
            if link is None and item.link and len(names) == 1 and len(links) <= 1:
                link = item.link
            refs.append(PersonRef(name=name, link=link, span=span))
    return tuple(refs)


def spans_in_order(source: Source, span: Span, texts: Iterable[str]) -> list[Span]:
    """Where each of ``texts``, read in order from ``source[span]``, is written there: each is looked for
    after the one before, so the second director of ``Jo Ann Lee and Ann Lee`` is not found inside the
    first. A text not written as read (a note taken out of it) gets the whole ``span``.

    Names are read from an item's plain text, and the plain text keeps no offsets into the wikitext;
    the text itself is what the order searches for.
    """
    raw = source[span]
    spans: list[Span] = []
    cursor = 0
    for text in texts:
        offset = raw.find(text, cursor) if text else -1
        if offset < 0:
            spans.append(span)
            continue
        spans.append(Span(span.start + offset, span.start + offset + len(text)))
        cursor = offset + len(text)
    return spans


def normalize_people(source: Source, field: InfoboxField | None) -> tuple[PersonRef, ...]:
    """People named in an infobox field (director, starring...)."""
    if field is None:
        return ()
    return refs_from_items(source, field.items(source))


def normalize_companies(source: Source, field: InfoboxField | None) -> tuple[PersonRef, ...]:
    """Companies named in an infobox field (studio, distributor)."""
    if field is None:
        return ()
    return refs_from_items(source, field.items(source), companies=True)


def template_people(source: Source, template: TemplateCall) -> tuple[PersonRef, ...]:
    """People given as a template's positional parameters (``{{based on|work|author|author}}`` minus the first)."""
    items: list[ValueItem] = []
    for value_span in template.positional_spans[1:]:
        items.extend(split_items(source, value_span))
    return refs_from_items(source, items)
