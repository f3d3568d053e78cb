"""The operators' commands: build, summary, refresh, docs, dashboard, report.

    python -m crosssell <command>     (also under `python -m harness` and
                                       `python3 tasks.py`, with the dev commands)

build      dbt build against CRM_RAW_DIR into CRM_WAREHOUSE, then summary (--vars)
summary    print the KPI summary of a built warehouse
docs       dbt docs of the served warehouse (read-only), as a static site
dashboard  the KPI dashboard (Streamlit) of the served warehouse, read-only (--port)
report     the overview as one self-contained HTML file, for e-mailing (--out, --grain)
refresh    scheduled refresh of the served warehouse (incremental; --full-refresh, --vars)
backtest   recommendations from the rows before --cutoff, checked against the next 90 days
           (a scratch warehouse beside the served one; --vars)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from crosssell.backtest import BacktestError, backtest_lines, parse_cutoff, run_backtest
from crosssell.dbt_cli import run_dbt, run_dbt_logged
from crosssell.refresh import EXIT_BUILD_FAILED, EXIT_LOCKED, RefreshLocked, refresh, report
from crosssell.target import DEFAULT_WAREHOUSE, DEMO_RAW_DIR, PROJECT_DIR, Target
from crosssell.warehouse import (
    READER_ADVICE,
    WRITER_ADVICE,
    WarehouseUnavailable,
    held_by_another,
    lock_message,
    storage_note,
    summary,
)

BUILD_LOG = PROJECT_DIR / "logs" / "dbt-build.log"
REFRESH_LOG = PROJECT_DIR / "logs" / "dbt-refresh.log"
DOCS_LOG = PROJECT_DIR / "logs" / "dbt-docs.log"
BACKTEST_LOG = PROJECT_DIR / "logs" / "dbt-backtest.log"
REPORT_DIR = PROJECT_DIR / "reports"

Handler = Callable[[argparse.Namespace], int]


def raw_dir_from_env() -> Path:
    return Path(os.environ.get("CRM_RAW_DIR", DEMO_RAW_DIR))


def warehouse_from_env() -> Path:
    return Path(os.environ.get("CRM_WAREHOUSE", DEFAULT_WAREHOUSE))


def shown(path: Path) -> str:
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
    print(f"dbt build into {shown(warehouse)}; full log: {shown(log_path)}", flush=True)
    started = time.monotonic()
    # unit tests pin the vars they depend on, so they run with any --vars
    var_args = ["--vars", dbt_vars] if dbt_vars else []
    logged = run_dbt_logged(["build", *var_args], raw_dir, Target.duckdb(warehouse), log_path)
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
        print(f"Full log: {shown(log_path)}")
        return logged.result.returncode or 1
    print(f"dbt build succeeded in {seconds:.0f} s.")
    note = storage_note(warehouse)
    print(f"{note}\n" if note else "")
    return print_summary(warehouse)


def cmd_build(args: argparse.Namespace) -> int:
    return build(raw_dir_from_env(), warehouse_from_env(), args.vars)


def cmd_refresh(args: argparse.Namespace) -> int:
    served = warehouse_from_env()
    try:
        log_path = REFRESH_LOG
        print(f"Refreshing {shown(served)}; full log: {shown(log_path)}", flush=True)
        result = refresh(
            raw_dir_from_env(), served, args.vars, full_refresh=args.full_refresh, log_path=log_path
        )
    except RefreshLocked as error:
        print(error)
        return EXIT_LOCKED
    print(report(result, served))
    if not result.ok:
        print(f"Full log: {shown(REFRESH_LOG)}")
    return 0 if result.ok else EXIT_BUILD_FAILED


def cmd_backtest(args: argparse.Namespace) -> int:
    try:
        cutoff = parse_cutoff(args.cutoff)
        print(f"Backtest build as of {cutoff}; full log: {shown(BACKTEST_LOG)}", flush=True)
        rows = run_backtest(
            raw_dir_from_env(), warehouse_from_env(), cutoff, args.vars, BACKTEST_LOG
        )
    except BacktestError as error:
        print(f"Backtest: {error}")
        return 1
    print("\n".join(backtest_lines(rows)))
    return 0


def cmd_summary(_: argparse.Namespace) -> int:
    return print_summary(warehouse_from_env())


def cmd_docs(args: argparse.Namespace) -> int:
    """dbt docs of the served warehouse, opened read-only (no lock taken against readers).

    `docs generate` compiles the project, which would run the on-run-start
    hook (it writes the raw views); a read-only file refuses that. So: parse
    (no database), then `docs generate --no-compile`, which only reads the
    catalogue.
    """
    served = warehouse_from_env()
    if not served.exists():
        print(f"No warehouse at {shown(served)}: run `python3 tasks.py build` first.")
        return 1
    locked = held_by_another(served, READER_ADVICE, read_only=True)
    if locked:
        print(locked)
        return 1
    site = PROJECT_DIR / "target" / "docs"
    log_path = DOCS_LOG
    target = Target.duckdb(served, read_only=True, target_dir=site)
    print(f"dbt docs of {shown(served)} (read-only); full log: {shown(log_path)}", flush=True)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log:
        for step in (["parse"], ["docs", "generate", "--no-compile", "--static"]):
            result = run_dbt(step, raw_dir_from_env(), target)
            log.write(result.output)
            if not result.ok:
                locked = lock_message(result.output, READER_ADVICE)
                print(locked or f"dbt {' '.join(step)} FAILED; full log: {shown(log_path)}")
                return 1
    print(f"Docs site: {shown(site)}/static_index.html (one file, open it in a browser).")
    print(
        f"To serve it: .venv/bin/python -m http.server {args.port} --directory {shown(site)}"
        f"  (then http://localhost:{args.port}/)"
    )
    return 0


def cmd_dashboard(args: argparse.Namespace) -> int:
    """Streamlit on the served warehouse; every read opens it read-only, so a
    refresh (which swaps a new file in) goes on while the dashboard runs."""
    served = warehouse_from_env()
    if not served.exists():
        print(f"No warehouse at {shown(served)}: run `python3 tasks.py demo` (or build) first.")
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
        f"Dashboard of {shown(served)} (read-only) at http://{host}:{args.port}/ ; "
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
        written = write_report(warehouse_from_env(), out, REPORT_DIR, args.grain)
    except WarehouseUnavailable as error:
        print(error)
        return 1
    size = written.stat().st_size / 1024
    print(f"Report ({size:,.0f} KB, one file, no scripts): {shown(written.resolve())}")
    return 0


def add_commands(commands: argparse._SubParsersAction) -> dict[str, Handler]:
    """The operators' subcommands, added to `commands`; returns name -> handler.

    `--vars` is added to build and refresh here; a caller with more commands
    that take it adds it to those.
    """
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
    backtest_parser = commands.add_parser(
        "backtest", help="recommendations as of a cutoff against the following purchases"
    )
    backtest_parser.add_argument("--cutoff", required=True, help="first day not seen, 2025-07-01")
    for sub in (build_parser, refresh_parser, backtest_parser):
        add_vars_argument(sub)
    refresh_parser.add_argument(
        "--full-refresh", action="store_true", help="rebuild every incremental model from scratch"
    )
    return {
        "build": cmd_build,
        "summary": cmd_summary,
        "docs": cmd_docs,
        "dashboard": cmd_dashboard,
        "report": cmd_report,
        "refresh": cmd_refresh,
        "backtest": cmd_backtest,
    }


def add_vars_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vars", help="dbt vars, as YAML, e.g. '{as_of_date: 2025-12-31}'")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m crosssell",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    handlers = add_commands(commands)
    args = parser.parse_args(argv)
    return handlers[args.command](args)
