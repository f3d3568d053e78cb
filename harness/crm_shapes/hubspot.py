"""The demo CRM in HubSpot's shape, as Fivetran lands it.

`hubspot_landing(tables)` turns the generator's contract-shaped `Tables`
into the same CRM as HubSpot tables (snake_case, properties as
`property_<name>`, a few extra columns real landings carry, the deal and
line item tables in history mode). Built with `DEMO_VARS`, it gives the
same KPIs as the contract-shaped demo. `add_bad_rows(landing)` adds rows
that are wrong the HubSpot way and records the rejections they cause, by
(contract table, reason). `write_hubspot_demo` writes it all to a folder,
with product_usage, survey_responses and implementations in contract shape
beside it. `write_hubspot_fixture` writes a tiny landing with only the
columns Fivetran documents (and a few extras), optional tables left out.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from harness.generator import COLUMNS, PRODUCTS, Tables, build_tables

# the generator's contract tables written beside the HubSpot ones as they are
CONTRACT_SHAPED = ["product_usage", "survey_responses", "implementations"]

# --vars for a build of the demo landing: where its custom properties are,
# and which pipeline holds purchases (the shop) and which opportunities
DEMO_VARS: dict[str, object] = {
    "crm_source": "hubspot",
    "hubspot_purchase_pipelines": ["Online shop"],
    "hubspot_opportunity_pipelines": ["default"],
    "hubspot_company_segment_field": "property_segment",
    "hubspot_company_region_field": "property_region",
    "hubspot_company_customer_type_field": "property_customer_type",
    "hubspot_company_age_band_field": "property_age_band",
    "hubspot_company_churned_at_field": "property_churned_at",
    "hubspot_product_category_field": "property_category",
    "hubspot_deal_campaign_field": "property_campaign_list_id",
    "hubspot_deal_qualified_at_field": "property_hs_v2_date_entered_qualifiedtobuy",
    "hubspot_engagement_interaction_type_field": "property_interaction_type",
}

SYNCED = ["_fivetran_synced", "_fivetran_deleted"]
HISTORY = ["_fivetran_start", "_fivetran_end", "_fivetran_active"]
DETAIL_COLUMNS = [
    "engagement_id",
    "type",
    "property_hs_createdate",
    "property_hs_timestamp",
    "property_hubspot_owner_id",
    "property_hubspot_team_id",
    "property_interaction_type",
    *SYNCED,
]
# landed table -> the columns the demo writes (Fivetran's, extras, custom properties)
DEMO_COLUMNS: dict[str, list[str]] = {
    "company": [
        "id",
        "is_deleted",
        "portal_id",
        "property_name",
        "property_description",
        "property_createdate",
        "property_industry",
        "property_city",
        "property_country",
        "property_annualrevenue",
        "property_hubspot_owner_id",
        "property_segment",
        "property_region",
        "property_customer_type",
        "property_age_band",
        "property_churned_at",
        *SYNCED,
    ],
    "product": [
        "id",
        "is_deleted",
        "property_name",
        "property_description",
        "property_price",
        "property_hs_sku",
        "property_createdate",
        "property_category",
        *SYNCED,
    ],
    "deal": [
        "deal_id",
        "is_deleted",
        "portal_id",
        "deal_pipeline_id",
        "deal_pipeline_stage_id",
        "owner_id",
        "property_dealname",
        "property_amount",
        "property_closedate",
        "property_createdate",
        "property_dealtype",
        "property_deal_currency_code",
        "property_campaign_list_id",
        "property_hs_v2_date_entered_qualifiedtobuy",
        *SYNCED,
        *HISTORY,
    ],
    "deal_company": ["deal_id", "company_id", "type_id", "category", "_fivetran_synced"],
    "deal_pipeline": [
        "pipeline_id",
        "label",
        "active",
        "display_order",
        "created_at",
        "updated_at",
        *SYNCED,
    ],
    "deal_pipeline_stage": [
        "stage_id",
        "pipeline_id",
        "label",
        "active",
        "closed_won",
        "is_closed",
        "display_order",
        "probability",
        "created_at",
        "updated_at",
        *SYNCED,
    ],
    "line_item": [
        "id",
        "is_deleted",
        "product_id",
        "property_hs_product_id",
        "deal_id",
        "property_name",
        "property_quantity",
        "property_price",
        "property_amount",
        "property_discount",
        "property_hs_total_discount",
        "property_hs_discount_percentage",
        "property_createdate",
        *SYNCED,
        *HISTORY,
    ],
    "line_item_deal": ["line_item_id", "deal_id", "type_id", "category", "_fivetran_synced"],
    "owner": [
        "owner_id",
        "portal_id",
        "type",
        "email",
        "first_name",
        "last_name",
        "created_at",
        "updated_at",
        "active_user_id",
        *SYNCED,
    ],
    "owner_team": ["owner_id", "team_id", "is_team_primary", *SYNCED],
    "team": ["id", "name", *SYNCED],
    "engagement": ["id", "type", "portal_id", *SYNCED],
    **{
        f"engagement_{kind}": DETAIL_COLUMNS
        for kind in ("call", "email", "meeting", "note", "task", "communication")
    },
    "engagement_company": [
        "engagement_id",
        "company_id",
        "engagement_type",
        "type_id",
        "category",
        "_fivetran_synced",
    ],
    "engagement_deal": [
        "engagement_id",
        "deal_id",
        "engagement_type",
        "type_id",
        "category",
        "_fivetran_synced",
    ],
    "contact": [
        "id",
        "property_email",
        "property_firstname",
        "property_lastname",
        "property_createdate",
        "property_associatedcompanyid",
        *SYNCED,
    ],
    "contact_company": ["contact_id", "company_id", "type_id", "category", "_fivetran_synced"],
    "contact_list": [
        "id",
        "name",
        "created_at",
        "updated_at",
        "object_type_id",
        "processing_type",
        *SYNCED,
    ],
    "contact_list_member": ["contact_id", "contact_list_id", "added_at", *SYNCED],
}

SHOP = "shop"  # the online shop's pipeline id (label "Online shop")
SHOP_STAGES = {  # order status -> (stage id, label, closed_won, is_closed)
    "pending": ("shop_checkout", "Checkout", "false", "false"),
    "completed": ("shop_paid", "Paid", "true", "true"),
    "cancelled": ("shop_cancelled", "Cancelled", "false", "true"),
    "refunded": ("shop_refunded", "Refunded", "false", "true"),
}
SALES = "default"  # HubSpot's own sales pipeline id
SALES_STAGES = {  # the generator's stage names -> (closed_won, is_closed)
    "Prospecting": ("false", "false"),
    "Qualification": ("false", "false"),
    "Proposal": ("false", "false"),
    "Negotiation": ("false", "false"),
    "Engaging": ("false", "false"),
    "Closed Won": ("true", "true"),
    "Won": ("true", "true"),
    "closed won": ("true", "true"),
    "Closed Lost": ("false", "true"),
    "Lost": ("false", "true"),
}
DEAL_TYPES = {"new_business": "newbusiness", "upsell": "existingbusiness"}
ENGAGEMENT_TYPES = {
    "phone": "CALL",
    "email": "EMAIL",
    "in_person": "MEETING",
    "chat": "COMMUNICATION",
}
# the hubspot_engagement_types seed's default interaction type per engagement type
SEED_INTERACTION_TYPES = {"CALL": "sales", "EMAIL": "sales", "MEETING": "sales"}
PRIMARY_COMPANY, UNLABELED_COMPANY = "5", "341"
OPEN_ENDED = "9999-12-31 23:59:59"
PRODUCT_NAMES = {product[0]: product[1] for product in PRODUCTS}
PRICES = {product[0]: product[3] for product in PRODUCTS}


def stage_id(name: str) -> str:
    return name.lower().replace(" ", "")


@dataclass
class Landing:
    """HubSpot tables (landed name -> rows) and the rejections they should cause."""

    rows: dict[str, list[dict[str, object]]] = field(
        default_factory=lambda: {table: [] for table in DEMO_COLUMNS}
    )
    expected_rejections: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, table: str, **values: object) -> None:
        unknown = set(values) - set(DEMO_COLUMNS[table])
        if unknown:
            raise ValueError(f"{table}: unknown columns {sorted(unknown)}")
        self.rows[table].append(values)


def _synced(loaded_at: object) -> dict[str, object]:
    return {"_fivetran_synced": loaded_at, "_fivetran_deleted": "false"}


def _history(loaded_at: object) -> dict[str, object]:
    return {
        "_fivetran_start": loaded_at,
        "_fivetran_end": OPEN_ENDED,
        "_fivetran_active": "true",
        **_synced(loaded_at),
    }


def _records(tables: Tables, table: str) -> list[dict[str, object]]:
    return [dict(zip(COLUMNS[table], row, strict=True)) for row in tables.rows[table]]


def _pipelines(landing: Landing) -> None:
    for pipeline_id, label, order in ((SALES, "Sales pipeline", 0), (SHOP, "Online shop", 1)):
        landing.add(
            "deal_pipeline",
            pipeline_id=pipeline_id,
            label=label,
            active="true",
            display_order=order,
            created_at="2022-01-01 00:00:00",
            updated_at="2022-01-01 00:00:00",
            **_synced("2022-01-01 00:00:00"),
        )
    stages = [(SHOP, *values) for values in SHOP_STAGES.values()]
    seen = set()
    for name, (won, closed) in SALES_STAGES.items():
        if stage_id(name) not in seen:
            seen.add(stage_id(name))
            stages.append((SALES, stage_id(name), name, won, closed))
    for order, (pipeline_id, stage, label, won, closed) in enumerate(stages):
        landing.add(
            "deal_pipeline_stage",
            stage_id=stage,
            pipeline_id=pipeline_id,
            label=label,
            active="true",
            closed_won=won,
            is_closed=closed,
            display_order=order,
            probability="1.0" if won == "true" else "0.2",
            created_at="2022-01-01 00:00:00",
            updated_at="2022-01-01 00:00:00",
            **_synced("2022-01-01 00:00:00"),
        )


def _companies(landing: Landing, tables: Tables) -> None:
    for account in _records(tables, "accounts"):
        landing.add(
            "company",
            id=account["account_id"],
            is_deleted=account["is_deleted"],
            portal_id="4242",
            property_name=account["account_name"],
            property_description="",
            property_createdate=account["created_at"],
            property_industry=str(account["industry"]).upper(),
            property_city="",
            property_country=account["country"],
            property_annualrevenue="",
            property_hubspot_owner_id=account["owner_rep_id"],
            property_segment=account["segment"],
            property_region=account["region"],
            property_customer_type=account["customer_type"],
            property_age_band=account["age_band"],
            property_churned_at=account["churned_at"],
            **_synced(account["_loaded_at"]),
        )


def _products(landing: Landing, tables: Tables) -> None:
    for product in _records(tables, "products"):
        landing.add(
            "product",
            id=product["product_id"],
            is_deleted=product["is_deleted"],
            property_name=product["product_name"],
            property_description="",
            property_price=product["list_price"],
            property_hs_sku=f"SKU-{product['product_id']}",
            property_createdate="2022-01-01 00:00:00",
            property_category=product["product_category"],
            **_synced(product["_loaded_at"]),
        )


def _owners(landing: Landing, tables: Tables) -> None:
    team_ids: dict[str, str] = {}
    landing.add("team", id="T_SUPPORT", name="Support", **_synced("2022-01-01 00:00:00"))
    for number, rep in enumerate(_records(tables, "sales_reps"), start=1):
        left = rep["left_at"]
        landing.add(
            "owner",
            owner_id=rep["rep_id"],
            portal_id="4242",
            type="PERSON",
            email=f"rep{number}@example.com",
            first_name="Rep",
            last_name=str(number),
            created_at=rep["hired_at"],
            updated_at=left or rep["hired_at"],
            active_user_id="" if left else str(9000 + number),
            **_synced(rep["_loaded_at"]),
        )
        team = str(rep["team"])
        if team not in team_ids:
            team_ids[team] = f"T{len(team_ids) + 1:02d}"
            landing.add("team", id=team_ids[team], name=team, **_synced("2022-01-01 00:00:00"))
        memberships = [(team_ids[team], "true")]
        if rep["role"] == "service":
            memberships.append(("T_SUPPORT", "false"))
        for team_id, primary in memberships:
            landing.add(
                "owner_team",
                owner_id=rep["rep_id"],
                team_id=team_id,
                is_team_primary=primary,
                **_synced("2022-01-01 00:00:00"),
            )


def _deal_company(landing: Landing, deal_id: object, company_id: object, index: int) -> None:
    landing.add(
        "deal_company",
        deal_id=deal_id,
        company_id=company_id,
        type_id=PRIMARY_COMPANY,
        category="HUBSPOT_DEFINED",
        _fivetran_synced="2022-01-01 00:00:00",
    )
    if index % 20 == 0:  # a second, unlabeled company that sorts first
        landing.add(
            "deal_company",
            deal_id=deal_id,
            company_id="A0000001",
            type_id=UNLABELED_COMPANY,
            category="HUBSPOT_DEFINED",
            _fivetran_synced="2022-01-01 00:00:00",
        )


def _discount_columns(discount: object, quantity: object, index: int) -> dict[str, object]:
    """The line's discount written one of HubSpot's three ways, all the same amount."""
    columns: dict[str, object] = {
        "property_discount": "",
        "property_hs_total_discount": "",
        "property_hs_discount_percentage": "",
    }
    if discount in ("", None):
        return columns
    way = index % 3 if str(quantity) == "1" and discount != "0" else 0
    key = ["property_hs_total_discount", "property_discount", "property_hs_discount_percentage"]
    columns[key[way]] = "10" if way == 2 else discount
    return columns


def _line_item(
    landing: Landing,
    line_id: object,
    deal_id: object,
    product_id: object,
    quantity: object,
    price: object,
    discount: object,
    loaded_at: object,
    index: int,
) -> None:
    """A line item; every tenth one linked the older way (line_item.deal_id)."""
    old_schema = index % 10 == 0
    amount = float(str(quantity)) * float(str(price)) - float(str(discount or 0))
    landing.add(
        "line_item",
        id=line_id,
        is_deleted="false",
        product_id=product_id,
        property_hs_product_id=product_id,
        deal_id=deal_id if old_schema else "",
        property_name=PRODUCT_NAMES.get(str(product_id), ""),
        property_quantity=quantity,
        property_price=price,
        property_amount=f"{amount:.2f}",
        property_createdate=loaded_at,
        **_discount_columns(discount, quantity, index),
        **_history(loaded_at),
    )
    if not old_schema:
        landing.add(
            "line_item_deal",
            line_item_id=line_id,
            deal_id=deal_id,
            type_id="20",
            category="HUBSPOT_DEFINED",
            _fivetran_synced=loaded_at,
        )


def _deal(landing: Landing, **values: object) -> None:
    defaults = dict.fromkeys(DEMO_COLUMNS["deal"], "")
    defaults.update(is_deleted="false", portal_id="4242")
    loaded_at = values.pop("loaded_at")
    landing.add("deal", **{**defaults, **_history(loaded_at), **values})


def _orders(landing: Landing, tables: Tables) -> None:
    items: dict[object, list[dict[str, object]]] = {}
    for item in _records(tables, "order_items"):
        items.setdefault(item["order_id"], []).append(item)
    index = 0
    for number, order in enumerate(_records(tables, "orders")):
        stage, _, _, closed = SHOP_STAGES[str(order["status"])]
        lines = items.get(order["order_id"], [])
        total = sum(float(str(line["quantity"])) * float(str(line["unit_price"])) for line in lines)
        _deal(
            landing,
            deal_id=order["order_id"],
            deal_pipeline_id=SHOP,
            deal_pipeline_stage_id=stage,
            property_dealname=f"Order {order['order_id']}",
            property_amount=f"{total:.2f}",
            property_createdate=order["ordered_at"],
            property_closedate=order["ordered_at"] if closed == "true" else "",
            property_deal_currency_code=order["currency"],
            loaded_at=order["_loaded_at"],
        )
        _deal_company(landing, order["order_id"], order["account_id"], number)
        for line in lines:
            index += 1
            _line_item(
                landing,
                line["order_item_id"],
                order["order_id"],
                line["product_id"],
                line["quantity"],
                line["unit_price"],
                line["discount_amount"],
                line["_loaded_at"],
                index,
            )


def _forecast(created_at: object) -> str:
    moment = datetime.strptime(str(created_at), "%Y-%m-%d %H:%M:%S") + timedelta(days=30)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _opportunities(landing: Landing, tables: Tables) -> None:
    for number, opportunity in enumerate(_records(tables, "opportunities")):
        deal_id = opportunity["opportunity_id"]
        won, closed = SALES_STAGES[str(opportunity["stage"])]
        declared = str(opportunity["declared_type"])
        _deal(
            landing,
            deal_id=deal_id,
            deal_pipeline_id=SALES,
            deal_pipeline_stage_id=stage_id(str(opportunity["stage"])),
            owner_id=opportunity["owner_rep_id"],
            property_dealname=f"Deal {deal_id}",
            property_amount=opportunity["amount"],
            property_createdate=opportunity["created_at"],
            # an open deal's close date is HubSpot's forecast: not a closing
            property_closedate=opportunity["closed_at"] or _forecast(opportunity["created_at"]),
            property_dealtype=DEAL_TYPES.get(declared, declared),
            property_deal_currency_code=opportunity["currency"],
            property_campaign_list_id=opportunity["campaign_id"],
            property_hs_v2_date_entered_qualifiedtobuy=opportunity["qualified_at"],
            loaded_at=opportunity["_loaded_at"],
        )
        _deal_company(landing, deal_id, opportunity["account_id"], number)
        product = str(opportunity["product_id"])
        if not product:
            continue
        lines = [(f"{deal_id}-L1", product, PRICES[product])]
        if number % 8 == 0:  # a smaller second line with an id sorting first
            other = "P11" if product != "P11" else "P04"
            lines.append((f"{deal_id}-L0", other, 1))
        for line_id, line_product, price in lines:
            _line_item(
                landing, line_id, deal_id, line_product, 1, price, "", opportunity["_loaded_at"], 1
            )


def _engagements(landing: Landing, tables: Tables) -> None:
    for interaction in _records(tables, "interactions"):
        kind = ENGAGEMENT_TYPES[str(interaction["channel"])]
        engagement_id = interaction["interaction_id"]
        loaded_at = interaction["_loaded_at"]
        landing.add(
            "engagement", id=engagement_id, type=kind, portal_id="4242", **_synced(loaded_at)
        )
        interaction_type = str(interaction["interaction_type"])
        landing.add(
            f"engagement_{kind.lower()}",
            engagement_id=engagement_id,
            type=kind,
            property_hs_createdate=interaction["occurred_at"],
            property_hs_timestamp=interaction["occurred_at"],
            property_hubspot_owner_id=interaction["rep_id"],
            property_hubspot_team_id="",
            # empty where the seed's default for the type gives the same
            property_interaction_type=(
                "" if SEED_INTERACTION_TYPES.get(kind) == interaction_type else interaction_type
            ),
            **_synced(loaded_at),
        )
        association = dict(
            engagement_id=engagement_id, engagement_type=kind, category="HUBSPOT_DEFINED"
        )
        landing.add(
            "engagement_company",
            company_id=interaction["account_id"],
            type_id="8",
            _fivetran_synced=loaded_at,
            **association,
        )
        if interaction["opportunity_id"]:
            landing.add(
                "engagement_deal",
                deal_id=interaction["opportunity_id"],
                type_id="12",
                _fivetran_synced=loaded_at,
                **association,
            )


def _contact(landing: Landing, contact_id: str, company_id: object, index: int) -> None:
    """A contact of the company; every fifth one linked through contact_company."""
    through_association = index % 5 == 0
    landing.add(
        "contact",
        id=contact_id,
        property_email=f"{contact_id.lower()}@example.com",
        property_firstname="Contact",
        property_lastname=contact_id,
        property_createdate="2022-06-01 00:00:00",
        property_associatedcompanyid="" if through_association else company_id,
        **_synced("2022-06-01 00:00:00"),
    )
    if through_association and company_id:
        landing.add(
            "contact_company",
            contact_id=contact_id,
            company_id=company_id,
            type_id="1",
            category="HUBSPOT_DEFINED",
            _fivetran_synced="2022-06-01 00:00:00",
        )


def _campaigns(landing: Landing, tables: Tables) -> None:
    for campaign in _records(tables, "campaigns"):
        landing.add(
            "contact_list",
            id=campaign["campaign_id"],
            name=campaign["campaign_name"],
            created_at=campaign["started_at"],
            updated_at=campaign["started_at"],
            object_type_id="0-1",
            processing_type="MANUAL",
            **_synced(campaign["_loaded_at"]),
        )
    for index, member in enumerate(_records(tables, "campaign_members")):
        added = datetime.strptime(str(member["added_at"]), "%Y-%m-%d %H:%M:%S")
        contacts = [(f"CT{member['account_id']}", added)]
        if index % 4 == 0:  # a colleague added later: the earliest counts
            contacts.append((f"CT2{member['account_id']}", added + timedelta(days=3)))
        for contact_id, moment in contacts:
            _contact(landing, contact_id, member["account_id"], index)
            landing.add(
                "contact_list_member",
                contact_id=contact_id,
                contact_list_id=member["campaign_id"],
                added_at=moment.strftime("%Y-%m-%d %H:%M:%S"),
                **_synced(member["_loaded_at"]),
            )


def hubspot_landing(tables: Tables) -> Landing:
    """The generator's CRM as HubSpot tables (contract-shaped tables left out)."""
    landing = Landing()
    _pipelines(landing)
    _companies(landing, tables)
    _products(landing, tables)
    _owners(landing, tables)
    _orders(landing, tables)
    _opportunities(landing, tables)
    _engagements(landing, tables)
    _campaigns(landing, tables)
    return landing


