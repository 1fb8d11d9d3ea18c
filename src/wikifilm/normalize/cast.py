"""Cast: list items (``A as B``, ``A – B``, ``A: B``) and cast tables, to actor and role."""

from __future__ import annotations

import re

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.nodes import Document, Table, plain_value
from wikifilm.markup.plain import item_text_and_links
from wikifilm.normalize.people import by_shown_text, clean_name, iter_names, links_in, spans_in_order, split_names
from wikifilm.normalize.sections import list_lines, sections_titled, tables
from wikifilm.record import CastMember, PersonRef
from wikifilm.span import Source, Span

CAST_TITLES = frozenset({"cast", "cast and characters", "voice cast", "starring", "cast and crew", "main cast",
                         "principal cast", "casting", "cast list", "the cast", "characters", "voice cast and characters"})
_AS = re.compile(r" (?:as|plays|portrays|provides the voice of|voices) ", re.IGNORECASE)
"""Between actor and role, in text whose whitespace runs are single spaces (a literal first
character lets the regex engine skip ahead)."""
_SEVERAL_ROLES = re.compile(r"^(.+?)\s+as\s*:$", re.IGNORECASE)
_DASH = re.compile(r"[\s:.…](?:(?<=\s)\s*(?:[–—-]+\s+|:\s+|(?:\.{3,}|…)\s*)|(?<=:)\s+|(?<=\.)\.{2,}\s*|(?<=…)\s*)")
"""`` – ``, ``: ``, ``...`` between actor and role. Like the other patterns run over long lines, it opens
with the class of its possible first characters, then asks which one it took (see ``people._PEOPLE_SEPARATOR``)."""
_DASH_READABLE = r"\s+(?:[–—-]+\s+|:\s+|(?:\.{3,}|…)\s*)|:\s+|(?:\.{3,}|…)\s*"
"""``_DASH`` written plainly, trying every offset: it finds the same matches (tests/normalize/test_patterns.py)."""
_MAY_DASH = re.compile(r"[–—\-:….](?:(?<!\.)|(?<=\.)\.\.)")
"""What every ``_DASH`` separator holds."""
_MAY_DASH_READABLE = r"[–—\-:…]|\.\.\."
"""``_MAY_DASH`` written plainly, trying every offset: it finds the same matches (tests/normalize/test_patterns.py)."""
_ROLE_END = re.compile(
    r"[,;:.\s](?:(?<=,)(?:\s+(?=(?:[A-Z][\w.]*\s){1,2}[A-Z][\w.]*['’]s?\s)"
    r"|(?P<the>\s+)(?=the\s)|\s+(?=(?:a|an|who|whose|which|whom|his|her|their|its|one|also|known|later|now|formerly|nicknamed)\b)"
    r"|\s+(?=[A-Z][\w.]*['’]s?\s))"
    r"|(?<=\s)(?:\s*in\s+(?:a\s+)?(?:special|cameo|guest)\s+appearance|\s*\(|[–—]\s|-\s)"
    r"|(?<=;)\s|(?<=:)\s|(?<=\.)\s+(?=[A-Z][a-z]+\s[a-z]))"
)
"""Where a role ends and its description begins: ``, a ruthless mercenary``, ``; the ...``, `` (voice)``.

``, the`` ends a role only when no ``/`` follows (``Bob, the cook / the driver`` is one role): see
:func:`_role_end`, which asks that once, where a lookahead ``(?![^/]*/)`` read to the end of the line at
every ``, the`` (quadratic time on a long line)."""
_ROLE_END_READABLE = (
    r",\s+(?=(?:[A-Z][\w.]*\s){1,2}[A-Z][\w.]*['’]s?\s)"
    r"|,\s+(?=the\s(?![^/]*/))|,\s+(?=(?:a|an|who|whose|which|whom|his|her|their|its|one|also|known|later|now|formerly|nicknamed)\b)"
    r"|,\s+(?=[A-Z][\w.]*['’]s?\s)|\s+in\s+(?:a\s+)?(?:special|cameo|guest)\s+appearance"
    r"|;\s|\s+\(|:\s|\s[–—]\s|\s-\s|\.\s+(?=[A-Z][a-z]+\s[a-z])"
)
"""``_ROLE_END`` with :func:`_role_end` written plainly: a role ends where this first matches (a test compares)."""


