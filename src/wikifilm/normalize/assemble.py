"""``normalize(document)``: every field family's normalizer, then people identity, into one Film."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from wikifilm.diagnostics import Diagnostic
from wikifilm.document.nodes import Document, Infobox, InfoboxField
from wikifilm.film import Award, BasedOn, CastMember, Film, Person, PersonRef
from wikifilm.names import fold, is_variant
from wikifilm.normalize.awards import normalize_accolades
from wikifilm.normalize.based_on import normalize_based_on
from wikifilm.normalize.cast import normalize_cast
from wikifilm.normalize.dates import normalize_release_dates
from wikifilm.normalize.money import normalize_money
from wikifilm.normalize.people import normalize_companies, normalize_people
from wikifilm.normalize.places import normalize_places
from wikifilm.normalize.plot import normalize_plot
from wikifilm.normalize.runtime import normalize_runtime
from wikifilm.normalize.soundtrack import normalize_soundtrack
from wikifilm.normalize.title import empty_bracket_diagnostics, normalize_native_title, normalize_title

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


def _field(infobox: Infobox | None, key: str) -> InfoboxField | None:
    return infobox.get(*FIELD_NAMES[key]) if infobox is not None else None


@attrs.define
class _People:
    """Assigns person ids: one per distinct person, spelling variants merged (precision first)."""

    persons: list[tuple[str, list[str], set[str]]] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)

    def assign(self, ref: PersonRef, where: str) -> PersonRef:
        folded = fold(ref.name)
        for person_id, variants, links in self.persons:
            same_link = ref.link is not None and ref.link in links
            if same_link or any(fold(variant) == folded for variant in variants) or any(is_variant(ref.name, v) for v in variants):
                if ref.name not in variants:
                    self.diagnostics.append(Diagnostic(
                        "WF601", f"{ref.name!r} ({where}) merged with {variants[0]!r} as one person, {person_id}", ref.span, field=where,
                    ))
                    variants.append(ref.name)
                if ref.link:
                    links.add(ref.link)
                return attrs.evolve(ref, person=person_id)
        person_id = f"P{len(self.persons) + 1}"
        self.persons.append((person_id, [ref.name], {ref.link} if ref.link else set()))
        return attrs.evolve(ref, person=person_id)

    def assign_all(self, refs: Iterable[PersonRef], where: str) -> tuple[PersonRef, ...]:
        return tuple(self.assign(ref, where) for ref in refs)

    def people(self) -> tuple[Person, ...]:
        return tuple(Person(person_id, variants[0], tuple(variants)) for person_id, variants, _links in self.persons)


def _unique(*groups: tuple[PersonRef, ...]) -> tuple[PersonRef, ...]:
    out: list[PersonRef] = []
    seen: set[str] = set()
    for group in groups:
        for ref in group:
            if fold(ref.name) not in seen:
                seen.add(fold(ref.name))
                out.append(ref)
    return tuple(out)


def normalize(document: Document, *, page_title: str | None = None, page_id: int | None = None, revision_id: int | None = None) -> Film:
    """The film record of a document; ``page_title`` defaults to the document's own ``= Title =`` line."""
    source = document.source
    page_title = page_title or document.page_title or source.name
    diagnostics: list[Diagnostic] = list(document.diagnostics)
    infobox = document.infobox
    if infobox is None:
        others = [box.name for box in document.infoboxes]
        if others:
            diagnostics.append(Diagnostic("WF206", f"the infobox is {others[0]!r}, not a film infobox; infobox fields left empty", document.infoboxes[0].span))
        else:
            diagnostics.append(Diagnostic("WF201", "no film infobox; infobox fields left empty", None))
    elif sum(box.is_film for box in document.infoboxes) > 1:
        diagnostics.append(Diagnostic("WF203", "several film infoboxes; the first is used", infobox.span))

    title, notes = normalize_title(document, infobox, page_title)
    diagnostics += notes + empty_bracket_diagnostics(document)

    def people(key: str) -> tuple[PersonRef, ...]:
        return normalize_people(source, _field(infobox, key))

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
        for item in normalize_based_on(source, _field(infobox, "based_on"))
    )
    releases, notes = normalize_release_dates(source, _field(infobox, "released"))
    diagnostics += notes
    runtimes, notes = normalize_runtime(source, _field(infobox, "runtime"))
    diagnostics += notes
    budget, notes = normalize_money(source, _field(infobox, "budget"), "budget")
    diagnostics += notes
    gross, notes = normalize_money(source, _field(infobox, "gross"), "gross")
    diagnostics += notes
    cast_members, notes = normalize_cast(document)
    diagnostics += notes
    cast = tuple(CastMember(registry.assign(member.actor, "cast"), member.role, member.span) for member in cast_members)
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
    return Film(
        page_title=page_title,
        title=title,
        page_id=page_id,
        revision_id=revision_id,
        native_title=normalize_native_title(document, infobox),
        directors=directors,
        writers=writers,
        producers=producers,
        starring=starring,
        narrators=narrators,
        music=music,
        cinematography=cinematography,
        editing=editing,
        based_on=based_on,
        studios=normalize_companies(source, _field(infobox, "studios")),
        distributors=normalize_companies(source, _field(infobox, "distributors")),
        release_dates=releases,
        runtimes=runtimes,
        countries=normalize_places(source, _field(infobox, "countries"), countries=True),
        languages=normalize_places(source, _field(infobox, "languages"), countries=False),
        budget=budget,
        gross=gross,
        cast=cast,
        accolades=accolades,
        soundtrack=soundtrack,
        plot=normalize_plot(document),
        people=registry.people(),
        diagnostics=tuple(diagnostics),
    )
