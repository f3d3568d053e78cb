"""Deterministic demo CRM data in the shape of the raw input contract.

`generate(out_dir, accounts=..., seed=..., bad_rows=...)` writes one CSV per
contract table. The same arguments always give the same bytes. With
`bad_rows=True` it appends rows that exercise every bad-input rule of the
contract and returns, per (table, reason), how many rejections to expect.

Purchase paths. Real customers do not pick their next product at random: a
base product is followed by its add-ons (a CRM by its upgrade and e-mail
tool, a help desk by live chat). NATURAL_NEXT writes that path for the
twelve demo products: one or two natural next products each. When an
account buys a product it does not own yet (its first purchase aside),
half the time (NATURAL_NEXT_SHARE) the product is one of the natural next
products of what it already owns; otherwise it is the uniformly drawn one.
That choice comes from a second random stream (`PurchasePaths`, seeded
from the seed), and it renames products consistently per account, so the
main stream draws exactly what it drew before the paths existed: row
counts, ids, dates, statuses and the bad-row cases do not depend on the
paths; only product ids (and what follows from them: unit prices,
discounts, usage rows' products) do.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from crosssell.contract import column_names
from harness.bad_rows import load_cases

# table -> column names, from the raw contract (models/staging/crm/_crm__sources.yml)
COLUMNS: dict[str, list[str]] = column_names()

START = datetime(2023, 1, 1)
END = datetime(2025, 12, 31, 18, 0, 0)
SEGMENTS = ["smb", "mid_market", "enterprise", "consumer"]
INDUSTRIES = [
    "retail",
    "financial_services",
    "telecommunications",
    "software",
    "healthcare",
    "manufacturing",
]
REGIONS = {"emea": ["DE", "FR", "GB", "NL"], "amer": ["US", "CA", "BR"], "apac": ["AU", "JP", "SG"]}
AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
REGION_CURRENCIES = {"emea": ["EUR", "EUR", "GBP"], "amer": ["USD"], "apac": ["USD"]}
PRODUCTS = [
    ("P01", "Core CRM", "platform", 1200),
    ("P02", "CRM Plus", "platform", 2400),
    ("P03", "Email Studio", "marketing", 600),
    ("P04", "SMS Gateway", "marketing", 300),
    ("P05", "Ad Manager", "marketing", 900),
    ("P06", "Help Desk", "service", 800),
    ("P07", "Live Chat", "service", 400),
    ("P08", "Field Service", "service", 1500),
    ("P09", "BI Dashboards", "analytics", 1000),
    ("P10", "Forecasting", "analytics", 1300),
    ("P11", "Data Export", "analytics", 200),
    ("P12", "Payments", "commerce", 700),
]
PRICES = {product[0]: product[3] for product in PRODUCTS}
PRODUCT_IDS = [product[0] for product in PRODUCTS]
# product -> the products its customers tend to buy next (the purchase path)
NATURAL_NEXT: dict[str, tuple[str, ...]] = {
    "P01": ("P02", "P03"),  # Core CRM -> CRM Plus, Email Studio
    "P02": ("P09", "P06"),  # CRM Plus -> BI Dashboards, Help Desk
    "P03": ("P04", "P05"),  # Email Studio -> SMS Gateway, Ad Manager
    "P04": ("P03",),  # SMS Gateway -> Email Studio
    "P05": ("P09",),  # Ad Manager -> BI Dashboards
    "P06": ("P07", "P08"),  # Help Desk -> Live Chat, Field Service
    "P07": ("P06",),  # Live Chat -> Help Desk
    "P08": ("P12",),  # Field Service -> Payments
    "P09": ("P10",),  # BI Dashboards -> Forecasting
    "P10": ("P09",),  # Forecasting -> BI Dashboards
    "P11": ("P09",),  # Data Export -> BI Dashboards
    "P12": ("P01",),  # Payments -> Core CRM
}
NATURAL_NEXT_SHARE = 0.5
OPEN_STAGES = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Engaging"]
WON_STAGES = ["Closed Won", "Won", "closed won"]
LOST_STAGES = ["Closed Lost", "Lost"]
DECLARED_TYPES = ["new_business", "cross_sell", "upsell", "renewal", "expansion", None]
CHANNELS = ["email", "sms", "in_app", "webinar"]
INTERACTION_CHANNELS = ["phone", "chat", "email", "in_person"]


def ts(moment: datetime | None) -> str:
    return "" if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class Tables:
    rows: dict[str, list[list[object]]] = field(
        default_factory=lambda: {name: [] for name in COLUMNS}
    )
    expected_rejections: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, table: str, **values: object) -> None:
        unknown = set(values) - set(COLUMNS[table])
        if unknown:
            raise ValueError(f"{table}: unknown columns {sorted(unknown)}")
        self.rows[table].append([values.get(column, "") for column in COLUMNS[table]])

    def reject(self, table: str, reason: str, **values: object) -> None:
        self.add(table, **values)
        self.expected_rejections[(table, reason)] += 1


def _random_moment(rng: random.Random, start: datetime, end: datetime) -> datetime:
    span = max(int((end - start).total_seconds()), 1)
    moment = start + timedelta(seconds=rng.randrange(span))
    return moment.replace(microsecond=0)


def _loaded(moment: datetime) -> str:
    return ts(moment + timedelta(days=1))


def _reps(rng: random.Random, tables: Tables, count: int) -> list[str]:
    rep_ids = []
    for number in range(1, count + 1):
        rep_id = f"R{number:05d}"
        hired = _random_moment(rng, datetime(2019, 1, 1), datetime(2024, 6, 1))
        left = None
        if rng.random() < 0.15:
            left = _random_moment(rng, max(hired, START), END)
        region = rng.choice(list(REGIONS))
        tables.add(
            "sales_reps",
            rep_id=rep_id,
            rep_name=f"Rep {number}",
            team=f"{region}_{rng.choice(['hunters', 'farmers', 'inside'])}",
            region=region,
            role="sales" if rng.random() < 0.8 else "service",
            hired_at=ts(hired),
            left_at=ts(left),
            is_deleted="false",
            _loaded_at=_loaded(END),
        )
        rep_ids.append(rep_id)
    return rep_ids


def _products(tables: Tables) -> None:
    for product_id, name, category, price in PRODUCTS:
        currency = "EUR" if product_id in ("P04", "P11") else "USD"
        tables.add(
            "products",
            product_id=product_id,
            product_name=name,
            product_category=category,
            list_price=price,
            currency=currency,
            is_active="false" if product_id == "P11" else "true",
            is_deleted="false",
            _loaded_at=_loaded(START),
        )


def _campaigns(rng: random.Random, tables: Tables) -> list[tuple[str, datetime]]:
    campaigns = []
    for number in range(1, 13):
        started = _random_moment(rng, START, datetime(2025, 10, 1))
        campaign_id = f"C{number:03d}"
        tables.add(
            "campaigns",
            campaign_id=campaign_id,
            campaign_name=f"Campaign {number}",
            channel=rng.choice(CHANNELS),
            started_at=ts(started),
            ended_at=ts(started + timedelta(days=45)),
            is_deleted="false",
            _loaded_at=_loaded(started),
        )
        campaigns.append((campaign_id, started))
    return campaigns


class PurchasePaths:
    """The product an account gets for each product id the main stream draws.

    The main stream keeps drawing as if products were uniform; the first
    time it draws a product id for an account, this maps the id to the
    product the account really buys: with probability NATURAL_NEXT_SHARE a
    natural next product of one it owns (NATURAL_NEXT), else the drawn id
    (or, if that one is already mapped, a uniform pick among the unmapped).
    The mapping is one-to-one, so owning, repeating and counting products
    give the main stream the same answers as without paths.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.products: dict[str, str] = {}

    def product(self, drawn: str, owned: list[str]) -> str:
        """The product bought for the drawn id, given the products owned."""
        if drawn not in self.products:
            self.products[drawn] = self._assign(drawn, owned)
        return self.products[drawn]

    def _assign(self, drawn: str, owned: list[str]) -> str:
        taken = set(self.products.values())
        following = sorted({nxt for have in owned for nxt in NATURAL_NEXT[have]} - taken)
        if following and self.rng.random() < NATURAL_NEXT_SHARE:
            return self.rng.choice(following)
        if drawn not in taken:
            return drawn
        return self.rng.choice([product for product in PRODUCT_IDS if product not in taken])


