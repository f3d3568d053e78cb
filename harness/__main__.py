"""Command line of the project harness: `python -m harness <command>`.

generate   write demo CRM data (deterministic; --bad-rows, --accounts)
build      dbt build against CRM_RAW_DIR into CRM_WAREHOUSE, then summary (--vars)
demo       generate the demo data, build the warehouse, print the KPIs (--vars)
summary    print the KPI summary of a built warehouse
docs       dbt docs of the served warehouse (read-only), as a static site
dashboard  the KPI dashboard (Streamlit) of the served warehouse, read-only (--port)
report     the overview as one self-contained HTML file, for e-mailing (--out, --grain)
refresh    scheduled refresh of the served warehouse (incremental; --full-refresh, --vars)
benchmark  full build and one-day refresh at two sizes (--sizes 20000 200000)
load-postgres  load CRM_RAW_DIR into schema raw_crm of the server in PGHOST/PGPORT/...
postgres   throwaway PostgreSQL server: load the raw files, dbt build, compare with DuckDB
spark      local Spark session: raw tables over the files, dbt build, compare with DuckDB
engines    the same on DuckDB, Postgres and Spark, with each engine's build time
test-spark the Spark checks (a second CI step): pytest -m spark
test       every check: ruff, sqlfluff, dbt build with all tests, pytest
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import yaml

from crosssell.dbt_cli import DEFAULT_WAREHOUSE, DEMO_RAW_DIR, PROJECT_DIR, run_dbt, run_dbt_logged
from crosssell.refresh import EXIT_BUILD_FAILED, EXIT_LOCKED, RefreshLocked, refresh, report
from crosssell.warehouse import (
    READER_ADVICE,
    WRITER_ADVICE,
    WarehouseUnavailable,
    held_by_another,
    lock_message,
    storage_note,
    summary,
)
from harness.crm_shapes import CRMS, write_crm_demo
from harness.generator import generate

BUILD_LOG = PROJECT_DIR / "logs" / "dbt-build.log"
REPORT_DIR = PROJECT_DIR / "reports"


def _raw_dir() -> Path:
    return Path(os.environ.get("CRM_RAW_DIR", DEMO_RAW_DIR))


def _warehouse() -> Path:
    return Path(os.environ.get("CRM_WAREHOUSE", DEFAULT_WAREHOUSE))


def _crm_demo_dir(crm: str) -> Path:
    return DEMO_RAW_DIR if crm == "contract" else DEMO_RAW_DIR.with_name(f"demo-{crm}")


def _as_vars(values: dict[str, object]) -> str:
    return yaml.safe_dump(values, default_flow_style=True, width=10_000).strip()


def cmd_generate(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else _crm_demo_dir(args.crm)
    if args.crm != "contract":
        dbt_vars = write_crm_demo(args.crm, out, args.accounts, args.seed, args.bad_rows)
        for path in sorted(out.glob("*.csv")):
            rows = sum(1 for _ in path.open(encoding="utf-8")) - 1
            print(f"{path.stem:<24} {rows:>10} rows")
        print(f"written to {out}, the demo CRM as {args.crm} lands it; build it with")
        print(f"  CRM_RAW_DIR={out} python3 tasks.py build --vars '{_as_vars(dbt_vars)}'")
        return 0
    tables = generate(out, accounts=args.accounts, seed=args.seed, bad_rows=args.bad_rows)
    for table, rows in tables.rows.items():
        print(f"{table:<18} {len(rows):>10} rows")
    print(f"written to {out}")
    return 0


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the project when inside it."""
    return str(path.relative_to(PROJECT_DIR)) if path.is_relative_to(PROJECT_DIR) else str(path)


def print_summary(warehouse: Path) -> int:
    try:
        text = summary(warehouse)
    except WarehouseUnavailable as error:
        print(error)
        return 1
    print(text)
    return 0


