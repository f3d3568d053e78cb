"""Benchmark: a full build and a one-day incremental refresh at two sizes.

With `compare=<commit>` it measures that commit too, in a temporary git
worktree sharing this checkout's .venv: for each size both checkouts run
the same full build and refresh on their own copy of the same data, one
after the other (the order alternates between sizes), and one table shows
them side by side with the ratio new / old.

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
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import duckdb

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


@dataclass(frozen=True)
class Build:
    """One refresh run by a checkout: wall seconds, peak memory, dbt's run results."""

    seconds: float
    peak_rss_bytes: int
    profile: Profile


# Run in a fresh interpreter inside the checkout being measured, so each
# commit builds with its own project and its own refresh code.
_REFRESH_SCRIPT = """
import json, sys
from pathlib import Path
from crosssell.refresh import refresh
raw_dir, served, full = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "full"
result = refresh(raw_dir, served, full_refresh=full, echo=False)
print(json.dumps({
    "ok": result.ok,
    "seconds": result.seconds,
    "peak_rss_bytes": result.peak_rss_bytes,
    "failed": result.failed_nodes,
    "run_results": str(result.target.run_results_path) if result.target else "",
}))
"""


def _build(checkout: Path, raw_dir: Path, served: Path, full: bool, what: str) -> Build:
    """A refresh (full or incremental) of `served` by the project in `checkout`."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    mode = "full" if full else "incremental"
    process = subprocess.run(
        [sys.executable, "-c", _REFRESH_SCRIPT, str(raw_dir), str(served), mode],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = process.stdout.strip().splitlines()
    if process.returncode != 0 or not lines:
        last = (process.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"benchmark: the {what} could not run: {last}")
    outcome = json.loads(lines[-1])
    if not outcome["ok"]:
        raise SystemExit(f"benchmark: the {what} failed: {', '.join(outcome['failed'])}")
    run_results = json.loads(Path(outcome["run_results"]).read_text())
    return Build(outcome["seconds"], outcome["peak_rss_bytes"], profile(run_results))


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


def _append_day(raw_dir: Path, accounts: int, seed: int, raw_format: str) -> dict[str, int]:
    """One more day of rows (2026-01-01, with late orders) added to the raw files."""
    next_day = next_day_tables(accounts, seed, (END + timedelta(days=1)).date())
    if raw_format == "parquet":
        with tempfile.TemporaryDirectory() as scratch:
            appended = write_tables(next_day, Path(scratch))
            _to_parquet(Path(scratch), raw_dir, part=1)
        return {table: count for table, count in appended.items() if count}
    return append_tables(next_day, raw_dir)


def measure(
    accounts: int,
    seed: int = 42,
    raw_format: str = "csv",
    checkout: Path = PROJECT_DIR,
    label: str = "",
) -> Measurement:
    """raw_format parquet: each table a folder of parquet files, one per load.

    `checkout` is the project that builds (this one, or another commit's
    worktree); `label` keeps its raw copy and warehouse apart from the others'.
    """
    history, rows = _history(accounts, seed)
    suffix = f"-{label}" if label else ""
    run_dir = BENCH_DIR / str(accounts)
    raw_dir = run_dir / f"raw{suffix}"
    shutil.rmtree(raw_dir, ignore_errors=True)
    if raw_format == "parquet":
        _to_parquet(history, raw_dir, part=0)
    else:
        shutil.copytree(history, raw_dir)
    served = run_dir / f"cross_sell{suffix}.duckdb"
    served.unlink(missing_ok=True)
    who = f" ({label})" if label else ""
    print(f"  full build of {accounts:,} accounts{who} ...", flush=True)
    full = _build(checkout, raw_dir, served, True, f"full build{who}")
    print(f"    {full.seconds:,.1f} s, peak {full.peak_rss_bytes / 2**30:.2f} GB", flush=True)
    appended = _append_day(raw_dir, accounts, seed, raw_format)
    print(f"  appended one day ({sum(appended.values()):,} rows); refresh{who} ...", flush=True)
    incremental = _build(checkout, raw_dir, served, False, f"incremental refresh{who}")
    print(f"    {incremental.seconds:,.1f} s", flush=True)
    return Measurement(
        accounts=accounts,
        order_lines=rows["order_items"],
        usage_rows=rows["product_usage"],
        interactions=rows["interactions"],
        full_seconds=full.seconds,
        refresh_seconds=incremental.seconds,
        peak_rss_bytes=max(full.peak_rss_bytes, incremental.peak_rss_bytes),
        full_profile=full.profile,
        refresh_profile=incremental.profile,
    )


def _gb(size: int) -> str:
    return f"{size / 2**30:.2f}"


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
            f"| {_gb(m.peak_rss_bytes)} | {m.ratio:.1%} |"
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
    lines.append(profile_table(measurements))
    return "\n".join(lines)


def profile_table(measurements: list[Measurement], labels: list[str] | None = None) -> str:
    """Node seconds per layer and the slowest nodes of each build."""
    names = labels or [""] * len(measurements)
    lines = [
        "Where the time went (dbt's run_results.json): the wall seconds dbt spent on "
        "nodes, then each layer's node seconds summed over dbt's 2 threads.",
        "",
        f"| accounts | build | dbt nodes s | {' | '.join(LAYERS)} |",
        "|---:|---|---:|" + "---:|" * len(LAYERS),
    ]
    for name, m in zip(names, measurements, strict=True):
        for kind, run in (("full", m.full_profile), ("refresh", m.refresh_profile)):
            layers = " | ".join(f"{run.layer_seconds[layer]:.1f}" for layer in LAYERS)
            build = f"{name} {kind}".strip()
            lines.append(f"| {m.accounts:,} | {build} | {run.dbt_seconds:.1f} | {layers} |")
    lines.append("")
    for name, m in zip(names, measurements, strict=True):
        for kind, run in (("full build", m.full_profile), ("refresh", m.refresh_profile)):
            nodes = ", ".join(f"{node} {seconds:.1f} s" for node, seconds in run.slowest_nodes)
            of = f" ({name})" if name else ""
            lines.append(f"Slowest nodes of the {kind}{of} at {m.accounts:,}: {nodes}")
    return "\n".join(lines)


def _ratio(new: float, old: float) -> str:
    return f"{new / old:.2f}x" if old else "-"


def comparison_table(pairs: list[tuple[Measurement, Measurement]], old: str, new: str) -> str:
    """Both commits side by side for each size, then the ratio new / old."""
    lines = [
        "| accounts | commit | full build s | refresh s | refresh / full | peak RSS GB |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for before, after in pairs:
        for name, m in ((old, before), (new, after)):
            lines.append(
                f"| {m.accounts:,} | {name} | {m.full_seconds:,.1f} | {m.refresh_seconds:,.1f} "
                f"| {m.ratio:.1%} | {_gb(m.peak_rss_bytes)} |"
            )
        lines.append(
            f"| {after.accounts:,} | new / old "
            f"| {_ratio(after.full_seconds, before.full_seconds)} "
            f"| {_ratio(after.refresh_seconds, before.refresh_seconds)} "
            f"| {_ratio(after.ratio, before.ratio)} "
            f"| {_ratio(after.peak_rss_bytes, before.peak_rss_bytes)} |"
        )
    return "\n".join(lines)


def _git(*args: str) -> str:
    process = subprocess.run(
        ["git", "-C", str(PROJECT_DIR), *args], capture_output=True, text=True, check=False
    )
    if process.returncode != 0:
        message = (process.stderr.strip().splitlines() or ["git failed"])[-1]
        raise SystemExit(f"benchmark: git {' '.join(args)}: {message}")
    return process.stdout.strip()


def _describe_head() -> str:
    """This checkout's commit, marked when it has uncommitted changes."""
    head = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--untracked-files=no")
    return f"{head}+changes" if dirty else head


