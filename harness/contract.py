"""Writes the copy of the raw contract that dbt reads: `python -m harness.contract`.

The contract itself is written in models/staging/crm/_crm__sources.yml and
read by crosssell.contract. This rewrites macros/raw/crm_contract_snapshot.sql,
the copy dbt reads where the sources are out of its reach (while parsing,
and in unit tests); dbt checks the copy against the YAML on every run.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from crosssell.contract import PROJECT_DIR, Table, load_contract, table_names

SNAPSHOT_MACRO = PROJECT_DIR / "macros" / "raw" / "crm_contract_snapshot.sql"


def _jinja_literal(value: Any, indent: int = 0) -> str:
    """A Jinja expression for a value of the contract (JSON with none for null)."""
    pad = "    " * (indent + 1)
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        if not any(isinstance(item, dict) or _is_nested_list(item) for item in value.values()):
            pairs = ", ".join(
                f"{json.dumps(key)}: {_jinja_literal(item)}" for key, item in value.items()
            )
            return "{" + pairs + "}"
        items = [
            f"{pad}{json.dumps(key)}: {_jinja_literal(item, indent + 1)},"
            for key, item in value.items()
        ]
        return "{\n" + "\n".join(items) + "\n" + "    " * indent + "}"
    if isinstance(value, list):
        if not _is_nested_list(value):
            return "[" + ", ".join(_jinja_literal(item) for item in value) + "]"
        items = [f"{pad}{_jinja_literal(item, indent + 1)}," for item in value]
        return "[\n" + "\n".join(items) + "\n" + "    " * indent + "]"
    return json.dumps(value)


def _is_nested_list(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value)


def snapshot_macro(contract: dict[str, Table] | None = None) -> str:
    """The text of macros/raw/crm_contract_snapshot.sql: crm_contract()'s shape."""
    contract = load_contract() if contract is None else contract
    in_load_order = {
        table: {key: item for key, item in contract[table].items() if key != "load_order"}
        for table in table_names(contract)
    }
    return (
        "{#\n"
        "    Written by `python -m harness.contract` from\n"
        "    models/staging/crm/_crm__sources.yml: do not edit, edit the YAML and\n"
        "    run it again. crm_contract() returns this where dbt cannot read the\n"
        "    sources (while parsing, and in unit tests) and stops a run when it\n"
        "    differs from the YAML.\n"
        "#}\n"
        "{% macro crm_contract_snapshot() %}\n"
        "{{ return(" + _jinja_literal(in_load_order) + ") }}\n"
        "{% endmacro %}\n"
    )


def main() -> int:
    text = snapshot_macro()
    if SNAPSHOT_MACRO.exists() and SNAPSHOT_MACRO.read_text(encoding="utf-8") == text:
        print(f"{SNAPSHOT_MACRO.relative_to(PROJECT_DIR)} is up to date")
        return 0
    SNAPSHOT_MACRO.write_text(text, encoding="utf-8")
    print(f"rewrote {SNAPSHOT_MACRO.relative_to(PROJECT_DIR)} from the sources YAML")
    return 0


if __name__ == "__main__":
    sys.exit(main())
