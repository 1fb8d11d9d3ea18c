"""The text a reader sees for text-bearing templates (``{{nowrap}}``, ``{{lang}}``, money, dates...).

One table serves both plain-text paths: the mwparserfromhell path hands it parsed templates, the
regex fast path hands it parameters split by our own scanner. Parameters are rendered to plain
text only when a renderer asks for them, so a template's unused parameters cost nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from wikifilm.markup.expr import evaluate

ValueT = TypeVar("ValueT")

LIST_TEMPLATES = frozenset(
    name.casefold()
    for name in (
        "Plainlist", "Plain list", "Ubl", "Unbulleted list", "Ublist", "Unbulleted", "Hlist",
        "Flatlist", "Flat list", "Bulleted list", "Bulletedlist", "Collapsible list", "Endplainlist",
        "Startplainlist", "Unordered list", "Ordered list", "Br separated entries", "Bulleted",
    )
)
"""Templates whose parameters (or whose bulleted content) are list items."""
REGION_LIST_TEMPLATES = frozenset(name.casefold() for name in ("English anime licensor", "English manga publisher"))
"""Templates naming companies by region (``{{English anime licensor|NA=[[GKIDS]]}}``): every parameter, named
by its region, is a list of items, as a list template's are."""


class Arguments(Generic[ValueT]):
    """A template's parameters as ``(name, showkey, value)``, rendered to plain text on demand.

    Positional parameters are named ``"1"``, ``"2"``... by their rank among positional ones,
    as mwparserfromhell and MediaWiki number them.
    """

    __slots__ = ("_params", "_render")

    def __init__(self, params: Sequence[tuple[str, bool, ValueT]], render: Callable[[ValueT], str]) -> None:
        self._params = params
        self._render = render

    def positional(self) -> list[str]:
        """Plain text of the positional parameters, stripped, in order."""
        return [self._render(value).strip() for _name, showkey, value in self._params if not showkey]

    def values(self) -> list[str]:
        """Plain text of every parameter, positional and named, stripped, in order."""
        return [self._render(value).strip() for _name, _showkey, value in self._params]

    def nth(self, index: int) -> str:
        """Plain text of the first parameter named ``index`` (positional or ``1=``), else ``""``."""
        wanted = str(index)
        for name, _showkey, value in self._params:
            if name == wanted:
                return self._render(value).strip()
        return ""

    def named(self, *names: str) -> str | None:
        """Plain text of the last parameter named the first of ``names`` the template has, else ``None``."""
        for wanted in names:
            for name, _showkey, value in reversed(self._params):
                if name == wanted:
                    return self._render(value).strip()
        return None


Renderer = Callable[[Arguments[Any]], str]
"""Renders one template from its arguments."""


def _join_nonempty(parts: Sequence[str], sep: str) -> str:
    return sep.join(part for part in parts if part)


def _date_parts(parts: Sequence[str]) -> str:
    """``(year, month, day)`` texts as ``YYYY[-MM[-DD]]``; ``""`` when the year is not a number."""
    year, month, day = [*parts, "", "", ""][:3]
    if not year.isdigit():
        return ""
    out = year
    if month.isdigit() and 1 <= int(month) <= 12:
        out += f"-{int(month):02d}"
        if day.isdigit() and 1 <= int(day) <= 31:
            out += f"-{int(day):02d}"
    return out


def _film_date(args: Arguments[ValueT]) -> str:
    """``{{Film date|1997|1|17|[[Spain]]|...}}`` as ``1997-01-17 (Spain)`` lines."""
    values = args.positional()
    lines, index = [], 0
    while index < len(values):
        date = _date_parts(values[index : index + 3])
        if not date:
            break
        place = values[index + 3] if index + 3 < len(values) else ""
        lines.append(date + (f" ({place})" if place else ""))
        index += 4
    return "\n".join(lines)


_CURRENCY_TEMPLATES = {
    "us$": "US$", "usd": "US$", "us dollar": "US$", "gbp": "£", "£": "£", "eur": "€", "€": "€",
    "jpy": "JP¥", "yen": "JP¥", "¥": "JP¥", "jp¥": "JP¥", "krw": "₩", "₩": "₩", "inr": "₹", "₹": "₹", "cny": "CN¥", "rmb": "CN¥",
    "aud": "A$", "a$": "A$", "cad": "CA$", "ca$": "CA$", "hkd": "HK$", "hk$": "HK$", "nzd": "NZ$",
    "rub": "₽", "bdt": "৳", "pkr": "Rs", "lkr": "Rs", "npr": "Rs", "php": "₱", "thb": "฿", "chf": "CHF",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "brl": "R$", "mxn": "MX$", "twd": "NT$", "sgd": "S$",
    "idr": "Rp", "myr": "RM", "zar": "R", "try": "₺", "irr": "IRR", "egp": "E£", "ngn": "₦",
    "frf": "F", "dem": "DM", "itl": "₤", "esp": "₧",
}
"""Currency templates (casefolded name) and the symbol their amount is shown with."""
_INR_SCALES = {"c": "crore", "crore": "crore", "l": "lakh", "lakh": "lakh", "k": "thousand",
               "m": "million", "b": "billion", "t": "trillion", "": ""}


