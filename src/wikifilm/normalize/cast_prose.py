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
    r"|reprises?\s(?:his|her|their)\sroles?\sas|(?:also\s)?(?:played|portrayed)(?!\s(?:no|none)\b)(?=[^.;]*\bin\s(?:this|the)\sfilm\b))(?![\w-])"
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


def _names(links: dict[str, str], known: dict[str, str]) -> str:
    """An alternation of the linked names (longest first), the unlinked-name pattern and the
    surnames of people linked nearby (``Reitman cameos as ...`` after ``[[Ivan Reitman]]``)."""
    linked = sorted((text for text in links if text[:1].isupper() and not any(char.isdigit() for char in text)), key=len, reverse=True)
    return "|".join([*(re.escape(text) for text in linked), _UNLINKED, *(rf"{re.escape(word)}(?![\w'’])" for word in surnames(known))])


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


def iter_prose_cast(text: str, links: dict[str, str], known: dict[str, str] | None = None) -> Iterator[tuple[list[str], str | None]]:
    """``(actors, role)`` for each clause of ``text`` (plain, single-spaced) that casts someone.

    ``links`` are the people linked in ``text`` (shown text to page; works left out), ``known``
    those linked anywhere nearby, whose surnames may stand alone."""
    if not text.strip():
        return
    known = {**links, **(known or {})}
    name = _names(links, known)
    subjects = rf"(?P<subjects>(?:{name})(?:(?:[,;]\s|[,;]?\sand\s)(?:{name}))*)"
    active = re.compile(rf"{_LEAD}{subjects}{_AFTER_NAME}{_VERB}(?=(?P<rest>[^.;]*))")
    passive = re.compile(rf"(?P<role>[^.;:()]{{2,80}}?)\s(?:is|are)\s(?:played|portrayed|voiced)\sby\s(?P<subjects>{name})")
    voiced = re.compile(rf"\((?:voiced|played|portrayed|sung)\sby\s(?P<subjects>{name})\)")
    bracketed = re.compile(rf"(?P<role>(?:[A-Z][\w.'’-]*\s){{0,3}}[A-Z][\w.'’-]*)\s\((?P<subjects>{'|'.join(re.escape(t) for t in links) or '(?!)'})\)")
    featured = re.compile(rf"(?P<subjects>{'|'.join(re.escape(t) for t in sorted(links, key=len, reverse=True) if t[:1].isupper()) or '(?!)'})\sas\s(?=(?P<rest>[^.;]*))")
    found: list[tuple[int, str, str | None]] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], pairs: list[tuple[str, str | None]]) -> None:
        begin, end = match.span("subjects")
        if any(start < end and begin < stop for start, stop in taken):
            return  # a name already read by an earlier pattern
        taken.append((begin, end))
        found.extend((begin, actor, role) for actor, role in pairs)

    for match in active.finditer(text):
        actors = _split_subjects(match.group("subjects"), name, links)
        verb = match.group("verb")
        casts_as = verb.endswith("as") or verb.split()[0] in {"play", "plays", "portray", "portrays", "voice", "voices"} or "voice" in verb
        rest = match.group("rest")
        if not casts_as and (named := _ROLE_OF.search(rest)) is not None:
            casts_as, rest = True, named.group(1)  # 'appears ... in the non-speaking role of the man asleep'
        roles = _respective(rest, len(actors)) if casts_as else [None] * len(actors)
        add(match, list(zip(actors, roles, strict=True)))
    for match in featured.finditer(text):
        add(match, [(match.group("subjects"), _role(match.group("rest")))])
    for pattern in (passive, bracketed):
        for match in pattern.finditer(text):
            add(match, [(match.group("subjects"), match.group("role").strip(" ,") or None)])
    for match in voiced.finditer(text):
        earlier = [role for start, _actor, role in found if start < match.start()]
        add(match, [(match.group("subjects"), earlier[-1] if earlier else None)])
    for _start, actor, role in sorted(found, key=lambda item: item[0]):
        yield [full_name(actor, links, known)], role


def _split_subjects(subjects: str, name: str, links: dict[str, str]) -> list[str]:
    """The names of a subject; a linked name inside unlinked words is the name (``Director [[Hal Needham]]``)."""
    out = []
    for piece in re.findall(name, subjects):
        if piece not in links:
            piece = next((text for text in sorted(links, key=len, reverse=True) if text in piece and text[:1].isupper()), piece)
        out.append(piece)
    return out


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
