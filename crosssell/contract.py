"""The raw CRM input contract, read from the crm source's YAML.

models/staging/crm/_crm__sources.yml is where the contract is written: table
and column `config: meta:` hold it (see the comment at the top of that file).
Everything in Python that needs a table or column list reads it here; the
copy dbt reads where the sources are out of its reach is written by the dev
tooling (`python -m harness.contract`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
SOURCES_YAML = PROJECT_DIR / "models" / "staging" / "crm" / "_crm__sources.yml"
SOURCE_NAME = "crm"
NOT_CONTRACT_TABLES = {"raw_table_inventory"}

Table = dict[str, Any]


def _column(column: dict[str, Any]) -> dict[str, Any]:
    meta = column["config"]["meta"]
    return {
        "name": column["name"],
        "type": meta["contract_type"],
        "nullable": meta.get("nullable", False),
        "references": meta.get("references"),
        "values": meta.get("values"),
        "rules": meta.get("rules", []),
        "personal": meta.get("personal", False),
    }


def load_contract(path: Path = SOURCES_YAML) -> dict[str, Table]:
    """Table -> {required, primary_key, load_order, columns, rules}, in the YAML's order.

    Columns keep the YAML's order, each {name, type, nullable, references,
    values, rules, personal}; `rules` of the table is every column's rules in order.
    """
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    (source,) = [source for source in document["sources"] if source["name"] == SOURCE_NAME]
    contract: dict[str, Table] = {}
    for table in source["tables"]:
        if table["name"] in NOT_CONTRACT_TABLES:
            continue
        meta = table["config"]["meta"]
        columns = [_column(column) for column in table["columns"]]
        contract[table["name"]] = {
            "required": meta["required"],
            "primary_key": meta["primary_key"],
            "load_order": meta["load_order"],
            "columns": columns,
            "rules": [rule for column in columns for rule in column["rules"]],
        }
    return contract


def table_names(contract: dict[str, Table] | None = None) -> list[str]:
    """The contract tables in load order: parents before children."""
    contract = load_contract() if contract is None else contract
    return sorted(contract, key=lambda table: contract[table]["load_order"])


def column_names(contract: dict[str, Table] | None = None) -> dict[str, list[str]]:
    """Table -> its column names, both in the YAML's order."""
    contract = load_contract() if contract is None else contract
    return {
        table: [column["name"] for column in spec["columns"]] for table, spec in contract.items()
    }
