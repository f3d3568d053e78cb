"""The benchmark's profile of a build, from a run_results.json."""

from __future__ import annotations

from harness.benchmark import LAYERS, Measurement, Profile, comparison_table, layer_of, profile


def _result(unique_id: str, seconds: float) -> dict:
    return {"unique_id": unique_id, "execution_time": seconds}


def test_nodes_are_summed_by_layer_and_the_slowest_listed() -> None:
    run_results = {
        "elapsed_time": 12.5,
        "results": [
            _result("model.cross_sell.base_crm__orders", 3.0),
            _result("model.cross_sell.base_crm__order_items", 4.0),
            _result("model.cross_sell.stg_crm__orders", 1.0),
            _result("model.cross_sell.int_account_periods_active", 2.5),
            _result("model.cross_sell.kpi_cross_sell_rate", 1.5),
            _result("model.cross_sell.dim_accounts", 0.5),
            _result("test.cross_sell.unique_stg_crm__orders_order_id.f04ade73a7", 0.25),
            _result("seed.cross_sell.currency_rates", 0.1),
            _result("operation.cross_sell.cross_sell-on-run-start-0", 0.2),
        ],
    }
    built = profile(run_results, count=2)
    assert built.dbt_seconds == 12.5
    assert built.slowest_nodes == [("base_crm__order_items", 4.0), ("base_crm__orders", 3.0)]
    assert list(built.layer_seconds) == list(LAYERS)
    assert built.layer_seconds == {
        "base": 7.0,
        "staging": 1.0,
        "intermediate": 2.5,
        "marts": 2.0,
        "tests": 0.25,
        "seeds and hooks": 0.1 + 0.2,
    }


def test_a_model_named_like_no_layer_is_a_mart() -> None:
    assert layer_of("model.cross_sell.product_affinity") == "marts"
    assert layer_of("unit_test.cross_sell.kpi_nps.kpi_nps__promoters") == "tests"


def _measurement(accounts: int, full: float, refresh: float, rss_gb: float) -> Measurement:
    empty = Profile(0.0, [], dict.fromkeys(LAYERS, 0.0))
    return Measurement(
        accounts=accounts,
        order_lines=17 * accounts,
        usage_rows=23 * accounts,
        interactions=2 * accounts,
        full_seconds=full,
        refresh_seconds=refresh,
        peak_rss_bytes=int(rss_gb * 2**30),
        full_profile=empty,
        refresh_profile=empty,
    )


def test_two_commits_side_by_side_with_the_ratio_new_over_old() -> None:
    old = _measurement(200_000, full=130.0, refresh=78.0, rss_gb=4.0)
    new = _measurement(200_000, full=60.0, refresh=6.0, rss_gb=3.0)
    lines = comparison_table([(old, new)], "5088b01", "abc1234").splitlines()
    assert lines[2] == "| 200,000 | 5088b01 | 130.0 | 78.0 | 60.0% | 4.00 |"
    assert lines[3] == "| 200,000 | abc1234 | 60.0 | 6.0 | 10.0% | 3.00 |"
    assert lines[4] == "| 200,000 | new / old | 0.46x | 0.08x | 0.17x | 0.75x |"