def _first(landing: Landing, table: str, **match: object) -> dict[str, object]:
    return next(
        row
        for row in landing.rows[table]
        if all(row.get(key) == value for key, value in match.items())
    )


def add_bad_rows(landing: Landing) -> Counter[tuple[str, str]]:
    """Rows wrong the HubSpot way, each leaving the KPIs as they were.

    Returns (and adds to landing.expected_rejections) the rejections they
    cause, by (contract table, reason).
    """
    before = Counter(landing.expected_rejections)
    moment = "2025-06-01 12:00:00"
    paid = _first(landing, "deal", deal_pipeline_stage_id=SHOP_STAGES["completed"][0])
    company = _first(landing, "deal_company", deal_id=paid["deal_id"])["company_id"]
    line = dict(product_id="P01", quantity=1, price=100, discount="", loaded_at=moment, index=1)
    # a line item of a product missing from the library
    _line_item(landing, "BAD_LI_NOPROD", paid["deal_id"], **{**line, "product_id": "P99"})
    landing.expected_rejections[("order_items", "orphan_reference")] += 1
    # a negative quantity, and a discount of 150 percent
    _line_item(landing, "BAD_LI_NEG", paid["deal_id"], **{**line, "quantity": -1})
    _line_item(landing, "BAD_LI_PCT", paid["deal_id"], **{**line, "discount": "", "index": 2})
    _first(landing, "line_item", id="BAD_LI_PCT")["property_hs_discount_percentage"] = "150"
    landing.expected_rejections[("order_items", "invalid_value")] += 2
    # a paid order whose close date cannot be read: the order and its line
    shop = dict(deal_pipeline_id=SHOP, deal_pipeline_stage_id=SHOP_STAGES["completed"][0])
    _deal(
        landing, deal_id="BAD_DEAL_DATE", property_closedate="not a date", loaded_at=moment, **shop
    )
    _deal_company(landing, "BAD_DEAL_DATE", company, 1)
    _line_item(landing, "BAD_LI_DATE", "BAD_DEAL_DATE", **line)
    landing.expected_rejections[("orders", "invalid_value")] += 1
    landing.expected_rejections[("order_items", "orphan_reference")] += 1
    # a deleted deal and its deleted line: loaded as deleted, not rejected
    _deal(
        landing,
        deal_id="BAD_DEAL_DELETED",
        property_closedate=moment,
        is_deleted="true",
        loaded_at=moment,
        **shop,
    )
    _deal_company(landing, "BAD_DEAL_DELETED", company, 1)
    _line_item(landing, "BAD_LI_DELETED", "BAD_DEAL_DELETED", **line)
    _first(landing, "line_item", id="BAD_LI_DELETED")["_fivetran_deleted"] = "true"
    # an older history-mode version of a won deal: superseded
    won = _first(landing, "deal", deal_pipeline_id=SALES, deal_pipeline_stage_id="closedwon")
    start = datetime.strptime(str(won["_fivetran_start"]), "%Y-%m-%d %H:%M:%S")
    older = (start - timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
    landing.rows["deal"].append(
        {
            **won,
            "deal_pipeline_stage_id": "prospecting",
            "property_amount": "1",
            "_fivetran_start": older,
            "_fivetran_end": won["_fivetran_start"],
            "_fivetran_active": "false",
            "_fivetran_synced": older,
        }
    )
    # a deal in a stage no longer landed
    _deal(
        landing,
        deal_id="BAD_DEAL_STAGE",
        deal_pipeline_id=SALES,
        deal_pipeline_stage_id="discovery_call",
        property_createdate=moment,
        property_amount="100",
        loaded_at=moment,
    )
    _deal_company(landing, "BAD_DEAL_STAGE", company, 1)
    landing.expected_rejections[("opportunities", "unmapped_stage")] += 1
    # a list member whose contact has no company
    list_id = landing.rows["contact_list"][0]["id"]
    _contact(landing, "BAD_CT_NOCOMPANY", "", 1)
    landing.add(
        "contact_list_member",
        contact_id="BAD_CT_NOCOMPANY",
        contact_list_id=list_id,
        added_at=moment,
        **_synced(moment),
    )
    landing.expected_rejections[("campaign_members", "missing_primary_key")] += 1
    # a call logged on no company
    landing.add("engagement", id="BAD_ENG", type="CALL", portal_id="4242", **_synced(moment))
    landing.add(
        "engagement_call",
        engagement_id="BAD_ENG",
        type="CALL",
        property_hs_timestamp=moment,
        **_synced(moment),
    )
    landing.expected_rejections[("interactions", "missing_required_field")] += 1
    return landing.expected_rejections - before


def write_csv(path: Path, columns: list[str], rows: list[dict[str, object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)


def write_landing(landing: Landing, tables: Tables, out_dir: Path) -> dict[str, int]:
    """The HubSpot tables, and the generator's contract-shaped ones, as CSV files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, rows in landing.rows.items():
        write_csv(out_dir / f"{table}.csv", DEMO_COLUMNS[table], rows)
        counts[table] = len(rows)
    for table in CONTRACT_SHAPED:
        write_csv(out_dir / f"{table}.csv", COLUMNS[table], _records(tables, table))
        counts[table] = len(tables.rows[table])
    return counts


def write_hubspot_demo(
    out_dir: Path, accounts: int = 300, seed: int = 7, bad_rows: bool = False
) -> Landing:
    """The demo (build_tables(accounts, seed)) landed the HubSpot way, in out_dir."""
    tables = build_tables(accounts=accounts, seed=seed)
    landing = hubspot_landing(tables)
    if bad_rows:
        add_bad_rows(landing)
    write_landing(landing, tables, out_dir)
    return landing


# Only the columns Fivetran documents for each table (its dbt package's
# source YAML and staging models), plus an extra column or two; the
# optional tables (owner_team, team, the other engagement details, contact
# properties beyond these) are absent. Built with the default vars.
FIXTURE_COLUMNS: dict[str, list[str]] = {
    "company": [
        "id",
        "is_deleted",
        "_fivetran_synced",
        "property_name",
        "property_description",
        "property_createdate",
        "property_industry",
        "property_address",
        "property_address_2",
        "property_city",
        "property_state",
        "property_country",
        "property_annualrevenue",
        "property_hs_all-funky-a9384-syntax",
    ],
    "product": [
        "id",
        "_fivetran_deleted",
        "_fivetran_synced",
        "property_name",
        "property_price",
        "property_hs_sku",
        "property_createdate",
    ],
    "deal": [
        "deal_id",
        "is_deleted",
        "deal_pipeline_id",
        "deal_pipeline_stage_id",
        "owner_id",
        "portal_id",
        "property_dealname",
        "property_description",
        "property_amount",
        "property_closedate",
        "property_createdate",
        "_fivetran_synced",
    ],
    "deal_company": ["company_id", "deal_id", "type_id", "category"],
    "deal_pipeline": [
        "pipeline_id",
        "_fivetran_deleted",
        "_fivetran_synced",
        "active",
        "display_order",
        "label",
        "created_at",
        "updated_at",
    ],
    "deal_pipeline_stage": [
        "_fivetran_deleted",
        "_fivetran_synced",
        "active",
        "closed_won",
        "is_closed",
        "display_order",
        "probability",
        "stage_id",
        "label",
        "pipeline_id",
        "created_at",
        "updated_at",
    ],
    "line_item": [
        "id",
        "_fivetran_synced",
        "product_id",
        "property_quantity",
        "property_price",
        "property_amount",
        "property_discount",
        "property_hs_total_discount",
        "property_hs_discount_percentage",
        "property_createdate",
    ],
    "line_item_deal": ["line_item_id", "deal_id", "type_id", "category", "_fivetran_synced"],
    "owner": [
        "owner_id",
        "_fivetran_synced",
        "created_at",
        "portal_id",
        "type",
        "updated_at",
        "email",
        "first_name",
        "last_name",
        "active_user_id",
    ],
    "engagement": ["id", "type", "_fivetran_synced", "portal_id"],
    "engagement_call": [
        "engagement_id",
        "_fivetran_deleted",
        "_fivetran_synced",
        "property_hs_createdate",
        "property_hs_timestamp",
        "type",
    ],
    "engagement_company": [
        "company_id",
        "engagement_id",
        "engagement_type",
        "type_id",
        "_fivetran_synced",
        "category",
    ],
    "engagement_deal": [
        "deal_id",
        "engagement_id",
        "engagement_type",
        "type_id",
        "_fivetran_synced",
        "category",
    ],
    "contact": [
        "_fivetran_deleted",
        "_fivetran_synced",
        "property_email",
        "id",
        "property_company",
        "property_firstname",
        "property_lastname",
        "property_createdate",
    ],
    "contact_company": ["contact_id", "company_id", "type_id", "category"],
    "contact_list": [
        "id",
        "_fivetran_deleted",
        "_fivetran_synced",
        "created_at",
        "updated_at",
        "name",
        "created_by_id",
        "object_type_id",
        "processing_status",
        "processing_type",
        "list_version",
        "filters_updated_at",
    ],
    "contact_list_member": [
        "contact_id",
        "contact_list_id",
        "_fivetran_deleted",
        "_fivetran_synced",
        "added_at",
    ],
}


def _fixture_rows() -> dict[str, list[dict[str, object]]]:
    synced = {"_fivetran_synced": "2025-03-01 06:00:00", "_fivetran_deleted": "false"}
    companies = [
        dict(id=str(101 + n), is_deleted="false", property_name=f"Company {n}", **synced)
        | dict(property_createdate=f"2024-01-0{n + 1} 09:00:00", property_country="DE")
        | dict(property_industry=["RETAIL", "", "COMPUTER_SOFTWARE"][n])
        for n in range(3)
    ]
    deals = [  # (deal, company, stage, created, closed, line items: (id, product, qty, price))
        ("901", "101", "closedwon", "2024-02-01", "2024-02-03", [("71", "11", "2", "99.50")]),
        ("902", "101", "closedwon", "2024-06-01", "2024-06-10", [("72", "12", "1", "450")]),
        ("903", "102", "closedwon", "2024-03-01", "2024-03-05", [("73", "11", "3", "99.50")]),
        ("904", "103", "closedwon", "2024-04-01", "2024-04-02", [("74", "12", "1", "450")]),
        ("905", "103", "closedwon", "2024-09-01", "2024-09-20", [("75", "11", "1", "99.50")]),
        ("906", "102", "appointmentscheduled", "2024-10-01", "2024-12-31", []),
    ]
    rows: dict[str, list[dict[str, object]]] = {table: [] for table in FIXTURE_COLUMNS}
    rows["company"] = companies
    rows["product"] = [
        dict(id="11", property_name="Starter", property_price="99.50", **synced),
        dict(id="12", property_name="Suite", property_price="450", **synced),
    ]
    rows["deal_pipeline"] = [dict(pipeline_id="default", label="Sales Pipeline", **synced)]
    rows["deal_pipeline_stage"] = [
        dict(stage_id=stage, pipeline_id="default", closed_won=won, is_closed=closed, **synced)
        for stage, won, closed in (
            ("appointmentscheduled", "false", "false"),
            ("closedwon", "true", "true"),
            ("closedlost", "false", "true"),
        )
    ]
    rows["owner"] = [
        dict(owner_id="501", first_name="Ada", last_name="L", created_at="2023-01-01", **synced)
        | dict(updated_at="2024-01-01", active_user_id="77", type="PERSON")
    ]
    for deal_id, company, stage, created, closed, lines in deals:
        rows["deal"].append(
            dict(deal_id=deal_id, deal_pipeline_id="default", deal_pipeline_stage_id=stage)
            | dict(owner_id="501", property_createdate=created, property_closedate=closed)
            | dict(property_amount=sum(float(q) * float(p) for _, _, q, p in lines), **synced)
        )
        rows["deal_company"].append(dict(deal_id=deal_id, company_id=company, type_id="5"))
        for line_id, product, quantity, price in lines:
            rows["line_item"].append(
                dict(id=line_id, product_id=product, property_quantity=quantity, **synced)
                | dict(property_price=price, property_hs_discount_percentage="")
            )
            rows["line_item_deal"].append(dict(line_item_id=line_id, deal_id=deal_id, **synced))
    rows["engagement"] = [dict(id="3001", type="CALL", **synced)]
    rows["engagement_call"] = [
        dict(engagement_id="3001", property_hs_timestamp="2024-06-05 10:00:00", **synced)
    ]
    rows["engagement_company"] = [dict(engagement_id="3001", company_id="101", **synced)]
    rows["engagement_deal"] = [dict(engagement_id="3001", deal_id="902", **synced)]
    rows["contact"] = [dict(id="41", property_email="x@example.com", **synced)]
    rows["contact_company"] = [dict(contact_id="41", company_id="101", type_id="1")]
    rows["contact_list"] = [
        dict(id="61", name="Spring newsletter", created_at="2024-01-15", **synced)
    ]
    rows["contact_list_member"] = [
        dict(contact_id="41", contact_list_id="61", added_at="2024-01-20 08:00:00", **synced)
    ]
    return rows


def write_hubspot_fixture(out_dir: Path) -> None:
    """A tiny HubSpot landing with only Fivetran's documented columns (default vars)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for table, rows in _fixture_rows().items():
        columns = FIXTURE_COLUMNS[table]
        write_csv(out_dir / f"{table}.csv", columns, [_only(row, columns) for row in rows])


def _only(row: dict[str, object], columns: list[str]) -> dict[str, object]:
    return {key: value for key, value in row.items() if key in columns}
