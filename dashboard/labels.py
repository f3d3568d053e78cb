"""Words and formatted numbers for people (pure functions, no Streamlit)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from crosssell.warehouse import format_change, format_number, format_value, period_label

__all__ = [
    "benchmark_text",
    "band_text",
    "format_change",
    "format_number",
    "format_value",
    "grain_label",
    "period_name",
]


def grain_label(grain: str) -> str:
    return {"all_time": "All time"}.get(grain, grain.capitalize())


def period_name(grain: str, start: date) -> str:
    """'2025-Q4', '2025-11', '2025'; all_time rows have no period."""
    return "all time" if grain == "all_time" else period_label(grain, start)


def _missing(value: Any) -> bool:
    return value is None or bool(pd.isna(value))


def _points(gap: float) -> str:
    return f"{gap:+.1f} pts"


def benchmark_text(row: dict[str, Any]) -> str:
    """'b2b range 5-15 %: above, +16.3 pts' or 'retail average 25 %: below, -8.5 pts'."""
    if row["benchmark_type"] == "range":
        reference = (
            f"{row['benchmark_group']} range {row['benchmark_low']:g}-{row['benchmark_high']:g} %"
        )
    else:
        reference = f"{row['benchmark_group']} average {row['benchmark_average']:g} %"
    if _missing(row.get("position")):
        return reference
    within = row["position"] == "within" or _missing(row.get("gap_points"))
    gap = "" if within else f", {_points(row['gap_points'])}"
    return f"{reference}: {row['position']}{gap}"


def band_text(row: dict[str, Any]) -> str:
    """'moderate band (15-30 %)', 'strong band (30 % and up)'."""
    low, high = row["band_lower_bound"], row["band_upper_bound"]
    if _missing(high):
        bounds = f"{low:g} % and up"
    else:
        bounds = f"{low:g}-{high:g} %"
    return f"{row['band']} band ({bounds})"


def change_text(row: dict[str, Any]) -> str | None:
    """The change against the previous period, or None when there is none."""
    change = None if _missing(row.get("change")) else float(row["change"])
    previous = None if _missing(row.get("previous_value")) else float(row["previous_value"])
    text = format_change(change, previous, row["unit"])
    return None if text == "n/a" else text


def value_text(row: dict[str, Any]) -> str:
    value = None if _missing(row.get("value")) else float(row["value"])
    return format_value(value, row["unit"])


def short_value_text(row: dict[str, Any]) -> str:
    """value_text, with amounts in thousands or millions ('967.5k USD',
    '1.39M USD') so that they fit a card; other units as value_text."""
    if row["unit"] != "usd" or _missing(row.get("value")):
        return value_text(row)
    value = float(row["value"])
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.2f}M USD"
    if abs(value) >= 1e4:
        return f"{value / 1e3:,.1f}k USD"
    return f"{value:,.0f} USD"


def product_mix_text(rows: list[dict[str, Any]]) -> str:
    """'Core CRM (P01) 9.2 %, Payments (P12) 8.7 %' (the id alone without a name)."""

    def product(row: dict[str, Any]) -> str:
        name = row.get("product_name")
        return f"{name} ({row['product_id']})" if isinstance(name, str) else row["product_id"]

    return ", ".join(f"{product(row)} {format_value(row['value'], 'percent')}" for row in rows)
