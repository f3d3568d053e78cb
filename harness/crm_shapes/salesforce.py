"""The demo CRM as Fivetran's Salesforce connector lands it.

write_salesforce(tables, out_dir) writes the generator's Tables as Salesforce
objects (snake_case tables and columns, a few extra columns as real landings
have), plus product_usage, survey_responses and implementations in contract
shape. Built with crm_source salesforce and EQUIVALENCE_VARS, it gives the
same kpi_scorecard as the contract-shaped files (the demo's orders do not
depend on its opportunities, so they round-trip as Salesforce orders).

add_salesforce_bad_rows(landing) appends bad rows in Salesforce's own shape
and returns the rejections to expect, by (contract table, reason).

write_salesforce_fixture(out_dir) writes a tiny hand-made landing whose
tables have exactly the columns of Fivetran's own sample landings.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

from harness.crm_shapes.salesforce_columns import FIVETRAN_COLUMNS
from harness.generator import COLUMNS, REGIONS, Tables, build_tables

Row = dict[str, object]
Landing = dict[str, list[Row]]

# tables kept in contract shape beside the Salesforce objects
CONTRACT_TABLES = ("product_usage", "survey_responses", "implementations")
# vars of the equivalence build: purchases are orders, churn date and age
# band are custom fields (segment and region are derived)
EQUIVALENCE_VARS: dict[str, object] = {
    "crm_source": "salesforce",
    "salesforce_purchases": "orders",
    "salesforce_account_churned_at_field": "churn_date_c",
    "salesforce_account_age_band_field": "age_band_c",
    "salesforce_order_item_discount_field": "discount_amount_c",
}
COUNTRY_NAMES = {
    "DE": "Germany",
    "FR": "France",
    "GB": "United Kingdom",
    "NL": "Netherlands",
    "US": "United States",
    "CA": "Canada",
    "BR": "Brazil",
    "AU": "Australia",
    "JP": "Japan",
    "SG": "Singapore",
}
# a head count inside each segment's band of the salesforce_employee_segments seed
EMPLOYEES = {"smb": 40, "mid_market": 400, "enterprise": 4000}
ORDER_STATUSES = {
    "completed": ("Activated", "Activated"),
    "pending": ("Draft", "Draft"),
    "cancelled": ("Cancelled", "Draft"),
    "refunded": ("Refunded", "Activated"),
}
OPPORTUNITY_TYPES = {
    "new_business": "New Business",
    "cross_sell": "Cross-Sell",
    "upsell": "Existing Customer - Upgrade",
    "renewal": "Renewal",
    "expansion": "Expansion",
}
CAMPAIGN_TYPES = {"email": "Email", "sms": "SMS", "in_app": "In-App", "webinar": "Webinar"}
ACTIVITY_TYPES = {
    ("phone", "sales"): "Call",
    ("email", "sales"): "Email",
    ("chat", "sales"): "Chat",
    ("in_person", "sales"): "Meeting",
    ("phone", "service"): "Support Call",
    ("email", "service"): "Support Email",
    ("chat", "service"): "Support Chat",
    ("in_person", "service"): "Onsite Support",
}
WON_STAGES = {"closed won", "won"}
LOST_STAGES = {"closed lost", "lost"}
STANDARD_PRICEBOOK = "01s000000000STDAAA"
PARTNER_PRICEBOOK = "01s000000000PRTAAA"


def records(tables: Tables, table: str) -> list[dict[str, str]]:
    """The generator's rows of one contract table as {column: text}."""
    return [
        {column: str(value) for column, value in zip(COLUMNS[table], row, strict=True)}
        for row in tables.rows[table]
    ]


def _day(moment: str) -> str:
    return moment[:10]


def _plus(moment: str, **delta: float) -> str:
    shifted = datetime.strptime(moment, "%Y-%m-%d %H:%M:%S") + timedelta(**delta)
    return shifted.strftime("%Y-%m-%d %H:%M:%S")


def _synced(row: dict[str, str]) -> Row:
    return {"is_deleted": row["is_deleted"], "_fivetran_synced": row["_loaded_at"]}


