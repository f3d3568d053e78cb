"""The Salesforce adapter: the demo CRM as Fivetran lands it gives the same KPIs.

Two builds of its own (about 70 s together), one shared:
- salesforce_demo: the demo (300 accounts, seed 7) in Salesforce's shape with
  bad rows in Salesforce's shape added, built with crm_source salesforce and
  EQUIVALENCE_VARS, plus the adapter's unit tests (they run only in that
  mode). Its kpi_scorecard must equal the contract-shaped build of the same
  demo (test_refresh's small_demo, shared), and the bad rows must end up as
  exactly the rejections the converter announced.
- salesforce_fixture: a tiny landing with exactly the column sets of
  Fivetran's own sample tables, optional tables absent, default vars.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from crosssell.target import PROJECT_DIR
from harness.crm_shapes.salesforce import (
    EQUIVALENCE_VARS,
    PRICEBOOK_ENTRY_COLUMNS,
    add_salesforce_bad_rows,
    salesforce_landing,
    write_salesforce,
    write_salesforce_fixture,
)
from harness.crm_shapes.salesforce_columns import FIVETRAN_COLUMNS
from harness.engines import differences, duckdb_scorecard
from harness.generator import build_tables
from harness.tests.conftest import DemoBuild, Factory, Warehouse, recipe

# registers the shared contract-shaped build of the same demo
from harness.tests.test_refresh import _small_demo  # noqa: F401

ADAPTED = (
    "accounts",
    "products",
    "orders",
    "order_items",
    "sales_reps",
    "campaigns",
    "campaign_members",
    "opportunities",
    "interactions",
)
UNIT_TESTS_YAML = PROJECT_DIR / "models" / "staging" / "salesforce" / "_salesforce__unit_tests.yml"
# the adapter's unit tests run; the rest of the project's run in contract mode
OTHER_UNIT_TESTS = [
    f"test_type:unit,path:{folder}"
    for folder in ("models/staging/crm", "models/intermediate", "models/marts")
]


def _vars(values: dict[str, object]) -> str:
    return yaml.safe_dump(values, default_flow_style=True).strip()


@recipe("salesforce_demo", fixture="salesforce_builds")
def _salesforce_demo(factory: Factory) -> tuple[Warehouse, Counter[tuple[str, str]]]:
    raw_dir = factory.mktemp("salesforce_demo_raw")
    tables = build_tables(accounts=300, seed=7)
    landing = salesforce_landing(tables)
    expected = add_salesforce_bad_rows(landing)
    write_salesforce(tables, raw_dir, landing)
    args = ["build", "--exclude", *OTHER_UNIT_TESTS, "--vars", _vars(EQUIVALENCE_VARS)]
    return factory.build(raw_dir, "salesforce_demo", args), expected


@recipe("salesforce_fixture", fixture="salesforce_builds")
def _salesforce_fixture(factory: Factory) -> Warehouse:
    raw_dir = factory.mktemp("salesforce_fixture_raw")
    write_salesforce_fixture(raw_dir)
    args = ["build", "--exclude", "test_type:unit", "--vars", _vars({"crm_source": "salesforce"})]
    return factory.build(raw_dir, "salesforce_fixture", args)


@pytest.fixture(scope="module")
def salesforce_builds(builds) -> dict[str, object]:
    return {"demo": builds.get("salesforce_demo"), "fixture": builds.get("salesforce_fixture")}


@pytest.fixture(scope="module")
def salesforce_demo(salesforce_builds) -> tuple[Warehouse, Counter[tuple[str, str]]]:
    warehouse, expected = salesforce_builds["demo"]
    assert warehouse.result.ok, warehouse.result.output[-3000:]
    return warehouse, expected


@pytest.fixture(scope="module")
def salesforce_fixture(salesforce_builds) -> Warehouse:
    warehouse = salesforce_builds["fixture"]
    assert warehouse.result.ok, warehouse.result.output[-3000:]
    return warehouse


@pytest.fixture(scope="module")
def contract_demo(builds) -> DemoBuild:
    demo = builds.get("small_demo")
    assert demo.warehouse.result.ok, demo.warehouse.result.output[-3000:]
    return demo


def test_fixture_tables_have_exactly_the_fivetran_columns(tmp_path: Path) -> None:
    write_salesforce_fixture(tmp_path)
    headers = {}
    for path in sorted(tmp_path.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            headers[path.stem] = tuple(next(csv.reader(handle)))
    assert headers == {**FIVETRAN_COLUMNS, "pricebook_entry": PRICEBOOK_ENTRY_COLUMNS}


def test_scorecard_equals_the_contract_build(salesforce_demo, contract_demo) -> None:
    warehouse, _ = salesforce_demo
    reference = duckdb_scorecard(contract_demo.warehouse.path)
    assert len(reference) > 5000
    assert differences(reference, duckdb_scorecard(warehouse.path)) == []


def test_bad_rows_are_exactly_the_announced_rejections(salesforce_demo) -> None:
    warehouse, expected = salesforce_demo
    rows = warehouse.rows(
        "select table_name, reason, count(*) as n from marts.data_quality_rejected_rows "
        "group by 1, 2"
    )
    assert {(row["table_name"], row["reason"]): row["n"] for row in rows} == dict(expected)
    assert sum(expected.values()) == 13


def test_reconciliation_adds_up_for_every_table(salesforce_demo, contract_demo) -> None:
    warehouse, _ = salesforce_demo
    rows = {
        row["table_name"]: row
        for row in warehouse.rows("select * from marts.data_quality_reconciliation")
    }
    assert set(rows) == set(contract_demo.tables.rows)
    for table, row in rows.items():
        assert row["raw_rows"] == (
            row["loaded"] + row["superseded"] + row["deleted"] + row["rejected"]
        ), table
        if table in ADAPTED:  # the adapter's rows are the raw rows
            adapted = warehouse.rows(f"select count(*) as n from staging.salesforce__{table}")
            assert row["raw_rows"] == adapted[0]["n"], table
        else:  # kept in contract shape
            assert row["raw_rows"] == len(contract_demo.tables.rows[table]), table
        # every clean demo row loads, as in the contract build
        assert row["loaded"] == len(contract_demo.tables.rows[table]), table
    # an old history-mode version of an account; a soft-deleted order and task
    assert rows["accounts"]["superseded"] == 1
    assert (rows["orders"]["deleted"], rows["interactions"]["deleted"]) == (1, 1)


def test_the_adapter_unit_tests_ran_and_passed(salesforce_demo) -> None:
    warehouse, _ = salesforce_demo
    names = {test["name"] for test in yaml.safe_load(UNIT_TESTS_YAML.read_text())["unit_tests"]}
    passed = set(re.findall(r"PASS \S+::(\S+)", warehouse.result.output))
    assert len(names) >= 14
    assert names <= passed, sorted(names - passed)


def test_fivetran_column_set_fixture_builds_with_the_default_mapping(salesforce_fixture) -> None:
    warehouse = salesforce_fixture
    assert warehouse.rows("select count(*) as n from marts.data_quality_rejected_rows") == [
        {"n": 0}
    ]
    # purchases are the two won deals; the 10 % line discount is an amount
    items = warehouse.rows(
        "select order_item_id, order_id, product_id, discount_amount "
        "from intermediate.int_order_items_resolved order by 1"
    )
    assert [
        (row["order_item_id"], row["order_id"], row["product_id"], float(row["discount_amount"]))
        for row in items
    ] == [
        ("00kL1", "006O1", "01tP1", 240.0),
        ("00kL2", "006O2", "01tP2", 0.0),
        ("00kL3", "006O2", "01tP1", 0.0),
    ]
    deals = warehouse.rows(
        "select opportunity_id, product_id, declared_type, canonical_stage, "
        "cast(closed_at as varchar) as closed_at "
        "from intermediate.int_opportunities_resolved order by 1"
    )
    assert [tuple(row.values()) for row in deals] == [
        ("006O1", "01tP1", "new_business", "closed_won", "2025-03-10 00:00:00"),
        # two lines: the larger one's product; closed the day it was created
        ("006O2", "01tP1", "upsell", "closed_won", "2025-04-02 15:00:00"),
        ("006O3", None, "renewal", "closed_lost", "2025-05-20 00:00:00"),
        # open: its close date is a forecast
        ("006O4", None, None, "open", None),
    ]
    accounts = warehouse.rows(
        "select account_id, segment, region, country, industry from staging.stg_crm__accounts "
        "order by 1"
    )
    assert [tuple(row.values()) for row in accounts] == [
        ("001A1", "mid_market", "emea", "DE", "Manufacturing"),
        ("001A2", "enterprise", "amer", "US", "Technology"),
        ("001A3", "unknown", "apac", "JP", "unknown"),
    ]
    arpa = warehouse.kpi("arpa", "month", "2025-03-01")
    assert (arpa["numerator"], arpa["denominator"]) == (2160.0, 1.0)
