"""The film record types (below the normalizers): frozen, typed values, where each came from, and the contract's JSON shape.

A ``Film`` holds plain values (``film.title`` is a ``str``, ``film.runtime_minutes`` an ``int``
or ``None``); where each was read is ``film.source_of(path)`` or the ``film.provenance`` mapping.

``Film.to_dict()`` returns exactly the shape documented in docs/film-record.md (schema version 2).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Generic, TypeVar

import attrs

from wikifilm._slots_init import slots_init
from wikifilm.diagnostics import Diagnostic
from wikifilm.span import Span

SCHEMA_VERSION = 2
T = TypeVar("T")


@slots_init
@attrs.frozen
class Value(Generic[T]):
    """What a normalizer returns: a typed value beside the raw text it was read from, where, and how.

    The assembler splits it into the Film's plain value and a :class:`Provenance`; users meet only those.
    """

    value: T | None
    """The normalised value, ``None`` when unknown."""
    raw: str = ""
    """The source text it was read from."""
    span: Span | None = None
    """Where that text stands in the article."""
    method: str = ""
    """How it was read: ``infobox``, ``template:Film date``, ``text``, ``page-title``..."""


@slots_init
@attrs.frozen
class Provenance:
    """Where a value of the record was read: its raw text, its span in the article, and how."""

    raw: str | None
    """The source text it was read from; ``None`` where the value keeps only its span (slice the article with it)."""
    span: Span | None
    """Where that text stands in the article; ``None`` for values not read from the text (a title from the page title)."""
    method: str
    """How it was read: ``infobox``, ``infobox-title``, ``page-title``, ``lead``, ``section``, ``table``."""


@attrs.frozen(order=True)
class PartialDate:
    """A date that may lack its day or month: ``2024``, ``2024-07``, ``2024-07-03``."""

    year: int
    """Four-digit year."""
    month: int | None = None
    """1-12, or ``None`` when the source gives only the year."""
    day: int | None = None
    """1-31, or ``None`` when the source gives no day."""

    def __attrs_post_init__(self) -> None:
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")
        if self.day is not None and not 1 <= self.day <= 31:
            raise ValueError(f"day {self.day} out of range")

    def iso(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
            if self.day is not None:
                out += f"-{self.day:02d}"
        return out

    def __str__(self) -> str:
        return self.iso()


@slots_init
@attrs.frozen
class Money:
    """An amount of money with its currency, or unknown (``amount is None``)."""

    amount: Decimal | None
    """The amount in units of the currency; the midpoint of a range."""
    currency: str | None
    """ISO 4217 code, or ``None`` when the text names none."""
    raw: str = ""
    """The text it was read from, markup removed."""
    low: Decimal | None = None
    """Lower bound of a range."""
    high: Decimal | None = None
    """Upper bound of a range."""
    approximate: bool = False
    """Whether the source says over, about, est. ..."""
    span: Span | None = None
    """Where the value stands in the article."""

    def to_dict(self) -> dict[str, Any]:
        """The contract's Money object."""
        return {
            "amount": _number(self.amount),
            "currency": self.currency,
            "low": _number(self.low),
            "high": _number(self.high),
            "approximate": self.approximate,
            "raw": self.raw,
        }


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@slots_init
@attrs.frozen
class PersonRef:
    """A mention of a person (or of a company) in the record."""

    name: str
    """Plain text name as shown."""
    link: str | None = None
    """Wiki link target, when the source links the name."""
    person: str | None = None
    """Id of the person in ``Film.people`` (``P1``...); ``None`` for companies and works."""
    span: Span | None = None
    """Where the mention stands."""

    def to_dict(self, *, with_person: bool = True) -> dict[str, Any]:
        """``{"name", "link", "person"}`` (``person`` left out for companies)."""
        out: dict[str, Any] = {"name": self.name, "link": self.link}
        if with_person:
            out["person"] = self.person
        return out


@slots_init
@attrs.frozen
class BasedOn:
    """The work a film is based on, and its authors."""

    work: str
    """Title of the source work."""
    authors: tuple[PersonRef, ...] = ()
    """Its authors."""
    span: Span | None = None
    """Where the field stands."""


@slots_init
@attrs.frozen
class Release:
    """One release date, with the place and note given beside it."""

    date: PartialDate
    """The date, partial when the source is."""
    place: str | None = None
    """Where: a country, a festival."""
    note: str | None = None
    """A qualifier such as ``premiere`` or ``limited``."""
    raw: str = ""
    """The text it was read from."""
    span: Span | None = None
    """Where it stands."""


@slots_init
@attrs.frozen
class CastMember:
    """An actor and the role played."""

    actor: PersonRef
    """Who."""
    role: str | None = None
    """The character, when given."""
    span: Span | None = None
    """The cast line or row."""
    version: str | None = None
    """Which of the article's casts the entry belongs to, when it has several: a language
    (``"Japanese"``, ``"English dub"``) or one film of a series; ``None`` when it has one cast."""


