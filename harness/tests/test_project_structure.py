"""The shape of the dbt DAG, checked on the project's manifest.json.

Three rules, each listing every model that breaks it:

1. Staging models read raw data, not each other. The staging models are
   the models under models/staging/. A staging model may read another
   staging model only along one of these edges:
   - stg_<source>__<table> reads base_<source>__<table>: a table's base
     model (every raw row, typed and classified) feeds that same table's
     staging model, in the same folder;
   - a model of a CRM adapter folder (models/staging/<crm>/, any folder
     but crm: salesforce, hubspot) reads another model of that same
     folder: the CRM's helper models (hubspot__deals ...);
   - base_crm__<table> reads <crm>__<table>: with crm_source set, the
     adapter model that fills contract table <table> is that table's raw
     rows.
   Anything else, e.g. stg_crm__order_items reading stg_crm__orders, is a
   join that belongs to the intermediate layer. Models a var disables
   (the adapters) are checked through the refs dbt recorded for them.
2. Every parent is named in the model's own file: each model and seed in
   a model's depends_on appears in its SQL as ref('<name>'), each source as
   source('<source>', '<table>'). A parent that only a macro, or a loop
   over names, refs is invisible to whoever reads the file.
3. A model has at most MAX_PARENTS parents (models and seeds): a wider
   model is doing the work of several.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

STAGING = "models/staging/"
MAX_PARENTS = 7
Manifest = dict[str, Any]


def _models(manifest: Manifest) -> list[dict[str, Any]]:
    return sorted(
        (node for node in manifest["nodes"].values() if node["resource_type"] == "model"),
        key=lambda node: node["unique_id"],
    )


def _disabled_models(manifest: Manifest) -> list[dict[str, Any]]:
    return [
        node
        for versions in manifest.get("disabled", {}).values()
        for node in versions
        if node["resource_type"] == "model"
    ]


def _name(unique_id: str) -> str:
    return unique_id.split(".")[-1]


def staging_folder(node: dict[str, Any]) -> str | None:
    """crm, salesforce, hubspot ... for a staging model, else None."""
    path = node["original_file_path"]
    return path[len(STAGING) :].split("/", 1)[0] if path.startswith(STAGING) else None


def allowed_staging_edge(child: str, child_folder: str, parent: str, parent_folder: str) -> bool:
    """Whether staging model `child` may read staging model `parent` (rule 1)."""
    if child.startswith("stg_") and parent == "base_" + child.removeprefix("stg_"):
        return child_folder == parent_folder
    if child_folder == parent_folder != "crm":
        return True
    if child.startswith("base_crm__") and parent_folder != "crm":
        return parent == f"{parent_folder}__{child.removeprefix('base_crm__')}"
    return False


def staging_reads_staging(manifest: Manifest) -> list[str]:
    """'model reads parent, ...' for each staging model that reads staging
    models rule 1 does not allow."""
    folders: dict[str, str | None] = {}
    for node in [*_models(manifest), *_disabled_models(manifest)]:
        folders[node["name"]] = staging_folder(node)
    found = []
    for node in _models(manifest):
        parents = [_name(p) for p in node["depends_on"]["nodes"] if p.startswith("model.")]
        found.append((node["name"], _bad_staging_parents(node, parents, folders)))
    for node in _disabled_models(manifest):
        parents = [ref["name"] for ref in node.get("refs", [])]
        found.append((node["name"], _bad_staging_parents(node, parents, folders)))
    return sorted(f"{name} reads {', '.join(bad)}" for name, bad in found if bad)


def _bad_staging_parents(
    node: dict[str, Any], parents: list[str], folders: dict[str, str | None]
) -> list[str]:
    folder = staging_folder(node)
    if folder is None:
        return []
    return [
        parent
        for parent in sorted(set(parents))
        if folders.get(parent) is not None
        and not allowed_staging_edge(node["name"], folder, parent, str(folders[parent]))
    ]


def _named_in(code: str, parent_id: str, manifest: Manifest) -> bool:
    kind = parent_id.split(".")[0]
    if kind == "source":
        source = manifest["sources"][parent_id]
        pattern = rf"""source\(\s*['"]{source["source_name"]}['"]\s*,\s*['"]{source["name"]}['"]"""
    else:
        pattern = rf"""ref\(\s*(['"][^'"]+['"]\s*,\s*)?['"]{_name(parent_id)}['"]"""
    return re.search(pattern, code) is not None


def parents_not_named(manifest: Manifest) -> list[str]:
    """'model: parent, ...' for each model with a parent its SQL file does not name."""
    found = []
    for node in _models(manifest):
        hidden = [
            _name(parent)
            for parent in node["depends_on"]["nodes"]
            if parent.split(".")[0] in ("model", "seed", "snapshot", "source")
            and not _named_in(node["raw_code"], parent, manifest)
        ]
        if hidden:
            found.append(f"{node['name']}: {', '.join(sorted(hidden))}")
    return found


def too_many_parents(manifest: Manifest, limit: int = MAX_PARENTS) -> list[str]:
    """'model (n parents)' for each model with more than `limit` model and seed parents."""
    found = []
    for node in _models(manifest):
        parents = {p for p in node["depends_on"]["nodes"] if p.split(".")[0] in ("model", "seed")}
        if len(parents) > limit:
            found.append(f"{node['name']} ({len(parents)} parents)")
    return found


def _report(rule: str, offenders: list[str]) -> str:
    return f"{len(offenders)} model(s) break the rule '{rule}':\n  " + "\n  ".join(offenders)


@pytest.fixture(scope="module")
def manifest(project_manifest: Manifest) -> Manifest:
    models = _models(project_manifest)
    assert len(models) > 50, "the manifest has too few models to be the project's"
    return project_manifest


def test_no_staging_model_reads_another_staging_model(manifest: Manifest) -> None:
    offenders = staging_reads_staging(manifest)
    assert not offenders, _report("staging reads raw data, not other staging models", offenders)


def test_every_parent_is_named_in_the_models_file(manifest: Manifest) -> None:
    offenders = parents_not_named(manifest)
    assert not offenders, _report("every parent appears as ref()/source() in its file", offenders)


def test_no_model_has_more_than_seven_parents(manifest: Manifest) -> None:
    offenders = too_many_parents(manifest)
    assert not offenders, _report(f"at most {MAX_PARENTS} model and seed parents", offenders)


# ---- the rules themselves, on a manifest made by hand -------------------


def _node(name: str, path: str, parents: list[str], code: str = "") -> dict[str, Any]:
    return {
        "unique_id": f"model.p.{name}",
        "name": name,
        "resource_type": "model",
        "original_file_path": path,
        "depends_on": {"nodes": parents},
        "raw_code": code,
    }


def _manifest(*nodes: dict[str, Any], disabled: list[dict[str, Any]] | None = None) -> Manifest:
    return {
        "nodes": {node["unique_id"]: node for node in nodes},
        "disabled": {node["unique_id"]: [node] for node in disabled or []},
        "sources": {"source.p.crm.orders": {"source_name": "crm", "name": "orders"}},
    }


def test_staging_rule_allows_exactly_its_three_edges() -> None:
    crm, sf = "models/staging/crm/", "models/staging/salesforce/"
    base_orders = _node("base_crm__orders", f"{crm}base/base_crm__orders.sql", [])
    base_items = _node("base_crm__order_items", f"{crm}base/base_crm__order_items.sql", [])
    stg_orders = _node("stg_crm__orders", f"{crm}stg_crm__orders.sql", ["model.p.base_crm__orders"])
    stg_items = _node(
        "stg_crm__order_items",
        f"{crm}stg_crm__order_items.sql",
        ["model.p.base_crm__order_items", "model.p.stg_crm__orders", "model.p.base_crm__orders"],
    )
    mart = _node("kpi_x", "models/marts/kpi_x.sql", ["model.p.stg_crm__orders"])
    adapter = _node("salesforce__orders", f"{sf}salesforce__orders.sql", [])
    adapter["refs"] = [{"name": "salesforce__order_items"}, {"name": "stg_crm__orders"}]
    helper = _node("salesforce__order_items", f"{sf}salesforce__order_items.sql", [])
    helper["refs"] = []
    found = staging_reads_staging(
        _manifest(base_orders, base_items, stg_orders, stg_items, mart, disabled=[adapter, helper])
    )
    assert found == [
        "salesforce__orders reads stg_crm__orders",
        "stg_crm__order_items reads base_crm__orders, stg_crm__orders",
    ]
    assert allowed_staging_edge("base_crm__orders", "crm", "salesforce__orders", "salesforce")
    assert not allowed_staging_edge("base_crm__orders", "crm", "salesforce__accounts", "salesforce")


def test_a_parent_only_a_macro_refs_is_reported() -> None:
    seen = _node(
        "kpi_a",
        "models/marts/kpi_a.sql",
        ["model.p.x", "source.p.crm.orders"],
        "select * from {{ ref( 'x' ) }} join {{ source('crm', \"orders\") }}",
    )
    hidden = _node("kpi_b", "models/marts/kpi_b.sql", ["model.p.x", "model.p.y"], "{{ kpi('x') }}")
    looped = _node("kpi_c", "models/marts/kpi_c.sql", ["model.p.x"], "{{ ref(name) }} -- x")
    assert parents_not_named(_manifest(seen, hidden, looped)) == ["kpi_b: x, y", "kpi_c: x"]


def test_more_than_seven_parents_is_reported() -> None:
    wide = _node("wide", "models/marts/wide.sql", [f"model.p.m{n}" for n in range(8)])
    narrow = _node("narrow", "models/marts/narrow.sql", [f"seed.p.s{n}" for n in range(7)])
    assert too_many_parents(_manifest(wide, narrow)) == ["wide (8 parents)"]
