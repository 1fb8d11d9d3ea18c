"""``{{#expr: ...}}``, MediaWiki's arithmetic parser function, for the literal expressions infoboxes hold.

``{{US$|{{#expr:123+13.3 round 0}} million}}`` shows ``US$136 million``: a gross written as a sum.
Numbers, ``+ - * /``, ``div``, ``mod``, ``^``, ``round``, unary minus and brackets are read, with
MediaWiki's precedence (``round`` binds loosest, so ``123+13.3 round 0`` is 136); anything else
(a template argument, a comparison, a function such as ``sqrt``) makes the expression unread, and
it shows nothing, as an unknown template does. Results are written as MediaWiki writes them:
``136``, not ``136.0``.
"""

from __future__ import annotations

import math
import re

_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d*)?|\.\d+)(?:e(?P<exponent>[+-]?\d+))?|(?P<word>div|mod|round)\b|(?P<op>[-+*/^()]))",
                    re.IGNORECASE)
_LEVELS = (("round",), ("+", "-"), ("*", "/", "div", "mod"), ("^",))
"""Binary operators from the loosest to the tightest."""
_LONGEST = 500
"""Longer expressions are not read: an infobox's sum is a few characters."""
_DEEPEST = 16
"""More brackets open at once, or more signs in a row, are not read: the reader recurses once for each."""


class _UnreadError(Exception):
    """The expression holds something this reader does not evaluate."""


def evaluate(expression: str) -> str:
    """What ``{{#expr:expression}}`` shows, or ``""`` when the expression is not one this reader evaluates."""
    if len(expression) > _LONGEST:
        return ""
    try:
        tokens = _tokens(expression)
        if _too_deep(tokens):
            return ""
        value, rest = _binary(tokens, 0)
        if rest or not math.isfinite(value):
            return ""
    except (_UnreadError, ArithmeticError, ValueError, TypeError):  # division by zero, overflow, a complex power
        return ""
    return _written(value)


def _tokens(expression: str) -> list[float | str]:
    tokens: list[float | str] = []
    pos = 0
    while pos < len(expression):
        match = _TOKEN.match(expression, pos)
        if match is None:
            if expression[pos:].strip():
                raise _UnreadError
            break
        pos = match.end()
        if match.group("number") is not None:
            tokens.append(float(match.group("number")) * 10.0 ** int(match.group("exponent") or 0))
        else:
            tokens.append((match.group("word") or match.group("op")).casefold())
    return tokens


def _too_deep(tokens: list[float | str]) -> bool:
    """Whether brackets nest, signs follow one another, or powers chain (``^`` groups to the right) more than
    :data:`_DEEPEST` deep."""
    depth = signs = 0
    for token in tokens:
        depth += (token == "(") - (token == ")")
        signs = signs + 1 if token in ("-", "+") else 0
        if depth > _DEEPEST or signs > _DEEPEST:
            return True
    return tokens.count("^") > _DEEPEST


def _binary(tokens: list[float | str], level: int) -> tuple[float, list[float | str]]:
    """The value of the longest expression at the start of ``tokens`` whose operators bind at ``level`` or tighter."""
    if level == len(_LEVELS):
        return _unary(tokens)
    value, tokens = _binary(tokens, level + 1)
    while tokens and tokens[0] in _LEVELS[level]:
        operator = tokens[0]
        right, tokens = _binary(tokens[1:], level + 1) if operator != "^" else _binary(tokens[1:], level)  # ^ groups right
        value = _apply(str(operator), value, right)
    return value, tokens


def _unary(tokens: list[float | str]) -> tuple[float, list[float | str]]:
    if not tokens:
        raise _UnreadError
    first = tokens[0]
    if first in ("-", "+"):
        value, rest = _unary(tokens[1:])
        return (-value if first == "-" else value), rest
    if first == "(":
        value, rest = _binary(tokens[1:], 0)
        if not rest or rest[0] != ")":
            raise _UnreadError
        return value, rest[1:]
    if isinstance(first, float):
        return first, tokens[1:]
    raise _UnreadError


def _apply(operator: str, left: float, right: float) -> float:
    if operator == "+":
        return left + right
    if operator == "-":
        return left - right
    if operator == "*":
        return left * right
    if operator in ("/", "div"):
        return left / right
    if operator == "mod":  # PHP's %: integer operands, the sign of the left one
        return float(math.fmod(int(left), int(right)))
    if operator == "^":
        return float(left**right)
    digits = int(right)  # round: half away from zero, as PHP rounds
    scale = 10.0**digits
    return math.copysign(math.floor(abs(left) * scale + 0.5), left) / scale


def _written(value: float) -> str:
    """A number as MediaWiki writes an expression's result: whole numbers without a point."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".14G")  # PHP's precision: 1/3 is 0.33333333333333