@dataclass
class Counters:
    order: int = 0
    item: int = 0
    opportunity: int = 0
    interaction: int = 0
    response: int = 0
    implementation: int = 0

    def next(self, name: str) -> int:
        value = getattr(self, name) + 1
        setattr(self, name, value)
        return value


def _orders_for_account(
    rng: random.Random,
    tables: Tables,
    counters: Counters,
    account_id: str,
    currency: str,
    first_at: datetime,
    last_at: datetime,
    paths: PurchasePaths,
    orders_factor: int = 1,
) -> dict[str, datetime]:
    """Orders of one customer; returns product -> first completed purchase.

    `orders_factor` draws the number of repeat orders that many times (a
    longer, denser history per customer; 1 gives the demo data). `owned`
    holds the ids the main stream drew; `paths` turns them into the
    products bought. The result is ordered by drawn id, so the engagement
    rows that follow consume the main stream in the same order.
    """
    owned: dict[str, datetime] = {}
    moments = [first_at]
    for _ in range(orders_factor):
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 4, 6])):
            moments.append(_random_moment(rng, first_at, last_at))
    if rng.random() < 0.05:
        moments.append(moments[-1])  # two orders at the same timestamp
    moments.sort()
    for index, moment in enumerate(moments):
        status = "completed"
        if index > 0:
            status = rng.choices(["completed", "pending", "cancelled", "refunded"], [90, 4, 4, 2])[
                0
            ]
        order_id = f"O{counters.next('order'):08d}"
        tables.add(
            "orders",
            order_id=order_id,
            account_id=account_id,
            ordered_at=ts(moment),
            status=status,
            currency=currency,
            is_deleted="false",
            _loaded_at=_loaded(moment),
        )
        for _ in range(rng.choice([1, 1, 2, 3])):
            if owned and rng.random() < 0.75:
                drawn = rng.choice(sorted(owned))  # a repeat purchase
            else:
                drawn = rng.choice(PRODUCTS)[0]
            product = paths.product(drawn, [paths.products[have] for have in owned])
            price = PRICES[product]
            quantity = rng.choice([1, 1, 1, 2, 3, 5])
            discount = rng.choice(["", "", "0", str(round(price * 0.1, 2))])
            tables.add(
                "order_items",
                order_item_id=f"I{counters.next('item'):09d}",
                order_id=order_id,
                product_id=product,
                quantity=quantity,
                unit_price=price,
                discount_amount=discount,
                is_deleted="false",
                _loaded_at=_loaded(moment),
            )
            if status == "completed" and drawn not in owned:
                owned[drawn] = moment
    return {paths.products[drawn]: since for drawn, since in sorted(owned.items())}


