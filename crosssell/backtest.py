"""The recommendations' backtest: `python -m crosssell backtest --cutoff DATE`.

Builds the recommendation models into a scratch DuckDB file next to the
served one (`<warehouse>.backtest.duckdb`, rebuilt from scratch each time;
the served file is never written) with the dbt var recommendation_cutoff,
so they see only rows dated before the cutoff, then prints
marts.recommendation_backtest: hit rate at 1 and at recommendation_count,
coverage, and the same for the most-popular-product baseline.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from crosssell.dbt_cli import run_dbt_logged
from crosssell.target import Target
from crosssell.warehouse import fetch_rows, format_number

SELECTION = ["+recommendation_backtest", "+cross_sell_recommendations"]
METHOD_NAMES = {"sequence": "sequence (served)", "popularity": "popularity baseline"}


class BacktestError(Exception):
    """A one-line reason the backtest could not run."""


def scratch_warehouse(served: Path) -> Path:
    """The backtest's own file, beside the served one; never the served file."""
    return served.with_name(f"{served.stem}.backtest.duckdb")


def parse_cutoff(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BacktestError(f"--cutoff {text!r} is not a date (write it as 2025-07-01)") from None


def backtest_vars(cutoff: date, extra_vars: str | None) -> str:
    """The dbt vars of the backtest build: the caller's, plus the cutoff."""
    loaded = yaml.safe_load(extra_vars) if extra_vars else {}
    if not isinstance(loaded, dict):
        raise BacktestError(f"--vars {extra_vars!r} is not a YAML mapping")
    return json.dumps({**loaded, "recommendation_cutoff": cutoff.isoformat()}, default=str)


def run_backtest(
    raw_dir: Path, served: Path, cutoff: date, extra_vars: str | None, log_path: Path
) -> list[dict[str, Any]]:
    """Build the recommendations as of the cutoff in the scratch file; its backtest rows."""
    scratch = scratch_warehouse(served)
    if scratch.resolve() == served.resolve():
        raise BacktestError(f"the scratch file would be the served one ({served})")
    scratch.parent.mkdir(parents=True, exist_ok=True)
    for stale in (scratch, scratch.with_name(scratch.name + ".wal")):
        stale.unlink(missing_ok=True)
    args = [
        "build",
        "--select",
        *SELECTION,
        "--exclude",
        "resource_type:unit_test",
        "--indirect-selection",
        "cautious",
        "--vars",
        backtest_vars(cutoff, extra_vars),
    ]
    logged = run_dbt_logged(args, raw_dir, Target.duckdb(scratch), log_path)
    if not logged.result.ok:
        failures = logged.progress.failure_lines() or ["  (no failed node reported)"]
        raise BacktestError(
            f"the backtest build failed ({failures[0].strip()}); full log: {log_path}"
        )
    return fetch_rows(
        scratch,
        "select * from marts.recommendation_backtest "
        "order by case method when 'sequence' then 0 else 1 end, k",
    )


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} %"


def backtest_lines(rows: list[dict[str, Any]]) -> list[str]:
    """The backtest table for people, and whether the method beats the baseline."""
    if not rows:
        return ["No current customer at the cutoff: nothing to backtest."]
    first = rows[0]
    start = first["cutoff_date"]
    end = start + timedelta(days=int(first["horizon_days"]) - 1)
    lines = [
        f"Recommendations from the rows before {start}, checked against the products "
        f"first bought from {start} to {end} ({first['horizon_days']} days):",
        f"{format_number(first['customers'])} current customers, "
        f"{format_number(first['cross_purchasers'])} of them bought a product they did "
        "not own in that time.",
        f"    {'method':<22}{'k':>3}{'hits / buyers':>18}{'hit rate':>11}"
        f"{'coverage':>11}{'buyers covered':>17}",
    ]
    for row in rows:
        hits = f"{format_number(row['hits'])} / {format_number(row['cross_purchasers'])}"
        lines.append(
            f"    {METHOD_NAMES.get(row['method'], row['method']):<22}{row['k']:>3}{hits:>18}"
            f"{_percent(row['hit_rate']):>11}{_percent(row['coverage']):>11}"
            f"{_percent(row['cross_purchasers_covered']):>17}"
        )
    lines.append(verdict(rows))
    return lines


def verdict(rows: list[dict[str, Any]]) -> str:
    """One line: does the sequence method beat the popularity baseline at the largest k?"""
    k = max(row["k"] for row in rows)
    rates = {row["method"]: row["hit_rate"] for row in rows if row["k"] == k}
    ours, baseline = rates.get("sequence"), rates.get("popularity")
    if ours is None or baseline is None:
        return "No cross-purchase in the horizon: the hit rates cannot be compared."
    if ours > baseline:
        word = "beats"
    elif ours == baseline:
        word = "ties with"
    else:
        word = "does not beat"
    return (
        f"At k = {k} the sequence method {word} the popularity baseline "
        f"({_percent(ours)} against {_percent(baseline)})."
    )
