"""Benchmark: a full build and a one-day incremental refresh at two sizes.

For each size it generates demo data (cached under `benchmark/<accounts>/`),
runs the scheduled refresh as a full rebuild, appends one more day of data
(new orders, late orders, usage, interactions) to the raw files, runs the
scheduled refresh again (incremental), and prints one table: data sizes,
wall seconds of both builds, the peak resident memory (the dbt build plus
the source-freshness process beside it), the refresh/full ratio, and the
growth of the full-build time between sizes. Then, from dbt's
run_results.json, where the time of both builds went: node seconds per
layer and the slowest nodes. The raw files are CSV, or with
raw_format="parquet" a folder of parquet files per table, one per load.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import duckdb

from crosssell.refresh import RefreshResult, refresh
from crosssell.target import PROJECT_DIR
from harness.generator import END, append_tables, generate, next_day_tables, write_tables

BENCH_DIR = PROJECT_DIR / "benchmark"
ORDERS_FACTOR = 5  # repeat orders per customer x5: ~17 order lines per account


LAYERS = ("base", "staging", "intermediate", "marts", "tests", "seeds and hooks")


def layer_of(unique_id: str) -> str:
    kind, _, name = unique_id.split(".", 2)
    if kind in ("test", "unit_test"):
        return "tests"
    if kind != "model":
        return "seeds and hooks"
    prefixes = {"base_": "base", "stg_": "staging", "int_": "intermediate"}
    return next((layer for prefix, layer in prefixes.items() if name.startswith(prefix)), "marts")


@dataclass(frozen=True)
class Profile:
    """Where a dbt build spent its time, from its run_results.json."""

    dbt_seconds: float  # dbt's own elapsed time: the nodes, without start-up
    slowest_nodes: list[tuple[str, float]]
    layer_seconds: dict[str, float]  # summed over dbt's threads


def profile(run_results: dict, count: int = 6) -> Profile:
    results = run_results["results"]
    timed = sorted(
        ((result["unique_id"].split(".")[-1], result["execution_time"]) for result in results),
        key=lambda item: -item[1],
    )
    layers = dict.fromkeys(LAYERS, 0.0)
    for result in results:
        layers[layer_of(result["unique_id"])] += result["execution_time"]
    return Profile(run_results["elapsed_time"], timed[:count], layers)


@dataclass(frozen=True)
class Measurement:
    accounts: int
    order_lines: int
    usage_rows: int
    interactions: int
    full_seconds: float
    refresh_seconds: float
    peak_rss_bytes: int
    full_profile: Profile
    refresh_profile: Profile

    @property
    def ratio(self) -> float:
        return self.refresh_seconds / self.full_seconds


def _history(accounts: int, seed: int) -> tuple[Path, dict[str, int]]:
    """Generated data of this size, reused while its parameters are unchanged."""
    folder = BENCH_DIR / str(accounts) / "history"
    stamp = folder / "generated.json"
    wanted = {"accounts": accounts, "seed": seed, "orders_factor": ORDERS_FACTOR}
    if stamp.exists():
        recorded = json.loads(stamp.read_text())
        if recorded["parameters"] == wanted:
            return folder, recorded["rows"]
    shutil.rmtree(folder, ignore_errors=True)
    print(f"  generating {accounts:,} accounts ...", flush=True)
    # In a fresh process: a child forked from a process that holds the
    # generated rows would report that process's memory as its own peak
    # (Linux carries the pre-exec high-water mark into ru_maxrss).
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        rows = pool.apply(_generate, (folder, accounts, seed))
    stamp.write_text(json.dumps({"parameters": wanted, "rows": rows}))
    return folder, rows


def _generate(folder: Path, accounts: int, seed: int) -> dict[str, int]:
    tables = generate(folder, accounts=accounts, seed=seed, orders_factor=ORDERS_FACTOR)
    return {table: len(table_rows) for table, table_rows in tables.rows.items()}


def _profile(result: RefreshResult) -> Profile:
    assert result.target is not None  # every refresh that ran dbt has one
    return profile(json.loads(result.target.run_results_path.read_text()))


def _checked(result: RefreshResult, what: str) -> RefreshResult:
    if not result.ok:
        raise SystemExit(f"benchmark: the {what} failed: {', '.join(result.failed_nodes)}")
    return result


def _to_parquet(csv_dir: Path, raw_dir: Path, part: int) -> None:
    """Each table's CSV as one more parquet file of the folder raw_dir/<table>/."""
    with duckdb.connect() as connection:
        for path in sorted(csv_dir.glob("*.csv")):
            source = f"read_csv('{path}', header = true, all_varchar = true)"
            if connection.execute(f"select count(*) from {source}").fetchone()[0] == 0:
                continue
            folder = raw_dir / path.stem
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"part-{part:05d}.parquet"
            connection.execute(f"copy (select * from {source}) to '{target}' (format parquet)")


