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

The storage format of a DuckDB file is set when the file is created (the
profile's `storage_compatibility_version`) and a copy keeps it. A full
refresh builds a new file, so it also moves a served file written in a
newer format (which DuckDB 1.x clients cannot open) to the readable one;
an incremental refresh keeps the format and its report says so.
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import yaml

from crosssell.contract import load_contract
from crosssell.dbt_cli import run_dbt, run_dbt_logged
from crosssell.target import PROJECT_DIR, Target
from crosssell.warehouse import storage_note

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
class SourceFreshness:
    """One raw table's freshness: its status and how old its newest `_loaded_at` is."""

    table: str
    status: str  # pass, warn, error, runtime error, absent, not checked
    age_seconds: float | None = None
    warn_after: str = ""  # e.g. "24 hours"
    error_after: str = ""


@dataclass(frozen=True)
class RefreshResult:
    ok: bool
    seconds: float
    failed_nodes: list[str]
    freshness: list[tuple[str, str]]  # (table, status)
    full_refresh: bool = True
    peak_rss_bytes: int = 0
    freshness_details: list[SourceFreshness] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)  # one line per layer (with a log file)
    # set when the served file is in a storage format DuckDB 1.x clients cannot open
    storage_note: str | None = None
    # the build's target: its run_results.json, manifest and dbt.log
    target: Target | None = None


def _failed_nodes(path: Path) -> list[str]:
    if not path.exists():
        return []
    results = json.loads(path.read_text())["results"]
    return [
        f"{result['unique_id']} ({result['status']})"
        for result in results
        if result["status"] in ("error", "fail", "runtime error")
    ]


def _criterion(criteria: dict[str, Any], key: str) -> str:
    rule = criteria.get(key) or {}
    if not rule.get("count"):
        return "-"
    count, period = rule["count"], rule.get("period", "hour")
    return f"{count} {period}{'s' if count != 1 else ''}"


def freshness_rows(
    results: list[dict[str, Any]], present: dict[str, bool]
) -> list[SourceFreshness]:
    """dbt's sources.json results, with the tables the raw inventory marks absent."""
    checked = {}
    for result in results:
        table = result["unique_id"].split(".")[-1]
        criteria = result.get("criteria") or {}
        checked[table] = SourceFreshness(
            table,
            result["status"],
            result.get("max_loaded_at_time_ago_in_s"),
            _criterion(criteria, "warn_after"),
            _criterion(criteria, "error_after"),
        )
    rows = []
    for table in sorted(set(checked) | set(present)):
        if present.get(table, True) is False:
            rows.append(SourceFreshness(table, "absent"))
        else:
            rows.append(checked.get(table, SourceFreshness(table, "not checked")))
    return rows


def _raw_presence(database: Path) -> dict[str, bool]:
    """Which raw tables the on-run-start hook found (raw_crm._crm_raw_tables)."""
    try:
        with duckdb.connect(str(database), read_only=True) as connection:
            rows = connection.execute(
                "select table_name, is_present from raw_crm._crm_raw_tables"
            ).fetchall()
    except duckdb.Error:
        return {}
    return {str(table): bool(is_present) for table, is_present in rows}


def adapted_tables(dbt_vars: str | None) -> list[str]:
    """The contract tables a CRM adapter fills (crm_source in the vars), else []."""
    crm = (yaml.safe_load(dbt_vars or "") or {}).get("crm_source", "contract")
    folder = PROJECT_DIR / "models" / "staging" / str(crm)
    if crm == "contract" or not folder.is_dir():
        return []
    models = {path.stem.removeprefix(f"{crm}__") for path in folder.glob(f"{crm}__*.sql")}
    # the adapter's helper models (hubspot__deals ...) fill no contract table
    return sorted(models & set(load_contract()))


