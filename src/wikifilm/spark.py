"""``wikifilm.spark.extract_films(df)``: the film extraction on Apache Spark (``pip install 'wikifilm[spark]'``).

The implementation lives in :mod:`wikifilm.batch.spark`; pyspark is imported only when a function runs.
"""

from wikifilm.batch.spark import extract_batches, extract_films, spark_schema

__all__ = ["extract_batches", "extract_films", "spark_schema"]
