"""Romanizations of Chinese (pinyin, Wade–Giles), Japanese (Hepburn) and Russian names, for the name model.

Each function turns folded tokens (lower case, no diacritics, hyphens kept) into a form two
spellings of one name share: pinyin syllable candidates for a Chinese name, sorted tokens with
long vowels folded for a Japanese name, a looser transliteration for a Russian one.
"""

from __future__ import annotations

import functools
import re
from itertools import product

from wikifilm.caches import cached

_PINYIN_INITIALS = ("", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w")
_PINYIN_FINALS = (
    "a", "o", "e", "i", "u", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "ia", "ie", "iao", "iu",
    "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ue",
)


@functools.lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Pinyin syllables (tone marks and ü folded away); a superset is fine, segmentation must be unique."""
    out = {initial + final for initial, final in product(_PINYIN_INITIALS, _PINYIN_FINALS)}
    out -= {initial + "er" for initial in _PINYIN_INITIALS if initial}
    return frozenset(out)


_SURNAME_TEXT = (
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang han "
    "feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin fu zhong "
    "tan gu hou shao meng long wan duan qian yin yi shi bai kong mao qiu qin jia xia fang zou xiong jiao dai mo"
)
CHINESE_SURNAMES = frozenset(_SURNAME_TEXT.split(" "))
"""Common Chinese family names in pinyin (a Wade–Giles spelling is converted before the test)."""

# Wade–Giles initials (apostrophes of aspiration are lost in folding) to pinyin initials
_WG_INITIALS = (
    ("hs", ("x",)), ("ch", ("zh", "ch", "j", "q")), ("ts", ("z", "c")), ("tz", ("z", "c")), ("ss", ("s",)),
    ("sh", ("sh",)), ("k", ("g", "k")), ("t", ("d", "t")), ("p", ("b", "p")), ("j", ("r",)),
)
_WG_FINALS = (("ieh", "ie"), ("ien", "ian"), ("ih", "i"), ("ung", "ong"), ("uei", "ui"), ("erh", "er"), ("ueh", "ue"))


@cached(maxsize=65536)
def chinese_syllable(text: str) -> frozenset[str]:
    """Pinyin syllables a written Chinese syllable can stand for (pinyin as is, or Wade–Giles converted)."""
    valid = pinyin_syllables()
    out = {text} if text in valid else set()
    initial, rest = "", text
    for spelling, pinyin in _WG_INITIALS:
        if text.startswith(spelling):
            initial, rest = spelling, text[len(spelling):]
            options: tuple[str, ...] = pinyin
            break
    else:
        options = (text[:1],) if text[:1] and text[:1] not in "aeiou" else ("",)
        rest = text[len(options[0]):]
    for old, new in _WG_FINALS:
        if rest.endswith(old):
            rest = rest[: -len(old)] + new
            break
    if initial in ("tz", "ts", "ss") and rest == "u":  # tzu, ssu: the apical vowel
        rest = "i"
    if rest == "o" and options[0] in ("g", "k", "h", ""):  # ko, ho: e
        rest = "e"
    if not initial and text == "yu":
        out.add("you")
    out.update(option + rest for option in options if option + rest in valid)
    return frozenset(out)


@cached(maxsize=65536)
def chinese_given(token: str) -> tuple[frozenset[str], ...] | None:
    """Syllable candidates of a given name: ``yi-mou`` (Wade–Giles), or ``yimou`` when it splits one way only."""
    if "-" in token:
        parts = [chinese_syllable(part) for part in token.split("-") if part]
        return tuple(parts) if parts and all(parts) and len(parts) <= 2 else None
    valid = pinyin_syllables()
    splits = [(token[:cut], token[cut:]) for cut in range(1, len(token)) if token[:cut] in valid and token[cut:] in valid]
    if token in valid:
        splits.append((token, ""))
    if len(splits) != 1:
        return None
    return tuple(chinese_syllable(part) for part in splits[0] if part)


ChineseReading = tuple[frozenset[str], tuple[frozenset[str], ...]]


def chinese_readings(tokens: list[str]) -> tuple[ChineseReading, ...]:
    """Readings of a two-token name as (family name, given-name syllables), family name first or last."""
    if len(tokens) != 2:
        return ()
    readings: list[ChineseReading] = []
    for family_token, given_token in ((tokens[0], tokens[1]), (tokens[1], tokens[0])):
        family = chinese_syllable(family_token) & CHINESE_SURNAMES if "-" not in family_token else frozenset()
        given = chinese_given(given_token) if family else None
        if family and given:
            readings.append((family, given))
    return tuple(readings)


_MORA = re.compile(r"(?:(?:ky|gy|sh|ch|ny|hy|by|py|my|ry|ts|[kgsztdnhbpmyrwfj])?[aiueo]|n)+")
"""A word made of Hepburn morae only (``hayao``, ``miyazaki``; not ``elton``)."""
_LONG_VOWELS = re.compile(r"ou|oo|oh(?![aiueo])|uu")


def japanese_order_key(tokens: list[str]) -> str | None:
    """Two Hepburn tokens sorted, long vowels folded (``Ōizumi``/``Ooizumi``/``Ohizumi``): the key under which
    ``Miyazaki Hayao`` and ``Hayao Miyazaki`` meet; ``None`` unless both tokens read as Japanese."""
    if len(tokens) != 2 or not all(len(token) >= 2 and _MORA.fullmatch(token) for token in tokens):
        return None
    folded = sorted(_LONG_VOWELS.sub(lambda match: match.group(0)[0], token) for token in tokens)
    return " ".join(folded)


_CYRILLIC_RULES = (
    (re.compile(r"(?<=[a-z])(?:iy|yi|ij|ii|y)\b"), "i"),  # Dmitriy, Dmitrij, Dmitrii, Dmitry: Dmitri
    (re.compile(r"ks(?=[aeiouy])"), "x"),  # Aleksandr: Alexandr
    (re.compile(r"\b[yj]e(?=[^aeiouy\s])"), "e"),  # Yevgeny, Jevgenij: Evgeni
    (re.compile(r"(?<=[^aeiouy\s])[ij]o"), "yo"),  # Fiodor, Fjodor: Fyodor
    (re.compile(r"\bj(?=[aou])"), "y"),  # Jurij, Jakov: Yuri, Yakov
    (re.compile(r"shch|sch"), "shch"),  # Khrushchev / Chruschtschow
    (re.compile(r"tz"), "ts"),
)


def cyrillic_key(text: str) -> str | None:
    """A looser transliteration of a Russian name (tokens joined by spaces); ``None`` when no rule changes it."""
    out = text
    for pattern, replacement in _CYRILLIC_RULES:
        out = pattern.sub(replacement, out)
    return out if out != text else None
