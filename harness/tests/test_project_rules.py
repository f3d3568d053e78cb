"""Rules of the project's files that no dbt run checks by itself."""

from __future__ import annotations

import re

from crosssell.contract import Table, load_contract
from crosssell.target import PROJECT_DIR

PERSONAL_DATA_TEST = (
    PROJECT_DIR / "tests" / "singular" / "marts" / "assert_no_personal_data_columns_in_marts.sql"
)


def test_personal_data_test_runs_after_every_mart() -> None:
    # its depends_on lines order it after each mart; a mart missing there
    # could be checked before it is built (or not at all on a fresh build)
    marts = {path.stem for path in (PROJECT_DIR / "models" / "marts").rglob("*.sql")}
    listed = set(
        re.findall(r"depends_on: \{\{ ref\('(\w+)'\) \}\}", PERSONAL_DATA_TEST.read_text())
    )
    assert len(marts) > 30
    assert marts - listed == set()


def test_unit_test_names_fit_a_postgres_identifier() -> None:
    # Postgres truncates identifiers at 63 characters; dbt names the unit
    # test's relations after the test, and refuses a longer name there
    names = [
        name
        for path in (PROJECT_DIR / "models").rglob("*.yml")
        for name in re.findall(r"^  - name: (\S+)$", path.read_text(), flags=re.M)
        if "unit_tests:" in path.read_text()
    ]
    assert len(names) > 40
    assert [name for name in names if len(name) > 63] == []


RESOLVED_DIR = PROJECT_DIR / "models" / "intermediate" / "resolved"


def loaded_model(contract: dict[str, Table], table: str) -> str:
    """The model holding a table's loaded rows (its resolved model when it has parents)."""
    has_references = any(column["references"] for column in contract[table]["columns"])
    return f"int_{table}_resolved" if has_references else f"stg_crm__{table}"


def test_reference_resolution_follows_the_contract() -> None:
    # the contract's `references` (_crm__sources.yml) are written out by
    # hand in the int_<table>_resolved models: a required key is an inner
    # join to its parent's loaded model, a nullable one a left join
    contract = load_contract()
    wrong = []
    for table, spec in contract.items():
        path = RESOLVED_DIR / f"int_{table}_resolved.sql"
        references = [column for column in spec["columns"] if column["references"]]
        if not references:
            if path.exists():
                wrong.append(f"{path.name} exists, but {table} has no reference")
            continue
        sql = path.read_text()
        expected = {f"stg_crm__{table}"} | {
            loaded_model(contract, column["references"]) for column in references
        }
        named = set(re.findall(r"ref\('(\w+)'\)", sql))
        if named != expected:
            wrong.append(f"{path.name} reads {sorted(named)}, expected {sorted(expected)}")
        for column in references:
            join = "left join" if column["nullable"] else "inner join"
            parent_key = contract[column["references"]]["primary_key"][0]
            pattern = rf"{join} (\w+)\s+on \w+\.{column['name']} = \1\.{parent_key}\b"
            if not re.search(pattern, sql):
                wrong.append(f"{path.name}: no '{join}' on {column['name']}")
    assert len(contract) == 12
    assert wrong == []
