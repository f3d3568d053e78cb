"""What the dashboard and the report read from the served warehouse.

Every function opens the DuckDB file read-only for one query and closes
it again: a reader never takes the writer's lock, and a refresh that
swaps a new file in (crosssell/refresh.py) is seen by the next query.
Nothing here knows about Streamlit, so the report and the tests use the
same functions. The values are the marts' own, unrounded: formatting is
the pages' job.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from crosssell.target import DEFAULT_WAREHOUSE
from crosssell.warehouse import WarehouseUnavailable, read_only

# The breakdown every KPI has (except campaign_cross_sell_rate, by campaign only).
OVERALL = "overall"
GRAINS = ("month", "quarter", "year")
BENCHMARK_GRAINS = ("year", "quarter")  # the grains benchmark_comparison compares
# KPIs where a fall is good news (the change is shown in green when negative).
LOWER_IS_BETTER = frozenset({"churn_rate", "sales_cycle_length", "time_to_cross_sell"})
# The trend lines the overview and the report open with.
HEADLINE_TRENDS = ("cross_sell_rate", "cross_sell_revenue", "arpa", "churn_rate")
CATEGORY_ORDER = (
    "cross_sell_rate",
    "revenue",
    "sales_performance",
    "customer_success",
    "operational",
)


def warehouse_path() -> Path:
    """The served warehouse: CRM_WAREHOUSE, else warehouse/cross_sell.duckdb."""
    return Path(os.environ.get("CRM_WAREHOUSE", DEFAULT_WAREHOUSE))


def signature(path: Path) -> tuple[int, int, int]:
    """Changes when a refresh replaces the file (a new inode) or a build writes it."""
    if not path.exists():
        raise WarehouseUnavailable(
            f"No warehouse at {path}: run `python3 tasks.py demo` (demo data) "
            "or `python3 tasks.py build`."
        )
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def query(path: Path, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
    with read_only(path) as connection:
        return connection.execute(sql, params or []).df()


def has_relation(path: Path, relation: str) -> bool:
    schema, table = relation.split(".")
    found = query(
        path,
        "select count(*) as n from information_schema.tables "
        "where table_schema = ? and table_name = ?",
        [schema, table],
    )
    return int(found["n"].iloc[0]) > 0


# ---- catalogue and periods ----------------------------------------------


def kpi_catalog(path: Path) -> pd.DataFrame:
    """kpi_id, kpi_name, kpi_category, unit, in the summary's category order."""
    catalog = query(
        path,
        "select kpi_id, coalesce(kpi_name, kpi_id) as kpi_name, kpi_category, unit "
        "from reference.kpi_catalog",
    )
    rank = {category: index for index, category in enumerate(CATEGORY_ORDER)}
    catalog["_rank"] = catalog["kpi_category"].map(lambda c: rank.get(c, len(rank)))
    return catalog.sort_values(["_rank", "kpi_name"]).drop(columns="_rank").reset_index(drop=True)


def kpi_names(path: Path) -> dict[str, str]:
    catalog = kpi_catalog(path)
    return dict(zip(catalog["kpi_id"], catalog["kpi_name"], strict=True))


@dataclass(frozen=True)
class PeriodChoice:
    """The periods of a grain, newest first, and the one to open with."""

    starts: tuple[date, ...]
    default: date | None
    complete: frozenset[date]


def periods(path: Path, grain: str) -> PeriodChoice:
    """The grain's periods in the scorecard; the default is the last period
    the data fully covers (else the last complete one, else the last)."""
    found = query(
        path,
        "select period_start, bool_and(is_complete_period) as is_complete, "
        "bool_and(is_fully_covered) as is_covered from marts.kpi_scorecard "
        "where grain = ? and dimension = ? group by 1 order by 1 desc",
        [grain, OVERALL],
    )
    starts = tuple(_as_date(value) for value in found["period_start"])
    complete = [s for s, flag in zip(starts, found["is_complete"], strict=True) if flag]
    covered = [s for s, flag in zip(starts, found["is_covered"], strict=True) if flag]
    default = next(iter(covered or complete or starts), None)
    return PeriodChoice(starts, default, frozenset(complete))


def kpi_periods(path: Path, kpi_id: str, grain: str, dimension: str) -> tuple[date, ...]:
    """The periods that have rows of this KPI, grain and breakdown, newest first."""
    found = query(
        path,
        "select distinct period_start from marts.kpi_scorecard "
        "where kpi_id = ? and grain = ? and dimension = ? order by 1 desc",
        [kpi_id, grain, dimension],
    )
    return tuple(_as_date(value) for value in found["period_start"])


def _as_date(value: Any) -> date:
    return value.date() if hasattr(value, "date") else value


# ---- scorecard ----------------------------------------------------------

SCORECARD_COLUMNS = (
    "kpi_id, kpi_category, grain, period_start, period_end, is_complete_period, "
    "dimension, dimension_value, numerator, denominator, value, unit, previous_value, "
    "change, is_small_sample"
)


