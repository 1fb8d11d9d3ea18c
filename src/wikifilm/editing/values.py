"""Typed values written as wikitext the way the article already writes such values.

Money keeps the article's currency form (``$12 million``, ``{{INR}}90 crore``), dates use
``{{Film date}}`` when the article does, runtimes read ``94 minutes``; a ``str`` is taken as
the wikitext to write, unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from wikifilm.editing.patch import EditError
from wikifilm.editing.style import FieldStyle
from wikifilm.record import Money, PartialDate

FieldValue = str | int | Decimal | Money | PartialDate | Sequence[str]
"""What ``set_field`` accepts: wikitext, a runtime in minutes, money, a date, or several items."""

_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "INR": "₹", "JPY": "¥", "KRW": "₩", "CNY": "CN¥", "RUB": "₽",
            "AUD": "A$", "CAD": "CA$", "HKD": "HK$"}
"""The symbol English Wikipedia writes before an amount of each currency."""
_TEMPLATE_CURRENCY = {"INR": "INR", "US$": "USD", "USD": "USD", "GBP": "GBP", "EUR": "EUR", "JPY": "JPY",
                      "KRW": "KRW", "CNY": "CNY", "AUD": "AUD", "CAD": "CAD", "HKD": "HKD"}
"""Currency templates (``{{INR}}``) to the ISO code they write."""
_LEADING_TEMPLATE = re.compile(r"^\s*\{\{\s*(?P<name>[A-Za-z$]{2,4})\s*\}\}")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_SCALES = ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
_INDIAN_SCALES = ((Decimal(10) ** 7, "crore"), (Decimal(10) ** 5, "lakh"))


def write_value(value: FieldValue, *, field: str, style: FieldStyle, article: str) -> str:
    """``value`` as the wikitext (or plain text) of infobox field ``field`` in this article."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise TypeError(f"set_field: a bool is not a value of field {field!r}")
    if isinstance(value, int):
        return f"{value} minutes" if field.lower() in ("runtime", "running time") else str(value)
    if isinstance(value, Decimal):
        return _amount(value)
    if isinstance(value, Money):
        return write_money(value, article=article, plaintext=style.plaintext)
    if isinstance(value, PartialDate):
        return write_date(value, article=article, plaintext=style.plaintext)
    if isinstance(value, Sequence) and all(isinstance(item, str) for item in value):
        if not value:
            raise EditError(f"set_field: no items given for field {field!r}; use remove_field to empty it")
        items = tuple(value)
        return ", ".join(items) if style.plaintext else style.items(items)
    raise TypeError(f"set_field: cannot write a {type(value).__name__} as field {field!r}")


def write_money(money: Money, *, article: str, plaintext: bool = False) -> str:
    """An amount with its currency, in the currency form the article's money fields use."""
    if money.amount is None:
        raise EditError("set_field: money with an unknown amount cannot be written; use remove_field")
    currency = money.currency or "USD"
    if not plaintext:
        template_name = _currency_template(article, currency)
        if template_name is not None:
            return f"{{{{{template_name}}}}}{_amount(money.amount, indian=currency == 'INR')}"
    symbol = _SYMBOLS.get(currency)
    amount = _amount(money.amount, indian=currency == "INR" and "crore" in article)
    return f"{symbol}{amount}" if symbol else f"{currency} {amount}"


def _currency_template(article: str, currency: str) -> str | None:
    """The currency template the article writes before amounts of ``currency`` (``INR``), if any."""
    for line in article.splitlines():
        key, _, value = line.partition("=")
        if key.strip(" |").lower() not in ("budget", "gross"):
            continue
        found = _LEADING_TEMPLATE.match(value)
        if found and _TEMPLATE_CURRENCY.get(found["name"].upper()) == currency:
            return found["name"]
    return None


def _amount(amount: Decimal, *, indian: bool = False) -> str:
    """``12 million``, ``1.5 billion``, ``90 crore`` or ``2,225,000``: scale words where the amount is round."""
    for scale, word in _INDIAN_SCALES if indian else _SCALES:
        if amount >= scale:
            scaled = amount / scale
            if scaled == scaled.quantize(Decimal("0.01")):
                number = format(scaled.normalize(), "f")
                return f"{number} {word}"
    whole = amount.to_integral_value()
    return f"{int(whole):,}" if whole == amount else f"{amount:,}"


def write_date(date: PartialDate, *, article: str, plaintext: bool = False) -> str:
    """``{{Film date|Y|M|D}}`` where the article uses Film date, ``{{Start date}}`` where it uses
    that, else the date in words (ISO in the plain-text rendering, which writes dates that way)."""
    if plaintext:
        return date.iso()
    parts = [str(date.year)] + [str(part) for part in (date.month, date.day) if part is not None]
    for template in ("Film date", "Start date"):
        found = re.search(r"\{\{\s*" + template + r"\s*\|(?P<df>\s*df\s*=\s*\w+\s*\|)?", article, re.IGNORECASE)
        if found:
            df = f"df={found['df'].split('=', 1)[1].strip(' |')}|" if found["df"] else ""
            return "{{" + template + "|" + df + "|".join(parts) + "}}"
    if date.month is None:
        return str(date.year)
    month = _MONTHS[date.month - 1]
    return f"{month} {date.day}, {date.year}" if date.day is not None else f"{month} {date.year}"
