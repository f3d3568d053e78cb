"""Safe scheduled refresh of the served DuckDB warehouse.

The build goes into `<served>.building` next to the served file. Only when
`dbt build` (models and every error-severity test) succeeds is that file
renamed over the served one (`os.replace`: atomic on one filesystem).
Readers that hold the old file keep reading it; new connections see the new
one. A failed or killed build leaves the served file untouched. A lock file
stops two refreshes from running at once. `dbt source freshness` runs
alongside the build in a scratch file (`<served>.freshness.duckdb`): it
reads only the raw files.

By default the refresh is incremental: `<served>.building` starts as a copy
of the served file, so the incremental models only add what arrived since
(within their lookback window). `full_refresh=True`, or no served file yet,
rebuilds everything from the raw files.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from harness.dbt_cli import PROJECT_DIR, run_dbt

EXIT_BUILD_FAILED = 1
EXIT_LOCKED = 3


class RefreshLocked(RuntimeError):
    pass


@contextmanager
def refresh_lock(served: Path) -> Iterator[None]:
    lock_path = served.parent / f"{served.name}.refresh.lock"
    served.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise RefreshLocked(
                f"Another refresh of {served} is running (lock {lock_path}, "
                f"held by pid {holder}); not starting a second one."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


# Unit tests do not depend on the data: CI runs them, a scheduled refresh does not.
SCHEDULED_BUILD_ARGS = ("--exclude", "test_type:unit")


@dataclass(frozen=True)
class RefreshResult:
    ok: bool
    seconds: float
    failed_nodes: list[str]
    freshness: list[tuple[str, str]]
    full_refresh: bool = True
    peak_rss_bytes: int = 0


def _failed_nodes(target_dir: Path) -> list[str]:
    path = target_dir / "run_results.json"
    if not path.exists():
        return []
    results = json.loads(path.read_text())["results"]
    return [
        f"{result['unique_id']} ({result['status']})"
        for result in results
        if result["status"] in ("error", "fail", "runtime error")
    ]


def _source_freshness(
    raw_dir: Path, served: Path, var_args: list[str]
) -> tuple[list[tuple[str, str]], int]:
    """Each raw table's freshness status, and the dbt process's peak memory."""
    scratch = served.parent / f"{served.name}.freshness.duckdb"
    leftovers = (scratch, Path(f"{scratch}.wal"))
    path = PROJECT_DIR / "target" / scratch.stem / "sources.json"
    for leftover in (*leftovers, path):
        leftover.unlink(missing_ok=True)
    try:
        checked = run_dbt(["source", "freshness", *var_args], raw_dir, scratch)
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    if not path.exists():
        return [], checked.peak_rss_bytes
    results = json.loads(path.read_text())["results"]
    statuses = [(result["unique_id"].split(".")[-1], result["status"]) for result in results]
    return sorted(statuses), checked.peak_rss_bytes


def _checkpoint(database: Path) -> None:
    """Fold any write-ahead log into the file, so the rename moves everything."""
    with duckdb.connect(str(database)) as connection:
        connection.execute("checkpoint")


def refresh(
    raw_dir: Path,
    served: Path,
    dbt_vars: str | None = None,
    build_args: tuple[str, ...] = SCHEDULED_BUILD_ARGS,
    full_refresh: bool = False,
    echo: bool = True,
) -> RefreshResult:
    """Build into `<served>.building`; replace `served` only if the build passed.

    `build_args` are added to `dbt build` (by default unit tests are left
    out: they do not depend on the data and run in CI).
    """
    building = served.parent / f"{served.name}.building"
    target_dir = PROJECT_DIR / "target" / building.stem
    started = time.monotonic()
    with refresh_lock(served):
        for leftover in (building, Path(f"{building}.wal")):
            leftover.unlink(missing_ok=True)  # from a killed earlier run
        full_refresh = full_refresh or not served.exists()
        if not full_refresh:
            shutil.copyfile(served, building)
        var_args = ["--vars", dbt_vars] if dbt_vars else []
        mode = ["--full-refresh"] if full_refresh else []
        # Source freshness reads only the raw files: it runs at the same time
        # as the build, in a scratch DuckDB file of its own (one writer per file).
        with ThreadPoolExecutor(max_workers=1) as pool:
            checking = pool.submit(_source_freshness, raw_dir, served, var_args)
            build = run_dbt(["build", *mode, *var_args, *build_args], raw_dir, building, echo=echo)
            freshness, freshness_rss = checking.result()
        # the two processes overlap: their sum bounds the memory used
        peak_rss = build.peak_rss_bytes + freshness_rss
        if not build.ok:
            failed = _failed_nodes(target_dir)
            building.unlink(missing_ok=True)
            Path(f"{building}.wal").unlink(missing_ok=True)
            return RefreshResult(
                False, time.monotonic() - started, failed, [], full_refresh, peak_rss
            )
        _checkpoint(building)
        os.replace(building, served)
    seconds = time.monotonic() - started
    return RefreshResult(True, seconds, [], freshness, full_refresh, peak_rss)


def report(result: RefreshResult, served: Path) -> str:
    lines = []
    kind = "full rebuild" if result.full_refresh else "incremental"
    if result.ok:
        lines.append(
            f"Refresh ({kind}) succeeded in {result.seconds:.1f} s: "
            f"{served} now serves the new build."
        )
    else:
        lines.append(f"Refresh FAILED after {result.seconds:.1f} s; {served} was left as it was.")
        for node in result.failed_nodes or ["(see the dbt output above)"]:
            lines.append(f"  failed: {node}")
    if result.freshness:
        lines.append(
            "Source freshness of _loaded_at (vars freshness_warn/error_after_hours; "
            "reported, it does not block the refresh):"
        )
        for table, status in result.freshness:
            lines.append(f"  {table:<18} {status}")
    return "\n".join(lines)
