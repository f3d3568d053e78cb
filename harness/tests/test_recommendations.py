"""End to end: the backtest command on a hand-made CRM whose right answers are known.

Products P1-P5; P5 is inactive. Before the cutoff 2024-07-01:
  B1-B6  bought P1 on 2024-01-10, P2 on 2024-03-10 (60 days later), P5 on 2024-04-10
  C1-C8  bought P3 on 2024-02-01 (the most bought active product)
  D1-D4  bought P5 on 2024-02-01 (P5: 10 buyers, but inactive)
  T1-T3  bought P1 on 2024-05-01
  X1     bought P1 on 2024-01-05 and churned on 2024-06-01 (not a current customer)
So P1 has 10 buyers, 6 of whom bought P2 later: P(P2 after P1) = 60 %.
In the 90 days from the cutoff: T1 and T2 buy P2, T3 buys P4; T3 buys P2
only on 2024-10-15, after the horizon (2024-07-01 + 90 days = 2024-09-29).

Current customers: B1-B6, C1-C8, D1-D4, T1-T3 = 21; cross-purchasers T1-T3.
  sequence: T1-T3 get P2 (60 %; P5 would tie but is inactive); nobody else
    has evidence. hit@1 = hit@3 = 2 of 3; coverage 3 of 21.
  popularity: T1-T3 (own P1) get P3 (8 buyers), then P2 (6); P4 has no
    buyer before the cutoff. hit@1 = 0 of 3, hit@3 = 2 of 3.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crosssell.backtest import backtest_lines, run_backtest, scratch_warehouse
from crosssell.warehouse import fetch_rows
from harness.tests.conftest import write_raw
from harness.tests.handmade_crm import LOADED, _account, _item, _order, _rep

CUTOFF = "2024-07-01"


def _purchases() -> list[tuple[str, str, str]]:
    """(account, product, date) of every completed order line."""
    rows = []
    for n in range(1, 7):
        rows += [
            (f"B{n}", "P1", "2024-01-10"),
            (f"B{n}", "P2", "2024-03-10"),
            (f"B{n}", "P5", "2024-04-10"),
        ]
    rows += [(f"C{n}", "P3", "2024-02-01") for n in range(1, 9)]
    rows += [(f"D{n}", "P5", "2024-02-01") for n in range(1, 5)]
    rows += [(f"T{n}", "P1", "2024-05-01") for n in range(1, 4)]
    rows += [("X1", "P1", "2024-01-05")]
    rows += [
        ("T1", "P2", "2024-07-15"),
        ("T2", "P2", "2024-09-28"),
        ("T3", "P4", "2024-08-01"),
        ("T3", "P2", "2024-10-15"),
    ]
    return rows


def sequence_crm() -> dict[str, list[dict]]:
    purchases = _purchases()
    accounts = sorted({account for account, _, _ in purchases})
    return {
        "accounts": [
            _account(a, "smb", "R1" if a.startswith("T") else "R2", churned_at="")
            if a != "X1"
            else _account(a, "smb", "R2", churned_at="2024-06-01 00:00:00")
            for a in accounts
        ],
        "products": [
            dict(
                product_id=pid,
                product_name=f"Product {pid}",
                product_category="software",
                list_price=100,
                currency="USD",
                is_active="false" if pid == "P5" else "true",
                is_deleted="false",
                _loaded_at=LOADED,
            )
            for pid in ("P1", "P2", "P3", "P4", "P5")
        ],
        "sales_reps": [_rep(rep, "t", "sales", "2020-01-01 00:00:00") for rep in ("R1", "R2")],
        "orders": [
            _order(f"O{i}", account, f"{day} 10:00:00")
            for i, (account, _, day) in enumerate(purchases)
        ],
        "order_items": [
            _item(f"I{i}", f"O{i}", product, 1, 100.0)
            for i, (_, product, _) in enumerate(purchases)
        ],
    }


@pytest.fixture(scope="module")
def backtest(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], Path]:
    folder = tmp_path_factory.mktemp("recommendations")
    raw_dir = folder / "raw"
    write_raw(raw_dir, sequence_crm())
    served = folder / "served.duckdb"
    rows = run_backtest(
        raw_dir,
        served,
        date.fromisoformat(CUTOFF),
        "{affinity_min_accounts: 2, recommendation_count: 3, backtest_horizon_days: 90}",
        folder / "dbt-backtest.log",
    )
    return rows, scratch_warehouse(served)


def test_backtest_figures_worked_out_by_hand(backtest) -> None:
    rows, _ = backtest
    figures = {
        (row["method"], row["k"]): (
            row["customers"],
            row["customers_recommended"],
            row["cross_purchasers"],
            row["hits"],
        )
        for row in rows
    }
    assert figures == {
        ("sequence", 1): (21, 3, 3, 2),
        ("sequence", 3): (21, 3, 3, 2),
        ("popularity", 1): (21, 21, 3, 0),
        ("popularity", 3): (21, 21, 3, 2),
    }
    sequence_at_1 = next(r for r in rows if r["method"] == "sequence" and r["k"] == 1)
    assert sequence_at_1["hit_rate"] == pytest.approx(200 / 3)
    assert sequence_at_1["coverage"] == pytest.approx(300 / 21)


def test_recommendations_see_only_rows_before_the_cutoff(backtest) -> None:
    _, scratch = backtest
    found = fetch_rows(
        scratch,
        "select account_id, owner_rep_id, recommendation_rank, product_id, anchor_product_id, "
        "score, reason, as_of_date from marts.cross_sell_recommendations order by account_id",
    )
    # T1 and T2's own purchases of P2 after the cutoff would make it 8 of 12
    assert [(r["account_id"], r["product_id"], r["recommendation_rank"]) for r in found] == [
        ("T1", "P2", 1),
        ("T2", "P2", 1),
        ("T3", "P2", 1),
    ]
    assert {r["owner_rep_id"] for r in found} == {"R1"}
    assert found[0]["score"] == pytest.approx(60.0)
    assert found[0]["reason"] == (
        "60 % of the 10 customers who bought P1 bought P2 later, a median 60 days after"
    )
    assert str(found[0]["as_of_date"]) == "2024-06-30"


def test_backtest_printout_names_the_winner(backtest) -> None:
    rows, _ = backtest
    lines = backtest_lines(rows)
    assert "21 current customers, 3 of them bought a product" in lines[1]
    assert lines[-1] == (
        "At k = 3 the sequence method ties with the popularity baseline (66.7 % against 66.7 %)."
    )
    assert any("sequence (served)" in line and "2 / 3" in line for line in lines)
