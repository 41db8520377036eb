"""Extraction of corpora too large for one process: ``reportedly batch``.

Inputs are read lazily and cut into partitions of N articles (:mod:`.inputs`); each partition
is extracted on a worker (:mod:`.worker`: the pipeline loaded once per worker process) and
written as one Parquet file per table (:mod:`.dataset`); the driver (:mod:`.run`) records the
partitions done in a manifest, so that a rerun finishes only the rest. The dataset is loaded
into a store by ``ingest --extractions`` (:mod:`.load`) or queried in place through DuckDB
(:mod:`.duck`).

Dask, pyarrow and DuckDB are the optional extra ``reportedly[dask]``: they are imported where
they are used (:func:`need`), so the plain install runs every other command without them.
"""

from __future__ import annotations

import importlib
from types import ModuleType


class MissingExtra(Exception):
    """A module of the optional extra ``reportedly[dask]`` that is not installed."""


def need(module: str) -> ModuleType:
    """``module`` imported, or MissingExtra with a one-line reason and the install command."""
    try:
        return importlib.import_module(module)
    except ImportError:
        package = module.split(".")[0]
        raise MissingExtra(
            f"{package} is not installed: batch runs and --parquet need the extra "
            "(pip install 'reportedly[dask]')"
        ) from None
