"""Every model, seed and source is documented, and so is every column.

The manifest is the project's (conftest.py, project_manifest). Three
rules: each node has a description; each column its YAML declares has one
(doc blocks count, as dbt renders them); and the YAML declares exactly the
columns the build creates (read from the hand-made warehouse that other
tests build anyway) or, for the raw sources, the columns of the contract.
"""

from __future__ import annotations

from typing import Any

import pytest

from harness.generator import COLUMNS
from harness.tests.conftest import Warehouse

# written by the prepare_raw_crm hook (crm_write_raw_inventory)
RAW_INVENTORY_COLUMNS = ["table_name", "is_required", "is_present", "location"]


@pytest.fixture(scope="module")
def manifest(project_manifest: dict[str, Any]) -> dict[str, Any]:
    return project_manifest


def models_and_seeds(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    nodes = [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] in ("model", "seed") and node["package_name"] == "cross_sell"
    ]
    assert len(nodes) > 70
    return sorted(nodes, key=lambda node: node["name"])


def sources(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    found = [node for node in manifest["sources"].values() if node["package_name"] == "cross_sell"]
    assert len(found) == len(COLUMNS) + 1  # the contract's tables and the raw inventory
    return sorted(found, key=lambda node: node["name"])


def label(node: dict[str, Any]) -> str:
    if node["resource_type"] == "source":
        return f"source {node['source_name']}.{node['name']}"
    return node["name"]


def undescribed_columns(nodes: list[dict[str, Any]]) -> list[str]:
    return [
        f"{label(node)}.{name}"
        for node in nodes
        for name, column in node["columns"].items()
        if not (column.get("description") or "").strip()
    ]


def test_every_model_seed_and_source_has_a_description(manifest: dict[str, Any]) -> None:
    nodes = models_and_seeds(manifest) + sources(manifest)
    missing = [label(node) for node in nodes if not node["description"].strip()]
    assert missing == [], f"{len(missing)} nodes without a description: {', '.join(missing)}"


def test_every_model_and_seed_column_has_a_description(manifest: dict[str, Any]) -> None:
    missing = undescribed_columns(models_and_seeds(manifest))
    assert missing == [], f"{len(missing)} columns without a description: {', '.join(missing)}"


def test_every_source_column_is_declared_and_described(manifest: dict[str, Any]) -> None:
    # the raw tables have no build to read their columns from: the
    # contract's columns (the ones the demo generator writes) must be there
    nodes = sources(manifest)
    undeclared = []
    for node in nodes:
        expected = COLUMNS.get(node["name"], RAW_INVENTORY_COLUMNS)
        undeclared += [f"{label(node)}.{name}" for name in expected if name not in node["columns"]]
    undescribed = undescribed_columns(nodes)
    assert undeclared == [], (
        f"{len(undeclared)} raw columns missing from the sources YAML: {', '.join(undeclared)}"
    )
    assert undescribed == [], (
        f"{len(undescribed)} source columns without a description: {', '.join(undescribed)}"
    )


def test_yaml_declares_exactly_the_columns_the_build_creates(
    manifest: dict[str, Any], handmade: Warehouse
) -> None:
    built: dict[tuple[str, str], list[str]] = {}
    for row in handmade.rows(
        "select table_schema, table_name, column_name from information_schema.columns "
        "order by table_schema, table_name, ordinal_position"
    ):
        key = (row["table_schema"], row["table_name"])
        built.setdefault(key, []).append(row["column_name"])
    not_built, undeclared, stale = [], [], []
    for node in models_and_seeds(manifest):
        if node["config"]["materialized"] == "ephemeral":
            continue
        columns = built.get((node["schema"], node["alias"]))
        if columns is None:
            not_built.append(node["name"])
            continue
        undeclared += [f"{node['name']}.{name}" for name in columns if name not in node["columns"]]
        stale += [f"{node['name']}.{name}" for name in node["columns"] if name not in columns]
    assert not_built == [], f"not found in the built warehouse: {', '.join(not_built)}"
    assert undeclared == [], (
        f"{len(undeclared)} built columns missing from the YAML: {', '.join(undeclared)}"
    )
    assert stale == [], f"{len(stale)} YAML columns the build does not create: {', '.join(stale)}"
