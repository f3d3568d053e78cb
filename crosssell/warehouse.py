"""Read-only queries on a built warehouse, and the KPI summary for people.

The summary shows the overall KPIs of the last year the data fully covers
(else the last such quarter or month), each with its change against the
previous period: rates and scores in percentage points, amounts, counts
and durations relative to the previous value, in %.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

# Relations the summary reads; a build that stopped early lacks some.
REQUIRED_RELATIONS = (
    "marts.kpi_scorecard",
    "marts.dim_calendar",
    "marts.dim_accounts",
    "marts.kpi_availability",
    "marts.kpi_product_mix_ratio",
    "marts.kpi_campaign_cross_sell_rate",
    "marts.benchmark_comparison",
    "marts.data_quality_reconciliation",
    "reference.kpi_catalog",
)
CATEGORY_ORDER = ("cross_sell_rate", "revenue", "sales_performance", "customer_success")
POINT_UNITS = ("percent", "score")  # their change is a difference in points
BUILD_HINT = "run `python3 tasks.py build` (or `python3 tasks.py demo` for the demo data)"
READER_ADVICE = "wait until it has finished, or close it, then run this again"
WRITER_ADVICE = (
    "close that program (or its connection), or use `python3 tasks.py refresh`, "
    "which builds next to the file and swaps it in"
)
_LOCK = re.compile(
    r'Could not set lock on file "(?P<file>[^"]+)": Conflicting lock is held in '
    r"(?P<program>.+?) \(PID (?P<pid>\d+)\)"
)


# The DuckDB storage format the warehouse is written in (profiles.yml, the
# duckdb target's config_options): DuckDB 1.4 and every later client read
# it, BI drivers included. A file's format is fixed when it is created.
STORAGE_COMPATIBILITY_VERSION = "v1.4.0"
MIGRATE_HINT = "`python3 tasks.py refresh --full-refresh` rewrites it in the readable format"


class WarehouseUnavailable(RuntimeError):
    """The warehouse cannot be read; the message is one line for people."""


def lock_message(error_text: str, advice: str) -> str | None:
    """DuckDB's lock conflict as one line: which file, who holds it, what to do."""
    match = _LOCK.search(error_text)
    if match is None:
        return None
    return f"{match['file']} is in use by {match['program']} (PID {match['pid']}): {advice}."


def held_by_another(warehouse: Path, advice: str, read_only: bool = False) -> str | None:
    """The lock line when another process holds the warehouse, else None.

    Checked before dbt starts, so a locked file costs no dbt start-up."""
    if not warehouse.exists():
        return None
    try:
        duckdb.connect(str(warehouse), read_only=read_only).close()
    except duckdb.Error as error:
        return lock_message(str(error), advice)
    return None


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


