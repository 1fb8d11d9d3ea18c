"""The film–person graph of a dump: films, people and credits as Parquet tables aligned with Wikidata.

``wikifilm.graph(inputs, "out/")`` (or ``wikifilm graph INPUT... -o out/``) writes
films.parquet, people.parquet and credits.parquet; docs/graph.md shows the tables and a
shortest chain of films between two actors in DuckDB.
"""

from wikifilm.graph.build import GraphSummary, graph
from wikifilm.graph.wikidata import CREDIT_PROPERTIES, FILM_PROPERTIES

__all__ = ["CREDIT_PROPERTIES", "FILM_PROPERTIES", "GraphSummary", "graph"]
