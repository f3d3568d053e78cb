"""Each optional raw table can be absent: the build passes, the KPIs that
need it have no rows, and every other figure is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.contract import load_contract
from harness.tests.conftest import Warehouse, write_raw
from harness.tests.handmade_crm import HANDMADE

# KPIs that need each optional table (kpi-definitions.md), and the breakdowns
# whose keys dangle without it (their values become 'unknown').
NEEDED_BY = {
    "opportunities": (
        {
            "cross_sell_conversion_rate",
            "cross_sell_opportunity_size",
            "sales_cycle_length",
            "cross_sell_qualified_opportunities",
            "sales_team_engagement",
            "implementation_success_rate",
            "interaction_cross_sell_rate",
        },
        set(),
    ),
    "sales_reps": ({"sales_team_engagement"}, {"sales_rep"}),
    "campaigns": ({"campaign_cross_sell_rate"}, {"campaign"}),
    "campaign_members": ({"campaign_cross_sell_rate"}, set()),
    "interactions": ({"interaction_cross_sell_rate"}, set()),
    "product_usage": ({"product_usage_rate"}, set()),
    "survey_responses": ({"csat", "nps"}, set()),
    "implementations": ({"implementation_success_rate"}, set()),
}
SCORECARD = "select * from marts.kpi_scorecard"


def test_every_optional_table_is_covered() -> None:
    optional = {table for table, spec in load_contract().items() if not spec["required"]}
    assert set(NEEDED_BY) == optional


def _keyed(rows: list[dict]) -> dict[tuple, dict]:
    return {
        (r["kpi_id"], r["grain"], r["period_start"], r["dimension"], r["dimension_value"]): r
        for r in rows
    }


@pytest.mark.parametrize("absent", sorted(NEEDED_BY))
def test_build_without_optional_table(
    absent: str, handmade: Warehouse, tmp_path: Path, build_raw
) -> None:
    kpis, dangling_dimensions = NEEDED_BY[absent]
    raw_dir = tmp_path / "raw"
    write_raw(raw_dir, {table: rows for table, rows in HANDMADE.items() if table != absent})
    partial = build_raw(raw_dir, f"without_{absent}")
    assert partial.result.ok, partial.result.output[-3000:]
    assert f"Optional raw table {absent} is absent" in partial.result.output

    unavailable = partial.rows(
        "select kpi_id, missing_tables, count_scorecard_rows from marts.kpi_availability "
        "where not is_available"
    )
    assert {row["kpi_id"] for row in unavailable} == kpis
    assert all(row["count_scorecard_rows"] == 0 for row in unavailable)
    assert all(absent in row["missing_tables"] for row in unavailable)

    expected = {
        key: row
        for key, row in _keyed(handmade.rows(SCORECARD)).items()
        if key[0] not in kpis and key[3] not in dangling_dimensions
    }
    found = {
        key: row
        for key, row in _keyed(partial.rows(SCORECARD)).items()
        if key[3] not in dangling_dimensions
    }
    assert found == expected
    reconciled = partial.rows("select table_name from marts.data_quality_reconciliation")
    assert absent not in {row["table_name"] for row in reconciled}