def _pipeline_for_account(
    rng: random.Random,
    tables: Tables,
    counters: Counters,
    account_id: str,
    currency: str,
    rep_id: str,
    created: datetime,
    campaigns: list[tuple[str, datetime]],
) -> None:
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        opened = _random_moment(rng, created, END - timedelta(days=10))
        outcome = rng.choices(["open", "won", "lost"], [25, 45, 30])[0]
        stage = {"open": OPEN_STAGES, "won": WON_STAGES, "lost": LOST_STAGES}[outcome]
        closed = None
        if outcome != "open":
            closed = min(opened + timedelta(days=rng.randint(0, 120)), END)
        qualified = None
        if outcome != "open" or rng.random() < 0.4:
            qualified = opened + timedelta(days=rng.randint(0, 10))
            if closed is not None:
                qualified = min(qualified, closed)
        opportunity_id = f"OP{counters.next('opportunity'):08d}"
        amount = "" if rng.random() < 0.15 else rng.choice([500, 1200, 2500, 4000, 9000])
        campaign_id = rng.choice(campaigns)[0] if rng.random() < 0.3 else ""
        tables.add(
            "opportunities",
            opportunity_id=opportunity_id,
            account_id=account_id,
            owner_rep_id=rep_id,
            product_id=rng.choice(PRODUCTS)[0] if rng.random() < 0.9 else "",
            campaign_id=campaign_id,
            declared_type=rng.choice(DECLARED_TYPES) or "",
            stage=rng.choice(stage),
            amount=amount,
            currency=currency,
            created_at=ts(opened),
            qualified_at=ts(qualified),
            closed_at=ts(closed),
            is_deleted="false",
            _loaded_at=_loaded(closed or opened),
        )
        if outcome == "won" and rng.random() < 0.7:
            status = rng.choices(["in_progress", "succeeded", "failed"], [20, 60, 20])[0]
            assert closed is not None
            ended = (
                None
                if status == "in_progress"
                else min(closed + timedelta(days=rng.randint(5, 60)), END)
            )
            tables.add(
                "implementations",
                implementation_id=f"IM{counters.next('implementation'):08d}",
                opportunity_id=opportunity_id,
                status=status,
                started_at=ts(closed),
                ended_at=ts(ended),
                is_deleted="false",
                _loaded_at=_loaded(ended or closed),
            )
        for _ in range(rng.choice([0, 1, 2])):
            occurred = _random_moment(rng, opened, END)
            tables.add(
                "interactions",
                interaction_id=f"IN{counters.next('interaction'):08d}",
                account_id=account_id,
                rep_id=rep_id,
                occurred_at=ts(occurred),
                channel=rng.choice(INTERACTION_CHANNELS),
                interaction_type=rng.choice(["sales", "service"]),
                opportunity_id=opportunity_id,
                is_deleted="false",
                _loaded_at=_loaded(occurred),
            )


