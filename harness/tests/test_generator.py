"""The demo generator: deterministic, and it writes the whole contract."""

from __future__ import annotations

import re
from pathlib import Path

from harness.generator import COLUMNS, build_tables, generate

CONTRACT_MACRO = Path(__file__).resolve().parents[2] / "macros" / "raw" / "crm_contract.sql"


def _contract_columns() -> dict[str, list[str]]:
    """Table -> column names, read from the dbt macro that holds the contract."""
    text = CONTRACT_MACRO.read_text()
    tables = {}
    for match in re.finditer(r"'(\w+)': \{\s*'required'.*?\n\s*'rules'", text, re.S):
        tables[match.group(1)] = re.findall(r"\{'name': '(\w+)'", match.group(0))
    return tables


def test_generator_columns_are_the_contract() -> None:
    assert _contract_columns() == COLUMNS


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
