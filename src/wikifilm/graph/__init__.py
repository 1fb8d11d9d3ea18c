"""The film–person graph of a dump: films, people and credits as Parquet tables aligned with Wikidata.

``wikifilm.graph(inputs, "out/")`` (or ``wikifilm graph INPUT... -o out/``) writes
films.parquet, people.parquet and credits.parquet; docs/graph.md shows the tables and a
shortest chain of films between two actors in DuckDB.

The package is callable (``wikifilm.graph(...)`` runs :func:`graph`), so that it stays a
package for every import form (``import wikifilm.graph.identity as identity`` included) while
the call the docs promise works; typed code may prefer ``from wikifilm.graph import graph``.
"""

import sys
import types
from typing import Any

from wikifilm.graph.build import GraphSummary, graph
from wikifilm.graph.wikidata import CREDIT_PROPERTIES, FILM_PROPERTIES

__all__ = ["CREDIT_PROPERTIES", "FILM_PROPERTIES", "GraphSummary", "graph"]


class _CallablePackage(types.ModuleType):
    """This package, callable as :func:`graph`."""

    def __call__(self, *args: Any, **kwargs: Any) -> GraphSummary:
        return graph(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
