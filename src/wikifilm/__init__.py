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

from typing import TYPE_CHECKING, Any

from wikifilm import graph  # a callable package: wikifilm.graph(...) builds the graph
from wikifilm.batch.dumps import iter_pages
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.batch.pool import WorkerStartError, extract_pages
from wikifilm.batch.sample import sample_dump
from wikifilm.caches import clear_caches
from wikifilm.diagnostics import CODES, Diagnostic, Severity
from wikifilm.document.nodes import Document
from wikifilm.document.plaintext_writer import write_plaintext
from wikifilm.editing import EditError, Editor, edit
from wikifilm.errors import DumpError, FetchError, ReadError, WikifilmError
from wikifilm.extract import extract
from wikifilm.mediawiki import Fetch, fetch
from wikifilm.readers.detect import detect_format, read
from wikifilm.record import Award, CastMember, Film, Money, PartialDate, Person, PersonRef, Provenance, Release
from wikifilm.span import Source, Span

if TYPE_CHECKING:
    from wikifilm.batch.tables import tables, to_pandas

__all__ = [
    "CODES",
    "Award",
    "CastMember",
    "Diagnostic",
    "Document",
    "DumpError",
    "EditError",
    "Editor",
    "ErrorRecord",
    "Fetch",
    "FetchError",
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
    "WikifilmError",
    "WorkerStartError",
    "clear_caches",
    "detect_format",
    "edit",
    "extract",
    "extract_pages",
    "fetch",
    "graph",
    "iter_pages",
    "read",
    "sample_dump",
    "tables",
    "to_pandas",
    "write_plaintext",
]
__version__ = "0.1.0"

_LAZY = {"tables": "wikifilm.batch.tables", "to_pandas": "wikifilm.batch.tables"}
"""Names imported on first use: they need pyarrow, which ``import wikifilm`` does not load otherwise."""


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'wikifilm' has no attribute {name!r}")
