"""Hostile raw input: every case ends as rejected-and-counted, loaded as
normalised, or a clear error naming file, column and expectation. Never a
stack trace, never a silently missing row.

One raw directory holds every record-level case (one build); the cases that
must stop the run each get their own directory.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from harness.tests.conftest import Factory, Warehouse, recipe, write_raw
from harness.tests.handmade_crm import HANDMADE, LOADED, _item, _order


def _csv_text(table: str, rows: list[dict], extra: dict[str, str] | None = None) -> str:
    from harness.generator import COLUMNS

    columns = COLUMNS[table] + list(extra or {})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**(extra or {}), **row})
    return out.getvalue()


@recipe("hostile")
def _hostile(factory: Factory) -> Warehouse:
    raw_dir = factory.mktemp("hostile_raw")
    tables = {table: [dict(row) for row in rows] for table, rows in HANDMADE.items()}
    # quoted commas, quotes and a newline inside a field
    tables["accounts"][0]["account_name"] = 'Smith, "Junior"\nand Sons'
    # record-level garbage appended to orders and order_items
    tables["orders"] += [
        _order("o_bad_ts", "A1", "2024-13-45 25:61:00"),  # unparseable timestamp
        _order("  o_spaces  ", "  A1 ", " 2024-06-01 10:00:00 "),  # spaces around values
        _order("o_lower", "A2", "2024-06-02 10:00:00", currency="eur"),  # lower-case code
    ]
    tables["order_items"] += [
        _item("i_text", "o1", "P1", "twelve", 10),  # text in a numeric column
        _item("i_negative", "o1", "P1", -2, 10),  # negative quantity
        _item("i_spaces", "o_spaces", " P3 ", 1, 10),  # refers to a trimmed id
        _item("i_lower", "o_lower", "P3", 1, 10),
    ]
    del tables["survey_responses"]
    write_raw(raw_dir, tables)
    # a UTF-8 byte-order mark and CRLF line endings
    text = (raw_dir / "accounts.csv").read_text(encoding="utf-8")
    (raw_dir / "accounts.csv").write_bytes(
        b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    )
    # extra columns are ignored
    (raw_dir / "products.csv").write_text(
        _csv_text("products", tables["products"], {"colour": "blue", "notes": "x, y"})
    )
    # the same file loaded twice: every row duplicated
    rows = (raw_dir / "campaign_members.csv").read_text().splitlines()
    (raw_dir / "campaign_members.csv").write_text("\n".join(rows + rows[1:]) + "\n")
    # a header-only file
    (raw_dir / "survey_responses.csv").write_text(_csv_text("survey_responses", []))
    return factory.build(raw_dir, "hostile")


@pytest.fixture(scope="module")
def hostile(builds) -> Warehouse:
    warehouse = builds.get("hostile")
    assert warehouse.result.ok, warehouse.result.output[-3000:]
    assert "Traceback" not in warehouse.result.output
    return warehouse


def _rejections(warehouse: Warehouse) -> dict[str, str]:
    rows = warehouse.rows("select record_key, reason from marts.data_quality_rejected_rows")
    return {row["record_key"]: row["reason"] for row in rows}


def test_every_row_is_accounted_for(hostile: Warehouse) -> None:
    rows = hostile.rows("select * from marts.data_quality_reconciliation")
    for row in rows:
        assert row["raw_rows"] == (
            row["loaded"] + row["superseded"] + row["deleted"] + row["rejected"]
        ), row
    by_table = {row["table_name"]: row for row in rows}
    assert by_table["orders"]["raw_rows"] == len(HANDMADE["orders"]) + 3
    assert by_table["order_items"]["raw_rows"] == len(HANDMADE["order_items"]) + 4


def test_unreadable_values_are_rejected_as_invalid(hostile: Warehouse) -> None:
    rejected = _rejections(hostile)
    assert rejected["o_bad_ts"] == "invalid_value"
    assert rejected["i_text"] == "invalid_value"
    assert rejected["i_negative"] == "invalid_value"


def test_spaces_case_and_quoting_are_normalised(hostile: Warehouse) -> None:
    orders = hostile.rows(
        "select order_id, account_id, currency_code, ordered_at "
        "from intermediate.int_orders_resolved "
        "where order_id in ('o_spaces', 'o_lower') order by 1"
    )
    assert [(r["order_id"], r["account_id"], r["currency_code"]) for r in orders] == [
        ("o_lower", "A2", "EUR"),
        ("o_spaces", "A1", "USD"),
    ]
    items = hostile.rows(
        "select order_item_id, product_id from intermediate.int_order_items_resolved "
        "where order_item_id in ('i_spaces', 'i_lower') order by 1"
    )
    assert [row["product_id"] for row in items] == ["P3", "P3"]
    names = hostile.rows(
        "select account_id from staging.base_crm__accounts "
        "where account_name like '%Smith, \"Junior\"' || chr(13) || chr(10) || 'and Sons%'"
    )
    assert names == [{"account_id": "A1"}]


def test_bom_crlf_and_extra_columns_load_every_row(hostile: Warehouse) -> None:
    counts = hostile.rows(
        "select table_name, loaded from marts.data_quality_reconciliation "
        "where table_name in ('accounts', 'products')"
    )
    assert {row["table_name"]: row["loaded"] for row in counts} == {
        "accounts": len(HANDMADE["accounts"]),
        "products": len(HANDMADE["products"]),
    }


def test_duplicated_file_load_is_superseded(hostile: Warehouse) -> None:
    row = hostile.rows(
        "select raw_rows, loaded, superseded from marts.data_quality_reconciliation "
        "where table_name = 'campaign_members'"
    )[0]
    members = len(HANDMADE["campaign_members"])
    assert (row["raw_rows"], row["loaded"], row["superseded"]) == (2 * members, members, members)


def test_header_only_file_is_an_empty_table(hostile: Warehouse) -> None:
    row = hostile.rows(
        "select raw_rows, loaded from marts.data_quality_reconciliation "
        "where table_name = 'survey_responses'"
    )
    assert row == [{"raw_rows": 0, "loaded": 0}]
    csat = hostile.rows("select count(*) as n from marts.kpi_csat where value is not null")
    assert csat == [{"n": 0}]


def test_empty_file_stops_the_run_naming_it(tmp_path: Path, build_raw) -> None:
    raw_dir = tmp_path / "raw"
    write_raw(raw_dir, HANDMADE)
    (raw_dir / "orders.csv").write_bytes(b"")
    result = build_raw(raw_dir, "empty_file").result
    assert not result.ok
    assert "orders.csv' of table 'orders' is empty (0 bytes)" in result.output
    assert "Traceback" not in result.output


def test_loaded_at_column_is_kept_as_given(hostile: Warehouse) -> None:
    rows = hostile.rows(
        "select distinct _loaded_at from staging.base_crm__accounts where account_id = 'A1'"
    )
    assert [str(row["_loaded_at"]) for row in rows] == [LOADED]
