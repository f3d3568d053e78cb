"""The project on a real PostgreSQL server: same answers, read-only BI role.

A throwaway server (harness.postgres) gets the demo data with every
bad-input case; the whole dbt build (unit tests included: they run the
Postgres try-cast functions on hand-made bad values) must pass, and the
scorecard and the rejections must equal a DuckDB build of the same files.
Money is exact there too: a second build of the same files, in another
database of the server, gives the same bytes in every mart.
"""

from __future__ import annotations

from pathlib import Path

import psycopg2
import psycopg2.errors
import pytest

from harness.engines import (
    KEY,
    SCORECARD_COLUMNS,
    EngineBuild,
    build_postgres,
    differences,
    duckdb_scorecard,
)
from harness.generator import Tables
from harness.postgres import BI_READER, PostgresServer
from harness.tests.conftest import Builds, DemoBuild, Factory, recipe
from harness.tests.mart_hashes import mart_hashes, tables_differing
from harness.tests.money_rules import PRICED_LINES, revenue_by_year, warehouse_revenue_by_year

REJECTIONS = (
    "select table_name, reason, count(*) from marts.data_quality_rejected_rows group by 1, 2"
)


@pytest.fixture(scope="module")
def server(postgres_server: PostgresServer) -> PostgresServer:
    return postgres_server


@pytest.fixture(scope="module")
def raw(bad_rows_demo: DemoBuild) -> tuple[Path, Tables]:
    return bad_rows_demo.raw_dir, bad_rows_demo.tables


@recipe("postgres_demo_build", fixture="postgres_build")
def _postgres_demo_build(factory: Factory) -> EngineBuild:
    demo = factory.builds.get("bad_rows_demo")
    return build_postgres(demo.raw_dir, factory.builds.get("postgres_server"))


@pytest.fixture(scope="module")
def postgres_build(builds: Builds, bad_rows_demo: DemoBuild) -> EngineBuild:
    built = builds.get("postgres_demo_build")
    assert built.result.ok, built.result.output[-3000:]
    return built


# the marts only: the data and unit tests ran in the first build
MARTS_ONLY = ("build", "--exclude-resource-type", "test", "--exclude-resource-type", "unit_test")


@recipe("postgres_demo_build_again", fixture="postgres_build_again")
def _postgres_demo_build_again(factory: Factory) -> tuple[EngineBuild, PostgresServer]:
    demo = factory.builds.get("bad_rows_demo")
    server = factory.builds.get("postgres_server").other_database("cross_sell_again")
    return build_postgres(demo.raw_dir, server, MARTS_ONLY), server


@pytest.fixture(scope="module")
def postgres_build_again(builds: Builds, bad_rows_demo: DemoBuild) -> PostgresServer:
    built, server = builds.get("postgres_demo_build_again")
    assert built.result.ok, built.result.output[-3000:]
    return server


@pytest.fixture(scope="module")
def duckdb_build(bad_rows_demo: DemoBuild) -> EngineBuild:
    # the same raw files on DuckDB: the session's shared build of them
    warehouse = bad_rows_demo.warehouse
    assert warehouse.result.ok, warehouse.result.output[-3000:]
    return EngineBuild("duckdb", warehouse.result, 0.0, duckdb_scorecard(warehouse.path))


def _query(server: PostgresServer, sql: str, user: str | None = None) -> list[tuple]:
    connection = server.connect(user) if user else server.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
    finally:
        connection.close()


def _mart_hashes(server: PostgresServer) -> dict[str, str]:
    return mart_hashes(lambda sql: _query(server, sql), "postgres")


def test_every_model_and_test_passes_on_postgres(postgres_build: EngineBuild) -> None:
    assert "ERROR=0" in postgres_build.result.output
    assert "unit_test" in postgres_build.result.output


def test_scorecard_equals_duckdb(postgres_build: EngineBuild, duckdb_build: EngineBuild) -> None:
    assert len(duckdb_build.scorecard) > 10_000
    assert differences(duckdb_build.scorecard, postgres_build.scorecard) == []


