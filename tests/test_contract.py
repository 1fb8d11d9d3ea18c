"""The one definition of the record: every key of to_dict() has a column, and writers refuse keys without one."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import ARTICLES
from wikifilm.contract import GOLDEN_FIELDS, RECORD, ContractError, ListOf, Struct, check_record, mismatches
from wikifilm.diagnostics import Diagnostic
from wikifilm.evaluation import FIELDS
from wikifilm.extract import extract
from wikifilm.record import (
    Award,
    BasedOn,
    CastMember,
    Film,
    Money,
    NativeTitle,
    PartialDate,
    Person,
    PersonRef,
    Release,
    SoundtrackItem,
    Value,
)
from wikifilm.span import Span


def full_film() -> Film:
    """A Film with every field and every nested object filled, so that every key of the contract appears."""
    person = PersonRef("Ana Torrent", "Ana Torrent", "P1")
    company = PersonRef("Els Films de la Rambla", None)
    money = Money(Decimal(1000000), "USD", "$1 million", Decimal(900000), Decimal(1100000), True)
    return Film(
        "Actrius", Value("Actresses"), 330, 837663731, NativeTitle("Actrius", "ca", "Aktrius"),
        (person,), (person,), (person,), (person,), (person,), (person,), (person,), (person,),
        (BasedOn("E.R.", (person,)),), (company,), (company,), (Release(PartialDate(1997, 1, 24), "Spain", "premiere"),),
        (Value(100),), (Value("Spain"),), (Value("Catalan"),), money, money, (CastMember(person, "Actress", None, "Catalan"),),
        (Award("Goya Awards", 1998, "Best Actress", (person,), "won"),), (SoundtrackItem("Carles Cases", "Main theme"),),
        Value("In order to prepare..."), (Person("P1", "Ana Torrent", ("Ana Torrent",)),),
        (Diagnostic("WF201", "no film infobox; infobox fields left empty", Span(0, 1)),),
    )


def test_every_key_of_a_full_record_has_a_column_and_every_column_a_key() -> None:
    """to_dict() of a record with every field filled matches the contract exactly, nested objects included."""
    assert mismatches(full_film().to_dict()) == {"unknown": [], "missing": [], "shape": []}


def test_every_corpus_record_fits_the_contract() -> None:
    """The records of all corpus articles: no key without a column, no column without a key."""
    for path in ARTICLES:
        record = extract(path.read_text(encoding="utf-8"), title=path.stem).to_dict()
        assert mismatches(record) == {"unknown": [], "missing": [], "shape": []}, path.name


def test_a_key_without_a_column_is_named() -> None:
    """A key added to a record (top level or nested) and not to the contract is reported by its path."""
    record = full_film().to_dict()
    record["mood"] = "tense"
    record["cast"][0]["billing"] = 2
    assert mismatches(record)["unknown"] == ["mood", "cast[0].billing"]
    with pytest.raises(ContractError, match=r"cast\[0\]\.billing"):
        check_record(record)


def test_parquet_and_jsonl_writers_refuse_a_record_with_an_unknown_key(tmp_path: Path) -> None:
    """Arrow would drop the key silently; the sinks raise ContractError instead."""
    from wikifilm.batch.sinks import JsonlSink, ParquetSink

    record = full_film().to_dict()
    record["budget"]["inflation_adjusted"] = 1.5
    for sink in (ParquetSink(tmp_path / "films.parquet"), JsonlSink(tmp_path / "films.jsonl", checked=True)):
        with pytest.raises(ContractError, match=r"budget\.inflation_adjusted"):
            sink.write(record)
        sink.close()


def test_arrow_schema_and_golden_fields_are_derived_from_the_definition() -> None:
    """Column names, nesting and golden fields come from RECORD; a column added there appears in Arrow."""
    import pyarrow as pa

    from wikifilm.batch.schema import FILM_SCHEMA, arrow_type
    from wikifilm.contract import CAST_ENTRY, INT32, Column

    assert FILM_SCHEMA.names == list(RECORD.names)
    assert FIELDS == GOLDEN_FIELDS and "title" in FIELDS and "diagnostics" not in FIELDS
    extended = Struct((*CAST_ENTRY.columns, Column("billing", INT32)))
    assert arrow_type(ListOf(extended)) == pa.list_(pa.struct([
        ("actor", pa.struct([("name", pa.string()), ("link", pa.string()), ("person", pa.string())])),
        ("role", pa.string()), ("version", pa.string()), ("billing", pa.int32()),
    ]))


def test_the_quick_check_refuses_exactly_what_the_named_check_finds() -> None:
    """check_record's pass without paths agrees with mismatches() on every corpus record and on records broken at any depth."""
    from wikifilm.contract import _FITS_RECORD

    def refused(record: dict[str, object]) -> bool:
        found = mismatches(record)
        return bool(found["unknown"] or found["shape"])

    records = [extract(path.read_text(encoding="utf-8"), title=path.stem).to_dict() for path in ARTICLES[:20]]
    records.append(full_film().to_dict())
    broken = []
    for make in (
        lambda r: r.__setitem__("mood", "tense"),
        lambda r: r["cast"][0].__setitem__("billing", 2),
        lambda r: r.__setitem__("countries", "Spain"),
        lambda r: r.__setitem__("title", ["Actrius"]),
        lambda r: r["budget"].__setitem__("amount", {"value": 1}),
        lambda r: r.__setitem__("budget", [1]),
        lambda r: r.pop("plot"),  # a missing key is no reason to refuse
        lambda r: r.__setitem__("cast", None),
    ):
        record = full_film().to_dict()
        make(record)
        broken.append(record)
    assert [_FITS_RECORD(record) for record in records + broken] == [not refused(record) for record in records + broken]
    assert [_FITS_RECORD(record) for record in broken] == [False] * 6 + [True] * 2
