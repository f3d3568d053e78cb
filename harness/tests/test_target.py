"""Target: which profile output a dbt run uses and where its files go."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosssell.target import PROJECT_DIR, Target


def test_a_warehouse_file_gets_folders_named_after_its_stem() -> None:
    target = Target.duckdb(Path("/srv/warehouse/cross_sell.duckdb"))
    assert target.engine == "duckdb"
    assert target.target_dir == PROJECT_DIR / "target" / "cross_sell"
    assert target.log_dir == PROJECT_DIR / "logs" / "cross_sell"
    assert target.manifest_path == PROJECT_DIR / "target" / "cross_sell" / "manifest.json"
    assert target.env() == {
        "CROSS_SELL_TARGET": "duckdb",
        "CRM_WAREHOUSE": "/srv/warehouse/cross_sell.duckdb",
    }
    assert target.dbt_args() == [
        "--target-path",
        str(PROJECT_DIR / "target" / "cross_sell"),
        "--log-path",
        str(PROJECT_DIR / "logs" / "cross_sell"),
    ]


def test_the_refresh_build_file_does_not_share_the_served_files_folder() -> None:
    served = Target.duckdb(Path("w/cross_sell.duckdb"))
    building = Target.duckdb(Path("w/cross_sell.duckdb.building"))
    assert building.target_dir == PROJECT_DIR / "target" / "cross_sell.duckdb"
    assert building.run_results_path.parent != served.run_results_path.parent


def test_read_only_and_an_explicit_target_folder(tmp_path: Path) -> None:
    target = Target.duckdb(Path("w/served.duckdb"), read_only=True, target_dir=tmp_path)
    assert (target.engine, target.target_dir) == ("served_readonly", tmp_path)
    assert target.log_dir == PROJECT_DIR / "logs" / "served"
    assert target.env()["CROSS_SELL_TARGET"] == "served_readonly"


def test_a_server_engine_has_no_file() -> None:
    target = Target.server("postgres")
    assert (target.warehouse, target.target_dir) == (None, PROJECT_DIR / "target" / "postgres")
    assert target.env() == {"CROSS_SELL_TARGET": "postgres"}
    assert target.compiled_models_dir == target.target_dir / "run" / "cross_sell" / "models"
    with pytest.raises(ValueError, match="unknown server engine 'oracle'"):
        Target.server("oracle")
