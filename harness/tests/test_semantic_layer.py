"""The semantic layer: `mf query` (MetricFlow) gives the scorecard's figures.

Every KPI is a metric named by its kpi_id over the scorecard's quarterly
rows (docs/semantic-layer.md). Two `mf query` runs on the demo build, each
for every KPI at once: the overall metrics by quarter, and the breakdown
metrics by quarter, breakdown and breakdown value (all_time for
campaign_cross_sell_rate). Each answer must equal the scorecard's value of
the same row, and every scorecard row must have its answer.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crosssell.dbt_cli import run_dbt
from crosssell.target import PROJECT_DIR, Target
from harness.tests.conftest import DemoBuild

# KPIs without an overall row: their metric reads their only breakdown
BREAKDOWN_ONLY = {"product_mix_ratio", "campaign_cross_sell_rate"}


def _mf() -> Path:
    return Path(sys.executable).parent / "mf"


@pytest.fixture(scope="module")
def mf_project(bad_rows_demo: DemoBuild, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder `mf` can run in: the project file and the semantic manifest
    of a `dbt parse` for the demo build (read-only target, its file)."""
    if not _mf().exists():
        pytest.fail(f"no `mf` next to {sys.executable}: install requirements.txt")
    folder = tmp_path_factory.mktemp("mf_project")
    shutil.copyfile(PROJECT_DIR / "dbt_project.yml", folder / "dbt_project.yml")
    served = Target.duckdb(
        bad_rows_demo.warehouse.path, read_only=True, target_dir=folder / "target"
    )
    parsed = run_dbt(["parse"], bad_rows_demo.raw_dir, served)
    assert parsed.ok, parsed.output[-3000:]
    assert (folder / "target" / "semantic_manifest.json").exists()
    return folder


def _mf_query(folder: Path, warehouse: Path, metrics: list[str], group_by: list[str]) -> list[dict]:
    out = folder / "answer.csv"
    out.unlink(missing_ok=True)
    env = dict(
        os.environ,
        DBT_PROFILES_DIR=str(PROJECT_DIR),
        DBT_PROJECT_DIR=str(folder),
        CROSS_SELL_TARGET="served_readonly",
        CRM_WAREHOUSE=str(warehouse),
    )
    command = [str(_mf()), "query", "--metrics", ",".join(metrics)]
    command += ["--group-by", ",".join(group_by), "--csv", str(out)]
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and out.exists(), (done.stdout + done.stderr)[-3000:]
    with out.open(newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str | None) -> float | None:
    return None if text in (None, "", "None", "nan", "NaN") else float(text)


def _same(answer: float | None, expected: float | None) -> bool:
    if answer is None or expected is None:
        return answer is None and expected is None
    return answer == pytest.approx(expected, rel=1e-9, abs=1e-9)


def _kpis(demo: DemoBuild) -> list[str]:
    rows = demo.warehouse.rows("select distinct kpi_id from marts.kpi_scorecard order by 1")
    return [row["kpi_id"] for row in rows]


def test_mf_query_equals_the_scorecard_overall_by_quarter(
    bad_rows_demo: DemoBuild, mf_project: Path
) -> None:
    kpis = [kpi for kpi in _kpis(bad_rows_demo) if kpi not in BREAKDOWN_ONLY]
    assert {"cross_sell_rate", "arpa", "nps", "cross_sell_revenue"} <= set(kpis)
    answers = _mf_query(mf_project, bad_rows_demo.warehouse.path, kpis, ["metric_time__quarter"])
    by_quarter = {row["metric_time__quarter"][:10]: row for row in answers}
    expected = bad_rows_demo.warehouse.rows(
        "select kpi_id, cast(period_start as varchar) as period_start, value "
        "from marts.kpi_scorecard where grain = 'quarter' and dimension = 'overall'"
    )
    assert len(expected) >= 8 * len(kpis)
    wrong = []
    for row in expected:
        answer = by_quarter.get(row["period_start"], {}).get(row["kpi_id"])
        if not _same(_number(answer), row["value"]):
            wrong.append((row["kpi_id"], row["period_start"], answer, row["value"]))
    assert wrong == [], wrong[:10]


def test_mf_query_equals_the_scorecard_for_every_breakdown(
    bad_rows_demo: DemoBuild, mf_project: Path
) -> None:
    kpis = _kpis(bad_rows_demo)
    metrics = [f"{kpi}_by_breakdown" for kpi in kpis]
    keys = ["metric_time__quarter", "kpi_row__breakdown", "kpi_row__breakdown_value"]
    answers = _mf_query(mf_project, bad_rows_demo.warehouse.path, metrics, keys)
    found = {
        (kpi, row[keys[0]][:10], row[keys[1]], row[keys[2]]): _number(row[f"{kpi}_by_breakdown"])
        for row in answers
        for kpi in kpis
        if row.get(f"{kpi}_by_breakdown") not in (None, "")
    }
    expected = bad_rows_demo.warehouse.rows(
        # metric_time__quarter: the quarter of the all_time row's first day
        "select kpi_id, cast(cast(date_trunc('quarter', period_start) as date) as varchar) "
        "as period_start, dimension, dimension_value, value from marts.kpi_scorecard "
        "where (grain = 'quarter' or kpi_id = 'campaign_cross_sell_rate') "
        "and dimension <> 'overall'"
    )
    assert {row["kpi_id"] for row in expected} == set(kpis)
    wrong = []
    for row in expected:
        key = (row["kpi_id"], row["period_start"], row["dimension"], row["dimension_value"])
        if key not in found and row["value"] is None:
            continue  # a row whose denominator is 0: mf leaves it out or empty
        if key not in found or not _same(found[key], row["value"]):
            wrong.append((key, found.get(key), row["value"]))
    assert wrong == [], wrong[:10]