def _role_end(text: str) -> int:
    """Where the role in ``text`` ends (the length of ``text`` when it holds no description)."""
    last_slash = text.rfind("/")
    for match in _ROLE_END.finditer(text):
        if match.group("the") is not None and last_slash >= match.end() + 4:
            continue  # ', the cook / the driver': a '/' follows, so 'the' starts another role
        return match.start()
    return len(text)


_NAME_LIKE = re.compile(r"^[^\W\d_][\w.'’\- ]{1,60}$")


_ACTOR_WORDS = r"[A-Z][\w.'’-]*+(?:\s[A-Z][\w.'’-]*+){0,3}\s?"
"""One to four capitalised words, each read whole (``*+``). The plain form, ``(?:[A-Z][\\w.'’-]*\\s?){2,4}``,
also cut words at inner capitals (``McDonald`` is two pieces), and cut a long run of capitals every way
before failing (cubic time); the same names match when :func:`_two_capitals` holds too (a test compares)."""
_PLAIN_ACTOR = r"(?:[A-Z][\w.'’-]*\s?){2,4}"
_ROLE_THEN_ACTOR = re.compile(rf"^(?P<role>[^()]*?\w['’]s?\s[^()]*?|[^()]*?\b[a-z][^()]*?)\s*\((?P<actor>{_PLAIN_ACTOR})\)$")
"""``Dorcas' Father (Dick Rich)``: a role with a possessive or a lowercase word, then a name in brackets."""
_ACTOR_IN_BRACKETS = re.compile(rf"\((?P<actor>{_ACTOR_WORDS})\)")
_CAPITAL = re.compile("[A-Z]")


def _two_capitals(actor: str) -> bool:
    """Whether a name of :data:`_ACTOR_WORDS` has two capitals, which the plain form needs (two pieces, each opening with one)."""
    capitals = _CAPITAL.search(actor)
    return capitals is not None and _CAPITAL.search(actor, capitals.end()) is not None


def _may_end_with_actor_in_brackets(text: str) -> bool:
    """What ``_ROLE_THEN_ACTOR`` needs, tested first in linear time: one pair of brackets, closing the
    text around a name (the pattern itself backtracks quadratically over a long line that fails)."""
    if not (text.endswith(")") and text.count("(") == 1 and text.count(")") == 1):
        return False
    actor = _ACTOR_IN_BRACKETS.fullmatch(text, text.index("("))
    return actor is not None and _two_capitals(actor.group("actor"))
_NAME_WORD = r"(?:[A-Z]|[a-z]{1,2}['’][A-Z])[\w.'’-]*"
_LEADING_NAME = re.compile(rf"\s*({_NAME_WORD}(?:,?\s(?:(?:de|van|von|da|di|del|le|la|du|bin)\s)?{_NAME_WORD}){{1,3}})")
_LINKED_ACTOR_IN_BRACKETS = re.compile(r"^\s*(?P<role>[^()\[\]{}<>]+?)\s*\(\s*\[\[(?P<target>[^\]|]+)(?:\|(?P<shown>[^\]]+))?\]\]\s*\)")
"""``Reverend Elcott ([[Ian Wolfe]]) is the local preacher``: the linked name in brackets is the actor.

The readable form of :func:`_linked_actor_in_brackets`: its lazy role tried ``\\s*\\(`` from every
space of a run of spaces, quadratic in the run."""
_NOT_IN_ROLE = re.compile(r"[()\[\]{}<>]")
_LINKED_ACTOR_AFTER_ROLE = re.compile(r"\(\s*\[\[(?P<target>[^\]|]+)(?:\|(?P<shown>[^\]]+))?\]\]\s*\)")