def build(
    raw_dir: Path, warehouse: Path, dbt_vars: str | None = None, log_path: Path = BUILD_LOG
) -> int:
    """dbt build with its log in a file and one line per layer, then the summary."""
    locked = held_by_another(warehouse, WRITER_ADVICE)
    if locked:
        print(f"dbt build could not start: {locked}")
        return 1
    print(f"dbt build into {_shown(warehouse)}; full log: {_shown(log_path)}", flush=True)
    started = time.monotonic()
    # unit tests pin the vars they depend on, so they run with any --vars
    var_args = ["--vars", dbt_vars] if dbt_vars else []
    logged = run_dbt_logged(["build", *var_args], raw_dir, warehouse, log_path)
    seconds = time.monotonic() - started
    progress = logged.progress
    for line in progress.layer_lines():
        print(line)
    for line in progress.note_lines():
        print(line)
    if not logged.result.ok:
        locked = lock_message("\n".join(progress.errors), WRITER_ADVICE)
        if locked:
            print(f"dbt build could not start: {locked}")
            return logged.result.returncode or 1
        print(f"dbt build FAILED after {seconds:.0f} s:")
        print("\n".join(progress.failure_lines() or ["  (no failed node reported)"]))
        print(f"Full log: {_shown(log_path)}")
        return logged.result.returncode or 1
    print(f"dbt build succeeded in {seconds:.0f} s.")
    note = storage_note(warehouse)
    print(f"{note}\n" if note else "")
    return print_summary(warehouse)


def cmd_build(args: argparse.Namespace) -> int:
    return build(_raw_dir(), _warehouse(), args.vars)


def cmd_demo(args: argparse.Namespace) -> int:
    if args.crm == "contract":
        raw_dir = _raw_dir()
        if "CRM_RAW_DIR" not in os.environ:
            print(f"Generating demo data ({args.accounts} accounts) in {raw_dir} ...")
            generate(raw_dir, accounts=args.accounts, seed=args.seed)
        return build(raw_dir, _warehouse(), args.vars)
    # the same demo CRM, landed the way the CRM's connector lands it
    raw_dir = Path(os.environ.get("CRM_RAW_DIR", _crm_demo_dir(args.crm)))
    print(f"Generating the demo CRM as {args.crm} lands it ({args.accounts} accounts) ...")
    dbt_vars = write_crm_demo(args.crm, raw_dir, args.accounts, args.seed)
    dbt_vars.update(yaml.safe_load(args.vars or "") or {})
    return build(raw_dir, _warehouse(), _as_vars(dbt_vars))


def cmd_refresh(args: argparse.Namespace) -> int:
    served = _warehouse()
    try:
        log_path = PROJECT_DIR / "logs" / "dbt-refresh.log"
        print(f"Refreshing {_shown(served)}; full log: {_shown(log_path)}", flush=True)
        result = refresh(
            _raw_dir(), served, args.vars, full_refresh=args.full_refresh, log_path=log_path
        )
    except RefreshLocked as error:
        print(error)
        return EXIT_LOCKED
    print(report(result, served))
    if not result.ok:
        print(f"Full log: {_shown(log_path)}")
    return 0 if result.ok else EXIT_BUILD_FAILED


def cmd_benchmark(args: argparse.Namespace) -> int:
    from harness.benchmark import run

    print(run(args.sizes, args.seed, args.raw_format))
    return 0


def cmd_load_postgres(_: argparse.Namespace) -> int:
    from harness.postgres import connect_from_environment, load_raw

    connection = connect_from_environment()
    try:
        for table, rows in load_raw(_raw_dir(), connection).items():
            print(f"raw_crm.{table:<18} {rows:>10} rows")
    finally:
        connection.close()
    return 0


def cmd_postgres(_: argparse.Namespace) -> int:
    from harness.engines import compare_engines

    return compare_engines(_raw_dir(), ["duckdb", "postgres"])


def cmd_spark(_: argparse.Namespace) -> int:
    from harness.engines import compare_engines

    return compare_engines(_raw_dir(), ["duckdb", "spark"])


def cmd_engines(_: argparse.Namespace) -> int:
    from harness.engines import compare_engines

    return compare_engines(_raw_dir(), ["duckdb", "postgres", "spark"])


def cmd_summary(_: argparse.Namespace) -> int:
    return print_summary(_warehouse())


