"""Money: templates, symbols, scales, ranges, approximations; unknown is null plus a diagnostic."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.normalize.helpers import field_of
from wikifilm.normalize import money
from wikifilm.normalize._data.lexicon import APPROXIMATE
from wikifilm.normalize.money import normalize_money, parse_money

D = Decimal


@pytest.mark.parametrize(("raw", "amount", "currency", "low", "high", "approximate"), [
    ("$12 million<ref>x</ref>", D(12_000_000), "USD", None, None, False),  # Barry Lyndon budget
    ("$140–160 million", D(150_000_000), "USD", D(140_000_000), D(160_000_000), False),  # X-Men: First Class budget
    ("$2,540,000", D(2_540_000), "USD", None, None, False),  # Seven Brides budget
    ("{{INR}}170 million", D(170_000_000), "INR", None, None, False),  # Hum Saath-Saath Hain budget
    ("{{INR|50|link=yes}}–80 [[crore]]", D(650_000_000), "INR", D(500_000_000), D(800_000_000), False),  # K.G.F budget
    ("{{estimation}} {{INR}}243–250 crore", D(2_465_000_000), "INR", D(2_430_000_000), D(2_500_000_000), True),  # K.G.F gross
    ("[[#Release|{{US$|6.1 million|long=no}}]]", D(6_100_000), "USD", None, None, False),  # Totoro gross
    ("¥500 million", D(500_000_000), "JPY", None, None, False),  # Cagliostro budget
    ("{{JPY|3.7 billion}}", D(3_700_000_000), "JPY", None, None, False),
    ("{{KRW|10.6 billion}}", D(10_600_000_000), "KRW", None, None, False),
    ("{{INRConvert|250|c}}", D(2_500_000_000), "INR", None, None, False),
    ("over $200 million", D(200_000_000), "USD", None, None, True),
    ("£3.5 million", D(3_500_000), "GBP", None, None, False),
    ("€5 million", D(5_000_000), "EUR", None, None, False),
    ("₩12 billion", D(12_000_000_000), "KRW", None, None, False),
    ("$395\nmillion", D(395_000_000), "USD", None, None, False),  # Mamma Mia! Here We Go Again gross, line-wrapped
    ("100 million won", D(100_000_000), "KRW", None, None, False),
    ("approximately $1.5 billion", D(1_500_000_000), "USD", None, None, True),
    ("50 crore", D(500_000_000), "INR", None, None, False),
])
def test_amounts(raw: str, amount: Decimal, currency: str, low: Decimal | None, high: Decimal | None, approximate: bool) -> None:
    """Amounts read as a careful human would, Decimal throughout."""
    source, field = field_of("budget", raw)
    money, diagnostics = normalize_money(source, field, "budget")
    assert money is not None
    assert (money.amount, money.currency, money.low, money.high, money.approximate) == (amount, currency, low, high, approximate)
    assert not [diagnostic for diagnostic in diagnostics if diagnostic.code.startswith("WF40") and diagnostic.code != "WF403"]


@pytest.mark.parametrize("raw", ["million", "US$", "{{US$}}", "<ref>only a ref</ref>", "billion", "$ million", "US$million"])
def test_no_amount_is_unknown_with_wf401(raw: str) -> None:
    """A scale or currency with no amount, or nothing left after cleanup, is null plus WF401, never one million."""
    source, field = field_of("gross", raw)
    money, diagnostics = normalize_money(source, field, "gross")
    assert money is None
    assert [diagnostic.code for diagnostic in diagnostics] == ["WF401"]
    assert diagnostics[0].field == "gross"


def test_prose_without_amount_is_unknown_with_wf402() -> None:
    """Words that are not money are unknown with WF402."""
    source, field = field_of("gross", "not yet released")
    money, diagnostics = normalize_money(source, field, "gross")
    assert money is None and [diagnostic.code for diagnostic in diagnostics] == ["WF402"]


def test_several_currencies_keep_the_first_with_wf403() -> None:
    """The Castle of Cagliostro: ¥600 million (Japan) <br> US$7.82 million (worldwide)."""
    source, field = field_of("gross", "{{¥|600 million}} {{small|(Japan)}}<br>{{US$|7.82 million|long=no}} {{small|(worldwide)}}")
    money, diagnostics = normalize_money(source, field, "gross")
    assert money is not None and (money.amount, money.currency) == (D(600_000_000), "JPY")
    assert [diagnostic.code for diagnostic in diagnostics] == ["WF403"]


def test_no_currency_named_is_null_currency_with_wf404() -> None:
    """'12 million' names no currency: amount kept, currency null, WF404."""
    source, field = field_of("budget", "12 million")
    money, diagnostics = normalize_money(source, field, "budget")
    assert money is not None and money.currency is None and money.amount == D(12_000_000)
    assert [diagnostic.code for diagnostic in diagnostics] == ["WF404"]


def test_huge_amounts_do_not_raise() -> None:
    """A 29-digit number (found by hypothesis) overflowed Decimal.quantize once."""
    amounts, _ = parse_money("$10000000000000000000000000000")
    assert amounts[0].amount == D("1E+28")


def test_to_dict_numbers() -> None:
    """Amounts are JSON numbers: integers when whole."""
    source, field = field_of("budget", "$10–12.5 million")
    money, _ = normalize_money(source, field, "budget")
    assert money is not None
    assert money.to_dict() == {"amount": 11250000, "currency": "USD", "low": 10000000, "high": 12500000, "approximate": False, "raw": "$10–12.5 million"}


@given(st.text(max_size=80))
def test_any_text_gives_a_value_or_a_diagnostic_and_never_raises(text: str) -> None:
    """Fed arbitrary text, money parsing returns amounts or a leftover word, never an exception."""
    parse_money(text)
    # braces, pipes, line breaks and a comment opener would end or swallow the one-field infobox itself
    source, field = field_of("gross", text.replace("{", "").replace("}", "").replace("|", "").replace("\n", " ").replace("<!--", ""))
    money, diagnostics = normalize_money(source, field, "gross")
    assert money is not None or diagnostics or not field.plain(source)


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from([("$", "USD"), ("£", "GBP"), ("€", "EUR"), ("₩", "KRW"), ("₹", "INR"), ("JP¥", "JPY")]),
       st.sampled_from([("million", 10**6), ("billion", 10**9), ("crore", 10**7), ("", 1)]))
def test_format_then_parse_round_trips(number: int, currency: tuple[str, str], scale: tuple[str, int]) -> None:
    """A formatted amount parses back to the same amount and currency."""
    text = f"{currency[0]}{number:,} {scale[0]}".strip()
    amounts, _ = parse_money(text)
    assert amounts and amounts[0].amount == D(number) * scale[1]
    assert amounts[0].currency == currency[1]


_MONEY_PIECES = st.sampled_from([
    "$", "US$", "£", "5", "12", "1,000", "3.5", " ", "  ", "million", "m", "crore", "and", " to ", "–", "-", "+", "~",
    "about", "over", "c.", "c", "est.", "up to", "less than", "(", ")", ",", ".", "!", "_", "x", "é", "1999", "usd",
])


@given(st.lists(_MONEY_PIECES, max_size=20).map("".join))
def test_approximation_read_as_the_plain_search_reads_it(text: str) -> None:
    """Each amount is approximate exactly when an approximating word and then non-word characters stand before it
    (the plain search looked at the whole text before every amount)."""
    plain = re.compile(r"(?:" + "|".join(re.escape(word) for word in APPROXIMATE) + r")\W*$", re.IGNORECASE)
    amounts, _bare = parse_money(text)
    expected = [
        bool(plain.search(text[: match.start()])) or text[match.end() : match.end() + 1] == "+"
        for match in money._AMOUNT.finditer(text)
        if (match.group("pre") or match.group("post") or match.group("scale") or match.group("low_scale"))
    ]
    if len(amounts) == len(expected):  # amounts without context count only when they come first
        assert [amount.approximate for amount in amounts] == expected


@pytest.mark.parametrize("value", ["$1 million and " * 400, "about " * 800 + "$5", "$1 " + "!" * 3000 + " 2 million", "~$5 " * 1000])
def test_many_amounts_in_one_field(value: str) -> None:
    """A field of many amounts (which took quadratic time) keeps the first, approximate only when its words say so."""
    source, field = field_of("budget", value)
    read, _diagnostics = normalize_money(source, field, "budget")
    assert read is not None
    assert read.approximate == value.startswith(("about", "~"))
    assert read.raw == value.strip()