def _accounts(tables: Tables) -> list[Row]:
    landed: list[Row] = []
    for number, row in enumerate(records(tables, "accounts"), start=1):
        person = row["customer_type"] == "b2c"
        landed.append(
            {
                "id": row["account_id"],
                "name": row["account_name"],
                "industry": row["industry"],
                "billing_country": COUNTRY_NAMES[row["country"]],
                "billing_country_code": row["country"],
                "number_of_employees": "" if person else EMPLOYEES[row["segment"]],
                "owner_id": row["owner_rep_id"],
                "created_date": row["created_at"],
                "is_person_account": "true" if person else "false",
                "churn_date_c": row["churned_at"],
                "age_band_c": row["age_band"],
                "account_number": f"AN-{number:06d}",
                "type": "Customer - Direct",
                "rating": "Warm",
                "website": f"www.account{number}.example",
                **_synced(row),
            }
        )
    return landed


def _products(tables: Tables) -> tuple[list[Row], list[Row]]:
    products: list[Row] = []
    entries: list[Row] = []
    for number, row in enumerate(records(tables, "products"), start=1):
        products.append(
            {
                "id": row["product_id"],
                "name": row["product_name"],
                "family": row["product_category"],
                "is_active": row["is_active"],
                "product_code": f"SKU-{number:03d}",
                "description": f"{row['product_name']} licence",
                **_synced(row),
            }
        )
        entry: Row = {
            "pricebook_2_id": STANDARD_PRICEBOOK,
            "product_2_id": row["product_id"],
            "unit_price": row["list_price"],
            "is_active": "true",
            "use_standard_price": "false",
            "created_date": "2022-06-01 09:00:00",
            "currency_iso_code": row["currency"],
            "product_code": f"SKU-{number:03d}",
            **_synced(row),
        }
        entries.append({"id": f"01u{number:04d}STD", **entry})
        if number % 3 == 0:  # a partner price book, added later: not the list price
            partner_price = float(row["list_price"]) * 0.8
            entries.append(
                {
                    **entry,
                    "id": f"01u{number:04d}PRT",
                    "pricebook_2_id": PARTNER_PRICEBOOK,
                    "unit_price": f"{partner_price:.2f}",
                    "created_date": "2023-03-01 09:00:00",
                }
            )
    return products, entries


def _orders(tables: Tables) -> tuple[list[Row], list[Row]]:
    orders: list[Row] = []
    for number, row in enumerate(records(tables, "orders"), start=1):
        status, status_code = ORDER_STATUSES[row["status"]]
        orders.append(
            {
                "id": row["order_id"],
                "account_id": row["account_id"],
                "status": status,
                "status_code": status_code,
                "activated_date": row["ordered_at"] if status_code == "Activated" else "",
                "created_date": row["ordered_at"],
                "effective_date": _day(row["ordered_at"]),
                "currency_iso_code": row["currency"],
                "order_number": f"{number:08d}",
                "pricebook_2_id": STANDARD_PRICEBOOK,
                "type": "New",
                **_synced(row),
            }
        )
    items: list[Row] = []
    for number, row in enumerate(records(tables, "order_items"), start=1):
        items.append(
            {
                "id": row["order_item_id"],
                "order_id": row["order_id"],
                "product_2_id": row["product_id"],
                "quantity": row["quantity"],
                "unit_price": row["unit_price"],
                "list_price": row["unit_price"],
                "discount_amount_c": row["discount_amount"],
                "order_item_number": f"{number:010d}",
                **_synced(row),
            }
        )
    return orders, items


def _opportunity_history(
    row: dict[str, str], closing_stage: str | None, counter: list[int]
) -> list[Row]:
    """OpportunityHistory rows: created, qualified, closed (ids in time order)."""
    changes = [("Prospecting", row["created_at"])]
    if row["qualified_at"]:
        changes.append(("Qualification", row["qualified_at"]))
    if closing_stage is not None:
        changes.append((closing_stage, row["closed_at"]))
    history: list[Row] = []
    for stage, moment in changes:
        counter[0] += 1
        history.append(
            {
                "id": f"008{counter[0]:09d}",
                "opportunity_id": row["opportunity_id"],
                "stage_name": stage,
                "created_date": moment,
                "amount": row["amount"],
                "is_deleted": "false",
                "_fivetran_synced": row["_loaded_at"],
            }
        )
    return history


