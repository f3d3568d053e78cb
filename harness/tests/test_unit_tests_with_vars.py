"""Unit tests pin the vars they depend on: other values on the command line leave them green."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from crosssell.dbt_cli import run_dbt
from crosssell.target import PROJECT_DIR, Target
from harness.generator import generate

# A value other than the default for every var of dbt_project.yml. The vars
# that only say where the raw rows are read from are left out: crm_schema,
# crm_source and the CRMs' landed schemas (the CRM adapters' own unit tests
# run in the CRM builds of test_crm_salesforce and test_crm_hubspot).
NON_DEFAULT_VARS = {
    "as_of_date": "2011-12-09",
    "gross_margin": 0.6,
    "campaign_attribution_days": 7,
    "calendar_max_months": 3,
    "min_sample_size": 5,
    "multi_product_min_products": 3,
    "business_model": "subscription",
    "industry": "telecommunications",
    "incremental_lookback_days": 10,
    "target_growth_rate": 0.2,
    "affinity_min_accounts": 2,
    "rejected_share_warn": 0.2,
    "rejected_share_error": 0.9,
    "recommendation_count": 5,
    "recommendation_cutoff": "2024-03-01",
    "backtest_horizon_days": 30,
    "alert_decline_periods": 2,
    "alert_change_threshold": 0.5,
}
NOT_VARIED = {
    "crm_schema",
    "crm_source",
    "salesforce_schema",
    "hubspot_schema",
    # the Salesforce adapter's vars: its unit tests run only with
    # crm_source salesforce and pin them (harness/tests/test_crm_salesforce.py)
    "salesforce_purchases",
    "salesforce_currency",
    "salesforce_pricebook_id",
    "salesforce_account_segment_field",
    "salesforce_account_region_field",
    "salesforce_account_churned_at_field",
    "salesforce_account_age_band_field",
    "salesforce_order_item_discount_field",
    # the HubSpot adapter's vars: its models (and unit tests, which pin
    # them) run only with crm_source: hubspot
    "hubspot_purchase_pipelines",
    "hubspot_opportunity_pipelines",
    "hubspot_currency",
    "hubspot_company_segment_field",
    "hubspot_company_region_field",
    "hubspot_company_customer_type_field",
    "hubspot_company_age_band_field",
    "hubspot_company_churned_at_field",
    "hubspot_product_category_field",
    "hubspot_deal_campaign_field",
    "hubspot_deal_qualified_at_field",
    "hubspot_engagement_interaction_type_field",
    "hubspot_unknown_label",
    "hubspot_default_customer_type",
    "hubspot_primary_deal_company_type_id",
    "hubspot_service_teams",
    "hubspot_campaign_lists",
    "hubspot_campaign_channel",
}

# --empty builds every model with no rows: just what the unit tests need
# (their inputs' columns) in about a third of the time of a real build.
UNIT_TESTS_ONLY = ["build", "--empty", "--exclude", "test_type:data"]


def _project_vars() -> dict[str, object]:
    project = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())
    return project["vars"]


def test_every_var_gets_a_value_other_than_its_default() -> None:
    defaults = _project_vars()
    assert set(NON_DEFAULT_VARS) | NOT_VARIED == set(defaults)
    same = [name for name, value in NON_DEFAULT_VARS.items() if value == defaults[name]]
    assert same == []


def test_unit_tests_pass_with_other_values_of_every_var(tmp_path: Path) -> None:
    raw_dir = tmp_path / "demo"
    generate(raw_dir)
    as_yaml = yaml.safe_dump(NON_DEFAULT_VARS, default_flow_style=True).strip()
    unit = Target.duckdb(tmp_path / "unit.duckdb")
    result = run_dbt([*UNIT_TESTS_ONLY, "--vars", as_yaml], raw_dir, unit)
    failed = re.findall(r"(?:FAIL|ERROR) \d* ?(\S+::\S+)", result.output)
    assert result.ok and not failed, failed or result.output[-3000:]
    ran = len(re.findall(r"START unit_test ", result.output))
    assert ran >= 50, f"only {ran} unit tests ran"


@pytest.mark.parametrize("name", sorted(NON_DEFAULT_VARS))
def test_var_is_documented_in_the_readme(name: str) -> None:
    assert f"`{name}`" in (PROJECT_DIR / "README.md").read_text()
