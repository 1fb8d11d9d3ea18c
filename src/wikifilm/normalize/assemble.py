"""``normalize(document)``: every field family's normalizer, then people identity, into one Film."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

import attrs

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.inline import template_calls
from wikifilm.document.nodes import Document, Infobox, InfoboxField, field_key
from wikifilm.markup.plain import MAX_TEMPLATE_DEPTH
from wikifilm.markup.templates import hides_content
from wikifilm.markup.tokenizer import template_depth
from wikifilm.names import NameKey, fold, keys_match, name_key
from wikifilm.normalize.awards import AWARD_PREFIXES, AWARD_TITLES, normalize_accolades
from wikifilm.normalize.based_on import normalize_based_on
from wikifilm.normalize.cast import CAST_TITLES, is_cast_title, normalize_cast
from wikifilm.normalize.dates import normalize_release_dates
from wikifilm.normalize.money import normalize_money
from wikifilm.normalize.people import normalize_companies, normalize_people
from wikifilm.normalize.places import normalize_places
from wikifilm.normalize.plot import PLOT_TITLES, normalize_plot
from wikifilm.normalize.runtime import normalize_runtime
from wikifilm.normalize.sections import heading_key
from wikifilm.normalize.soundtrack import SOUNDTRACK_TITLES, normalize_soundtrack
from wikifilm.normalize.title import empty_bracket_diagnostics, normalize_native_title, normalize_title
from wikifilm.record import Award, BasedOn, CastMember, Film, NativeTitle, Person, PersonRef, Provenance, Value
from wikifilm.span import Source

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "directors": ("director", "directors", "directed by"),
    "writers": ("writer", "writers", "written by"),
    "screenplay": ("screenplay", "screenplay by"),
    "story": ("story", "story by"),
    "producers": ("producer", "producers", "produced by"),
    "starring": ("starring",),
    "narrators": ("narrator", "narrators", "narrated by"),
    "music": ("music", "music by"),
    "cinematography": ("cinematography",),
    "editing": ("editing", "edited by", "editor"),
    "based_on": ("based on", "based_on"),
    "studios": ("studio", "studios", "production companies", "production company", "production"),
    "distributors": ("distributor", "distributors", "distributed by"),
    "released": ("released", "release date", "release dates", "release"),
    "runtime": ("runtime", "running time"),
    "countries": ("country", "countries"),
    "languages": ("language", "languages"),
    "budget": ("budget",),
    "gross": ("gross", "box office"),
}
"""Record field to the infobox keys it is read from (wikitext keys and plain-text labels)."""
_RECORD_FIELD = {key: record_field for record_field, keys in FIELD_NAMES.items() for key in keys}
"""Each infobox key to the record field it fills (no key fills two)."""


T = TypeVar("T")
_COMMENTS = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def _field_index(source: Source, infobox: Infobox | None) -> dict[str, InfoboxField]:
    """Each record field's infobox field (the last one of its keys with content), looked up once.

    A value holding only comments (the template's own placeholder hints) counts as absent.
    """
    if infobox is None:
        return {}
    index: dict[str, InfoboxField] = {}
    for field in infobox.fields:  # in source order, so the last field of a record field's keys wins
        record_field = _RECORD_FIELD.get(field_key(field.name))
        if record_field is None:
            continue
        value = source[field.value_span]
        if value and ("<!--" not in value or _COMMENTS.sub("", value).strip()):
            index[record_field] = field
    return index


def _nesting_diagnostics(source: Source, fields: dict[str, InfoboxField]) -> list[Diagnostic]:
    """WF208 for each value read whose templates nest past :data:`MAX_TEMPLATE_DEPTH` (counted in one pass)."""
    out: list[Diagnostic] = []
    for record_field, field in fields.items():
        value = source[field.value_span]
        if value.count("{{") > MAX_TEMPLATE_DEPTH and (depth := template_depth(value)) > MAX_TEMPLATE_DEPTH:
            out.append(Diagnostic(
                "WF208", f"{field.name} nests templates {depth} deep, past the {MAX_TEMPLATE_DEPTH} MediaWiki expands; "
                "what they hold is not read", field.value_span, field=record_field,
            ))
    return out


_NAMED_FIELDS = ("directors", "writers", "screenplay", "story", "producers", "starring", "narrators", "music", "cinematography",
                 "editing", "studios", "distributors")
"""Record fields whose values are people or companies."""


def _unread_template_diagnostics(source: Source, fields: dict[str, InfoboxField]) -> list[Diagnostic]:
    """WF209 for each template of a people or company field that renders nothing but holds links: the
    names in it are not read, and the record says so rather than dropping them silently."""
    out: list[Diagnostic] = []
    for record_field in _NAMED_FIELDS:
        field = fields.get(record_field)
        if field is None or field.format != "wikitext" or "{{" not in source[field.value_span]:
            continue
        for call in template_calls(source, field.value_span):
            if "[[" in source[call.span] and hides_content(call.key):
                out.append(Diagnostic(
                    "WF209", f"{field.name} holds links inside {{{{{call.name}}}}}, a template the reader does not render; "
                    "the names in it are not read", call.span, field=record_field,
                ))
    return out


@attrs.define
class _Person:
    id: str
    variants: list[str]
    keys: list[NameKey]
    links: set[str]


@attrs.define
class _People:
    """Assigns person ids: one per distinct person, spelling variants merged (precision first).

    Exact spellings, links and transliteration keys are looked up in indexes; only names with
    a Korean reading are compared pairwise, and only with each other.
    """

    persons: list[_Person] = attrs.Factory(list)
    by_key: dict[object, _Person] = attrs.Factory(dict)
    korean: list[_Person] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    assigned: dict[tuple[str, str | None], _Person] = attrs.Factory(dict)
    """Who each (spelling, link) was given to: indexes only grow, so asking again gives the same person."""

    def _find(self, key: NameKey, lookups: tuple[object, object], link: str | None) -> _Person | None:
        for lookup in lookups:
            found = self.by_key.get(lookup)
            if found is not None:
                return found
        if link is not None and (found := self.by_key.get(("link", link))) is not None:
            return found
        if key.korean:
            return next((person for person in self.korean if any(keys_match(key, other) for other in person.keys)), None)
        return None

    def _index(self, person: _Person, key: NameKey, lookups: tuple[object, object], link: str | None) -> None:
        if key.compact:
            for lookup in lookups:
                self.by_key.setdefault(lookup, person)
        if link:
            self.by_key.setdefault(("link", link), person)
            person.links.add(link)
        if key.korean and person not in self.korean:
            self.korean.append(person)

    def assign(self, ref: PersonRef, where: str) -> PersonRef:
        known = self.assigned.get((ref.name, ref.link))
        if known is not None:
            return PersonRef(ref.name, ref.link, known.id, ref.span)
        key = name_key(ref.name)
        lookups = ((key.compact, key.suffix), ("t", key.transliteration, key.suffix))  # exact spelling, then transliteration
        person = self._find(key, lookups, ref.link)
        if person is None:
            person = _Person(f"P{len(self.persons) + 1}", [ref.name], [key], set())
            self.persons.append(person)
        elif ref.name not in person.variants:
            self.diagnostics.append(Diagnostic(
                "WF601", f"{ref.name!r} ({where}) merged with {person.variants[0]!r} as one person, {person.id}", ref.span, field=where,
            ))
            person.variants.append(ref.name)
            person.keys.append(key)
        self._index(person, key, lookups, ref.link)
        self.assigned[(ref.name, ref.link)] = person
        return PersonRef(ref.name, ref.link, person.id, ref.span)

    def assign_all(self, refs: Iterable[PersonRef], where: str) -> tuple[PersonRef, ...]:
        return tuple(self.assign(ref, where) for ref in refs)

    def people(self) -> tuple[Person, ...]:
        return tuple(Person(person.id, person.variants[0], tuple(person.variants)) for person in self.persons)


def _unique(*groups: tuple[PersonRef, ...]) -> tuple[PersonRef, ...]:
    out: list[PersonRef] = []
    seen: set[str] = set()
    for group in groups:
        for ref in group:
            if fold(ref.name) not in seen:
                seen.add(fold(ref.name))
                out.append(ref)
    return tuple(out)


_SECTIONS_READ = CAST_TITLES | AWARD_TITLES | SOUNDTRACK_TITLES | PLOT_TITLES


def reads_section(title: str) -> bool:
    """Whether the record reads the lists and tables under a wikitext heading (``title`` as written)."""
    normal = heading_key(title, "wikitext")
    return normal in _SECTIONS_READ or normal.startswith(AWARD_PREFIXES) or is_cast_title(normal)


def normalize(document: Document, *, page_title: str | None = None, page_id: int | None = None, revision_id: int | None = None) -> Film:
    """The film record of a document; ``page_title`` defaults to the document's own ``= Title =`` line."""
    source = document.source
    page_title = page_title or document.page_title or source.name
    diagnostics: list[Diagnostic] = list(document.diagnostics)
    infoboxes = document.infoboxes
    infobox = next((box for box in infoboxes if box.is_film), None)
    fields = _field_index(source, infobox)
    if infobox is None:
        if infoboxes:
            diagnostics.append(Diagnostic("WF206", f"the infobox is {infoboxes[0].name!r}, not a film infobox; infobox fields left empty", infoboxes[0].span))
        else:
            diagnostics.append(Diagnostic("WF201", "no film infobox; infobox fields left empty", None))
    elif sum(box.is_film for box in infoboxes) > 1:
        diagnostics.append(Diagnostic("WF203", "several film infoboxes; the first is used", infobox.span))

    diagnostics += _nesting_diagnostics(source, fields) + _unread_template_diagnostics(source, fields)
    title, notes = normalize_title(document, infobox, page_title)
    diagnostics += notes + empty_bracket_diagnostics(document)

    def people(key: str) -> tuple[PersonRef, ...]:
        return normalize_people(source, fields.get(key))

    registry = _People()
    directors = registry.assign_all(people("directors"), "directors")
    writers = registry.assign_all(_unique(people("writers"), people("screenplay"), people("story")), "writers")
    producers = registry.assign_all(people("producers"), "producers")
    starring = registry.assign_all(people("starring"), "starring")
    narrators = registry.assign_all(people("narrators"), "narrators")
    music = registry.assign_all(people("music"), "music")
    cinematography = registry.assign_all(people("cinematography"), "cinematography")
    editing = registry.assign_all(people("editing"), "editing")
    based_on = tuple(
        BasedOn(item.work, registry.assign_all(item.authors, "based_on"), item.span)
        for item in normalize_based_on(source, fields.get("based_on"))
    )
    releases, notes = normalize_release_dates(source, fields.get("released"))
    diagnostics += notes
    runtimes, notes = normalize_runtime(source, fields.get("runtime"))
    diagnostics += notes
    budget, notes = normalize_money(source, fields.get("budget"), "budget")
    diagnostics += notes
    gross, notes = normalize_money(source, fields.get("gross"), "gross")
    diagnostics += notes
    cast_members, notes = normalize_cast(document)
    diagnostics += notes
    cast = tuple(CastMember(registry.assign(member.actor, "cast"), member.role, member.span, member.version) for member in cast_members)
    awards, notes = normalize_accolades(document)
    diagnostics += notes
    not_people = {fold(name) for name in (title.value, page_title) if name}
    accolades = tuple(
        Award(award.ceremony, award.year, award.category,
              tuple(ref if fold(ref.name) in not_people else registry.assign(ref, f"accolades[{index}].nominees") for ref in award.nominees),
              award.result, award.span)
        for index, award in enumerate(awards)
    )
    soundtrack, notes = normalize_soundtrack(document)
    diagnostics += notes
    diagnostics += registry.diagnostics
    diagnostics.sort(key=lambda diagnostic: diagnostic.span.start if diagnostic.span else -1)
    native_title = normalize_native_title(document, infobox)
    countries = normalize_places(source, fields.get("countries"), countries=True)
    languages = normalize_places(source, fields.get("languages"), countries=False)
    plot = normalize_plot(document)
    return Film(
        page_title=page_title,
        title=title.value,
        page_id=page_id,
        revision_id=revision_id,
        native_title=native_title,
        directors=directors,
        writers=writers,
        producers=producers,
        starring=starring,
        narrators=narrators,
        music=music,
        cinematography=cinematography,
        editing=editing,
        based_on=based_on,
        studios=normalize_companies(source, fields.get("studios")),
        distributors=normalize_companies(source, fields.get("distributors")),
        release_dates=releases,
        runtimes=_plain(runtimes),
        countries=_plain(countries),
        languages=_plain(languages),
        budget=budget,
        gross=gross,
        cast=cast,
        accolades=accolades,
        soundtrack=soundtrack,
        plot=plot.value,
        people=registry.people(),
        diagnostics=tuple(diagnostics),
        value_sources=_value_sources(source, infobox, title, native_title, runtimes, countries, languages, plot),
    )


def _plain(values: tuple[Value[T], ...]) -> tuple[T, ...]:
    """The known values, in order (normalizers return only known ones in these lists)."""
    return tuple(item.value for item in values if item.value is not None)


def _value_sources(
    source: Source, infobox: Infobox | None, title: Value[str], native_title: NativeTitle | None,
    runtimes: tuple[Value[int], ...], countries: tuple[Value[str], ...], languages: tuple[Value[str], ...], plot: Value[str],
) -> tuple[tuple[str, Provenance], ...]:
    """Where each plain value of the record was read, by path (what ``Film.provenance`` returns for them)."""
    out: list[tuple[str, Provenance]] = []
    if title.value is not None:
        out.append(("title", Provenance(title.raw, title.span, title.method)))
    if native_title is not None and native_title.span is not None:
        span = native_title.span
        inside = infobox is not None and infobox.span.start <= span.start and span.end <= infobox.span.end
        out.append(("native_title", Provenance(source[span], span, "infobox" if inside else "lead")))
    for name, values in (("runtimes", runtimes), ("countries", countries), ("languages", languages)):
        known = [item for item in values if item.value is not None]  # indexed as _plain() keeps them
        out.extend((f"{name}[{index}]", Provenance(item.raw, item.span, item.method)) for index, item in enumerate(known))
    if plot.value is not None:
        out.append(("plot", Provenance(plot.raw, plot.span, plot.method)))
    return tuple(out)
