"""Cast: list items (``A as B``, ``A – B``, ``A: B``), cast tables and casting sentences, to actor, role and version."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.nodes import Document, Section, TableRow, Text, iter_nodes, plain_value
from wikifilm.markup.plain import item_text_and_links, plain_text
from wikifilm.normalize.cast_prose import iter_prose_cast, people_links
from wikifilm.normalize.cast_tables import LANGUAGES, table_entries, version_name
from wikifilm.normalize.people import by_shown_text, clean_name, iter_names, links_in, spans_in_order, split_names
from wikifilm.normalize.sections import Line, heading_key, list_lines, outline, paragraphs, tables
from wikifilm.record import CastMember, PersonRef
from wikifilm.span import Source, Span

CAST_TITLES = frozenset({"cast", "cast and characters", "voice cast", "starring", "cast and crew", "main cast",
                         "principal cast", "casting", "cast list", "the cast", "characters", "voice cast and characters"})
_AS = re.compile(r" (?:as|plays|portrays|provides the voice of|voices|are) ", re.IGNORECASE)
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
    ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "lt", "capt", "col", "gen", "sgt", "maj", "cpl", "pvt", "adm", "cmdr", "insp", "det", "supt", "prof", "rev", "fr", "hon", "mt", "ft", "no", "vs", "sen", "rep", "gov", "pres", "jnr", "snr", "bros", "co", "inc", "ltd", "vol", "ch", "op",
     "brig", "cdr", "cpt", "ens", "spc", "pfc", "const", "ofc", "dep", "msgr", "mme", "mlle", "esq", "rt", "univ", "dept", "corp", "assn", "sq", "ave", "blvd"]
)
"""Words a period follows without ending a sentence; a word of up to four letters and no vowel
(``Ltc.``, ``Pvt.``, ``Wm.``) is taken as one too (:func:`_is_abbreviation`)."""
_VOWELS = frozenset("aeiouyAEIOUY")


def _is_abbreviation(word: str) -> bool:
    """Whether a period after ``word`` shortens it rather than ending a sentence: ``as Ltc. Jacobsen``."""
    return word.casefold() in _ABBREVIATIONS or (len(word) <= 4 and word[:1].isupper() and word.isalpha() and not _VOWELS.intersection(word))


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
        if len(word) > 1 and not _is_abbreviation(word):
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
    if ", " in role or " i.e. " in role:
        role = _LOWERCASE_NOTE.split(role, maxsplit=1)[0]
    if role.endswith(".") and not _ABBREVIATION_END.search(role):
        role = role.rstrip(".").rstrip()
    if role[:1].islower() and _NAMED.search(role):
        role = _without_descriptor(role)
    if role and _NOT_A_ROLE.match(role):
        return None
    return role or None


_LOWERCASE_NOTE = re.compile(r",\s+(?=[a-z][^A-Z]*$)|\s+i\.e\.\s")
"""``Doctor Nikolas Van Helsing, same name as the famous vampire hunter``: a note without a name in it."""
_NAMED = re.compile(r"^[^A-Z]*\s(?:[A-Z][\w.'’-]*\s)+[A-Z][\w.'’-]*$")
"""A role that ends in a name of two or more capitalised words after lowercase ones."""


def parse_cast_pairs(text: str) -> list[tuple[list[str], str | None]]:
    """Every ``(actors, role)`` on one line: ``A as B and C as D`` holds two, and so does
    ``A and C as B and D`` (``[[Adrienne Barbeau]] and [[Tara Buckman]] as Marcie Thatcher and Jill Rivers``)."""
    text = " ".join(text.split())
    pieces = _PAIRS.split(text) if len(_AS.findall(text)) > 1 else [text]
    if len(pieces) > 1 and not _AS.search(pieces[0]):
        pieces = [text]  # 'A and B as X, disguised as Y': the second 'as' is in the role
    out: list[tuple[list[str], str | None]] = []
    for piece in pieces:
        pair = _parse_spaced_line(piece.strip())
        if pair is None:
            continue
        actors, role = pair
        zipped = _respective_roles(actors, piece.strip()) if len(actors) > 1 and role is not None and " and " in role else None
        out.extend(zipped or [pair])
    return out


def _respective_roles(actors: list[str], text: str) -> list[tuple[list[str], str | None]] | None:
    """One role per actor when the role text names as many, joined by ``and``:
    ``racer J.J. McClure and his buddy, mechanic Victor Prinzi, a.k.a. ...`` → ``J.J. McClure``, ``Victor Prinzi``."""
    separator = _AS.search(text)
    if separator is None:
        return None
    pieces = text[separator.end() :].split(" and ", len(actors) - 1)
    if len(pieces) != len(actors):
        return None
    roles = [_clean_role(_LEADING_LOWER.sub("", piece).split(", ", 1)[0]) for piece in pieces]
    if any(role is None or not role[:1].isupper() for role in roles):
        return None
    return [([actor], role) for actor, role in zip(actors, roles, strict=True)]


_DESCRIPTOR = re.compile(r"^(?!(?:a|an|the|young|younger|old|older|little|teenage|adult|baby|elder|his|her|their)\b)(?:[a-z][\w'’-]*,?\s){1,4}(?=[A-Z])")
"""``tree-loving photographer Pamela Glover``: lowercase words telling what a named character is."""
_LEADING_LOWER = re.compile(r"^(?:[a-z][\w'’-]*,?\s){1,5}(?=[A-Z])")
_PREPOSITION = re.compile(r"\b(?:in|of|at|from|for|with|on|to|by)\s")


def _without_descriptor(role: str) -> str:
    """A role without the lowercase words before the character's name; kept when they are the role
    (``the desk clerk``, ``young Rocky``, ``bandleader in Elite Club``)."""
    match = _DESCRIPTOR.match(role)
    if match is None or _PREPOSITION.search(match.group(0)):
        return role
    return role[match.end() :]


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
        return _name_like_names(name) or [name], None  # '[[Paul Muni]] and [[Luise Rainer]]' is two
    return None


def is_cast_title(title: str) -> bool:
    """Whether a heading (:func:`~wikifilm.normalize.sections.normal_title` form) names a cast: ``Cast``,
    ``Primary cast``, ``Voice cast``, ``Japanese cast``, ``Cast and characters``, ``Main characters``."""
    if title in CAST_TITLES:
        return True
    words = title.split()
    return "cast" in words or (2 <= len(words) <= 3 and words[-1] == "characters")


def cast_sections(document: Document) -> list[Section]:
    """Sections whose heading names a cast; a match nested in another is read with it, not again."""
    found: list[Section] = []
    for title, section in outline(document):
        if is_cast_title(title) and not any(parent.span.contains(section.span) for parent in found):
            found.append(section)
    return found


def normalize_cast(document: Document) -> tuple[tuple[CastMember, ...], list[Diagnostic]]:
    """Actor and role pairs from cast sections: their lists (at any depth, in subsections, inside
    tables and list templates), their tables, and the sentences that cast someone in notes and paragraphs."""
    members: list[tuple[CastMember, bool]] = []  # each with whether a sentence, not a list or table, gave it
    diagnostics: list[Diagnostic] = []
    for section in cast_sections(document):
        scopes = _version_scopes(document, section)
        known: dict[str, str] = {}  # the section's listed actors, whose surnames its notes may use
        lines = sorted([*list_lines(document, section), *_lines_in_tables(document, section)], key=lambda line: line.span.start)
        members.extend(_from_lines(document, lines, scopes, known, diagnostics))
        for table in tables(section):
            version = _version_at(scopes, table.span)
            for entry in table_entries(document, table):
                actor = PersonRef(entry.actor, entry.link, span=entry.actor_span)
                members.append((CastMember(actor, _table_role(entry.role), entry.row_span, entry.version or version), False))
                known[entry.actor] = entry.link or entry.actor
        members.extend((member, True) for member in _from_paragraphs(document, section, scopes, known))
    listed = {member.actor.name.casefold() for member, from_prose in members if not from_prose}
    # a sentence adds people the lists lack; it does not re-cast them ('(portrayed by [[Ted Raimi]])')
    kept = [member for member, from_prose in members if not from_prose or member.actor.name.casefold() not in listed]
    return tuple(_unique_members(_one_cast_has_no_version(kept))), diagnostics


def _from_lines(
    document: Document, lines: list[Line], scopes: list[tuple[Span, str | None]], known: dict[str, str], diagnostics: list[Diagnostic]
) -> list[tuple[CastMember, bool]]:
    """Members from one section's list lines, each with whether a sentence in the line's notes gave it."""
    members: list[tuple[CastMember, bool]] = []
    source = document.source
    roles_of: list[str] | None = None  # 'Jason Isaacs as:' then one role per sub-item
    # a list whose linked lines read 'Role ([[Actor]])' writes its unlinked ones the same way
    wikitext = document.format == "wikitext"
    raws = [source[line.span] for line in lines]
    linked = [_linked_actor_in_brackets(raw) if wikitext and "(" in raw and "[[" in raw else None for raw in raws]
    role_first = sum(match is not None for match in linked) >= 2
    for line, raw, bracketed in zip(lines, raws, linked, strict=True):
        version = _version_at(scopes, line.span)
        if wikitext:  # the line's text and links in one reading (one pass for words and simple links)
            text, item_links = item_text_and_links(raw)
            links: dict[str, str] | None = by_shown_text(item_links)
        else:
            text, links = plain_value(source, line.span, document.format), None
        text = text.replace("\n", " ")
        if not text:
            continue
        if roles_of is not None and line.depth > 1:
            role = _clean_role(text)
            members.extend((member, False) for member in _members(source, line.span, roles_of, role, links, version))
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
        if links is None:
            links = links_in(source, line.span) if "[[" in raw else {}
        pairs, prose = ([bold], []) if bold is not None else _line_pairs(text, people_links(raw, links), known)
        if not pairs and not prose:
            diagnostics.append(Diagnostic("WF602", f"cast line {text[:50]!r} names no recognisable actor; skipped", line.span, field="cast"))
            continue
        for group, from_prose in ((pairs, False), (prose, True)):
            for actors, role in group:
                found = _members(source, line.span, actors, role, links, version)
                members.extend((member, from_prose) for member in found)
                known.update((member.actor.name, member.actor.link or member.actor.name) for member in found if not from_prose)
    return members


_SPECIAL_APPEARANCE = re.compile(r",\s+(?:in\s+)?(?:a\s+)?(?:special|guest|cameo|friendly)\s+appearance\b.*$", re.IGNORECASE)
"""``[[Rakhi Sawant]], special appearance in the item song``: a note on the actor, not a role."""
_BILLING_LABEL = re.compile(
    r"^\s*(?:uncredited|also\s+starring|starring|featuring|with|cameos?|cameo\s+appearances?|guest\s+stars?|special\s+appearances?|others?)\s*:\s*(.+)$",
    re.IGNORECASE,
)
_LOWER_WORD = re.compile(r"(?<![\w'’.-])(?!(?:de|van|von|da|di|del|le|la|du|bin|ben|al|el|y|dos|das|der|den|ter|the|of)\b)[a-z][\w'’-]*")
_ENDS_WITH_INITIAL = re.compile(r"(?:\b[A-Z]|\bJr|\bSr)\.$")


Pairs = list[tuple[list[str], str | None]]


def _line_pairs(text: str, links: dict[str, str], known: dict[str, str]) -> tuple[Pairs, Pairs]:
    """``(actors, role)`` of a cast line, and of the sentences in its notes that cast someone else.

    The line's own pair stands when its actors are names; a line that opens with prose
    (``Director [[Hal Needham]] appears uncredited as ...``) is read as sentences instead.
    ``links`` are the people linked in the line, ``known`` those linked in its section."""
    separator = _notes_start(text)
    if separator == len(text):
        text = _SPECIAL_APPEARANCE.sub("", text)
    if (billed := _BILLING_LABEL.match(text)) is not None:
        # 'Uncredited: [[Ann Bee]], [[Cee Dee]]': the label bills the names after it
        names = split_names(billed.group(1))
        if names and all(_is_clean_name(name, links) for name in names):
            return [(names, None)], []
    pairs = parse_cast_pairs(text)
    if pairs and all(_is_clean_name(actor, links) for actors, _role in pairs for actor in actors):
        prose = list(iter_prose_cast(" ".join(text[separator:].split()), links, known)) if separator < len(text) else []
        named = {actor for actors, _role in pairs for actor in actors}
        return pairs, [(actors, role) for actors, role in prose if not named.intersection(actors)]
    prose = list(iter_prose_cast(" ".join(text.split()), links, known))
    if prose:
        return prose, []  # the line is a sentence; what it casts is the line's own entry
    kept = [([actor for actor in actors if _is_clean_name(actor, links)], role) for actors, role in pairs]
    return [(actors, role) for actors, role in kept if actors], []


def _is_clean_name(actor: str, links: dict[str, str]) -> bool:
    """Whether a line's actor is a name alone: linked as written, or unlinked without a linked name
    inside it (``Director Hal Needham``), a lowercase word (``Skarsgård also``) or a digit."""
    if actor in links:
        return True
    if any(text in actor for text in links if text[:1].isupper()):
        return False
    if _LOWER_WORD.search(actor) or any(char.isdigit() for char in actor):
        return False
    return not actor.endswith(".") or _ENDS_WITH_INITIAL.search(actor) is not None


def _notes_start(text: str) -> int:
    """Where a cast line's role begins: notes after it may cast someone else (``Shakey Finch ([[Warren Berlinger]])``)."""
    separator = _AS.search(text) or (_DASH.search(text) if _MAY_DASH.search(text) else None)
    return separator.end() if separator is not None else len(text)


