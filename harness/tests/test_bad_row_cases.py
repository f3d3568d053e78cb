"""The bad-input cases are data (harness/bad_rows.yml): the generator and the
docs read the same file, so neither can drift from the other."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from harness.bad_rows import DOC, KEPT, REASONS, doc_table, doc_with_cases, load_cases
from harness.generator import build_tables


def test_the_raw_contract_doc_lists_the_current_cases() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert doc_with_cases(text, doc_table()) == text, (
        "docs/raw-contract.md lists other bad-row cases than harness/bad_rows.yml: "
        "run `python -m harness.bad_rows`"
    )


def test_every_reason_and_every_kept_state_has_a_case() -> None:
    outcomes = {case.outcome for case in load_cases()}
    assert outcomes == {*REASONS, *KEPT}


def test_the_generator_appends_one_row_per_case_after_the_good_rows() -> None:
    good = build_tables(accounts=20, seed=4)
    bad = build_tables(accounts=20, seed=4, bad_rows=True)
    cases = load_cases()
    per_table = Counter(case.table for case in cases)
    for table, rows in bad.rows.items():
        assert rows[: len(good.rows[table])] == good.rows[table], table
        assert len(rows) - len(good.rows[table]) == per_table[table], table
    assert sum(bad.expected_rejections.values()) == sum(case.rejected for case in cases) == 30
    assert bad.expected_rejections[("order_items", "invalid_value")] == 6
    assert per_table["accounts"] == 10


def test_a_value_yaml_would_not_read_as_text_is_refused(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yml"
    cases.write_text(
        "cases:\n  - {table: accounts, outcome: deleted, what: x, values: {is_deleted: true}}\n"
    )
    with pytest.raises(ValueError, match=r"is_deleted: True is a bool; quote it"):
        load_cases(cases)


def test_an_unknown_outcome_is_refused(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yml"
    cases.write_text("cases:\n  - {table: orders, outcome: rejected, what: x, values: {}}\n")
    with pytest.raises(ValueError, match="unknown outcome 'rejected'"):
        load_cases(cases)


def test_a_stale_list_is_replaced_between_the_markers() -> None:
    text = DOC.read_text(encoding="utf-8")
    stale = doc_with_cases(text, "| table |\n|---|\n| orders |")
    assert stale != text
    assert doc_with_cases(stale, doc_table()) == text
