"""What the commands print: summary formatting, build progress, freshness, one-line errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from crosssell.backtest import verdict
from crosssell.dbt_cli import BuildProgress, first_meaningful_line
from crosssell.refresh import SourceFreshness, format_age, freshness_line, freshness_rows
from crosssell.target import PROJECT_DIR
from crosssell.warehouse import (
    WRITER_ADVICE,
    alert_line,
    format_change,
    format_number,
    format_value,
    kpi_line,
    lock_message,
    period_label,
    previous_label,
)
from harness.__main__ import main


def test_counts_are_integers_and_money_has_separators() -> None:
    assert format_number(771.0) == "771"
    assert format_number(2464.0) == "2,464"
    assert format_number(14367119.7) == "14,367,119.70"
    assert format_value(1199.0, "count") == "1,199"
    assert format_value(5830.8149, "usd") == "5,830.81 USD"
    assert format_value(31.2905, "percent") == "31.3 %"
    assert format_value(None, "percent") == "n/a"


def test_change_is_points_for_rates_and_relative_for_amounts() -> None:
    assert format_change(2.14, 29.15, "percent") == "+2.1 pts"
    assert format_change(-1.8, 32.2, "score") == "-1.8 pts"
    assert format_change(-0.04, 10.0, "percent") == "+0.0 pts"  # no "-0.0"
    assert format_change(430.0, 10000.0, "usd") == "+4.3 %"
    assert format_change(-50.0, 200.0, "days") == "-25.0 %"
    assert format_change(5.0, 0.0, "count") == "from 0"
    assert format_change(None, None, "percent") == "n/a"


def test_kpi_line_without_a_previous_value() -> None:
    row: dict[str, Any] = {
        "unit": "percent",
        "value": 31.29,
        "numerator": 771.0,
        "denominator": 2464.0,
        "previous_value": None,
        "change": None,
        "is_small_sample": False,
    }
    line = kpi_line(row, "Cross-sell rate")
    assert line.split() == ["Cross-sell", "rate", "31.3", "%", "n/a", "771", "/", "2,464"]


def test_period_labels() -> None:
    assert period_label("year", date(2025, 1, 1)) == "2025"
    assert period_label("quarter", date(2025, 7, 1)) == "2025-Q3"
    assert previous_label("quarter", date(2025, 1, 1)) == "2024-Q4"
    assert previous_label("month", date(2025, 1, 1)) == "2024-12"
    assert previous_label("year", date(2025, 1, 1)) == "2024"


def test_first_meaningful_line_skips_dbt_headers() -> None:
    runtime = (
        "  Runtime Error in unit_test x (models/x.yml)\n  An error occurred during execution"
        " of unit test 'x'.\n   Runtime Error\n    Conversion Error: invalid date field"
        ' format: "notadate"\n    LINE 126:\n   ^'
    )
    assert (
        first_meaningful_line(runtime) == 'Conversion Error: invalid date field format: "notadate"'
    )
    hook = (
        "Encountered an error:\nCompilation Error in operation hook (./dbt_project.yml)\n"
        "  Required raw table 'orders' not found.\n  \n  > in macro prepare_raw_crm"
    )
    assert first_meaningful_line(hook) == "Required raw table 'orders' not found."


def _event(name: str, node: dict[str, Any] | None = None, **data: Any) -> str:
    info = {"name": name, "level": data.pop("level", "info"), "msg": data.pop("msg", name)}
    return json.dumps({"info": info, "data": {"node_info": node or {}, **data}}) + "\n"


def test_progress_counts_nodes_per_layer_and_names_failures() -> None:
    log = io.StringIO()
    progress = BuildProgress(log, show=lambda _: None)
    seed = {"resource_type": "seed", "unique_id": "seed.p.kpi_catalog"}
    staging = {"resource_type": "model", "node_path": "staging/crm/s.sql", "unique_id": "model.p.s"}
    marts = {"resource_type": "model", "node_path": "marts/k.sql", "unique_id": "model.p.k"}
    test = {"resource_type": "test", "unique_id": "test.p.not_null_k_id.abc123"}
    for line in (
        _event("LogSeedResult", seed, status="success"),
        _event("LogModelResult", staging, status="OK"),
        _event("LogModelResult", marts, status="ERROR"),
        _event("RunResultError", marts, msg="Database Error in model k\n  Binder Error: no x"),
        _event("LogTestResult", test, status="fail", num_failures=3),
        _event("JinjaLogInfo", msg="Every KPI of the catalogue has its raw tables."),
        "not json\n",
    ):
        progress.feed(line)
    assert [line.split() for line in progress.layer_lines()] == [
        ["seeds", "1", "seeds", "ok"],
        ["staging", "1", "models", "ok"],
        ["marts", "1", "models", "1", "failed"],
        ["data", "tests", "1", "tests", "1", "failed"],
    ]
    assert progress.failure_lines() == [
        "  k: Binder Error: no x",
        "  not_null_k_id: 3 failing rows",
    ]
    assert progress.note_lines() == ["  Every KPI of the catalogue has its raw tables."]
    assert "not json" in log.getvalue()


def test_freshness_marks_absent_tables_and_shows_age_and_thresholds() -> None:
    criteria = {"warn_after": {"count": 24, "period": "hour"}, "error_after": {"count": 72}}
    results = [
        {
            "unique_id": f"source.p.crm.{table}",
            "status": status,
            "criteria": criteria,
            "max_loaded_at_time_ago_in_s": age,
        }
        for table, status, age in (("orders", "warn", 30 * 3600.0), ("campaigns", "error", None))
    ]
    rows = freshness_rows(results, {"orders": True, "campaigns": False, "products": True})
    assert rows[0] == SourceFreshness("campaigns", "absent")
    assert rows[1] == SourceFreshness("orders", "warn", 30 * 3600.0, "24 hours", "72 hours")
    assert rows[2].status == "not checked"
    assert freshness_line(rows[1]).split() == [
        "orders",
        "warn",
        "30.0",
        "h",
        "24",
        "hours",
        "72",
        "hours",
    ]
    assert format_age(334 * 86400.0) == "334 days"


DUCKDB_LOCK = (
    'IO Error: Could not set lock on file "/data/w.duckdb": Conflicting lock is held in '
    "/usr/bin/python3.11 (PID 4242). See also https://duckdb.org/docs/current/connect/concurrency"
)


def test_lock_message_names_file_program_and_pid() -> None:
    message = lock_message(DUCKDB_LOCK, WRITER_ADVICE)
    assert message is not None
    assert message.startswith("/data/w.duckdb is in use by /usr/bin/python3.11 (PID 4242): ")
    assert "tasks.py refresh" in message
    assert lock_message("Catalog Error: no table", WRITER_ADVICE) is None


def test_summary_of_a_missing_or_partial_warehouse_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CRM_WAREHOUSE", str(tmp_path / "none.duckdb"))
    assert main(["summary"]) == 1
    missing = capsys.readouterr().out
    assert missing.startswith("No warehouse at ") and missing.count("\n") == 1
    partial = tmp_path / "partial.duckdb"
    with duckdb.connect(str(partial)) as connection:
        connection.execute("create schema marts; create table marts.dim_calendar (x int)")
    monkeypatch.setenv("CRM_WAREHOUSE", str(partial))
    assert main(["summary"]) == 1
    out = capsys.readouterr().out
    assert "not fully built (no marts.kpi_scorecard" in out and out.count("\n") == 1


@pytest.mark.parametrize("command", ["summary", "build", "docs"])
def test_a_locked_warehouse_gives_one_line_with_the_holder(tmp_path: Path, command: str) -> None:
    warehouse = tmp_path / "held.duckdb"
    with duckdb.connect(str(warehouse)) as held:  # this process holds the write lock
        held.execute("create table t as select 1 as x")
        finished = subprocess.run(
            [sys.executable, "-m", "harness", command],
            cwd=PROJECT_DIR,
            env=dict(os.environ, CRM_WAREHOUSE=str(warehouse)),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    output = finished.stdout + finished.stderr
    assert finished.returncode != 0, output
    assert "Traceback" not in output, output
    assert f"(PID {os.getpid()})" in output, output
    assert str(warehouse) in output, output


def _alert(**changes: Any) -> dict[str, Any]:
    row = dict(
        kpi_name="Churn rate",
        grain="month",
        period_start=date(2025, 12, 1),
        dimension="overall",
        dimension_value="all",
        rule="sharp_change",
        unit="percent",
        value=2.6,
        reference_value=1.7,
        previous_value=1.7,
        change=0.9,
        denominator=2230.0,
        higher_is_better=False,
    )
    return {**row, **changes}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {},
            "Churn rate, month 2025-12, overall: rose sharply: 2.6 % from 1.7 % (+0.9 pts); "
            "sample 2,230",
        ),
        (
            dict(
                kpi_name="Net promoter score (NPS)",
                grain="quarter",
                period_start=date(2025, 10, 1),
                rule="missed_target",
                unit="score",
                value=27.2,
                reference_value=30.0,
                higher_is_better=True,
            ),
            "Net promoter score (NPS), quarter 2025-Q4, overall: missed its target: "
            "27.2 against 30.0; sample 2,230",
        ),
        (
            dict(
                kpi_name="Cross-sell rate",
                dimension="sales_rep",
                dimension_value="R00007",
                rule="consecutive_decline",
                value=12.5,
                reference_value=20.0,
                denominator=41.0,
                higher_is_better=True,
            ),
            "Cross-sell rate, month 2025-12, sales rep R00007: fell period after period: "
            "12.5 %, from 20.0 %; sample 41",
        ),
        (
            dict(rule="outside_benchmark", value=16.0, reference_value=15.0),
            "Churn rate, month 2025-12, overall: above its benchmark: 16.0 % against 15.0 %; "
            "sample 2,230",
        ),
    ],
)
def test_alert_lines_name_the_kpi_the_rule_and_the_numbers(
    changes: dict[str, Any], expected: str
) -> None:
    assert alert_line(_alert(**changes)).strip() == expected


def test_backtest_verdict_compares_the_largest_k() -> None:
    def row(method: str, k: int, hit_rate: float | None) -> dict[str, Any]:
        return dict(method=method, k=k, hit_rate=hit_rate)

    rows = [row("sequence", 1, 30.0), row("sequence", 3, 40.0)]
    assert verdict([*rows, row("popularity", 1, 35.0), row("popularity", 3, 38.5)]) == (
        "At k = 3 the sequence method beats the popularity baseline (40.0 % against 38.5 %)."
    )
    assert "does not beat" in verdict([*rows, row("popularity", 3, 41.0)])
    assert verdict([row("sequence", 3, None), row("popularity", 3, None)]).startswith(
        "No cross-purchase"
    )
