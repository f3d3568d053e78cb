"""Overview: the KPI alerts first, then every KPI's overall value in one
period, its change against the previous period, its benchmark or band, and
trend lines."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from crosssell.warehouse import alert_line, category_label, previous_label
from dashboard import data
from dashboard.labels import (
    band_text,
    benchmark_text,
    change_text,
    format_number,
    grain_label,
    period_name,
    product_mix_text,
    short_value_text,
    value_text,
)
from dashboard.views import grain_filter, guarded, load, names, period_filter, trend_chart

COLUMNS_PER_ROW = 4


def benchmark_lines(kpi_id: str, benchmarks: pd.DataFrame, bands: pd.DataFrame) -> list[str]:
    """The benchmark of the configured group, with the position (years and
    quarters only), and the band, as lines of text."""
    lines = []
    in_period = benchmarks[(benchmarks["kpi_id"] == kpi_id) & benchmarks["is_configured_group"]]
    if len(in_period):
        lines.append("Benchmark: " + benchmark_text(in_period.iloc[0].to_dict()))
    band = bands[bands["kpi_id"] == kpi_id]
    if len(band) and not pd.isna(band.iloc[0]["band"]):
        lines.append("Band: " + band_text(band.iloc[0].to_dict()))
    return lines


def kpi_card(row: dict[str, Any], notes: list[str]) -> None:
    st.metric(
        row["kpi_name"],
        short_value_text(row),
        delta=change_text(row),
        delta_color="inverse" if row["kpi_id"] in data.LOWER_IS_BETTER else "normal",
        border=True,
        help=f"{value_text(row)} in {row['period_label']}",
    )
    if not pd.isna(row["denominator"]):
        ratio = f"{format_number(row['numerator'])} / {format_number(row['denominator'])}"
        small = " · small sample" if row["is_small_sample"] else ""
        notes = [f"{ratio}{small}", *notes]
    for note in notes:
        st.caption(note)


def headline_section(grain: str, period: date) -> None:
    rows = load("headline", grain, period).assign(period_label=period_name(grain, period))
    if rows.empty:
        st.info("No KPI has a value in this period.")
        return
    benchmarks = load("benchmarks", grain, period)
    bands = load("bands", grain, period)
    for category, group in rows.groupby("kpi_category", sort=False):
        st.subheader(category_label(category))
        records = group.to_dict("records")
        for first in range(0, len(records), COLUMNS_PER_ROW):
            columns = st.columns(COLUMNS_PER_ROW)
            for column, row in zip(columns, records[first : first + COLUMNS_PER_ROW], strict=False):
                with column:
                    kpi_card(row, benchmark_lines(row["kpi_id"], benchmarks, bands))
    mix = load("product_mix_top", grain, period)
    if not mix.empty:
        name = names().get("product_mix_ratio", "Product mix ratio")
        st.markdown(
            f"**{name}**, the largest shares of purchase revenue: "
            + product_mix_text(mix.to_dict("records"))
        )


def trend_section(kpi_names: dict[str, str]) -> None:
    st.header("Trends")
    trend_grain = st.radio(
        "Trend by",
        ["month", "quarter"],
        horizontal=True,
        key="trend_grain",
        format_func=grain_label,
    )
    chosen = st.multiselect(
        "KPIs",
        list(kpi_names),
        default=list(data.HEADLINE_TRENDS),
        key="trend_kpis",
        format_func=lambda kpi_id: kpi_names.get(kpi_id, kpi_id),
    )
    series = load("trend", trend_grain, tuple(chosen))
    configured = load("configured_benchmarks")
    columns = st.columns(2)
    for index, kpi_id in enumerate(chosen):
        frame = series[series["kpi_id"] == kpi_id]
        with columns[index % 2]:
            st.markdown(f"**{kpi_names.get(kpi_id, kpi_id)}**")
            if frame.empty:
                st.caption("No values at this grain.")
                continue
            ranges = data.benchmark_ranges(configured, kpi_id, trend_grain)
            band = (
                (float(ranges.iloc[0]["benchmark_low"]), float(ranges.iloc[0]["benchmark_high"]))
                if len(ranges)
                else None
            )
            st.altair_chart(trend_chart(frame, str(frame.iloc[0]["unit"]), band))
            if band:
                st.caption(f"Shaded: the {ranges.iloc[0]['benchmark_group']} benchmark range.")


def alert_texts(alerts: pd.DataFrame) -> list[str]:
    """Each alert in words (the summary's lines), missing numbers as None."""
    records = alerts.astype(object).where(alerts.notna(), None).to_dict("records")
    return [alert_line(row).strip() for row in records]


def alerts_section() -> None:
    """Every overall alert as a line; the breakdowns' alerts in a table below."""
    alerts = load("kpi_alerts")
    st.header("Alerts")
    if alerts.empty:
        st.success("No KPI needs a look in the latest complete month and quarter.")
        return
    overall = alerts[alerts["dimension"] == data.OVERALL]
    st.caption(
        "Latest complete month and quarter: the worst band, outside the benchmark, a missed "
        "target, a decline period after period, or a sharp change. Small samples never alert."
    )
    if overall.empty:
        st.info("No overall KPI needs a look; see the breakdowns below.")
    for text in alert_texts(overall):
        st.warning(text)
    breakdowns = alerts[alerts["dimension"] != data.OVERALL]
    if not breakdowns.empty:
        with st.expander(f"{len(breakdowns):,} alerts by breakdown"):
            st.dataframe(
                pd.DataFrame({"alert": alert_texts(breakdowns)}),
                hide_index=True,
                key="breakdown_alerts",
            )


def render() -> None:
    st.title("Cross-sell KPIs")
    alerts_section()
    grain = grain_filter(data.GRAINS, default="quarter")
    choice = load("periods", grain)
    if choice.default is None:
        st.info(f"The scorecard has no {grain} yet.")
        return
    period = period_filter(grain, choice.starts, choice.default)
    span = load("data_span")
    status = "" if period in choice.complete else " It is not complete yet: figures may still move."
    st.markdown(
        f"Overall figures of **{period_name(grain, period)}**, with the change against "
        f"{previous_label(grain, period)}. Data from {span['first_data_date']} "
        f"to {span['as_of_date']}.{status}"
    )
    headline_section(grain, period)
    trend_section(names())


guarded(render)
