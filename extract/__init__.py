"""kvalex: Swedish municipal report PDFs → normalised tables.

import extract
tables = extract.read(["samples/"])   # {"kompass": DataFrame, "kallor": DataFrame}
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .batch import Limits, find_pdfs, run_batch
from .profiles import LAYOUTS_DIR, load_profiles
from .records import SOURCES, TABLES, columns_of, values_of
from .write import table_rows

__all__ = ["read"]


def read(
    paths: Iterable[str | Path], layouts: Path = LAYOUTS_DIR, limits: Limits | None = None
) -> dict[str, pd.DataFrame]:
    """Extract every table from the PDFs (files or folders) as DataFrames with the CSV columns,
    keyed like the CSV files: 'kompass', ..., and 'kallor' (one row per file)."""
    files = find_pdfs(Path(p) for p in paths)
    results = run_batch(files, load_profiles(layouts), limits or Limits())
    tables = table_rows(results)
    return {
        spec.key: pd.DataFrame(
            [values_of(row) for row in tables[spec.key]], columns=columns_of(spec.record_type)
        )
        for spec in (*TABLES, SOURCES)
    }
