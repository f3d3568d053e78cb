"""Map the UCI "Online Retail" transactions to the project's raw CRM contract.

Reads the UCI CSV (plain or .gz; one row per invoice line) and writes the
four required raw tables, accounts.csv, products.csv, orders.csv and
order_items.csv, into a folder that CRM_RAW_DIR can point at:

    python examples/uci_online_retail/map_to_contract.py \
        examples/uci_online_retail/sample/online_retail_sample.csv \
        --out data/uci_online_retail

Every mapping decision is written down in this folder's README.md; in short:
a customer is an account, an invoice is an order (cancellation invoices,
numbered C..., are orders with status `cancelled`), a stock code is a
product, prices are GBP, and rows without a customer or for a non-product
stock code (postage, fees, manual adjustments) are left out and counted.
Only the Python standard library is used.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO

CURRENCY = "GBP"
PLACEHOLDER = "unknown"  # the label the KPIs give a missing breakdown value
PRODUCT_CATEGORY = "giftware"
CUSTOMER_TYPE = "b2b"

# The contract's columns, in order (docs/raw-contract.md).
COLUMNS: dict[str, list[str]] = {
    "accounts": [
        "account_id", "account_name", "segment", "industry", "region", "country",
        "customer_type", "age_band", "owner_rep_id", "created_at", "churned_at",
        "is_deleted", "_loaded_at",
    ],
    "products": [
        "product_id", "product_name", "product_category", "list_price", "currency",
        "is_active", "is_deleted", "_loaded_at",
    ],
    "orders": [
        "order_id", "account_id", "ordered_at", "status", "currency", "is_deleted",
        "_loaded_at",
    ],
    "order_items": [
        "order_item_id", "order_id", "product_id", "quantity", "unit_price",
        "discount_amount", "is_deleted", "_loaded_at",
    ],
}  # fmt: skip

# Country name as UCI spells it -> (ISO 3166 alpha-2 code, region).
# ZZ is ISO's code for "unknown"; EU is reserved by ISO for the European Union.
COUNTRIES: dict[str, tuple[str, str]] = {
    "Australia": ("AU", "apac"), "Austria": ("AT", "emea"), "Bahrain": ("BH", "emea"),
    "Belgium": ("BE", "emea"), "Brazil": ("BR", "amer"), "Canada": ("CA", "amer"),
    "Channel Islands": ("ZZ", "emea"), "Cyprus": ("CY", "emea"),
    "Czech Republic": ("CZ", "emea"), "Denmark": ("DK", "emea"), "EIRE": ("IE", "emea"),
    "European Community": ("EU", "emea"), "Finland": ("FI", "emea"),
    "France": ("FR", "emea"), "Germany": ("DE", "emea"), "Greece": ("GR", "emea"),
    "Hong Kong": ("HK", "apac"), "Iceland": ("IS", "emea"), "Israel": ("IL", "emea"),
    "Italy": ("IT", "emea"), "Japan": ("JP", "apac"), "Lebanon": ("LB", "emea"),
    "Lithuania": ("LT", "emea"), "Malta": ("MT", "emea"), "Netherlands": ("NL", "emea"),
    "Norway": ("NO", "emea"), "Poland": ("PL", "emea"), "Portugal": ("PT", "emea"),
    "RSA": ("ZA", "emea"), "Saudi Arabia": ("SA", "emea"), "Singapore": ("SG", "apac"),
    "Spain": ("ES", "emea"), "Sweden": ("SE", "emea"), "Switzerland": ("CH", "emea"),
    "USA": ("US", "amer"), "United Arab Emirates": ("AE", "emea"),
    "United Kingdom": ("GB", "emea"), "Unspecified": ("ZZ", PLACEHOLDER),
}  # fmt: skip

# Goods have stock codes starting with five digits (85123A, 22423); the
# rest are postage, carriage, fees, discounts, manual lines, vouchers.
PRODUCT_CODE = re.compile(r"^\d{5}")

# The Spark export writes ISO timestamps; UCI's own CSV export of the
# spreadsheet writes US month/day/year.
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S")


@dataclass(frozen=True)
class Line:
    """One row of the UCI file that names a customer."""

    invoice: str
    line_number: int  # position among the invoice's rows in the file, from 1
    stock_code: str
    description: str
    quantity: int
    invoiced_at: datetime
    unit_price: str
    customer_id: str
    country: str


@dataclass
class Mapped:
    tables: dict[str, list[dict[str, str]]]
    counts: Counter[str] = field(default_factory=Counter)


def open_text(path: Path) -> TextIO:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def parse_invoice_date(text: str) -> datetime:
    for date_format in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), date_format)
        except ValueError:
            continue
    raise ValueError(f"unreadable InvoiceDate {text!r}")


def customer_key(text: str) -> str | None:
    """'17850.0' or '17850' -> '17850'; empty -> None."""
    text = text.strip()
    return str(int(float(text))) if text else None


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def read_lines(rows: Iterable[dict[str, str]], counts: Counter[str]) -> Iterator[Line]:
    """Rows with a customer, numbered within their invoice; the others counted."""
    seen_in_invoice: Counter[str] = Counter()
    for row in rows:
        counts["rows_read"] += 1
        invoice = row["InvoiceNo"].strip()
        seen_in_invoice[invoice] += 1
        customer_id = customer_key(row["CustomerID"])
        if customer_id is None:
            counts["rows_without_customer"] += 1
            continue
        yield Line(
            invoice=invoice,
            line_number=seen_in_invoice[invoice],
            stock_code=row["StockCode"].strip().upper(),
            description=row["Description"].strip(),
            quantity=int(row["Quantity"]),
            invoiced_at=parse_invoice_date(row["InvoiceDate"]),
            unit_price=row["UnitPrice"].strip(),
            customer_id=customer_id,
            country=row["Country"].strip(),
        )


def account_rows(lines: list[Line], counts: Counter[str]) -> list[dict[str, str]]:
    """One account per customer; country and creation from its first row."""
    first: dict[str, Line] = {}
    for line in lines:
        if line.customer_id not in first or line.invoiced_at < first[line.customer_id].invoiced_at:
            first[line.customer_id] = line
    rows = []
    for customer_id, line in sorted(first.items()):
        if line.country not in COUNTRIES:
            counts["unknown_countries"] += 1
        country, region = COUNTRIES.get(line.country, ("ZZ", PLACEHOLDER))
        rows.append({
            "account_id": customer_id,
            "account_name": f"Customer {customer_id}",
            "segment": PLACEHOLDER,
            "industry": PLACEHOLDER,
            "region": region,
            "country": country,
            "customer_type": CUSTOMER_TYPE,
            "age_band": "",
            "owner_rep_id": "",
            "created_at": iso(line.invoiced_at),
            "churned_at": "",
            "is_deleted": "false",
            "_loaded_at": "",
        })  # fmt: skip
    return rows


def most_common(values: Iterable[str]) -> str | None:
    """The most frequent value; ties go to the smallest."""
    ranked = sorted(Counter(values).items(), key=lambda item: (-item[1], item[0]))
    return ranked[0][0] if ranked else None


def product_rows(lines: list[Line]) -> list[dict[str, str]]:
    """One product per stock code: its usual description and price."""
    by_code: dict[str, list[Line]] = {}
    for line in lines:
        by_code.setdefault(line.stock_code, []).append(line)
    rows = []
    for code, code_lines in sorted(by_code.items()):
        name = most_common(line.description for line in code_lines if line.description)
        price = most_common(line.unit_price for line in code_lines if float(line.unit_price) > 0)
        rows.append({
            "product_id": code,
            "product_name": name or code,
            "product_category": PRODUCT_CATEGORY,
            "list_price": price or "0",
            "currency": CURRENCY,
            "is_active": "true",
            "is_deleted": "false",
            "_loaded_at": "",
        })  # fmt: skip
    return rows


def order_rows(lines: list[Line]) -> list[dict[str, str]]:
    """One order per invoice, at its earliest line; C... invoices are cancelled."""
    first: dict[str, Line] = {}
    for line in lines:
        if line.invoice not in first or line.invoiced_at < first[line.invoice].invoiced_at:
            first[line.invoice] = line
    ordered = sorted(first.values(), key=lambda line: (line.invoiced_at, line.invoice))
    return [
        {
            "order_id": line.invoice,
            "account_id": line.customer_id,
            "ordered_at": iso(line.invoiced_at),
            "status": "cancelled" if line.invoice.startswith("C") else "completed",
            "currency": CURRENCY,
            "is_deleted": "false",
            "_loaded_at": "",
        }
        for line in ordered
    ]


def order_item_rows(lines: list[Line]) -> list[dict[str, str]]:
    """One line per row; a cancellation's negative quantity is made positive
    (the order's status says it was cancelled)."""
    return [
        {
            "order_item_id": f"{line.invoice}-{line.line_number}",
            "order_id": line.invoice,
            "product_id": line.stock_code,
            "quantity": str(abs(line.quantity) if line.invoice.startswith("C") else line.quantity),
            "unit_price": line.unit_price,
            "discount_amount": "",
            "is_deleted": "false",
            "_loaded_at": "",
        }
        for line in sorted(lines, key=lambda line: (line.invoice, line.line_number))
    ]


def map_rows(rows: Iterable[dict[str, str]]) -> Mapped:
    counts: Counter[str] = Counter()
    customer_lines = list(read_lines(rows, counts))
    product_lines = [line for line in customer_lines if PRODUCT_CODE.match(line.stock_code)]
    counts["non_product_rows"] = len(customer_lines) - len(product_lines)
    tables = {
        # every customer is an account, also one whose rows are all non-products
        "accounts": account_rows(customer_lines, counts),
        "products": product_rows(product_lines),
        "orders": order_rows(product_lines),
        "order_items": order_item_rows(product_lines),
    }
    return Mapped(tables, counts)


def write_tables(mapped: Mapped, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for table, rows in mapped.tables.items():
        with (out_dir / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[table], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def summary(mapped: Mapped) -> str:
    counts, tables = mapped.counts, mapped.tables
    cancelled = sum(1 for row in tables["orders"] if row["status"] == "cancelled")
    return "\n".join([
        f"rows read                 {counts['rows_read']:>9,}",
        f"  without a customer      {counts['rows_without_customer']:>9,}  (left out)",
        f"  non-product stock codes {counts['non_product_rows']:>9,}  (left out)",
        f"accounts                  {len(tables['accounts']):>9,}",
        f"products                  {len(tables['products']):>9,}",
        f"orders                    {len(tables['orders']):>9,}  ({cancelled:,} cancelled)",
        f"order lines               {len(tables['order_items']):>9,}",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="the UCI CSV, plain or .gz")
    parser.add_argument(
        "--out", type=Path, default=Path("data/uci_online_retail"),
        help="folder for the raw tables (default: data/uci_online_retail)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    with open_text(args.input) as handle:
        mapped = map_rows(csv.DictReader(handle))
    write_tables(mapped, args.out)
    print(summary(mapped))
    print(f"wrote {', '.join(f'{table}.csv' for table in COLUMNS)} to {args.out}")
    if mapped.counts["unknown_countries"]:
        print(f"note: {mapped.counts['unknown_countries']} account(s) with an unlisted country: ZZ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
