"""Extraction of large corpora on a Dask cluster (`entente extract --engine dask`).

The client reads the corpus, stores its documents and cuts the English ones into partitions;
each worker process loads the spaCy pipeline once and extracts whole partitions; every
partition's events come back as one Parquet file named by a hash of its document ids, and are
merged into the store (events and "done" marks in one transaction). A re-run recomputes only
the partitions whose Parquet file is missing. docs/scale.md explains running it on several
machines.
"""

from entente.scale.runner import ScaleReport, run_corpus

__all__ = ["ScaleReport", "run_corpus"]
