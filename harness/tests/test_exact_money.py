"""Money is exact: two builds of the same files give the same bytes, and the
warehouse's revenue equals a sum worked out with Python's decimal."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from harness.tests.conftest import Builds, DemoBuild, Factory, Warehouse, recipe
from harness.tests.mart_hashes import duckdb_mart_hashes, tables_differing
from harness.tests.money_rules import PRICED_LINES, revenue_by_year, warehouse_revenue_by_year


@recipe("bad_rows_demo_again")
def _bad_rows_demo_again(factory: Factory) -> Warehouse:
    demo = factory.builds.get("bad_rows_demo")
    return factory.build(demo.raw_dir, "bad_rows_demo_again")


@pytest.fixture(scope="module")
def second_build(builds: Builds, bad_rows_demo: DemoBuild) -> Warehouse:
    warehouse = builds.get("bad_rows_demo_again")
    assert warehouse.result.ok, warehouse.result.output[-3000:]
    return warehouse


def test_two_builds_of_the_same_files_are_byte_identical(
    bad_rows_demo: DemoBuild, second_build: Warehouse
) -> None:
    first = duckdb_mart_hashes(bad_rows_demo.warehouse.path)
    second = duckdb_mart_hashes(second_build.path)
    assert len(first) >= 20, sorted(first)  # every mart, not an empty schema
    assert tables_differing(first, second) == set()


def test_mart_hash_sees_the_last_bit_of_a_double(tmp_path: Path) -> None:
    path = tmp_path / "bits.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema marts")
        connection.execute(
            "create table marts.t as select cast(0.1 as double) + cast(0.2 as double) as x"
        )
    before = duckdb_mart_hashes(path)
    with duckdb.connect(str(path)) as connection:
        connection.execute("update marts.t set x = cast(0.3 as double)")
    assert duckdb_mart_hashes(path) != before


def test_line_revenue_equals_a_python_decimal_sum(bad_rows_demo: DemoBuild) -> None:
    rows = bad_rows_demo.warehouse.rows(PRICED_LINES)
    warehouse, lines = warehouse_revenue_by_year(
        (row["order_item_id"], row["order_id"], row["year"], row["line_revenue_usd"])
        for row in rows
    )
    assert len(lines) > 1000
    assert warehouse == revenue_by_year(bad_rows_demo.raw_dir, lines)
