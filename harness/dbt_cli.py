"""Run dbt in a subprocess against a chosen raw directory and warehouse."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEMO_RAW_DIR = PROJECT_DIR / "data" / "demo"
DEFAULT_WAREHOUSE = PROJECT_DIR / "warehouse" / "cross_sell.duckdb"


@dataclass(frozen=True)
class DbtResult:
    returncode: int
    output: str
    peak_rss_bytes: int = 0  # the dbt process's peak resident memory (DuckDB runs in it)

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def dbt_executable() -> str:
    candidate = Path(sys.executable).parent / "dbt"
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(
    args: list[str],
    raw_dir: Path,
    warehouse: Path | str,
    extra_env: dict[str, str] | None = None,
    echo: bool = False,
) -> DbtResult:
    """Run `dbt <args>`; output is captured (and echoed when asked).

    `warehouse` is the DuckDB file; for another engine pass a name (the
    profile's target, e.g. "postgres") and the connection in `extra_env`.
    """
    env = dict(os.environ)
    env.update(CRM_RAW_DIR=str(raw_dir), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    if isinstance(warehouse, Path):
        warehouse.parent.mkdir(parents=True, exist_ok=True)
        env.update(CRM_WAREHOUSE=str(warehouse))
        name = warehouse.stem
    else:
        env.update(CROSS_SELL_TARGET=warehouse)
        name = warehouse
    env.update(extra_env or {})
    # One target folder per warehouse keeps dbt's partial parsing useful.
    target = PROJECT_DIR / "target" / name
    command = [
        dbt_executable(),
        *args,
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(target),
    ]
    process = subprocess.Popen(
        command,
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        if echo:
            print(line, end="", flush=True)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux
    return DbtResult(process.returncode, "".join(lines), usage.ru_maxrss * 1024)