def _engagement_for_customer(
    rng: random.Random,
    tables: Tables,
    counters: Counters,
    account_id: str,
    rep_id: str,
    owned: dict[str, datetime],
    last_at: datetime,
) -> None:
    for product, since in owned.items():  # in the order _orders_for_account gives
        month = datetime(since.year, since.month, 1)
        while month < last_at:
            if rng.random() < 0.5:
                day = month + timedelta(days=rng.randint(0, 27))
                tables.add(
                    "product_usage",
                    account_id=account_id,
                    product_id=product,
                    usage_date=day.strftime("%Y-%m-%d"),
                    usage_count=rng.choice([0, 1, 3, 8, 20, 55]),
                    _loaded_at=_loaded(day),
                )
            month = (month + timedelta(days=32)).replace(day=1)
    for _ in range(rng.choice([0, 1, 1, 2])):
        responded = _random_moment(rng, min(owned.values()), last_at)
        survey_type = rng.choice(["csat", "nps"])
        if survey_type == "csat":
            score = rng.choices(range(1, 6), [5, 10, 20, 35, 30])[0]
        else:
            score = rng.choices(range(11), [2, 1, 2, 2, 3, 4, 6, 12, 18, 25, 25])[0]
        tables.add(
            "survey_responses",
            response_id=f"S{counters.next('response'):08d}",
            account_id=account_id,
            survey_type=survey_type,
            score=score,
            responded_at=ts(responded),
            is_deleted="false",
            _loaded_at=_loaded(responded),
        )
    for _ in range(rng.choice([0, 1, 2])):
        occurred = _random_moment(rng, min(owned.values()), last_at)
        tables.add(
            "interactions",
            interaction_id=f"IN{counters.next('interaction'):08d}",
            account_id=account_id,
            rep_id=rep_id,
            occurred_at=ts(occurred),
            channel=rng.choice(INTERACTION_CHANNELS),
            interaction_type="service",
            opportunity_id="",
            is_deleted="false",
            _loaded_at=_loaded(occurred),
        )


