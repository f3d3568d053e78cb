"""Shared helpers: write raw CSV tables, build them, query the result."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from harness.dbt_cli import DbtResult, run_dbt
from harness.generator import COLUMNS
from harness.warehouse import fetch_rows

# Every model and data test. Unit tests do not depend on the raw data: the
# check command runs them once, in its dbt build on the demo data.
DATA_BUILD = ["build", "--exclude", "test_type:unit"]
# Four customers buy no product pair often enough for product_affinity's
# default threshold (5 accounts); with 1 every pair the tests work out stays.
HANDMADE_VARS = "{affinity_min_accounts: 1}"


def write_raw(raw_dir: Path, tables: dict[str, list[dict[str, Any]]]) -> None:
    """One CSV per table with the contract's columns; missing values empty."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.items():
        with (raw_dir / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[table], lineterminator="\n")
            writer.writeheader()
            for row in rows:
                unknown = set(row) - set(COLUMNS[table])
                assert not unknown, f"{table}: {unknown}"
                writer.writerow(row)


class Warehouse:
    def __init__(self, path: Path, result: DbtResult) -> None:
        self.path = path
        self.result = result

    def rows(self, sql: str) -> list[dict[str, Any]]:
        return fetch_rows(self.path, sql)

    def kpi(
        self,
        kpi_id: str,
        grain: str,
        period_start: str,
        dimension: str = "overall",
        dimension_value: str = "all",
    ) -> dict[str, Any]:
        found = self.rows(
            "select * from marts.kpi_scorecard "
            f"where kpi_id = '{kpi_id}' and grain = '{grain}' "
            f"and period_start = date '{period_start}' and dimension = '{dimension}' "
            f"and dimension_value = '{dimension_value}'"
        )
        assert len(found) == 1, (kpi_id, grain, period_start, dimension, dimension_value, found)
        return found[0]


@pytest.fixture(scope="session")
def build_raw(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Warehouse]:
    """Build a raw directory into a fresh warehouse (dbt build, all tests)."""

    def build(raw_dir: Path, name: str, args: list[str] | None = None) -> Warehouse:
        warehouse = tmp_path_factory.mktemp(name) / f"{name}.duckdb"
        result = run_dbt(args or DATA_BUILD, raw_dir, warehouse)
        return Warehouse(warehouse, result)

    return build


@pytest.fixture(scope="session")
def handmade(tmp_path_factory: pytest.TempPathFactory, build_raw: Callable[..., Warehouse]):
    """The hand-made CRM of handmade_crm.py, built once for the whole session."""
    from harness.tests.handmade_crm import HANDMADE

    raw_dir = tmp_path_factory.mktemp("handmade_raw")
    write_raw(raw_dir, HANDMADE)
    warehouse = build_raw(raw_dir, "handmade", [*DATA_BUILD, "--vars", HANDMADE_VARS])
    assert warehouse.result.ok, warehouse.result.output[-3000:]
    return warehouse