def _inr_convert(args: Arguments[ValueT]) -> str:
    values = args.positional()
    if not values:
        return "₹"
    scale = _INR_SCALES.get(values[1].lower() if len(values) > 1 else "", "")
    return _join_nonempty([f"₹{values[0]}", scale], " ")


def _runtime(args: Arguments[ValueT]) -> str:
    values = [value for value in args.positional() if value]
    if len(values) >= 2 and values[0].isdigit() and values[1].isdigit():
        return f"{int(values[0]) * 60 + int(values[1])} minutes"
    return f"{values[0]} minutes" if values else ""


def _based_on(args: Arguments[ValueT]) -> str:
    values = [value for value in args.positional() if value]
    if not values:
        return ""
    return values[0] + (" by " + " and ".join(values[1:]) if len(values) > 1 else "")


def _first(args: Arguments[ValueT]) -> str:
    return args.nth(1)


def _second(args: Arguments[ValueT]) -> str:
    return args.nth(2) or args.nth(1)


def _last(args: Arguments[ValueT]) -> str:
    values = args.positional()
    return values[-1] if values else ""


def _first_two(args: Arguments[ValueT]) -> str:
    return _join_nonempty(args.positional()[:2], " ")


def _all_lines(args: Arguments[ValueT]) -> str:
    return "\n".join(args.positional())


def _all_values(args: Arguments[ValueT]) -> str:
    return "\n".join(value for value in args.values() if value)


def _start_date(args: Arguments[ValueT]) -> str:
    return _date_parts(args.positional()[:3])


def _concatenated(args: Arguments[ValueT]) -> str:
    return "".join(args.positional())


def _const(text: str) -> Renderer:
    return lambda _args: text


def _currency(symbol: str) -> Renderer:
    def render(args: Arguments[Any]) -> str:
        values = args.positional()
        return f"{symbol}{values[0]}" if values else symbol

    return render


_TEMPLATE_TEXT: dict[str, Renderer] = {
    "nowrap": _first, "nobr": _first, "no wrap": _first, "small": _first, "smaller": _first,
    "big": _first, "larger": _first, "resize": _last, "em": _first, "strong": _first,
    "lang": _second, "langx": _second, "transl": _last, "transliteration": _last, "nihongo": _first,
    "nihongo2": _first, "ill": _first, "interlanguage link": _first, "illm": _first, "interlanguage link multi": _first, "link-interwiki": _first, "sortname": _first_two,
    "sort": _second, "abbr": _first, "tooltip": _first, "center": _first, "nowrap begin": _const(""),
    "film date": _film_date, "start date": _start_date, "start date and age": _start_date,
    "release date": _start_date, "filmdate": _film_date,
    "runtime": _runtime, "based on": _based_on, "inrconvert": _inr_convert, "inr convert": _inr_convert,
    "won": _const("Won"), "nom": _const("Nominated"), "nominated": _const("Nominated"),
    "pending": _const("Pending"), "tba": _const("TBA"), "yes": _const("Yes"), "no": _const("No"),
    "draw": _const(""), "n/a": _const("N/A"), "na": _const("N/A"), "'": _const("'"), "snd": _const(" – "),
    "spaced ndash": _const(" – "), "ndash": _const("–"), "mdash": _const("—"), "spaced en dash": _const(" – "),
    "dot": _const(" · "), "·": _const(" · "), "•": _const(" • "), "nbsp": _const(" "), "sp": _const(" "),
    "flag": _first, "flagcountry": _first, "flagu": _first, "flag country": _first, "country": _first,
    "ship": _first_two, "title": _first, "not a typo": _first,
    "sic": _last, "as written": _first, "linktext": _concatenated,
    "visible anchor": _first, "anchor": _const(""), "vanchor": _first, "nowiki": _first,
    "estimation": _const("est. "), "circa": _const("c. "), "c.": _const("c. "), "shy": _const(""), "zwsp": _const(""),
    "gap": _const(" "), "'s": _const("'s"),
    **{name: _all_lines for name in LIST_TEMPLATES},
    **{name: _all_values for name in REGION_LIST_TEMPLATES},
    **{code: _currency(symbol) for code, symbol in _CURRENCY_TEMPLATES.items()},
}
"""Renderer of each text-bearing template, by casefolded normalised name; others render as nothing."""


_NOTE_TEMPLATE = re.compile(r"(?:cite|citation|efn|refn|sfn|harv|note|ref|r$|rp$|cn$|fact$|dubious|clarify|verify|update|when|who|which)", re.IGNORECASE)
"""Footnote, citation and maintenance templates: links in them are sources and notes, never a field's content."""


def hides_content(name: str) -> bool:
    """Whether template ``name`` (normalised, casefolded) renders nothing although it may hold a value's
    content: it is no text-bearing template, list template or footnote (an unknown wrapper such as
    ``{{English manga publisher|US=[[Columbia Pictures]]}}`` before it was known). List templates are among
    the text-bearing ones."""
    return name not in _TEMPLATE_TEXT and _NOTE_TEMPLATE.match(name) is None


def template_text(name: str, args: Arguments[ValueT]) -> str:
    """What a reader sees for template ``name`` (normalised, casefolded) with ``args``; the ``#expr``
    parser function (its expression is in its name, after the colon) shows its value."""
    render = _TEMPLATE_TEXT.get(name)
    if render is not None:
        return render(args)
    if name.startswith("#expr:"):
        return evaluate(name[6:])
    return ""
