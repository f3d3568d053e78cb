"""KPI explorer: one KPI by grain, period and breakdown, with numerator,
denominator and the small-sample rows marked."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.labels import grain_label
from dashboard.views import (
    SMALL_SAMPLE_NOTE,
    count_column,
    guarded,
    load,
    names,
    period_filter,
    trend_chart,
    value_column,
    with_period_labels,
)

DEFAULT_KPI = "cross_sell_rate"
MAX_LINES = 8  # breakdown values drawn in the chart (the largest denominators)


def breakdown_label(dimension: str) -> str:
    return dimension.replace("_", " ").capitalize()


def table(rows: pd.DataFrame, grain: str, unit: str) -> None:
    shown = with_period_labels(rows, grain=grain)
    shown["sample"] = shown["is_small_sample"].map(lambda small: "small sample" if small else "")
    shown = shown[
        [
            "period",
            "dimension_value",
            "value",
            "numerator",
            "denominator",
            "previous_value",
            "change",
            "sample",
        ]
    ]
    st.dataframe(
        shown,
        hide_index=True,
        column_config={
            "period": "Period",
            "dimension_value": "Breakdown value",
            "value": value_column("Value", unit),
            "numerator": count_column("Numerator"),
            "denominator": count_column("Denominator"),
            "previous_value": value_column("Previous period", unit),
            "change": value_column("Change", unit),
            "sample": "Sample",
        },
        key="kpi_table",
    )


def history(kpi_id: str, grain: str, dimension: str, unit: str) -> None:
    rows = load("kpi_rows", kpi_id, grain, dimension, None)
    rows = rows[rows["is_complete_period"]]
    if rows["period_start"].nunique() < 2:
        return
    largest = (
        rows.groupby("dimension_value")["denominator"]
        .sum()
        .sort_values(ascending=False)
        .head(MAX_LINES)
        .index
    )
    rows = rows[rows["dimension_value"].isin(largest)]
    color = None if dimension == data.OVERALL else "dimension_value"
    st.subheader(f"By {grain}")
    if color and rows["dimension_value"].nunique() == MAX_LINES:
        st.caption(f"The {MAX_LINES} breakdown values with the largest denominators.")
    st.altair_chart(trend_chart(rows, unit, color=color))


def render() -> None:
    kpi_names = names()
    options = list(kpi_names)
    kpi_id = st.sidebar.selectbox(
        "KPI",
        options,
        index=options.index(DEFAULT_KPI) if DEFAULT_KPI in options else 0,
        key="kpi",
        format_func=lambda k: kpi_names.get(k, k),
    )
    grains = load("kpi_grains", kpi_id)
    grain = st.sidebar.selectbox(
        "Grain",
        grains,
        index=grains.index("quarter") if "quarter" in grains else 0,
        key="grain",
        format_func=grain_label,
    )
    dimensions = load("kpi_dimensions", kpi_id, grain)
    dimension = st.sidebar.selectbox(
        "Breakdown", dimensions, key="dimension", format_func=breakdown_label
    )
    choice = load("periods", grain)
    starts = load("kpi_periods", kpi_id, grain, dimension)
    default = choice.default if choice.default in starts else (starts[0] if starts else None)
    period = period_filter(grain, starts, default, allow_all=True)
    rows = load("kpi_rows", kpi_id, grain, dimension, period)
    st.title(kpi_names.get(kpi_id, kpi_id))
    if rows.empty:
        st.info("No rows for this choice.")
        return
    unit = str(rows.iloc[0]["unit"])
    st.caption(
        f"{grain_label(grain)} figures by {breakdown_label(dimension).lower()}; unit: {unit}. "
        "Numerator and denominator are the counts (or sums) the value is made of."
    )
    table(rows, grain, unit)
    if rows["is_small_sample"].any():
        st.caption(SMALL_SAMPLE_NOTE)
    history(kpi_id, grain, dimension, unit)


guarded(render)
