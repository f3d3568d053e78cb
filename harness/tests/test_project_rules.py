"""Rules of the project's files that no dbt run checks by itself."""

from __future__ import annotations

import re

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
