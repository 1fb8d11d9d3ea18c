"""wikifilm: Wikipedia film articles to clean, typed, auditable film records.

>>> import wikifilm
>>> doc = wikifilm.read("= Heat =\\n\\nHeat\\n- Director: Michael Mann\\n- Runtime: 170 minutes\\n")
>>> doc.render() == "= Heat =\\n\\nHeat\\n- Director: Michael Mann\\n- Runtime: 170 minutes\\n"
True
>>> film = wikifilm.extract(doc)
>>> [person.name for person in film.directors], film.runtime_minutes.value
(['Michael Mann'], 170)
"""

from wikifilm import graph  # a callable package: wikifilm.graph(...) builds the graph
from wikifilm.batch.dumps import iter_pages
from wikifilm.batch.pages import ErrorRecord, Page
from wikifilm.batch.pool import WorkerStartError, extract_pages
from wikifilm.caches import clear_caches
from wikifilm.diagnostics import CODES, Diagnostic, Severity
from wikifilm.document.nodes import Document
from wikifilm.document.plaintext_writer import write_plaintext
from wikifilm.editing import EditError, Editor, edit
from wikifilm.errors import DumpError, FetchError, ReadError, WikifilmError
from wikifilm.extract import extract
from wikifilm.mediawiki import Fetch, fetch
from wikifilm.readers.detect import detect_format, read
from wikifilm.record import Award, CastMember, Film, Money, PartialDate, Person, PersonRef, Value
from wikifilm.span import Source, Span

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
    "ReadError",
    "Severity",
    "Source",
    "Span",
    "Value",
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
    "write_plaintext",
]
__version__ = "0.1.0"