@contextmanager
def other_checkout(commit: str) -> Iterator[tuple[Path, str]]:
    """A temporary git worktree of `commit` sharing this checkout's .venv."""
    sha = _git("rev-parse", "--verify", f"{commit}^{{commit}}")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f"worktree-{sha[:8]}-", dir=BENCH_DIR))
    folder.rmdir()  # git creates it
    _git("worktree", "add", "--detach", str(folder), sha)
    try:
        (folder / ".venv").symlink_to((PROJECT_DIR / ".venv").resolve())
        yield folder, sha[:7]
    finally:
        _git("worktree", "remove", "--force", str(folder))


def run(
    sizes: list[int], seed: int = 42, raw_format: str = "csv", compare: str | None = None
) -> str:
    if compare is not None:
        return run_compared(sizes, compare, seed, raw_format)
    measurements = []
    for accounts in sizes:
        print(f"benchmark: {accounts:,} accounts, {raw_format} raw files", flush=True)
        measurements.append(measure(accounts, seed, raw_format))
    return f"Raw files: {raw_format}\n\n" + table(measurements)


def run_compared(sizes: list[int], commit: str, seed: int = 42, raw_format: str = "csv") -> str:
    """Each size built by `commit` and by this checkout, alternating which goes first."""
    new = _describe_head()
    pairs: list[tuple[Measurement, Measurement]] = []
    with other_checkout(commit) as (old_dir, old):
        print(f"benchmark: {old} (old, in {old_dir}) against {new} (new, this checkout)")
        for index, accounts in enumerate(sizes):
            print(f"benchmark: {accounts:,} accounts, {raw_format} raw files", flush=True)
            runs = [("old", old_dir), ("new", PROJECT_DIR)]
            done = {
                label: measure(accounts, seed, raw_format, checkout, label)
                for label, checkout in (runs if index % 2 == 0 else runs[::-1])
            }
            pairs.append((done["old"], done["new"]))
    measurements = [m for pair in pairs for m in pair]
    labels = [name for _ in pairs for name in (old, new)]
    return "\n\n".join(
        [
            f"Raw files: {raw_format}; old = {old}, new = {new}",
            comparison_table(pairs, old, new),
            profile_table(measurements, labels),
        ]
    )