def cmd_docs(args: argparse.Namespace) -> int:
    """dbt docs of the served warehouse, opened read-only (no lock taken against readers).

    `docs generate` compiles the project, which would run the on-run-start
    hook (it writes the raw views); a read-only file refuses that. So: parse
    (no database), then `docs generate --no-compile`, which only reads the
    catalogue.
    """
    served = _warehouse()
    if not served.exists():
        print(f"No warehouse at {_shown(served)}: run `python3 tasks.py build` first.")
        return 1
    locked = held_by_another(served, READER_ADVICE, read_only=True)
    if locked:
        print(locked)
        return 1
    site = PROJECT_DIR / "target" / "docs"
    log_path = PROJECT_DIR / "logs" / "dbt-docs.log"
    env = {"CROSS_SELL_TARGET": "served_readonly"}
    print(f"dbt docs of {_shown(served)} (read-only); full log: {_shown(log_path)}", flush=True)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log:
        for step in (["parse"], ["docs", "generate", "--no-compile", "--static"]):
            result = run_dbt(step, _raw_dir(), served, env, target_path=site)
            log.write(result.output)
            if not result.ok:
                locked = lock_message(result.output, READER_ADVICE)
                print(locked or f"dbt {' '.join(step)} FAILED; full log: {_shown(log_path)}")
                return 1
    print(f"Docs site: {_shown(site)}/static_index.html (one file, open it in a browser).")
    print(
        f"To serve it: .venv/bin/python -m http.server {args.port} --directory {_shown(site)}"
        f"  (then http://localhost:{args.port}/)"
    )
    return 0


def cmd_dashboard(args: argparse.Namespace) -> int:
    """Streamlit on the served warehouse; every read opens it read-only, so a
    refresh (which swaps a new file in) goes on while the dashboard runs."""
    served = _warehouse()
    if not served.exists():
        print(f"No warehouse at {_shown(served)}: run `python3 tasks.py demo` (or build) first.")
        return 1
    app = PROJECT_DIR / "dashboard" / "app.py"
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.port", str(args.port), "--server.address", args.address,
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--client.toolbarMode", "viewer",
    ]  # fmt: skip
    env = dict(os.environ, CRM_WAREHOUSE=str(served.resolve()), PYTHONPATH=str(PROJECT_DIR))
    host = "localhost" if args.address in ("127.0.0.1", "localhost") else args.address
    print(
        f"Dashboard of {_shown(served)} (read-only) at http://{host}:{args.port}/ ; "
        "Ctrl+C stops it.",
        flush=True,
    )
    try:
        return subprocess.run(command, cwd=PROJECT_DIR, env=env, check=False).returncode
    except KeyboardInterrupt:
        return 0


def cmd_report(args: argparse.Namespace) -> int:
    from dashboard.report import write_report

    try:
        out = Path(args.out) if args.out else None
        written = write_report(_warehouse(), out, REPORT_DIR, args.grain)
    except WarehouseUnavailable as error:
        print(error)
        return 1
    size = written.stat().st_size / 1024
    print(f"Report ({size:,.0f} KB, one file, no scripts): {_shown(written.resolve())}")
    return 0


def _step(
    name: str,
    command: list[str],
    env: dict[str, str] | None = None,
    times: list[tuple[str, float]] | None = None,
) -> bool:
    print(f"\n=== {name}: {' '.join(command)}", flush=True)
    started = time.monotonic()
    code = subprocess.run(command, cwd=PROJECT_DIR, env=env, check=False).returncode
    seconds = time.monotonic() - started
    print(f"=== {name}: {'ok' if code == 0 else 'FAILED'} in {seconds:.1f} s", flush=True)
    if times is not None:
        times.append((name, seconds))
    return code == 0


# The CRM adapters' models are enabled only with their crm_source: each
# folder is linted again with that var (an extra config file overlays it).
CRM_ADAPTERS = ("salesforce", "hubspot")


def _lint_commands(scratch: Path) -> list[list[str]]:
    sqlfluff = str(Path(sys.executable).parent / "sqlfluff")
    commands = [[sqlfluff, "lint", "--processes", "2", "models", "tests", "analyses"]]
    for crm in CRM_ADAPTERS:
        overlay = scratch / f"sqlfluff-{crm}.cfg"
        overlay.write_text(f"[sqlfluff:templater:dbt:context]\ncrm_source = {crm}\n")
        commands.append([sqlfluff, "lint", "--config", str(overlay), f"models/staging/{crm}"])
    return commands


