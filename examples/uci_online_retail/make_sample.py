"""Cut the shipped sample out of the full UCI Online Retail file.

    python examples/uci_online_retail/make_sample.py online_retail_2010_2011.csv.gz

Keeps, in file order and unchanged: every row of the customers whose
CustomerID is divisible by 29, every row without a CustomerID invoiced on
2010-12-02, and the three "Adjust bad debt" rows (invoices A563185-A563187).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent / "sample" / "online_retail_sample.csv"
CUSTOMER_DIVISOR = 29
GUEST_DAY = "2010-12-02"
ADJUSTMENTS = {"A563185", "A563186", "A563187"}


def keep(row: dict[str, str]) -> bool:
    customer = row["CustomerID"].strip()
    if customer:
        return int(float(customer)) % CUSTOMER_DIVISOR == 0
    return row["InvoiceDate"].startswith(GUEST_DAY) or row["InvoiceNo"] in ADJUSTMENTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("full_file", type=Path, help="the full UCI CSV, .csv or .csv.gz")
    parser.add_argument("--out", type=Path, default=SAMPLE)
    args = parser.parse_args(argv)
    opener = gzip.open if args.full_file.suffix == ".gz" else open
    with opener(args.full_file, "rt", encoding="utf-8-sig", newline="") as source:
        reader = csv.DictReader(source)
        assert reader.fieldnames is not None
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8", newline="") as target:
            writer = csv.DictWriter(target, fieldnames=reader.fieldnames, lineterminator="\n")
            writer.writeheader()
            kept = 0
            for row in reader:
                if keep(row):
                    writer.writerow(row)
                    kept += 1
    print(f"{kept:,} rows written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
