"""Each optional raw table can be absent: the build passes, the KPIs that
need it have no rows, and every other figure is unchanged.

A build costs about 20 s, so one build leaves out several tables at once
(GROUPS). Each table is in one or two groups, chosen so that for every
table, every figure that does not need it is compared with the full build
in at least one of its groups (test_groups_check_every_table_as_if_alone):
together they check what one build per table would.
"""

from __future__ import annotations

import pytest

from crosssell.contract import load_contract
from harness.tests.conftest import Factory, Warehouse, recipe, write_raw
from harness.tests.handmade_crm import HANDMADE

# KPIs that need each optional table (docs/kpi-definitions.md), and the breakdowns
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
# Five builds instead of eight (no four builds can cover every table).
GROUPS = [
    ("implementations", "interactions", "opportunities"),
    ("campaign_members", "campaigns", "sales_reps"),
    ("campaigns", "interactions", "product_usage"),
    ("product_usage", "sales_reps", "survey_responses"),
    ("campaign_members", "implementations", "survey_responses"),
]
SCORECARD = "select * from marts.kpi_scorecard"


def test_every_optional_table_is_covered() -> None:
    optional = {table for table, spec in load_contract().items() if not spec["required"]}
    assert set(NEEDED_BY) == optional


def _keyed(rows: list[dict]) -> dict[tuple, dict]:
    return {
        (r["kpi_id"], r["grain"], r["period_start"], r["dimension"], r["dimension_value"]): r
        for r in rows
    }


def _lost(group: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """The KPIs and the breakdowns a build without these tables cannot compare."""
    kpis = set().union(*(NEEDED_BY[table][0] for table in group))
    dimensions = set().union(*(NEEDED_BY[table][1] for table in group))
    return kpis, dimensions


def _group_id(group: tuple[str, ...]) -> str:
    return "without_" + "+".join(group)


def _build_without(factory: Factory, group: tuple[str, ...]) -> Warehouse:
    raw_dir = factory.mktemp("optional_raw")
    write_raw(raw_dir, {table: rows for table, rows in HANDMADE.items() if table not in group})
    return factory.build(raw_dir, "without")


for _group in GROUPS:
    recipe(_group_id(_group), fixture="optional_builds")(
        lambda factory, group=_group: _build_without(factory, group)
    )


@pytest.fixture(scope="module")
def optional_builds(builds) -> dict[tuple[str, ...], Warehouse]:
    return {group: builds.get(_group_id(group)) for group in GROUPS}


def test_groups_check_every_table_as_if_alone() -> None:
    every_kpi = set().union(*(kpis for kpis, _ in NEEDED_BY.values()))
    every_dimension = set().union(*(dimensions for _, dimensions in NEEDED_BY.values()))
    for table, (kpis, dimensions) in NEEDED_BY.items():
        groups = [group for group in GROUPS if table in group]
        assert groups, f"{table} is never left out"
        compared_kpis = set().union(*(every_kpi - _lost(group)[0] for group in groups))
        compared_dimensions = set().union(*(every_dimension - _lost(group)[1] for group in groups))
        assert compared_kpis == every_kpi - kpis, table
        assert compared_dimensions == every_dimension - dimensions, table


@pytest.mark.parametrize("group", GROUPS, ids=_group_id)
def test_build_without_optional_tables(
    group: tuple[str, ...], handmade: Warehouse, optional_builds
) -> None:
    partial = optional_builds[group]
    assert partial.result.ok, partial.result.output[-3000:]
    for absent in group:
        assert f"Optional raw table {absent} is absent" in partial.result.output

    lost_kpis, dangling_dimensions = _lost(group)
    unavailable = partial.rows(
        "select kpi_id, missing_tables, count_scorecard_rows from marts.kpi_availability "
        "where not is_available"
    )
    assert {row["kpi_id"] for row in unavailable} == lost_kpis
    assert all(row["count_scorecard_rows"] == 0 for row in unavailable)
    # each absent table makes exactly the KPIs that need it unavailable
    missing = {row["kpi_id"]: set(row["missing_tables"].split(", ")) for row in unavailable}
    for absent in group:
        assert {kpi for kpi, tables in missing.items() if absent in tables} == (
            NEEDED_BY[absent][0]
        ), absent
    assert all(tables <= set(group) for tables in missing.values())

    expected = {
        key: row
        for key, row in _keyed(handmade.rows(SCORECARD)).items()
        if key[0] not in lost_kpis and key[3] not in dangling_dimensions
    }
    found = {
        key: row
        for key, row in _keyed(partial.rows(SCORECARD)).items()
        if key[3] not in dangling_dimensions
    }
    assert found == expected
    reconciled = partial.rows("select table_name from marts.data_quality_reconciliation")
    assert not set(group) & {row["table_name"] for row in reconciled}
