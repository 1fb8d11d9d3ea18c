"""``{{#expr}}``: the arithmetic infoboxes write, evaluated as MediaWiki evaluates it; anything else shows nothing."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from wikifilm.markup.expr import evaluate
from wikifilm.markup.plain import plain_text


@pytest.mark.parametrize(("expression", "shown"), [
    ("123+13.3 round 0", "136"),  # The Adventures of Milo and Otis: round binds loosest
    (" 2 + 2 ", "4"),
    ("-(1+2)*3", "-9"),
    ("10 div 4", "2.5"),
    ("7 mod 3", "1"),
    ("1e3", "1000"),
    ("2.5 round 0", "3"),  # half away from zero, as PHP rounds
    ("-2.5 round 0", "-3"),
    ("1/3", "0.33333333333333"),
    ("1/0", ""),
    ("{{{1}}}+2", ""),  # an argument: not a literal expression
    ("sqrt 4", ""),
    ("2 <= 3", ""),
    ("(" * 200 + "1" + ")" * 200, ""),  # nested past what is read: nothing, never a RecursionError
    ("-" * 499 + "1", ""),
    ("1^" * 249 + "1", ""),
    ("((((1+2))))*3", "9"),
    ("", ""),
])
def test_literal_expressions(expression: str, shown: str) -> None:
    assert evaluate(expression) == shown


def test_a_sum_inside_a_money_template() -> None:
    """The Adventures of Milo and Otis's gross, as the page shows it."""
    assert plain_text("{{US$|{{#expr:123+13.3 round 0}} million|long=no}}") == "US$136 million"


_ARITHMETIC = st.recursive(
    st.integers(min_value=0, max_value=999).map(str),
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["+", "-", "*"]), inner).map(" ".join),
        inner.map(lambda text: f"({text})"),
        inner.map(lambda text: f"-{text}"),
    ),
    max_leaves=12,
)


@given(_ARITHMETIC)
def test_sums_and_products_as_arithmetic_gives_them(expression: str) -> None:
    """Integer sums and products evaluate as arithmetic does (Python's, on the same text), below 10^15
    (larger whole numbers are written with an exponent, as PHP writes them)."""
    value = eval(expression)  # the text is generated digits and operators only
    assume(abs(value) < 10**15)
    assert evaluate(expression) == str(value)


@given(st.one_of(st.text(max_size=60), st.lists(st.sampled_from(["(", ")", "-", "+", "1", "round", "^", " "]), max_size=400).map("".join)))
def test_any_text_never_raises(text: str) -> None:
    evaluate(text)
    plain_text("{{#expr:" + text.replace("}", "") + "}}")
