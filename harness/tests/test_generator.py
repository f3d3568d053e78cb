"""The demo generator: deterministic, and it writes the whole contract."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from crosssell.contract import SOURCES_YAML, load_contract, table_names
from harness import generator
from harness.contract import SNAPSHOT_MACRO, snapshot_macro
from harness.generator import COLUMNS, NATURAL_NEXT, Tables, build_tables, generate


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


def _first_purchases(tables: Tables) -> dict[str, list[str]]:
    """Account -> its products in the order of their first completed purchase."""
    orders = COLUMNS["orders"]
    items = COLUMNS["order_items"]
    completed = {
        row[orders.index("order_id")]: (
            row[orders.index("account_id")],
            row[orders.index("ordered_at")],
        )
        for row in tables.rows["orders"]
        if row[orders.index("status")] == "completed"
    }
    lines = sorted(
        (
            completed[row[items.index("order_id")]],
            row[items.index("order_item_id")],
            row[items.index("product_id")],
        )
        for row in tables.rows["order_items"]
        if row[items.index("order_id")] in completed
    )
    sequences: dict[str, list[str]] = {}
    for (account_id, _), _, product_id in lines:
        bought = sequences.setdefault(account_id, [])
        if product_id not in bought:
            bought.append(product_id)
    return sequences


def test_purchase_paths_change_only_the_products(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without paths (share 0) every row is the same except the product drawn.

    The paths draw from their own random stream, so row counts, ids, dates,
    statuses and quantities do not depend on them.
    """
    with_paths = build_tables(accounts=300, seed=11, bad_rows=True)
    monkeypatch.setattr(generator, "NATURAL_NEXT_SHARE", 0.0)
    uniform = build_tables(accounts=300, seed=11, bad_rows=True)
    product_columns = {
        "order_items": {"product_id", "unit_price", "discount_amount"},
        "product_usage": {"product_id"},
    }
    for table, columns in COLUMNS.items():
        assert len(with_paths.rows[table]) == len(uniform.rows[table]), table
        kept = [
            i for i, name in enumerate(columns) if name not in product_columns.get(table, set())
        ]
        for row, other in zip(with_paths.rows[table], uniform.rows[table], strict=True):
            assert [row[i] for i in kept] == [other[i] for i in kept], table
    assert with_paths.expected_rejections == uniform.expected_rejections
    assert with_paths.rows["order_items"] != uniform.rows["order_items"]


def test_new_products_follow_the_purchase_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """About half of the new products are a natural next of one already owned.

    Uniform draws give a natural next far less often (about one time in five
    here), so the share tells a path from chance.
    """

    def share_following(tables: Tables) -> float:
        following = total = 0
        for products in _first_purchases(tables).values():
            for position in range(1, len(products)):
                earlier = products[:position]
                total += 1
                following += any(products[position] in NATURAL_NEXT[have] for have in earlier)
        return following / total

    with_paths = share_following(build_tables(accounts=1500, seed=42))
    monkeypatch.setattr(generator, "NATURAL_NEXT_SHARE", 0.0)
    uniform = share_following(build_tables(accounts=1500, seed=42))
    assert with_paths > 0.45
    assert uniform < 0.25
