"""The UCI Online Retail example: map the shipped sample, build it, check the figures.

Expected values are worked out here from the sample file itself, with
plain Python, independently of the mapping script and of the models.
"""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from crosssell.target import PROJECT_DIR
from harness.generator import COLUMNS
from harness.tests.conftest import Warehouse
from harness.tests.money_rules import line_revenue_usd, usd_rates

EXAMPLE = PROJECT_DIR / "examples" / "uci_online_retail"
SAMPLE = EXAMPLE / "sample" / "online_retail_sample.csv"
NON_PRODUCT_CODES = {"POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES", "CRUK", "PADS"}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def is_product(stock_code: str) -> bool:
    return stock_code[:5].isdigit()


@pytest.fixture(scope="module")
def sample_rows() -> list[dict[str, str]]:
    return read_csv(SAMPLE)


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("uci_raw")
    script = EXAMPLE / "map_to_contract.py"
    done = subprocess.run(
        [sys.executable, str(script), str(SAMPLE), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def uci(mapped: Path, build_raw: Callable[..., Warehouse]) -> Warehouse:
    warehouse = build_raw(mapped, "uci_online_retail")
    assert warehouse.result.ok, warehouse.result.output[-3000:]
    return warehouse


def test_sample_shows_the_quirks(sample_rows: list[dict[str, str]]) -> None:
    customers = {row["CustomerID"] for row in sample_rows if row["CustomerID"]}
    assert len(sample_rows) == 12_481
    assert len(customers) == 146
    assert sum(1 for row in sample_rows if not row["CustomerID"]) == 68
    assert any(row["InvoiceNo"].startswith("C") for row in sample_rows)
    assert any(int(row["Quantity"]) < 0 for row in sample_rows)
    assert {row["StockCode"] for row in sample_rows} & NON_PRODUCT_CODES


def test_mapped_files_have_the_contract_columns(mapped: Path) -> None:
    for table in ("accounts", "products", "orders", "order_items"):
        with (mapped / f"{table}.csv").open(encoding="utf-8") as handle:
            assert handle.readline().strip().split(",") == COLUMNS[table]
    assert sorted(path.name for path in mapped.iterdir()) == [
        "accounts.csv",
        "order_items.csv",
        "orders.csv",
        "products.csv",
    ]


def test_mapping_keeps_customers_invoices_and_goods(
    mapped: Path, sample_rows: list[dict[str, str]]
) -> None:
    with_customer = [row for row in sample_rows if row["CustomerID"]]
    goods = [row for row in with_customer if is_product(row["StockCode"])]
    accounts = read_csv(mapped / "accounts.csv")
    orders = read_csv(mapped / "orders.csv")
    items = read_csv(mapped / "order_items.csv")

    assert {row["account_id"] for row in accounts} == {
        str(int(float(row["CustomerID"]))) for row in with_customer
    }
    assert {row["order_id"] for row in orders} == {row["InvoiceNo"] for row in goods}
    assert len(items) == len(goods) == 12_369
    # rows without a customer (guest checkouts, bad-debt adjustments) are left out
    guest_invoices = {row["InvoiceNo"] for row in sample_rows if not row["CustomerID"]}
    assert guest_invoices and not guest_invoices & {row["order_id"] for row in orders}
    # cancellation invoices are cancelled orders with positive quantities
    statuses = {row["order_id"]: row["status"] for row in orders}
    assert {status for order, status in statuses.items() if order.startswith("C")} == {"cancelled"}
    assert sum(1 for status in statuses.values() if status == "cancelled") == 95
    assert min(int(row["quantity"]) for row in items) > 0
    assert {row["currency"] for row in orders} == {"GBP"}


def test_build_passes_and_every_row_loads(uci: Warehouse) -> None:
    assert "ERROR=0" in uci.result.output
    rows = uci.rows(
        "select table_name, raw_rows, loaded, superseded, deleted, rejected "
        "from marts.data_quality_reconciliation order by table_name"
    )
    assert [(r["table_name"], r["raw_rows"], r["loaded"]) for r in rows] == [
        ("accounts", 146, 146),
        ("order_items", 12_369, 12_369),
        ("orders", 612, 612),
        ("products", 2_254, 2_254),
    ]
    assert all(r["superseded"] == r["deleted"] == r["rejected"] == 0 for r in rows)


def expected_cross_sell_rate(mapped: Path, start: datetime, end: datetime) -> tuple[int, int]:
    """(accounts with a cross-purchase event in [start, end), active accounts)."""
    completed = {
        row["order_id"]: (row["account_id"], datetime.fromisoformat(row["ordered_at"]))
        for row in read_csv(mapped / "orders.csv")
        if row["status"] == "completed"
    }
    first_purchase: dict[str, datetime] = {}
    first_bought: dict[tuple[str, str], datetime] = {}
    for item in read_csv(mapped / "order_items.csv"):
        if item["order_id"] not in completed:
            continue
        account, at = completed[item["order_id"]]
        first_purchase[account] = min(at, first_purchase.get(account, at))
        key = (account, item["product_id"])
        first_bought[key] = min(at, first_bought.get(key, at))
    active = {account for account, at in first_purchase.items() if at < end}  # nobody churns
    crossed = {
        account
        for (account, _), at in first_bought.items()
        if start <= at < end and at > first_purchase[account]
    }
    return len(crossed & active), len(active)


def test_calendar_and_cross_sell_rate(uci: Warehouse, mapped: Path) -> None:
    as_of = uci.rows("select distinct as_of_date from marts.dim_calendar")
    assert [str(row["as_of_date"]) for row in as_of] == ["2011-12-08"]
    # the data starts in December 2010: 2010 is the last complete year, 2011 runs to as_of
    full_year = uci.kpi("cross_sell_rate", "year", "2010-01-01")
    assert full_year["is_complete_period"] is True
    assert (full_year["numerator"], full_year["denominator"]) == expected_cross_sell_rate(
        mapped, datetime(2010, 1, 1), datetime(2011, 1, 1)
    )
    assert (full_year["numerator"], full_year["denominator"]) == (4, 29)
    year_2011 = uci.kpi("cross_sell_rate", "year", "2011-01-01")
    assert year_2011["is_complete_period"] is False
    assert (year_2011["numerator"], year_2011["denominator"]) == expected_cross_sell_rate(
        mapped, datetime(2011, 1, 1), datetime(2012, 1, 1)
    )
    assert year_2011["value"] == pytest.approx(100 * 92 / 146)


def test_revenue_is_converted_from_gbp(uci: Warehouse, mapped: Path) -> None:
    completed = {
        row["order_id"]
        for row in read_csv(mapped / "orders.csv")
        if row["status"] == "completed" and row["ordered_at"] < "2011-01-01"
    }
    gbp = usd_rates()["GBP"]
    revenue = sum(
        (
            line_revenue_usd(item, gbp)
            for item in read_csv(mapped / "order_items.csv")
            if item["order_id"] in completed
        ),
        Decimal(0),
    )
    arpa = uci.kpi("arpa", "year", "2010-01-01")
    # the scorecard's numerator is a double cast from the exact sum: equal to the cent
    cent = Decimal("0.01")
    assert Decimal(repr(arpa["numerator"])).quantize(cent) == revenue.quantize(cent)
    assert revenue > 1000


def test_us_dates_and_integer_customer_ids_map_the_same(sample_rows) -> None:
    # UCI's own CSV export writes 12/1/2010 8:26 and 17850 instead of
    # 2010-12-01 08:26:00 and 17850.0
    spec = importlib.util.spec_from_file_location("map_to_contract", EXAMPLE / "map_to_contract.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)

    rows = sample_rows[:500]
    us_rows = []
    for row in rows:
        at = datetime.fromisoformat(row["InvoiceDate"])
        customer = str(int(float(row["CustomerID"]))) if row["CustomerID"] else ""
        us_rows.append(
            {**row, "InvoiceDate": f"{at.month}/{at.day}/{at.year} {at.hour}:{at.minute:02d}"}
            | {"CustomerID": customer}
        )
    assert us_rows[0]["InvoiceDate"] != rows[0]["InvoiceDate"]
    assert module.map_rows(us_rows).tables == module.map_rows(rows).tables