def _lint_in_background(scratch: Path, env: dict[str, str]) -> Future[tuple[int, float]]:
    """sqlfluff (every SQL file) beside the other steps; its report is kept
    for the end. The future gives its return code and its seconds."""
    commands = _lint_commands(scratch)
    shown = "; ".join(" ".join(command[1:]) for command in commands)
    print(f"\n=== sqlfluff, in the background (report at the end): {shown}", flush=True)

    def lint() -> tuple[int, float]:
        started = time.monotonic()
        with (scratch / "sqlfluff.log").open("w") as log:
            codes = [
                subprocess.run(
                    command, cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
                ).returncode
                for command in commands
            ]
        code = max(codes)
        return code, time.monotonic() - started

    pool = ThreadPoolExecutor(max_workers=1)
    linting = pool.submit(lint)
    pool.shutdown(wait=False)
    return linting


def _lint_report(
    scratch: Path, linting: Future[tuple[int, float]], times: list[tuple[str, float]]
) -> bool:
    code, seconds = linting.result()
    print(f"\n=== sqlfluff report:\n{(scratch / 'sqlfluff.log').read_text()}", end="")
    print(f"=== sqlfluff: {'ok' if code == 0 else 'FAILED'} in {seconds:.1f} s", flush=True)
    times.append(("sqlfluff", seconds))
    return code == 0


def _test_steps(scratch: Path, times: list[tuple[str, float]]) -> bool:
    bin_dir = Path(sys.executable).parent
    raw_dir, warehouse = scratch / "raw", scratch / "demo.duckdb"
    # the demo data with every bad-input case: the build checks both, and
    # pytest reuses this build (harness/tests/conftest.py, bad_rows_demo)
    generate(raw_dir, bad_rows=True)
    env = dict(os.environ, CRM_RAW_DIR=str(raw_dir), CRM_WAREHOUSE=str(warehouse))
    ruff = [str(bin_dir / "ruff"), "check", "harness", "crosssell", "dashboard", "examples", "tasks.py"]
    if not _step("ruff", ruff, None, times):
        return False
    # a fixed warehouse path keeps the templater's dbt parse between runs
    lint_env = dict(env, CRM_WAREHOUSE=str(PROJECT_DIR / "target" / "lint.duckdb"))
    linting = _lint_in_background(scratch, lint_env)
    # a misspelt YAML key or a deprecated form is an error, not a warning;
    # a full parse (warnings come only from the files dbt parses), into the
    # build's target folder so that the build reuses it
    parse_target = PROJECT_DIR / "target" / warehouse.stem
    (parse_target / "partial_parse.msgpack").unlink(missing_ok=True)
    parse = [str(bin_dir / "dbt"), "--warn-error", "parse", "--profiles-dir", "."]
    passed = _step("dbt parse", [*parse, "--target-path", str(parse_target)], env, times)
    if passed:
        print("\n=== dbt build on the demo data with every bad-input case", flush=True)
        started = time.monotonic()
        test_log = PROJECT_DIR / "logs" / "dbt-build-test.log"
        passed = build(raw_dir, warehouse, log_path=test_log) == 0
        times.append(("dbt build", time.monotonic() - started))
    if passed and not (linting.done() and linting.result()[0] != 0):
        pytest_env = dict(
            os.environ, CRM_TEST_DEMO_RAW_DIR=str(raw_dir), CRM_TEST_DEMO_WAREHOUSE=str(warehouse)
        )
        pytest = [sys.executable, "-m", "pytest", "-m", "not spark", "-v", "harness/tests"]
        passed = _step("pytest", pytest, pytest_env, times)
    return _lint_report(scratch, linting, times) and passed