_NOT_A_ROLE = re.compile(
    r"^(?:(?:in\s+)?(?:a\s+)?(?:special|guest|cameo|friendly|item)\s+(?:appearance|role|number)(?:\s+in\s.*)?|cameo|uncredited|voice)?$", re.IGNORECASE
)
"""A note in the role's place (``as Cameo Appearance``, ``Special appearance in song ...``): no character."""


def _table_role(role: str | None) -> str | None:
    return None if role is None else _clean_role(role)


def _version_scopes(document: Document, section: Section) -> list[tuple[Span, str | None]]:
    """Each (sub)section naming one cast among several (``===English dub===``, ``===''1920 London''===``),
    outermost first, with its version; billing splits (``Supporting cast``) name none."""
    source = document.source
    scopes = []
    for node in iter_nodes(section, (Section,)):
        if isinstance(node, Section):
            raw = source[node.heading.title_span].strip()
            scopes.append((node.span, cast_version(raw, heading_key(raw, document.format))))
    return scopes


def _version_at(scopes: list[tuple[Span, str | None]], span: Span) -> str | None:
    version = None
    for scope, name in scopes:
        if scope.contains(span):
            version = name  # inner sections come later
    return version


_BILLING = frozenset(
    ["main", "principal", "primary", "supporting", "recurring", "guest", "additional", "other", "others", "cameo", "cameos", "lead", "leading", "uncredited", "special", "starring", "featured", "minor", "credited", "notes", "note", "remaining", "rest"]
)


