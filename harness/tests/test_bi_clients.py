"""BI tools can open the warehouse: a DuckDB 1.x client reads the built file.

BI drivers (DuckDB's ODBC and JDBC drivers, the Node binding) lag behind
the Python package: a file in DuckDB 2's own storage format stops them at
the door. The profile writes new files in a format DuckDB 1.4 reads. The
1.x client here is the `duckdb` wheel DUCKDB_1X in a virtualenv of its own
(target/duckdb1-venv, made once and reused). The test installs it when it
is missing; it skips only where pip cannot fetch the wheel, and under CI
(CI set) a failed install fails it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from crosssell.target import PROJECT_DIR
from crosssell.warehouse import (
    MIGRATE_HINT,
    STORAGE_COMPATIBILITY_VERSION,
    storage_note,
    storage_version,
)
from harness.tests.conftest import DemoBuild

DUCKDB_1X = "1.4.2"
CLIENT_VENV = PROJECT_DIR / "target" / "duckdb1-venv"
# what the BI client runs: the scorecard's size, and one value, read-only
CLIENT_SCRIPT = """
import json, sys
import duckdb
try:
    connection = duckdb.connect(sys.argv[1], read_only=True)
except duckdb.Error as error:
    print(json.dumps({"version": duckdb.__version__, "error": str(error)}))
    raise SystemExit(0)
rows = connection.execute(sys.argv[2]).fetchall()
print(json.dumps({"version": duckdb.__version__, "rows": rows}, default=str))
"""
SCORECARD = (
    "select count(*), "
    "sum(value) filter (where kpi_id = 'cross_sell_rate' and dimension = 'overall'), "
    "max(period_start) from marts.kpi_scorecard"
)


def _client_python() -> Path:
    return CLIENT_VENV / "bin" / "python"


def _client_version() -> str | None:
    if not _client_python().exists():
        return None
    found = subprocess.run(
        [str(_client_python()), "-c", "import duckdb; print(duckdb.__version__)"],
        capture_output=True,
        text=True,
    )
    return found.stdout.strip() if found.returncode == 0 else None


@pytest.fixture(scope="session")
def duckdb_1x() -> Path:
    """The Python of a virtualenv with the duckdb DUCKDB_1X wheel."""
    if _client_version() == DUCKDB_1X:
        return _client_python()
    steps = [
        [sys.executable, "-m", "venv", "--clear", str(CLIENT_VENV)],
        [str(_client_python()), "-m", "pip", "install", "--quiet", f"duckdb=={DUCKDB_1X}"],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True)
        if done.returncode != 0:
            last = (done.stderr.strip() or done.stdout.strip() or "no output").splitlines()[-1]
            message = f"cannot install duckdb {DUCKDB_1X} into {CLIENT_VENV}: {last}"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
    assert _client_version() == DUCKDB_1X
    return _client_python()


def _read_with(python: Path, database: Path, sql: str = SCORECARD) -> dict:
    done = subprocess.run(
        [str(python), "-c", CLIENT_SCRIPT, str(database), sql],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_profile_writes_the_format_duckdb_1x_reads() -> None:
    profile = yaml.safe_load((PROJECT_DIR / "profiles.yml").read_text())
    duckdb_target = profile["cross_sell"]["outputs"]["duckdb"]
    configured = duckdb_target["config_options"]["storage_compatibility_version"]
    assert configured == STORAGE_COMPATIBILITY_VERSION == "v1.4.0"


def test_duckdb_1x_client_reads_the_built_warehouse(
    bad_rows_demo: DemoBuild, duckdb_1x: Path, tmp_path: Path
) -> None:
    served = bad_rows_demo.warehouse.path
    assert storage_version(served) == f"{STORAGE_COMPATIBILITY_VERSION}+"
    assert storage_note(served) is None

    read = _read_with(duckdb_1x, served)
    assert read["version"] == DUCKDB_1X
    with duckdb.connect(str(served), read_only=True) as connection:
        count, rate_sum, last = connection.execute(SCORECARD).fetchone()
    assert count > 1000
    [[count_1x, rate_sum_1x, last_1x]] = read["rows"]
    assert count_1x == count
    assert rate_sum_1x == pytest.approx(rate_sum, rel=1e-12)
    assert last_1x == str(last)

    # what the profile's setting prevents: DuckDB 2's own format stops the 1.x client
    newer = tmp_path / "newer_format.duckdb"
    with duckdb.connect(str(newer)) as connection:
        connection.execute("create table t as select 1 as x")
    assert storage_version(newer) != f"{STORAGE_COMPATIBILITY_VERSION}+"
    refused = _read_with(duckdb_1x, newer, "select x from t")
    assert "version number" in refused.get("error", ""), refused
    note = storage_note(newer)
    assert note is not None and "DuckDB 1.x" in note and MIGRATE_HINT in note