@contextmanager
def read_only(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    if not warehouse.exists():
        raise WarehouseUnavailable(f"No warehouse at {warehouse}: {BUILD_HINT}.")
    try:
        connection = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as error:
        message = lock_message(str(error), READER_ADVICE)
        raise WarehouseUnavailable(
            message or f"Cannot open {warehouse}: {_first_line(error)}"
        ) from None
    try:
        yield connection
    finally:
        connection.close()


def _rows(connection: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cursor = connection.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def fetch_rows(warehouse: Path, sql: str) -> list[dict[str, Any]]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return _rows(connection, sql)


def storage_version(warehouse: Path) -> str | None:
    """The storage format a DuckDB file was created in ('v1.4.0+'); None if unreadable."""
    try:
        with duckdb.connect(str(warehouse), read_only=True) as connection:
            row = connection.execute(
                "select tags['storage_version'] from duckdb_databases() "
                "where database_name = current_database()"
            ).fetchone()
    except duckdb.Error:
        return None
    return str(row[0]) if row and row[0] else None


def storage_note(warehouse: Path) -> str | None:
    """One line when DuckDB 1.x clients (BI drivers) cannot open the file, else None."""
    found = storage_version(warehouse)
    if found is None or found.removesuffix("+") == STORAGE_COMPATIBILITY_VERSION:
        return None
    return (
        f"Note: {warehouse.name} is stored in DuckDB's {found} format, which DuckDB 1.x "
        f"clients (most BI drivers) cannot open; {MIGRATE_HINT}."
    )


# ---- formatting (pure) ---------------------------------------------------


def format_number(value: float | None) -> str:
    """771.0 -> '771', 1199.0 -> '1,199', 14367119.7 -> '14,367,119.70'."""
    if value is None:
        return "n/a"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "percent":
        return f"{value:.1f} %"
    if unit == "usd":
        return f"{value:,.2f} USD"
    if unit == "count":
        return f"{value:,.0f}"
    if unit == "days":
        return f"{value:,.1f} days"
    if unit == "score":
        return f"{value:.1f}"
    return f"{value:,.2f} {unit}"


def _signed(number: float, suffix: str) -> str:
    rounded = round(number, 1)
    return f"{rounded if rounded != 0 else 0.0:+,.1f} {suffix}"


def format_change(change: float | None, previous_value: float | None, unit: str) -> str:
    """Rates and scores: points ('+2.1 pts'); other units: relative ('+4.3 %')."""
    if change is None or previous_value is None:
        return "n/a"
    if unit in POINT_UNITS:
        return _signed(change, "pts")
    if previous_value == 0:
        return "n/a" if change == 0 else "from 0"
    return _signed(100 * change / abs(previous_value), "%")


def format_ratio(numerator: float | None, denominator: float | None) -> str:
    if denominator is None:
        return ""
    return f"{format_number(numerator)} / {format_number(denominator)}"


def period_label(grain: str, start: date) -> str:
    if grain == "year":
        return str(start.year)
    if grain == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"


def category_label(category: str | None) -> str:
    if category == "cross_sell_rate":
        return "Cross-sell rate"
    return (category or "other").replace("_", " ").capitalize()


def previous_label(grain: str, start: date) -> str:
    months = {"year": 12, "quarter": 3}.get(grain, 1)
    index = start.year * 12 + start.month - 1 - months
    return period_label(grain, date(index // 12, index % 12 + 1, 1))


# ---- reading -------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    grain: str
    start: date
    header: str  # what the figures are and why this period


def _missing_relations(connection: duckdb.DuckDBPyConnection) -> list[str]:
    return _missing_relations_of(connection, REQUIRED_RELATIONS)


def _has_column(connection: duckdb.DuckDBPyConnection, relation: str, column: str) -> bool:
    schema, table = relation.split(".")
    rows = _rows(
        connection,
        "select count(*) as n from information_schema.columns "
        f"where table_schema = '{schema}' and table_name = '{table}' "
        f"and column_name = '{column}'",
    )
    return rows[0]["n"] > 0


def choose_period(connection: duckdb.DuckDBPyConnection) -> Period | None:
    """The last year fully covered by the data, else the last such quarter or month."""
    fully = _has_column(connection, "marts.kpi_scorecard", "is_fully_covered")
    flag = "is_fully_covered" if fully else "is_complete_period"
    span = _rows(
        connection,
        "select (select cast(min(first_purchase_at) as date) from marts.dim_accounts) as first,"
        " (select max(as_of_date) from marts.dim_calendar) as as_of",
    )[0]
    covered = (
        f"fully covered by the data: {span['first']} to {span['as_of']}"
        if fully
        else f"complete on as_of_date: data up to {span['as_of']}"
    )
    for grain in ("year", "quarter", "month"):
        found = _rows(
            connection,
            "select max(period_start) as period_start from marts.kpi_scorecard "
            f"where grain = '{grain}' and dimension = 'overall' and {flag}",
        )[0]["period_start"]
        if found is None:
            continue
        label = period_label(grain, found)
        if grain == "year":
            return Period(grain, found, f"year {label} (the last year {covered})")
        return Period(
            grain, found, f"{grain} {label} (no year is {covered}; the last {grain} that is)"
        )
    return None


def _kpi_names(connection: duckdb.DuckDBPyConnection) -> dict[str, str]:
    if not _has_column(connection, "reference.kpi_catalog", "kpi_name"):
        return {}
    rows = _rows(connection, "select kpi_id, kpi_name from reference.kpi_catalog")
    return {row["kpi_id"]: row["kpi_name"] for row in rows if row["kpi_name"]}


def kpi_line(row: dict[str, Any], name: str) -> str:
    """One KPI: name, value, change against the previous period, numerator / denominator."""
    value = format_value(row["value"], row["unit"])
    change = format_change(row["change"], row["previous_value"], row["unit"])
    ratio = format_ratio(row["numerator"], row["denominator"])
    small = "  (small sample)" if row.get("is_small_sample") else ""
    return f"    {name:<38} {value:>18} {change:>10}   {ratio}{small}".rstrip()


def _kpi_section(
    connection: duckdb.DuckDBPyConnection, period: Period, names: dict[str, str]
) -> list[str]:
    rows = _rows(
        connection,
        "select kpi_id, kpi_category, unit, value, numerator, denominator, previous_value,"
        " change, is_small_sample from marts.kpi_scorecard "
        f"where grain = '{period.grain}' and dimension = 'overall' "
        f"and period_start = date '{period.start}'",
    )

    def order(row: dict[str, Any]) -> tuple[int, str]:
        category = row["kpi_category"]
        rank = CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else 9
        return rank, row["kpi_id"]

    lines = [f"KPIs, overall, {period.header}:"]
    since = f"vs {previous_label(period.grain, period.start)}"
    lines.append(f"    {'':<38} {'value':>18} {since:>10}   numerator / denominator")
    category = None
    for row in sorted(rows, key=order):
        if row["kpi_category"] != category:
            category = row["kpi_category"]
            lines.append(f"  {category_label(category)}")
        lines.append(kpi_line(row, names.get(row["kpi_id"], row["kpi_id"])))
    mix = _rows(
        connection,
        "select dimension_value, value from marts.kpi_product_mix_ratio "
        f"where grain = '{period.grain}' and period_start = date '{period.start}' "
        "order by value desc, dimension_value limit 3",
    )
    if mix:
        top = ", ".join(
            f"{row['dimension_value']} {format_value(row['value'], 'percent')}" for row in mix
        )
        name = f"{names.get('product_mix_ratio', 'product_mix_ratio')}, top 3"
        lines.append(f"    {name:<38} {top}")
    return lines


def _campaign_lines(connection: duckdb.DuckDBPyConnection, names: dict[str, str]) -> list[str]:
    campaigns = _rows(
        connection,
        "select dimension_value, value, numerator, denominator "
        "from marts.kpi_campaign_cross_sell_rate "
        "order by denominator desc, dimension_value limit 3",
    )
    if not campaigns:
        return []
    top = ", ".join(
        f"{r['dimension_value']} {format_value(r['value'], 'percent')} "
        f"({format_number(r['numerator'])} of {format_number(r['denominator'])})"
        for r in campaigns
    )
    name = names.get("campaign_cross_sell_rate", "campaign_cross_sell_rate")
    return [f"{name}, all time, the 3 largest campaigns: {top}"]


def _benchmark_lines(connection: duckdb.DuckDBPyConnection, period: Period) -> list[str]:
    rows = _rows(
        connection,
        "select * from marts.benchmark_comparison "
        f"where grain = '{period.grain}' and period_start = date '{period.start}' "
        "order by kpi_id, benchmark_group",
    )
    if not rows:
        return []
    label = period_label(period.grain, period.start)
    lines = [f"Benchmarks, {period.grain} {label} (* = the group set by the vars):"]
    for row in rows:
        if row["benchmark_type"] == "range":
            benchmark = f"{row['benchmark_low']:g}-{row['benchmark_high']:g} %"
        else:
            benchmark = f"avg {row['benchmark_average']:g} %"
        marker = "*" if row["is_configured_group"] else " "
        gap = "n/a" if row["gap_points"] is None else _signed(row["gap_points"], "pts")
        lines.append(
            f" {marker} {row['kpi_id']:<28} {row['benchmark_group']:<19} {benchmark:<11} "
            f"actual {format_value(row['actual_value'], 'percent'):>8}  "
            f"{row['position'] or '-':<6} {gap}"
        )
    return lines


ALERT_BREAKDOWN_LINES = 10  # breakdown alerts printed; the rest are counted


def alert_line(row: dict[str, Any]) -> str:
    """One alert in words, e.g. 'Churn rate, month 2025-12, overall: rose sharply ...'."""
    unit = row["unit"]
    value = format_value(row["value"], unit)
    reference = format_value(row["reference_value"], unit)
    worse = "fell" if row["higher_is_better"] else "rose"
    side = "below" if row["higher_is_better"] else "above"
    rule = row["rule"]
    if rule == "weak_band":
        what = f"in its weakest band at {value} (the band ends at {reference})"
    elif rule == "outside_benchmark":
        what = f"{side} its benchmark: {value} against {reference}"
    elif rule == "missed_target":
        what = f"missed its target: {value} against {reference}"
    elif rule == "consecutive_decline":
        what = f"{worse} period after period: {value}, from {reference}"
    else:
        change = format_change(row["change"], row["previous_value"], unit)
        what = f"{worse} sharply: {value} from {reference} ({change})"
    breakdown = (
        "overall"
        if row["dimension"] == "overall"
        else f"{row['dimension'].replace('_', ' ')} {row['dimension_value']}"
    )
    period = period_label(row["grain"], row["period_start"])
    sample = format_number(row["denominator"]) if row["denominator"] is not None else "n/a"
    return f"    {row['kpi_name']}, {row['grain']} {period}, {breakdown}: {what}; sample {sample}"


def _alert_lines(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """The KPI alerts: every overall one, then the breakdowns with the largest samples."""
    if "marts.kpi_alerts" in _missing_relations_of(connection, ("marts.kpi_alerts",)):
        return []
    rows = _rows(
        connection,
        "select * from marts.kpi_alerts order by dimension != 'overall', grain, kpi_id, rule, "
        "denominator desc, dimension, dimension_value",
    )
    if not rows:
        return ["KPI alerts: none in the latest complete month and quarter."]
    overall = [row for row in rows if row["dimension"] == "overall"]
    breakdowns = sorted(
        (row for row in rows if row["dimension"] != "overall"),
        key=lambda row: -(row["denominator"] or 0),
    )
    shown_rows = overall + breakdowns[:ALERT_BREAKDOWN_LINES]
    lines = [f"KPI alerts, latest complete month and quarter ({len(rows):,} in marts.kpi_alerts):"]
    lines += [alert_line(row) for row in shown_rows]
    left = len(rows) - len(shown_rows)
    if left:
        lines.append(f"    ... and {left:,} more by breakdown (marts.kpi_alerts)")
    return lines


def _missing_relations_of(
    connection: duckdb.DuckDBPyConnection, relations: tuple[str, ...]
) -> list[str]:
    present = {
        f"{row['table_schema']}.{row['table_name']}"
        for row in _rows(
            connection, "select table_schema, table_name from information_schema.tables"
        )
    }
    return [name for name in relations if name not in present]


def _quality_lines(connection: duckdb.DuckDBPyConnection) -> list[str]:
    columns = ("raw_rows", "loaded", "superseded", "deleted", "rejected")
    headers = ("raw", "loaded", "superseded", "deleted", "rejected", "dangling keys")
    lines = ["Raw rows per table:"]
    lines.append(f"    {'':<18}" + "".join(f"{h:>12}" for h in headers[:-1]) + f"{headers[-1]:>15}")
    for row in _rows(
        connection, "select * from marts.data_quality_reconciliation order by table_name"
    ):
        counts = "".join(f"{format_number(row[c]):>12}" for c in columns)
        dangling = format_number(row["dangling_optional_references"])
        lines.append(f"    {row['table_name']:<18}{counts}{dangling:>15}")
    return lines


def summary(warehouse: Path) -> str:
    """Overall KPIs of the last fully covered period, benchmarks, data quality.

    Raises WarehouseUnavailable (a one-line message) when the warehouse is
    missing, locked by a writer, or lacks the marts.
    """
    with read_only(warehouse) as connection:
        missing = _missing_relations(connection)
        if missing:
            raise WarehouseUnavailable(
                f"{warehouse} is not fully built (no {', '.join(missing[:3])}"
                f"{', ...' if len(missing) > 3 else ''}): {BUILD_HINT}."
            )
        try:
            return "\n".join(_summary_lines(connection))
        except duckdb.Error as error:
            raise WarehouseUnavailable(
                f"Cannot read {warehouse}: {_first_line(error)}; {BUILD_HINT}."
            ) from None


def _summary_lines(connection: duckdb.DuckDBPyConnection) -> list[str]:
    names = _kpi_names(connection)
    period = choose_period(connection)
    lines = []
    if period is None:
        lines.append("No month is fully covered by the data yet: no KPI summary by period.")
    else:
        lines += _kpi_section(connection, period, names)
    alerts = _alert_lines(connection)
    if alerts:
        lines = [*alerts, "", *lines]
    lines += _campaign_lines(connection, names)
    for row in _rows(
        connection,
        "select kpi_id, missing_tables from marts.kpi_availability "
        "where not is_available order by kpi_id",
    ):
        name = names.get(row["kpi_id"], row["kpi_id"])
        lines.append(f"{name}: unavailable, needs raw table(s) {row['missing_tables']}")
    if period is not None:
        lines += ["", *_benchmark_lines(connection, period)]
    return [*lines, "", *_quality_lines(connection)]
