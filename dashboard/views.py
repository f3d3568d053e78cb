"""Streamlit pieces the pages share: cached reads, filters, columns, charts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from crosssell.warehouse import WarehouseUnavailable
from dashboard import data
from dashboard.labels import grain_label, period_name

SMALL_SAMPLE_NOTE = (
    "Small sample: fewer than `min_sample_size` (30 by default) in the denominator; "
    "read such a value with care."
)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(name: str, path: str, version: tuple[int, int, int], args: tuple[Any, ...]) -> Any:
    """One data function's answer, kept until the warehouse file changes."""
    return getattr(data, name)(Path(path), *args)


def load(name: str, *args: Any) -> Any:
    """data.<name>(served warehouse, *args); the page stops with one line if it is unreadable."""
    path = data.warehouse_path()
    try:
        return _cached(name, str(path), data.signature(path), args)
    except WarehouseUnavailable as error:
        st.error(str(error))
        st.stop()


def names() -> dict[str, str]:
    return load("kpi_names")


def grain_filter(grains: list[str] | tuple[str, ...], default: str, key: str = "grain") -> str:
    options = list(grains)
    index = options.index(default) if default in options else 0
    return st.sidebar.selectbox("Grain", options, index=index, key=key, format_func=grain_label)


def period_filter(
    grain: str,
    starts: tuple[date, ...],
    default: date | None,
    key: str = "period",
    allow_all: bool = False,
) -> date | None:
    """A period of the grain (newest first); None is 'all periods' when allowed.
    The widget's key has the grain in it: a new grain starts at its default."""
    options: list[date | None] = [*([None] if allow_all else []), *starts]
    index = options.index(default) if default in options else 0

    def label(start: date | None) -> str:
        return "All periods" if start is None else period_name(grain, start)

    return st.sidebar.selectbox(
        "Period", options, index=index, key=f"{key}_{grain}", format_func=label
    )


def value_format(unit: str) -> str:
    """Streamlit's number format for a KPI unit."""
    return {
        "percent": "%.1f %%",
        "usd": "dollar",
        "days": "%.1f days",
        "count": "localized",
        "score": "%.1f",
    }.get(unit, "localized")


def value_column(label: str, unit: str) -> Any:
    return st.column_config.NumberColumn(label, format=value_format(unit))


def count_column(label: str) -> Any:
    return st.column_config.NumberColumn(label, format="localized")


def with_period_labels(
    frame: pd.DataFrame, grain_column: str | None = None, grain: str | None = None
) -> pd.DataFrame:
    """A 'Period' column in words next to period_start."""
    frame = frame.copy()

    def label(row: pd.Series) -> str:
        start = row["period_start"]
        start = start.date() if hasattr(start, "date") else start
        return period_name(row[grain_column] if grain_column else grain or "month", start)

    frame.insert(0, "period", frame.apply(label, axis=1) if len(frame) else [])
    return frame


def trend_chart(
    frame: pd.DataFrame,
    unit: str,
    band: tuple[float, float] | None = None,
    color: str | None = None,
) -> alt.LayerChart | alt.Chart:
    """Value over period_start, one line (or one per `color` value); a shaded
    benchmark range behind it when given."""
    axis_title = {"percent": "%", "usd": "USD", "days": "days", "score": "score"}.get(unit, unit)
    encoding: dict[str, Any] = {
        "x": alt.X("period_start:T", title=None),
        "y": alt.Y("value:Q", title=axis_title),
        "tooltip": [
            alt.Tooltip("period_start:T", title="period"),
            alt.Tooltip("value:Q", title="value", format=",.1f"),
        ],
    }
    if color:
        encoding["color"] = alt.Color(f"{color}:N", title=None)
    line = alt.Chart(frame).mark_line(point=True).encode(**encoding)
    if band is None:
        return line
    shade = (
        alt.Chart(pd.DataFrame({"low": [band[0]], "high": [band[1]]}))
        .mark_rect(opacity=0.15, color="#2a9d8f")
        .encode(y="low:Q", y2="high:Q")
    )
    return alt.layer(shade, line)


def guarded(render: Callable[[], None]) -> None:
    """Run a page; a warehouse that cannot be read shows one line, not a traceback."""
    try:
        render()
    except WarehouseUnavailable as error:
        st.error(str(error))
