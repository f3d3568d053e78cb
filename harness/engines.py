"""Build the project on another engine and compare its scorecard with DuckDB's.

    python -m harness postgres   # DuckDB and a throwaway Postgres server
    python -m harness spark      # DuckDB and a local Spark session
    python -m harness engines    # all three

kpi_scorecard rows are matched on their grain key (kpi_id, grain,
period_start, dimension, dimension_value); doubles may differ by a relative
TOLERANCE (sums of doubles depend on the order of addition, which differs
between engines), everything else must be equal.
"""

from __future__ import annotations

import datetime
import decimal
import json
import math
import tempfile
import time
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import duckdb

from crosssell.dbt_cli import DbtResult, run_dbt
from crosssell.raw_files import raw_files
from crosssell.target import Target
from harness.postgres import BI_READER, PostgresServer, load_raw

TOLERANCE = 1e-9
KEY = ("kpi_id", "grain", "period_start", "dimension", "dimension_value")
SCORECARD_COLUMNS = (
    *KEY,
    "kpi_category",
    "period_end",
    "is_complete_period",
    "is_fully_covered",
    "numerator",
    "denominator",
    "value",
    "unit",
    "previous_value",
    "change",
    "is_small_sample",
)
SCORECARD_QUERY = f"select {', '.join(SCORECARD_COLUMNS)} from marts.kpi_scorecard"

Scorecard = dict[tuple[object, ...], tuple[object, ...]]


@dataclass(frozen=True)
class EngineBuild:
    engine: str
    result: DbtResult
    seconds: float
    scorecard: Scorecard


def _normalise(value: object) -> object:
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    if isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool):
        return float(value)
    return value


def scorecard_from_rows(rows: Iterable[Sequence[object]]) -> Scorecard:
    """kpi_scorecard rows (in SCORECARD_COLUMNS order) keyed by the grain."""
    scorecard: Scorecard = {}
    for row in rows:
        values = tuple(_normalise(value) for value in row)
        scorecard[values[: len(KEY)]] = values[len(KEY) :]
    return scorecard


def duckdb_scorecard(warehouse: Path) -> Scorecard:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return scorecard_from_rows(connection.execute(SCORECARD_QUERY).fetchall())


def postgres_scorecard(server: PostgresServer, user: str = BI_READER) -> Scorecard:
    connection = server.connect(user)
    try:
        with connection.cursor() as cursor:
            cursor.execute(SCORECARD_QUERY)
            return scorecard_from_rows(cursor.fetchall())
    finally:
        connection.close()


def same_value(left: object, right: object) -> bool:
    """Equal, or for doubles equal to TOLERANCE (the order of addition differs)."""
    if isinstance(left, float) and isinstance(right, float):
        return math.isclose(left, right, rel_tol=TOLERANCE, abs_tol=TOLERANCE)
    return left == right


def differences(reference: Scorecard, other: Scorecard, limit: int = 5) -> list[str]:
    """Rows missing on either side and rows whose values differ (first `limit`)."""
    found = [
        f"only in the reference: {key}" for key in sorted(reference.keys() - other.keys(), key=repr)
    ]
    found += [
        f"only in the other: {key}" for key in sorted(other.keys() - reference.keys(), key=repr)
    ]
    names = SCORECARD_COLUMNS[len(KEY) :]
    for key in sorted(reference.keys() & other.keys(), key=repr):
        pairs = zip(names, reference[key], other[key], strict=True)
        changed = [
            f"{name} {left!r} != {right!r}"
            for name, left, right in pairs
            if not same_value(left, right)
        ]
        if changed:
            found.append(f"{key}: {'; '.join(changed)}")
    return found[:limit] + ([f"... {len(found) - limit} more"] if len(found) > limit else [])