def headline(path: Path, grain: str, period_start: date) -> pd.DataFrame:
    """The overall row of every KPI in the period, with its name."""
    rows = query(
        path,
        f"select {SCORECARD_COLUMNS} from marts.kpi_scorecard "
        "where grain = ? and period_start = ? and dimension = ?",
        [grain, period_start, OVERALL],
    )
    catalog = kpi_catalog(path)[["kpi_id", "kpi_name"]]
    ordered = catalog.merge(rows, on="kpi_id", how="inner")
    return ordered.reset_index(drop=True)


def product_mix_top(path: Path, grain: str, period_start: date, limit: int = 3) -> pd.DataFrame:
    """product_mix_ratio has no overall row: its largest products in the period."""
    return query(
        path,
        "select kpi_scorecard.dimension_value as product_id, dim_products.product_name, "
        "kpi_scorecard.value from marts.kpi_scorecard "
        "left join marts.dim_products "
        "on kpi_scorecard.dimension_value = dim_products.product_id "
        "where kpi_scorecard.kpi_id = 'product_mix_ratio' and kpi_scorecard.dimension = ? "
        "and kpi_scorecard.grain = ? and kpi_scorecard.period_start = ? "
        "order by kpi_scorecard.value desc nulls last, kpi_scorecard.dimension_value limit ?",
        ["product", grain, period_start, limit],
    )


def trend(path: Path, grain: str, kpi_ids: list[str]) -> pd.DataFrame:
    """The overall value of the KPIs over the grain's complete periods."""
    if not kpi_ids:
        return pd.DataFrame(columns=["kpi_id", "period_start", "value", "unit"])
    marks = ", ".join("?" for _ in kpi_ids)
    return query(
        path,
        "select kpi_id, period_start, value, unit, numerator, denominator, is_small_sample "
        "from marts.kpi_scorecard "
        f"where grain = ? and dimension = ? and is_complete_period and kpi_id in ({marks}) "
        "order by kpi_id, period_start",
        [grain, OVERALL, *kpi_ids],
    )


def kpi_grains(path: Path, kpi_id: str) -> list[str]:
    found = query(path, "select distinct grain from marts.kpi_scorecard where kpi_id = ?", [kpi_id])
    order = (*GRAINS, "all_time")
    return sorted(found["grain"], key=lambda g: order.index(g) if g in order else len(order))


def kpi_dimensions(path: Path, kpi_id: str, grain: str) -> list[str]:
    """The KPI's breakdowns at the grain, overall first."""
    found = query(
        path,
        "select distinct dimension from marts.kpi_scorecard where kpi_id = ? and grain = ?",
        [kpi_id, grain],
    )
    return sorted(found["dimension"], key=lambda d: (d != OVERALL, d))


def kpi_rows(
    path: Path, kpi_id: str, grain: str, dimension: str, period_start: date | None = None
) -> pd.DataFrame:
    """The scorecard rows of one KPI, grain and breakdown (one period, or all)."""
    period_filter = "and period_start = ? " if period_start is not None else ""
    params: list[Any] = [kpi_id, grain, dimension]
    if period_start is not None:
        params.append(period_start)
    return query(
        path,
        f"select {SCORECARD_COLUMNS} from marts.kpi_scorecard "
        f"where kpi_id = ? and grain = ? and dimension = ? {period_filter}"
        "order by period_start desc, denominator desc nulls last, dimension_value",
        params,
    )


# ---- benchmarks, bands and targets ---------------------------------------


def benchmarks(path: Path, grain: str, period_start: date) -> pd.DataFrame:
    return query(
        path,
        "select kpi_id, grain, period_start, actual_value, benchmark_type, benchmark_group, "
        "benchmark_low, benchmark_high, benchmark_average, position, gap_points, source, "
        "is_configured_group, is_small_sample from marts.benchmark_comparison "
        "where grain = ? and period_start = ? "
        "order by kpi_id, not is_configured_group, benchmark_group",
        [grain, period_start],
    )


def configured_benchmarks(path: Path) -> pd.DataFrame:
    """The benchmark of the configured group of each benchmarked KPI (any period)."""
    return query(
        path,
        "select distinct kpi_id, benchmark_type, benchmark_group, benchmark_low, "
        "benchmark_high, benchmark_average from marts.benchmark_comparison "
        "where is_configured_group order by kpi_id",
    )


def benchmark_ranges(configured: pd.DataFrame, kpi_id: str, grain: str) -> pd.DataFrame:
    """The configured range of the KPI, where the grain is one the benchmarks
    are compared at (a yearly or quarterly rate is not a monthly one)."""
    if grain not in BENCHMARK_GRAINS:
        return configured.iloc[0:0]
    return configured[(configured["kpi_id"] == kpi_id) & (configured["benchmark_type"] == "range")]


def bands(path: Path, grain: str, period_start: date, dimension: str = OVERALL) -> pd.DataFrame:
    return query(
        path,
        "select kpi_id, dimension_value, value, unit, is_small_sample, band, band_lower_bound, "
        "band_upper_bound from marts.kpi_performance_bands "
        "where grain = ? and period_start = ? and dimension = ? "
        "order by kpi_id, dimension_value",
        [grain, period_start, dimension],
    )


