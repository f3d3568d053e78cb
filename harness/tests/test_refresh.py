"""Scheduled refreshes: readers never break, a failed run loses nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import duckdb
import pytest

from crosssell.refresh import refresh, refresh_lock
from crosssell.target import PROJECT_DIR
from crosssell.warehouse import STORAGE_COMPATIBILITY_VERSION, fetch_rows, storage_version
from harness.generator import (
    COLUMNS,
    END,
    append_tables,
    build_tables,
    next_day_tables,
    write_tables,
)
from harness.tests.conftest import HANDMADE_VARS, DemoBuild, Factory, Warehouse, recipe, write_raw
from harness.tests.handmade_crm import HANDMADE, _item, _order

REVENUE_2024 = (
    "select value from marts.kpi_scorecard where kpi_id = 'cross_sell_revenue' "
    "and grain = 'year' and period_start = date '2024-01-01' and dimension = 'overall'"
)
FAST = ("--exclude", "test_type:unit")  # unit tests do not depend on data; run elsewhere
MARTS = "select table_name from information_schema.tables where table_schema = 'marts'"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


Marts = dict[str, list[tuple[object, ...]]]


def _marts(warehouse: Path) -> Marts:
    """Every mart's rows, sorted."""
    marts = {}
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = [row[0] for row in connection.execute(MARTS).fetchall()]
        for table in tables:
            rows = connection.execute(f"select * from marts.{table}").fetchall()
            marts[table] = sorted(rows, key=repr)
    return marts


def _differences(left: Marts, right: Marts) -> list[str]:
    """Tables whose rows differ, each with its first differing row."""
    found = []
    for table in sorted(set(left) | set(right)):
        rows_left, rows_right = left.get(table, []), right.get(table, [])
        if len(rows_left) != len(rows_right):
            found.append(f"{table}: {len(rows_left)} rows != {len(rows_right)} rows")
            continue
        for row_left, row_right in zip(rows_left, rows_right, strict=True):
            if row_left != row_right:  # exact: money is decimal, ratios deterministic
                found.append(f"{table}: {row_left} != {row_right}")
                break
    return found


def _harness(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "harness", *args],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


