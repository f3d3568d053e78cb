"""The same raw files on DuckDB, Postgres and Spark give the same scorecard.

The Spark check of `python3 tasks.py test-spark` (a second CI step: a Spark
build of the demo data takes minutes). The raw data is the demo data with
every bad-input case, so the engines' casts of bad values are compared too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.engines import EngineBuild, build_duckdb, build_postgres, build_spark, differences
from harness.generator import Tables, generate
from harness.postgres import postgres_server

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Tables]:
    raw_dir = tmp_path_factory.mktemp("engines_raw")
    return raw_dir, generate(raw_dir, bad_rows=True)


@pytest.fixture(scope="module")
def engine_builds(
    raw: tuple[Path, Tables], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, EngineBuild]:
    scratch = tmp_path_factory.mktemp("engines")
    found = {"duckdb": build_duckdb(raw[0], scratch / "engines_duckdb.duckdb")}
    with postgres_server() as server:
        found["postgres"] = build_postgres(raw[0], server)
    found["spark"] = build_spark(raw[0], scratch / "spark")
    for engine, built in found.items():
        print(f"{engine}: dbt build {built.seconds:.1f} s, {len(built.scorecard)} scorecard rows")
    return found


@pytest.mark.parametrize("engine", ["duckdb", "postgres", "spark"])
def test_every_model_and_test_passes(engine_builds: dict[str, EngineBuild], engine: str) -> None:
    built = engine_builds[engine]
    assert built.result.ok, built.result.output[-3000:]
    assert "ERROR=0" in built.result.output and "unit_test" in built.result.output


@pytest.mark.parametrize("engine", ["postgres", "spark"])
def test_scorecard_equals_duckdb(engine_builds: dict[str, EngineBuild], engine: str) -> None:
    reference = engine_builds["duckdb"].scorecard
    assert len(reference) > 10_000
    assert differences(reference, engine_builds[engine].scorecard) == []
