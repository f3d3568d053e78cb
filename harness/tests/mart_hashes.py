"""One fingerprint per table of schema marts, the same rule on every engine.

Each row is read as the engine's own text of the whole row (DuckDB's cast
of the row to varchar, Postgres's row literal), the texts are sorted in
Python and hashed with sha256, one line each. Both engines print a double
with the fewest digits that read back to the same bits, so a difference in
the last bit of any value changes the hash. Two builds compare per table.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

import duckdb

MARTS = (
    "select table_name from information_schema.tables "
    "where table_schema = 'marts' order by table_name"
)
ROW_TEXT = {"duckdb": "cast(t as varchar)", "postgres": "cast(t as text)"}

Query = Callable[[str], Iterable[tuple[object, ...]]]


def rows_hash(texts: Iterable[str]) -> str:
    """sha256 of the row texts, sorted, one line each."""
    digest = hashlib.sha256()
    for text in sorted(texts):
        digest.update(text.encode() + b"\n")
    return digest.hexdigest()


def mart_hashes(query: Query, engine: str) -> dict[str, str]:
    """Per table of schema marts, the hash of its rows as `engine` prints them."""
    tables = [str(row[0]) for row in query(MARTS)]
    row_text = ROW_TEXT[engine]
    return {
        table: rows_hash(
            str(text) for (text,) in query(f"select {row_text} from marts.{table} as t")
        )
        for table in tables
    }


def duckdb_mart_hashes(warehouse: Path) -> dict[str, str]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return mart_hashes(lambda sql: connection.execute(sql).fetchall(), "duckdb")


def tables_differing(first: dict[str, str], second: dict[str, str]) -> set[str]:
    """Tables whose hash differs, or that only one of the two builds has."""
    tables = first.keys() | second.keys()
    return {table for table in tables if first.get(table) != second.get(table)}