@slots_init
@attrs.frozen
class Award:
    """One accolades row: a category at a ceremony, its nominees and the result."""

    ceremony: str | None
    """Award or ceremony name."""
    year: int | None
    """Year of the ceremony."""
    category: str | None
    """Category, ``Best Editing``."""
    nominees: tuple[PersonRef, ...] = ()
    """Recipients or nominees."""
    result: str | None = None
    """``won``, ``nominated``, ``pending``, or ``None`` when the source does not say."""
    span: Span | None = None
    """The row."""


@slots_init
@attrs.frozen
class SoundtrackItem:
    """A piece of music listed for the film."""

    composer: str | None
    """Composer or performer credited."""
    work: str
    """The piece."""
    span: Span | None = None
    """The list item."""


@slots_init
@attrs.frozen
class NativeTitle:
    """The title in the film's original language."""

    text: str
    """The native title."""
    lang: str | None = None
    """Language code, ``ko``."""
    romanized: str | None = None
    """Romanised form, when given."""
    span: Span | None = None
    """Where it was read."""


@slots_init
@attrs.frozen
class Person:
    """One distinct person with every spelling of their name seen in the article."""

    id: str
    """``P1``, ``P2``... in order of first mention."""
    name: str
    """The first spelling seen."""
    variants: tuple[str, ...]
    """Every distinct spelling, first one first."""


def _people(refs: tuple[PersonRef, ...]) -> list[dict[str, Any]]:
    return [ref.to_dict() for ref in refs]


def _companies(refs: tuple[PersonRef, ...]) -> list[dict[str, Any]]:
    return [ref.to_dict(with_person=False) for ref in refs]


@slots_init
@attrs.frozen
class Film:
    """One film's record. Every value keeps its source; every doubt is a diagnostic."""

    page_title: str | None
    """The article's title."""
    title: str | None
    """Display title: the infobox name, else the page title without its ``(… film)`` qualifier."""
    page_id: int | None = None
    """Dump page id, when known."""
    revision_id: int | None = None
    """Dump revision id, when known."""
    native_title: NativeTitle | None = None
    """Title in the original language."""
    directors: tuple[PersonRef, ...] = ()
    """Directed by."""
    writers: tuple[PersonRef, ...] = ()
    """Writer, screenplay and story fields, in that order, without repeats."""
    producers: tuple[PersonRef, ...] = ()
    """Produced by."""
    starring: tuple[PersonRef, ...] = ()
    """Starring field."""
    narrators: tuple[PersonRef, ...] = ()
    """Narrated by."""
    music: tuple[PersonRef, ...] = ()
    """Music by."""
    cinematography: tuple[PersonRef, ...] = ()
    """Cinematography."""
    editing: tuple[PersonRef, ...] = ()
    """Edited by."""
    based_on: tuple[BasedOn, ...] = ()
    """Source works."""
    studios: tuple[PersonRef, ...] = ()
    """Production companies."""
    distributors: tuple[PersonRef, ...] = ()
    """Distributors."""
    release_dates: tuple[Release, ...] = ()
    """Release dates in source order."""
    runtimes: tuple[int, ...] = ()
    """Every cut's runtime in minutes, first listed first (``runtime_minutes`` is the first)."""
    countries: tuple[str, ...] = ()
    """Countries of production."""
    languages: tuple[str, ...] = ()
    """Languages."""
    budget: Money | None = None
    """Budget, ``None`` when absent or unknown."""
    gross: Money | None = None
    """Box office, ``None`` when absent or unknown."""
    cast: tuple[CastMember, ...] = ()
    """Cast list."""
    accolades: tuple[Award, ...] = ()
    """Accolades rows."""
    soundtrack: tuple[SoundtrackItem, ...] = ()
    """Pieces of music listed."""
    plot: str | None = None
    """Plain text of the plot section(s), paragraphs joined by a blank line."""
    people: tuple[Person, ...] = ()
    """Distinct people mentioned anywhere in the record."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Every doubt, in source order."""
    value_sources: tuple[tuple[str, Provenance], ...] = attrs.field(default=(), repr=False)
    """Where the plain values were read (``title``, ``runtimes[0]``, ``countries[1]``, ``plot``...), kept by
    the assembler; the values that are objects keep their own span. Read both through ``provenance``."""

    @property
    def runtime_minutes(self) -> int | None:
        """The first listed cut's runtime in minutes, ``None`` when unknown."""
        return self.runtimes[0] if self.runtimes else None

    @property
    def provenance(self) -> dict[str, Provenance]:
        """Where every value of the record was read, by path (``title``, ``runtime_minutes``, ``directors[0]``,
        ``accolades[2].nominees[0]``...: the paths diagnostics name in ``field``), in field order."""
        out: dict[str, Provenance] = {}
        stored = dict(self.value_sources)
        for name, method in _SOURCE_FIELDS:
            if name in _PLAIN_FIELDS:
                out.update((path, found) for path, found in stored.items() if _field_of(path) == name)
                if name == "runtimes" and "runtimes[0]" in stored:
                    out["runtime_minutes"] = stored["runtimes[0]"]
                continue
            value = getattr(self, name)
            if isinstance(value, tuple):
                for index, item in enumerate(value):
                    _add_sources(out, f"{name}[{index}]", item, method)
            elif value is not None:
                _add_sources(out, name, value, method)
        return out

    def source_of(self, path: str) -> Provenance | None:
        """Where the value at ``path`` was read (``film.source_of("runtime_minutes").raw``), ``None`` when the
        record holds no value there; a path that names no field of the record raises ``KeyError``."""
        if not isinstance(path, str):
            raise TypeError(f"Film.source_of: path must be a str such as 'runtime_minutes', not {type(path).__name__}")
        field = _field_of(path)
        if field not in _FIELD_NAMES:
            raise KeyError(f"{path!r} names no field of the film record (paths read like title, runtime_minutes, directors[0])")
        if field == path and field in _LIST_FIELDS:
            raise KeyError(f"{path!r} is a list: name one item, {path}[0]")
        return self.provenance.get(path)

    def to_dict(self) -> dict[str, Any]:
        """The record in the contract's JSON shape (docs/film-record.md)."""
        native = self.native_title
        return {
            "schema_version": SCHEMA_VERSION,
            "page_title": self.page_title,
            "page_id": self.page_id,
            "revision_id": self.revision_id,
            "title": self.title,
            "native_title": None if native is None else {"text": native.text, "lang": native.lang, "romanized": native.romanized},
            "directors": _people(self.directors),
            "writers": _people(self.writers),
            "producers": _people(self.producers),
            "starring": _people(self.starring),
            "narrators": _people(self.narrators),
            "music": _people(self.music),
            "cinematography": _people(self.cinematography),
            "editing": _people(self.editing),
            "based_on": [{"work": item.work, "authors": _people(item.authors)} for item in self.based_on],
            "studios": _companies(self.studios),
            "distributors": _companies(self.distributors),
            "release_dates": [{"date": item.date.iso(), "place": item.place, "note": item.note} for item in self.release_dates],
            "runtime_minutes": self.runtime_minutes,
            "countries": list(self.countries),
            "languages": list(self.languages),
            "budget": self.budget.to_dict() if self.budget else None,
            "gross": self.gross.to_dict() if self.gross else None,
            "cast": [{"actor": item.actor.to_dict(), "role": item.role, "version": item.version} for item in self.cast],
            "accolades": [
                {"ceremony": item.ceremony, "year": item.year, "category": item.category,
                 "nominees": _people(item.nominees), "result": item.result}
                for item in self.accolades
            ],
            "soundtrack": [{"composer": item.composer, "work": item.work} for item in self.soundtrack],
            "plot": self.plot,
            "people": [{"id": person.id, "name": person.name, "variants": list(person.variants)} for person in self.people],
            "diagnostics": [diagnostic.to_dict() for diagnostic in self.diagnostics],
        }