@pytest.fixture
def no_freshness(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refreshes without `dbt source freshness` (a second dbt process beside
    the build), for the tests that do not look at it (the killed-refresh one does)."""
    monkeypatch.setattr("crosssell.refresh._source_freshness", lambda *_: ([], 0))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, handmade: Warehouse) -> tuple[Path, Path]:
    """The served file: a copy of the session's build of the hand-made CRM
    (the build a first refresh makes; the refreshes below start from it)."""
    raw_dir = tmp_path_factory.mktemp("refresh_raw")
    write_raw(raw_dir, HANDMADE)
    warehouse = tmp_path_factory.mktemp("served") / "served.duckdb"
    shutil.copyfile(handmade.path, warehouse)
    return raw_dir, warehouse


def test_reader_keeps_old_data_and_late_rows_change_past_periods(
    served, tmp_path, no_freshness
) -> None:
    raw_dir, original = served
    warehouse = tmp_path / "copy.duckdb"
    warehouse.write_bytes(original.read_bytes())
    late_dir = tmp_path / "late_raw"
    tables = {table: list(rows) for table, rows in HANDMADE.items()}
    # a late order: old ordered_at, loaded after the first build (A4 first buys P2)
    late_order = _order("o13", "A4", "2024-06-01 10:00:00")
    late_order["_loaded_at"] = "2025-01-07 00:00:00"
    tables["orders"].append(late_order)
    tables["order_items"].append(_item("i13", "o13", "P2", 1, 60))
    # a corrected version of an old order: o6 (A2's P3, 216 USD) was cancelled
    corrected = _order("o6", "A2", "2024-07-01 12:00:00", status="cancelled", currency="EUR")
    corrected["_loaded_at"] = "2025-01-08 00:00:00"
    tables["orders"].append(corrected)
    write_raw(late_dir, tables)

    with duckdb.connect(str(warehouse), read_only=True) as reader:
        assert reader.execute(REVENUE_2024).fetchone()[0] == pytest.approx(406.0)
        result = refresh(late_dir, warehouse, HANDMADE_VARS, build_args=FAST)
        assert result.ok, result.failed_nodes
        # the open reader still sees the file it opened
        assert reader.execute(REVENUE_2024).fetchone()[0] == pytest.approx(406.0)
    # a new connection sees the new build: 406 + 60 (late) - 216 (cancelled)
    assert fetch_rows(warehouse, REVENUE_2024)[0]["value"] == pytest.approx(250.0)
    rate = fetch_rows(
        warehouse,
        "select numerator, denominator from marts.kpi_cross_sell_rate where grain = 'year' "
        "and period_start = date '2024-01-01' and dimension = 'overall'",
    )
    assert rate == [{"numerator": 3, "denominator": 4}]  # A1, A3, A4; A2's event is gone
    superseded = fetch_rows(
        warehouse,
        "select superseded from marts.data_quality_reconciliation where table_name = 'orders'",
    )
    assert superseded == [{"superseded": 1}]


def test_failed_build_names_the_node_and_keeps_the_served_file(served) -> None:
    raw_dir, warehouse = served
    before = _sha256(warehouse)
    env = dict(os.environ, CRM_RAW_DIR=str(raw_dir), CRM_WAREHOUSE=str(warehouse))
    process = _harness("refresh", "--vars", "{as_of_date: not-a-date}", env=env)
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 1, output
    assert "Refresh FAILED" in output
    failed = [line for line in output.splitlines() if line.strip().startswith("failed: ")]
    assert failed and all("int_calendar_periods" in line for line in failed), output[-2000:]
    assert "Traceback" not in output
    assert _sha256(warehouse) == before
    assert not Path(f"{warehouse}.building").exists()


def test_killed_refresh_leaves_served_file_identical_and_rebuild_is_idempotent(served) -> None:
    raw_dir, warehouse = served
    before = _sha256(warehouse)
    marts_before = _marts(warehouse)
    building = Path(f"{warehouse}.building")
    env = dict(os.environ, CRM_RAW_DIR=str(raw_dir), CRM_WAREHOUSE=str(warehouse))
    process = _harness("refresh", env=env)
    deadline = time.monotonic() + 120
    while not building.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert building.exists(), "the build never started"
    time.sleep(3)  # well into the build
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert _sha256(warehouse) == before
    # the next refresh cleans up and succeeds; the same data gives identical marts
    result = refresh(raw_dir, warehouse, HANDMADE_VARS, build_args=FAST)
    assert result.ok, result.failed_nodes
    assert {table for table, _ in result.freshness} >= {"accounts", "orders"}
    assert not building.exists()
    assert _differences(_marts(warehouse), marts_before) == []


def test_concurrent_refresh_is_refused(served) -> None:
    raw_dir, warehouse = served
    env = dict(os.environ, CRM_RAW_DIR=str(raw_dir), CRM_WAREHOUSE=str(warehouse))
    with refresh_lock(warehouse):
        process = _harness("refresh", env=env)
        output, _ = process.communicate(timeout=120)
    assert process.returncode == 3
    assert "Another refresh of" in output and "is running" in output


def test_read_only_target_reads_while_a_reader_holds_the_file(served) -> None:
    _, warehouse = served
    env = dict(os.environ, CRM_WAREHOUSE=str(warehouse))
    with duckdb.connect(str(warehouse), read_only=True):
        shown = subprocess.run(
            [
                str(Path(sys.executable).parent / "dbt"),
                "show",
                "--profiles-dir",
                ".",
                "--target",
                "served_readonly",
                "--target-path",  # keeps the default target/ parse for other tools
                "target/served_readonly",
                "--inline",
                "select count(*) as n from marts.kpi_scorecard",
            ],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    assert shown.returncode == 0, shown.stdout + shown.stderr


@recipe("small_demo", run_first=True)
def _small_demo(factory: Factory) -> DemoBuild:
    """Demo data of 300 accounts (seed 7) and its full build."""
    raw_dir = factory.mktemp("small_demo_raw")
    tables = build_tables(accounts=300, seed=7)
    write_tables(tables, raw_dir)
    return DemoBuild(raw_dir, tables, factory.build(raw_dir, "small_demo"))


@pytest.fixture(scope="module")
def small_demo(builds) -> DemoBuild:
    return builds.get("small_demo")


def test_incremental_refresh_equals_full_rebuild_with_late_and_corrected_rows(
    small_demo: DemoBuild, tmp_path, no_freshness
) -> None:
    # served: a copy of the full build (a first refresh), built in the background
    raw_dir = tmp_path / "raw"
    shutil.copytree(small_demo.raw_dir, raw_dir)
    tables = small_demo.tables
    assert small_demo.warehouse.result.ok, small_demo.warehouse.result.output[-3000:]
    served = tmp_path / "served.duckdb"
    shutil.copyfile(small_demo.warehouse.path, served)
    before = _marts(served)

    day = (END + timedelta(days=1)).date()
    delta = next_day_tables(300, 7, day)  # new orders, late orders dated 1-2 days back, usage
    late = [row for row in delta.rows["orders"] if not row[2].startswith(day.isoformat())]
    assert late, "the daily load has late-arriving orders"
    # a corrected version of an old order (cancelled now), loaded with the day
    columns = COLUMNS["orders"]
    corrected = list(tables.rows["orders"][10])
    corrected[columns.index("status")] = "cancelled"
    corrected[columns.index("_loaded_at")] = f"{day + timedelta(days=1)} 00:00:00"
    delta.rows["orders"].append(corrected)
    # a corrected account: another segment, and churned in mid-2025, so the
    # periods it was active in after that must go from the incremental table
    account_columns = COLUMNS["accounts"]
    orders_2024 = [row for row in tables.rows["orders"] if row[2].startswith("2024-0")]
    churned_id = orders_2024[0][1]
    account = next(row for row in tables.rows["accounts"] if row[0] == churned_id)
    account = list(account)
    segment = account_columns.index("segment")
    account[segment] = "enterprise" if account[segment] != "enterprise" else "smb"
    account[account_columns.index("churned_at")] = "2025-06-30 00:00:00"
    account[account_columns.index("_loaded_at")] = f"{day} 06:00:00"
    delta.rows["accounts"] = [tuple(account)]
    append_tables(delta, raw_dir)

    incremental = refresh(raw_dir, served, build_args=FAST, echo=False)
    assert incremental.ok and not incremental.full_refresh, incremental.failed_nodes
    # the base models really ran as delete+insert, not as a rebuild
    assert incremental.target is not None
    run_sql = incremental.target.compiled_models_dir
    compiled = (run_sql / "staging" / "crm" / "base" / "base_crm__orders.sql").read_text()
    assert "delete from" in compiled.lower()
    periods_sql = run_sql / "intermediate" / "customers" / "int_account_periods_active.sql"
    assert "delete from" in periods_sql.read_text().lower()

    # the copy keeps the format the first build was written in, which 1.x clients read
    assert incremental.storage_note is None
    assert storage_version(served) == f"{STORAGE_COMPATIBILITY_VERSION}+"

    # the full rebuild replaces a served file in DuckDB 2's own format (unreadable
    # to 1.x clients, what older builds wrote): nothing of it stays, the format moves
    rebuilt = tmp_path / "rebuilt.duckdb"
    with duckdb.connect(str(rebuilt)) as old:
        old.execute("create schema marts; create table marts.left_behind as select 1 as x")
    assert storage_version(rebuilt) != f"{STORAGE_COMPATIBILITY_VERSION}+"
    full = refresh(raw_dir, rebuilt, build_args=FAST, full_refresh=True, echo=False)
    assert full.ok and full.storage_note is None
    assert storage_version(rebuilt) == f"{STORAGE_COMPATIBILITY_VERSION}+"
    after = _marts(served)
    assert _differences(after, before)  # the new day changed the marts
    assert _differences(after, _marts(rebuilt)) == []
    periods = (
        "select * from intermediate.int_account_periods_active "
        "order by account_id, grain, period_start"
    )
    incremental_rows, rebuilt_rows = fetch_rows(served, periods), fetch_rows(rebuilt, periods)
    assert len(incremental_rows) == len(rebuilt_rows)
    for row, expected in zip(incremental_rows, rebuilt_rows, strict=True):
        assert row.keys() == expected.keys()
        assert row == expected
    churned_after = fetch_rows(
        served,
        "select count(*) as n from intermediate.int_account_periods_active "
        f"where account_id = '{churned_id}' and period_start >= date '2025-07-01'",
    )
    assert churned_after == [{"n": 0}]
    superseded = fetch_rows(
        served,
        "select superseded from marts.data_quality_reconciliation where table_name = 'orders'",
    )
    assert superseded == [{"superseded": 1}]
