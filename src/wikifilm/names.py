"""Whether two written names can be spellings of one person's name.

Precision first: a false merge (two people made one) is worse than a missed one.
Names match when, after folding case, diacritics, hyphens and spaces, they are equal; when
they are Korean names whose syllables can spell the same Hangul (``Kang-hee`` / ``Gang-hee``
through 강, family name first or last); or when they differ by a known transliteration
ending (``Rachmaninoff`` / ``Rachmaninov``) or a looser Russian transliteration (``Yevgeny`` /
``Evgeni``, ``Fiodor`` / ``Fyodor``); when they are Chinese names whose syllables can be one
pinyin (``Chang Yi-mou`` in Wade–Giles / ``Zhang Yimou``, either order); or Japanese names in
either order (``Miyazaki Hayao`` / ``Hayao Miyazaki``). Informal Korean spellings count
(``Xa``/``Sa``, ``Hyoung``/``Hyeong``, ``Yoo``/``Yu``). Generational suffixes must agree
(``Johann Strauss II`` is not ``Johann Strauss I``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import product

import attrs

from wikifilm._hangul import COMPOUND_SURNAMES, FINALS, INITIALS, IRREGULAR_SURNAMES, MEDIALS, SURNAMES
from wikifilm._romanization import ChineseReading, chinese_readings, cyrillic_key, japanese_order_key
from wikifilm._slots_init import slots_init
from wikifilm.caches import cached

_SUFFIXES = frozenset({"i", "ii", "iii", "iv", "v", "vi", "jr", "sr", "jnr", "snr"})
_HANGUL_START, _HANGUL_END = 0xAC00, 0xD7A3
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_NON_WORD = re.compile(r"[^\w\s-]")


def fold(name: str) -> str:
    """Case, diacritics and punctuation folded; hyphens kept, spaces collapsed."""
    if name.isascii():  # the only ASCII dash is '-' itself; letters, digits, spaces and hyphens stay
        stripped = name.replace(".", " ").casefold()
        if not stripped.replace(" ", "").replace("-", "").isalnum():
            stripped = _NON_WORD.sub("", stripped)
        return " ".join(stripped.split())
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = _DASHES.sub("-", "".join(char for char in decomposed if not unicodedata.combining(char)))
    stripped = _NON_WORD.sub("", stripped.replace(".", " ").casefold())
    return " ".join(stripped.split())


def _compact(folded: str) -> str:
    return folded.replace("-", "").replace(" ", "")


@functools.lru_cache(maxsize=1)
def _syllable_table() -> dict[str, frozenset[int]]:
    """Every spelling of every Hangul syllable whose final occurs in names, to the syllables it spells."""
    table: dict[str, set[int]] = {}
    for initial, medial, (final, finals) in product(range(19), range(21), FINALS.items()):
        code = _HANGUL_START + (initial * 21 + medial) * 28 + final
        for parts in product(_initial_options(initial), _medial_options(initial, medial), finals):
            table.setdefault("".join(parts), set()).add(code)
    return {key: frozenset(value) for key, value in table.items()}


def _initial_options(initial: int) -> tuple[str, ...]:
    if initial == 9:  # ㅅ written "x" informally: Hong Xa-bin is Hong Sa-bin
        return (*INITIALS[initial], "x")
    return INITIALS[initial]


_INFORMAL_MEDIALS = {4: ("ou",), 6: ("you",)}
"""ㅓ written "ou" and ㅕ written "you" (``Hyoung`` for ``Hyeong``); ㅠ as "yoo" is in the table already."""


def _medial_options(initial: int, medial: int) -> tuple[str, ...]:
    options = MEDIALS[medial] + _INFORMAL_MEDIALS.get(medial, ())
    if initial == 11 and medial == 13:  # 우 is often written "woo"
        return (*options, "woo", "wu")
    return options


@functools.lru_cache(maxsize=1)
def _surname_table() -> dict[str, frozenset[int]]:
    """Every spelling of a Korean family name to the family names it can stand for: regular
    syllable spellings of the common surnames, irregular ones (``Lee``, ``Park``) and compounds."""
    table: dict[str, set[int]] = {}
    for spelling, codes in _syllable_table().items():
        surnames = codes & _SURNAME_CODES
        if surnames:
            table.setdefault(spelling, set()).update(surnames)
    for hangul, spellings in IRREGULAR_SURNAMES.items():
        for spelling in spellings:
            table.setdefault(spelling, set()).add(ord(hangul))
    for compound, spellings in COMPOUND_SURNAMES.items():
        for spelling in spellings:  # a compound surname is keyed by its first syllable's code plus a marker
            table.setdefault(spelling, set()).add(-ord(compound[0]) - ord(compound[1]) * 0x10000)
    return {key: frozenset(value) for key, value in table.items()}


def _syllables(text: str) -> frozenset[int]:
    if len(text) == 1 and _HANGUL_START <= ord(text) <= _HANGUL_END:
        return frozenset({ord(text)})
    return _syllable_table().get(text, _NONE)


_NONE: frozenset[int] = frozenset()
_SURNAME_CODES = frozenset(ord(char) for char in SURNAMES)


def _surname(text: str) -> frozenset[int]:
    """Hangul family names a spelling can stand for (empty when it is no Korean family name)."""
    if len(text) == 1 and ord(text) in _SURNAME_CODES:
        return frozenset({ord(text)})
    return _surname_table().get(text, _NONE)


def _given_name(token: str) -> tuple[frozenset[int], ...] | None:
    """Syllable candidates of a given name: ``kang-hee``, or ``kanghee`` when it splits one way only."""
    if "-" in token:
        parts = [part for part in token.split("-") if part]
        candidates = tuple(_syllables(part) for part in parts)
        return candidates if parts and all(candidates) else None
    if all(_HANGUL_START <= ord(char) <= _HANGUL_END for char in token):
        return tuple(frozenset({ord(char)}) for char in token) or None
    splits = _segmentations(token)
    return splits[0] if len(splits) == 1 else None


@cached(maxsize=65536)
def _segmentations(token: str, limit: int = 3) -> tuple[tuple[frozenset[int], ...], ...]:
    """Up to four ways to spell ``token`` with at most ``limit`` syllables. Cached: the search
    meets the same endings by several paths, and a Western given name behind a surname-like
    token (``Joe Hisaishi``) took 40 us without it."""
    if not token:
        return ((),)
    if limit == 0:
        return ()
    out: list[tuple[frozenset[int], ...]] = []
    for cut in range(1, min(len(token), 6) + 1):
        head = _syllables(token[:cut])
        if head:
            out.extend((head, *rest) for rest in _segmentations(token[cut:], limit - 1))
    return tuple(out[:4])


def _korean_parts(tokens: list[str]) -> list[tuple[frozenset[int], tuple[frozenset[int], ...]]]:
    """Readings of a name as (surname, given-name syllables), family name first or last."""
    readings: list[tuple[frozenset[int], tuple[frozenset[int], ...]]] = []
    if not 2 <= len(tokens) <= 3 or not (_surname(tokens[0]) or _surname(tokens[-1])):
        return readings  # a Korean reading puts a family name first or last
    if len(tokens) == 2:
        for surname, given in ((tokens[0], tokens[1]), (tokens[1], tokens[0])):
            family = _surname(surname)
            syllables = _given_name(given) if family and len(given) <= 12 else None
            if family and syllables and 1 <= len(syllables) <= 3:
                readings.append((family, syllables))
    if len(tokens) == 3 and all("-" not in token for token in tokens):
        for surname, given_tokens in ((tokens[0], tokens[1:]), (tokens[2], tokens[:2])):
            family = _surname(surname)
            parts = tuple(_syllables(part) for part in given_tokens) if family else ()
            if family and parts and all(parts):
                readings.append((family, parts))
    return readings


_OFF_OW = re.compile(r"(?:off|ow)\b")
_Y_ENDING = re.compile(r"(?<=[a-z])(?:y|ij|ii)\b")
_TCH = re.compile(r"\btch")
_I_ENDINGS = ("y", "ij", "ii")
_DOUBLE_CONSONANTS = tuple(letter * 2 for letter in "bcdfgklmnprstvz")
"""Doubled consonants: fifteen substring tests cost less than one pattern search on a name."""


def _transliteration(tokens: list[str]) -> tuple[str, ...]:
    """``tokens`` (folded word characters and hyphens) without hyphens and with transliteration
    endings folded, in order: final ``off``/``ow`` to ``ov``, final ``y``/``ij``/``ii`` after a
    letter to ``i``, initial ``tch`` to ``ch``, ``kh`` to ``ch``, doubled consonants to one.
    The rules run once over the tokens joined by spaces: no rule reaches across a space."""
    if not tokens:
        return ()
    text = " ".join(tokens).replace("-", "")
    if "off" in text or "ow" in text:
        text = _OFF_OW.sub("ov", text)
    if text.endswith(_I_ENDINGS) or "y " in text or "ij " in text or "ii " in text:
        text = _Y_ENDING.sub("i", text)
    if "tch" in text:
        text = _TCH.sub("ch", text)
    if "kh" in text:
        text = text.replace("kh", "ch")
    for double in _DOUBLE_CONSONANTS:  # replacing never makes a new double
        if double in text:
            text = text.replace(double, double[0])
    return tuple(text.split(" "))


def _split_suffix(tokens: list[str]) -> tuple[list[str], str]:
    if len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        return tokens[:-1], tokens[-1]
    return tokens, ""


Reading = tuple[frozenset[int], tuple[frozenset[int], ...]]


@slots_init
@attrs.frozen
class NameKey:
    """What matching needs to know about one written name.

    The folded forms are computed at once; the Chinese, Japanese and Russian readings only
    when asked for (record assembly needs them for no name that lacks a Korean reading, and
    computing them took two thirds of the key's time)."""

    compact: str
    """Folded, without hyphens and spaces; empty for an empty name."""
    suffix: str
    """Generational suffix (``ii``, ``jr``) or empty."""
    transliteration: tuple[str, ...]
    """Tokens with transliteration endings folded."""
    korean: tuple[Reading, ...]
    """Readings as a Korean name (surname, given-name syllables)."""
    tokens: tuple[str, ...] = ()
    """The folded tokens, suffix left out: what the other readings are computed from."""

    @property
    def chinese(self) -> tuple[ChineseReading, ...]:
        """Readings as a Chinese name (family name, given-name pinyin syllables)."""
        return _chinese(self.tokens)

    @property
    def japanese(self) -> str | None:
        """Both tokens of a Japanese name, sorted, long vowels folded."""
        return _japanese(self.tokens)

    @property
    def cyrillic(self) -> str:
        """The transliteration loosened by the Russian rules."""
        joined = " ".join(self.transliteration)
        return _cyrillic(joined) or joined


@cached(maxsize=65536)
def _chinese(tokens: tuple[str, ...]) -> tuple[ChineseReading, ...]:
    return chinese_readings(list(tokens))


@cached(maxsize=65536)
def _japanese(tokens: tuple[str, ...]) -> str | None:
    return japanese_order_key(list(tokens))


@cached(maxsize=65536)
def _cyrillic(joined: str) -> str | None:
    return cyrillic_key(joined)


@cached(maxsize=65536)
def name_key(name: str) -> NameKey:
    """The matching key of a name (cached: people lists repeat names)."""
    folded = fold(name)
    tokens, suffix = _split_suffix(folded.split())
    return NameKey(
        compact=_compact(" ".join(tokens)),
        suffix=suffix,
        transliteration=_transliteration(tokens),
        korean=tuple(_korean_parts(tokens)),
        tokens=tuple(tokens),
    )


def keys_match(a: NameKey, b: NameKey) -> bool:
    """Whether two analysed names can be one person's (see :func:`is_variant`)."""
    if not a.compact or not b.compact or a.suffix != b.suffix:
        return False
    if a.compact == b.compact or a.transliteration == b.transliteration or a.cyrillic == b.cyrillic:
        return True
    if a.japanese is not None and a.japanese == b.japanese:
        return True
    if any(
        family_a & family_b and len(given_a) == len(given_b) and all(x & y for x, y in zip(given_a, given_b, strict=True))
        for family_a, given_a in a.chinese
        for family_b, given_b in b.chinese
    ):
        return True
    return any(
        family_a & family_b and len(given_a) == len(given_b) and all(x & y for x, y in zip(given_a, given_b, strict=True))
        for family_a, given_a in a.korean
        for family_b, given_b in b.korean
    )


def is_variant(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` can be spellings of one person's name (precision first)."""
    return keys_match(name_key(a), name_key(b))


def match_keys(name: str) -> frozenset[str]:
    """Blocking keys of a name: two names that :func:`is_variant` matches always share one.

    The graph joins unlinked mentions to people over a whole dump by these keys (a database
    join), then confirms each candidate pair with :func:`is_variant`.
    """
    key = name_key(name)
    if not key.compact:
        return frozenset()
    keys = {f"c:{key.suffix}:{key.compact}", f"t:{key.suffix}:{' '.join(key.transliteration)}", f"r:{key.suffix}:{key.cyrillic}"}
    if key.japanese is not None:
        keys.add(f"j:{key.suffix}:{key.japanese}")
    for family, given in key.korean:  # a match needs a common family syllable and a common first given syllable
        keys.update(f"k:{key.suffix}:{code}:{first}" for code in family for first in given[0])
    for chinese_family, chinese_given in key.chinese:
        keys.update(f"z:{key.suffix}:{syllable}:{first}" for syllable in chinese_family for first in chinese_given[0])
    return frozenset(keys)
