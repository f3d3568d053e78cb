"""Command line of the project: `python -m harness <command>`.

The operators' commands (crosssell.cli; also `python -m crosssell`):
build      dbt build against CRM_RAW_DIR into CRM_WAREHOUSE, then summary (--vars)
summary    print the KPI summary of a built warehouse
docs       dbt docs of the served warehouse (read-only), as a static site
dashboard  the KPI dashboard (Streamlit) of the served warehouse, read-only (--port)
report     the overview as one self-contained HTML file, for e-mailing (--out, --grain)
refresh    scheduled refresh of the served warehouse (incremental; --full-refresh, --vars)
backtest   recommendations from the rows before --cutoff against the following purchases

Development and CI:
generate   write demo CRM data (deterministic; --bad-rows, --accounts)
demo       generate the demo data, build the warehouse, print the KPIs (--vars)
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
import sys
from pathlib import Path

import yaml

from crosssell.cli import (
    add_commands,
    add_vars_argument,
    build,
    raw_dir_from_env,
    warehouse_from_env,
)
from crosssell.target import DEMO_RAW_DIR
from harness.checks import cmd_test, cmd_test_spark
from harness.crm_shapes import CRMS, write_crm_demo
from harness.generator import generate


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


def cmd_demo(args: argparse.Namespace) -> int:
    if args.crm == "contract":
        raw_dir = raw_dir_from_env()
        if "CRM_RAW_DIR" not in os.environ:
            print(f"Generating demo data ({args.accounts} accounts) in {raw_dir} ...")
            generate(raw_dir, accounts=args.accounts, seed=args.seed)
        return build(raw_dir, warehouse_from_env(), args.vars)
    # the same demo CRM, landed the way the CRM's connector lands it
    raw_dir = Path(os.environ.get("CRM_RAW_DIR", _crm_demo_dir(args.crm)))
    print(f"Generating the demo CRM as {args.crm} lands it ({args.accounts} accounts) ...")
    dbt_vars = write_crm_demo(args.crm, raw_dir, args.accounts, args.seed)
    dbt_vars.update(yaml.safe_load(args.vars or "") or {})
    return build(raw_dir, warehouse_from_env(), _as_vars(dbt_vars))


def cmd_benchmark(args: argparse.Namespace) -> int:
    from harness.benchmark import run

    print(run(args.sizes, args.seed, args.raw_format, args.compare))
    return 0


def cmd_load_postgres(_: argparse.Namespace) -> int:
    from harness.postgres import connect_from_environment, load_raw

    connection = connect_from_environment()
    try:
        for table, rows in load_raw(raw_dir_from_env(), connection).items():
            print(f"raw_crm.{table:<18} {rows:>10} rows")
    finally:
        connection.close()
    return 0


def cmd_postgres(_: argparse.Namespace) -> int:
    from harness.engines import compare_engines

    return compare_engines(raw_dir_from_env(), ["duckdb", "postgres"])


def cmd_spark(_: argparse.Namespace) -> int:
    from harness.engines import compare_engines

    return compare_engines(raw_dir_from_env(), ["duckdb", "spark"])


def cmd_engines(_: argparse.Namespace) -> int:
    from harness.engines import compare_engines

    return compare_engines(raw_dir_from_env(), ["duckdb", "postgres", "spark"])


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
    add_vars_argument(demo_parser)
    operator_handlers = add_commands(commands)
    benchmark_parser = commands.add_parser("benchmark", help="full build and refresh timings")
    benchmark_parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 200000])
    benchmark_parser.add_argument("--seed", type=int, default=42)
    benchmark_parser.add_argument(
        "--raw-format",
        choices=["csv", "parquet"],
        default="csv",
        help="parquet: each table a folder of parquet files, one file per load",
    )
    benchmark_parser.add_argument(
        "--compare",
        metavar="COMMIT",
        help="also measure this commit (in a temporary git worktree) and print both side by side",
    )
    commands.add_parser("load-postgres", help="load the raw files into Postgres")
    commands.add_parser("postgres", help="build on a throwaway Postgres, compare with DuckDB")
    commands.add_parser("spark", help="build on a local Spark session, compare with DuckDB")
    commands.add_parser("engines", help="build on DuckDB, Postgres and Spark and compare")
    commands.add_parser("test", help="run every check")
    commands.add_parser("test-spark", help="the Spark checks")
    args = parser.parse_args(argv)
    handlers = {
        **operator_handlers,
        "generate": cmd_generate,
        "demo": cmd_demo,
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