def _opportunities(tables: Tables) -> tuple[list[Row], list[Row], list[Row]]:
    prices = {row["product_id"]: row["list_price"] for row in records(tables, "products")}
    product_ids = sorted(prices)
    opportunities: list[Row] = []
    line_items: list[Row] = []
    history: list[Row] = []
    counter = [0]
    for number, row in enumerate(records(tables, "opportunities"), start=1):
        stage = row["stage"].strip().lower()
        won, lost = stage in WON_STAGES, stage in LOST_STAGES
        closing_stage = "Closed Won" if won else "Closed Lost" if lost else None
        forecast = _day(_plus(row["created_at"], days=45))
        opportunities.append(
            {
                "id": row["opportunity_id"],
                "account_id": row["account_id"],
                "owner_id": row["owner_rep_id"],
                "campaign_id": row["campaign_id"],
                "type": OPPORTUNITY_TYPES.get(row["declared_type"], ""),
                "stage_name": closing_stage or row["stage"],
                "is_closed": "true" if closing_stage else "false",
                "is_won": "true" if won else "false",
                "amount": row["amount"],
                "close_date": _day(row["closed_at"]) if closing_stage else forecast,
                "created_date": row["created_at"],
                "currency_iso_code": row["currency"],
                "name": f"Deal {number}",
                "probability": "100" if won else "0" if lost else "40",
                "forecast_category": "Closed" if won else "Omitted" if lost else "Pipeline",
                **_synced(row),
            }
        )
        history += _opportunity_history(row, closing_stage, counter)
        if not row["product_id"]:
            continue
        price = row["amount"] or prices[row["product_id"]]
        line = {
            "opportunity_id": row["opportunity_id"],
            "quantity": "1",
            "discount": "0" if number % 2 else "10",
            "pricebook_entry_id": "",
            **_synced(row),
        }
        main = {"id": f"00k{number:09d}", "product_2_id": row["product_id"], "unit_price": price}
        line_items.append({**line, **main})
        if number % 5 == 0:  # a token second line: the first stays the deal's product
            other = product_ids[(product_ids.index(row["product_id"]) + 1) % len(product_ids)]
            line_items.append(
                {**line, "id": f"00k{number:09d}X", "product_2_id": other, "unit_price": "1"}
            )
    return opportunities, line_items, history


def _reps(tables: Tables) -> tuple[list[Row], list[Row]]:
    users: list[Row] = []
    roles: dict[str, Row] = {}
    for row in records(tables, "sales_reps"):
        role_id = f"00E{row['team']}"
        roles.setdefault(
            role_id,
            {
                "id": role_id,
                "name": row["team"],
                "developer_name": row["team"].title().replace("_", ""),
                "rollup_description": row["team"],
                "_fivetran_deleted": "false",
                "_fivetran_synced": row["_loaded_at"],
            },
        )
        country = REGIONS[row["region"]][0]
        users.append(
            {
                "id": row["rep_id"],
                "name": row["rep_name"],
                "department": "Sales" if row["role"] == "sales" else "Customer Support",
                "country": COUNTRY_NAMES[country],
                "country_code": country,
                "user_role_id": role_id,
                "is_active": "false" if row["left_at"] else "true",
                "created_date": row["hired_at"],
                "last_modified_date": row["left_at"] or row["hired_at"],
                "alias": row["rep_id"].lower(),
                "user_type": "Standard",
                "title": "Account Executive",
                "_fivetran_deleted": row["is_deleted"],
                "_fivetran_synced": row["_loaded_at"],
            }
        )
    return users, list(roles.values())


