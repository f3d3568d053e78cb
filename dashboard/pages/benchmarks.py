"""Benchmarks and targets: the actual values against the benchmark ranges and
averages, the performance bands, and the attainment of every target."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.labels import period_name
from dashboard.views import (
    SMALL_SAMPLE_NOTE,
    grain_filter,
    guarded,
    load,
    names,
    period_filter,
    value_column,
    with_period_labels,
)


def reference(row: dict[str, Any]) -> str:
    """'range 5-15 %' or 'average 25 %'."""
    if row["benchmark_type"] == "range":
        return f"range {row['benchmark_low']:g}-{row['benchmark_high']:g} %"
    return f"average {row['benchmark_average']:g} %"


def target_status(kpi_id: str, actual: float, target: float) -> str:
    """Met when the actual reaches the target (stays at or under it where lower is better)."""
    if pd.isna(actual) or pd.isna(target):
        return "no actual"
    met = actual <= target if kpi_id in data.LOWER_IS_BETTER else actual >= target
    return "met" if met else "not met"


def benchmark_table(rows: pd.DataFrame, kpi_names: dict[str, str]) -> None:
    shown = pd.DataFrame(
        {
            "kpi": rows["kpi_id"].map(lambda k: kpi_names.get(k, k)),
            "group": [
                f"{group} (ours)" if ours else group
                for group, ours in zip(
                    rows["benchmark_group"], rows["is_configured_group"], strict=True
                )
            ],
            "benchmark": [reference(row) for row in rows.to_dict("records")],
            "actual_value": rows["actual_value"],
            "position": rows["position"],
            "gap_points": rows["gap_points"],
            "sample": rows["is_small_sample"].map(lambda small: "small sample" if small else ""),
            "source": rows["source"],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        column_config={
            "kpi": "KPI",
            "group": "Benchmark group",
            "benchmark": "Benchmark",
            "actual_value": value_column("Actual", "percent"),
            "position": "Position",
            "gap_points": st.column_config.NumberColumn("Gap (points)", format="%+.1f"),
            "sample": "Sample",
            "source": "Source",
        },
        key="benchmark_table",
    )


def band_table(rows: pd.DataFrame, kpi_names: dict[str, str]) -> None:
    shown = pd.DataFrame(
        {
            "kpi": rows["kpi_id"].map(lambda k: kpi_names.get(k, k)),
            "value": rows["value"],
            "band": rows["band"],
            "band_lower_bound": rows["band_lower_bound"],
            "band_upper_bound": rows["band_upper_bound"],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        column_config={
            "kpi": "KPI",
            "value": value_column("Value", "percent"),
            "band": "Band",
            "band_lower_bound": value_column("From", "percent"),
            "band_upper_bound": value_column("Below", "percent"),
        },
        key="band_table",
    )


def target_table(rows: pd.DataFrame, kpi_names: dict[str, str]) -> None:
    shown = with_period_labels(rows, grain_column="grain")
    shown = pd.DataFrame(
        {
            "kpi": shown["kpi_id"].map(lambda k: kpi_names.get(k, k)),
            "period": shown["period"],
            "breakdown": [
                "overall" if dimension == "overall" else f"{dimension} {value}"
                for dimension, value in zip(
                    shown["dimension"], shown["dimension_value"], strict=True
                )
            ],
            "actual_value": shown["actual_value"],
            "target_value": shown["target_value"],
            "attainment": shown["attainment"],
            "gap": shown["gap"],
            "status": [
                target_status(kpi_id, actual, target)
                for kpi_id, actual, target in zip(
                    shown["kpi_id"], shown["actual_value"], shown["target_value"], strict=True
                )
            ],
            "unit": shown["unit"],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        column_config={
            "kpi": "KPI",
            "period": "Period",
            "breakdown": "Breakdown",
            "actual_value": st.column_config.NumberColumn("Actual", format="localized"),
            "target_value": st.column_config.NumberColumn("Target", format="localized"),
            "attainment": st.column_config.NumberColumn("Attainment", format="percent"),
            "gap": st.column_config.NumberColumn("Gap", format="%+.1f"),
            "status": "Status",
            "unit": "Unit",
        },
        key="target_table",
    )


def render() -> None:
    kpi_names = names()
    st.title("Benchmarks and targets")
    grain = grain_filter(data.BENCHMARK_GRAINS, default="year")
    choice = load("periods", grain)
    period = period_filter(grain, choice.starts, choice.default)
    if period is None:
        st.info(f"The scorecard has no {grain} yet.")
        return
    st.header(f"Benchmarks, {period_name(grain, period)}")
    benchmarks = load("benchmarks", grain, period)
    if benchmarks.empty:
        st.info("No benchmarked KPI has a value in this period.")
    else:
        st.caption("'(ours)': the group set by the vars business_model and industry.")
        benchmark_table(benchmarks, kpi_names)
        if benchmarks["is_small_sample"].any():
            st.caption(SMALL_SAMPLE_NOTE)
    bands = load("bands", grain, period)
    if not bands.empty:
        st.header(f"Performance bands, {period_name(grain, period)}")
        band_table(bands, kpi_names)
    st.header("Targets")
    targets = load("targets")
    if targets.empty:
        st.info("No targets are set (seed kpi_targets).")
    else:
        st.caption(
            "Attainment = actual / target. Churn rate, sales cycle length and time to first "
            "cross-sell meet their target by staying at or under it."
        )
        target_table(targets, kpi_names)


guarded(render)