def cast_version(raw: str, title: str) -> str | None:
    """The version a cast heading names: an italic title (one film of a series) as written, a language or
    dub (``Japanese cast`` → ``Japanese``, ``English dub`` → ``English dub``); ``None`` for the rest."""
    words = title.split()
    if raw.startswith("''") and raw.endswith("''"):
        return plain_text(raw).strip() or None
    if any(word in LANGUAGES or word in ("dub", "dubbed", "dubbing") for word in words) and not any(word in _BILLING for word in words):
        return version_name(plain_text(raw))
    return None


def _one_cast_has_no_version(members: list[CastMember]) -> list[CastMember]:
    """``version`` stays only when the article has more than one cast."""
    if len({member.version for member in members}) > 1:
        return members
    return [attrs.evolve(member, version=None) if member.version is not None else member for member in members]


_LIST_LINE = re.compile(r"^[ \t]*(\*+)[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def _lines_in_tables(document: Document, section: Section) -> Iterator[Line]:
    """Bulleted lines written inside a table's rows without cells (``{|`` ... ``* [[A]] as B`` ... ``|}``)."""
    text = document.source.text
    for table in tables(section):
        for row in table.nodes:
            if not isinstance(row, TableRow):
                continue
            for node in row.nodes:
                if isinstance(node, Text) and text.startswith("*", node.span.start):
                    for match in _LIST_LINE.finditer(text, node.span.start, node.span.end):
                        if match.group(2):
                            yield Line(Span(match.start(2), match.end(2)), len(match.group(1)))


def _from_paragraphs(document: Document, section: Section, scopes: list[tuple[Span, str | None]], known: dict[str, str]) -> list[CastMember]:
    """Members cast in the sentences of a cast section's paragraphs (not in its casting or production notes)."""
    if document.format != "wikitext":
        return []
    source = document.source
    if _about_casting(heading_key(source[section.heading.title_span], document.format)):
        return []
    skipped = _sections_about_casting(document, section)
    out = []
    for paragraph in paragraphs(section):
        if any(scope.contains(paragraph.span) for scope in skipped):
            continue
        raw = source[paragraph.span]
        text = " ".join(plain_text(raw).split())
        links = links_in(source, paragraph.span) if "[[" in raw else {}
        version = _version_at(scopes, paragraph.span)
        for actors, role in iter_prose_cast(text, people_links(raw, links), known):
            for actor in actors:
                person = PersonRef(actor, links.get(actor) or _linked_page(actor, links), span=paragraph.span)
                out.append(CastMember(person, role, paragraph.span, version))
    return out


def _linked_page(name: str, links: dict[str, str]) -> str | None:
    """The page of a link whose shown text is part of ``name`` (a first name shown for the full one)."""
    # the shown texts that can be a first part are the name's own word prefixes: look those up
    # (a scan of every link, for every actor, took a tenth of the cast reader)
    found: list[str] = []
    cut = name.find(" ")
    while cut != -1:
        if links.get(shown := name[:cut], "").startswith(name):
            found.append(shown)
        cut = name.find(" ", cut + 1)
    if not found:
        return None
    if len(found) > 1:  # the first such link in the order the links were read
        order = {shown: index for index, shown in enumerate(links)}
        found.sort(key=order.__getitem__)
    return links[found[0]]


def _sections_about_casting(document: Document, section: Section) -> list[Span]:
    """Subsections telling how the film was cast, not who is in it."""
    source = document.source
    out = []
    for node in iter_nodes(section, (Section,)):
        if isinstance(node, Section) and _about_casting(heading_key(source[node.heading.title_span], document.format)):
            out.append(node.span)
    return out


def _about_casting(title: str) -> bool:
    return "casting" in title or "crew" in title or title.startswith("production")


def _unique_members(members: list[CastMember]) -> list[CastMember]:
    """The first of each (actor, role) pair: articles repeat cast lines in subsections."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for member in members:
        key = (member.actor.name.casefold(), (member.role or "").casefold(), member.version or "")
        if key not in seen:
            seen.add(key)
            out.append(member)
    return out


def _members(
    source: Source, span: Span, actors: list[str], role: str | None, links: dict[str, str] | None, version: str | None = None
) -> list[CastMember]:
    """One member per actor of a line; ``links`` (shown text to target) when already read."""
    raw = source[span]
    if links is None:
        links = links_in(source, span) if "[[" in raw else {}
    return [
        CastMember(PersonRef(actor, links.get(actor) or _linked_page(actor, links), span=actor_span), role, span, version)
        for actor, actor_span in zip(actors, spans_in_order(source, span, actors), strict=True)
    ]