def _campaigns(tables: Tables) -> Landing:
    campaigns: list[Row] = [
        {
            "id": row["campaign_id"],
            "name": row["campaign_name"],
            "type": CAMPAIGN_TYPES[row["channel"]],
            "start_date": _day(row["started_at"]),
            "end_date": _day(row["ended_at"]) if row["ended_at"] else "",
            "created_date": row["started_at"],
            "status": "Completed",
            "is_active": "false",
            **_synced(row),
        }
        for row in records(tables, "campaigns")
    ]
    members: list[Row] = []
    contacts: dict[str, Row] = {}
    leads: list[Row] = []
    for number, row in enumerate(records(tables, "campaign_members"), start=1):
        member: Row = {
            "id": f"00v{number:09d}",
            "campaign_id": row["campaign_id"],
            "created_date": row["added_at"],
            "status": "Sent",
            "has_responded": "false",
            **_synced(row),
        }
        account = row["account_id"]
        if number % 4 == 0:  # a lead since converted into the account
            lead_id = f"00Q{number:09d}"
            leads.append(
                {
                    "id": lead_id,
                    "is_converted": "true",
                    "converted_account_id": account,
                    "status": "Closed - Converted",
                    "is_deleted": "false",
                    "_fivetran_synced": row["_loaded_at"],
                }
            )
            members.append({**member, "lead_id": lead_id})
            continue
        contact_id = f"003{account}"
        contacts[contact_id] = {
            "id": contact_id,
            "account_id": account,
            "title": "Buyer",
            "is_deleted": "false",
            "_fivetran_synced": row["_loaded_at"],
        }
        members.append({**member, "contact_id": contact_id})
        if number % 5 == 0:  # a colleague added later: the account's added_at stays
            colleague = f"003{account}B"
            contacts[colleague] = {**contacts[contact_id], "id": colleague}
            members.append(
                {
                    **member,
                    "id": f"00v{number:09d}B",
                    "contact_id": colleague,
                    "created_date": _plus(row["added_at"], days=3),
                }
            )
    return {
        "campaign": campaigns,
        "campaign_member": members,
        "contact": list(contacts.values()),
        "lead": leads,
    }


def _activities(tables: Tables) -> tuple[list[Row], list[Row]]:
    tasks: list[Row] = []
    events: list[Row] = []
    for row in records(tables, "interactions"):
        kind = ACTIVITY_TYPES[(row["channel"], row["interaction_type"].strip().lower())]
        common: Row = {
            "id": row["interaction_id"],
            "account_id": row["account_id"],
            "owner_id": row["rep_id"],
            "what_id": row["opportunity_id"] or row["account_id"],
            "type": kind,
            "created_date": row["occurred_at"],
            "activity_date": _day(row["occurred_at"]),
            "subject": kind,
            **_synced(row),
        }
        if row["channel"] == "in_person":
            events.append(
                {
                    **common,
                    "start_date_time": row["occurred_at"],
                    "end_date_time": _plus(row["occurred_at"], hours=1),
                    "duration_in_minutes": "60",
                    "event_subtype": "Event",
                }
            )
        else:
            subtype = {"phone": "Call", "email": "Email"}.get(row["channel"], "Task")
            tasks.append(
                {
                    **common,
                    "completed_date_time": row["occurred_at"],
                    "task_subtype": subtype,
                    "status": "Completed",
                    "is_closed": "true",
                }
            )
    return tasks, events


def salesforce_landing(tables: Tables) -> Landing:
    """The demo CRM as Salesforce objects (rows as {column: value})."""
    products, entries = _products(tables)
    orders, order_items = _orders(tables)
    opportunities, line_items, history = _opportunities(tables)
    users, roles = _reps(tables)
    tasks, events = _activities(tables)
    return {
        "account": _accounts(tables),
        "product_2": products,
        "pricebook_entry": entries,
        "order": orders,
        "order_item": order_items,
        "opportunity": opportunities,
        "opportunity_line_item": line_items,
        "opportunity_history": history,
        "user": users,
        "user_role": roles,
        **_campaigns(tables),
        "task": tasks,
        "event": events,
    }


def write_landing(
    landing: Landing, out_dir: Path, columns: dict[str, tuple[str, ...]] | None = None
) -> None:
    """One CSV per table; the header is every column any row has (or `columns`)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for table, rows in landing.items():
        header = list((columns or {}).get(table, []))
        for row in rows:
            header += [column for column in row if column not in header]
        with (out_dir / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def write_contract_tables(tables: Tables, out_dir: Path) -> None:
    """product_usage, survey_responses and implementations, in contract shape."""
    for table in CONTRACT_TABLES:
        with (out_dir / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(COLUMNS[table])
            writer.writerows(tables.rows[table])


def write_salesforce(tables: Tables, out_dir: Path, landing: Landing | None = None) -> Landing:
    """Write the demo in Salesforce's shape (or `landing`, e.g. with bad rows)."""
    landing = landing if landing is not None else salesforce_landing(tables)
    write_landing(landing, out_dir)
    write_contract_tables(tables, out_dir)
    return landing


