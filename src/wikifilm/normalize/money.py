"""Money with currency: symbols, ISO codes and currency templates; scale words; ranges; approximations.

A value that names a scale or currency but no amount (``million``, ``US$``), or that holds
nothing once refs and notes are removed, is unknown (``None``) with ``WF401``: never one million.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.nodes import InfoboxField
from wikifilm.normalize._data.lexicon import APPROXIMATE, CURRENCY_SYMBOLS, INDIAN_SCALES, SCALES
from wikifilm.record import Money
from wikifilm.span import Source, Span

_SYMBOLIC = sorted((key for key in CURRENCY_SYMBOLS if not key.isalpha() or key.isupper() or len(key) <= 3), key=len, reverse=True)
_WORDS = sorted((key for key in CURRENCY_SYMBOLS if key.isalpha() and len(key) > 3), key=len, reverse=True)
_PREFIX = "|".join(re.escape(key) for key in _SYMBOLIC)
_SUFFIX = "|".join(re.escape(key) for key in [*_WORDS, "won", "yen", "usd", "inr", "krw", "jpy", "eur", "gbp", "cny", "rmb"])
_SCALE = "|".join(sorted((re.escape(key) for key in SCALES), key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = re.compile(
    rf"(?:(?P<pre>{_PREFIX})\s?)?(?P<low>{_NUMBER})(?:\s*(?P<low_scale>{_SCALE})\b)?"
    rf"(?:\s*(?:–|—|-|to)\s*(?:(?:{_PREFIX})\s?)?(?P<high>{_NUMBER}))?"
    rf"(?:\s*(?P<scale>{_SCALE})\b)?(?:\s+(?P<post>{_SUFFIX})\b)?",
    re.IGNORECASE,
)
_BARE = re.compile(rf"(?<![\w$])(?:{_SCALE}|{_PREFIX}|{_SUFFIX})(?!\w)", re.IGNORECASE)
_SCALE_ANYWHERE = re.compile(r"million|billion|crore|lakh|thousand", re.IGNORECASE)
_APPROX = re.compile(r"(?:" + "|".join(re.escape(word) for word in APPROXIMATE) + r")\W*$", re.IGNORECASE)
_LONGEST_APPROX = max(len(word) for word in APPROXIMATE)


def _approximate_before(text: str, start: int, floor: int) -> bool:
    """Whether an approximating word (``about``, ``c.``) and then only non-word characters stand before
    ``text[start]``: ``_APPROX.search(text[:start])``, looking back no further than the word can reach.

    Searching the whole text before every amount took quadratic time on a field of many amounts.
    ``floor`` is where the previous amount ended: an amount ends in a word character, so the
    non-word run before this one starts at or after it.
    """
    run_start = start
    while run_start > floor and not (text[run_start - 1].isalnum() or text[run_start - 1] == "_"):
        run_start -= 1
    return _APPROX.search(text, max(0, run_start - _LONGEST_APPROX), start) is not None


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _currency(*candidates: str | None) -> str | None:
    for candidate in candidates:
        if candidate:
            code = CURRENCY_SYMBOLS.get(candidate.lower()) or CURRENCY_SYMBOLS.get(candidate.lower().rstrip("."))
            if code:
                return code
    return None


def _span_of(source: Source, field: InfoboxField, token: str) -> Span:
    """Where the bare scale or currency word ``token`` is written in the field: as a word of its own,
    as the plain text found it (``m`` is not the ``m`` of ``film``); the field's value when it is not."""
    written = re.compile(rf"(?<![\w$]){re.escape(token)}(?!\w)", re.IGNORECASE).search(source.text, field.value_span.start, field.value_span.end)
    return Span(written.start(), written.end()) if written else field.value_span


def parse_money(text: str) -> tuple[list[Money], str | None]:
    """Every amount in ``text``; when there is none, the scale or currency word left alone, if any."""
    found: list[Money] = []
    raw = text.strip()
    previous_end = 0
    for match in _AMOUNT.finditer(text):
        has_context = match.group("pre") or match.group("post") or match.group("scale") or match.group("low_scale")
        if not has_context and (found or re.fullmatch(r"(1[89]|20)\d\d", match.group("low"))):
            continue
        low = _decimal(match.group("low"))
        high = _decimal(match.group("high")) if match.group("high") else None
        if low is None:
            continue
        scale_word = (match.group("scale") or match.group("low_scale") or "").lower()
        scale = SCALES.get(scale_word, Decimal(1))
        low_scale = SCALES.get((match.group("low_scale") or "").lower(), scale)
        currency = _currency(match.group("pre"), match.group("post"))
        if currency is None and scale_word in INDIAN_SCALES:
            currency = "INR"
        low_amount = low * low_scale
        high_amount = high * scale if high is not None else None
        amount = (low_amount + high_amount) / 2 if high_amount is not None else low_amount
        approximate = _approximate_before(text, match.start(), previous_end) or text[match.end() : match.end() + 1] == "+"
        previous_end = match.end()
        found.append(Money(
            amount=_tidy(amount), currency=currency, raw=raw,
            low=_tidy(low_amount) if high_amount is not None else None, high=_tidy(high_amount) if high_amount is not None else None,
            approximate=approximate,
        ))
    if found:
        return found, None
    bare = _BARE.search(text) or (_SCALE_ANYWHERE.search(text) if not re.search(r"\d", text) else None)
    return [], bare.group(0) if bare else None


def _tidy(value: Decimal) -> Decimal:
    """Whole amounts without exponent or trailing zeros (``11000000``, not ``1.1E+7``)."""
    try:
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    except InvalidOperation:  # beyond the context's precision: keep it as computed
        return value


def normalize_money(source: Source, field: InfoboxField | None, name: str) -> tuple[Money | None, list[Diagnostic]]:
    """The ``budget`` or ``gross`` field as Money, or ``None`` with a diagnostic when it cannot be read."""
    if field is None:
        return None, []
    text = field.plain(source).replace("\n", " ")
    amounts, bare = parse_money(text)
    raw = field.raw(source)
    if not amounts:
        if bare is not None or not text.strip():
            token = bare or raw.strip()
            what = f"{text.strip()!r}" if text.strip() else "nothing once notes and references are removed"
            return None, [Diagnostic("WF401", f"{name} reads {what} with no amount; set to unknown", _span_of(source, field, token) if bare else field.value_span, field=name)]
        return None, [Diagnostic("WF402", f"{name} reads {text[:60]!r}, which holds no amount; set to unknown", field.value_span, field=name)]
    money = amounts[0]
    money = Money(money.amount, money.currency, text.strip(), money.low, money.high, money.approximate, field.value_span)
    diagnostics = []
    if len(amounts) > 1:
        diagnostics.append(Diagnostic("WF403", f"{name} holds {len(amounts)} amounts; the first ({text.strip()[:40]!r}) is used", field.value_span, field=name))
    if money.currency is None:
        diagnostics.append(Diagnostic("WF404", f"{name} names no currency; currency set to null", field.value_span, field=name))
    return money, diagnostics