_SOURCE_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", ""), ("native_title", ""), ("directors", "infobox"), ("writers", "infobox"), ("producers", "infobox"),
    ("starring", "infobox"), ("narrators", "infobox"), ("music", "infobox"), ("cinematography", "infobox"),
    ("editing", "infobox"), ("based_on", "infobox"), ("studios", "infobox"), ("distributors", "infobox"),
    ("release_dates", "infobox"), ("runtimes", ""), ("countries", ""), ("languages", ""), ("budget", "infobox"),
    ("gross", "infobox"), ("cast", "section"), ("accolades", "table"), ("soundtrack", "section"), ("plot", ""),
)
"""The record's fields that are read from the text, in order, with how the object-valued ones are read."""
_PLAIN_FIELDS = frozenset({"title", "native_title", "runtimes", "countries", "languages", "plot"})
"""Fields whose provenance the assembler keeps in ``value_sources`` (their values keep no span of their own)."""
_FIELD_NAMES = frozenset(field.name for field in attrs.fields(Film)) | {"runtime_minutes"}
_LIST_FIELDS = frozenset(field.name for field in attrs.fields(Film) if field.default == ())


def _field_of(path: str) -> str:
    """The record field a path starts with: ``accolades[2].nominees[0]`` -> ``accolades``."""
    return path.split("[", 1)[0].split(".", 1)[0]


def _add_sources(out: dict[str, Provenance], path: str, item: object, method: str) -> None:
    """``item``'s provenance under ``path``, then that of the people it names (authors, nominees, the actor)."""
    span = getattr(item, "span", None)
    if span is not None:
        out[path] = Provenance(getattr(item, "raw", None), span, method)
    if isinstance(item, CastMember):
        _add_sources(out, f"{path}.actor", item.actor, method)
    for name in ("authors", "nominees"):
        for index, ref in enumerate(getattr(item, name, ())):
            _add_sources(out, f"{path}.{name}[{index}]", ref, method)