def _first(rows: list[Row], **match: str) -> Row:
    return next(row for row in rows if all(row.get(k) == v for k, v in match.items()))


def add_salesforce_bad_rows(landing: Landing) -> Counter[tuple[str, str]]:
    """Bad rows in Salesforce's shape; the rejections to expect by (contract table, reason).

    None of them loads, so the KPIs stay those of the clean demo: a line of an
    unknown product, an unreadable activation date (its line cascades), an
    unknown status and currency, a soft-deleted order (its line is orphaned),
    a member whose contact has no account and one whose lead was never
    converted, an old history-mode version of an account (superseded), a
    closed deal with an unreadable close date and no history, an activity
    with an unreadable completion time and a soft-deleted one.
    """
    expected: Counter[tuple[str, str]] = Counter()
    moment, synced = "2025-06-01 12:00:00", "2025-06-02 00:00:00"
    order = _first(landing["order"], status="Activated")
    account_id = str(order["account_id"])
    base_order: Row = {
        "account_id": account_id,
        "status": "Activated",
        "status_code": "Activated",
        "activated_date": moment,
        "created_date": moment,
        "currency_iso_code": "USD",
        "is_deleted": "false",
        "_fivetran_synced": synced,
    }
    base_item: Row = {
        "product_2_id": landing["product_2"][0]["id"],
        "quantity": "1",
        "unit_price": "100",
        "is_deleted": "false",
        "_fivetran_synced": synced,
    }
    landing["order_item"].append(
        {**base_item, "id": "SF_BAD_OI_PROD", "order_id": order["id"], "product_2_id": "01t_GONE"}
    )
    expected["order_items", "orphan_reference"] += 1
    landing["order_item"].append(
        {**base_item, "id": "SF_BAD_OI_QTY", "order_id": order["id"], "quantity": "-2"}
    )
    expected["order_items", "invalid_value"] += 1
    bad_orders = {
        "SF_BAD_O_DATE": ({"activated_date": "2025-13-45 10:00:00"}, "invalid_value"),
        "SF_BAD_O_STATUS": ({"status": "Shipped", "status_code": ""}, "invalid_value"),
        "SF_BAD_O_CUR": ({"currency_iso_code": "XYZ"}, "unknown_currency"),
        "SF_BAD_O_DEL": ({"is_deleted": "true"}, None),
    }
    for order_id, (values, reason) in bad_orders.items():
        landing["order"].append({**base_order, "id": order_id, **values})
        if reason:
            expected["orders", reason] += 1
        # the line of a rejected or deleted order is an orphan
        landing["order_item"].append({**base_item, "id": f"{order_id}_I", "order_id": order_id})
        expected["order_items", "orphan_reference"] += 1
    campaign_id = landing["campaign"][0]["id"]
    landing["contact"].append(
        {"id": "SF_BAD_CT", "account_id": "", "is_deleted": "false", "_fivetran_synced": synced}
    )
    landing["lead"].append(
        {
            "id": "SF_BAD_LD",
            "is_converted": "false",
            "converted_account_id": "",
            "is_deleted": "false",
            "_fivetran_synced": synced,
        }
    )
    member: Row = {
        "campaign_id": campaign_id,
        "created_date": moment,
        "is_deleted": "false",
        "_fivetran_synced": synced,
    }
    landing["campaign_member"].append({**member, "id": "SF_BAD_CM_CT", "contact_id": "SF_BAD_CT"})
    landing["campaign_member"].append({**member, "id": "SF_BAD_CM_LD", "lead_id": "SF_BAD_LD"})
    expected["campaign_members", "missing_primary_key"] += 2
    account = _first(landing["account"], id=account_id)
    landing["account"].append(
        {
            **account,
            "industry": "an older value",
            "_fivetran_active": "false",
            "_fivetran_start": "2022-01-01 00:00:00",
            "_fivetran_synced": account["_fivetran_synced"],
        }
    )
    landing["opportunity"].append(
        {
            "id": "SF_BAD_OP_CLOSE",
            "account_id": account_id,
            "stage_name": "Closed Won",
            "is_closed": "true",
            "is_won": "true",
            "close_date": "someday",
            "created_date": moment,
            "currency_iso_code": "USD",
            "is_deleted": "false",
            "_fivetran_synced": synced,
        }
    )
    expected["opportunities", "invalid_value"] += 1
    task: Row = {
        "account_id": account_id,
        "type": "Call",
        "created_date": moment,
        "is_deleted": "false",
        "_fivetran_synced": synced,
    }
    landing["task"].append({**task, "id": "SF_BAD_TK_TIME", "completed_date_time": "noon"})
    expected["interactions", "invalid_value"] += 1
    landing["task"].append({**task, "id": "SF_BAD_TK_DEL", "is_deleted": "true"})
    return expected


