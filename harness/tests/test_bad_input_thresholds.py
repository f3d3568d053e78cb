"""A systematic raw-data problem fails the build in one line; a small one warns.

The demo data with orders.ordered_at rewritten US-style (`12/01/2010 08:26`,
unreadable as a timestamp): every order is rejected, and every order line
with it. The build must fail with the orders line as its error message, and
the order lines must point at their rejected orders.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from harness.generator import generate
from harness.tests.conftest import Warehouse


def _us_style(moment: str) -> str:
    return datetime.fromisoformat(moment).strftime("%m/%d/%Y %H:%M")


def _rewrite_ordered_at(raw_dir: Path, every: int) -> list[str]:
    """Write every `every`-th order's ordered_at US-style; return the new values."""
    path = raw_dir / "orders.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rewritten = []
    for index, row in enumerate(rows):
        if index % every == 0:
            row["ordered_at"] = _us_style(row["ordered_at"])
            rewritten.append(row["ordered_at"])
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rewritten


# the guard and everything it reads (base models, staging, data-quality
# marts) with their data tests; the KPI marts play no part in it
GUARD_BUILD = ["build", "--select", "+data_quality_alerts", "--exclude", "test_type:unit"]


def _examples(values: list[str]) -> str:
    """The three most common values, ties in text order, as the line shows them."""
    ranked = sorted(Counter(values).items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"'{value}'" for value, _ in ranked[:3])


def _build(
    tmp_path: Path, build_raw: Callable[..., Warehouse], every: int, name: str
) -> tuple[Warehouse, list[str], int, int]:
    raw_dir = tmp_path / "raw"
    tables = generate(raw_dir, accounts=300, seed=7)
    rewritten = _rewrite_ordered_at(raw_dir, every)
    warehouse = build_raw(raw_dir, name, GUARD_BUILD)
    return warehouse, rewritten, len(tables.rows["orders"]), len(tables.rows["order_items"])


def test_us_style_dates_fail_the_build_in_one_line(tmp_path: Path, build_raw) -> None:
    warehouse, rewritten, orders, items = _build(tmp_path, build_raw, 1, "us_dates")
    output = warehouse.result.output
    assert not warehouse.result.ok
    expected = (
        f"orders.ordered_at: {orders:,} of {orders:,} rows unreadable, e.g. {_examples(rewritten)}"
    )
    lines = [line.strip() for line in output.splitlines()]
    # the error: one line under dbt's header, nothing after it but the summary
    header = next(index for index, line in enumerate(lines) if "Compilation Error in model" in line)
    assert "data_quality_alerts" in lines[header]
    assert lines[header + 1] == expected
    assert "> in macro" not in output and "Traceback" not in output
    # the order lines are reported as orphans of the rejected orders, not instead of them
    orphans = (
        f"order_items.order_id: {items:,} of {items:,} rows rejected as orphan_reference "
        "(their orders were rejected)"
    )
    assert any(line.endswith(orphans) for line in lines), output[-3000:]
    assert "ERROR=1 " in output  # the guard is the only failure
    shares = warehouse.rows(
        "select table_name, alert_level, main_columns from marts.data_quality_rejected_share "
        "where alert_level != 'ok' order by 1"
    )
    assert shares == [
        {"table_name": "order_items", "alert_level": "error", "main_columns": "order_id"},
        {"table_name": "orders", "alert_level": "error", "main_columns": "ordered_at"},
    ]


def test_a_small_share_warns_and_the_build_passes(tmp_path: Path, build_raw) -> None:
    warehouse, rewritten, orders, _ = _build(tmp_path, build_raw, 10, "some_us_dates")
    output = warehouse.result.output
    assert warehouse.result.ok, output[-3000:]
    assert 0.05 < len(rewritten) / orders < 0.5
    expected = (
        f"orders.ordered_at: {len(rewritten):,} of {orders:,} rows unreadable, "
        f"e.g. {_examples(rewritten)}"
    )
    lines = [line.strip() for line in output.splitlines()]
    assert any(line.endswith(expected) for line in lines), output[-3000:]
    alerts = warehouse.rows(
        "select table_name, alert_level, alert_rank, message from marts.data_quality_alerts "
        "order by alert_rank"
    )
    # the table whose own values failed first, its children after it
    assert [(row["table_name"], row["alert_level"]) for row in alerts] == [
        ("orders", "warn"),
        ("order_items", "warn"),
    ]
    assert alerts[0]["message"] == expected
    assert alerts[1]["message"].endswith(
        "rows rejected as orphan_reference (their orders were rejected)"
    )
