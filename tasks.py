"""Set up and run the project on a machine with only Python 3.11.

    python3 tasks.py demo        # build the warehouse on the demo data, print KPIs
    python3 tasks.py test        # lint, dbt build with every test, pytest (DuckDB, Postgres)
    python3 tasks.py test-spark  # the Spark engine: build, tests, three-engine comparison
    python3 tasks.py build --vars '{as_of_date: 2025-12-31}'  # your extract (CRM_RAW_DIR)
    python3 tasks.py refresh     # scheduled refresh: builds aside, swaps the file in
    python3 tasks.py summary     # the KPI summary of the built warehouse
    python3 tasks.py docs        # dbt docs site of the served warehouse (read-only)
    python3 tasks.py dashboard   # the KPI dashboard (Streamlit) of the served warehouse, read-only
    python3 tasks.py report      # the overview as one HTML file, for e-mailing the monthly review
    python3 tasks.py backtest --cutoff 2025-07-01  # recommendations vs the next 90 days' purchases

build, demo and refresh write dbt's whole log to logs/ and print one line
per layer.

Each command first creates .venv and installs requirements.txt into it
(skipped when requirements.txt has not changed since the last install;
the Spark commands add requirements-spark.txt), then runs
`python -m harness <command>` inside it. Extra arguments are passed on to
the harness.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
SPARK_COMMANDS = ("spark", "engines", "test-spark")


def ensure_environment(requirements: Path) -> None:
    stamp = VENV / f".{requirements.stem}.sha256"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()
    if PYTHON.exists() and stamp.exists() and stamp.read_text() == digest:
        return
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print(f"Installing {requirements.name} into .venv ...", flush=True)
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            str(requirements),
        ],
        check=True,
    )
    stamp.write_text(digest)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (run by any python3)
        print("Python 3.11 or newer is needed.", file=sys.stderr)
        return 2
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    ensure_environment(ROOT / "requirements.txt")
    if argv[0] in SPARK_COMMANDS:
        ensure_environment(ROOT / "requirements-spark.txt")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [str(PYTHON), "-m", "harness", *argv], cwd=ROOT, env=env, check=False
    ).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