def build_duckdb(raw_dir: Path, warehouse: Path, args: Sequence[str] = ("build",)) -> EngineBuild:
    started = time.monotonic()
    result = run_dbt(list(args), raw_dir, Target.duckdb(warehouse))
    seconds = time.monotonic() - started
    scorecard = duckdb_scorecard(warehouse) if result.ok else {}
    return EngineBuild("duckdb", result, seconds, scorecard)


def build_postgres(
    raw_dir: Path, server: PostgresServer, args: Sequence[str] = ("build",)
) -> EngineBuild:
    """Load the raw files, then dbt build on the server; timed together."""
    started = time.monotonic()
    connection = server.connect()
    try:
        load_raw(raw_dir, connection)
    finally:
        connection.close()
    result = run_dbt(list(args), raw_dir, Target.server("postgres"), server.env())
    seconds = time.monotonic() - started
    scorecard = postgres_scorecard(server) if result.ok else {}
    return EngineBuild("postgres", result, seconds, scorecard)


def spark_scorecard(spark_dir: Path) -> Scorecard:
    """kpi_scorecard read straight from the parquet files Spark wrote."""
    files = spark_dir / "tables" / "marts.db" / "kpi_scorecard" / "*.parquet"
    with duckdb.connect() as connection:
        query = SCORECARD_QUERY.replace("marts.kpi_scorecard", f"read_parquet('{files}')")
        return scorecard_from_rows(connection.execute(query).fetchall())


def build_spark(raw_dir: Path, spark_dir: Path, args: Sequence[str] = ("build",)) -> EngineBuild:
    """Raw tables over the raw files, then dbt build, in a fresh metastore."""
    started = time.monotonic()
    env = {"CRM_SPARK_DIR": str(spark_dir)}
    files = [
        {"table": raw.table, "path": str(raw.path.resolve()), "format": raw.file_format}
        for raw in raw_files(raw_dir)
    ]
    load = ["run-operation", "load_raw_files", "--args", json.dumps({"files": files})]
    target = Target.server("spark")
    result = run_dbt(load, raw_dir, target, env)
    if result.ok:
        result = run_dbt(list(args), raw_dir, target, env)
    seconds = time.monotonic() - started
    scorecard = spark_scorecard(spark_dir) if result.ok else {}
    return EngineBuild("spark", result, seconds, scorecard)


def _build(engine: str, raw_dir: Path, scratch: Path, stack: ExitStack) -> EngineBuild:
    if engine == "duckdb":
        return build_duckdb(raw_dir, scratch / "engines_duckdb.duckdb")
    if engine == "postgres":
        from harness.postgres import postgres_server

        return build_postgres(raw_dir, stack.enter_context(postgres_server()))
    if engine == "spark":
        return build_spark(raw_dir, scratch / "spark")
    raise ValueError(f"unknown engine {engine}")


def compare_engines(raw_dir: Path, engines: Sequence[str]) -> int:
    """dbt build (every test) on each engine; scorecards compared with the first."""
    builds: list[EngineBuild] = []
    with ExitStack() as stack, tempfile.TemporaryDirectory() as scratch:
        for engine in engines:
            print(f"=== dbt build on {engine} ({raw_dir}) ...", flush=True)
            built = _build(engine, raw_dir, Path(scratch), stack)
            if not built.result.ok:
                print(built.result.output[-5000:])
                print(f"=== dbt build on {engine} FAILED after {built.seconds:.1f} s")
                return 1
            builds.append(built)
    reference = builds[0]
    print(f"\n| engine | dbt build s | scorecard rows | rows differing from {reference.engine} |")
    print("|---|---:|---:|---:|")
    failed = False
    for built in builds:
        found = differences(reference.scorecard, built.scorecard, limit=10**9)
        failed = failed or bool(found)
        print(f"| {built.engine} | {built.seconds:.1f} | {len(built.scorecard):,} | {len(found)} |")
    for built in builds[1:]:
        for line in differences(reference.scorecard, built.scorecard):
            print(f"{built.engine}: {line}")
    return 1 if failed else 0
