"""The demo generator: deterministic, and it writes the whole contract."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

from crosssell.contract import SOURCES_YAML, load_contract, table_names
from harness.contract import SNAPSHOT_MACRO, snapshot_macro
from harness.generator import COLUMNS, build_tables, generate


def _yaml_columns() -> dict[str, list[str]]:
    """Table -> column names, read straight from the sources YAML."""
    (crm,) = [s for s in yaml.safe_load(SOURCES_YAML.read_text())["sources"] if s["name"] == "crm"]
    return {
        table["name"]: [column["name"] for column in table["columns"]]
        for table in crm["tables"]
        if table["name"] != "raw_table_inventory"
    }


def test_generated_files_have_the_contract_columns(tmp_path: Path) -> None:
    generate(tmp_path, accounts=50, seed=1)
    headers = {}
    for table in _yaml_columns():
        with (tmp_path / f"{table}.csv").open(newline="") as handle:
            headers[table] = next(csv.reader(handle))
    assert headers == _yaml_columns()
    assert sum(len(columns) for columns in headers.values()) == 99


def test_demo_rows_meet_the_contract() -> None:
    """Good demo rows fill every required column and keep enums in their set."""
    tables = build_tables(accounts=300, seed=5)
    for table, spec in load_contract().items():
        for position, column in enumerate(spec["columns"]):
            values = {row[position] for row in tables.rows[table]}
            if not column["nullable"]:
                assert "" not in values, f"{table}.{column['name']} left empty"
            if column["values"]:
                assert values <= set(column["values"]), (table, column["name"], values)


def test_contract_shape() -> None:
    contract = load_contract()
    assert table_names(contract) == [
        "sales_reps", "accounts", "products", "orders", "order_items", "campaigns",
        "campaign_members", "opportunities", "interactions", "product_usage",
        "survey_responses", "implementations",
    ]  # fmt: skip
    assert [table for table, spec in contract.items() if spec["required"]] == [
        "accounts", "products", "orders", "order_items",
    ]  # fmt: skip
    assert contract["order_items"]["rules"] == [
        "quantity <= 0",
        "unit_price < 0",
        "discount_amount < 0",
        "discount_amount > quantity * unit_price",
    ]
    owner = contract["opportunities"]["columns"][2]
    assert owner["name"] == "owner_rep_id"
    assert (owner["nullable"], owner["references"]) == (True, "sales_reps")


def test_dbt_snapshot_of_the_contract_is_current() -> None:
    """dbt reads this copy while parsing and in unit tests: python -m harness.contract."""
    assert SNAPSHOT_MACRO.read_text() == snapshot_macro()


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", accounts=200, seed=3)
    generate(tmp_path / "b", accounts=200, seed=3)
    for table in COLUMNS:
        assert (tmp_path / "a" / f"{table}.csv").read_bytes() == (
            tmp_path / "b" / f"{table}.csv"
        ).read_bytes()


def test_demo_covers_what_the_kpis_need() -> None:
    tables = build_tables(accounts=400, seed=42)
    accounts = tables.rows["accounts"]
    columns = COLUMNS["accounts"]
    values = {name: {row[columns.index(name)] for row in accounts} for name in columns}
    assert {"b2b", "b2c"} <= values["customer_type"]
    assert len(values["segment"]) >= 3 and len(values["industry"]) >= 3
    assert any(row[columns.index("churned_at")] for row in accounts)
    order_columns = COLUMNS["orders"]
    currencies = {row[order_columns.index("currency")] for row in tables.rows["orders"]}
    assert currencies == {"USD", "EUR", "GBP"}
    statuses = {row[order_columns.index("status")] for row in tables.rows["orders"]}
    assert statuses == {"completed", "pending", "cancelled", "refunded"}
    assert len(tables.rows["products"]) >= 10
    opportunity_columns = COLUMNS["opportunities"]
    stages = {row[opportunity_columns.index("stage")] for row in tables.rows["opportunities"]}
    assert {"Closed Won", "Closed Lost", "Prospecting"} <= stages
    for table in COLUMNS:
        assert tables.rows[table], f"no {table} rows"


def test_size_parameter_scales() -> None:
    small = build_tables(accounts=100, seed=1)
    large = build_tables(accounts=1000, seed=1)
    assert len(large.rows["accounts"]) == 10 * len(small.rows["accounts"])
    assert len(large.rows["order_items"]) > 5 * len(small.rows["order_items"])
