"""Read-only queries on a built warehouse, and the KPI summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb


def fetch_rows(warehouse: Path, sql: str) -> list[dict[str, Any]]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        cursor = connection.execute(sql)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def last_complete_year(warehouse: Path) -> Any:
    rows = fetch_rows(
        warehouse,
        "select max(period_start) as period_start from marts.dim_calendar "
        "where grain = 'year' and is_complete_period",
    )
    return rows[0]["period_start"]


def _format(value: Any, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "percent":
        return f"{value:.2f} %"
    if unit == "usd":
        return f"{value:,.2f} USD"
    return f"{value:,.2f} {unit}"


def summary(warehouse: Path) -> str:
    """Overall KPI values for the last complete year, plus data quality."""
    year = last_complete_year(warehouse)
    lines = []
    if year is None:
        lines.append("No complete year in the data: no yearly KPI summary.")
    else:
        lines.append(f"KPIs, overall, year {year.year} (last complete year):")
        for row in fetch_rows(
            warehouse,
            "select kpi_id, unit, value, numerator, denominator "
            "from marts.kpi_scorecard where grain = 'year' "
            f"and dimension = 'overall' and period_start = date '{year}' "
            "order by kpi_category, kpi_id",
        ):
            ratio = ""
            if row["denominator"] is not None:
                ratio = f"  ({row['numerator']:,.2f} / {row['denominator']:,.0f})"
            lines.append(f"  {row['kpi_id']:<34} {_format(row['value'], row['unit'])}{ratio}")
        mix = fetch_rows(
            warehouse,
            "select dimension_value, value from marts.kpi_product_mix_ratio "
            f"where grain = 'year' and period_start = date '{year}' "
            "order by value desc, dimension_value limit 3",
        )
        if mix:
            top = ", ".join(f"{r['dimension_value']} {r['value']:.1f} %" for r in mix)
            lines.append(f"  {'product_mix_ratio (top 3 products)':<34} {top}")
    campaigns = fetch_rows(
        warehouse,
        "select dimension_value, value, numerator, denominator "
        "from marts.kpi_campaign_cross_sell_rate "
        "order by denominator desc, dimension_value limit 3",
    )
    if campaigns:
        top = ", ".join(
            f"{r['dimension_value']} {_format(r['value'], 'percent')} "
            f"({r['numerator']:.0f}/{r['denominator']:.0f})"
            for r in campaigns
        )
        lines.append(f"  {'campaign_cross_sell_rate (all time)':<34} {top}")
    unavailable = fetch_rows(
        warehouse,
        "select kpi_id, missing_tables from marts.kpi_availability where not is_available",
    )
    for row in unavailable:
        lines.append(f"  {row['kpi_id']:<34} unavailable: needs {row['missing_tables']}")
    if year is not None:
        lines.append("")
        lines.append(f"Benchmarks, year {year.year} (* = the group configured by the vars):")
        for row in fetch_rows(
            warehouse,
            "select * from marts.benchmark_comparison where grain = 'year' "
            f"and period_start = date '{year}' order by kpi_id, benchmark_group",
        ):
            if row["benchmark_type"] == "range":
                benchmark = f"{row['benchmark_low']:g}-{row['benchmark_high']:g} %"
            else:
                benchmark = f"avg {row['benchmark_average']:g} %"
            marker = "*" if row["is_configured_group"] else " "
            gap = "-" if row["gap_points"] is None else f"{row['gap_points']:+.2f}"
            lines.append(
                f" {marker}{row['kpi_id']:<28} {row['benchmark_group']:<19} {benchmark:<11} "
                f"actual {_format(row['actual_value'], 'percent'):>8}  {row['position'] or '-':<6} "
                f"gap {gap}"
            )
    lines.append("")
    lines.append("Raw rows: table, raw, loaded, superseded, deleted, rejected, dangling keys")
    for row in fetch_rows(
        warehouse, "select * from marts.data_quality_reconciliation order by table_name"
    ):
        lines.append(
            f"  {row['table_name']:<18} {row['raw_rows']:>9} {row['loaded']:>9} "
            f"{row['superseded']:>6} {row['deleted']:>6} {row['rejected']:>6} "
            f"{row['dangling_optional_references']:>6}"
        )
    return "\n".join(lines)
