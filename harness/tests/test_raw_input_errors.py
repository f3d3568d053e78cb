"""A missing required table or column stops the run with a clear message."""

from __future__ import annotations

import csv
from pathlib import Path

from harness.tests.conftest import write_raw
from harness.tests.handmade_crm import HANDMADE


def _first_error_line(output: str) -> str:
    for line in output.splitlines():
        if "Required raw table" in line or "is missing required column" in line:
            return line
    raise AssertionError(f"no clear error in:\n{output[-3000:]}")


def test_missing_required_table_names_it(tmp_path: Path, build_raw) -> None:
    raw_dir = tmp_path / "raw"
    write_raw(raw_dir, {k: v for k, v in HANDMADE.items() if k != "order_items"})
    result = build_raw(raw_dir, "no_items").result
    assert not result.ok
    assert "Required raw table 'order_items' not found" in _first_error_line(result.output)
    assert "Traceback" not in result.output
    assert "START sql table model" not in result.output  # stopped before any model


def test_missing_column_names_table_and_column(tmp_path: Path, build_raw) -> None:
    raw_dir = tmp_path / "raw"
    write_raw(raw_dir, HANDMADE)
    path = raw_dir / "orders.csv"
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    with path.open("w", newline="") as handle:
        fields = [name for name in rows[0] if name != "status"] + ["extra_column"]
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    result = build_raw(raw_dir, "no_status").result
    assert not result.ok
    line = _first_error_line(result.output)
    assert "Raw table 'orders'" in line
    assert "missing required column(s): status" in line
    assert "Traceback" not in result.output
