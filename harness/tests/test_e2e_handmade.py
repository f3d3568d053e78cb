"""End to end on the hand-made CRM of handmade_crm.py: every figure worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from harness.engines import same_value
from harness.tests.conftest import DATA_BUILD, Factory, Warehouse, recipe, write_raw
from harness.tests.handmade_crm import HANDMADE


def test_build_passes_every_dbt_test(handmade: Warehouse) -> None:
    assert "ERROR=0" in handmade.result.output
    assert "FAIL" not in handmade.result.output


def test_calendar_runs_to_the_latest_order(handmade: Warehouse) -> None:
    rows = handmade.rows("select distinct as_of_date from marts.dim_calendar")
    assert [str(row["as_of_date"]) for row in rows] == ["2025-01-05"]
    years = handmade.rows(
        "select period_start, is_complete_period, is_fully_covered, first_data_date "
        "from marts.dim_calendar where grain = 'year' order by 1"
    )
    # the data begins with A3's first order on 2023-06-01: 2023 is complete,
    # but the data does not cover its first five months
    assert [tuple(map(str, row.values())) for row in years] == [
        ("2023-01-01", "True", "False", "2023-06-01"),
        ("2024-01-01", "True", "True", "2023-06-01"),
        ("2025-01-01", "False", "False", "2023-06-01"),
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


def test_as_of_date_bounds_the_calendar_not_the_data(
    handmade: Warehouse, tmp_path: Path, build_raw
) -> None:
    """As of 2024-05-10 the calendar stops in May 2024, but every period counts all its rows."""
    raw_dir = tmp_path / "raw"
    write_raw(raw_dir, HANDMADE)
    as_of_may = "{as_of_date: 2024-05-10, affinity_min_accounts: 1}"
    earlier = build_raw(raw_dir, "handmade_may", [*DATA_BUILD, "--vars", as_of_may])
    assert earlier.result.ok, earlier.result.output[-3000:]
    months = earlier.rows(
        "select max(period_start) as last_month from marts.dim_calendar where grain = 'month'"
    )
    assert str(months[0]["last_month"]) == "2024-05-01"
    # 2024 is not complete any more, yet arpa still counts A2's P3 of 2024-07-01
    row = earlier.kpi("arpa", "year", "2024-01-01")
    assert (row["numerator"], row["denominator"]) == (pytest.approx(786.0), 4)
    assert (row["is_complete_period"], row["is_fully_covered"]) == (False, False)
    # every KPI of every period both builds have gives the same figures
    query = (
        "select kpi_id, grain, period_start, dimension, dimension_value, "
        "numerator, denominator, value, previous_value from marts.kpi_scorecard"
    )
    full = {tuple(row.values())[:5]: tuple(row.values()) for row in handmade.rows(query)}
    rows = [tuple(row.values()) for row in earlier.rows(query)]
    assert len(rows) > 100
    differing = [
        row for row in rows if row[:5] not in full or not all(map(same_value, row, full[row[:5]]))
    ]
    assert differing == []


def test_product_penetration_rate_2024(handmade: Warehouse) -> None:
    # active at 2025-01-01: A1, A2, A4 (A3 churned); holding two or more: A1, A2
    row = handmade.kpi("product_penetration_rate", "year", "2024-01-01")
    assert (row["numerator"], row["denominator"]) == (2, 3)
    assert row["value"] == pytest.approx(200 / 3)


def test_product_affinity(handmade: Warehouse) -> None:
    # built with affinity_min_accounts 1 (conftest.HANDMADE_VARS): at the
    # default of 5 no pair of four customers would be kept
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


def test_every_kpi_of_the_spec_has_rows(handmade: Warehouse) -> None:
    rows = handmade.rows(
        "select kpi_id, is_available, count_scorecard_rows from marts.kpi_availability"
    )
    assert len(rows) == 19
    assert all(row["is_available"] and row["count_scorecard_rows"] > 0 for row in rows), rows
    assert "Every KPI of the catalogue has its raw tables." in handmade.result.output


def test_customer_lifetime_value_and_churn_2024(handmade: Warehouse) -> None:
    # revenue of 2024 (786) over customers churned in 2024 (A3) with gross_margin 1.0
    clv = handmade.kpi("customer_lifetime_value", "year", "2024-01-01")
    assert (clv["numerator"], clv["denominator"]) == (pytest.approx(786.0), 1)
    # active at 2024-01-01: only A3 (first bought in 2023), which churned in April
    churn = handmade.kpi("churn_rate", "year", "2024-01-01")
    assert (churn["numerator"], churn["denominator"], churn["value"]) == (1, 1, 100.0)


def test_time_to_cross_sell_2024(handmade: Warehouse) -> None:
    days = [
        (date(2024, 3, 5) - date(2024, 1, 10)).days,  # A1: P1 then P2
        (date(2024, 7, 1) - date(2024, 2, 1)).days,  # A2: P1+P2 then P3
        (date(2024, 2, 10) - date(2023, 6, 1)).days,  # A3: P1 then P3
    ]
    row = handmade.kpi("time_to_cross_sell", "year", "2024-01-01")
    assert (row["numerator"], row["denominator"]) == (sum(days), 3)
    assert row["value"] == pytest.approx(sum(days) / 3)


def test_opportunity_kpis_2024(handmade: Warehouse) -> None:
    kinds = handmade.rows(
        "select opportunity_id, opportunity_kind from intermediate."
        "int_opportunities_tagged_cross_sell order by 1"
    )
    assert [row["opportunity_kind"] for row in kinds] == [
        "cross_sell",
        "upsell",
        "cross_sell",
        "new_business",
        "cross_sell",
        "cross_sell",
    ]
    conversion = handmade.kpi("cross_sell_conversion_rate", "year", "2024-01-01")
    assert (conversion["numerator"], conversion["denominator"]) == (2, 3)  # OP1, OP5 of +OP3
    size = handmade.kpi("cross_sell_opportunity_size", "year", "2024-01-01")
    assert (size["numerator"], size["denominator"], size["value"]) == (1000, 1, 1000)
    cycle = handmade.kpi("sales_cycle_length", "year", "2024-01-01")
    assert (cycle["numerator"], cycle["denominator"]) == (20 + 10 + 30 + 15, 4)
    ratio = handmade.rows(
        "select distinct cross_sell_to_new_business_ratio as r from marts.kpi_sales_cycle_length "
        "where grain = 'year' and period_start = date '2024-01-01'"
    )
    assert ratio[0]["r"] == pytest.approx(((20 + 15) / 2) / 30)
    qualified = handmade.kpi("cross_sell_qualified_opportunities", "year", "2024-01-01")
    assert (qualified["value"], qualified["denominator"]) == (3, None)  # OP1, OP3, OP5
    # sales reps employed in 2024: R1, R2, R3; R1 and R2 own cross_sell deals
    engagement = handmade.kpi("sales_team_engagement", "year", "2024-01-01")
    assert (engagement["numerator"], engagement["denominator"]) == (2, 3)
    # IM1 succeeded, IM2 failed (both cross_sell); IM3 is an upsell, IM4 not ended
    implementation = handmade.kpi("implementation_success_rate", "year", "2024-01-01")
    assert (implementation["numerator"], implementation["denominator"]) == (1, 2)
    # IN1 and IN4 belong to won cross_sell deals; IN2's deal was lost; IN3 has none
    interaction = handmade.kpi("interaction_cross_sell_rate", "year", "2024-01-01")
    assert (interaction["numerator"], interaction["denominator"]) == (2, 4)


def test_usage_and_surveys_2024(handmade: Warehouse) -> None:
    # year 2024: the only pair owned at 2024-01-01 is A3's P1, used in March
    year = handmade.kpi("product_usage_rate", "year", "2024-01-01")
    assert (year["numerator"], year["denominator"]) == (1, 1)
    # Q2: 7 pairs owned at 2024-04-01; used in Q2: A1 P1, A2 P1, A3 P3 (A1 P2's count is 0)
    q2 = handmade.kpi("product_usage_rate", "quarter", "2024-04-01")
    assert (q2["numerator"], q2["denominator"]) == (3, 7)
    csat = handmade.kpi("csat", "year", "2024-01-01")
    assert (csat["numerator"], csat["denominator"]) == (2, 4)  # S1 (5) and S3 (4)
    single = handmade.kpi("csat", "year", "2024-01-01", "product_holding", "single")
    assert (single["numerator"], single["denominator"]) == (2, 2)
    none = handmade.kpi("csat", "year", "2024-01-01", "product_holding", "none")
    assert (none["numerator"], none["denominator"]) == (0, 1)  # A5 never bought
    nps = handmade.kpi("nps", "year", "2024-01-01")
    assert (nps["numerator"], nps["denominator"], nps["value"]) == (1, 4, 25.0)


def test_product_mix_ratio_2024(handmade: Warehouse) -> None:
    # held at 2025-01-01 by active accounts: A1 P1 P2, A2 P1 P2 P3, A4 P3 -> 2 each of 6
    rows = handmade.rows(
        "select dimension_value, numerator, denominator, revenue_share "
        "from marts.kpi_product_mix_ratio where grain = 'year' "
        "and period_start = date '2024-01-01' order by 1"
    )
    assert [(r["dimension_value"], r["numerator"], r["denominator"]) for r in rows] == [
        ("P1", 2, 6),
        ("P2", 2, 6),
        ("P3", 2, 6),
    ]
    revenue = {"P1": 100 + 100, "P2": 90 + 50 + 100, "P3": 216 + 100 + 30}
    for row in rows:
        expected = 100 * revenue[row["dimension_value"]] / 786
        assert row["revenue_share"] == pytest.approx(expected)


def test_campaign_cross_sell_rate(handmade: Warehouse) -> None:
    rows = handmade.rows(
        "select dimension_value, numerator, denominator from "
        "marts.kpi_campaign_cross_sell_rate order by 1"
    )
    assert [tuple(row.values()) for row in rows] == [("C1", 2, 2), ("C2", 0, 1)]


def test_declared_and_derived_kinds_are_compared(handmade: Warehouse) -> None:
    rows = handmade.rows(
        "select declared_type, opportunity_kind, count_opportunities "
        "from marts.data_quality_opportunity_kinds order by 1, 2"
    )
    assert [tuple(row.values()) for row in rows] == [
        ("cross_sell", "cross_sell", 4),
        ("cross_sell", "upsell", 1),
        ("new_business", "new_business", 1),
    ]


@recipe("mixed_formats")
def _mixed_formats(factory: Factory) -> Warehouse:
    """The hand-made CRM with orders in Parquet, order items in a folder of
    Parquet files and accounts gzipped."""
    import duckdb

    raw_dir = factory.mktemp("mixed_raw")
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
    return factory.build(raw_dir, "mixed")


@pytest.fixture(scope="module")
def mixed_formats(builds) -> Warehouse:
    return builds.get("mixed_formats")


def test_same_answers_with_gzip_and_parquet_inputs(
    handmade: Warehouse, mixed_formats: Warehouse
) -> None:
    """The raw directory may hold .csv.gz files, .parquet files or folders of them."""
    mixed = mixed_formats
    assert mixed.result.ok, mixed.result.output[-3000:]
    query = "select * from marts.kpi_scorecard order by all"
    assert mixed.rows(query) == handmade.rows(query)


def test_benchmarks_bands_and_sample_size(handmade: Warehouse) -> None:
    rows = handmade.rows(
        "select kpi_id, benchmark_group, position, gap_points, is_configured_group "
        "from marts.benchmark_comparison where grain = 'year' "
        "and period_start = date '2024-01-01' order by 1, 2"
    )
    assert [tuple(row.values()) for row in rows] == [
        ("cross_sell_rate", "b2b", "above", 60.0, True),  # 75 % against 5-15 %
        ("cross_sell_rate", "retail_ecommerce", "above", 55.0, False),
        ("cross_sell_rate", "subscription", "above", 45.0, False),
        ("interaction_cross_sell_rate", "financial_services", "above", 20.0, False),
        ("interaction_cross_sell_rate", "retail", "above", 25.0, True),  # 50 % against 25 %
        ("interaction_cross_sell_rate", "telecommunications", "above", 30.0, False),
    ]
    band = handmade.rows(
        "select band from marts.kpi_performance_bands where grain = 'year' "
        "and period_start = date '2024-01-01' and dimension = 'overall'"
    )
    assert band == [{"band": "strong"}]
    # four accounts are far below min_sample_size (30): every rate row is flagged
    flags = handmade.rows(
        "select distinct is_small_sample from marts.kpi_scorecard where denominator > 0"
    )
    assert flags == [{"is_small_sample": True}]


def test_no_mart_value_is_a_person_name(handmade: Warehouse) -> None:
    names = {row["account_name"] for row in HANDMADE["accounts"]}
    names |= {row["rep_name"] for row in HANDMADE["sales_reps"]}
    columns = handmade.rows(
        "select table_name, column_name from information_schema.columns "
        "where table_schema = 'marts' and data_type = 'VARCHAR'"
    )
    assert columns
    for column in columns:
        values = handmade.rows(
            f'select distinct "{column["column_name"]}" as v from marts."{column["table_name"]}"'
        )
        leaked = names & {row["v"] for row in values}
        assert not leaked, (column, leaked)
