"""wikifilm: Wikipedia film articles to clean, typed, auditable film records.

>>> import wikifilm
>>> doc = wikifilm.read("= Heat =\\n\\nHeat\\n- Director: Michael Mann\\n- Runtime: 170 minutes\\n")
>>> doc.render() == "= Heat =\\n\\nHeat\\n- Director: Michael Mann\\n- Runtime: 170 minutes\\n"
True
>>> film = wikifilm.extract(doc)
>>> film.title, [person.name for person in film.directors], film.runtime_minutes
('Heat', ['Michael Mann'], 170)
>>> film.source_of("runtime_minutes").raw
'170 minutes'
"""

from wikifilm.batch.dumps import iter_pages
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.batch.pool import extract_pages
from wikifilm.batch.sample import sample_dump
from wikifilm.diagnostics import CODES, Diagnostic, Severity
from wikifilm.document.nodes import Document
from wikifilm.errors import DumpError, ReadError, WikifilmError
from wikifilm.extract import extract
from wikifilm.readers.detect import detect_format, read
from wikifilm.record import Award, CastMember, Film, Money, PartialDate, Person, PersonRef, Provenance, Release, Value
from wikifilm.span import Source, Span

__all__ = [
    "CODES",
    "Award",
    "CastMember",
    "Diagnostic",
    "Document",
    "DumpError",
    "ErrorRecord",
    "Film",
    "Money",
    "Page",
    "PartialDate",
    "Person",
    "PersonRef",
    "Provenance",
    "ReadError",
    "Release",
    "Severity",
    "Source",
    "Span",
    "Value",
    "WikifilmError",
    "detect_format",
    "extract",
    "extract_pages",
    "iter_pages",
    "read",
    "sample_dump",
]
__version__ = "0.1.0"
