"""End to end on a small hand-made CRM: every figure worked out by hand.

Accounts (all created 2023-01-01; R1, R2 are reps):
  A1 smb        rep R1  buys P1 2024-01-10, P2 2024-03-05 (cross), P2 again 2024-05-01
  A2 smb        rep R1  buys P1 and P2 in two orders at the same time 2024-02-01
                        (neither is a cross-purchase), P3 2024-07-01 in EUR (cross)
  A3 enterprise rep R2  first bought P1 2023-06-01, P3 2024-02-10 (cross),
                        churned 2024-04-15
  A4 consumer   no rep  buys P3 2024-01-20; a cancelled P1 order 2024-08-01;
                        P1 2025-01-05 (cross, in 2025)
  A5 smb        rep R1  only a cancelled order: not a customer
as_of_date = latest order date = 2025-01-05, so 2024 is the last complete year.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.tests.conftest import Warehouse, write_raw

LOADED = "2025-01-06 00:00:00"


def _account(
    account_id: str,
    segment: str,
    rep: str,
    customer_type: str = "b2b",
    churned_at: str = "",
    age_band: str = "",
) -> dict[str, str]:
    return dict(
        account_id=account_id,
        account_name=f"Name of {account_id}",
        segment=segment,
        industry="retail",
        region="emea",
        country="DE",
        customer_type=customer_type,
        age_band=age_band,
        owner_rep_id=rep,
        created_at="2023-01-01 00:00:00",
        churned_at=churned_at,
        is_deleted="false",
        _loaded_at=LOADED,
    )


def _order(
    order_id: str,
    account_id: str,
    ordered_at: str,
    status: str = "completed",
    currency: str = "USD",
) -> dict[str, str]:
    return dict(
        order_id=order_id,
        account_id=account_id,
        ordered_at=ordered_at,
        status=status,
        currency=currency,
        is_deleted="false",
        _loaded_at=LOADED,
    )


def _item(
    item_id: str,
    order_id: str,
    product_id: str,
    quantity: int,
    unit_price: float,
    discount: str = "",
) -> dict[str, object]:
    return dict(
        order_item_id=item_id,
        order_id=order_id,
        product_id=product_id,
        quantity=quantity,
        unit_price=unit_price,
        discount_amount=discount,
        is_deleted="false",
        _loaded_at=LOADED,
    )


HANDMADE = {
    "sales_reps": [
        dict(
            rep_id=rep,
            rep_name=f"Rep {rep}",
            team="t",
            region="emea",
            role="sales",
            hired_at="2020-01-01 00:00:00",
            is_deleted="false",
            _loaded_at=LOADED,
        )
        for rep in ("R1", "R2")
    ],
    "products": [
        dict(
            product_id=pid,
            product_name=pid,
            product_category=cat,
            list_price=100,
            currency="USD",
            is_active="true",
            is_deleted="false",
            _loaded_at=LOADED,
        )
        for pid, cat in (("P1", "a"), ("P2", "a"), ("P3", "b"))
    ],
    "accounts": [
        _account("A1", "smb", "R1"),
        _account("A2", "smb", "R1"),
        _account("A3", "enterprise", "R2", churned_at="2024-04-15 00:00:00"),
        _account("A4", "consumer", "", customer_type="b2c", age_band="25-34"),
        _account("A5", "smb", "R1"),
    ],
    "orders": [
        _order("o1", "A1", "2024-01-10 09:00:00"),
        _order("o2", "A1", "2024-03-05 09:00:00"),
        _order("o3", "A1", "2024-05-01 09:00:00"),
        _order("o4", "A2", "2024-02-01 12:00:00"),
        _order("o5", "A2", "2024-02-01 12:00:00"),
        _order("o6", "A2", "2024-07-01 12:00:00", currency="EUR"),
        _order("o7", "A3", "2023-06-01 08:00:00"),
        _order("o8", "A3", "2024-02-10 08:00:00"),
        _order("o9", "A4", "2024-01-20 10:00:00"),
        _order("o10", "A4", "2024-08-01 10:00:00", status="cancelled"),
        _order("o11", "A4", "2025-01-05 10:00:00"),
        _order("o12", "A5", "2024-03-01 10:00:00", status="cancelled"),
    ],
    "order_items": [
        _item("i1", "o1", "P1", 1, 100),
        _item("i2", "o2", "P2", 2, 50, discount="10"),
        _item("i3", "o3", "P2", 1, 50),
        _item("i4", "o4", "P1", 1, 100),
        _item("i5", "o5", "P2", 1, 100),
        _item("i6", "o6", "P3", 1, 200),
        _item("i7", "o7", "P1", 1, 100),
        _item("i8", "o8", "P3", 1, 100),
        _item("i9", "o9", "P3", 1, 30),
        _item("i10", "o10", "P1", 1, 20),
        _item("i11", "o11", "P1", 1, 20),
        _item("i12", "o12", "P1", 1, 20),
    ],
}


@pytest.fixture(scope="module")
def handmade(tmp_path_factory: pytest.TempPathFactory, build_raw) -> Warehouse:
    raw_dir = tmp_path_factory.mktemp("handmade_raw")
    write_raw(raw_dir, HANDMADE)
    warehouse = build_raw(raw_dir, "handmade")
    assert warehouse.result.ok, warehouse.result.output[-3000:]
    return warehouse


def test_build_passes_every_dbt_test(handmade: Warehouse) -> None:
    assert "ERROR=0" in handmade.result.output
    assert "FAIL" not in handmade.result.output


def test_calendar_runs_to_the_latest_order(handmade: Warehouse) -> None:
    rows = handmade.rows("select distinct as_of_date from marts.dim_calendar")
    assert [str(row["as_of_date"]) for row in rows] == ["2025-01-05"]
    years = handmade.rows(
        "select period_start, is_complete_period from marts.dim_calendar "
        "where grain = 'year' order by 1"
    )
    assert [(str(r["period_start"]), r["is_complete_period"]) for r in years] == [
        ("2023-01-01", True),
        ("2024-01-01", True),
        ("2025-01-01", False),
    ]


def test_cross_sell_rate_2024(handmade: Warehouse) -> None:
    # active during 2024: A1, A2, A3 (churned in April), A4 -> 4
    # cross-purchase events in 2024: A1 (P2), A2 (P3), A3 (P3) -> 3
    row = handmade.kpi("cross_sell_rate", "year", "2024-01-01")
    assert (row["numerator"], row["denominator"], row["value"]) == (3, 4, 75.0)
    assert row["previous_value"] == pytest.approx(0.0)  # 2023: A3 alone, no event


@pytest.mark.parametrize(
    ("dimension", "dimension_value", "numerator", "denominator"),
    [
        ("segment", "smb", 2, 2),
        ("segment", "enterprise", 1, 1),
        ("segment", "consumer", 0, 1),
        ("sales_rep", "R1", 2, 2),
        ("sales_rep", "unknown", 0, 1),
        ("customer_type", "b2c", 0, 1),
        ("age_band", "25-34", 0, 1),
        ("product", "P2", 1, 4),
        ("product", "P3", 2, 4),
        ("product_category", "a", 1, 4),
        ("product_category", "b", 2, 4),
    ],
)
def test_cross_sell_rate_2024_breakdowns(
    handmade: Warehouse, dimension: str, dimension_value: str, numerator: int, denominator: int
) -> None:
    row = handmade.kpi("cross_sell_rate", "year", "2024-01-01", dimension, dimension_value)
    assert (row["numerator"], row["denominator"]) == (numerator, denominator)
    assert row["value"] == pytest.approx(100 * numerator / denominator)


def test_cross_sell_rate_quarters(handmade: Warehouse) -> None:
    q1 = handmade.kpi("cross_sell_rate", "quarter", "2024-01-01")
    assert (q1["numerator"], q1["denominator"]) == (2, 4)  # A1, A3 of A1-A4
    q3 = handmade.kpi("cross_sell_rate", "quarter", "2024-07-01")
    assert (q3["numerator"], q3["denominator"]) == (1, 3)  # A2 of A1, A2, A4
    q2 = handmade.kpi("cross_sell_rate", "quarter", "2024-04-01")
    assert q3["previous_value"] == q2["value"]


def test_cross_sell_revenue(handmade: Warehouse) -> None:
    # A1: 2 * 50 - 10 = 90; A2: 200 EUR * 1.08 = 216; A3: 100; A1's repeat P2 is not counted
    row = handmade.kpi("cross_sell_revenue", "year", "2024-01-01")
    assert row["value"] == pytest.approx(406.0)
    assert row["denominator"] is None
    assert handmade.kpi("cross_sell_revenue", "year", "2025-01-01")["value"] == pytest.approx(20)
    assert handmade.kpi("cross_sell_revenue", "year", "2024-01-01", "product", "P3")[
        "value"
    ] == pytest.approx(316.0)


def test_arpa_2024(handmade: Warehouse) -> None:
    # revenue 2024: A1 100+90+50, A2 100+100+216, A3 100, A4 30 (cancelled order excluded)
    row = handmade.kpi("arpa", "year", "2024-01-01")
    assert row["numerator"] == pytest.approx(786.0)
    assert row["denominator"] == 4
    assert row["value"] == pytest.approx(196.5)
    multi = handmade.kpi("arpa", "year", "2024-01-01", "product_holding", "multi")
    assert (multi["numerator"], multi["denominator"]) == (pytest.approx(756.0), 3)
    single = handmade.kpi("arpa", "year", "2024-01-01", "product_holding", "single")
    assert (single["numerator"], single["denominator"]) == (pytest.approx(30.0), 1)


def test_product_penetration_rate_2024(handmade: Warehouse) -> None:
    # active at 2025-01-01: A1, A2, A4 (A3 churned); holding two or more: A1, A2
    row = handmade.kpi("product_penetration_rate", "year", "2024-01-01")
    assert (row["numerator"], row["denominator"]) == (2, 3)
    assert row["value"] == pytest.approx(200 / 3)


def test_product_affinity(handmade: Warehouse) -> None:
    rows = handmade.rows(
        "select anchor_product_id, target_product_id, owners_a, a_then_b "
        "from marts.product_affinity order by 1, 2"
    )
    assert [tuple(row.values()) for row in rows] == [
        ("P1", "P2", 4, 1),
        ("P1", "P3", 4, 2),
        ("P2", "P3", 2, 1),
        ("P3", "P1", 3, 1),
    ]


def test_non_customers_and_names_stay_out(handmade: Warehouse) -> None:
    accounts = handmade.rows("select * from marts.dim_accounts order by account_id")
    assert [row["is_customer"] for row in accounts] == [True, True, True, True, False]
    assert all("account_name" not in row for row in accounts)


def test_optional_tables_absent_are_reported(handmade: Warehouse) -> None:
    rows = handmade.rows(
        "select kpi_id, missing_tables from marts.kpi_availability "
        "where not is_available order by kpi_id"
    )
    unavailable = {row["kpi_id"]: row["missing_tables"] for row in rows}
    assert unavailable["csat"] == "survey_responses"
    assert unavailable["implementation_success_rate"] == "implementations, opportunities"
    assert "cross_sell_rate" not in unavailable
    assert "KPIs unavailable (optional raw tables absent):" in handmade.result.output
    reconciled = handmade.rows("select table_name from marts.data_quality_reconciliation")
    assert {row["table_name"] for row in reconciled} == {
        "sales_reps",
        "products",
        "accounts",
        "orders",
        "order_items",
    }


def test_same_answers_with_gzip_and_parquet_inputs(
    handmade: Warehouse, tmp_path: Path, build_raw
) -> None:
    """The raw directory may hold .csv.gz files, .parquet files or folders of them."""
    import duckdb

    raw_dir = tmp_path / "mixed"
    write_raw(raw_dir, HANDMADE)
    with duckdb.connect() as connection:
        connection.execute(
            f"copy (select * from read_csv('{raw_dir}/orders.csv', all_varchar = true)) "
            f"to '{raw_dir}/orders.parquet' (format parquet)"
        )
        (raw_dir / "order_items").mkdir()
        connection.execute(
            f"copy (select * from read_csv('{raw_dir}/order_items.csv', all_varchar = true)) "
            f"to '{raw_dir}/order_items/part-0.parquet' (format parquet)"
        )
        connection.execute(
            f"copy (select * from read_csv('{raw_dir}/accounts.csv', all_varchar = true)) "
            f"to '{raw_dir}/accounts.csv.gz' (header, compression gzip)"
        )
    for name in ("orders.csv", "order_items.csv", "accounts.csv"):
        (raw_dir / name).unlink()
    mixed = build_raw(raw_dir, "mixed")
    assert mixed.result.ok, mixed.result.output[-3000:]
    query = "select * from marts.kpi_scorecard order by all"
    assert mixed.rows(query) == handmade.rows(query)
