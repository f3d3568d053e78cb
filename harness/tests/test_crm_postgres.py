"""A CRM adapter on PostgreSQL: the HubSpot landing gives the contract's scorecard.

The HubSpot-shaped demo (300 accounts, seed 7, with its HubSpot-shaped bad
rows) is loaded into a database of its own on the session's throwaway
server, every file as a text table in raw_crm, where a connector would have
landed it (var hubspot_schema). The adapter's views, the quarantine and
every KPI then run on Postgres; the scorecard must equal the DuckDB build of
the same CRM in contract shape (small_demo).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.crm_shapes.hubspot import DEMO_VARS, write_hubspot_demo
from harness.engines import EngineBuild, build_postgres, differences, duckdb_scorecard
from harness.tests.conftest import Builds, DemoBuild, Factory, recipe
from harness.tests.test_refresh import small_demo  # noqa: F401 (the contract-shaped build)

REJECTIONS = (
    "select table_name, reason, count(*) from marts.data_quality_rejected_rows group by 1, 2"
)


@recipe("hubspot_postgres_build", fixture="hubspot_postgres")
def _hubspot_postgres_build(factory: Factory) -> EngineBuild:
    raw_dir = factory.mktemp("hubspot_postgres_raw")
    landing = write_hubspot_demo(raw_dir, accounts=300, seed=7, bad_rows=True)
    server = factory.builds.get("postgres_server").other_database("crm_hubspot")
    dbt_vars = json.dumps({**DEMO_VARS, "hubspot_schema": "raw_crm"})
    # the data tests run; the unit tests run in test_crm_hubspot's DuckDB build
    built = build_postgres(
        Path(raw_dir), server, ["build", "--exclude", "test_type:unit", "--vars", dbt_vars]
    )
    return built, landing, server


@pytest.fixture(scope="module")
def hubspot_postgres(builds: Builds):  # noqa: ANN201 (build, landing, server)
    built, landing, server = builds.get("hubspot_postgres_build")
    assert built.result.ok, built.result.output[-3000:]
    return built, landing, server


def test_hubspot_landing_on_postgres_gives_the_contract_scorecard(
    hubspot_postgres,
    small_demo: DemoBuild,  # noqa: F811
) -> None:
    built, _, _ = hubspot_postgres
    reference = duckdb_scorecard(small_demo.warehouse.path)
    assert len(reference) > 10_000
    assert differences(reference, built.scorecard) == []


def test_hubspot_bad_rows_on_postgres_are_rejected_as_predicted(hubspot_postgres) -> None:
    _, landing, server = hubspot_postgres
    connection = server.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute(REJECTIONS)
            found = {(table, reason): count for table, reason, count in cursor.fetchall()}
    finally:
        connection.close()
    assert found == dict(landing.expected_rejections)
