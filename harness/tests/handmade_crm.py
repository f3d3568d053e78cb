"""A small hand-made CRM: every KPI figure of it is worked out by hand in the tests.

Accounts (all created 2023-01-01; R1, R2 are reps):
  A1 smb        rep R1  buys P1 2024-01-10, P2 2024-03-05 (cross), P2 again 2024-05-01
  A2 smb        rep R1  buys P1 and P2 in two orders at the same time 2024-02-01
                        (neither is a cross-purchase), P3 2024-07-01 in EUR (cross)
  A3 enterprise rep R2  first bought P1 2023-06-01, P3 2024-02-10 (cross),
                        churned 2024-04-15
  A4 consumer   no rep  buys P3 2024-01-20; a cancelled P1 order 2024-08-01;
                        P1 2025-01-05 (cross, in 2025)
  A5 smb        rep R1  only a cancelled order: not a customer
as_of_date = latest order date = 2025-01-05, so 2024 is the last complete year.

The optional tables (opportunities, interactions, usage, surveys,
implementations, campaigns) are described next to the data and the tests.
"""

from __future__ import annotations

LOADED = "2025-01-06 00:00:00"


def _account(
    account_id: str,
    segment: str,
    rep: str,
    customer_type: str = "b2b",
    churned_at: str = "",
    age_band: str = "",
) -> dict[str, str]:
    return dict(
        account_id=account_id,
        account_name=f"Name of {account_id}",
        segment=segment,
        industry="retail",
        region="emea",
        country="DE",
        customer_type=customer_type,
        age_band=age_band,
        owner_rep_id=rep,
        created_at="2023-01-01 00:00:00",
        churned_at=churned_at,
        is_deleted="false",
        _loaded_at=LOADED,
    )


def _order(
    order_id: str,
    account_id: str,
    ordered_at: str,
    status: str = "completed",
    currency: str = "USD",
) -> dict[str, str]:
    return dict(
        order_id=order_id,
        account_id=account_id,
        ordered_at=ordered_at,
        status=status,
        currency=currency,
        is_deleted="false",
        _loaded_at=LOADED,
    )


def _item(
    item_id: str,
    order_id: str,
    product_id: str,
    quantity: int,
    unit_price: float,
    discount: str = "",
) -> dict[str, object]:
    return dict(
        order_item_id=item_id,
        order_id=order_id,
        product_id=product_id,
        quantity=quantity,
        unit_price=unit_price,
        discount_amount=discount,
        is_deleted="false",
        _loaded_at=LOADED,
    )


def _rep(rep_id: str, team: str, role: str, hired_at: str) -> dict[str, str]:
    return dict(
        rep_id=rep_id,
        rep_name=f"Rep {rep_id}",
        team=team,
        region="emea",
        role=role,
        hired_at=hired_at,
        is_deleted="false",
        _loaded_at=LOADED,
    )


def _opportunity(
    opportunity_id: str,
    account_id: str,
    owner: str,
    product: str,
    stage: str,
    created_at: str,
    closed_at: str = "",
    amount: object = "",
    qualified_at: str = "",
    campaign: str = "",
    currency: str = "USD",
    declared_type: str = "cross_sell",
) -> dict[str, object]:
    return dict(
        opportunity_id=opportunity_id,
        account_id=account_id,
        owner_rep_id=owner,
        product_id=product,
        campaign_id=campaign,
        declared_type=declared_type,
        stage=stage,
        amount=amount,
        currency=currency,
        created_at=created_at,
        qualified_at=qualified_at,
        closed_at=closed_at,
        is_deleted="false",
        _loaded_at=LOADED,
    )


def _interaction(
    interaction_id: str,
    account_id: str,
    rep_id: str,
    occurred_at: str,
    channel: str,
    interaction_type: str,
    opportunity_id: str,
) -> dict[str, str]:
    return dict(
        interaction_id=interaction_id,
        account_id=account_id,
        rep_id=rep_id,
        occurred_at=occurred_at,
        channel=channel,
        interaction_type=interaction_type,
        opportunity_id=opportunity_id,
        is_deleted="false",
        _loaded_at=LOADED,
    )


