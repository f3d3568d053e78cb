"""The dashboard (every page, through Streamlit's AppTest) and the static
report show the marts' values: each check reads the expected figures from
the warehouse with its own SQL.

They read the bad-rows demo build (conftest.py), which the test command
has built already; its rejected rows give the data quality page reasons
to list. The real-browser test is test_dashboard_browser.py.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from crosssell.target import PROJECT_DIR
from crosssell.warehouse import alert_line, format_change, format_value
from dashboard import data
from dashboard.report import build_report
from harness.__main__ import main as harness_main

APP = PROJECT_DIR / "dashboard" / "app.py"
TIMEOUT = 60  # seconds per AppTest run (the first imports pandas and altair)


@pytest.fixture(scope="module")
def served(bad_rows_demo) -> Path:
    return bad_rows_demo.warehouse.path


@pytest.fixture
def app(served: Path, monkeypatch: pytest.MonkeyPatch):
    """The app on the demo warehouse, with an empty cache."""
    monkeypatch.setenv("CRM_WAREHOUSE", str(served))

    def open_page(page: str | None = None) -> AppTest:
        test = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
        test.run()
        if page:
            test.switch_page(f"pages/{page}.py").run()
        assert not test.exception, [e.value for e in test.exception]
        assert not test.error, [e.value for e in test.error]
        return test

    yield open_page
    from dashboard.views import _cached

    _cached.clear()


def rows(path: Path, sql: str) -> list[dict]:
    with duckdb.connect(str(path), read_only=True) as connection:
        cursor = connection.execute(sql)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def last_covered(path: Path, grain: str) -> str:
    found = rows(
        path,
        "select max(period_start) as start from marts.kpi_scorecard "
        f"where grain = '{grain}' and dimension = 'overall' and is_fully_covered",
    )
    return str(found[0]["start"])


def overall_rows(path: Path, grain: str, start: str) -> dict[str, dict]:
    found = rows(
        path,
        "select kpi_catalog.kpi_name, kpi_scorecard.* from marts.kpi_scorecard "
        "inner join reference.kpi_catalog on kpi_scorecard.kpi_id = kpi_catalog.kpi_id "
        f"where grain = '{grain}' and dimension = 'overall' and period_start = date '{start}'",
    )
    return {row["kpi_name"]: row for row in found}


def test_overview_cards_equal_the_scorecard(app, served):
    page = app()
    expected = overall_rows(served, "quarter", last_covered(served, "quarter"))
    cards = {metric.label: metric for metric in page.metric}
    assert set(cards) == set(expected)  # one card per KPI with an overall row, named in words
    for name, row in expected.items():
        exact = format_value(row["value"], row["unit"])
        card = cards[name]
        assert card.proto.help.startswith(exact), (name, card.proto.help, exact)
        if row["unit"] != "usd":
            assert card.value == exact, name
        change = format_change(row["change"], row["previous_value"], row["unit"])
        assert (card.delta or "n/a") == change, name
    rate = expected["Cross-sell rate"]
    assert cards["Cross-sell rate"].value == f"{rate['value']:.1f} %"
    captions = [caption.value for caption in page.caption]
    assert f"{rate['numerator']:,.0f} / {rate['denominator']:,.0f}" in captions
    benchmark = rows(
        served,
        "select position from marts.benchmark_comparison where kpi_id = 'cross_sell_rate' "
        f"and grain = 'quarter' and period_start = date '{last_covered(served, 'quarter')}' "
        "and is_configured_group",
    )[0]
    assert any(
        c.startswith("Benchmark: b2b range 5-15 %: " + benchmark["position"]) for c in captions
    )


def test_overview_month_filter_shows_the_month(app, served):
    page = app()
    page.sidebar.selectbox(key="grain").set_value("month").run()
    month = last_covered(served, "month")
    assert str(page.sidebar.selectbox(key="period_month").value) == month
    expected = overall_rows(served, "month", month)["Churn rate"]
    churn = next(metric for metric in page.metric if metric.label == "Churn rate")
    assert churn.value == format_value(expected["value"], "percent")


def test_kpi_page_table_equals_the_scorecard(app, served):
    page = app("kpi")
    page.sidebar.selectbox(key="kpi").set_value("cross_sell_rate").run()
    page.sidebar.selectbox(key="grain").set_value("year").run()
    page.sidebar.selectbox(key="dimension").set_value("segment").run()
    page.sidebar.selectbox(key="period_year").select_index(0).run()  # all periods
    assert not page.exception
    assert page.title[0].value == "Cross-sell rate"
    shown = page.dataframe[0].value
    expected = rows(
        served,
        "select * from marts.kpi_scorecard where kpi_id = 'cross_sell_rate' "
        "and grain = 'year' and dimension = 'segment'",
    )
    assert len(shown) == len(expected) > 0
    by_key = {(str(r["period_start"].year), r["dimension_value"]): r for r in expected}
    for record in shown.to_dict("records"):
        row = by_key[(record["period"], record["dimension_value"])]
        assert record["value"] == pytest.approx(row["value"], nan_ok=True)
        assert record["numerator"] == row["numerator"]
        assert record["denominator"] == row["denominator"]
        assert record["sample"] == ("small sample" if row["is_small_sample"] else "")


def test_kpi_page_marks_small_samples(app, served):
    page = app("kpi")
    page.sidebar.selectbox(key="kpi").set_value("sales_team_engagement").run()
    page.sidebar.selectbox(key="grain").set_value("month").run()
    shown = page.dataframe[0].value
    small = rows(
        served,
        "select count(*) as n from marts.kpi_scorecard where kpi_id = 'sales_team_engagement' "
        "and grain = 'month' and dimension = 'overall' and is_small_sample "
        f"and period_start = date '{last_covered(served, 'month')}'",
    )[0]["n"]
    assert (shown["sample"] == "small sample").sum() == small == 1
    assert any("Small sample" in caption.value for caption in page.caption)


def test_benchmarks_page_equals_the_marts(app, served):
    page = app("benchmarks")
    year = last_covered(served, "year")
    comparison = rows(
        served,
        "select * from marts.benchmark_comparison "
        f"where grain = 'year' and period_start = date '{year}' "
        "order by kpi_id, not is_configured_group, benchmark_group",
    )
    table = page.dataframe[0].value
    assert list(table["actual_value"]) == pytest.approx([r["actual_value"] for r in comparison])
    assert list(table["position"]) == [r["position"] for r in comparison]
    rate = rows(
        served,
        "select value from marts.kpi_scorecard where kpi_id = 'cross_sell_rate' "
        f"and grain = 'year' and dimension = 'overall' and period_start = date '{year}'",
    )[0]["value"]
    assert table[table["kpi"] == "Cross-sell rate"]["actual_value"].iloc[0] == pytest.approx(rate)
    targets = rows(served, "select * from marts.kpi_target_attainment")
    target_table = page.dataframe[-1].value
    assert len(target_table) == len(targets)
    assert sorted(target_table["attainment"].dropna()) == pytest.approx(
        sorted(r["attainment"] for r in targets if r["attainment"] is not None)
    )
    churn = target_table[target_table["kpi"] == "Churn rate"]
    for record in churn.to_dict("records"):  # lower is better: met at or under the target
        met = record["actual_value"] <= record["target_value"]
        assert record["status"] == ("met" if met else "not met")


def test_affinity_page_equals_the_mart(app, served):
    page = app("affinity")
    pairs = rows(served, "select * from marts.product_affinity")
    table = page.dataframe[0].value
    assert len(table) == len(pairs) > 0
    assert sorted(table["affinity_rate"]) == pytest.approx(
        sorted(r["affinity_rate"] for r in pairs)
    )
    assert table["affinity_rate"].is_monotonic_decreasing
    page.sidebar.selectbox(key="anchor").select_index(1).run()
    anchor = page.sidebar.selectbox(key="anchor").value
    assert set(page.dataframe[0].value["anchor"]) == {anchor}


def test_overview_shows_the_alerts_first(app, served):
    page = app()
    assert page.header[0].value == "Alerts"
    overall = rows(
        served,
        "select * from marts.kpi_alerts where dimension = 'overall' "
        "order by grain, kpi_name, rule, denominator desc, dimension, dimension_value",
    )
    assert len(overall) > 0  # the demo data fires overall alerts (churn, NPS ...)
    assert [w.value for w in page.warning] == [alert_line(row).strip() for row in overall]
    breakdowns = rows(
        served, "select count(*) as n from marts.kpi_alerts where dimension != 'overall'"
    )
    assert len(page.dataframe[0].value) == breakdowns[0]["n"]


def test_recommendations_page_shows_one_reps_customers(app, served):
    page = app("recommendations")
    rep = page.sidebar.selectbox(key="rep").value
    expected = rows(
        served,
        "select account_id, recommendation_rank, product_id, score, reason "
        "from marts.cross_sell_recommendations "
        f"where owner_rep_id = '{rep}' order by account_id, recommendation_rank",
    )
    table = page.dataframe[0].value
    assert len(table) == len(expected) > 0
    assert list(table["account_id"]) == [r["account_id"] for r in expected]
    assert list(table["product_id"]) == [r["product_id"] for r in expected]
    assert list(table["reason"]) == [r["reason"] for r in expected]
    page.sidebar.selectbox(key="rep").select_index(1).run()
    other = page.sidebar.selectbox(key="rep").value
    owners = rows(
        served,
        "select distinct account_id from marts.cross_sell_recommendations "
        f"where owner_rep_id = '{other}'",
    )
    assert set(page.dataframe[0].value["account_id"]) == {r["account_id"] for r in owners}


def test_quality_page_equals_the_marts(app, served):
    page = app("quality")
    reconciliation = rows(
        served, "select * from marts.data_quality_reconciliation order by table_name"
    )
    table = page.dataframe[0].value
    assert list(table["rejected"]) == [r["rejected"] for r in reconciliation]
    rejected = sum(r["rejected"] for r in reconciliation)
    assert rejected > 0  # the bad-rows demo rejects rows
    assert {m.label: m.value for m in page.metric}["Rejected"] == f"{rejected:,}"
    reasons = rows(
        served,
        "select table_name, reason, count(*) as n from marts.data_quality_rejected_rows "
        "group by 1, 2 order by n desc, table_name, reason limit 1",
    )[0]
    top = page.dataframe[-1].value.iloc[0]
    assert (top["table_name"], top["reason"]) == (reasons["table_name"], reasons["reason"])
    text = " ".join(str(v) for v in page.dataframe[-1].value.to_numpy().ravel())
    assert "(personal)" not in text and "raw_values" not in page.dataframe[-1].value.columns


def test_a_missing_warehouse_is_one_line(monkeypatch, tmp_path):
    monkeypatch.setenv("CRM_WAREHOUSE", str(tmp_path / "none.duckdb"))
    page = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not page.exception
    assert [e.value for e in page.error] == [
        f"No warehouse at {tmp_path / 'none.duckdb'}: run `python3 tasks.py demo` "
        "(demo data) or `python3 tasks.py build`."
    ]


def test_a_swapped_warehouse_is_read_at_once(monkeypatch, tmp_path, served, handmade):
    """A refresh replaces the served file (os.replace): the next page view
    reads the new file, and the dashboard holds no lock in the meantime."""
    copy = tmp_path / "served.duckdb"
    shutil.copyfile(served, copy)
    monkeypatch.setenv("CRM_WAREHOUSE", str(copy))
    page = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    before = {m.label: m.value for m in page.metric}
    duckdb.connect(str(copy)).close()  # a writer gets the file while the app runs
    incoming = tmp_path / "served.duckdb.building"
    shutil.copyfile(handmade.path, incoming)
    incoming.replace(copy)
    page.run()
    after = {m.label: m.value for m in page.metric}
    expected = overall_rows(copy, "quarter", last_covered(copy, "quarter"))
    assert after != before
    assert after["Cross-sell rate"] == format_value(expected["Cross-sell rate"]["value"], "percent")


def test_report_is_self_contained_and_equals_the_scorecard(served, tmp_path, monkeypatch):
    monkeypatch.setenv("CRM_WAREHOUSE", str(served))
    out = tmp_path / "review.html"
    assert harness_main(["report", "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html == build_report(served).html
    assert "<script" not in html.lower()
    assert not re.search(r"""\b(src|href)\s*=|@import|url\(""", html, re.IGNORECASE)
    month = last_covered(served, "month")
    assert f"Cross-sell KPI review, {month[:7]}" in html
    expected = overall_rows(served, "month", month)
    shown = dict(
        re.findall(
            r"<tr data-kpi='(\w+)'><td>[^<]*</td><td class=\"num value\" "
            r"data-value=\"([^\"]+)\"",
            html,
        )
    )
    by_id = {row["kpi_id"]: row for row in expected.values() if row["value"] is not None}
    assert set(shown) == set(by_id)
    for kpi_id, value in shown.items():
        assert float(value) == by_id[kpi_id]["value"], kpi_id
    rate = by_id["cross_sell_rate"]
    assert f">{rate['value']:.1f} %</td>" in html
    charts = re.findall(r"<div class='chart' data-kpi='(\w+)' data-grain='(\w+)'>", html)
    assert len(charts) == 2 * len(data.HEADLINE_TRENDS)
    assert html.count("<svg") == len(charts)


RELATION = re.compile(r"\b(?:marts|reference)\.(\w+)")


def exposure_refs(name: str) -> set[str]:
    exposures = yaml.safe_load((PROJECT_DIR / "models/marts/_marts__exposures.yml").read_text())
    found = next(e for e in exposures["exposures"] if e["name"] == name)
    return {re.fullmatch(r"ref\('(\w+)'\)", ref).group(1) for ref in found["depends_on"]}


def test_dashboard_exposure_lists_what_the_dashboard_reads():
    """dashboard/data.py is the dashboard's only access to the warehouse."""
    read = set(RELATION.findall((PROJECT_DIR / "dashboard" / "data.py").read_text()))
    assert read == exposure_refs("kpi_dashboard")


def test_report_exposure_lists_what_the_report_reads(served, monkeypatch):
    queried: list[str] = []
    query = data.query

    def recording(path, sql, params=None):
        queried.append(sql)
        return query(path, sql, params)

    monkeypatch.setattr(data, "query", recording)
    build_report(served)
    assert set(RELATION.findall(" ".join(queried))) == exposure_refs("kpi_review_report")
