"""The overview as one self-contained HTML file, for e-mailing a review.

No script and nothing fetched: the styles are inline and the charts are
inline SVG. Each KPI row carries its unrounded value (`data-value`), so a
test can check the file against marts.kpi_scorecard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

import pandas as pd

from crosssell.warehouse import (
    WarehouseUnavailable,
    category_label,
    format_value,
    previous_label,
)
from dashboard import data
from dashboard.labels import (
    band_text,
    benchmark_text,
    change_text,
    format_number,
    period_name,
    product_mix_text,
    value_text,
)
from dashboard.svg import Point, line_chart

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1120px; color: #222; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eee; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.category td { font-weight: 600; background: #f4f7f9; }
.note { color: #666; font-size: 0.88em; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.chart h3 { font-size: 1em; margin: 0.6em 0 0.2em; }
"""


@dataclass(frozen=True)
class Report:
    grain: str
    period_start: date
    html: str

    @property
    def period_label(self) -> str:
        return period_name(self.grain, self.period_start)


def _cell(text: str, css: str = "", value: float | None = None) -> str:
    attributes = f' class="{css}"' if css else ""
    if value is not None:
        attributes += f' data-value="{value!r}"'
    return f"<td{attributes}>{escape(text)}</td>"


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def headline_table(path: Path, grain: str, period: date) -> str:
    rows = data.headline(path, grain, period)
    benchmarks = data.benchmarks(path, grain, period)
    bands = data.bands(path, grain, period)
    since = previous_label(grain, period)
    lines = [
        "<table><thead><tr><th>KPI</th><th class='num'>value</th>"
        f"<th class='num'>vs {escape(since)}</th><th class='num'>numerator / denominator</th>"
        "<th>benchmark or band</th></tr></thead><tbody>"
    ]
    category = None
    for row in rows.to_dict("records"):
        if row["kpi_category"] != category:
            category = row["kpi_category"]
            lines.append(
                f"<tr class='category'><td colspan='5'>{category_label(category)}</td></tr>"
            )
        ratio = (
            ""
            if pd.isna(row["denominator"])
            else f"{format_number(row['numerator'])} / {format_number(row['denominator'])}"
        )
        if row["is_small_sample"]:
            ratio += " (small sample)"
        lines.append(
            f"<tr data-kpi='{escape(row['kpi_id'])}'>"
            + _cell(row["kpi_name"])
            + _cell(value_text(row), "num value", _number(row["value"]))
            + _cell(change_text(row) or "n/a", "num change", _number(row["change"]))
            + _cell(ratio, "num")
            + _cell("; ".join(_benchmark_notes(row["kpi_id"], benchmarks, bands)))
            + "</tr>"
        )
    lines.append("</tbody></table>")
    mix = data.product_mix_top(path, grain, period)
    if not mix.empty:
        lines.append(
            "<p>Product mix ratio, the largest shares of purchase revenue: "
            f"{escape(product_mix_text(mix.to_dict('records')))}</p>"
        )
    return "\n".join(lines)


def _benchmark_notes(kpi_id: str, benchmarks: pd.DataFrame, bands: pd.DataFrame) -> list[str]:
    notes = []
    ours = benchmarks[(benchmarks["kpi_id"] == kpi_id) & benchmarks["is_configured_group"]]
    if len(ours):
        notes.append(benchmark_text(ours.iloc[0].to_dict()))
    band = bands[bands["kpi_id"] == kpi_id]
    if len(band) and not pd.isna(band.iloc[0]["band"]):
        notes.append(band_text(band.iloc[0].to_dict()))
    return notes


def trend_charts(path: Path, grain: str, names: dict[str, str]) -> str:
    series = data.trend(path, grain, list(data.HEADLINE_TRENDS))
    configured = data.configured_benchmarks(path)
    charts = []
    for kpi_id in data.HEADLINE_TRENDS:
        frame = series[series["kpi_id"] == kpi_id]
        if frame.empty:
            continue
        unit = str(frame.iloc[0]["unit"])
        points = [
            Point(
                period_name(grain, start.date() if hasattr(start, "date") else start),
                _number(value),
                format_value(_number(value), unit),
            )
            for start, value in zip(frame["period_start"], frame["value"], strict=True)
        ]
        ranges = data.benchmark_ranges(configured, kpi_id, grain)
        band = (
            (float(ranges.iloc[0]["benchmark_low"]), float(ranges.iloc[0]["benchmark_high"]))
            if len(ranges)
            else None
        )
        title = f"{names.get(kpi_id, kpi_id)} by {grain}"
        note = (
            f"<p class='note'>Shaded: the {escape(ranges.iloc[0]['benchmark_group'])} "
            "benchmark range.</p>"
            if band
            else ""
        )
        charts.append(
            f"<div class='chart' data-kpi='{kpi_id}' data-grain='{grain}'>"
            f"<h3>{escape(title)}</h3>{line_chart(points, title, unit, band)}{note}</div>"
        )
    return f"<div class='charts'>{''.join(charts)}</div>"


def build_report(path: Path, grain: str = "month", period: date | None = None) -> Report:
    """The overview of `period` (default: the last period of the grain the
    data fully covers), with trend charts by month and by quarter."""
    choice = data.periods(path, grain)
    period = period or choice.default
    if period is None:
        raise WarehouseUnavailable(f"The scorecard of {path} has no {grain} yet.")
    names = data.kpi_names(path)
    span = data.data_span(path)
    label = period_name(grain, period)
    body = [
        f"<h1>Cross-sell KPI review, {escape(label)}</h1>",
        f"<p class='note'>Overall figures of {grain} {escape(label)} against "
        f"{escape(previous_label(grain, period))}; data from {span['first_data_date']} to "
        f"{span['as_of_date']}. Rates and scores change in points, other figures in %.</p>",
        "<h2>Headline KPIs</h2>",
        headline_table(path, grain, period),
        "<h2>Trends by month</h2>",
        trend_charts(path, "month", names),
        "<h2>Trends by quarter</h2>",
        trend_charts(path, "quarter", names),
    ]
    html = (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>Cross-sell KPI review, {escape(label)}</title>"
        f"<style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
    return Report(grain, period, html)


def write_report(path: Path, out: Path | None, default_dir: Path, grain: str = "month") -> Path:
    """Write the report to `out` (default: <default_dir>/kpi-review-<period>.html)."""
    report = build_report(path, grain)
    out = out or default_dir / f"kpi-review-{report.period_label}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report.html, encoding="utf-8")
    return out
