"""Where a dbt run builds, and where it leaves its artefacts.

A `Target` names the profile output a run uses (profiles.yml: duckdb,
served_readonly, postgres, spark), the DuckDB file it writes or reads (None
for a server engine), and the folders dbt writes to: the target folder
(manifest, run results, compiled SQL) and the log folder (dbt.log).

Each warehouse file, and each server engine, gets its own target and log
folder, so dbt's partial parsing stays useful between runs and two runs at
once (a build beside a freshness check) never share a folder. That naming
rule is `folder_name` below, and nothing else derives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEMO_RAW_DIR = PROJECT_DIR / "data" / "demo"
DEFAULT_WAREHOUSE = PROJECT_DIR / "warehouse" / "cross_sell.duckdb"
TARGETS_DIR = PROJECT_DIR / "target"
LOGS_DIR = PROJECT_DIR / "logs"

DUCKDB_ENGINES = ("duckdb", "served_readonly")
SERVER_ENGINES = ("postgres", "spark")


def folder_name(warehouse: Path | None, engine: str) -> str:
    """The target and log folder's name: the file's stem, else the engine.

    warehouse/cross_sell.duckdb -> cross_sell; the refresh's
    cross_sell.duckdb.building -> cross_sell.duckdb; postgres -> postgres.
    """
    return warehouse.stem if warehouse is not None else engine


@dataclass(frozen=True)
class Target:
    """One dbt run's profile output, warehouse file and output folders."""

    engine: str  # the profile's output, set as CROSS_SELL_TARGET
    warehouse: Path | None  # the DuckDB file; None for postgres and spark
    target_dir: Path  # dbt's --target-path
    log_dir: Path  # dbt's --log-path

    @classmethod
    def duckdb(
        cls, warehouse: Path, *, read_only: bool = False, target_dir: Path | None = None
    ) -> Target:
        """A DuckDB file: built (the `duckdb` output) or only read (`served_readonly`)."""
        engine = "served_readonly" if read_only else "duckdb"
        return cls._derived(engine, warehouse, target_dir)

    @classmethod
    def server(cls, engine: str, *, target_dir: Path | None = None) -> Target:
        """A server engine (postgres, spark); its connection comes from the environment."""
        if engine not in SERVER_ENGINES:
            raise ValueError(f"unknown server engine {engine!r}: one of {SERVER_ENGINES}")
        return cls._derived(engine, None, target_dir)

    @classmethod
    def _derived(cls, engine: str, warehouse: Path | None, target_dir: Path | None) -> Target:
        name = folder_name(warehouse, engine)
        return cls(engine, warehouse, target_dir or TARGETS_DIR / name, LOGS_DIR / name)

    @property
    def manifest_path(self) -> Path:
        return self.target_dir / "manifest.json"

    @property
    def run_results_path(self) -> Path:
        return self.target_dir / "run_results.json"

    @property
    def sources_path(self) -> Path:
        """What `dbt source freshness` writes."""
        return self.target_dir / "sources.json"

    @property
    def compiled_models_dir(self) -> Path:
        """The SQL dbt ran for each model (materialisations included), by model path."""
        return self.target_dir / "run" / "cross_sell" / "models"

    def env(self) -> dict[str, str]:
        """The variables profiles.yml reads for this target."""
        env = {"CROSS_SELL_TARGET": self.engine}
        if self.warehouse is not None:
            env["CRM_WAREHOUSE"] = str(self.warehouse)
        return env

    def dbt_args(self) -> list[str]:
        return ["--target-path", str(self.target_dir), "--log-path", str(self.log_dir)]
