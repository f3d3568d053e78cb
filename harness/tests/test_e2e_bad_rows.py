"""The demo generator with every bad-input case: nothing vanishes."""

from __future__ import annotations

import pytest

from harness.generator import COLUMNS
from harness.tests.conftest import DemoBuild


@pytest.fixture(scope="module")
def bad_build(bad_rows_demo: DemoBuild):
    # the demo data with every bad-input case, built once per session (and
    # by the check command's own build step when it runs the tests)
    return bad_rows_demo.tables, bad_rows_demo.warehouse


def test_rejections_match_the_injected_cases(bad_build) -> None:
    tables, warehouse = bad_build
    rows = warehouse.rows(
        "select table_name, reason, count(*) as n from marts.data_quality_rejected_rows "
        "group by 1, 2"
    )
    found = {(row["table_name"], row["reason"]): row["n"] for row in rows}
    assert found == dict(tables.expected_rejections)
    reasons = {reason for _, reason in found}
    assert reasons == {
        "missing_primary_key",
        "conflicting_duplicate",
        "missing_required_field",
        "invalid_value",
        "unknown_currency",
        "unmapped_stage",
        "orphan_reference",
    }


def test_reconciliation_adds_up_for_every_table(bad_build) -> None:
    tables, warehouse = bad_build
    rows = {
        row["table_name"]: row
        for row in warehouse.rows("select * from marts.data_quality_reconciliation")
    }
    assert set(rows) == set(tables.rows)
    for table, row in rows.items():
        assert row["raw_rows"] == len(tables.rows[table])
        assert row["raw_rows"] == (
            row["loaded"] + row["superseded"] + row["deleted"] + row["rejected"]
        ), table
    # BAD_V: an older version and an exact copy of the winner; BAD_D: soft-deleted
    assert (rows["accounts"]["superseded"], rows["accounts"]["deleted"]) == (2, 1)
    # BAD_OP_DANGLE: unknown rep and product; BAD_IN_DANGLE: unknown rep and opportunity
    assert rows["opportunities"]["dangling_optional_references"] == 2
    assert rows["interactions"]["dangling_optional_references"] == 2


def test_rejected_rows_can_be_found(bad_build) -> None:
    _, warehouse = bad_build
    rows = warehouse.rows(
        "select * from marts.data_quality_rejected_rows where record_key = 'BAD_I_FRAC'"
    )
    assert len(rows) == 1
    assert rows[0]["reason"] == "invalid_value"
    assert "|3.7|" in rows[0]["raw_values"]


def test_normalised_values_load(bad_build) -> None:
    """Spaces, upper-case enums and lower-case currencies are not errors."""
    _, warehouse = bad_build
    account = warehouse.rows(
        "select customer_type from intermediate.int_accounts_resolved where account_id = 'BAD_OK'"
    )
    assert account == [{"customer_type": "b2b"}]
    order = warehouse.rows(
        "select currency_code from intermediate.int_orders_resolved where order_id = 'BAD_O_OK'"
    )
    assert order == [{"currency_code": "EUR"}]
    interaction = warehouse.rows(
        "select interaction_type, rep_id, opportunity_id "
        "from intermediate.int_interactions_resolved "
        "where interaction_id = 'BAD_IN_DANGLE'"
    )
    assert interaction == [{"interaction_type": "sales", "rep_id": None, "opportunity_id": None}]


def test_rejected_rows_carry_no_names(bad_build) -> None:
    """Rejected accounts and reps keep their other raw values, never their names."""
    tables, warehouse = bad_build
    names = {
        str(row[COLUMNS[table].index(column)]).strip()
        for table, column in (("accounts", "account_name"), ("sales_reps", "rep_name"))
        for row in tables.rows[table]
    } - {""}
    rows = warehouse.rows(
        "select table_name, raw_values from marts.data_quality_rejected_rows "
        "where table_name in ('accounts', 'sales_reps')"
    )
    assert {row["table_name"] for row in rows} == {"accounts", "sales_reps"}
    for row in rows:
        assert not any(name in row["raw_values"] for name in names), row
    assert any("|(personal)|" in row["raw_values"] for row in rows)