def cmd_test(_: argparse.Namespace) -> int:
    times: list[tuple[str, float]] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as scratch:
        passed = _test_steps(Path(scratch), times)
    times.append(("total", time.monotonic() - started))
    print("\n" + "\n".join(f"{name:<10} {seconds:7.1f} s" for name, seconds in times))
    if not passed:
        return 1
    print("\nAll checks passed (the Spark checks: python3 tasks.py test-spark).")
    return 0


def _ensure_java() -> None:
    """Spark needs a Java runtime (17); a bare machine gets Debian's."""
    if shutil.which("java"):
        return
    from harness.debian import install_packages

    install_packages("openjdk-17-jre-headless")


def cmd_test_spark(_: argparse.Namespace) -> int:
    _ensure_java()
    if not _step("pytest (spark)", [sys.executable, "-m", "pytest", "-m", "spark"]):
        return 1
    print("\nThe Spark checks passed.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m harness",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    generate_parser = commands.add_parser("generate", help="write demo CRM data")
    generate_parser.add_argument(
        "--out", help="folder to write (default data/demo, or data/demo-<crm> with --crm)"
    )
    demo_parser = commands.add_parser("demo", help="generate, build, summary")
    for sub in (generate_parser, demo_parser):
        sub.add_argument(
            "--crm",
            choices=("contract", *CRMS),
            default="contract",
            help="write the demo CRM as this CRM's connector lands it (default: contract files)",
        )
        sub.add_argument("--accounts", type=int, default=3000)
        sub.add_argument("--seed", type=int, default=42)
    generate_parser.add_argument(
        "--bad-rows", action="store_true", help="append a row for every bad-input case"
    )
    build_parser = commands.add_parser("build", help="dbt build and summary")
    commands.add_parser("summary", help="print the KPI summary")
    docs_parser = commands.add_parser("docs", help="dbt docs of the served warehouse")
    docs_parser.add_argument("--port", type=int, default=8080, help="for the serve hint")
    dashboard_parser = commands.add_parser("dashboard", help="the KPI dashboard (Streamlit)")
    dashboard_parser.add_argument("--port", type=int, default=8501)
    dashboard_parser.add_argument(
        "--address", default="127.0.0.1", help="0.0.0.0 serves it to the network"
    )
    report_parser = commands.add_parser("report", help="the overview as one HTML file")
    report_parser.add_argument("--out", help="default: reports/kpi-review-<period>.html")
    report_parser.add_argument("--grain", choices=["month", "quarter", "year"], default="month")
    refresh_parser = commands.add_parser("refresh", help="safe refresh of the served warehouse")
    for sub in (build_parser, demo_parser, refresh_parser):
        sub.add_argument("--vars", help="dbt vars, as YAML, e.g. '{as_of_date: 2025-12-31}'")
    refresh_parser.add_argument(
        "--full-refresh", action="store_true", help="rebuild every incremental model from scratch"
    )
    benchmark_parser = commands.add_parser("benchmark", help="full build and refresh timings")
    benchmark_parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 200000])
    benchmark_parser.add_argument("--seed", type=int, default=42)
    benchmark_parser.add_argument(
        "--raw-format",
        choices=["csv", "parquet"],
        default="csv",
        help="parquet: each table a folder of parquet files, one file per load",
    )
    commands.add_parser("load-postgres", help="load the raw files into Postgres")
    commands.add_parser("postgres", help="build on a throwaway Postgres, compare with DuckDB")
    commands.add_parser("spark", help="build on a local Spark session, compare with DuckDB")
    commands.add_parser("engines", help="build on DuckDB, Postgres and Spark and compare")
    commands.add_parser("test", help="run every check")
    commands.add_parser("test-spark", help="the Spark checks")
    args = parser.parse_args(argv)
    handlers = {
        "generate": cmd_generate,
        "build": cmd_build,
        "demo": cmd_demo,
        "summary": cmd_summary,
        "docs": cmd_docs,
        "dashboard": cmd_dashboard,
        "report": cmd_report,
        "refresh": cmd_refresh,
        "benchmark": cmd_benchmark,
        "load-postgres": cmd_load_postgres,
        "postgres": cmd_postgres,
        "spark": cmd_spark,
        "engines": cmd_engines,
        "test": cmd_test,
        "test-spark": cmd_test_spark,
    }
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