def _linked_actor_in_brackets(raw: str) -> tuple[str, str, str | None] | None:
    """``(role, target, shown)`` as :data:`_LINKED_ACTOR_IN_BRACKETS` reads them, in linear time."""
    stop = _NOT_IN_ROLE.search(raw)
    if stop is None or stop.group() != "(" or stop.start() == 0:
        return None
    actor = _LINKED_ACTOR_AFTER_ROLE.match(raw, stop.start())
    if actor is None:
        return None
    head = raw[: stop.start()]
    return head.strip() or head[-1], actor.group("target"), actor.group("shown")  # a role of spaces is its last space


def _is_heading_line(raw: str) -> bool:
    """Whether a list line is only bold or italic text (a sub-heading): ``^\\s*'{2,}[^']*'{2,}\\s*:?\\s*$``.

    Read from the apostrophe runs at both ends: the pattern split a long run of apostrophes every
    way between its two ``'{2,}``, quadratic time (a test compares the two).
    """
    text = raw.strip()
    if text.endswith(":"):
        text = text[:-1].rstrip()
    lead = len(text) - len(text.lstrip("'"))
    if lead == len(text):
        return lead >= 4
    trail = len(text) - len(text.rstrip("'"))
    return lead >= 2 and trail >= 2 and "'" not in text[lead : len(text) - trail]


_UNLINKED_ACTOR_IN_BRACKETS = re.compile(rf"^\s*(?P<role>[^()]{{1,60}}?)\s*\((?P<actor>{_ACTOR_WORDS})\)\s*$")
"""``Harry (Earl Barton)``, read this way only in a list whose linked lines put the actor in brackets."""
_PAIRS = re.compile(r"[\s,;a](?:(?<=\s)\s*(?:,|;|\band\b)|(?<=[,;])|(?<=a)(?<!\w.)nd\b)\s+(?=(?:[A-Z][\w.'’-]*\s){1,4}as\s)")
_PAIRS_READABLE = r"\s*(?:,|;|\band\b)\s+(?=(?:[A-Z][\w.'’-]*\s){1,4}as\s)"
"""``_PAIRS`` written plainly, trying every offset: it finds the same matches (tests/normalize/test_patterns.py)."""
_BOLD_ROLE = re.compile(r"^\s*'''(?P<role>[^']+)'''[^:]{0,60}:\s*(?P<rest>.+)$", re.DOTALL)


_BRACKETED = re.compile(r"[\s(](?:(?<=\s)\s*\(|(?<=\())[^()]*\)")
_BRACKETED_READABLE = r"\s*\([^()]*\)"
"""``_BRACKETED`` written plainly, trying every offset: it finds the same matches (tests/normalize/test_patterns.py)."""
_PERIOD = re.compile(r"(?<!\w)(\w+)\.\s+(?=[A-Z\"“])")
"""A word, its period and a capital after: ``(\\w+)\\.\\s+(?=[A-Z"“])`` opened at word starts only, which
finds the same words (a match inside a word has one at the word's start) without reading a long word once per letter."""
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "lt", "capt", "col", "gen", "sgt", "maj", "cpl", "pvt", "adm", "cmdr", "insp", "det", "supt", "prof", "rev", "fr", "hon", "mt", "ft", "no", "vs", "sen", "rep", "gov", "pres", "jnr", "snr", "bros", "co", "inc", "ltd", "vol", "ch", "op"]
)


def _may_end_role(text: str) -> bool:
    """Whether ``text`` holds what every ``_ROLE_END`` branch holds: a role without it has no description to drop."""
    return "," in text or ";" in text or "(" in text or ":" in text or "-" in text or "." in text or "–" in text or "—" in text or "appearance" in text


def _first_sentence(text: str) -> str:
    """Text up to the first period that ends a sentence (``David Hobbscap. Jacques Villeneuve voiced...``),
    passing over abbreviations (``Capt. Ace Owens``) and initials (``Robert R. Holland``)."""
    if "." not in text:
        return text
    for match in _PERIOD.finditer(text):
        word = match.group(1)
        if len(word) > 1 and word.casefold() not in _ABBREVIATIONS:
            return text[: match.start() + len(word)]
    return text
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.|\b(?:Ph\.D|Jr|Sr|Dr|Mr|Mrs|Ms|St|Lt|Capt|Col|Gen|Sgt|Jnr|Snr)\.)$")


