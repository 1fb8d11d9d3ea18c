"""Cast members told in sentences: notes after a cast line and paragraphs of a cast section.

``[[Molly Picon]] portrays his mother``, ``Aykroyd's niece Karen Humber portrays a schoolchild``,
``Fonda's biker buddy is played by [[Robert Tessier]]``, ``Shakey Finch ([[Warren Berlinger]])``,
``[[Jason Reitman|Jason]] and [[Catherine Reitman|Catherine]] portray, respectively, A and B``.
Only a name in the subject of a casting verb counts, so people a note merely mentions
(``director [[Ivan Reitman]]'s children``, ``[[Eartha Kitt]] would then play``) never become cast.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_UNLINKED = r"(?:[A-Z][\w'’-]+|[A-Z]\.)(?:\s(?:[A-Z][\w'’-]*\.?|[A-Z]\.|(?:de|van|von|da|di|del|le|la|du|bin|ben)(?=\s[A-Z]))){1,3}"
"""Two to four capitalised words: a name nobody linked."""
_VERB = (
    r"(?:(?:also|briefly|then)\s)?"
    r"(?P<verb>plays?|portrays?|voices?|cameos?(?:\sas)?|appears?(?:\s(?:uncredited|briefly|only))?(?:\s\([^()]{1,60}\))?(?:\sas)?"
    r"|(?:has|have|makes?)\s(?:a|an)(?:\s[\w-]+){0,2}?\s(?:cameo|appearance)(?:\srole)?s?(?:\sas)?|make\sappearances(?:\sas)?"
    r"|provides?\s(?:the\s)?voices?\sof|provided\s(?:the\s)?voices?\sof|provided|is\sseen(?:\sas)?|co-stars\sas"
    r"|reprises?\s(?:his|her|their)\sroles?\sas|(?:is\s)?(?:billed|credited)\sas|(?:also\s)?(?:played|portrayed)(?!\s(?:no|none)\b)(?=[^.;]*\bin\s(?:this|the)\sfilm\b))(?![\w-])"
)
"""A present-tense casting verb; past and future tense (``played``, ``would then play``) tell other
productions, unless the clause says ``in this film``."""
_AFTER_NAME = r"(?:\s\([^()]{1,80}\))?,?(?:\s(?:who|wife|husband|son|daughter|brother|sister)\b[^.;]{1,160}?,)?\s"
"""What may stand between a subject and its verb: ``(credited as ...)`` or ``, who ...,``."""
_ROLE_STOP = re.compile(r"[.;(]|,\s|\s(?:and\s)?(?:while|whereas|although|but)\s|\sin\s(?:an?\s)?(?:uncredited\s|brief\s)?(?:cameo|appearance)\b")
_SELF = re.compile(r"^(?:himself|herself|themselves)\b", re.IGNORECASE)
_ROLE_OF = re.compile(r"\bin\s(?:the|a)\s(?:[\w-]+\s)?role\sof\s(.*)$")
_RESPECTIVELY = re.compile(r",?\s*respectively,?\s*")
_LEAD = r"(?<![\w'’.\"-])"
"""A subject starts a word (``Director [[Hal Needham]] appears``), never inside a name."""


def _folded(word: str) -> str:
    """A word without accents: ``Skarsgard`` is how a note spells ``Skarsgård``."""
    return "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))


def surnames(links: dict[str, str]) -> dict[str, str]:
    """The last word of each linked name of two or more words (also without accents) to the name,
    when only one linked name ends with it."""
    by_word: dict[str, set[str]] = {}
    for text in links:
        words = text.split()
        if len(words) >= 2 and words[-1][:1].isupper():
            for word in {words[-1], _folded(words[-1])}:
                by_word.setdefault(word, set()).add(text)
    return {word: next(iter(texts)) for word, texts in by_word.items() if len(texts) == 1 and word not in links}


def full_name(shown: str, links: dict[str, str], known: dict[str, str]) -> str:
    """A linked first name as its page's name (``[[Jason Reitman|Jason]]``), a surname as the linked
    name it shortens; else ``shown``."""
    target = links.get(shown)
    if target is not None:
        page = re.sub(r"\s*\([^()]*\)$", "", target)
        return page if len(shown.split()) == 1 and page.startswith(shown + " ") else shown
    return surnames(known).get(shown, shown)


def _role(text: str) -> str | None:
    """The role after a verb, up to the end of its clause; ``himself`` for ``plays himself as ...``."""
    text = text.strip()
    if (own := _SELF.match(text)) is not None:
        return own.group(0)
    stop = _ROLE_STOP.search(text)
    role = (text[: stop.start()] if stop else text).strip(" ,;:\"“”'")
    return role or None


_TOKEN = r"\x01\d+\x02"
"""A linked name, replaced by its index before the patterns run, so that they are compiled once."""
_WORD = r"[A-Z][\w'’-]+"
"""One capitalised word: a surname standing for an actor named nearby, checked after the match."""
_NAME = rf"(?:{_TOKEN}|{_UNLINKED}|{_WORD})"
_SUBJECTS = rf"(?P<subjects>{_NAME}(?:(?:[,;]\s|[,;]?\sand\s){_NAME})*)"
_ACTIVE = re.compile(rf"{_LEAD}{_SUBJECTS}{_AFTER_NAME}{_VERB}")
_PASSIVE_VERB = r"\s(?:is|are)\s(?:played|portrayed|voiced)\sby\s"
_PASSIVE = re.compile(rf"(?P<role>[^.;:()\x01\x02]{{2,80}}?){_PASSIVE_VERB}(?P<subjects>{_NAME})")
_PASSIVE_NEEDS = re.compile(_PASSIVE_VERB)
_ACTIVE_NEEDS = re.compile(rf"\s{_VERB}")
"""The verb (with the space before it) that every match of :data:`_PASSIVE` or :data:`_ACTIVE` holds."""
_VOICED = re.compile(rf"\((?:voiced|played|portrayed|sung)\sby\s(?P<subjects>{_NAME})\)")
_BRACKETED = re.compile(rf"(?P<role>(?:[A-Z][\w.'’-]*\s){{0,3}}[A-Z][\w.'’-]*)\s\((?P<subjects>{_TOKEN})\)")
_FEATURED = re.compile(rf"(?P<subjects>{_TOKEN})\sas\s")
_CLAUSE_END = re.compile(r"[.;]")
_BILLED = re.compile(r"\b(?:billed|credited)\sas$")
"""``billed as Lois Areno`` names the credit, not a role (``appears uncredited as`` names a role)."""


def _rest(text: str, start: int) -> str:
    """The clause after a verb, read apart from the match (the patterns run over windows around their cue words)."""
    end = _CLAUSE_END.search(text, start)
    return text[start : end.start() if end else len(text)]
_NAME_IN_SUBJECTS = re.compile(_NAME)
_TOKEN_AT = re.compile(r"\x01(\d+)\x02")
_MAY_CAST = re.compile(r"play|portray|voice|appear|cameo|provide|reprise|seen|co-star| as |\(")
"""What one of the patterns needs; most roles, notes and paragraphs hold none of it."""
_MAY_BE_ACTIVE = re.compile(r"play|portray|voice|appear|cameo|provide|reprise|seen|co-star|billed|credited")
_BY = re.compile(r" by ")
_AS = re.compile(r" as ")
_OPEN_LINK = re.compile("\\(\x01")


def _near(
    pattern: re.Pattern[str], cue: re.Pattern[str], text: str, before: int, after: int, needed: re.Pattern[str] | None = None
) -> Iterator[re.Match[str]]:
    """``pattern``'s matches that start within ``before`` characters of a cue word and end within
    ``after`` of it: a long paragraph is scanned only where a pattern can match.

    ``needed`` is a part every match of ``pattern`` holds (``is played by``, where the cue is any
    ``by``): a window without it is passed over, since ``pattern`` cannot match there either."""
    spans: set[tuple[int, int]] = set()
    for hint in cue.finditer(text):
        window = max(0, hint.start() - before), min(len(text), hint.end() + after)
        if needed is not None and needed.search(text, *window) is None:
            continue
        for match in pattern.finditer(text, *window):
            if match.start() > hint.start():
                break  # matches come in order of their start: the rest start after the cue too
            if match.span() not in spans:
                spans.add(match.span())
                yield match


def _may_cast(text: str, links: dict[str, str]) -> bool:
    """Whether one of the patterns can match: each needs a casting verb, ``(sung by``, or a linked
    name (one that :func:`_tokenized` replaces): ``as Forrest Gump (character)`` has none."""
    return (
        _MAY_BE_ACTIVE.search(text) is not None
        or "(sung" in text
        or any(name in text for name in links if name[:1].isupper() and not any(char.isdigit() for char in name))
    )


def _tokenized(text: str, links: dict[str, str]) -> tuple[str, list[str]]:
    """``text`` with each linked name (capitalised, no digits; longest first) at word edges replaced by a token."""
    names = sorted((name for name in links if name[:1].isupper() and not any(char.isdigit() for char in name)), key=len, reverse=True)
    for index, name in enumerate(names):
        if name not in text:
            continue
        pieces: list[str] = []
        pos = 0
        while (found := text.find(name, pos)) != -1:
            end = found + len(name)
            if (found and (text[found - 1].isalnum() or text[found - 1] in "'’")) or (end < len(text) and text[end].isalnum()):
                pos = found + 1
                continue
            pieces += (text[pos:found], f"\x01{index}\x02")
            pos = end
        text = "".join([*pieces, text[pos:]])
    return text, names


def iter_prose_cast(text: str, links: dict[str, str], known: dict[str, str] | None = None) -> Iterator[tuple[list[str], str | None]]:
    """``(actors, role)`` for each clause of ``text`` (plain, single-spaced) that casts someone.

    ``links`` are the people linked in ``text`` (shown text to page; works left out), ``known``
    those listed or linked nearby, whose surnames may stand alone."""
    if not _MAY_CAST.search(text) or not _may_cast(text, links):
        return
    known = {**links, **(known or {})}
    text = text.replace("\x01", " ").replace("\x02", " ")
    text, names = _tokenized(text, links)
    found: list[tuple[int, str, str | None]] = []
    taken: list[tuple[int, int]] = []
    by_surname: dict[str, str] | None = None

    def actor(piece: str) -> str | None:
        nonlocal by_surname
        if (token := _TOKEN_AT.fullmatch(piece)) is not None:
            return names[int(token.group(1))]
        if " " in piece:
            return piece
        if by_surname is None:
            by_surname = surnames(known)
        return by_surname.get(piece)  # a lone capitalised word is someone only as a listed actor's surname

    def decoded(role: str | None) -> str | None:
        return _TOKEN_AT.sub(lambda token: names[int(token.group(1))], role) if role and "\x01" in role else role

    def add(match: re.Match[str], pairs: list[tuple[str, str | None]]) -> None:
        begin, end = match.span("subjects")
        if not pairs or any(start < end and begin < stop for start, stop in taken):
            return  # nobody, or a name already read by an earlier pattern
        taken.append((begin, end))
        found.extend((begin, name, decoded(role)) for name, role in pairs)

    for match in _near(_ACTIVE, _MAY_BE_ACTIVE, text, 400, 80, _ACTIVE_NEEDS):
        actors = [name for piece in _NAME_IN_SUBJECTS.findall(match.group("subjects")) if (name := actor(piece)) is not None]
        verb = match.group("verb")
        casts_as = (verb.endswith("as") and not _BILLED.search(verb)) or verb.split()[0] in {"play", "plays", "portray", "portrays", "voice", "voices"} or "voice" in verb
        rest = _rest(text, match.end())
        if not casts_as and (named := _ROLE_OF.search(rest)) is not None:
            casts_as, rest = True, named.group(1)  # 'appears ... in the non-speaking role of the man asleep'
        roles = _respective(rest, len(actors)) if casts_as and actors else [None] * len(actors)
        add(match, list(zip(actors, roles, strict=True)))
    for match in _near(_FEATURED, _AS, text, 12, 4):
        if (name := actor(match.group("subjects"))) is not None:
            add(match, [(name, _role(_rest(text, match.end())))])
    for pattern, cue, before, needed in ((_PASSIVE, _BY, 120, _PASSIVE_NEEDS), (_BRACKETED, _OPEN_LINK, 120, None)):
        for match in _near(pattern, cue, text, before, 20, needed):
            if (name := actor(match.group("subjects"))) is not None:
                add(match, [(name, match.group("role").strip(" ,") or None)])
    for match in _near(_VOICED, _BY, text, 20, 20):
        if (name := actor(match.group("subjects"))) is not None:
            earlier = [role for start, _actor, role in found if start < match.start()]
            add(match, [(name, earlier[-1] if earlier else None)])
    for _start, name, role in sorted(found, key=lambda item: item[0]):
        yield [full_name(name, links, known)], role


def _respective(rest: str, count: int) -> list[str | None]:
    """One role per subject: ``A and B`` split when there are as many subjects, else the one role for all."""
    rest = _RESPECTIVELY.sub(" ", rest).strip()
    if count > 1:
        pieces = re.split(r",?\s+and\s+|,\s+", rest)
        if len(pieces) >= count:
            return [_role(piece) for piece in [*pieces[: count - 1], " and ".join(pieces[count - 1 :])]]
    return [_role(rest)] * count


_ITALIC_LINK = re.compile(r"''\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]''")


def people_links(raw: str, links: dict[str, str]) -> dict[str, str]:
    """``links`` without the works: a link in italics (``''[[A Clockwork Orange (film)|...]]''``) names a title."""
    if "''[[" not in raw:
        return links
    works = {(match.group(2) or match.group(1)).strip() for match in _ITALIC_LINK.finditer(raw)}
    return {shown: target for shown, target in links.items() if shown not in works}
