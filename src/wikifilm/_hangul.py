"""Romanization options for Hangul jamo and irregular surname spellings.

Each jamo lists the spellings found in Revised Romanization, McCune-Reischauer without
diacritics (``ŏ`` as ``o``, ``ŭ`` as ``u``) and common informal usage (``oo`` for ``ㅜ``,
``ee`` for ``ㅣ``, ``u`` for ``ㅓ`` as in Sung/Jung/Hyun).
"""

from __future__ import annotations

INITIALS: tuple[tuple[str, ...], ...] = (
    ("g", "k"), ("kk", "gg"), ("n",), ("d", "t"), ("tt", "dd"), ("r", "l"), ("m",), ("b", "p"),
    ("pp", "bb"), ("s", "sh"), ("ss", "s"), ("",), ("j", "ch"), ("jj", "tch"), ("ch",), ("k", "kh"),
    ("t", "th"), ("p", "ph"), ("h",),
)
"""Options per initial consonant, in Unicode order (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ)."""

MEDIALS: tuple[tuple[str, ...], ...] = (
    ("a", "ah"), ("ae", "ai"), ("ya",), ("yae",), ("eo", "o", "u"), ("e",), ("yeo", "yo", "yu"),
    ("ye",), ("o", "oh"), ("wa",), ("wae",), ("oe", "oi", "we"), ("yo",), ("u", "oo"), ("wo", "weo"),
    ("we",), ("wi", "wee"), ("yu", "yoo"), ("eu", "u"), ("ui", "eui", "ee"), ("i", "ee"),
)
"""Options per vowel, in Unicode order (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ)."""

FINALS: dict[int, tuple[str, ...]] = {
    0: ("",), 1: ("k", "g"), 4: ("n",), 7: ("t", "d"), 8: ("l", "r"), 16: ("m",), 17: ("p", "b"),
    19: ("t", "s"), 21: ("ng",),
}
"""Options per final consonant index (only the finals that occur in names)."""

IRREGULAR_SURNAMES: dict[str, tuple[str, ...]] = {
    "이": ("lee", "yi", "rhee", "ri", "li", "i", "rhie", "yee", "ree", "lie"),
    "박": ("park", "pahk", "bahk"),
    "안": ("ahn",),
    "노": ("noh", "roh", "rho", "ro"),
    "손": ("sohn",),
    "서": ("suh", "sur"),
    "엄": ("uhm", "ohm"),
    "임": ("lim", "rim", "yim", "leem", "im"),
    "유": ("ryu", "rhyu", "ryoo", "you", "yu", "yoo"),
    "류": ("yu", "yoo"),
    "허": ("hur", "huh", "her"),
    "조": ("zo", "joe", "chough"),
    "최": ("choy", "chey"),
    "정": ("chung", "cheung", "joung"),
    "신": ("sheen",),
    "오": ("oh",),
    "우": ("woo",),
    "원": ("won",),
    "배": ("pai",),
    "나": ("ra",),
    "양": ("ryang",),
}
"""Surname spellings the jamo tables do not produce (Lee for 이, Park for 박...)."""

SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민나진지엄채원천방공현함변염여추도"
    "소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부피두감음빈동온호범좌팽승간상갈"
)
"""Hangul of Korean family names (the common ones and most rare ones); a name is read as Korean only
when its family name spells one of these."""

COMPOUND_SURNAMES = {"남궁": ("namgoong", "namgung"), "황보": ("hwangbo",), "제갈": ("jegal", "chegal"),
                     "선우": ("sunwoo", "seonu", "sonu"), "독고": ("dokgo", "tokko"), "사공": ("sagong", "sakong")}
"""Two-syllable family names and their spellings."""