def _usage(account_id: str, product_id: str, usage_date: str, count: int) -> dict[str, object]:
    return dict(
        account_id=account_id,
        product_id=product_id,
        usage_date=usage_date,
        usage_count=count,
        _loaded_at=LOADED,
    )


def _survey(
    response_id: str, account_id: str, survey_type: str, score: int, responded_at: str
) -> dict[str, object]:
    return dict(
        response_id=response_id,
        account_id=account_id,
        survey_type=survey_type,
        score=score,
        responded_at=responded_at,
        is_deleted="false",
        _loaded_at=LOADED,
    )


def _implementation(
    implementation_id: str, opportunity_id: str, status: str, ended_at: str
) -> dict[str, str]:
    return dict(
        implementation_id=implementation_id,
        opportunity_id=opportunity_id,
        status=status,
        started_at="2024-04-22 00:00:00",
        ended_at=ended_at,
        is_deleted="false",
        _loaded_at=LOADED,
    )


def _member(campaign_id: str, account_id: str, added_at: str) -> dict[str, str]:
    return dict(
        campaign_id=campaign_id,
        account_id=account_id,
        added_at=added_at,
        is_deleted="false",
        _loaded_at=LOADED,
    )


HANDMADE = {
    "sales_reps": [
        _rep("R1", "t", "sales", "2020-01-01 00:00:00"),
        _rep("R2", "t", "sales", "2020-01-01 00:00:00"),
        _rep("R3", "u", "sales", "2024-06-01 00:00:00"),  # owns no deal
        _rep("R4", "u", "service", "2020-01-01 00:00:00"),  # not a sales rep
    ],
    "products": [
        dict(
            product_id=pid,
            product_name=pid,
            product_category=cat,
            list_price=100,
            currency="USD",
            is_active="true",
            is_deleted="false",
            _loaded_at=LOADED,
        )
        for pid, cat in (("P1", "a"), ("P2", "a"), ("P3", "b"))
    ],
    "accounts": [
        _account("A1", "smb", "R1"),
        _account("A2", "smb", "R1"),
        _account("A3", "enterprise", "R2", churned_at="2024-04-15 00:00:00"),
        _account("A4", "consumer", "", customer_type="b2c", age_band="25-34"),
        _account("A5", "smb", "R1"),
    ],
    "orders": [
        _order("o1", "A1", "2024-01-10 09:00:00"),
        _order("o2", "A1", "2024-03-05 09:00:00"),
        _order("o3", "A1", "2024-05-01 09:00:00"),
        _order("o4", "A2", "2024-02-01 12:00:00"),
        _order("o5", "A2", "2024-02-01 12:00:00"),
        _order("o6", "A2", "2024-07-01 12:00:00", currency="EUR"),
        _order("o7", "A3", "2023-06-01 08:00:00"),
        _order("o8", "A3", "2024-02-10 08:00:00"),
        _order("o9", "A4", "2024-01-20 10:00:00"),
        _order("o10", "A4", "2024-08-01 10:00:00", status="cancelled"),
        _order("o11", "A4", "2025-01-05 10:00:00"),
        _order("o12", "A5", "2024-03-01 10:00:00", status="cancelled"),
    ],
    "order_items": [
        _item("i1", "o1", "P1", 1, 100),
        _item("i2", "o2", "P2", 2, 50, discount="10"),
        _item("i3", "o3", "P2", 1, 50),
        _item("i4", "o4", "P1", 1, 100),
        _item("i5", "o5", "P2", 1, 100),
        _item("i6", "o6", "P3", 1, 200),
        _item("i7", "o7", "P1", 1, 100),
        _item("i8", "o8", "P3", 1, 100),
        _item("i9", "o9", "P3", 1, 30),
        _item("i10", "o10", "P1", 1, 20),
        _item("i11", "o11", "P1", 1, 20),
        _item("i12", "o12", "P1", 1, 20),
    ],
    # OP1 cross_sell (A1 did not own P3) won after 20 days; OP2 upsell (A2 owns P1) won
    # after 10; OP3 cross_sell lost; OP4 new_business (A5 is no customer) won after 30;
    # OP5 cross_sell (no product, declared cross_sell) won after 15, no amount; OP6 open.
    "opportunities": [
        _opportunity(
            "OP1",
            "A1",
            "R1",
            "P3",
            "Closed Won",
            "2024-04-01 00:00:00",
            "2024-04-21 00:00:00",
            1000,
            "2024-04-05 00:00:00",
            campaign="C1",
        ),
        _opportunity(
            "OP2",
            "A2",
            "R1",
            "P1",
            "Won",
            "2024-05-01 00:00:00",
            "2024-05-11 00:00:00",
            500,
            "2024-05-02 00:00:00",
        ),
        _opportunity(
            "OP3",
            "A4",
            "R2",
            "P2",
            "Closed Lost",
            "2024-03-01 00:00:00",
            "2024-03-31 00:00:00",
            200,
            "2024-03-10 00:00:00",
            currency="EUR",
        ),
        _opportunity(
            "OP4",
            "A5",
            "R1",
            "P1",
            "Closed Won",
            "2024-02-01 00:00:00",
            "2024-03-02 00:00:00",
            300,
            declared_type="new_business",
        ),
        _opportunity(
            "OP5",
            "A1",
            "R2",
            "",
            "closed won",
            "2024-06-01 00:00:00",
            "2024-06-16 00:00:00",
            "",
            "2024-06-02 00:00:00",
        ),
        _opportunity("OP6", "A1", "R1", "P3", "Prospecting", "2024-09-01 00:00:00"),
    ],
    "implementations": [
        _implementation("IM1", "OP1", "succeeded", "2024-05-15 00:00:00"),
        _implementation("IM2", "OP5", "failed", "2024-07-01 00:00:00"),
        _implementation("IM3", "OP2", "succeeded", "2024-05-20 00:00:00"),  # an upsell
        _implementation("IM4", "OP1", "in_progress", ""),
    ],
    "interactions": [
        _interaction("IN1", "A1", "R1", "2024-04-02 10:00:00", "phone", "sales", "OP1"),
        _interaction("IN2", "A4", "R2", "2024-03-05 10:00:00", "email", "sales", "OP3"),
        _interaction("IN3", "A2", "R1", "2024-08-01 10:00:00", "chat", "service", ""),
        _interaction("IN4", "A1", "R2", "2024-06-05 10:00:00", "phone", "sales", "OP5"),
        _interaction("IN5", "A1", "R2", "2025-01-02 10:00:00", "phone", "sales", "OP5"),
    ],
    "product_usage": [
        _usage("A3", "P1", "2024-03-10", 5),
        _usage("A1", "P1", "2024-05-01", 3),
        _usage("A1", "P2", "2024-05-02", 0),
        _usage("A2", "P1", "2024-04-10", 1),
        _usage("A3", "P3", "2024-04-10", 2),
        _usage("A4", "P3", "2024-07-01", 4),
    ],
    "survey_responses": [
        _survey("S1", "A1", "csat", 5, "2024-02-01 00:00:00"),
        _survey("S2", "A2", "csat", 3, "2024-03-01 00:00:00"),
        _survey("S3", "A4", "csat", 4, "2024-09-01 00:00:00"),
        _survey("S4", "A5", "csat", 2, "2024-05-01 00:00:00"),
        _survey("N1", "A1", "nps", 10, "2024-04-01 00:00:00"),
        _survey("N2", "A2", "nps", 9, "2024-04-01 00:00:00"),
        _survey("N3", "A3", "nps", 8, "2024-04-01 00:00:00"),
        _survey("N4", "A4", "nps", 3, "2024-04-01 00:00:00"),
    ],
    "campaigns": [
        dict(
            campaign_id=campaign,
            campaign_name=campaign,
            channel="email",
            started_at="2024-01-01 00:00:00",
            is_deleted="false",
            _loaded_at=LOADED,
        )
        for campaign in ("C1", "C2")
    ],
    # C1: A1 (cross-buys 14 days later) and A4 (16 days later, in 2025) convert; A2 was
    # not yet a customer and A3 had churned: both out. C2: A2 cross-buys 122 days later.
    "campaign_members": [
        _member("C1", "A1", "2024-02-20 00:00:00"),
        _member("C1", "A2", "2024-01-15 00:00:00"),
        _member("C1", "A4", "2024-12-20 00:00:00"),
        _member("C1", "A3", "2024-05-01 00:00:00"),
        _member("C2", "A2", "2024-03-01 00:00:00"),
    ],
}
