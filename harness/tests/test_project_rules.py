"""Rules of the project's files that no dbt run checks by itself."""

from __future__ import annotations

import re

from harness.dbt_cli import PROJECT_DIR

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
