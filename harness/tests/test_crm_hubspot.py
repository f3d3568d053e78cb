"""HubSpot as Fivetran lands it: the same KPIs as the contract-shaped demo.

Builds (shared, one per shape): small_demo (test_refresh.py: the demo of
300 accounts, seed 7, in contract shape), the same CRM landed the HubSpot
way with rows wrong the HubSpot way added (harness.crm_shapes.hubspot,
crm_source hubspot, the adapter's unit tests included), and a tiny landing
with only the columns Fivetran documents, built with the default vars.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

from harness.crm_shapes.hubspot import (
    DEMO_VARS,
    Landing,
    write_hubspot_demo,
    write_hubspot_fixture,
)
from harness.engines import differences, duckdb_scorecard
from harness.tests.conftest import DATA_BUILD, DemoBuild, Factory, Warehouse, recipe
from harness.tests.test_refresh import small_demo  # noqa: F401 (the contract-shaped build)

ADAPTER_UNIT_TESTS = 11  # models/staging/hubspot/_hubspot__unit_tests.yml
OTHER_UNIT_TEST_PATHS = ["models/staging/crm", "models/intermediate", "models/marts"]


@dataclass(frozen=True)
class HubSpotBuild:
    landing: Landing
    warehouse: Warehouse


@recipe("hubspot_demo")
def _hubspot_demo(factory: Factory) -> HubSpotBuild:
    raw_dir = factory.mktemp("hubspot_demo_raw")
    landing = write_hubspot_demo(raw_dir, accounts=300, seed=7, bad_rows=True)
    # the adapter's unit tests run only with crm_source hubspot: here (the
    # project's other unit tests run in the check command's own build)
    others = [f"test_type:unit,path:{path}" for path in OTHER_UNIT_TEST_PATHS]
    args = ["build", "--exclude", *others, "--vars", json.dumps(DEMO_VARS)]
    return HubSpotBuild(landing, factory.build(raw_dir, "hubspot_demo", args))


@recipe("hubspot_fixture")
def _hubspot_fixture(factory: Factory) -> Warehouse:
    raw_dir = factory.mktemp("hubspot_fixture_raw")
    write_hubspot_fixture(raw_dir)
    args = [*DATA_BUILD, "--vars", json.dumps({"crm_source": "hubspot"})]
    return factory.build(raw_dir, "hubspot_fixture", args)


@pytest.fixture(scope="module")
def hubspot_demo(builds) -> HubSpotBuild:
    built = builds.get("hubspot_demo")
    assert built.warehouse.result.ok, built.warehouse.result.output[-3000:]
    return built


@pytest.fixture(scope="module")
def hubspot_fixture(builds) -> Warehouse:
    warehouse = builds.get("hubspot_fixture")
    assert warehouse.result.ok, warehouse.result.output[-3000:]
    return warehouse


def _reconciliation(warehouse: Warehouse) -> dict[str, dict]:
    rows = warehouse.rows("select * from marts.data_quality_reconciliation")
    return {row["table_name"]: row for row in rows}


def test_adapter_unit_tests_ran_and_passed(hubspot_demo: HubSpotBuild) -> None:
    output = hubspot_demo.warehouse.result.output
    passed = re.findall(r"PASS (hubspot__\w+)::", output)
    assert len(passed) == ADAPTER_UNIT_TESTS, passed


def test_scorecard_equals_the_contract_shaped_demo(
    small_demo: DemoBuild,  # noqa: F811
    hubspot_demo: HubSpotBuild,
) -> None:
    assert small_demo.warehouse.result.ok, small_demo.warehouse.result.output[-3000:]
    reference = duckdb_scorecard(small_demo.warehouse.path)
    assert len(reference) > 1000
    assert differences(reference, duckdb_scorecard(hubspot_demo.warehouse.path)) == []


def test_rejections_are_the_injected_hubspot_rows(hubspot_demo: HubSpotBuild) -> None:
    rows = hubspot_demo.warehouse.rows(
        "select table_name, reason, count(*) as n from marts.data_quality_rejected_rows "
        "group by 1, 2"
    )
    found = {(row["table_name"], row["reason"]): row["n"] for row in rows}
    assert found == dict(hubspot_demo.landing.expected_rejections)
    assert found == {
        ("order_items", "orphan_reference"): 2,
        ("order_items", "invalid_value"): 2,
        ("orders", "invalid_value"): 1,
        ("opportunities", "unmapped_stage"): 1,
        ("campaign_members", "missing_primary_key"): 1,
        ("interactions", "missing_required_field"): 1,
    }


def test_every_mapped_row_is_loaded_superseded_deleted_or_rejected(
    small_demo: DemoBuild,  # noqa: F811
    hubspot_demo: HubSpotBuild,
) -> None:
    rows = _reconciliation(hubspot_demo.warehouse)
    for table, row in rows.items():
        assert row["raw_rows"] == (
            row["loaded"] + row["superseded"] + row["deleted"] + row["rejected"]
        ), table
    # the adapter's rows: the contract demo's, plus the bad HubSpot rows
    added = {"orders": 2, "order_items": 5, "opportunities": 2, "campaign_members": 1}
    added["interactions"] = 1
    for table in ("accounts", "products", "sales_reps", "campaigns", *added):
        expected = len(small_demo.tables.rows[table]) + added.get(table, 0)
        assert rows[table]["raw_rows"] == expected, table
    # the deleted deal and its line; the older history-mode version of a deal
    assert (rows["orders"]["deleted"], rows["order_items"]["deleted"]) == (1, 1)
    assert rows["opportunities"]["superseded"] == 1


def test_fivetran_documented_columns_build_with_default_vars(hubspot_fixture: Warehouse) -> None:
    rows = _reconciliation(hubspot_fixture)
    loaded = {table: row["loaded"] for table, row in rows.items()}
    assert loaded == {
        "accounts": 3,
        "products": 2,
        "orders": 5,
        "order_items": 5,
        "opportunities": 6,
        "sales_reps": 1,
        "campaigns": 1,
        "campaign_members": 1,
        "interactions": 1,
    }
    assert sum(row["rejected"] for row in rows.values()) == 0
    # without the custom-property vars: the fallbacks, not rejections
    accounts = hubspot_fixture.rows(
        "select account_id, segment, industry, customer_type from staging.stg_crm__accounts "
        "order by 1"
    )
    assert [(row["segment"], row["industry"], row["customer_type"]) for row in accounts] == [
        ("unknown", "retail", "b2b"),
        ("unknown", "unknown", "b2b"),
        ("unknown", "computer_software", "b2b"),
    ]