def targets(path: Path) -> pd.DataFrame:
    return query(
        path,
        "select kpi_id, grain, period_start, dimension, dimension_value, is_complete_period, "
        "unit, actual_value, target_value, attainment, gap, is_small_sample "
        "from marts.kpi_target_attainment "
        "order by kpi_id, grain, period_start desc, dimension, dimension_value",
    )


# ---- product affinity ---------------------------------------------------


def affinity(path: Path) -> pd.DataFrame:
    """Ordered product pairs with product names, strongest first."""
    return query(
        path,
        "select product_affinity.anchor_product_id, anchors.product_name as anchor_name, "
        "product_affinity.target_product_id, targets.product_name as target_name, "
        "product_affinity.owners_a, product_affinity.a_then_b, product_affinity.affinity_rate "
        "from marts.product_affinity "
        "left join marts.dim_products as anchors "
        "on product_affinity.anchor_product_id = anchors.product_id "
        "left join marts.dim_products as targets "
        "on product_affinity.target_product_id = targets.product_id "
        "order by product_affinity.affinity_rate desc, product_affinity.a_then_b desc, "
        "product_affinity.anchor_product_id, product_affinity.target_product_id",
    )


# ---- alerts and recommendations ------------------------------------------


def kpi_alerts(path: Path) -> pd.DataFrame:
    """The KPI alerts of the latest complete month and quarter, overall first.

    Empty when the warehouse was built before the mart existed.
    """
    if not has_relation(path, "marts.kpi_alerts"):
        return pd.DataFrame()
    return query(
        path,
        "select kpi_id, kpi_name, grain, period_start, dimension, dimension_value, rule, unit, "
        "value, reference_value, previous_value, change, denominator, higher_is_better "
        "from marts.kpi_alerts "
        "order by dimension != 'overall', grain, kpi_name, rule, denominator desc, "
        "dimension, dimension_value",
    )


def recommendation_reps(path: Path) -> pd.DataFrame:
    """owner_rep_id and how many customers with recommendations each rep owns."""
    if not has_relation(path, "marts.cross_sell_recommendations"):
        return pd.DataFrame(columns=["owner_rep_id", "customers"])
    return query(
        path,
        "select coalesce(owner_rep_id, '(no owner)') as owner_rep_id, "
        "count(distinct account_id) as customers "
        "from marts.cross_sell_recommendations group by 1 order by 1",
    )


def recommendations(path: Path, rep_id: str) -> pd.DataFrame:
    """The recommendations of one rep's customers, with product names, best first."""
    return query(
        path,
        "select cross_sell_recommendations.account_id, "
        "cross_sell_recommendations.recommendation_rank, "
        "cross_sell_recommendations.product_id, products.product_name, "
        "cross_sell_recommendations.score, cross_sell_recommendations.reason, "
        "cross_sell_recommendations.as_of_date "
        "from marts.cross_sell_recommendations "
        "left join marts.dim_products as products "
        "on cross_sell_recommendations.product_id = products.product_id "
        "where coalesce(cross_sell_recommendations.owner_rep_id, '(no owner)') = ? "
        "order by cross_sell_recommendations.account_id, "
        "cross_sell_recommendations.recommendation_rank",
        [rep_id],
    )


# ---- data quality -------------------------------------------------------


def reconciliation(path: Path) -> pd.DataFrame:
    return query(
        path,
        "select table_name, raw_rows, loaded, superseded, deleted, rejected, "
        "dangling_optional_references from marts.data_quality_reconciliation "
        "order by table_name",
    )


def rejected_share(path: Path) -> pd.DataFrame:
    """Per raw table: its rejected share and alert level (empty on older builds)."""
    if not has_relation(path, "marts.data_quality_rejected_share"):
        return pd.DataFrame()
    return query(
        path,
        "select table_name, raw_rows, rejected, rejected_share, alert_level, main_reason, "
        "main_columns from marts.data_quality_rejected_share "
        "order by rejected_share desc, table_name",
    )


def top_rejection_reasons(path: Path, limit: int = 10) -> pd.DataFrame:
    """The commonest (table, reason, columns) of the rejected rows; no raw values."""
    return query(
        path,
        "select table_name, reason, failed_columns, count(*) as rejected_rows "
        "from marts.data_quality_rejected_rows group by 1, 2, 3 "
        "order by rejected_rows desc, table_name, reason, failed_columns limit ?",
        [limit],
    )


def unavailable_kpis(path: Path) -> pd.DataFrame:
    return query(
        path,
        "select kpi_id, missing_tables from marts.kpi_availability "
        "where not is_available order by kpi_id",
    )


def data_span(path: Path) -> dict[str, Any]:
    """as_of_date and the first data date of the build."""
    found = query(
        path,
        "select max(as_of_date) as as_of_date, min(first_data_date) as first_data_date "
        "from marts.dim_calendar",
    )
    return {key: _as_date(value) for key, value in found.iloc[0].items()}
