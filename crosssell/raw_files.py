"""Which file holds each raw table: the precedence the DuckDB hook uses.

For a table t in a raw directory: t.csv, t.csv.gz, t.parquet, or a folder
t/ of .parquet files, the first found. The Postgres and Spark loaders use
this so every engine reads the same files.
"""

from __future__ import annotations

import glob
import re
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = {".csv": "csv", ".csv.gz": "csv", ".parquet": "parquet"}


def connector_column_name(name: str) -> str:
    """A column name as Fivetran's connectors write it: AccountId -> account_id,
    Product2Id -> product_2_id, Segment__c -> segment_c; snake_case stays.
    The same rule as the hook's crm_connector_column_name (macros/raw/)."""
    converted = re.sub("__+", "_", name.strip())
    converted = re.sub("([a-z0-9])([A-Z])", r"\1_\2", converted)
    converted = re.sub("([A-Za-z])([0-9])", r"\1_\2", converted)
    converted = re.sub("([A-Z]+)([A-Z][a-z])", r"\1_\2", converted)
    return converted.lower()


@dataclass(frozen=True)
class RawFile:
    table: str
    path: Path  # a file, or a folder of parquet files
    file_format: str  # csv or parquet

    def duckdb_reader(self) -> str:
        if self.file_format == "csv":
            return (
                f"read_csv('{self.path}', header = true, all_varchar = true,"
                " delim = ',', quote = '\"', escape = '\"')"
            )
        pattern = f"{self.path}/*.parquet" if self.path.is_dir() else str(self.path)
        return f"read_parquet('{pattern}', union_by_name = true)"


def _has_parquet(folder: Path) -> bool:
    return folder.is_dir() and bool(glob.glob(f"{glob.escape(str(folder))}/*.parquet"))


def raw_files(raw_dir: Path) -> list[RawFile]:
    """One entry per table found, by name; a 0-byte file stops with its name."""
    names = set()
    for entry in raw_dir.iterdir():
        for suffix in SUFFIXES:
            if entry.name.endswith(suffix) and entry.is_file():
                names.add(entry.name.removesuffix(suffix))
        if _has_parquet(entry):
            names.add(entry.name)
    found = []
    for table in sorted(names):
        candidates = [(raw_dir / f"{table}{suffix}", kind) for suffix, kind in SUFFIXES.items()]
        path, file_format = next(
            ((path, kind) for path, kind in candidates if path.is_file()),
            (raw_dir / table, "parquet"),
        )
        if path.is_file() and path.stat().st_size == 0:
            raise ValueError(
                f"Raw file '{path}' of table '{table}' is empty (0 bytes): expected"
                " a header row with the contract's columns."
            )
        found.append(RawFile(table, path, file_format))
    return found