def _clean_role(text: str) -> str | None:
    """A role without bracketed notes and without its description; abbreviation periods kept (``Ph.D.``)."""
    if "(" in text:
        text = _BRACKETED.sub("", text)
    if _may_end_role(text):
        text = text[: _role_end(text)]
    role = _first_sentence(text).strip(" ,;:")
    if role.endswith(".") and not _ABBREVIATION_END.search(role):
        role = role.rstrip(".").rstrip()
    return role or None


def parse_cast_pairs(text: str) -> list[tuple[list[str], str | None]]:
    """Every ``(actors, role)`` on one line: ``A as B and C as D`` holds two."""
    text = " ".join(text.split())
    pieces = _PAIRS.split(text) if len(_AS.findall(text)) > 1 else [text]
    parsed = [_parse_spaced_line(piece.strip()) for piece in pieces]
    return [pair for pair in parsed if pair is not None]


def parse_bold_role_line(raw: str, plain: str) -> tuple[list[str], str | None] | None:
    """A bold role first, then the actor: ``'''Adam''' (green shirt): Howard Keel, a singer...``."""
    match = _BOLD_ROLE.match(raw)
    if match is None:
        return None
    leading = _LEADING_NAME.match(plain.split(":", 1)[-1])
    actor = clean_name(leading.group(1)) if leading else ""
    if not actor or not _NAME_LIKE.match(actor) or len(actor.split()) > 4:
        return None
    return [actor], clean_name(match.group("role"))


def _name_like_names(text: str) -> list[str]:
    """The names in ``text`` if every one looks like a person's name, else none (stopping at the
    first that does not: a long description splits into many pieces)."""
    names = []
    for name in iter_names(text):
        if not _NAME_LIKE.match(name):
            return []
        names.append(name)
    return names


def parse_cast_line(text: str) -> tuple[list[str], str | None] | None:
    """``(actors, role)`` of one cast line, or ``None`` when no actor is recognisable."""
    return _parse_spaced_line(" ".join(text.split()))


def _parse_spaced_line(text: str) -> tuple[list[str], str | None] | None:
    """:func:`parse_cast_line` of a text whose spaces are already single."""
    for separator in (_AS, _DASH):
        if separator is _DASH and not _MAY_DASH.search(text):
            continue
        parts = separator.split(text, maxsplit=1)
        if len(parts) == 2 and (actors := _name_like_names(parts[0])):
            return actors, _clean_role(parts[1])
    in_brackets = _ROLE_THEN_ACTOR.match(text) if _may_end_with_actor_in_brackets(text) else None
    if in_brackets is not None:
        return [in_brackets.group("actor")], in_brackets.group("role")
    name = clean_name(text)
    if name and _NAME_LIKE.match(name) and len(name.split()) <= 5:
        return [name], None
    return None