# Objects the Fivetran sample does not cover, with Salesforce's own field names
PRICEBOOK_ENTRY_COLUMNS = (
    "id",
    "name",
    "pricebook_2_id",
    "product_2_id",
    "product_code",
    "unit_price",
    "is_active",
    "use_standard_price",
    "created_date",
    "created_by_id",
    "last_modified_date",
    "last_modified_by_id",
    "system_modstamp",
    "is_archived",
    "is_deleted",
    "_fivetran_synced",
)
FIXTURE_SYNCED = "2025-07-01 06:00:00"


def _fixture_rows() -> Landing:
    synced = {"is_deleted": "false", "_fivetran_synced": FIXTURE_SYNCED}
    account = {**synced, "_fivetran_active": "true", "type": "Customer - Direct"}
    deal = {**synced, "_fivetran_active": "true", "pricebook_2_id": STANDARD_PRICEBOOK}
    line = {**synced, "_fivetran_active": "true"}
    return {
        "account": [
            {**account, "id": "001A1", "name": "Acme GmbH", "industry": "Manufacturing",
             "billing_country": "Germany", "billing_country_code": "DE",
             "number_of_employees": "250", "owner_id": "005U1"},
            {**account, "id": "001A2", "name": "Globex", "industry": "Technology",
             "billing_country": "United States", "billing_country_code": "US",
             "number_of_employees": "5000", "owner_id": "005U2"},
            {**account, "id": "001A3", "name": "Initech", "billing_country": "Japan",
             "owner_id": "005U1"},
        ],
        "product_2": [
            {**line, "id": "01tP1", "name": "Core CRM", "family": "Platform",
             "is_active": "true", "product_code": "CRM-1"},
            {**line, "id": "01tP2", "name": "Help Desk", "family": "Service",
             "is_active": "true", "product_code": "HD-1"},
        ],
        "pricebook_entry": [
            {**synced, "id": "01uE1", "pricebook_2_id": STANDARD_PRICEBOOK,
             "product_2_id": "01tP1", "unit_price": "1200", "is_active": "true",
             "use_standard_price": "false", "created_date": "2024-01-01 00:00:00"},
            {**synced, "id": "01uE2", "pricebook_2_id": STANDARD_PRICEBOOK,
             "product_2_id": "01tP2", "unit_price": "800", "is_active": "true",
             "use_standard_price": "false", "created_date": "2024-01-01 00:00:00"},
        ],
        "opportunity": [
            {**deal, "id": "006O1", "account_id": "001A1", "owner_id": "005U1",
             "type": "New Customer", "stage_name": "Closed Won", "is_closed": "true",
             "is_won": "true", "amount": "2160", "close_date": "2025-03-10",
             "created_date": "2025-02-01 10:00:00", "name": "Acme platform"},
            {**deal, "id": "006O2", "account_id": "001A2", "owner_id": "005U2",
             "type": "Existing Customer - Upgrade", "stage_name": "Closed Won",
             "is_closed": "true", "is_won": "true", "amount": "2000",
             "close_date": "2025-04-02", "created_date": "2025-04-02 15:00:00",
             "name": "Globex bundle"},
            {**deal, "id": "006O3", "account_id": "001A1", "owner_id": "005U1",
             "type": "Existing Customer - Replacement", "stage_name": "Closed Lost",
             "is_closed": "true", "is_won": "false", "close_date": "2025-05-20",
             "created_date": "2025-05-01 09:00:00", "name": "Acme help desk"},
            {**deal, "id": "006O4", "account_id": "001A3", "owner_id": "005U1",
             "stage_name": "Prospecting", "is_closed": "false", "is_won": "false",
             "close_date": "2025-09-30", "created_date": "2025-06-01 11:00:00",
             "name": "Initech first deal"},
        ],
        "opportunity_line_item": [
            {**line, "id": "00kL1", "opportunity_id": "006O1", "product_2_id": "01tP1",
             "quantity": "2", "unit_price": "1200", "discount": "10",
             "total_price": "2160", "list_price": "1200"},
            {**line, "id": "00kL2", "opportunity_id": "006O2", "product_2_id": "01tP2",
             "quantity": "1", "unit_price": "800", "discount": "0",
             "total_price": "800", "list_price": "800"},
            {**line, "id": "00kL3", "opportunity_id": "006O2", "product_2_id": "01tP1",
             "quantity": "1", "unit_price": "1200", "total_price": "1200",
             "list_price": "1200"},
        ],
        "user": [
            {"id": "005U1", "name": "Ada Lovelace", "department": "Sales",
             "country": "Germany", "country_code": "DE", "user_role_id": "00ER1",
             "is_active": "true", "_fivetran_deleted": "false",
             "_fivetran_synced": FIXTURE_SYNCED, "_fivetran_active": "true"},
            {"id": "005U2", "name": "Alan Turing", "department": "Customer Support",
             "country": "United States", "country_code": "US", "user_role_id": "00ER2",
             "is_active": "true", "_fivetran_deleted": "false",
             "_fivetran_synced": FIXTURE_SYNCED, "_fivetran_active": "true"},
        ],
        "user_role": [
            {"id": "00ER1", "name": "EMEA Sales", "_fivetran_deleted": "false",
             "_fivetran_synced": FIXTURE_SYNCED, "_fivetran_active": "true"},
            {"id": "00ER2", "name": "AMER Support", "_fivetran_deleted": "false",
             "_fivetran_synced": FIXTURE_SYNCED, "_fivetran_active": "true"},
        ],
        "task": [
            {**line, "id": "00TT1", "account_id": "001A1", "owner_id": "005U1",
             "what_id": "006O3", "type": "Call", "task_subtype": "Call",
             "completed_date_time": "2025-05-02 09:00:00",
             "created_date": "2025-05-02 09:30:00", "status": "Completed"},
            {**line, "id": "00TT2", "account_id": "001A2", "owner_id": "005U2",
             "what_id": "001A2", "type": "Support Email", "task_subtype": "Email",
             "completed_date_time": "2025-06-10 14:00:00",
             "created_date": "2025-06-10 14:00:00", "status": "Completed"},
        ],
    }  # fmt: skip


