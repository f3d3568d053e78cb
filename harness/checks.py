"""The test command (`python -m harness test`) and the Spark checks (`test-spark`).

`test` runs every check CI runs: ruff, sqlfluff (in the background), a
strict `dbt parse`, `dbt build` with every test on the demo data with every
bad-input case, and pytest, which reuses that build and its target folder
(harness/tests/conftest.py, bad_rows_demo; the structure tests read its
manifest).
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

from crosssell.cli import build
from crosssell.target import PROJECT_DIR, Target
from harness.generator import generate

# what ruff checks and formats: every Python package of the project
PYTHON_PATHS = ("harness", "crosssell", "dashboard", "examples", "tasks.py")


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
    ruff = [str(bin_dir / "ruff"), "check", *PYTHON_PATHS]
    if not _step("ruff", ruff, None, times):
        return False
    # a fixed warehouse path keeps the templater's dbt parse between runs
    lint_env = dict(env, CRM_WAREHOUSE=str(PROJECT_DIR / "target" / "lint.duckdb"))
    linting = _lint_in_background(scratch, lint_env)
    # a misspelt YAML key or a deprecated form is an error, not a warning;
    # a full parse (warnings come only from the files dbt parses), into the
    # build's target folder so that the build reuses it
    parse_target = Target.duckdb(warehouse).target_dir
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