def normalize_cast(document: Document) -> tuple[tuple[CastMember, ...], list[Diagnostic]]:
    """Actor and role pairs from cast sections."""
    members: list[CastMember] = []
    diagnostics: list[Diagnostic] = []
    source = document.source
    for section in sections_titled(document, CAST_TITLES):
        lines = list(list_lines(document, section))
        roles_of: list[str] | None = None  # 'Jason Isaacs as:' then one role per sub-item
        # a list whose linked lines read 'Role ([[Actor]])' writes its unlinked ones the same way
        wikitext = document.format == "wikitext"
        raws = [source[line.span] for line in lines]
        linked = [_linked_actor_in_brackets(raw) if wikitext and "(" in raw and "[[" in raw else None for raw in raws]
        role_first = sum(match is not None for match in linked) >= 2
        for line, raw, bracketed in zip(lines, raws, linked, strict=True):
            if wikitext:  # the line's text and links in one reading (one pass for words and simple links)
                text, found = item_text_and_links(raw)
                links: dict[str, str] | None = by_shown_text(found)
            else:
                text, links = plain_value(source, line.span, document.format), None
            text = text.replace("\n", " ")
            if not text:
                continue
            if roles_of is not None and line.depth > 1:
                role = _clean_role(text)
                members.extend(_members(source, line.span, roles_of, role, links))
                continue
            roles_of = None
            several = _SEVERAL_ROLES.match(text) if text.endswith(":") else None
            if several is not None:
                roles_of = split_names(several.group(1))
                continue
            if "''" in raw and _is_heading_line(raw):
                continue  # a bold or italic sub-heading ('''The Ballad of Buster Scruggs''')
            bold = parse_bold_role_line(raw, text) if wikitext and "'''" in raw else None
            if bold is None and bracketed is not None and " as " not in bracketed[0]:
                bold = [clean_name(bracketed[2] or bracketed[1])], clean_name(bracketed[0])
            unlinked = _UNLINKED_ACTOR_IN_BRACKETS.match(text) if role_first and bold is None else None
            if unlinked is not None and _two_capitals(unlinked.group("actor")):
                bold = [unlinked.group("actor").strip()], unlinked.group("role").strip()
            pairs = [bold] if bold is not None else parse_cast_pairs(text)
            if not pairs:
                diagnostics.append(Diagnostic("WF602", f"cast line {text[:50]!r} names no recognisable actor; skipped", line.span, field="cast"))
                continue
            for actors, role in pairs:
                members.extend(_members(source, line.span, actors, role, links))
        for table in tables(section):
            members.extend(_from_table(document, table))
    return tuple(_unique_members(members)), diagnostics


def _unique_members(members: list[CastMember]) -> list[CastMember]:
    """The first of each (actor, role) pair: articles repeat cast lines in subsections."""
    seen: set[tuple[str, str]] = set()
    out = []
    for member in members:
        key = (member.actor.name.casefold(), (member.role or "").casefold())
        if key not in seen:
            seen.add(key)
            out.append(member)
    return out


def _members(source: Source, span: Span, actors: list[str], role: str | None, links: dict[str, str] | None) -> list[CastMember]:
    """One member per actor of a line; ``links`` (shown text to target) when already read."""
    raw = source[span]
    if links is None:
        links = links_in(source, span) if "[[" in raw else {}
    return [
        CastMember(PersonRef(actor, links.get(actor), span=actor_span), role, span)
        for actor, actor_span in zip(actors, spans_in_order(source, span, actors), strict=True)
    ]


def _from_table(document: Document, table: Table) -> list[CastMember]:
    source = document.source
    header = [cell.plain(source).casefold() for cell in table.header]
    role_col = next((i for i, text in enumerate(header) if any(w in text for w in ("role", "character", "part"))), None)
    others = [i for i in range(len(header)) if i != role_col]
    actor_col = next((i for i in others if any(w in header[i] for w in ("actor", "actress", "cast", "performer", "voice"))), None)
    if actor_col is None:
        actor_col = next((i for i in others if header[i] in ("name", "names", "artist")), None)
    if actor_col is None:
        return []
    out = []
    for row in table.grid()[1:]:
        actor_cell = row[actor_col] if actor_col < len(row) else None
        if actor_cell is None:
            continue
        role_cell = row[role_col] if role_col is not None and role_col < len(row) else None
        role = _clean_role(role_cell.plain(source).replace("\n", " ")) if role_cell is not None else None
        if document.format == "wikitext":  # the cell's text and links in one pass where it can
            plain, found = item_text_and_links(source[actor_cell.content_span])
            links = by_shown_text(found)
        else:
            plain, links = actor_cell.plain(source), links_in(source, actor_cell.content_span)
        actors = split_names(plain.replace("\n", ", "))
        for actor, actor_span in zip(actors, spans_in_order(source, actor_cell.content_span, actors), strict=True):
            out.append(CastMember(PersonRef(actor, links.get(actor), span=actor_span), role or None, actor_cell.span))
    return out
