"""Line revenue in USD recomputed with Python's decimal from the raw files.

Which lines count (completed orders, accepted rows) is taken from the
warehouse's int_order_items_priced; the money of each line is worked out
here from the raw text: (quantity * unit_price - discount) * usd_per_unit
of the order's currency, rounded half away from zero to 6 decimals once,
then summed exactly.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from crosssell.target import PROJECT_DIR

SCALE = Decimal("0.000001")
PRICED_LINES = (
    "select order_item_id, order_id, extract(year from ordered_at) as year, "
    "line_revenue_usd from intermediate.int_order_items_priced"
)


def _loaded_at(text: str) -> datetime.datetime:
    try:
        return datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        return datetime.datetime.min


def _latest(path: Path, key: str) -> dict[str, dict[str, str]]:
    """Per key, the raw row loaded last (unreadable load times sort oldest)."""
    latest: dict[str, dict[str, str]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            value = (row[key] or "").strip()
            kept = latest.get(value)
            if kept is None or _loaded_at(row["_loaded_at"]) > _loaded_at(kept["_loaded_at"]):
                latest[value] = row
    return latest


def usd_rates() -> dict[str, Decimal]:
    path = PROJECT_DIR / "seeds" / "reference" / "currency_rates.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        return {
            row["currency_code"]: Decimal(row["usd_per_unit"]) for row in csv.DictReader(handle)
        }


def line_revenue_usd(item: dict[str, str], usd_per_unit: Decimal) -> Decimal:
    discount = (item["discount_amount"] or "").strip()
    amount = Decimal(item["quantity"].strip()) * Decimal(item["unit_price"].strip()) - Decimal(
        discount or "0"
    )
    return (amount * usd_per_unit).quantize(SCALE, rounding=ROUND_HALF_UP)


def revenue_by_year(raw_dir: Path, lines: Iterable[tuple[str, str, int]]) -> dict[int, Decimal]:
    """Sum per order year of the given (order_item_id, order_id, year) lines."""
    items = _latest(raw_dir / "order_items.csv", "order_item_id")
    orders = _latest(raw_dir / "orders.csv", "order_id")
    rates = usd_rates()
    totals: dict[int, Decimal] = {}
    for item_id, order_id, year in lines:
        currency = orders[order_id]["currency"].strip()
        revenue = line_revenue_usd(items[item_id], rates[currency])
        totals[year] = totals.get(year, Decimal(0)) + revenue
    return totals


def warehouse_revenue_by_year(
    rows: Iterable[tuple[str, str, int, Decimal]],
) -> tuple[dict[int, Decimal], list[tuple[str, str, int]]]:
    """The warehouse's exact sums per year, and the lines it counted."""
    totals: dict[int, Decimal] = {}
    lines = []
    for item_id, order_id, year, revenue in rows:
        assert isinstance(revenue, Decimal), f"line_revenue_usd is {type(revenue).__name__}"
        totals[int(year)] = totals.get(int(year), Decimal(0)) + revenue
        lines.append((item_id, order_id, int(year)))
    return totals, lines
