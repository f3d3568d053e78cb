"""Reading a CRM as its connector lands it: names, and one-line errors.

The on-run-start hook (macros/raw/prepare_crm_adapter.sql) exposes each
table a CRM adapter reads as a text view. It accepts a CSV export with API
column names, and stops a run with one line naming the CRM, the table and
the column when a column the mapping needs is missing. These runs stop in
the hook or read only its views, so each takes a few seconds.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from crosssell.cli import build
from crosssell.dbt_cli import run_dbt
from crosssell.raw_files import connector_column_name
from crosssell.refresh import adapted_tables
from crosssell.target import Target
from harness.crm_shapes.hubspot import write_hubspot_fixture
from harness.crm_shapes.salesforce import write_salesforce_fixture

# runs the hook, then one small model
HOOK_ONLY = ["run", "--select", "stg_crm__raw_table_inventory"]


@pytest.mark.parametrize(
    ("landed", "expected"),
    [
        ("AccountId", "account_id"),
        ("Product2Id", "product_2_id"),
        ("Segment__c", "segment_c"),
        ("SBQQ__Quote__c", "sbqq_quote_c"),
        ("NumberOfEmployees", "number_of_employees"),
        ("ID", "id"),
        ("_fivetran_synced", "_fivetran_synced"),
        ("property_hs_discount_percentage", "property_hs_discount_percentage"),
    ],
)
def test_column_names_are_converted_the_way_the_connector_names_them(
    landed: str, expected: str
) -> None:
    assert connector_column_name(landed) == expected


def _rewrite_header(path: Path, rename: dict[str, str | None]) -> None:
    """Rename header columns; a None drops the column."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    kept = [i for i, name in enumerate(rows[0]) if rename.get(name, name) is not None]
    rows[0] = [rename.get(name) or name for name in rows[0]]
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([[row[i] for i in kept] for row in rows])


def _failure_lines(raw_dir: Path, tmp_path: Path, dbt_vars: str, capsys) -> list[str]:  # noqa: ANN001
    code = build(raw_dir, tmp_path / "w.duckdb", dbt_vars, log_path=tmp_path / "dbt.log")
    assert code != 0
    out = capsys.readouterr().out
    failed = out.split("FAILED after", 1)[1].splitlines()[1:]
    return [line.strip() for line in failed if line.startswith("  ")]


def test_a_crm_table_without_a_column_the_mapping_needs_stops_with_one_line(
    tmp_path: Path, capsys
) -> None:
    raw_dir = tmp_path / "hubspot"
    write_hubspot_fixture(raw_dir)
    _rewrite_header(raw_dir / "deal.csv", {"deal_pipeline_stage_id": None})
    lines = _failure_lines(raw_dir, tmp_path, "{crm_source: hubspot}", capsys)
    assert lines == [
        f"HubSpot table 'deal' ({raw_dir}/deal.csv) has no column"
        " 'deal_pipeline_stage_id', which the mapping needs."
    ]


def test_a_custom_field_var_naming_no_column_stops_with_one_line_naming_the_var(
    tmp_path: Path, capsys
) -> None:
    raw_dir = tmp_path / "hubspot"
    write_hubspot_fixture(raw_dir)
    dbt_vars = "{crm_source: hubspot, hubspot_company_segment_field: property_tier}"
    lines = _failure_lines(raw_dir, tmp_path, dbt_vars, capsys)
    assert lines == [
        f"HubSpot table 'company' ({raw_dir}/company.csv) has no column 'property_tier',"
        " named by var hubspot_company_segment_field for segment_field."
    ]


def test_a_csv_export_with_api_names_reads_like_the_connector_landing(tmp_path: Path) -> None:
    raw_dir = tmp_path / "salesforce"
    write_salesforce_fixture(raw_dir)
    landed = raw_dir / "opportunity_line_item.csv"
    with landed.open(newline="", encoding="utf-8") as handle:
        expected = [(row["opportunity_id"], row["product_2_id"]) for row in csv.DictReader(handle)]
    rename = {"opportunity_id": "OpportunityId", "product_2_id": "Product2Id", "id": "Id"}
    _rewrite_header(landed, rename)
    warehouse = tmp_path / "w.duckdb"
    vars_args = ["--vars", "{crm_source: salesforce}"]
    result = run_dbt([*HOOK_ONLY, *vars_args], raw_dir, Target.duckdb(warehouse))
    assert result.ok, result.output[-2000:]
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        found = connection.execute(
            "select opportunity_id, product_2_id from raw_crm.salesforce__opportunity_line_item"
        ).fetchall()
    assert expected and sorted(found) == sorted(expected)


def test_an_unknown_crm_source_stops_with_one_line(tmp_path: Path, capsys) -> None:
    lines = _failure_lines(tmp_path, tmp_path, "{crm_source: zoho}", capsys)
    assert lines == ["var crm_source is 'zoho': expected contract, salesforce or hubspot."]


@pytest.mark.parametrize("crm", ["salesforce", "hubspot"])
def test_freshness_leaves_out_exactly_the_contract_tables_an_adapter_fills(crm: str) -> None:
    # the adapters' helper models (hubspot__deals ...) are not contract tables
    assert adapted_tables(f"{{crm_source: {crm}}}") == sorted(
        [
            "accounts",
            "campaign_members",
            "campaigns",
            "interactions",
            "opportunities",
            "order_items",
            "orders",
            "products",
            "sales_reps",
        ]
    )
    assert adapted_tables(None) == []
    assert adapted_tables("{as_of_date: 2025-06-30}") == []