def write_salesforce_fixture(out_dir: Path) -> Landing:
    """A tiny landing with exactly the column sets of Fivetran's sample tables.

    Tables of the sample keep its columns (extra ones included, the optional
    ones our adapter can read but Fivetran's sample lacks left out: no
    created_date on account and user, no currency_iso_code anywhere);
    pricebook_entry has Salesforce's own fields; every optional table
    (order, campaign, contact, lead, event, opportunity_history, ...) and
    every contract-shaped table is absent. Default vars (purchases are won
    opportunities) build it.
    """
    landing = _fixture_rows()
    columns = {**FIVETRAN_COLUMNS, "pricebook_entry": PRICEBOOK_ENTRY_COLUMNS}
    for table, rows in landing.items():
        for row in rows:
            unknown = set(row) - set(columns[table])
            if unknown:
                raise ValueError(f"{table}: not a Fivetran column: {sorted(unknown)}")
    write_landing(landing, out_dir, columns)
    return landing


def write_salesforce_demo(
    out_dir: Path, accounts: int = 300, seed: int = 7, bad_rows: bool = False
) -> Landing:
    """The demo (build_tables(accounts, seed)) landed the Salesforce way, in
    out_dir; build it with EQUIVALENCE_VARS."""
    tables = build_tables(accounts=accounts, seed=seed)
    landing = salesforce_landing(tables)
    if bad_rows:
        add_salesforce_bad_rows(landing)
    return write_salesforce(tables, out_dir, landing)