def _source_freshness(
    raw_dir: Path, served: Path, var_args: list[str], adapted: list[str]
) -> tuple[list[SourceFreshness], int]:
    """Each raw table's freshness, and the dbt process's peak memory.

    With a CRM adapter, the CRM's own tables are checked instead of the
    contract tables it fills (those are models, not raw tables).
    """
    scratch = served.parent / f"{served.name}.freshness.duckdb"
    leftovers = (scratch, Path(f"{scratch}.wal"))
    target = Target.duckdb(scratch)
    path = target.sources_path
    for leftover in (*leftovers, path):
        leftover.unlink(missing_ok=True)
    try:
        skipped = [f"source:crm.{table}" for table in adapted]
        exclude = ["--exclude", *skipped] if skipped else []
        checked = run_dbt(["source", "freshness", *var_args, *exclude], raw_dir, target)
        present = {
            table: found for table, found in _raw_presence(scratch).items() if table not in adapted
        }
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    if not path.exists():
        return [], checked.peak_rss_bytes
    results = json.loads(path.read_text())["results"]
    return freshness_rows(results, present), checked.peak_rss_bytes


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
    log_path: Path | None = None,
) -> RefreshResult:
    """Build into `<served>.building`; replace `served` only if the build passed.

    `build_args` are added to `dbt build` (by default unit tests are left
    out: they do not depend on the data and run in CI). With `log_path`,
    dbt's log goes to that file and the result carries one line per layer
    and per failed node instead (`echo` is then ignored).
    """
    building = served.parent / f"{served.name}.building"
    target = Target.duckdb(building)
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
            checking = pool.submit(
                _source_freshness, raw_dir, served, var_args, adapted_tables(dbt_vars)
            )
            args = ["build", *mode, *var_args, *build_args]
            if log_path is None:
                build, progress = run_dbt(args, raw_dir, target, echo=echo), None
            else:
                logged = run_dbt_logged(args, raw_dir, target, log_path)
                build, progress = logged.result, logged.progress
            freshness, freshness_rss = checking.result()
        layers = progress.layer_lines() + progress.note_lines() if progress else []
        # the two processes overlap: their sum bounds the memory used
        peak_rss = build.peak_rss_bytes + freshness_rss
        if not build.ok:
            failed = _failed_nodes(target.run_results_path)
            if progress:
                failed = [line.strip() for line in progress.failure_lines()] or failed
            building.unlink(missing_ok=True)
            Path(f"{building}.wal").unlink(missing_ok=True)
            seconds = time.monotonic() - started
            return RefreshResult(
                False, seconds, failed, [], full_refresh, peak_rss, layers=layers, target=target
            )
        _checkpoint(building)
        os.replace(building, served)
    seconds = time.monotonic() - started
    statuses = [(row.table, row.status) for row in freshness]
    return RefreshResult(
        True,
        seconds,
        [],
        statuses,
        full_refresh,
        peak_rss,
        freshness,
        layers,
        storage_note(served),
        target,
    )


def report(result: RefreshResult, served: Path) -> str:
    lines = list(result.layers)
    kind = "full rebuild" if result.full_refresh else "incremental"
    if result.ok:
        lines.append(
            f"Refresh ({kind}) succeeded in {result.seconds:.1f} s: "
            f"{served} now serves the new build."
        )
    else:
        lines.append(f"Refresh FAILED after {result.seconds:.1f} s; {served} was left as it was.")
        for node in result.failed_nodes or ["(no failed node reported; see the log)"]:
            lines.append(f"  failed: {node}")
    if result.freshness_details:
        lines.append(
            "Source freshness: age of the newest _loaded_at (vars freshness_warn_after_hours, "
            "freshness_error_after_hours; reported, it does not block the refresh):"
        )
        lines.append(f"  {'table':<18} {'status':<13} {'age':>10}   warn after   error after")
        lines += [freshness_line(row) for row in result.freshness_details]
    if result.storage_note:
        lines.append(result.storage_note)
    return "\n".join(lines)


def format_age(seconds: float | None) -> str:
    """Hours under two days, else days: 5400 -> '1.5 h', 28876132 -> '334 days'."""
    if seconds is None:
        return "-"
    hours = seconds / 3600
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:,.0f} days"


def freshness_line(row: SourceFreshness) -> str:
    if row.status in ("absent", "not checked"):
        return f"  {row.table:<18} {row.status}"
    age = format_age(row.age_seconds)
    return f"  {row.table:<18} {row.status:<13} {age:>10}   {row.warn_after:<12} {row.error_after}"