def measure(accounts: int, seed: int = 42, raw_format: str = "csv") -> Measurement:
    """raw_format parquet: each table a folder of parquet files, one per load."""
    history, rows = _history(accounts, seed)
    run_dir = BENCH_DIR / str(accounts)
    raw_dir = run_dir / "raw"
    shutil.rmtree(raw_dir, ignore_errors=True)
    if raw_format == "parquet":
        _to_parquet(history, raw_dir, part=0)
    else:
        shutil.copytree(history, raw_dir)
    served = run_dir / "cross_sell.duckdb"
    served.unlink(missing_ok=True)
    print(f"  full build of {accounts:,} accounts ...", flush=True)
    full = _checked(refresh(raw_dir, served, full_refresh=True, echo=False), "full build")
    full_profile = _profile(full)
    day = (END + timedelta(days=1)).date()
    next_day = next_day_tables(accounts, seed, day)
    if raw_format == "parquet":
        with tempfile.TemporaryDirectory() as scratch:
            appended = write_tables(next_day, Path(scratch))
            _to_parquet(Path(scratch), raw_dir, part=1)
        appended = {table: count for table, count in appended.items() if count}
    else:
        appended = append_tables(next_day, raw_dir)
    print(f"  appended {day}: {appended}; incremental refresh ...", flush=True)
    incremental = _checked(refresh(raw_dir, served, echo=False), "incremental refresh")
    return Measurement(
        accounts=accounts,
        order_lines=rows["order_items"],
        usage_rows=rows["product_usage"],
        interactions=rows["interactions"],
        full_seconds=full.seconds,
        refresh_seconds=incremental.seconds,
        peak_rss_bytes=max(full.peak_rss_bytes, incremental.peak_rss_bytes),
        full_profile=full_profile,
        refresh_profile=_profile(incremental),
    )


def table(measurements: list[Measurement]) -> str:
    header = (
        "| accounts | order lines | usage rows | interactions | full build s "
        "| refresh s | peak RSS GB | refresh / full |"
    )
    lines = [header, "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for m in measurements:
        lines.append(
            f"| {m.accounts:,} | {m.order_lines:,} | {m.usage_rows:,} | {m.interactions:,} "
            f"| {m.full_seconds:.1f} | {m.refresh_seconds:.1f} "
            f"| {m.peak_rss_bytes / 2**30:.2f} | {m.ratio:.1%} |"
        )
    if len(measurements) >= 2:
        small, large = measurements[0], measurements[-1]
        lines.append("")
        lines.append(
            f"Growth: {large.accounts / small.accounts:.0f}x the accounts, "
            f"{large.order_lines / small.order_lines:.1f}x the order lines -> "
            f"{large.full_seconds / small.full_seconds:.2f}x the full-build time "
            f"(target: at most 12x)."
        )
    lines.append("")
    lines.append(
        "Where the time went (dbt's run_results.json): the wall seconds dbt spent on "
        "nodes, then each layer's node seconds summed over dbt's 2 threads."
    )
    lines.append("")
    lines.append(f"| accounts | build | dbt nodes s | {' | '.join(LAYERS)} |")
    lines.append("|---:|---|---:|" + "---:|" * len(LAYERS))
    for m in measurements:
        for kind, run in (("full", m.full_profile), ("refresh", m.refresh_profile)):
            layers = " | ".join(f"{run.layer_seconds[layer]:.1f}" for layer in LAYERS)
            lines.append(f"| {m.accounts:,} | {kind} | {run.dbt_seconds:.1f} | {layers} |")
    lines.append("")
    for m in measurements:
        for kind, run in (("full build", m.full_profile), ("refresh", m.refresh_profile)):
            nodes = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in run.slowest_nodes)
            lines.append(f"Slowest nodes of the {kind} at {m.accounts:,}: {nodes}")
    return "\n".join(lines)


def run(sizes: list[int], seed: int = 42, raw_format: str = "csv") -> str:
    measurements = []
    for accounts in sizes:
        print(f"benchmark: {accounts:,} accounts, {raw_format} raw files", flush=True)
        measurements.append(measure(accounts, seed, raw_format))
    return f"Raw files: {raw_format}\n\n" + table(measurements)