def build_tables(
    accounts: int = 3000, seed: int = 42, bad_rows: bool = False, orders_factor: int = 1
) -> Tables:
    rng = random.Random(seed)
    path_rng = random.Random(f"{seed}-purchase-paths")
    tables = Tables()
    counters = Counters()
    rep_ids = _reps(rng, tables, max(12, accounts // 150))
    _products(tables)
    campaigns = _campaigns(rng, tables)
    for number in range(1, accounts + 1):
        account_id = f"A{number:07d}"
        segment = rng.choices(SEGMENTS, [35, 25, 15, 25])[0]
        customer_type = "b2c" if segment == "consumer" else "b2b"
        region = rng.choice(list(REGIONS))
        created = _random_moment(rng, datetime(2022, 10, 1), datetime(2025, 11, 1))
        rep_id = rng.choice(rep_ids)
        currency = rng.choice(REGION_CURRENCIES[region])
        churned = None
        owned: dict[str, datetime] = {}
        if rng.random() < 0.85:
            first_at = max(created, START) + timedelta(
                days=rng.randint(0, 30), seconds=rng.randint(0, 86399)
            )
            first_at = min(first_at, END - timedelta(days=1))
            last_at = END
            if rng.random() < 0.15:
                churned = _random_moment(
                    rng, first_at + timedelta(days=30), END + timedelta(days=30)
                )
                churned = min(churned, END)
                last_at = churned
            owned = _orders_for_account(
                rng,
                tables,
                counters,
                account_id,
                currency,
                first_at,
                max(last_at, first_at),
                PurchasePaths(path_rng),
                orders_factor,
            )
        tables.add(
            "accounts",
            account_id=account_id,
            account_name=f"Account {number}",
            segment=segment,
            industry=rng.choice(INDUSTRIES),
            region=region,
            country=rng.choice(REGIONS[region]),
            customer_type=customer_type,
            age_band=rng.choice(AGE_BANDS) if customer_type == "b2c" else "",
            owner_rep_id=rep_id,
            created_at=ts(created),
            churned_at=ts(churned),
            is_deleted="false",
            _loaded_at=_loaded(created),
        )
        if rng.random() < 0.25:
            campaign_id, started = rng.choice(campaigns)
            tables.add(
                "campaign_members",
                campaign_id=campaign_id,
                account_id=account_id,
                added_at=ts(started + timedelta(days=rng.randint(0, 20))),
                is_deleted="false",
                _loaded_at=_loaded(started),
            )
        _pipeline_for_account(
            rng, tables, counters, account_id, currency, rep_id, max(created, START), campaigns
        )
        if owned:
            _engagement_for_customer(
                rng, tables, counters, account_id, rep_id, owned, churned or END
            )
    if bad_rows:
        add_bad_rows(tables)
    return tables


def add_bad_rows(tables: Tables) -> None:
    """Append a row for every bad-input case of harness/bad_rows.yml, in its order."""
    for case in load_cases():
        if case.rejected:
            tables.reject(case.table, case.outcome, **case.values)
        else:
            tables.add(case.table, **case.values)


def write_tables(tables: Tables, out_dir: Path) -> dict[str, int]:
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, columns in COLUMNS.items():
        with (out_dir / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(tables.rows[table])
        counts[table] = len(tables.rows[table])
    return counts


def generate(
    out_dir: Path,
    accounts: int = 3000,
    seed: int = 42,
    bad_rows: bool = False,
    orders_factor: int = 1,
) -> Tables:
    tables = build_tables(
        accounts=accounts, seed=seed, bad_rows=bad_rows, orders_factor=orders_factor
    )
    write_tables(tables, out_dir)
    return tables


def next_day_tables(accounts: int, seed: int, day: date, late_days: int = 2) -> Tables:
    """One more day of activity after the demo history, as a daily load brings it.

    About 1 % of the accounts order on `day`, 0.2 % send an order dated up to
    `late_days` days earlier (late-arriving rows), 2 % report usage and
    0.5 % have an interaction. Every row is loaded the day after `day`.
    Ids carry the day, so they never collide with the history's ids.
    Products are drawn uniformly here: a day's orders follow no purchase path.
    """
    rng = random.Random(f"{seed}-{day.isoformat()}")
    tables = Tables()
    start = datetime(day.year, day.month, day.day)
    loaded = ts(start + timedelta(days=1))
    tag = day.strftime("%Y%m%d")
    ordering = rng.sample(range(1, accounts + 1), max(1, accounts // 100))
    late = rng.sample(range(1, accounts + 1), max(1, accounts // 500))
    for index, number in enumerate(ordering + late):
        moment = _random_moment(rng, start, start + timedelta(days=1))
        if index >= len(ordering):
            moment -= timedelta(days=rng.randint(1, late_days))
        order_id = f"O{tag}-{index:06d}"
        tables.add(
            "orders",
            order_id=order_id,
            account_id=f"A{number:07d}",
            ordered_at=ts(moment),
            status="completed",
            currency="USD",
            is_deleted="false",
            _loaded_at=loaded,
        )
        for line in range(rng.choice([1, 1, 2, 3])):
            product = rng.choice(PRODUCTS)[0]
            tables.add(
                "order_items",
                order_item_id=f"I{tag}-{index:06d}-{line}",
                order_id=order_id,
                product_id=product,
                quantity=rng.choice([1, 1, 2]),
                unit_price=PRICES[product],
                discount_amount="",
                is_deleted="false",
                _loaded_at=loaded,
            )
    for number in rng.sample(range(1, accounts + 1), max(1, accounts // 50)):
        tables.add(
            "product_usage",
            account_id=f"A{number:07d}",
            product_id=rng.choice(PRODUCTS)[0],
            usage_date=day.isoformat(),
            usage_count=rng.choice([1, 3, 8, 20]),
            _loaded_at=loaded,
        )
    for index, number in enumerate(rng.sample(range(1, accounts + 1), max(1, accounts // 200))):
        tables.add(
            "interactions",
            interaction_id=f"IN{tag}-{index:06d}",
            account_id=f"A{number:07d}",
            rep_id="",
            occurred_at=ts(_random_moment(rng, start, start + timedelta(days=1))),
            channel=rng.choice(INTERACTION_CHANNELS),
            interaction_type="service",
            opportunity_id="",
            is_deleted="false",
            _loaded_at=loaded,
        )
    return tables


def append_tables(tables: Tables, out_dir: Path) -> dict[str, int]:
    """Append rows to the CSV files a generator run wrote (a daily load)."""
    counts = {}
    for table, rows in tables.rows.items():
        if not rows:
            continue
        with (out_dir / f"{table}.csv").open("a", newline="", encoding="utf-8") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
        counts[table] = len(rows)
    return counts