def test_line_revenue_equals_a_python_decimal_sum(
    postgres_build: EngineBuild, server: PostgresServer, raw: tuple[Path, Tables]
) -> None:
    warehouse, lines = warehouse_revenue_by_year(_query(server, PRICED_LINES))
    assert len(lines) > 1000
    assert warehouse == revenue_by_year(raw[0], lines)


def test_two_builds_of_the_same_files_are_byte_identical(
    postgres_build: EngineBuild, server: PostgresServer, postgres_build_again: PostgresServer
) -> None:
    first, second = _mart_hashes(server), _mart_hashes(postgres_build_again)
    assert len(first) >= 20, sorted(first)  # every mart, not an empty schema
    assert tables_differing(first, second) == set()


def test_mart_hash_sees_the_last_bit_of_a_double(server: PostgresServer) -> None:
    scratch = server.other_database("last_bit")
    connection = scratch.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute("create schema marts")
            cursor.execute("create table marts.t as select 0.1::float8 + 0.2::float8 as x")
            before = _mart_hashes(scratch)
            cursor.execute("update marts.t set x = 0.3::float8")
    finally:
        connection.close()
    assert _mart_hashes(scratch) != before


def test_bad_rows_are_rejected_alike(
    postgres_build: EngineBuild,
    server: PostgresServer,
    raw: tuple[Path, Tables],
) -> None:
    found = {(table, reason): count for table, reason, count in _query(server, REJECTIONS)}
    assert found == dict(raw[1].expected_rejections)


def test_bi_reader_reads_the_marts_and_nothing_else(
    postgres_build: EngineBuild, server: PostgresServer
) -> None:
    tables = _query(
        server,
        "select schemaname, tablename from pg_tables"
        " where schemaname in ('marts', 'intermediate', 'staging', 'reference', 'raw_crm')",
    )
    marts = [name for schema, name in tables if schema == "marts"]
    assert "kpi_scorecard" in marts and len(marts) > 20
    for name in marts:
        assert _query(server, f"select count(*) from marts.{name}", BI_READER)
    for schema in ("intermediate", "staging", "reference", "raw_crm"):
        name = next(table for owner, table in tables if owner == schema)
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            _query(server, f"select count(*) from {schema}.{name}", BI_READER)
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        _query(server, "delete from marts.kpi_scorecard", BI_READER)
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        _query(server, "create table marts.scratch (x int)", BI_READER)


def test_comparison_reports_a_changed_value_and_a_missing_row(
    postgres_build: EngineBuild,
) -> None:
    scorecard = dict(postgres_build.scorecard)
    at = SCORECARD_COLUMNS.index("value") - len(KEY)
    key, values = next((k, v) for k, v in scorecard.items() if isinstance(v[at], float))
    changed = dict(scorecard)
    changed[key] = (*values[:at], values[at] * (1 + 1e-6), *values[at + 1 :])
    assert differences(scorecard, changed) == [
        f"{key}: value {values[at]!r} != {changed[key][at]!r}"
    ]
    missing = dict(scorecard)
    del missing[key]
    assert differences(scorecard, missing) == [f"only in the reference: {key}"]


def test_incremental_run_keeps_the_scorecard(
    raw: tuple[Path, Tables], postgres_build: EngineBuild, server: PostgresServer
) -> None:
    # a second run over the same files takes the incremental paths on
    # Postgres: delete+insert of the base models and of the account periods,
    # and the post-hook that deletes stale periods
    again = build_postgres(raw[0], server, ("run",))
    assert again.result.ok, again.result.output[-3000:]
    run_sql = again.result.target.compiled_models_dir
    periods_sql = run_sql / "intermediate" / "customers" / "int_account_periods_active.sql"
    assert "delete from" in periods_sql.read_text().lower()
    assert differences(postgres_build.scorecard, again.scorecard) == []
