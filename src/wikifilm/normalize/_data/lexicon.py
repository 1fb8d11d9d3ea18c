"""Month names, currency symbols and codes, scale words, approximation words."""

from __future__ import annotations

from decimal import Decimal

MONTHS: dict[str, int] = {
    name: index
    for index, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "usd": "USD", "$": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD", "ca$": "CAD", "c$": "CAD", "cad": "CAD", "hk$": "HKD", "hkd": "HKD",
    "nz$": "NZD", "nzd": "NZD", "s$": "SGD", "sgd": "SGD", "nt$": "TWD", "twd": "TWD", "r$": "BRL", "brl": "BRL",
    "mx$": "MXN", "mxn": "MXN",
    "£": "GBP", "gbp": "GBP", "pounds": "GBP", "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR",
    "₩": "KRW", "krw": "KRW", "won": "KRW", "jp¥": "JPY", "¥": "JPY", "jpy": "JPY", "yen": "JPY", "円": "JPY",
    "cn¥": "CNY", "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "元": "CNY",
    "₹": "INR", "inr": "INR", "rs": "INR", "rs.": "INR", "rupees": "INR", "rupee": "INR",
    "₽": "RUB", "rub": "RUB", "rubles": "RUB", "roubles": "RUB", "৳": "BDT", "bdt": "BDT", "tk": "BDT", "taka": "BDT",
    "₱": "PHP", "php": "PHP", "฿": "THB", "thb": "THB", "baht": "THB", "chf": "CHF", "sek": "SEK", "nok": "NOK",
    "dkk": "DKK", "rp": "IDR", "idr": "IDR", "rm": "MYR", "myr": "MYR", "₺": "TRY", "try": "TRY", "₦": "NGN",
    "ngn": "NGN", "e£": "EGP", "egp": "EGP", "irr": "IRR", "pkr": "PKR", "lkr": "LKR", "npr": "NPR",
    "dm": "DEM", "dem": "DEM", "frf": "FRF", "₤": "ITL", "itl": "ITL", "lire": "ITL", "₧": "ESP", "esp": "ESP",
    "pesetas": "ESP", "francs": "FRF", "marks": "DEM",
}
"""Currency spellings (lower case) to ISO 4217 codes. A bare ``$`` on English Wikipedia is the US dollar."""

SCALES: dict[str, Decimal] = {
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "millions": Decimal(10) ** 6, "mil": Decimal(10) ** 6, "m": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6, "billion": Decimal(10) ** 9, "billions": Decimal(10) ** 9, "bn": Decimal(10) ** 9,
    "b": Decimal(10) ** 9, "trillion": Decimal(10) ** 12,
    "crore": Decimal(10) ** 7, "crores": Decimal(10) ** 7, "cr": Decimal(10) ** 7, "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5, "lac": Decimal(10) ** 5, "lacs": Decimal(10) ** 5,
}
"""Scale words to multipliers (crore = 10^7 and lakh = 10^5, as in Indian English)."""

INDIAN_SCALES = frozenset({"crore", "crores", "cr", "lakh", "lakhs", "lac", "lacs"})
"""Scale words that imply rupees when no currency is named."""

APPROXIMATE = ("over", "approximately", "approx", "about", "around", "est", "estimated", "more than", "nearly",
               "almost", "under", "less than", "at least", "circa", "c.", "roughly", "~", "up to", "+")
"""Words that make an amount approximate."""
